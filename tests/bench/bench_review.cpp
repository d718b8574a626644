// Manual-review queue benchmark (SQLite). Not a test: run it by hand or through `packaging/dev bench`.
//
//   bench_review [--cases N] [--queued M] [--runs R] [--dir DIR]
//
// Seeds a history of N answered cases (default 100,000; every fifth a 202 or 223) and sends M of them (default
// 10,000) to manual review, half of those claimed. Then times what opening the queue view costs: the first page
// (200 rows, oldest first) and its counts through AuditStore::reviewQueue, right after opening the history and then
// R times (median, p95). The reference is the sqlite3 shell running the same two statements on the same file
// (its own ".timer" figure for a second run of both in the same shell, process start and schema read excluded).
#include "domain/FictitiousPeople.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"

#include "FakeRandom.h"
#include "StoreFixture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

void print(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

template <class R> void must(const R& result)
{
    if (!result) {
        print(QStringLiteral("failed: ") + result.message());
        std::exit(1);
    }
}

struct Timing
{
    double median = 0;
    double p95 = 0;
};

Timing summarize(QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.isEmpty())
        return {};
    return { ms.at(ms.size() / 2), ms.at(qMin(ms.size() - 1, ms.size() * 95 / 100)) };
}

// Seeds cases and queues every (cases / queued)-th; returns the ids in the queue.
void seed(AuditStore& store, int cases, int queued)
{
    FakeRandom random(7);
    FictitiousPeople people(random);
    const QDate today(2026, 11, 25);
    const Actor actor = StoreFixture::reader();
    const char* subCodes[] = { "200", "200", "200", "202", "223" };
    const int every = qMax(1, cases / qMax(1, queued));
    must(store.beginBatch());
    for (int n = 0; n < cases; ++n) {
        const FictitiousPerson p = people.next(today);
        CaseRecord r;
        r.merchantBizId = QString::fromLatin1(random.hex32());
        r.sceneCode = QStringLiteral("desk");
        r.name = p.name;
        r.idNumber = p.idNumber;
        const Result<QString> id = store.createCase(actor, r);
        must(id);
        const QString subCode = QLatin1String(subCodes[n % 5]);
        must(store.completeCase(actor,
            *id,
            StoreFixture::completion(QLatin1String(CaseState::completed), subCode == QLatin1String("200"), subCode)));
        if (n % every == 0) {
            must(store.review(actor, { *id, QLatin1String(ReviewAction::open), {}, {}, {}, {}, {}, {}, -1 }));
            if ((n / every) % 2 == 0)
                must(store.review(actor, { *id, QLatin1String(ReviewAction::claim), {}, {}, {}, {}, {}, {}, -1 }));
        }
        if (n % 1000 == 999) {
            must(store.commitBatch());
            must(store.beginBatch());
        }
    }
    must(store.commitBatch());
}

// The sqlite3 shell's own timing of the queue's two statements, in ms (process start not counted).
double sqliteShellMs(const QString& path, const QString& overdueBefore)
{
    const QString sql = QStringLiteral(
        ".timer on\n"
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN r.opened_at < '%1' THEN 1 ELSE 0 END), 0) FROM reviews r "
        "JOIN cases c ON c.case_id = r.case_id WHERE r.active = 1 AND r.state IN "
        "('open','in_review','proposed','escalated','reopened');\n"
        "SELECT r.*, c.actor, c.sub_code, c.name_masked, c.id_masked, c.scene_code, c.merchant_biz_id, "
        "c.training FROM reviews r JOIN cases c ON c.case_id = r.case_id WHERE r.active = 1 AND "
        "r.state IN ('open','in_review','proposed','escalated','reopened') ORDER BY r.opened_at, "
        "r.case_id LIMIT 200;\n")
                            .arg(overdueBefore);
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), { QStringLiteral("-readonly"), path });
    if (!shell.waitForStarted())
        return -1;
    shell.write(sql.toUtf8());
    shell.write(sql.toUtf8()); // timed twice: the second pair, with the schema read and the pages cached
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    QList<double> times;
    static const QRegularExpression real(QStringLiteral("Run Time: real ([0-9.]+)"));
    auto it = real.globalMatch(QString::fromUtf8(shell.readAllStandardOutput()));
    while (it.hasNext())
        times << it.next().captured(1).toDouble() * 1000.0;
    return times.size() == 4 ? times.at(2) + times.at(3) : -1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption casesOption(
        QStringLiteral("cases"), QStringLiteral("Answered cases."), QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption queuedOption(
        QStringLiteral("queued"), QStringLiteral("Of those, in review."), QStringLiteral("M"), QStringLiteral("10000"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Timed queue openings."), QStringLiteral("R"), QStringLiteral("50"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"), QStringLiteral("Work in this directory."), QStringLiteral("DIR"));
    parser.addOptions({ casesOption, queuedOption, runsOption, dirOption });
    parser.process(app);
    const int cases = parser.value(casesOption).toInt();
    const int queued = parser.value(queuedOption).toInt();
    const int runs = parser.value(runsOption).toInt();

    QTemporaryDir tmp(parser.isSet(dirOption) ? parser.value(dirOption) + QStringLiteral("/bench-XXXXXX")
                                              : QDir::tempPath() + QStringLiteral("/ekyc-bench-XXXXXX"));
    const QString path = tmp.filePath(QStringLiteral("history.sqlite"));
    AuditStore::Options options;
    options.keys = StoreFixture::keys();
    std::unique_ptr<AuditStore> store = StoreFixture::storeOf(AuditStore::open(path, options));
    if (!store)
        return 1;
    QElapsedTimer timer;
    timer.start();
    seed(*store, cases, queued);
    print(QStringLiteral("seeded %1 cases, %2 in review: %3 s")
              .arg(cases)
              .arg(queued)
              .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
    store.reset();
    store = StoreFixture::storeOf(AuditStore::open(path, options));
    if (!store)
        return 1;

    const Actor reader = StoreFixture::reader();
    timer.restart();
    const Result<ReviewQueuePage> first = store->reviewQueue(reader, {});
    must(first);
    const double firstMs = timer.nsecsElapsed() / 1e6;
    QList<double> samples;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        must(store->reviewQueue(reader, {}));
        samples << timer.nsecsElapsed() / 1e6;
    }
    const Timing t = summarize(samples);
    print(QStringLiteral("queue first page (%1 rows of %2, %3 overdue): first after open %4 ms; %5 runs median %6 ms, "
                         "p95 %7 ms")
              .arg(first->rows.size())
              .arg(first->total)
              .arg(first->overdue)
              .arg(firstMs, 0, 'f', 2)
              .arg(runs)
              .arg(t.median, 0, 'f', 2)
              .arg(t.p95, 0, 'f', 2));
    const QString overdueBefore =
        QString::fromLatin1(CanonicalEvent::timestamp(QDateTime::currentDateTimeUtc().addSecs(-24 * 3600)));
    QList<double> shell;
    for (int i = 0; i < qMin(runs, 10); ++i)
        shell << sqliteShellMs(path, overdueBefore);
    const Timing s = summarize(shell);
    if (s.median < 0)
        print(QStringLiteral("sqlite3 shell not found: no reference"));
    else
        print(QStringLiteral(
            "sqlite3 shell, same two statements (%1 runs): median %2 ms (the store's median is %3x that)")
                  .arg(shell.size())
                  .arg(s.median, 0, 'f', 2)
                  .arg(t.median / qMax(0.001, s.median), 0, 'f', 1));
    return 0;
}
