#include "api/ResponseParser.h"
#include "api/VerificationResult.h"

#include <QTest>
#include <QTimeZone>

using Status = VerificationResult::Status;
using Error = VerificationResult::Error;

class TestResponseParser : public QObject
{
    Q_OBJECT

private:
    static QByteArray answer(const char* code, const char* passed, const char* subCode)
    {
        return QByteArray("{\"RequestId\":\"130A2C10-B9EE-4D84-88E3-5384FF030000\",\"Code\":\"") + code
            + "\",\"Message\":\"success\",\"Result\":{\"Passed\":\"" + passed + "\",\"SubCode\":\"" + subCode + "\"}}";
    }
    static QByteArray error(const char* code, const char* message = "error message")
    {
        return QByteArray("{\"RequestId\":\"7E1B4C7F-0000-4000-8000-000000000001\",\"Code\":\"") + code
            + "\",\"Message\":\"" + message + "\",\"HostId\":\"cloudauth-intl.cn-hongkong.aliyuncs.com\"}";
    }

private slots:
    void parse_data()
    {
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Status>("status");
        QTest::addColumn<Error>("error");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("subCode");
        QTest::addColumn<bool>("retryable");

        QTest::newRow("200 Success") << 200 << answer("Success", "Y", "200") << Status::Passed << Error::None << true
                                     << QStringLiteral("200") << false;
        QTest::newRow("200 success lower-case") << 200 << answer("success", "Y", "200") << Status::Passed << Error::None
                                                << true << QStringLiteral("200") << false;
        QTest::newRow("200 SUCCESS upper-case") << 200 << answer("SUCCESS", "Y", "200") << Status::Passed << Error::None
                                                << true << QStringLiteral("200") << false;
        QTest::newRow("202 not in database") << 200 << answer("Success", "N", "202") << Status::NotPassed << Error::None
                                             << false << QStringLiteral("202") << false;
        QTest::newRow("223 mismatch") << 200 << answer("success", "N", "223") << Status::NotPassed << Error::None
                                      << false << QStringLiteral("223") << false;
        QTest::newRow("unknown SubCode") << 200 << answer("success", "N", "999") << Status::NotPassed << Error::None
                                         << false << QStringLiteral("999") << false;
        QTest::newRow("Passed lower-case y") << 200 << answer("success", "y", "200") << Status::Passed << Error::None
                                             << true << QStringLiteral("200") << false;
        QTest::newRow("SubCode as a number")
            << 200
            << QByteArray("{\"RequestId\":\"r\",\"Code\":\"success\",\"Message\":\"ok\",\"Result\":{\"Passed\":\"N\","
                          "\"SubCode\":223}}")
            << Status::NotPassed << Error::None << false << QStringLiteral("223") << false;
        QTest::newRow("SubCode as a fraction")
            << 200
            << QByteArray("{\"RequestId\":\"r\",\"Code\":\"success\",\"Message\":\"ok\",\"Result\":{\"Passed\":\"N\","
                          "\"SubCode\":223.5}}")
            << Status::NotPassed << Error::None << false << QStringLiteral("223.5") << false;
        QTest::newRow("success without Result")
            << 200 << QByteArray("{\"RequestId\":\"r\",\"Code\":\"success\",\"Message\":\"ok\"}")
            << Status::NetworkError << Error::MalformedResponse << false << QString() << false;
        QTest::newRow("success without Passed")
            << 200 << QByteArray("{\"RequestId\":\"r\",\"Code\":\"success\",\"Result\":{\"SubCode\":\"200\"}}")
            << Status::NetworkError << Error::MalformedResponse << false << QString() << false;
        QTest::newRow("success without SubCode")
            << 200 << QByteArray("{\"RequestId\":\"r\",\"Code\":\"success\",\"Result\":{\"Passed\":\"Y\"}}")
            << Status::NetworkError << Error::MalformedResponse << false << QString() << false;
        QTest::newRow("Passed neither Y nor N")
            << 200 << QByteArray("{\"Code\":\"success\",\"Result\":{\"Passed\":\"maybe\",\"SubCode\":\"200\"}}")
            << Status::NetworkError << Error::MalformedResponse << false << QString() << false;
        QTest::newRow("200 without Code")
            << 200 << QByteArray("{\"RequestId\":\"r\",\"Result\":{}}") << Status::NetworkError
            << Error::MalformedResponse << false << QString() << false;
        QTest::newRow("HTML error page 200")
            << 200 << QByteArray("<html><body><h1>Welcome to nginx</h1></body></html>") << Status::NetworkError
            << Error::MalformedResponse << false << QString() << false;
        // Behind a 502 or a 504 the service may have processed the request, and billed it: not retried.
        QTest::newRow("HTML error page 502")
            << 502 << QByteArray("<html><head><title>502 Bad Gateway</title></head></html>") << Status::OutcomeUnknown
            << Error::ServiceUnavailable << false << QString() << false;
        QTest::newRow("HTML error page 504")
            << 504 << QByteArray("<html><head><title>504 Gateway Time-out</title></head></html>")
            << Status::OutcomeUnknown << Error::ServiceUnavailable << false << QString() << false;
        QTest::newRow("HTML error page 503")
            << 503 << QByteArray("<html><head><title>503 Service Unavailable</title></head></html>") << Status::ApiError
            << Error::ServiceUnavailable << false << QString() << true;
        QTest::newRow("truncated JSON") << 200 << answer("success", "Y", "200").left(60) << Status::NetworkError
                                        << Error::MalformedResponse << false << QString() << false;
        QTest::newRow("empty body") << 200 << QByteArray() << Status::NetworkError << Error::MalformedResponse << false
                                    << QString() << false;
        QTest::newRow("JSON array") << 200 << QByteArray("[1,2,3]") << Status::NetworkError << Error::MalformedResponse
                                    << false << QString() << false;
        QTest::newRow("oversized") << 200 << (answer("success", "Y", "200") + QByteArray(70000, ' '))
                                   << Status::NetworkError << Error::OversizedResponse << false << QString() << false;
        QTest::newRow("400 MissingParameter") << 400 << error("MissingParameter") << Status::ApiError
                                              << Error::MissingParameter << false << QString() << false;
        QTest::newRow("400 InvalidParameter") << 400 << error("InvalidParameter") << Status::ApiError
                                              << Error::InvalidParameter << false << QString() << false;
        QTest::newRow("403 RAM user") << 403 << error("Forbidden.RAMUserAccessDenied") << Status::ApiError
                                      << Error::RamUserAccessDenied << false << QString() << false;
        QTest::newRow("403 account") << 403 << error("Forbidden.AccountAccessDenied") << Status::ApiError
                                     << Error::AccountAccessDenied << false << QString() << false;
        QTest::newRow("403 Throttling.Api")
            << 403 << error("Throttling.Api") << Status::ApiError << Error::Throttling << false << QString() << true;
        QTest::newRow("403 Throttling.User")
            << 403 << error("Throttling.User") << Status::ApiError << Error::Throttling << false << QString() << true;
        QTest::newRow("429 Throttling") << 429 << error("Throttling") << Status::ApiError << Error::Throttling << false
                                        << QString() << true;
        // A gateway's own 429 page says nothing the parser can read, but its status says throttled: retried.
        QTest::newRow("429 in plain text") << 429 << QByteArray("Too Many Requests") << Status::ApiError
                                           << Error::Throttling << false << QString() << true;
        QTest::newRow("429 without an error code") << 429 << QByteArray("{\"RequestId\":\"r\"}") << Status::ApiError
                                                   << Error::Throttling << false << QString() << true;
        QTest::newRow("SignatureDoesNotMatch") << 400 << error("SignatureDoesNotMatch") << Status::ApiError
                                               << Error::SignatureDoesNotMatch << false << QString() << false;
        QTest::newRow("IncompleteSignature") << 400 << error("IncompleteSignature") << Status::ApiError
                                             << Error::IncompleteSignature << false << QString() << false;
        QTest::newRow("InvalidAccessKeyId.NotFound") << 404 << error("InvalidAccessKeyId.NotFound") << Status::ApiError
                                                     << Error::InvalidAccessKeyId << false << QString() << false;
        QTest::newRow("SignatureNonceUsed") << 400 << error("SignatureNonceUsed") << Status::ApiError
                                            << Error::SignatureNonceUsed << false << QString() << false;
        QTest::newRow("InvalidTimeStamp.Expired") << 400 << error("InvalidTimeStamp.Expired") << Status::ApiError
                                                  << Error::TimestampExpired << false << QString() << false;
        QTest::newRow("500 InternalError")
            << 500 << error("InternalError") << Status::ApiError << Error::InternalError << false << QString() << true;
        QTest::newRow("503 ServiceUnavailable") << 503 << error("ServiceUnavailable") << Status::ApiError
                                                << Error::ServiceUnavailable << false << QString() << true;
        QTest::newRow("500 without body")
            << 500 << QByteArray() << Status::ApiError << Error::InternalError << false << QString() << true;
        QTest::newRow("504 unknown code") << 504 << error("Gateway.Timeout") << Status::OutcomeUnknown
                                          << Error::OtherApiError << false << QString() << false;
        QTest::newRow("502 InternalError") << 502 << error("InternalError") << Status::OutcomeUnknown
                                           << Error::InternalError << false << QString() << false;
        QTest::newRow("500 unknown code")
            << 500 << error("Some.New.Fault") << Status::ApiError << Error::OtherApiError << false << QString() << true;
        QTest::newRow("429 with another code")
            << 429 << error("TooManyRequests") << Status::ApiError << Error::Throttling << false << QString() << true;
        QTest::newRow("403 unknown code") << 403 << error("Forbidden.UserVerification") << Status::ApiError
                                          << Error::OtherApiError << false << QString() << false;
        QTest::newRow("success code with 400") << 400 << answer("success", "Y", "200") << Status::NetworkError
                                               << Error::MalformedResponse << false << QString() << false;
    }

