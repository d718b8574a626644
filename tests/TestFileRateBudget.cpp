#include "FakeClock.h"

#include "api/FileRateBudget.h"
#include "api/RateLimiter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// The workstation's shared rate budget: two budgets on one file stand for two processes; the clock is a fake one,
// so the slots are exact.
class TestFileRateBudget : public QObject
{
    Q_OBJECT

private slots:
    // Slots alternate between the two "processes", one interval apart whoever books them.
    void sharesOneLimit_data()
    {
        QTest::addColumn<double>("intervalMs");
        QTest::addColumn<QString>("order"); // which budget books each slot
        QTest::newRow("alternating, 5 QPS") << 200.0 << QStringLiteral("ababab");
        QTest::newRow("one after the other, 10 QPS") << 100.0 << QStringLiteral("aaabbb");
        QTest::newRow("uneven, 2.5 QPS") << 400.0 << QStringLiteral("abbbaab");
    }
    void sharesOneLimit()
    {
        QFETCH(double, intervalMs);
        QFETCH(QString, order);
        QTemporaryDir dir;
        FakeClock clock;
        const QString path = dir.filePath(QStringLiteral("budget/rate-budget-live"));
        FileRateBudget a(path, clock);
        FileRateBudget b(path, clock);
        for (qsizetype i = 0; i < order.size(); ++i) {
            const Result<qint64> wait = (order[i] == u'a' ? a : b).reserve(intervalMs);
            QVERIFY2(wait.ok(), qPrintable(wait.message()));
            QCOMPARE(*wait, static_cast<qint64>(i * intervalMs));
        }
        QCOMPARE(QFile(path).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    }

    // Time that passed frees the slots it covered; a clock set back does not leave everyone waiting.
    void forgetsThePastAndAClockSetBack()
    {
        QTemporaryDir dir;
        FakeClock clock;
        FileRateBudget budget(dir.filePath(QStringLiteral("b")), clock);
        QCOMPARE(*budget.reserve(100), 0);
        QCOMPARE(*budget.reserve(100), 100);
        clock.advance(5000);
        QCOMPARE(*budget.reserve(100), 0);
        // Someone booked far ahead on a clock that was later set back by an hour.
        FakeClock earlier(clock.nowUtc().addSecs(-3600));
        FileRateBudget back(dir.filePath(QStringLiteral("b")), earlier);
        QCOMPARE(*back.reserve(100), 0);
    }

    void refusesAPlaceItCannotWrite()
    {
        FakeClock clock;
        FileRateBudget budget(QStringLiteral("/proc/no-such-dir/budget"), clock);
        const Result<qint64> wait = budget.reserve(100);
        QVERIFY(!wait.ok());
        QVERIFY(wait.message().contains(QStringLiteral("/proc/no-such-dir/budget")));
    }

    // The limiter books from the shared budget, with headroom, and its first slot (a cold connection, which reaches
    // the service late) with room after it; when the budget fails it keeps its own limit.
    void limiterUsesTheSharedBudget()
    {
        QTemporaryDir dir;
        FakeClock clock;
        FileRateBudget budget(dir.filePath(QStringLiteral("b")), clock);
        FileRateBudget other(dir.filePath(QStringLiteral("b")), clock);
        RateLimiter limiter(clock, 10);
        limiter.setShared(&budget);
        QCOMPARE(limiter.delayBeforeNext(), 0);
        const double interval = 100 * RateLimiter::sharedHeadroom;
        const double first = interval + RateLimiter::coldStartMs;
        QCOMPARE(*other.reserve(interval), qint64(std::ceil(first - 1e-9))); // another process books the next slot
        QCOMPARE(limiter.delayBeforeNext(), qint64(std::ceil(first + interval - 1e-9))); // warm now: one interval
        QCOMPARE(limiter.delayBeforeNext(), qint64(std::ceil(first + 2 * interval - 1e-9)));

        FileRateBudget broken(QStringLiteral("/proc/no-such-dir/budget"), clock);
        RateLimiter fallback(clock, 10);
        fallback.setShared(&broken);
        QCOMPARE(fallback.delayBeforeNext(), 0);
        QCOMPARE(fallback.delayBeforeNext(), 100);
        QVERIFY(!fallback.sharedError().isEmpty());

        RateLimiter unlimited(clock, 0);
        unlimited.setShared(&budget);
        QCOMPARE(unlimited.delayBeforeNext(), 0);
        QCOMPARE(unlimited.delayBeforeNext(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFileRateBudget)
#include "TestFileRateBudget.moc"
