#include "api/ConnectionTest.h"
#include "api/ConnectionTestResult.h"
#include "api/Credentials.h"
#include "api/NetworkErrorMap.h"
#include "api/ResponseParser.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SandboxService.h"

#include "FakeClock.h"
#include "FakeRandom.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Outcome = ConnectionTestResult::Outcome;

namespace {

const QString wrongSecret = QStringLiteral("wrong-secret-that-must-never-show");

// Every text a result shows or prints, to look for a secret in.
QString allText(const ConnectionTestResult& r)
{
    return QStringList { r.explanation,
        r.proves,
        r.unconfirmed,
        r.credentialSource,
        r.accessKeyId,
        r.code,
        r.message,
        r.detail,
        r.requestId,
        QString::fromUtf8(QJsonDocument(r.toJson()).toJson()) }
        .join(u'\n');
}

// What one test reported: its signed requests and its single result.
struct Recorder
{
    explicit Recorder(ConnectionTest& test)
    {
        QObject::connect(&test, &ConnectionTest::requestSigned, &test, [this](const SignerV3::Request& request) {
            signedRequests.append(request);
        });
        QObject::connect(&test, &ConnectionTest::finished, &test, [this](const ConnectionTestResult& result) {
            results.append(result);
        });
    }

    QList<SignerV3::Request> signedRequests;
    QList<ConnectionTestResult> results;
};

} // namespace

