#include "Commands.h"
#include "HistoryCli.h"

#include "base/Clock.h"
#include "crypto/XorShiftRandom.h"
#include "domain/FictitiousPeople.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMutex>

namespace {

// Deterministic for a given --seed, so seeded histories repeat.
class SeededRandom : public XorShiftRandom
{
public:
    explicit SeededRandom(quint64 seed)
        : XorShiftRandom(seed ? seed : 0x9E3779B97F4A7C15ull)
    {
    }
    int below(int n) { return static_cast<int>(unit() * n); }
};

// Seeded histories spread over the past: each reading of the clock moves it forward a little.
class SteppingClock : public Clock
{
public:
    explicit SteppingClock(const QDateTime& start)
        : m_now(start)
    {
    }
    QDateTime nowUtc() const override
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addMSecs(37);
        return m_now;
    }
    qint64 monotonicMs() const override { return Clock::system().monotonicMs(); }
    void callAfter(qint64 ms, QObject* context, std::function<void()> fn) override
    {
        Clock::system().callAfter(ms, context, std::move(fn));
    }
    void jump(qint64 ms)
    {
        QMutexLocker lock(&m_mutex);
        m_now = m_now.addMSecs(ms);
    }

private:
    mutable QMutex m_mutex;
    mutable QDateTime m_now;
};

struct Outcome
{
    const char* subCode;
    bool passed;
};

// 200 passed (most), 202 and 223 not passed.
Outcome pickOutcome(SeededRandom& random)
{
    const int r = random.below(100);
    if (r < 72)
        return { "200", true };
    if (r < 86)
        return { "202", false };
    return { "223", false };
}

