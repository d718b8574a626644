// Children of the store and GUI tests; not part of the product.
//   ekyc-test-writer --db LOCATION
//       the writer child of the kill -9 store test (TestKillWriter)
//   ekyc-test-writer --db FILE --hold-lock
//       another process that holds the SQLite write lock (BEGIN IMMEDIATE) until a line arrives on its standard
//       input: prints "locked", then "released" after COMMIT (TestResponsiveness)
// Opens the history (passphrase from EKYC_DESK_PASSPHRASE) and writes cases until killed, printing one line per
// committed write, after COMMIT returned:
//   ready
//   created <seq> <caseId> | event <seq> <caseId> | completed <seq> <caseId>
#include "cli/HistoryCli.h"
#include "crypto/XorShiftRandom.h"
#include "domain/FictitiousPeople.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <iostream>
#include <string>

namespace {

// Writes one case in four commits, printing each; the first failure is returned.
Result<void> writeOneCase(AuditStore& store, Random& random, FictitiousPeople& people)
{
    const Actor actor = Actor::localUser();
    const FictitiousPerson person = people.next(QDate::currentDate());
    CaseRecord record;
    record.merchantBizId = QString::fromLatin1(random.hex32());
    record.name = person.name;
    record.idNumber = person.idNumber;
    const Result<QString> caseId = store.createCase(actor, record);
    if (!caseId)
        return caseId.failure();
    HistoryCli::out(QStringLiteral("created %1 %2\n").arg(store.lastSeq()).arg(*caseId));
    Result<qint64> seq = store.record(actor, *caseId, Events::AttemptSent());
    if (!seq)
        return seq.failure();
    HistoryCli::out(QStringLiteral("event %1 %2\n").arg(store.lastSeq()).arg(*caseId));
    Events::ResponseReceived answer;
    answer.subCode = QStringLiteral("200");
    seq = store.record(actor, *caseId, answer);
    if (!seq)
        return seq.failure();
    HistoryCli::out(QStringLiteral("event %1 %2\n").arg(store.lastSeq()).arg(*caseId));
    Events::CaseCompleted done;
    done.state = QLatin1String(CaseState::completed);
    done.passed = true;
    done.subCode = QStringLiteral("200");
    const Result<void> completed = store.completeCase(actor, *caseId, done);
    if (!completed)
        return completed;
    HistoryCli::out(QStringLiteral("completed %1 %2\n").arg(store.lastSeq()).arg(*caseId));
    return {};
}

int holdLock(const QString& path)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
    db.setDatabaseName(path);
    QSqlQuery q(db);
    if (!db.open() || !q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return 1;
    HistoryCli::out(QStringLiteral("locked\n"));
    std::string line;
    std::getline(std::cin, line); // the test says when: nothing here waits on the clock
    if (!q.exec(QStringLiteral("COMMIT")))
        return 1;
    HistoryCli::out(QStringLiteral("released\n"));
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(HistoryCli::dbOption());
    const QCommandLineOption holdLockOption(QStringLiteral("hold-lock"));
    parser.addOption(holdLockOption);
    parser.process(app);
    if (parser.isSet(holdLockOption))
        return holdLock(HistoryCli::location(parser));
    auto store = HistoryCli::openStore(parser);
    if (!store)
        return HistoryCli::CannotOpen;
    XorShiftRandom random(static_cast<quint64>(QDateTime::currentMSecsSinceEpoch()) | 1u);
    FictitiousPeople people(random);
    HistoryCli::out(QStringLiteral("ready\n"));
    Result<void> written;
    while ((written = writeOneCase(*store, random, people))) { }
    HistoryCli::err(written.message() + u'\n');
    return HistoryCli::CannotOpen;
}