// The connection test end to end against the built-in HTTPS sandbox (a real TLS server on loopback), and its reading
// of every answer the provider documents, row by row. Time is a FakeClock: nothing here waits to see that something
// does not happen.
class TestConnectionTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxServer m_sandbox;
    quint64 m_seed = 1;

    static constexpr int networkTimeoutMs = 30000;

    ClientConfig sandboxConfig() const
    {
        ClientConfig c;
        c.endpoint = m_sandbox.url();
        c.extraCaCertificates = m_sandbox.caCertificates();
        return c;
    }

    static quint16 closedPort()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost))
            return 0;
        return probe.serverPort(); // closed again when probe goes
    }

    // Starts one test and waits for its result (an empty one when it never came).
    static ConnectionTestResult run(ConnectionTest& test, Recorder& recorder)
    {
        test.start();
        [&] {
            QVERIFY(test.isRunning());
            QVERIFY(recorder.results.isEmpty()); // finished() never comes from inside start()
            QTRY_VERIFY_WITH_TIMEOUT(!recorder.results.isEmpty(), networkTimeoutMs);
        }();
        return recorder.results.isEmpty() ? ConnectionTestResult() : recorder.results.constFirst();
    }

    static ConnectionTestResult fromAnswer(int status, const QByteArray& body)
    {
        const VerificationResult answer =
            ResponseParser::parse(status, { { "Date", "Wed, 25 Nov 2026 09:00:00 GMT" } }, body);
        return ConnectionTestResult::from(answer,
            ClientConfig::hongKongInternet(),
            Credentials(QStringLiteral("LTAI5tExampleKeyId01"), wrongSecret, QString(), QStringLiteral("environment")),
            QDateTime(QDate(2026, 11, 25), QTime(9, 20), Qt::UTC));
    }

    static QByteArray errorBody(const QString& code, const QString& message)
    {
        return QJsonDocument(QJsonObject { { QStringLiteral("RequestId"), QStringLiteral("130A2C10-B9EE-4D84") },
                                 { QStringLiteral("Code"), code },
                                 { QStringLiteral("Message"), message } })
            .toJson(QJsonDocument::Compact);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandbox.start(0, m_dir.filePath(QStringLiteral("sandbox"))), qPrintable(m_sandbox.errorString()));
    }

    // The probe names no person: no name, no ID number, no dates; only what the service needs to route it.
    void probeCarriesNoPerson()
    {
        FakeRandom random;
        const VerificationRequest probe = ConnectionTest::probe(random);
        QStringList names;
        for (const auto& [name, value] : probe.parameters())
            names.append(name);
        names.sort();
        QCOMPARE(names,
            QStringList({ QStringLiteral("DocType"), QStringLiteral("MerchantBizId"), QStringLiteral("ProductCode") }));
        QCOMPARE(probe.merchantBizId.size(), 32);
        for (const char* field : { "DocName", "DocNo", "ValidityStartDate", "ValidityEndDate" })
            QVERIFY(!probe.formBody().contains(field));
    }

    void endToEnd_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("named"); // what the explanation must name

        QTest::newRow("accepted with the training key")
            << "training" << Outcome::Accepted << 0 << 400 << "MissingParameter"
            << QStringList { QStringLiteral("accepted the signature"), QStringLiteral("nothing was billed") };
        QTest::newRow("signature refused: wrong secret")
            << "wrongSecret" << Outcome::SignatureRefused << 4 << 400 << "SignatureDoesNotMatch"
            << QStringList { QStringLiteral("signature"), QStringLiteral("secret") };
        QTest::newRow("AccessKey unknown")
            << "unknownKey" << Outcome::AccessKeyUnknown << 4 << 404 << "InvalidAccessKeyId.NotFound"
            << QStringList { QStringLiteral("does not know the AccessKey ID") };
        QTest::newRow("clock an hour ahead")
            << "clockAhead" << Outcome::ClockSkew << 4 << 400 << "InvalidTimeStamp.Expired"
            << QStringList { QStringLiteral("clock"), QStringLiteral("about 60 minutes ahead") };
        QTest::newRow("clock 20 minutes behind")
            << "clockBehind" << Outcome::ClockSkew << 4 << 400 << "InvalidTimeStamp.Expired"
            << QStringList { QStringLiteral("clock"), QStringLiteral("about 20 minutes behind") };
        QTest::newRow("TLS: sandbox CA not trusted")
            << "untrusted" << Outcome::TlsFailure << 5 << 0 << QString()
            << QStringList { QStringLiteral("secure connection"), QStringLiteral("Certificate") };
        QTest::newRow("connection refused: closed port") << "closedPort" << Outcome::ConnectionFailed << 5 << 0
                                                         << QString() << QStringList { QStringLiteral("refused") };
        QTest::newRow("DNS: .invalid host")
            << "invalidHost" << Outcome::HostNotFound << 5 << 0 << QString()
            << QStringList { QStringLiteral("connection-test.invalid"), QStringLiteral("DNS") };
    }

    void endToEnd()
    {
        QFETCH(QString, setup);
        QFETCH(Outcome, outcome);
        QFETCH(int, exitCode);
        QFETCH(int, httpStatus);
        QFETCH(QString, code);
        QFETCH(QStringList, named);

        ClientConfig config = sandboxConfig();
        Credentials credentials = Credentials::training();
        QDateTime now = QDateTime::currentDateTimeUtc();
        if (setup == QLatin1String("wrongSecret"))
            credentials = Credentials(credentials.accessKeyId(), wrongSecret, QString(), QStringLiteral("environment"));
        if (setup == QLatin1String("unknownKey"))
            credentials = Credentials(QStringLiteral("LTAI5tUnknownKey0001"), wrongSecret, QString(), QString());
        if (setup == QLatin1String("clockAhead"))
            now = now.addSecs(60 * 60);
        if (setup == QLatin1String("clockBehind"))
            now = now.addSecs(-20 * 60);
        if (setup == QLatin1String("untrusted"))
            config.extraCaCertificates.clear();
        if (setup == QLatin1String("closedPort"))
            config.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(closedPort()));
        if (setup == QLatin1String("invalidHost"))
            config.endpoint = QUrl(QStringLiteral("https://connection-test.invalid/"));
        config.maxAttempts = 4; // the test sends once whatever the configuration says

        FakeClock clock(now);
        FakeRandom random(0x9E3779B97F4A7C15ull * ++m_seed);
        ConnectionTest test(config, credentials, clock, random);
        Recorder recorder(test);
        const int received = m_sandbox.requestsReceived();
        const ConnectionTestResult r = run(test, recorder);

        QCOMPARE(recorder.results.size(), 1);
        QCOMPARE(r.outcome, outcome);
        QCOMPARE(r.exitCode(), exitCode);
        QCOMPARE(r.httpStatus, httpStatus);
        QCOMPARE(r.code, code);
        QCOMPARE(r.isNetworkFailure(), exitCode == 5);
        for (const QString& word : named)
            QVERIFY2(r.explanation.contains(word, Qt::CaseInsensitive), qPrintable(r.explanation));
        QVERIFY(!r.proves.isEmpty());
        QVERIFY(!r.unconfirmed.isEmpty());
        QCOMPARE(r.requestId.isEmpty(), httpStatus == 0);
        QCOMPARE(r.endpoint, config.endpoint);
        QCOMPARE(r.credentialSource, credentials.sourceName());
        QCOMPARE(r.accessKeyId, credentials.maskedKeyId());

        // One signed request, never retried, naming no person; an answer means it reached the sandbox once.
        QCOMPARE(recorder.signedRequests.size(), 1);
        QSet<QString> sent;
        for (const auto& [name, value] : SandboxService::parseForm(recorder.signedRequests.constFirst().body))
            sent.insert(name);
        QCOMPARE(sent,
            QSet<QString>(
                { QStringLiteral("ProductCode"), QStringLiteral("MerchantBizId"), QStringLiteral("DocType") }));
        QCOMPARE(m_sandbox.requestsReceived() - received, httpStatus == 0 ? 0 : 1);

        // The secret is nowhere: not in the result, not in the request (only its signature is).
        const QString secret = QString::fromUtf8(credentials.secretForSigning());
        QVERIFY(!allText(r).contains(secret));
        for (const auto& [name, value] : recorder.signedRequests.constFirst().headers)
            QVERIFY(!value.contains(credentials.secretForSigning()));
    }

    void acceptedSaysWhatStaysUnconfirmed()
    {
        FakeClock clock(QDateTime::currentDateTimeUtc());
        FakeRandom random(0x51u);
        ConnectionTest test(sandboxConfig(), Credentials::training(), clock, random);
        Recorder recorder(test);
        const ConnectionTestResult r = run(test, recorder);
        QCOMPARE(r.outcome, Outcome::Accepted);
        QVERIFY2(r.message.contains(QLatin1String("DocName")), qPrintable(r.message)); // the first one missing
        QVERIFY2(r.proves.contains(QLatin1String("secret matches")), qPrintable(r.proves));
        QVERIFY2(r.proves.contains(QLatin1String("clock")), qPrintable(r.proves));
        QVERIFY2(r.unconfirmed.contains(QLatin1String("AliyunAntCloudAuthFullAccess")), qPrintable(r.unconfirmed));
        QVERIFY2(r.unconfirmed.contains(QLatin1String("signature before the parameters")), qPrintable(r.unconfirmed));
        QVERIFY(r.clockOffsetSeconds.has_value());
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("outcome")).toString(), QStringLiteral("Accepted"));
        QCOMPARE(json.value(QStringLiteral("credentialSource")).toString(), Credentials::training().sourceName());
        QCOMPARE(json.value(QStringLiteral("requestId")).toString(), r.requestId);
        QCOMPARE(json.value(QStringLiteral("httpStatus")).toInt(), 400);
    }

    // A server that takes the connection and never answers: the time limit, on the fake clock, ends the test.
    void silentServerTimesOut()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ClientConfig config = sandboxConfig();
        config.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(silent.serverPort()));
        config.timeoutMs = 15000;
        FakeClock clock(QDateTime::currentDateTimeUtc());
        FakeRandom random(0x77u);
        ConnectionTest test(config, Credentials::training(), clock, random);
        Recorder recorder(test);
        test.start();
        QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), networkTimeoutMs);
        QVERIFY(recorder.results.isEmpty());
        clock.advance(config.timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!recorder.results.isEmpty(), networkTimeoutMs);
        const ConnectionTestResult& r = recorder.results.constFirst();
        QCOMPARE(r.outcome, Outcome::ConnectionFailed);
        QCOMPARE(r.exitCode(), 5);
        QVERIFY2(r.explanation.contains(QLatin1String("time limit")), qPrintable(r.explanation));
        QCOMPARE(recorder.signedRequests.size(), 1);
    }

    void startWhileRunningIsIgnored()
    {
        FakeClock clock(QDateTime::currentDateTimeUtc());
        FakeRandom random(0x99u);
        ConnectionTest test(sandboxConfig(), Credentials::training(), clock, random);
        Recorder recorder(test);
        test.start();
        test.start();
        QTRY_VERIFY_WITH_TIMEOUT(!recorder.results.isEmpty(), networkTimeoutMs);
        QCOMPARE(recorder.signedRequests.size(), 1);
        QVERIFY(!test.isRunning());
    }

    // Every documented answer (and the neighbours the provider's other gateways send), read without a network.
    void classifyAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("named");

        const auto row =
            [](const char* name, int status, const char* code, Outcome outcome, int exit, const char* named) {
                QTest::newRow(name) << status
                                    << errorBody(QLatin1String(code), QStringLiteral("as the service said it"))
                                    << outcome << exit << QString::fromUtf8(named);
            };
        row("MissingParameter", 400, "MissingParameter", Outcome::Accepted, 0, "accepted the signature");
        row("InvalidParameter", 400, "InvalidParameter", Outcome::Accepted, 0, "InvalidParameter");
        row("SignatureDoesNotMatch", 400, "SignatureDoesNotMatch", Outcome::SignatureRefused, 4, "secret");
        row("IncompleteSignature", 400, "IncompleteSignature", Outcome::SignatureRefused, 4, "signature");
        row("InvalidAccessKeyId.NotFound",
            404,
            "InvalidAccessKeyId.NotFound",
            Outcome::AccessKeyUnknown,
            4,
            "AccessKey ID");
        row("InvalidAccessKeyId.Inactive",
            400,
            "InvalidAccessKeyId.Inactive",
            Outcome::AccessKeyDisabled,
            4,
            "disabled");
        row("Forbidden.RAMUserAccessDenied",
            403,
            "Forbidden.RAMUserAccessDenied",
            Outcome::PermissionMissing,
            4,
            "AliyunAntCloudAuthFullAccess");
        row("Forbidden.RAM", 403, "Forbidden.RAM", Outcome::PermissionMissing, 4, "AliyunAntCloudAuthFullAccess");
        row("Forbidden.NoPermission", 403, "Forbidden.NoPermission", Outcome::PermissionMissing, 4, "RAM user");
        row("Forbidden.AccountAccessDenied",
            403,
            "Forbidden.AccountAccessDenied",
            Outcome::NotActivated,
            4,
            "not activated");
        row("Forbidden.UserVerification", 403, "Forbidden.UserVerification", Outcome::NotActivated, 4, "not activated");
        row("InvalidTimeStamp.Expired",
            400,
            "InvalidTimeStamp.Expired",
            Outcome::ClockSkew,
            4,
            "about 20 minutes ahead");
        row("RequestTimeTooSkewed", 403, "RequestTimeTooSkewed", Outcome::ClockSkew, 4, "clock");
        row("InvalidTimeStamp.Format",
            400,
            "InvalidTimeStamp.Format",
            Outcome::OtherAnswer,
            4,
            "InvalidTimeStamp.Format");
        row("Throttling.Api", 403, "Throttling.Api", Outcome::OtherAnswer, 4, "Throttling.Api");
        row("SignatureNonceUsed", 400, "SignatureNonceUsed", Outcome::OtherAnswer, 4, "SignatureNonceUsed");
        row("InternalError", 500, "InternalError", Outcome::OtherAnswer, 4, "InternalError");
        row("an unknown code", 400, "Some.New.Code", Outcome::OtherAnswer, 4, "\"as the service said it\"");
        QTest::newRow("a proxy's HTML page") << 502 << QByteArray("<html>Bad gateway</html>") << Outcome::OtherAnswer
                                             << 4 << QStringLiteral("not in the provider's format");
        QTest::newRow("a business answer")
            << 200
            << QByteArray("{\"RequestId\":\"R\",\"Code\":\"Success\",\"Message\":"
                          "\"success\",\"Result\":{\"Passed\":\"N\",\"SubCode\":\"202\"}}")
            << Outcome::OtherAnswer << 4 << QStringLiteral("Success");
    }

    void classifyAnswers()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(Outcome, outcome);
        QFETCH(int, exitCode);
        QFETCH(QString, named);
        const ConnectionTestResult r = fromAnswer(status, body);
        QCOMPARE(r.outcome, outcome);
        QCOMPARE(r.exitCode(), exitCode);
        QCOMPARE(r.httpStatus, status);
        QVERIFY2(r.explanation.contains(named), qPrintable(r.explanation));
        QVERIFY2(r.explanation.contains(QLatin1String("cloudauth-intl.cn-hongkong.aliyuncs.com")),
            qPrintable(r.explanation));
        QVERIFY(!r.proves.isEmpty());
        QVERIFY(!r.unconfirmed.isEmpty());
        QCOMPARE(r.clockOffsetSeconds, std::optional<qint64>(20 * 60));
        QVERIFY(!allText(r).contains(wrongSecret));
    }

    void classifyNetworkErrors_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<int>("abort");
        QTest::addColumn<bool>("viaProxy");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<QString>("named");

        const int none = static_cast<int>(NetworkErrorMap::Abort::None);
        QTest::newRow("proxy refused") << static_cast<int>(QNetworkReply::ProxyConnectionRefusedError) << none << false
                                       << Outcome::ProxyFailure << QStringLiteral("proxy");
        QTest::newRow("proxy needs a password") << static_cast<int>(QNetworkReply::ProxyAuthenticationRequiredError)
                                                << none << false << Outcome::ProxyFailure << QStringLiteral("proxy");
        QTest::newRow("host not found") << static_cast<int>(QNetworkReply::HostNotFoundError) << none << false
                                        << Outcome::HostNotFound << QStringLiteral("DNS");
        QTest::newRow("TLS handshake") << static_cast<int>(QNetworkReply::SslHandshakeFailedError) << none << false
                                       << Outcome::TlsFailure << QStringLiteral("Certificate errors are never ignored");
        QTest::newRow("refused") << static_cast<int>(QNetworkReply::ConnectionRefusedError) << none << false
                                 << Outcome::ConnectionFailed << QStringLiteral("refused");
        QTest::newRow("reset") << static_cast<int>(QNetworkReply::RemoteHostClosedError) << none << false
                               << Outcome::ConnectionFailed << QStringLiteral("broke");
        QTest::newRow("proxy failure Qt cannot name") << static_cast<int>(QNetworkReply::UnknownNetworkError) << none
                                                      << true << Outcome::ProxyFailure << QStringLiteral("proxy");
        QTest::newRow("unknown error, no proxy") << static_cast<int>(QNetworkReply::UnknownNetworkError) << none
                                                 << false << Outcome::ConnectionFailed << QStringLiteral("broke");
        QTest::newRow("timeout") << static_cast<int>(QNetworkReply::OperationCanceledError)
                                 << static_cast<int>(NetworkErrorMap::Abort::Timeout) << false
                                 << Outcome::ConnectionFailed << QStringLiteral("time limit");
    }

    void classifyNetworkErrors()
    {
        QFETCH(int, error);
        QFETCH(int, abort);
        QFETCH(bool, viaProxy);
        QFETCH(Outcome, outcome);
        QFETCH(QString, named);
        const VerificationResult failed = NetworkErrorMap::toResult(static_cast<QNetworkReply::NetworkError>(error),
            static_cast<NetworkErrorMap::Abort>(abort),
            QStringLiteral("transport detail"),
            {},
            viaProxy);
        const ConnectionTestResult r = ConnectionTestResult::from(
            failed, QUrl(QStringLiteral("https://example.invalid/")), Credentials::training(), QDateTime());
        QCOMPARE(r.outcome, outcome);
        QCOMPARE(r.exitCode(), 5);
        QVERIFY(r.isNetworkFailure());
        QVERIFY2(r.explanation.contains(named), qPrintable(r.explanation));
        QVERIFY2(r.explanation.contains(QLatin1String("example.invalid")), qPrintable(r.explanation));
        QVERIFY2(r.unconfirmed.contains(QLatin1String("were not tested")), qPrintable(r.unconfirmed));
        QVERIFY(!r.clockOffsetSeconds.has_value());
        QVERIFY(r.toJson().value(QStringLiteral("clockOffsetSeconds")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "TestConnectionTest.moc"