    void parse()
    {
        QFETCH(int, httpStatus);
        QFETCH(QByteArray, body);
        QFETCH(Status, status);
        QFETCH(Error, error);
        QFETCH(bool, passed);
        QFETCH(QString, subCode);
        QFETCH(bool, retryable);

        const VerificationResult r = ResponseParser::parse(httpStatus, {}, body, 64 * 1024);
        QCOMPARE(r.status, status);
        QCOMPARE(r.error, error);
        QCOMPARE(r.passed, passed);
        QCOMPARE(r.subCode, subCode);
        QCOMPARE(r.httpStatus, httpStatus);
        QCOMPARE(r.isRetryable(), retryable);
        QCOMPARE(r.isBusinessAnswer(), status == Status::Passed || status == Status::NotPassed);
        QVERIFY(!r.explanation().isEmpty());
        if (r.isBusinessAnswer())
            QVERIFY(r.detail.isEmpty());
        if (error == Error::MalformedResponse || error == Error::OversizedResponse)
            QVERIFY(!r.detail.isEmpty());
    }

    void fieldsAreKept()
    {
        const VerificationResult r = ResponseParser::parse(200, {}, answer("Success", "N", "223"));
        QCOMPARE(r.requestId, QStringLiteral("130A2C10-B9EE-4D84-88E3-5384FF030000"));
        QCOMPARE(r.code, QStringLiteral("Success"));
        QCOMPARE(r.message, QStringLiteral("success"));
        const VerificationResult e = ResponseParser::parse(403, {}, error("Forbidden.RAMUserAccessDenied", "denied"));
        QCOMPARE(e.code, QStringLiteral("Forbidden.RAMUserAccessDenied"));
        QCOMPARE(e.message, QStringLiteral("denied"));
        QCOMPARE(e.requestId, QStringLiteral("7E1B4C7F-0000-4000-8000-000000000001"));
    }

