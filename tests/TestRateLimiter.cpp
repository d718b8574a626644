#include "api/RateLimiter.h"

#include "FakeClock.h"

#include <QTest>

class TestRateLimiter : public QObject
{
    Q_OBJECT

private slots:
    void defaultIsTenPerSecond()
    {
        FakeClock clock;
        RateLimiter limiter(clock);
        QCOMPARE(limiter.qps(), 10.0);
        QCOMPARE(limiter.burst(), 1.0);
        // Back to back: each request reserves the next 100 ms slot.
        QCOMPARE(limiter.delayBeforeNext(), qint64(0));
        QCOMPARE(limiter.delayBeforeNext(), qint64(100));
        QCOMPARE(limiter.delayBeforeNext(), qint64(200));
    }

    void exactDelays_data()
    {
        QTest::addColumn<double>("qps");
        QTest::addColumn<double>("burst");
        QTest::addColumn<QList<qint64>>("advanceBefore"); // ms the clock moves before each request
        QTest::addColumn<QList<qint64>>("delays");
        QTest::newRow("10 qps, spaced 100 ms")
            << 10.0 << 1.0 << QList<qint64> { 0, 100, 100, 100 } << QList<qint64> { 0, 0, 0, 0 };
        QTest::newRow("10 qps, spaced 50 ms")
            << 10.0 << 1.0 << QList<qint64> { 0, 50, 50, 50 } << QList<qint64> { 0, 50, 100, 150 };
        QTest::newRow("10 qps, idle refills")
            << 10.0 << 1.0 << QList<qint64> { 0, 0, 0, 5000, 0 } << QList<qint64> { 0, 100, 200, 0, 100 };
        QTest::newRow("2 qps (a team of five sharing 10)")
            << 2.0 << 1.0 << QList<qint64> { 0, 0, 100 } << QList<qint64> { 0, 500, 900 };
        QTest::newRow("3 qps rounds up") << 3.0 << 1.0 << QList<qint64> { 0, 0, 0 } << QList<qint64> { 0, 334, 667 };
        QTest::newRow("burst 3") << 10.0 << 3.0 << QList<qint64> { 0, 0, 0, 0, 0 }
                                 << QList<qint64> { 0, 0, 0, 100, 200 };
        QTest::newRow("burst 10 refills") << 10.0 << 10.0 << QList<qint64> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000 }
                                          << QList<qint64> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 0 };
        QTest::newRow("disabled") << 0.0 << 1.0 << QList<qint64> { 0, 0, 0 } << QList<qint64> { 0, 0, 0 };
    }

    void exactDelays()
    {
        QFETCH(double, qps);
        QFETCH(double, burst);
        QFETCH(QList<qint64>, advanceBefore);
        QFETCH(QList<qint64>, delays);
        FakeClock clock;
        RateLimiter limiter(clock, qps, burst);
        QCOMPARE(advanceBefore.size(), delays.size());
        for (int i = 0; i < delays.size(); ++i) {
            clock.advance(advanceBefore.at(i));
            QCOMPARE(limiter.delayBeforeNext(), delays.at(i));
        }
    }

    // Callers that wait what they are told never exceed the rate over any window.
    void neverExceedsRate_data()
    {
        QTest::addColumn<double>("qps");
        QTest::newRow("10") << 10.0;
        QTest::newRow("2") << 2.0;
        QTest::newRow("7.5") << 7.5;
    }

    void neverExceedsRate()
    {
        QFETCH(double, qps);
        FakeClock clock;
        RateLimiter limiter(clock, qps);
        QList<qint64> sent;
        for (int i = 0; i < 100; ++i) {
            // Requests arrive every 10 ms, far faster than allowed.
            const qint64 wait = limiter.delayBeforeNext();
            QVERIFY(wait >= 0);
            sent.append(clock.monotonicMs() + wait);
            clock.advance(10);
        }
        for (int i = 1; i < sent.size(); ++i)
            QVERIFY2(sent.at(i) - sent.at(i - 1) >= static_cast<qint64>(1000.0 / qps) - 1,
                qPrintable(QStringLiteral("%1 -> %2").arg(sent.at(i - 1)).arg(sent.at(i))));
        const double seconds = static_cast<double>(sent.last() - sent.first()) / 1000.0;
        QVERIFY((sent.size() - 1) / seconds <= qps + 1e-6);
    }

    void setRateResets()
    {
        FakeClock clock;
        RateLimiter limiter(clock, 1.0);
        QCOMPARE(limiter.delayBeforeNext(), qint64(0));
        QCOMPARE(limiter.delayBeforeNext(), qint64(1000));
        limiter.setRate(5.0, 2.0);
        QCOMPARE(limiter.qps(), 5.0);
        QCOMPARE(limiter.burst(), 2.0);
        QCOMPARE(limiter.delayBeforeNext(), qint64(0));
        QCOMPARE(limiter.delayBeforeNext(), qint64(0));
        QCOMPARE(limiter.delayBeforeNext(), qint64(200));
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "TestRateLimiter.moc"