int seed(const QCommandLineParser& parser,
    const QCommandLineOption& eventsOption,
    const QCommandLineOption& seedOption,
    const QCommandLineOption& batchOption)
{
    bool ok = false;
    const qint64 total = parser.value(eventsOption).toLongLong(&ok);
    if (!ok || total < 1) {
        HistoryCli::err(HistoryCli::tr("--events needs a positive number.") + u'\n');
        return HistoryCli::BadUsage;
    }
    // Synthetic cases never go into a real history: --db is required and must name a new, empty history.
    if (parser.value(HistoryCli::dbOption()).isEmpty()) {
        HistoryCli::err(HistoryCli::tr("dev seed needs --db PATH|URL naming a new, empty history.") + u'\n');
        return HistoryCli::BadUsage;
    }
    bool batchOk = false;
    const int batch = parser.value(batchOption).toInt(&batchOk); // 1000 when not given
    if (!batchOk || batch < 1) {
        HistoryCli::err(HistoryCli::tr("--batch needs a positive number.") + u'\n');
        return HistoryCli::BadUsage;
    }
    bool seedOk = true;
    const quint64 seedValue = parser.isSet(seedOption) ? parser.value(seedOption).toULongLong(&seedOk)
                                                       : static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    if (!seedOk) {
        HistoryCli::err(HistoryCli::tr("--seed needs a whole number (0 or more).") + u'\n');
        return HistoryCli::BadUsage;
    }
    SeededRandom random(seedValue);
    FictitiousPeople people(random);
    // About 160 s per case on average: the history spans the past months.
    SteppingClock clock(QDateTime::currentDateTimeUtc().addSecs(-(total / 4) * 160 - 3600));

    AuditStore::Options options;
    QString error;
    if (!HistoryCli::keyOptions(&options.keys, &error)) {
        HistoryCli::err(error + u'\n');
        return HistoryCli::CannotOpen;
    }
    options.clock = &clock;
    Result<std::unique_ptr<AuditStore>> opened = AuditStore::open(HistoryCli::location(parser), options);
    if (!opened) {
        HistoryCli::err(opened.message() + u'\n');
        return HistoryCli::CannotOpen;
    }
    const std::unique_ptr<AuditStore> store = std::move(*opened);
    const Result<QList<CaseSummary>> existing =
        store->recentCases(Actor { QStringLiteral("seed"), QLatin1String(Role::supervisor), QString() }, 1);
    if (!existing) {
        HistoryCli::err(existing.message() + u'\n');
        return HistoryCli::CannotOpen;
    }
    if (!existing->isEmpty()) {
        HistoryCli::err(HistoryCli::tr("%1 already holds cases; dev seed writes only into a new, empty history.")
                            .arg(store->displayLocation())
            + u'\n');
        return HistoryCli::BadUsage;
    }
    const QStringList reviewers = { QStringLiteral("reviewer-01"),
        QStringLiteral("reviewer-02"),
        QStringLiteral("reviewer-03"),
        QStringLiteral("reviewer-04"),
        QStringLiteral("supervisor-01") };
    const QStringList scenes = { QStringLiteral("desk"), QStringLiteral("branch"), QStringLiteral("remote") };
    const QDate today = QDate::currentDate();
    QElapsedTimer timer;
    timer.start();
    qint64 written = 0;
    qint64 inBatch = 0;
    QString problem;
    auto count = [&](const auto& result) {
        if (!result) {
            problem = result.message();
            return false;
        }
        ++written;
        if (++inBatch >= batch) {
            Result<void> renewed = store->commitBatch();
            if (renewed)
                renewed = store->beginBatch();
            if (!renewed) {
                problem = renewed.message();
                return false;
            }
            inBatch = 0;
        }
        if (written % 100000 == 0)
            HistoryCli::err(HistoryCli::tr("%1 events…").arg(written) + u'\n');
        return true;
    };
    if (const Result<void> begun = store->beginBatch(); !begun) {
        HistoryCli::err(begun.message() + u'\n');
        return HistoryCli::CannotOpen;
    }
    bool good = true;
    while (good && written < total) {
        clock.jump(random.below(300000));
        Actor actor;
        actor.name = reviewers.at(random.below(static_cast<int>(reviewers.size())));
        actor.role = actor.name.startsWith(QLatin1String("supervisor")) ? QStringLiteral("supervisor")
                                                                        : QStringLiteral("reviewer");
        actor.workstation = QStringLiteral("seed");
        const FictitiousPerson person = people.next(today);
        CaseRecord record;
        record.merchantBizId = QString::fromLatin1(random.hex32());
        record.sceneCode = scenes.at(random.below(static_cast<int>(scenes.size())));
        record.training = random.below(10) < 3;
        record.name = person.name;
        record.idNumber = person.idNumber;
        const Result<QString> created = store->createCase(actor, record);
        good = count(created);
        const QString caseId = created.valueOr(QString());
        int attempt = 1;
        const QString endpoint = record.training ? QStringLiteral("https://127.0.0.1/")
                                                 : QStringLiteral("https://cloudauth-intl.cn-hongkong.aliyuncs.com/");
        auto sendAttempt = [&] {
            Events::AttemptSent sent;
            sent.attempt = attempt;
            sent.endpoint = endpoint;
            sent.merchantBizId = record.merchantBizId;
            return count(store->record(actor, caseId, sent));
        };
        if (good && written < total && random.below(20) == 0) {
            // A throttled first attempt, retried after back-off.
            good = sendAttempt();
            if (good && written < total) {
                Events::AttemptFailed throttled;
                throttled.attempt = attempt;
                throttled.httpStatus = 400;
                throttled.code = QStringLiteral("Throttling.Api");
                good = count(store->record(actor, caseId, throttled));
            }
            ++attempt;
        }
        if (good && written < total)
            good = sendAttempt();
        if (!good || written >= total)
            break;
        const Outcome outcome = pickOutcome(random);
        Events::ResponseReceived answer;
        answer.httpStatus = 200;
        answer.code = QStringLiteral("Success");
        answer.passed = outcome.passed;
        answer.subCode = QLatin1String(outcome.subCode);
        answer.requestId = QString::fromLatin1(random.hex32());
        answer.latencyMs = 80 + random.below(400);
        good = count(store->record(actor, caseId, answer));
        if (good && written < total) {
            Events::CaseCompleted completed;
            completed.state = QLatin1String(CaseState::completed);
            completed.passed = outcome.passed;
            completed.subCode = QLatin1String(outcome.subCode);
            good = count(store->completeCase(actor, caseId, completed));
        }
    }
    if (good) {
        const Result<void> committed = store->commitBatch();
        good = committed.ok();
        problem = committed.message();
    }
    if (!good) {
        HistoryCli::err(problem + u'\n');
        store->rollbackBatch();
        return HistoryCli::CannotOpen;
    }
    const double seconds = static_cast<double>(qMax<qint64>(1, timer.elapsed())) / 1000.0;
    HistoryCli::out(HistoryCli::tr("Seeded %1 events into %2 in %3 s (%4 events/s).")
                        .arg(written)
                        .arg(store->displayLocation())
                        .arg(seconds, 0, 'f', 1)
                        .arg(static_cast<double>(written) / seconds, 0, 'f', 0)
        + u'\n');
    return HistoryCli::Ok;
}

} // namespace

namespace Cli {

int runDev(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(HistoryCli::tr(
        "Developer tools.\n"
        "  dev seed --events N [--db PATH|URL] [--seed S] [--batch B]\n"
        "      Fills the history with a synthetic one: fictitious people (valid check digits), several reviewers and "
        "scenes, attempts, throttled retries and answers 200/202/223, written in transactions of B events "
        "(default 1000).\n"
        "Exit codes: 0 done; 3 bad arguments; 6 the history cannot be opened or written."));
    parser.addHelpOption();
    parser.addOption(HistoryCli::dbOption());
    const QCommandLineOption eventsOption(
        QStringLiteral("events"), HistoryCli::tr("How many events to write."), HistoryCli::tr("N"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), HistoryCli::tr("Seed for repeatable output."), HistoryCli::tr("S"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
        HistoryCli::tr("Events per transaction."),
        HistoryCli::tr("B"),
        QStringLiteral("1000"));
    parser.addOption(eventsOption);
    parser.addOption(seedOption);
    parser.addOption(batchOption);
    parser.addPositionalArgument(QStringLiteral("action"), HistoryCli::tr("seed"));
    if (const std::optional<int> done = HistoryCli::parse(parser, arguments))
        return *done;
    const QStringList actions = parser.positionalArguments();
    if (actions == QStringList { QStringLiteral("seed") })
        return seed(parser, eventsOption, seedOption, batchOption);
    HistoryCli::err(HistoryCli::tr("Use: dev seed --events N [--db PATH|URL] (see dev --help).") + u'\n');
    return HistoryCli::BadUsage;
}

} // namespace Cli
