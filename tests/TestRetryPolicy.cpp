#include "api/RetryPolicy.h"
#include "api/VerificationResult.h"

#include "FakeRandom.h"

#include <QTest>

using Status = VerificationResult::Status;
using Error = VerificationResult::Error;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private:
    static VerificationResult result(Status status, Error error, int httpStatus, const QString& subCode = {})
    {
        VerificationResult r;
        r.status = status;
        r.error = error;
        r.httpStatus = httpStatus;
        r.subCode = subCode;
        r.passed = status == Status::Passed;
        return r;
    }

private slots:
    void whichResultsRetry_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<bool>("retry");
        const auto row = [](const char* name, Status s, Error e, int http, bool retry) {
            QTest::newRow(name) << static_cast<int>(s) << static_cast<int>(e) << http << retry;
        };
        // Business answers are billed: never retried.
        row("200 passed", Status::Passed, Error::None, 200, false);
        row("202 not passed", Status::NotPassed, Error::None, 200, false);
        row("223 not passed", Status::NotPassed, Error::None, 200, false);
        // Retried: throttling, 5xx, transient transport failures.
        row("throttling", Status::ApiError, Error::Throttling, 403, true);
        row("500 InternalError", Status::ApiError, Error::InternalError, 500, true);
        row("503 ServiceUnavailable", Status::ApiError, Error::ServiceUnavailable, 503, true);
        row("500 other", Status::ApiError, Error::OtherApiError, 500, true);
        // Behind a 502 or a 504 the service may have processed the request.
        row("502 other", Status::ApiError, Error::OtherApiError, 502, false);
        row("504 other", Status::ApiError, Error::OtherApiError, 504, false);
        row("timeout", Status::NetworkError, Error::Timeout, 0, true);
        row("connection reset", Status::NetworkError, Error::ConnectionReset, 0, true);
        row("connection refused", Status::NetworkError, Error::ConnectionRefused, 0, true);
        // Not retried: will not heal in seconds, or may have been billed.
        row("host not found", Status::NetworkError, Error::HostNotFound, 0, false);
        row("TLS failure", Status::NetworkError, Error::TlsFailure, 0, false);
        row("proxy", Status::NetworkError, Error::ProxyError, 0, false);
        row("other network", Status::NetworkError, Error::OtherNetworkError, 0, false);
        row("malformed", Status::NetworkError, Error::MalformedResponse, 200, false);
        row("oversized", Status::NetworkError, Error::OversizedResponse, 200, false);
        row("missing parameter", Status::ApiError, Error::MissingParameter, 400, false);
        row("invalid parameter", Status::ApiError, Error::InvalidParameter, 400, false);
        row("RAM denied", Status::ApiError, Error::RamUserAccessDenied, 403, false);
        row("account denied", Status::ApiError, Error::AccountAccessDenied, 403, false);
        row("signature", Status::ApiError, Error::SignatureDoesNotMatch, 400, false);
        row("incomplete signature", Status::ApiError, Error::IncompleteSignature, 400, false);
        row("access key", Status::ApiError, Error::InvalidAccessKeyId, 404, false);
        row("nonce used", Status::ApiError, Error::SignatureNonceUsed, 400, false);
        row("timestamp", Status::ApiError, Error::TimestampExpired, 400, false);
        row("403 other", Status::ApiError, Error::OtherApiError, 403, false);
        row("cancelled", Status::Cancelled, Error::Cancelled, 0, false);
    }

    void whichResultsRetry()
    {
        QFETCH(int, status);
        QFETCH(int, error);
        QFETCH(int, httpStatus);
        QFETCH(bool, retry);
        const VerificationResult r = result(static_cast<Status>(status), static_cast<Error>(error), httpStatus);
        QCOMPARE(r.isRetryable(), retry);
        const RetryPolicy policy(4, 500, 8000);
        QCOMPARE(policy.shouldRetry(r, 1), retry);
        QCOMPARE(policy.shouldRetry(r, 3), retry);
        QCOMPARE(policy.shouldRetry(r, 4), false); // attempt cap
    }

    void attemptCap_data()
    {
        QTest::addColumn<int>("maxAttempts");
        QTest::addColumn<int>("retries");
        QTest::newRow("1: never retry") << 1 << 0;
        QTest::newRow("2") << 2 << 1;
        QTest::newRow("4 (default)") << 4 << 3;
        QTest::newRow("0 counts as 1") << 0 << 0;
    }

    void attemptCap()
    {
        QFETCH(int, maxAttempts);
        QFETCH(int, retries);
        const RetryPolicy policy(maxAttempts, 500, 8000);
        const VerificationResult r = result(Status::ApiError, Error::InternalError, 500);
        int made = 1;
        while (policy.shouldRetry(r, made))
            ++made;
        QCOMPARE(made - 1, retries);
    }

    void ceiling_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<qint64>("ceiling");
        QTest::newRow("1") << 1 << qint64(500);
        QTest::newRow("2") << 2 << qint64(1000);
        QTest::newRow("3") << 3 << qint64(2000);
        QTest::newRow("4") << 4 << qint64(4000);
        QTest::newRow("5") << 5 << qint64(8000);
        QTest::newRow("6 capped") << 6 << qint64(8000);
        QTest::newRow("100 capped, no overflow") << 100 << qint64(8000);
    }

    void ceiling()
    {
        QFETCH(int, attempt);
        QFETCH(qint64, ceiling);
        const RetryPolicy policy(10, 500, 8000);
        QCOMPARE(policy.ceilingMs(attempt), ceiling);
    }

    void fullJitterExactDelays_data()
    {
        QTest::addColumn<int>("attempt");
        QTest::addColumn<double>("unit");
        QTest::addColumn<qint64>("delay");
        QTest::newRow("a1 u0") << 1 << 0.0 << qint64(0);
        QTest::newRow("a1 u0.5") << 1 << 0.5 << qint64(250);
        QTest::newRow("a2 u0.5") << 2 << 0.5 << qint64(500);
        QTest::newRow("a3 u0.25") << 3 << 0.25 << qint64(500);
        QTest::newRow("a3 u0.999") << 3 << 0.999 << qint64(1998);
        QTest::newRow("a7 u0.5 capped") << 7 << 0.5 << qint64(4000);
    }

    void fullJitterExactDelays()
    {
        QFETCH(int, attempt);
        QFETCH(double, unit);
        QFETCH(qint64, delay);
        const RetryPolicy policy(10, 500, 8000);
        FakeRandom random;
        random.fixedUnit = unit;
        const VerificationResult r = result(Status::ApiError, Error::InternalError, 500);
        QCOMPARE(policy.delayMs(r, attempt, random), delay);
        QCOMPARE(policy.delayMs(r, attempt, unit), delay);
    }

    void jitterStaysWithinBounds()
    {
        const RetryPolicy policy(10, 500, 8000);
        FakeRandom random(12345);
        const VerificationResult r = result(Status::NetworkError, Error::Timeout, 0);
        for (int attempt = 1; attempt <= 8; ++attempt) {
            qint64 lowest = std::numeric_limits<qint64>::max();
            qint64 highest = 0;
            for (int i = 0; i < 500; ++i) {
                const qint64 d = policy.delayMs(r, attempt, random);
                QVERIFY(d >= 0);
                QVERIFY(d < policy.ceilingMs(attempt));
                lowest = qMin(lowest, d);
                highest = qMax(highest, d);
            }
            // Full jitter spreads over the whole range.
            QVERIFY(lowest < policy.ceilingMs(attempt) / 10);
            QVERIFY(highest > policy.ceilingMs(attempt) * 9 / 10);
        }
    }

    void throttlingHonoursTimeLeft_data()
    {
        QTest::addColumn<qint64>("hint");
        QTest::addColumn<double>("unit");
        QTest::addColumn<qint64>("delay");
        QTest::newRow("no hint") << qint64(0) << 0.5 << qint64(250);
        QTest::newRow("hint larger") << qint64(2000) << 0.5 << qint64(2000);
        QTest::newRow("hint smaller") << qint64(100) << 0.5 << qint64(250);
        QTest::newRow("hint bounded") << qint64(3600000) << 0.5 << RetryPolicy::maxServerHintMs;
    }

    void throttlingHonoursTimeLeft()
    {
        QFETCH(qint64, hint);
        QFETCH(double, unit);
        QFETCH(qint64, delay);
        const RetryPolicy policy(4, 500, 8000);
        VerificationResult r = result(Status::ApiError, Error::Throttling, 403);
        r.retryAfterMs = hint;
        QCOMPARE(policy.delayMs(r, 1, unit), delay);
    }

    void hintIgnoredForOtherErrors()
    {
        const RetryPolicy policy(4, 500, 8000);
        VerificationResult r = result(Status::ApiError, Error::InternalError, 500);
        r.retryAfterMs = 5000;
        QCOMPARE(policy.delayMs(r, 1, 0.5), qint64(250));
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "TestRetryPolicy.moc"