    // An answer that is not JSON names its content type when it has one of another kind: a proxy's or a captive
    // portal's HTML page is told apart from the service's JSON cut short.
    void notJsonNamesTheContentType_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        QTest::newRow("HTML page") << QByteArray("text/html; charset=utf-8") << QByteArray("<html><body>Sign in</body>")
                                   << QStringLiteral("HTTP 200 with a body of type text/html, not JSON");
        QTest::newRow("JSON cut short") << QByteArray("application/json;charset=utf-8") << QByteArray("{\"Code\":\"Su")
                                        << QStringLiteral("HTTP 200 with a body that is not JSON");
        QTest::newRow("no content type") << QByteArray() << QByteArray("<html>")
                                         << QStringLiteral("HTTP 200 with a body that is not JSON");
    }
    void notJsonNamesTheContentType()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        ResponseParser::Headers headers;
        if (!contentType.isEmpty())
            headers.append({ "Content-Type", contentType });
        const VerificationResult r = ResponseParser::parse(200, headers, body);
        QCOMPARE(r.error, Error::MalformedResponse);
        QVERIFY2(r.detail.startsWith(says), qPrintable(r.detail));
    }

    void sizeLimitIsInclusive()
    {
        const QByteArray body = answer("success", "Y", "200");
        QCOMPARE(ResponseParser::parse(200, {}, body, body.size()).status, Status::Passed);
        QCOMPARE(ResponseParser::parse(200, {}, body, body.size() - 1).error, Error::OversizedResponse);
    }

    void dateHeader()
    {
        const ResponseParser::Headers headers { { "date", "Wed, 25 Nov 2026 09:00:05 GMT" } };
        const VerificationResult r = ResponseParser::parse(200, headers, answer("success", "Y", "200"));
        QCOMPARE(r.serverDate, QDateTime(QDate(2026, 11, 25), QTime(9, 0, 5), QTimeZone::utc()));
        QVERIFY(!ResponseParser::parseHttpDate("yesterday").isValid());
        QVERIFY(!ResponseParser::parse(200, {}, answer("success", "Y", "200")).serverDate.isValid());
    }

    // The Date header in each form a server may send: the preferred IMF-fixdate is read by hand, the rest by the
    // general parser; anything not a real date is no date.
    void httpDateForms_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QDateTime>("expected");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s), QTimeZone::utc());
        };
        QTest::addRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:49:37 GMT") << utc(1994, 11, 6, 8, 49, 37);
        QTest::addRow("leap day") << QByteArray("Mon, 29 Feb 2027 00:00:00 GMT") << QDateTime();
        QTest::addRow("leap day 2028") << QByteArray("Tue, 29 Feb 2028 23:59:59 GMT") << utc(2028, 2, 29, 23, 59, 59);
        QTest::addRow("surrounding spaces")
            << QByteArray("  Thu, 03 Dec 2026 07:29:52 GMT ") << utc(2026, 12, 3, 7, 29, 52);
        QTest::addRow("no such day") << QByteArray("Mon, 31 Nov 2026 07:29:52 GMT") << QDateTime();
        QTest::addRow("hour 24") << QByteArray("Fri, 04 Dec 2026 24:00:00 GMT") << QDateTime();
        QTest::addRow("letters in the year") << QByteArray("Thu, 03 Dec 2O26 07:29:52 GMT") << QDateTime();
        QTest::addRow("lower-case month (general parser)")
            << QByteArray("Thu, 03 dec 2026 07:29:52 GMT") << utc(2026, 12, 3, 7, 29, 52);
        QTest::addRow("RFC 2822 with a zone")
            << QByteArray("Thu, 03 Dec 2026 15:29:52 +0800") << utc(2026, 12, 3, 7, 29, 52);
        QTest::addRow("empty") << QByteArray() << QDateTime();
    }
    void httpDateForms()
    {
        QFETCH(QByteArray, value);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = ResponseParser::parseHttpDate(value);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(parsed, expected);
            QCOMPARE(parsed.timeSpec(), Qt::UTC);
        }
    }

    void throttlingHint_data()
    {
        QTest::addColumn<QByteArray>("userApi");
        QTest::addColumn<QByteArray>("user");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("none") << QByteArray() << QByteArray() << qint64(0);
        QTest::newRow("user-api") << QByteArray("Limit:10,Remain:0,TimeLeft:2000,Reset:1234") << QByteArray()
                                  << qint64(2000);
        QTest::newRow("user") << QByteArray() << QByteArray("Limit:1,Remain:0,TimeLeft:750,Reset:1") << qint64(750);
        QTest::newRow("max of both") << QByteArray("TimeLeft:300") << QByteArray("Remain:0, TimeLeft : 900")
                                     << qint64(900);
        QTest::newRow("garbage") << QByteArray("TimeLeft:soon") << QByteArray("nonsense") << qint64(0);
    }

    void throttlingHint()
    {
        QFETCH(QByteArray, userApi);
        QFETCH(QByteArray, user);
        QFETCH(qint64, expected);
        ResponseParser::Headers headers;
        if (!userApi.isEmpty())
            headers.append({ "X-RateLimit-User-API", userApi });
        if (!user.isEmpty())
            headers.append({ "x-ratelimit-user", user });
        QCOMPARE(ResponseParser::throttlingTimeLeftMs(headers), expected);
        const VerificationResult r = ResponseParser::parse(403, headers, error("Throttling.Api"));
        QCOMPARE(r.retryAfterMs, expected);
        // Only throttling carries the hint.
        QCOMPARE(ResponseParser::parse(500, headers, error("InternalError")).retryAfterMs, qint64(0));
    }

    void explanationsAndGuidance()
    {
        VerificationResult r = ResponseParser::parse(200, {}, answer("success", "Y", "200"));
        QCOMPARE(r.explanation(), QStringLiteral("The information is consistent. Verification passed."));
        QVERIFY(r.guidance().isEmpty());
        QCOMPARE(r.exitCode(), 0);

        const QString confirm = QStringLiteral("Ask the person to confirm the information and try again. If they "
                                               "confirm it is correct, route the case to manual review.");
        r = ResponseParser::parse(200, {}, answer("success", "N", "202"));
        QVERIFY(r.explanation().contains(QLatin1String("official database")));
        QCOMPARE(r.guidance(), confirm);
        QCOMPARE(r.exitCode(), 2);
        r = ResponseParser::parse(200, {}, answer("success", "N", "223"));
        QCOMPARE(r.guidance(), confirm);
        r = ResponseParser::parse(200, {}, answer("success", "N", "999"));
        QCOMPARE(r.explanation(), QString::fromUtf8("Unrecognised result – escalate to a supervisor"));
        QVERIFY(!r.guidance().isEmpty());

        r = ResponseParser::parse(403, {}, error("Forbidden.RAMUserAccessDenied"));
        QVERIFY(r.explanation().contains(QLatin1String("AliyunAntCloudAuthFullAccess")));
        QCOMPARE(r.exitCode(), 4);
        r = ResponseParser::parse(403, {}, error("Throttling.Api"));
        QVERIFY(r.explanation().contains(QLatin1String("shared")));
        r = ResponseParser::parse(200, {}, QByteArray("garbage"));
        QCOMPARE(r.exitCode(), 4); // an answer that could not be read: escalate, like an API error
        QVERIFY(VerificationResult::errorExplanation(Error::TlsFailure).contains(QLatin1String("never ignored")));
        QVERIFY(VerificationResult::errorExplanation(Error::TimestampExpired).contains(QLatin1String("clock")));
        QVERIFY(VerificationResult::errorExplanation(Error::SignatureDoesNotMatch).contains(QLatin1String("clock")));
        // Every error has an explanation.
        for (int e = static_cast<int>(Error::MissingParameter); e <= static_cast<int>(Error::Cancelled); ++e)
            QVERIFY2(!VerificationResult::errorExplanation(static_cast<Error>(e)).isEmpty(), QByteArray::number(e));
    }

    void json()
    {
        VerificationResult r = ResponseParser::parse(200, {}, answer("Success", "N", "223"));
        r.merchantBizId = QStringLiteral("0123456789abcdef0123456789abcdef");
        r.attempts = 1;
        QJsonObject o = r.toJson();
        const QStringList keys { QStringLiteral("requestId"),
            QStringLiteral("code"),
            QStringLiteral("message"),
            QStringLiteral("passed"),
            QStringLiteral("subCode"),
            QStringLiteral("merchantBizId"),
            QStringLiteral("httpStatus"),
            QStringLiteral("explanation"),
            QStringLiteral("error"),
            QStringLiteral("attempts") };
        for (const QString& key : keys)
            QVERIFY2(o.contains(key), qPrintable(key));
        QCOMPARE(o.value(QStringLiteral("passed")).toBool(), false);
        QVERIFY(o.value(QStringLiteral("passed")).isBool());
        QCOMPARE(o.value(QStringLiteral("subCode")).toString(), QStringLiteral("223"));
        QCOMPARE(o.value(QStringLiteral("httpStatus")).toInt(), 200);
        QVERIFY(o.value(QStringLiteral("error")).isNull());
        QCOMPARE(o.value(QStringLiteral("attempts")).toInt(), 1);

        r = ResponseParser::parse(403, {}, error("Throttling.Api"));
        o = r.toJson();
        QCOMPARE(o.value(QStringLiteral("error")).toString(), QStringLiteral("Throttling"));
    }
};

QTEST_GUILESS_MAIN(TestResponseParser)
#include "TestResponseParser.moc"
