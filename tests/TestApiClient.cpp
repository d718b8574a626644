#include "api/ApiClient.h"
#include "api/Credentials.h"
#include "api/VerificationRequest.h"
#include "api/VerificationResult.h"
#include "base/Clock.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include "FakeClock.h"
#include "FakeRandom.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <utility>
#include <vector>

Q_DECLARE_METATYPE(VerificationRequest)

using Status = VerificationResult::Status;
using Error = VerificationResult::Error;

namespace {

// Everything a client reports about its calls, in order.
struct Recorder
{
    explicit Recorder(ApiClient& client)
    {
        QObject::connect(
            &client, &ApiClient::attemptStarted, &client, [this](quint64 id, int attempt, const QString& bizId) {
                started.append(attempt);
                bizIds.append(bizId);
                callIds.append(id);
            });
        QObject::connect(
            &client, &ApiClient::attemptSigned, &client, [this](quint64, int, const SignerV3::Request& request) {
                nonces.append(request.header("x-acs-signature-nonce"));
                dates.append(request.header("x-acs-date"));
            });
        QObject::connect(&client,
            &ApiClient::attemptFinished,
            &client,
            [this](quint64, int attempt, const VerificationResult& result) {
                finishedAttempts.append(attempt);
                attempts.append(result);
            });
        QObject::connect(&client, &ApiClient::finished, &client, [this](quint64 id, const VerificationResult& result) {
            finalIds.append(id);
            finals.append(result);
        });
    }

    bool done() const { return !finals.isEmpty(); }
    const VerificationResult& result() const { return finals.first(); }

    QList<int> started;
    QStringList bizIds;
    QList<quint64> callIds;
    QList<QByteArray> nonces;
    QList<QByteArray> dates;
    QList<int> finishedAttempts;
    QList<VerificationResult> attempts;
    QList<quint64> finalIds;
    QList<VerificationResult> finals;
};

VerificationRequest requestFor(const QString& name, const QString& docNo, const QString& start, const QString& end)
{
    VerificationRequest r;
    r.merchantBizId = QString::fromLatin1(Random::system().hex32());
    r.docName = name;
    r.docNo = docNo;
    r.validityStartDate = start;
    r.validityEndDate = end;
    return r;
}

VerificationRequest personRequest(int index)
{
    const SandboxFixtures::Person& p = SandboxFixtures::people().at(index);
    return requestFor(
        p.docName, p.docNo, p.validityStartDate, p.isLongTerm() ? SandboxFixtures::longTermChinese : p.validityEndDate);
}

VerificationRequest triggerRequest(const QString& trigger)
{
    const SandboxFixtures::Person& p = SandboxFixtures::people().at(0);
    return requestFor(trigger, p.docNo, p.validityStartDate, p.validityEndDate);
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxServer m_sandbox;
    quint64 m_seed = 1;

    // Deterministic, but a different sequence per test: the sandbox remembers nonces and answers a replayed one
    // with SignatureNonceUsed, as the real gateway does.
    std::unique_ptr<FakeRandom> makeRandom() { return std::make_unique<FakeRandom>(0x9E3779B97F4A7C15ull * ++m_seed); }

    ClientConfig sandboxConfig() const
    {
        ClientConfig c;
        c.endpoint = m_sandbox.url();
        c.extraCaCertificates = m_sandbox.caCertificates();
        c.timeoutMs = 20000;
        c.backoffBaseMs = 10; // real clock in the rows below: keep the back-off short
        c.backoffCapMs = 40;
        c.rateLimitQps = 1000;
        return c;
    }

    // How long a real network event (a request reaching the sandbox, an answer reaching the client) may take on a
    // loaded machine before a test gives up. Waits end as soon as the event happens; this is only the bound.
    static constexpr int networkTimeoutMs = 30000;
    // The slow trigger's answer delay in tests that drive the client's timeout with a FakeClock: long enough that
    // the sandbox never answers while the test runs, so only the fake clock decides.
    static constexpr int answerNeverMs = 10 * 60 * 1000;

    // Sets the slow trigger's delay; the returned guard puts the default back when the test ends, even on failure.
    [[nodiscard]] auto slowAnswers(int ms)
    {
        m_sandbox.setSlowResponseMs(ms);
        return qScopeGuard([this] { m_sandbox.setSlowResponseMs(5000); });
    }

    // Delivers everything already queued (queued invocations, posted events) without letting time pass: enough to
    // show that nothing happens until the fake clock moves.
    static void processQueuedEvents()
    {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }

    // Runs one call on the system clock and waits for its final result.
    static VerificationResult run(ApiClient& client, const VerificationRequest& request, Recorder* out = nullptr)
    {
        Recorder local(client);
        Recorder& rec = out ? *out : local;
        client.verify(request);
        [&] { QTRY_VERIFY_WITH_TIMEOUT(rec.done(), networkTimeoutMs); }();
        return rec.done() ? rec.result() : VerificationResult();
    }

    static void checkInvariants(const Recorder& rec, const VerificationRequest& request)
    {
        QCOMPARE(rec.finals.size(), 1);
        const VerificationResult& r = rec.result();
        QCOMPARE(r.merchantBizId, request.merchantBizId);
        QCOMPARE(r.attempts, rec.started.size());
        QCOMPARE(rec.finishedAttempts.size(), rec.started.size());
        for (int i = 0; i < rec.started.size(); ++i) {
            QCOMPARE(rec.started.at(i), i + 1);
            QCOMPARE(rec.finishedAttempts.at(i), i + 1);
            QCOMPARE(rec.bizIds.at(i), request.merchantBizId); // one business case, one id, every attempt
        }
        // Only the last attempt may be a business answer; nothing after one.
        for (int i = 0; i + 1 < rec.attempts.size(); ++i) {
            QVERIFY(!rec.attempts.at(i).isBusinessAnswer());
            QVERIFY(rec.attempts.at(i).isRetryable());
        }
        QCOMPARE(QSet<QByteArray>(rec.nonces.begin(), rec.nonces.end()).size(), rec.nonces.size());
        QVERIFY(!r.explanation().isEmpty());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandbox.start(0, m_dir.filePath(QStringLiteral("sandbox"))), qPrintable(m_sandbox.errorString()));
        QVERIFY(!m_sandbox.caCertificates().isEmpty());
    }

    void prepareBuildsTheSignedRequest()
    {
        FakeClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0, 0), Qt::UTC));
        auto randomPtr = makeRandom();
        FakeRandom& random = *randomPtr;
        ClientConfig c = sandboxConfig();
        ApiClient client(c, Credentials::training(), clock, random);
        const VerificationRequest request = personRequest(0);
        const SignerV3::Request r = client.prepare(request);
        QCOMPARE(r.method, QByteArray("POST"));
        QCOMPARE(r.path, QByteArray("/"));
        QVERIFY(r.query.isEmpty());
        QCOMPARE(r.body, request.formBody());
        QCOMPARE(r.header("host"), "127.0.0.1:" + QByteArray::number(m_sandbox.url().port()));
        QCOMPARE(r.header("x-acs-action"), QByteArray("Id2MetaPeriodVerifyIntl"));
        QCOMPARE(r.header("x-acs-version"), QByteArray("2022-08-09"));
        QCOMPARE(r.header("x-acs-date"), QByteArray("2026-11-25T09:00:00Z"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$"))
                    .match(QString::fromLatin1(r.header("x-acs-signature-nonce")))
                    .hasMatch());
        QCOMPARE(r.header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(r.header("accept"), QByteArray("application/json"));
        QVERIFY(r.header("user-agent").startsWith("ekyc-desk/"));
        QCOMPARE(r.header("x-acs-content-sha256").size(), 64);
        QVERIFY(r.header("Authorization").startsWith("ACS3-HMAC-SHA256 Credential="));
        QVERIFY(r.header("x-acs-security-token").isEmpty());
        // Nothing in the request carries the secret.
        const QByteArray secret = Credentials::training().secretForSigning();
        for (const auto& header : r.headers)
            QVERIFY(!header.second.contains(secret));
        // A fresh nonce every time.
        QVERIFY(client.prepare(request).header("x-acs-signature-nonce") != r.header("x-acs-signature-nonce"));
    }

    void stsTokenIsSigned()
    {
        FakeClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0, 0), Qt::UTC));
        auto random = makeRandom();
        ApiClient client(sandboxConfig(),
            Credentials(QStringLiteral("STS.id"), QStringLiteral("secret"), QStringLiteral("token"), {}),
            clock,
            *random);
        const SignerV3::Request r = client.prepare(personRequest(0));
        QCOMPARE(r.header("x-acs-security-token"), QByteArray("token"));
        QVERIFY(r.header("Authorization").contains("x-acs-security-token"));
    }

    void tlsConfigurationAddsToTheSystemStore()
    {
        ApiClient client(sandboxConfig(), Credentials::training());
        const QSslConfiguration& tls = client.sslConfiguration();
        QCOMPARE(tls.peerVerifyMode(), QSslSocket::VerifyPeer);
        const QList<QSslCertificate> cas = tls.caCertificates();
        for (const QSslCertificate& ca : m_sandbox.caCertificates())
            QVERIFY(cas.contains(ca));
        const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
        QVERIFY(!system.isEmpty());
        for (const QSslCertificate& ca : system)
            QVERIFY(cas.contains(ca));
        // Without extra CAs the default configuration is used untouched.
        ClientConfig plain = sandboxConfig();
        plain.extraCaCertificates.clear();
        ApiClient plainClient(plain, Credentials::training());
        for (const QSslCertificate& ca : m_sandbox.caCertificates())
            QVERIFY(!plainClient.sslConfiguration().caCertificates().contains(ca));
    }

    // The system's CAs are read from OpenSSL's bundle, each once, and are the same set Qt finds in the certificate
    // folders (where it reads each twice); $SSL_CERT_FILE names another bundle; without a bundle that holds a
    // certificate, Qt's list.
    void systemCasAreReadOnce_data()
    {
        QTest::addColumn<QString>("bundle"); // $SSL_CERT_FILE: "" unset, "sandbox" the sandbox's CA, else a path
        QTest::newRow("OpenSSL's default bundle") << QString();
        QTest::newRow("SSL_CERT_FILE") << QStringLiteral("sandbox");
        QTest::newRow("missing bundle") << QStringLiteral("/nonexistent/ca.pem");
        QTest::newRow("bundle without certificates") << QStringLiteral("empty");
    }
    void systemCasAreReadOnce()
    {
        QFETCH(QString, bundle);
        const bool sandboxCa = bundle == QLatin1String("sandbox");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (sandboxCa || bundle == QLatin1String("empty")) {
            QFile file(dir.filePath(bundle + QStringLiteral(".pem")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            if (sandboxCa)
                file.write(m_sandbox.caCertificates().first().toPem());
            bundle = file.fileName();
        }
        const char* variable = "SSL_CERT_FILE";
        const auto restore = qScopeGuard([variable, before = qgetenv(variable)] {
            before.isEmpty() ? qunsetenv(variable) : qputenv(variable, before);
        });
        bundle.isEmpty() ? qunsetenv(variable) : qputenv(variable, QFile::encodeName(bundle));
        const QList<QSslCertificate> read = ApiClient::systemCaCertificates();

        if (sandboxCa) {
            QCOMPARE(read, QList<QSslCertificate> { m_sandbox.caCertificates().first() });
            return;
        }
        const auto digests = [](const QList<QSslCertificate>& certificates) {
            QSet<QByteArray> set;
            for (const QSslCertificate& certificate : certificates)
                set.insert(certificate.digest(QCryptographicHash::Sha256));
            return set;
        };
        const QSet<QByteArray> system = digests(QSslConfiguration::systemCaCertificates());
        QVERIFY(!system.isEmpty());
        QCOMPARE(digests(read), system);
        if (bundle.isEmpty())
            QCOMPARE(read.size(), system.size()); // each once
    }

    void hostHeader_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("default port") << ClientConfig::hongKongInternet()
                                      << QByteArray("cloudauth-intl.cn-hongkong.aliyuncs.com");
        QTest::newRow("explicit 443") << QUrl(QStringLiteral("https://example.test:443/"))
                                      << QByteArray("example.test");
        QTest::newRow("other port") << QUrl(QStringLiteral("https://127.0.0.1:8443/")) << QByteArray("127.0.0.1:8443");
        QTest::newRow("IPv6") << QUrl(QStringLiteral("https://[::1]:9000/")) << QByteArray("[::1]:9000");
    }

    void hostHeader()
    {
        QFETCH(QUrl, url);
        QFETCH(QByteArray, host);
        QCOMPARE(ApiClient::hostHeader(url), host);
    }

    // Every SubCode and every error class the sandbox can produce, over real TLS.
    void endToEnd_data()
    {
        namespace F = SandboxFixtures;
        QTest::addColumn<VerificationRequest>("request");
        QTest::addColumn<int>("maxAttempts");
        QTest::addColumn<Status>("status");
        QTest::addColumn<Error>("error");
        QTest::addColumn<QString>("subCode");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("exitCode");

        const F::Person& p = F::people().at(0);
        QTest::newRow("200 passed") << personRequest(0) << 4 << Status::Passed << Error::None << QStringLiteral("200")
                                    << 200 << 1 << 0;
        QTest::newRow("200 passed, middle dot name")
            << personRequest(4) << 4 << Status::Passed << Error::None << QStringLiteral("200") << 200 << 1 << 0;
        QTest::newRow("200 passed, long-term card")
            << personRequest(3) << 4 << Status::Passed << Error::None << QStringLiteral("200") << 200 << 1 << 0;
        QTest::newRow("202 not in database")
            << requestFor(p.docName, QStringLiteral("11010519491231002X"), p.validityStartDate, p.validityEndDate) << 4
            << Status::NotPassed << Error::None << QStringLiteral("202") << 200 << 1 << 2;
        QTest::newRow("223 end date differs")
            << requestFor(p.docName, p.docNo, p.validityStartDate, QStringLiteral("20300610")) << 4 << Status::NotPassed
            << Error::None << QStringLiteral("223") << 200 << 1 << 2;
        QTest::newRow("223 name differs")
            << requestFor(QStringLiteral("王小红"), p.docNo, p.validityStartDate, p.validityEndDate) << 4
            << Status::NotPassed << Error::None << QStringLiteral("223") << 200 << 1 << 2;
        QTest::newRow("999 unknown SubCode") << triggerRequest(F::unknownSubCode) << 4 << Status::NotPassed
                                             << Error::None << QStringLiteral("999") << 200 << 1 << 2;
        QTest::newRow("400 MissingParameter")
            << requestFor(QString(), p.docNo, p.validityStartDate, p.validityEndDate) << 4 << Status::ApiError
            << Error::MissingParameter << QString() << 400 << 1 << 4;
        VerificationRequest badScene = personRequest(0);
        badScene.sceneCode = QStringLiteral("bad-scene!");
        QTest::newRow("400 InvalidParameter (SceneCode)")
            << badScene << 4 << Status::ApiError << Error::InvalidParameter << QString() << 400 << 1 << 4;
        QTest::newRow("400 InvalidParameter (DocNo)")
            << requestFor(p.docName, QStringLiteral("12345"), p.validityStartDate, p.validityEndDate) << 4
            << Status::ApiError << Error::InvalidParameter << QString() << 400 << 1 << 4;
        QTest::newRow("403 RAM user") << triggerRequest(F::ramDenied) << 4 << Status::ApiError
                                      << Error::RamUserAccessDenied << QString() << 403 << 1 << 4;
        QTest::newRow("403 account") << triggerRequest(F::accountDenied) << 4 << Status::ApiError
                                     << Error::AccountAccessDenied << QString() << 403 << 1 << 4;
        QTest::newRow("403 throttling, no retry allowed") << triggerRequest(F::throttleAlways) << 1 << Status::ApiError
                                                          << Error::Throttling << QString() << 403 << 1 << 4;
        QTest::newRow("500 retried up to the cap") << triggerRequest(F::serverErrorAlways) << 3 << Status::ApiError
                                                   << Error::InternalError << QString() << 500 << 3 << 4;
        QTest::newRow("500 once, then passed") << triggerRequest(F::serverErrorOnce) << 4 << Status::Passed
                                               << Error::None << QStringLiteral("200") << 200 << 2 << 0;
        QTest::newRow("503 retried up to the cap") << triggerRequest(F::unavailable) << 2 << Status::ApiError
                                                   << Error::ServiceUnavailable << QString() << 503 << 2 << 4;
        QTest::newRow("malformed, never retried") << triggerRequest(F::malformed) << 4 << Status::NetworkError
                                                  << Error::MalformedResponse << QString() << 200 << 1 << 4;
        QTest::newRow("oversized, never retried") << triggerRequest(F::oversized) << 4 << Status::NetworkError
                                                  << Error::OversizedResponse << QString() << 200 << 1 << 4;
        // The sandbox read the request before it dropped the connection: the outcome is unknown, never retried.
        QTest::newRow("connection reset after sending, not retried")
            << triggerRequest(F::reset) << 2 << Status::OutcomeUnknown << Error::ConnectionReset << QString() << 0 << 1
            << 9;
    }

    void endToEnd()
    {
        QFETCH(VerificationRequest, request);
        QFETCH(int, maxAttempts);
        QFETCH(Status, status);
        QFETCH(Error, error);
        QFETCH(QString, subCode);
        QFETCH(int, httpStatus);
        QFETCH(int, attempts);
        QFETCH(int, exitCode);

        ClientConfig c = sandboxConfig();
        c.maxAttempts = maxAttempts;
        ApiClient client(c, Credentials::training());
        Recorder rec(client);
        const VerificationResult r = run(client, request, &rec);
        QVERIFY(rec.done());
        QCOMPARE(r.status, status);
        QCOMPARE(r.error, error);
        QCOMPARE(r.subCode, subCode);
        QCOMPARE(r.httpStatus, httpStatus);
        QCOMPARE(r.attempts, attempts);
        QCOMPARE(r.exitCode(), exitCode);
        checkInvariants(rec, request);
        if (r.isBusinessAnswer()) {
            QVERIFY(!r.requestId.isEmpty());
            QCOMPARE(r.code.compare(QLatin1String("success"), Qt::CaseInsensitive), 0);
            QVERIFY(r.serverDate.isValid());
            QVERIFY(qAbs(r.serverDate.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        }
        if (r.status == Status::ApiError)
            QVERIFY(!r.code.isEmpty());
        QCOMPARE(client.pendingCalls(), 0);
        QCOMPARE(client.tlsHandshakes() >= 1, true);
    }

    void wrongSecret()
    {
        const Credentials training = Credentials::training();
        ApiClient client(
            sandboxConfig(), Credentials(training.accessKeyId(), QStringLiteral("not-the-secret"), {}, {}));
        const VerificationResult r = run(client, personRequest(0));
        QCOMPARE(r.status, Status::ApiError);
        QCOMPARE(r.error, Error::SignatureDoesNotMatch);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.exitCode(), 4);
        QVERIFY(!r.detail.contains(QLatin1String("not-the-secret")));
        QVERIFY(!r.message.contains(QLatin1String("not-the-secret")));
    }

    void unknownAccessKeyId()
    {
        ApiClient client(
            sandboxConfig(), Credentials(QStringLiteral("LTAI0000000000unknown"), QStringLiteral("whatever"), {}, {}));
        const VerificationResult r = run(client, personRequest(0));
        QCOMPARE(r.status, Status::ApiError);
        QCOMPARE(r.error, Error::InvalidAccessKeyId);
        QCOMPARE(r.attempts, 1);
    }

    // The per-attempt timeout goes through the clock: the request waits at the sandbox, which does not answer, until
    // the fake clock passes timeoutMs.
    void timeout_data()
    {
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<int>("maxAttempts");
        QTest::newRow("300 ms") << 300 << 1;
        QTest::newRow("default 20 s") << ClientConfig().timeoutMs << 1;
        // Sent and timed out: may have been processed and billed, so never retried, whatever maxAttempts allows.
        QTest::newRow("300 ms, 4 attempts allowed") << 300 << 4;
    }

    void timeout()
    {
        QFETCH(int, timeoutMs);
        QFETCH(int, maxAttempts);
        const auto restore = slowAnswers(answerNeverMs);
        FakeClock clock(QDateTime::currentDateTimeUtc());
        auto random = makeRandom();
        ClientConfig c = sandboxConfig();
        c.timeoutMs = timeoutMs;
        c.maxAttempts = maxAttempts;
        ApiClient client(c, Credentials::training(), clock, *random);
        Recorder rec(client);
        const int received = m_sandbox.requestsReceived();
        const VerificationRequest request = triggerRequest(SandboxFixtures::slow);
        client.verify(request);
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.requestsReceived(), received + 1, networkTimeoutMs);
        QCOMPARE(clock.requestedDelays(), QList<qint64>({ timeoutMs }));
        clock.advance(timeoutMs - 1);
        processQueuedEvents();
        QVERIFY(!rec.done());
        QVERIFY(rec.attempts.isEmpty());
        clock.advance(1);
        QTRY_VERIFY_WITH_TIMEOUT(rec.done(), networkTimeoutMs);
        const VerificationResult& r = rec.result();
        // The request had reached the sandbox: the outcome is unknown and may have been billed.
        QCOMPARE(r.status, Status::OutcomeUnknown);
        QCOMPARE(r.error, Error::Timeout);
        QVERIFY(r.requestSent);
        QVERIFY(r.mayHaveBeenBilled());
        QVERIFY(!r.isRetryable());
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.httpStatus, 0);
        QCOMPARE(r.exitCode(), 9);
        QCOMPARE(rec.attempts.size(), 1);
        QCOMPARE(rec.attempts.first().error, Error::Timeout);
        QCOMPARE(client.pendingCalls(), 0);
        QCOMPARE(clock.requestedDelays(), QList<qint64>({ timeoutMs })); // no back-off was asked for
        clock.advance(60000);
        processQueuedEvents();
        QCOMPARE(rec.started, QList<int>({ 1 }));
        QCOMPARE(m_sandbox.requestsReceived(), received + 1);
        checkInvariants(rec, request);
    }

    // A server that accepts the connection and never completes the TLS handshake: the attempt times out before the
    // request left, so nothing can have been billed and it is retried after the back-off, with the same business id.
    void timeoutBeforeSendingIsRetried()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&silent, &QTcpServer::newConnection, &silent, [&] {
            while (QTcpSocket* socket = silent.nextPendingConnection()) {
                ++connections;
                socket->setParent(&silent); // kept open, never answered
            }
        });
        FakeClock clock(QDateTime::currentDateTimeUtc());
        auto randomPtr = makeRandom();
        FakeRandom& random = *randomPtr;
        random.fixedUnit = 0.5;
        ClientConfig c = sandboxConfig();
        c.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(silent.serverPort()));
        c.timeoutMs = 300;
        c.maxAttempts = 2;
        c.backoffBaseMs = 500;
        c.backoffCapMs = 8000;
        ApiClient client(c, Credentials::training(), clock, random);
        Recorder rec(client);
        const VerificationRequest request = personRequest(0);
        client.verify(request);

        QTRY_COMPARE_WITH_TIMEOUT(connections, 1, networkTimeoutMs);
        clock.advance(300);
        QTRY_COMPARE_WITH_TIMEOUT(rec.attempts.size(), 1, networkTimeoutMs);
        QCOMPARE(rec.attempts.first().error, Error::Timeout);
        QCOMPARE(rec.attempts.first().status, Status::NetworkError);
        QVERIFY(!rec.attempts.first().requestSent);
        QVERIFY(rec.attempts.first().isRetryable());
        QVERIFY(!rec.done());
        // The back-off, asked of the clock: 0.5 * min(8000, 500 * 2^0) = 250 ms. Nothing starts before it passes.
        QCOMPARE(clock.requestedDelays(), QList<qint64>({ 300, 250 }));
        clock.advance(249);
        processQueuedEvents();
        QCOMPARE(rec.started.size(), 1);
        clock.advance(1);
        QCOMPARE(rec.started.size(), 2);

        // Attempt 2 times out too. Qt gives it the connection attempt already under way, so the client does not see
        // this attempt open a connection of its own and cannot prove the request never left: it concludes, on the
        // safe side, that the outcome is unknown, and does not retry again whatever maxAttempts allows.
        clock.advance(300);
        QTRY_VERIFY_WITH_TIMEOUT(rec.done(), networkTimeoutMs);
        const VerificationResult& r = rec.result();
        QCOMPARE(r.error, Error::Timeout);
        QCOMPARE(r.attempts, 2);
        QVERIFY(r.status == Status::NetworkError || r.status == Status::OutcomeUnknown);
        QCOMPARE(r.exitCode(), r.status == Status::NetworkError ? 5 : 9);
        QCOMPARE(rec.bizIds, QStringList({ request.merchantBizId, request.merchantBizId }));
    }

    // A slot of attemptStarted that cannot record the attempt stops the call there: the request never leaves.
    // Counted at the sandbox: a later call's full round trip passes and only that one request arrived.
    void stopFromAttemptStartedSendsNothing()
    {
        ApiClient client(sandboxConfig(), Credentials::training());
        Recorder rec(client);
        const int received = m_sandbox.requestsReceived();
        bool stopNext = true;
        connect(&client, &ApiClient::attemptStarted, &client, [&](quint64 id, int, const QString&) {
            if (!std::exchange(stopNext, false))
                return;
            VerificationResult notRecorded;
            notRecorded.status = Status::NotRecorded;
            notRecorded.error = Error::HistoryUnavailable;
            client.stop(id, notRecorded);
        });
        const VerificationRequest request = personRequest(0);
        client.verify(request);
        QTRY_VERIFY(rec.done());
        const VerificationResult stopped = rec.result();
        QCOMPARE(stopped.status, Status::NotRecorded);
        QCOMPARE(stopped.attempts, 0);
        QCOMPARE(stopped.merchantBizId, request.merchantBizId);
        QCOMPARE(stopped.exitCode(), 6);
        QVERIFY(rec.attempts.isEmpty());

        const VerificationResult next = run(client, personRequest(1));
        QCOMPARE(next.status, Status::Passed);
        QCOMPARE(m_sandbox.requestsReceived(), received + 1);
        QCOMPARE(client.pendingCalls(), 0);
    }

    // Also when a connection was opened ahead (preconnect) and failed its handshake, before the call or while the call
    // waits: the call still ends as a TLS failure that was never sent, with the certificate problem named.
    void tlsFailureWithoutTheSandboxCa_data()
    {
        QTest::addColumn<QString>("ahead");
        QTest::newRow("no connection opened ahead") << QStringLiteral("none");
        QTest::newRow("one opened ahead, failed before the call") << QStringLiteral("failed");
        QTest::newRow("one opened ahead, the call right after") << QStringLiteral("at once");
    }
    void tlsFailureWithoutTheSandboxCa()
    {
        QFETCH(QString, ahead);
        ClientConfig c = sandboxConfig();
        c.extraCaCertificates.clear();
        ApiClient client(c, Credentials::training());
        const int failedBefore = m_sandbox.handshakesFailed();
        const int received = m_sandbox.requestsReceived();
        if (ahead != QLatin1String("none"))
            client.preconnect(1);
        if (ahead == QLatin1String("failed"))
            QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.handshakesFailed(), failedBefore + 1, networkTimeoutMs);
        const VerificationResult r = run(client, personRequest(0));
        QVERIFY(!r.mayHaveBeenBilled());
        QCOMPARE(m_sandbox.requestsReceived(), received);
        QCOMPARE(r.status, Status::NetworkError);
        QCOMPARE(r.error, Error::TlsFailure);
        QCOMPARE(r.attempts, 1); // will not heal by retrying
        QCOMPARE(r.httpStatus, 0);
        QVERIFY2(!r.detail.isEmpty(), qPrintable(r.detail));
        // The certificate problem, from the call's own handshake or from the one opened ahead that it waited for.
        QVERIFY2(r.detail.contains(QLatin1String("certificate")), qPrintable(r.detail));
        QCOMPARE(client.tlsHandshakes(), 0);
        QCOMPARE(r.exitCode(), 5);
    }

    void hostNotFound()
    {
        ClientConfig c = sandboxConfig();
        c.endpoint = QUrl(QStringLiteral("https://nonexistent.invalid/"));
        ApiClient client(c, Credentials::training());
        const VerificationResult r = run(client, personRequest(0));
        QCOMPARE(r.status, Status::NetworkError);
        QCOMPARE(r.error, Error::HostNotFound);
        QCOMPARE(r.attempts, 1); // not retried
    }

    void connectionRefused()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        ClientConfig c = sandboxConfig();
        c.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port));
        c.maxAttempts = 2;
        ApiClient client(c, Credentials::training());
        const VerificationResult r = run(client, personRequest(0));
        QCOMPARE(r.status, Status::NetworkError);
        QCOMPARE(r.error, Error::ConnectionRefused);
        QCOMPARE(r.attempts, 2); // refused is retried
    }

    void plainHttpIsRefused()
    {
        ClientConfig c = sandboxConfig();
        c.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_sandbox.url().port()));
        ApiClient client(c, Credentials::training());
        const int requestsBefore = m_sandbox.requestsServed();
        Recorder rec(client);
        const VerificationResult r = run(client, personRequest(0), &rec);
        QCOMPARE(r.status, Status::NetworkError);
        QCOMPARE(r.error, Error::TlsFailure);
        QCOMPARE(r.attempts, 0);
        QVERIFY(rec.started.isEmpty());
        QCOMPARE(m_sandbox.requestsServed(), requestsBefore);
    }

    void cancelInFlight()
    {
        const auto restore = slowAnswers(answerNeverMs);
        ApiClient client(sandboxConfig(), Credentials::training());
        Recorder rec(client);
        const int received = m_sandbox.requestsReceived();
        const quint64 id = client.verify(triggerRequest(SandboxFixtures::slow));
        QTRY_COMPARE(rec.started.size(), 1);
        // The request is at the sandbox, which holds its answer back: the call is truly in flight.
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.requestsReceived(), received + 1, networkTimeoutMs);
        QVERIFY(!rec.done());
        processQueuedEvents();
        client.cancel(id);
        QCOMPARE(rec.finals.size(), 1);
        QCOMPARE(rec.finalIds.first(), id);
        // Cancelled after the request left: it may have been processed and billed.
        QCOMPARE(rec.result().status, Status::OutcomeUnknown);
        QCOMPARE(rec.result().error, Error::Cancelled);
        QCOMPARE(rec.result().attempts, 1);
        QCOMPARE(rec.attempts.size(), 1);
        QCOMPARE(rec.attempts.first().status, Status::OutcomeUnknown);
        QCOMPARE(client.pendingCalls(), 0);
        QCOMPARE(rec.result().exitCode(), 9);
        client.cancel(id); // unknown id now: nothing happens
        processQueuedEvents();
        QCOMPARE(rec.finals.size(), 1);
        QCOMPARE(rec.attempts.size(), 1);
    }

    void cancelBeforeStart()
    {
        ApiClient client(sandboxConfig(), Credentials::training());
        Recorder rec(client);
        const int before = m_sandbox.requestsServed();
        const quint64 id = client.verify(personRequest(0));
        QCOMPARE(client.pendingCalls(), 1);
        client.cancel(id);
        QCOMPARE(rec.finals.size(), 1);
        QCOMPARE(rec.result().status, Status::Cancelled);
        QCOMPARE(rec.result().attempts, 0);
        processQueuedEvents(); // the queued start runs, finds the call gone and sends nothing
        QVERIFY(rec.started.isEmpty());
        QCOMPARE(rec.finals.size(), 1);
        QCOMPARE(m_sandbox.requestsServed(), before);
    }

    // Retry with a fake clock: the client asks the clock for the back-off and nothing happens until it passes.
    void throttleOnceRetriesAfterBackoff()
    {
        FakeClock clock(QDateTime::currentDateTimeUtc());
        auto randomPtr = makeRandom();
        FakeRandom& random = *randomPtr;
        random.fixedUnit = 0.5;
        ApiClient client(sandboxConfig(), Credentials::training(), clock, random);
        Recorder rec(client);
        const VerificationRequest request = triggerRequest(SandboxFixtures::throttleOnce);
        client.verify(request);
        QTRY_COMPARE(rec.attempts.size(), 1);
        QCOMPARE(rec.attempts.first().error, Error::Throttling);
        QCOMPARE(rec.attempts.first().httpStatus, 403);
        QCOMPARE(rec.attempts.first().retryAfterMs, qint64(SandboxFixtures::throttleTimeLeftMs));
        // Back-off: max(0.5 * 10 ms, TimeLeft 1000 ms) = 1000 ms, asked of the clock.
        QCOMPARE(clock.requestedDelays().last(), qint64(SandboxFixtures::throttleTimeLeftMs));
        processQueuedEvents();
        QCOMPARE(rec.started.size(), 1); // still waiting: the fake clock has not moved
        QVERIFY(!rec.done());
        clock.advance(SandboxFixtures::throttleTimeLeftMs - 1);
        QCOMPARE(rec.started.size(), 1);
        clock.advance(1);
        QCOMPARE(rec.started.size(), 2);
        QTRY_VERIFY(rec.done());
        const VerificationResult& r = rec.result();
        QCOMPARE(r.status, Status::Passed);
        QCOMPARE(r.subCode, QStringLiteral("200"));
        QCOMPARE(r.attempts, 2);
        QCOMPARE(rec.bizIds, QStringList({ request.merchantBizId, request.merchantBizId }));
        QCOMPARE(rec.nonces.size(), 2);
        QVERIFY(rec.nonces.at(0) != rec.nonces.at(1));
        QVERIFY(rec.dates.at(0) != rec.dates.at(1)); // a fresh x-acs-date too (1 s later)
        checkInvariants(rec, request);
    }

    void serverErrorOnceUsesJitteredBackoff()
    {
        FakeClock clock(QDateTime::currentDateTimeUtc());
        auto randomPtr = makeRandom();
        FakeRandom& random = *randomPtr;
        random.fixedUnit = 0.5;
        ClientConfig c = sandboxConfig();
        c.backoffBaseMs = 500;
        c.backoffCapMs = 8000;
        ApiClient client(c, Credentials::training(), clock, random);
        Recorder rec(client);
        client.verify(triggerRequest(SandboxFixtures::serverErrorOnce));
        QTRY_COMPARE(rec.attempts.size(), 1);
        QCOMPARE(rec.attempts.first().error, Error::InternalError);
        QCOMPARE(clock.requestedDelays().last(), qint64(250)); // 0.5 * min(8000, 500 * 2^0)
        clock.advance(250);
        QTRY_VERIFY(rec.done());
        QCOMPARE(rec.result().status, Status::Passed);
        QCOMPARE(rec.result().attempts, 2);
    }

    void throttleAlwaysStopsAtMaxAttempts()
    {
        FakeClock clock(QDateTime::currentDateTimeUtc());
        auto randomPtr = makeRandom();
        FakeRandom& random = *randomPtr;
        random.fixedUnit = 0.99;
        ClientConfig c = sandboxConfig();
        c.maxAttempts = 3;
        c.backoffBaseMs = 800;
        c.backoffCapMs = 8000;
        ApiClient client(c, Credentials::training(), clock, random);
        Recorder rec(client);
        client.verify(triggerRequest(SandboxFixtures::throttleAlways));
        QList<qint64> backoffs;
        for (int attempt = 1; attempt <= 3 && !rec.done(); ++attempt) {
            QTRY_VERIFY(rec.attempts.size() == attempt);
            if (rec.done())
                break;
            backoffs.append(clock.requestedDelays().last());
            clock.advance(backoffs.last());
        }
        QTRY_VERIFY(rec.done());
        QCOMPARE(rec.result().error, Error::Throttling);
        QCOMPARE(rec.result().attempts, 3);
        QCOMPARE(rec.started.size(), 3);
        // max(0.99 * 800, 1000) = 1000, then max(0.99 * 1600, 1000) = 1584.
        QCOMPARE(backoffs, QList<qint64>({ 1000, 1584 }));
        clock.advance(60000); // nothing left to fire
        QCOMPARE(rec.started.size(), 3);
        QCOMPARE(rec.finals.size(), 1);
    }

    void businessAnswerIsNeverRetried()
    {
        FakeClock clock(QDateTime::currentDateTimeUtc());
        auto randomPtr = makeRandom();
        FakeRandom& random = *randomPtr;
        ApiClient client(sandboxConfig(), Credentials::training(), clock, random);
        Recorder rec(client);
        const SandboxFixtures::Person& p = SandboxFixtures::people().at(1);
        client.verify(
            requestFor(p.docName, QStringLiteral("11010519491231002X"), p.validityStartDate, p.validityEndDate));
        QTRY_VERIFY(rec.done());
        QCOMPARE(rec.result().subCode, QStringLiteral("202"));
        QCOMPARE(rec.result().attempts, 1);
        // The only delay asked for is the attempt's timeout: no back-off was scheduled.
        QCOMPARE(clock.requestedDelays(), QList<qint64>({ sandboxConfig().timeoutMs }));
        clock.advance(120000);
        QCOMPARE(rec.started.size(), 1);
    }

    void cancelDuringBackoff()
    {
        FakeClock clock(QDateTime::currentDateTimeUtc());
        auto randomPtr = makeRandom();
        FakeRandom& random = *randomPtr;
        ApiClient client(sandboxConfig(), Credentials::training(), clock, random);
        Recorder rec(client);
        const quint64 id = client.verify(triggerRequest(SandboxFixtures::throttleAlways));
        QTRY_COMPARE(rec.attempts.size(), 1);
        QCOMPARE(client.pendingCalls(), 1);
        client.cancel(id);
        QCOMPARE(rec.result().status, Status::Cancelled);
        QCOMPARE(rec.result().attempts, 1);
        QCOMPARE(rec.attempts.size(), 1); // no attempt was in flight, so no extra attemptFinished
        clock.advance(60000);
        QCOMPARE(rec.started.size(), 1);
        QCOMPARE(client.pendingCalls(), 0);
    }

    void rateLimiterSpacesAttempts()
    {
        FakeClock clock(QDateTime::currentDateTimeUtc());
        auto randomPtr = makeRandom();
        FakeRandom& random = *randomPtr;
        ClientConfig c = sandboxConfig();
        c.rateLimitQps = 10;
        ApiClient client(c, Credentials::training(), clock, random);
        Recorder rec(client);
        client.verify(personRequest(0));
        client.verify(personRequest(1));
        client.verify(personRequest(2));
        // All three start (the gate would record them now); each leaves only once its slot has come.
        QTRY_COMPARE(rec.started.size(), 3);
        QCOMPARE(rec.nonces.size(), 1);
        // A full round trip of the first call passes, and the others still wait for the fake clock.
        QTRY_COMPARE_WITH_TIMEOUT(rec.finals.size(), 1, networkTimeoutMs);
        QCOMPARE(rec.nonces.size(), 1);
        QVERIFY(clock.requestedDelays().contains(100));
        QVERIFY(clock.requestedDelays().contains(200));
        clock.advance(100);
        QCOMPARE(rec.nonces.size(), 2);
        clock.advance(100);
        QCOMPARE(rec.nonces.size(), 3);
        QTRY_COMPARE(rec.finals.size(), 3);
        for (const VerificationResult& r : std::as_const(rec.finals))
            QCOMPARE(r.status, Status::Passed);
    }

    void keepAliveReusesOneTlsConnection()
    {
        SandboxServer sandbox;
        QVERIFY(sandbox.start(0, m_dir.filePath(QStringLiteral("sandbox"))));
        ClientConfig c = sandboxConfig();
        c.endpoint = sandbox.url();
        c.extraCaCertificates = sandbox.caCertificates();
        ApiClient client(c, Credentials::training());
        for (int i = 0; i < 20; ++i) {
            const VerificationResult r = run(client, personRequest(i % SandboxFixtures::people().size()));
            QCOMPARE(r.status, Status::Passed);
        }
        QCOMPARE(client.tlsHandshakes(), 1);
        QCOMPARE(sandbox.connectionsAccepted(), 1);
        QCOMPARE(sandbox.requestsServed(), 20);
    }

    // Calls at once each get a connection of their own, up to maxConcurrentCalls() (Qt keeps six per host and manager;
    // the client adds a second pool): none waits in Qt's queue already counted as sent. One more call than that
    // waits for a free connection, and reuses it.
    void concurrentCallsEachHaveAConnection()
    {
        SandboxServer sandbox;
        QVERIFY(sandbox.start(0, m_dir.filePath(QStringLiteral("sandbox"))));
        sandbox.setSlowResponseMs(3000); // long enough that none has answered when the twelfth arrives
        ClientConfig c = sandboxConfig();
        c.endpoint = sandbox.url();
        c.extraCaCertificates = sandbox.caCertificates();
        c.rateLimitQps = 0;
        ApiClient client(c, Credentials::training());
        Recorder rec(client);
        const int atOnce = ApiClient::maxConcurrentCalls();
        QCOMPARE(atOnce, 12);
        for (int i = 0; i <= atOnce; ++i)
            client.verify(triggerRequest(SandboxFixtures::slow));
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.requestsReceived(), atOnce, networkTimeoutMs);
        QCOMPARE(sandbox.openConnections(), atOnce);
        QCOMPARE(rec.finals.size(), 0); // the last call waits: no connection was free when it was posted
        QTRY_COMPARE_WITH_TIMEOUT(rec.finals.size(), atOnce + 1, networkTimeoutMs);
        for (const VerificationResult& r : std::as_const(rec.finals))
            QCOMPARE(r.status, Status::Passed);
        QCOMPARE(sandbox.requestsServed(), atOnce + 1);
        QCOMPARE(sandbox.connectionsAccepted(), atOnce);
        QCOMPARE(client.tlsHandshakes(), atOnce);
        QCOMPARE(client.pendingCalls(), 0);
    }

    // preconnect() opens the connections (TLS included) before any call and sends nothing on them; the calls that
    // follow use them instead of opening their own. At most maxConcurrentCalls(), across both pools.
    void preconnectOpensConnectionsAhead_data()
    {
        QTest::addColumn<int>("asked");
        QTest::addColumn<int>("opened");
        QTest::newRow("one, for a single verify") << 1 << 1;
        QTest::newRow("three") << 3 << 3;
        QTest::newRow("twelve, both pools") << 12 << 12;
        QTest::newRow("more than there are calls at once") << 20 << 12;
        QTest::newRow("none") << 0 << 0;
    }
    void preconnectOpensConnectionsAhead()
    {
        QFETCH(int, asked);
        QFETCH(int, opened);
        SandboxServer sandbox;
        QVERIFY(sandbox.start(0, m_dir.filePath(QStringLiteral("preconnect"))));
        sandbox.setSlowResponseMs(500); // every call is in flight at once, so each needs a connection of its own
        ClientConfig c = sandboxConfig();
        c.endpoint = sandbox.url();
        c.extraCaCertificates = sandbox.caCertificates(); // the system CA store is read on a thread meanwhile
        c.rateLimitQps = 0;
        ApiClient client(c, Credentials::training());
        client.preconnect(asked);
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.connectionsAccepted(), opened, networkTimeoutMs);
        QCOMPARE(sandbox.requestsReceived(), 0);

        Recorder rec(client);
        const int calls = std::max(opened, 1);
        for (int i = 0; i < calls; ++i)
            client.verify(triggerRequest(SandboxFixtures::slow));
        QTRY_COMPARE_WITH_TIMEOUT(rec.finals.size(), calls, networkTimeoutMs);
        for (const VerificationResult& r : std::as_const(rec.finals))
            QCOMPARE(r.status, Status::Passed);
        QCOMPARE(sandbox.requestsServed(), calls);
        QCOMPARE(sandbox.connectionsAccepted(), calls); // no call opened one more than was opened ahead
    }

    // A starved sandbox (every connection it allows held by idle clients) never makes a call fail silently: each
    // attempt's connection is closed unanswered, the call is retried as far as the policy allows, and it ends as a
    // network error that says so and was not billed. Once a connection is free, the next call passes.
    void starvedSandboxFailsClearly()
    {
        SandboxServer sandbox;
        sandbox.setMaxConnections(2);
        QVERIFY(sandbox.start(0, m_dir.filePath(QStringLiteral("starved"))));
        std::vector<std::unique_ptr<QSslSocket>> idle; // connected and encrypted, then silent
        for (int i = 0; i < sandbox.maxConnections(); ++i) {
            idle.push_back(std::make_unique<QSslSocket>());
            QSslConfiguration tls = idle.back()->sslConfiguration();
            tls.addCaCertificates(sandbox.caCertificates());
            idle.back()->setSslConfiguration(tls);
            idle.back()->connectToHostEncrypted(sandbox.url().host(), static_cast<quint16>(sandbox.url().port()));
            const QSslSocket* socket = idle.back().get(); // the sandbox answers the handshake on this event loop
            QTRY_VERIFY_WITH_TIMEOUT(socket->isEncrypted(), networkTimeoutMs);
        }
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.openConnections(), sandbox.maxConnections(), networkTimeoutMs);

        ClientConfig c = sandboxConfig();
        c.endpoint = sandbox.url();
        c.extraCaCertificates = sandbox.caCertificates();
        ApiClient client(c, Credentials::training());
        const VerificationResult starved = run(client, personRequest(0));
        QCOMPARE(starved.status, Status::NetworkError);
        QVERIFY(!starved.mayHaveBeenBilled());
        QVERIFY(!starved.explanation().isEmpty());
        QVERIFY(!starved.detail.isEmpty());
        QCOMPARE(starved.attempts, c.maxAttempts);
        QCOMPARE(sandbox.connectionsRefused(), c.maxAttempts);
        QCOMPARE(sandbox.requestsReceived(), 0);

        idle.front()->abort();
        QTRY_COMPARE_WITH_TIMEOUT(sandbox.openConnections(), sandbox.maxConnections() - 1, networkTimeoutMs);
        QCOMPARE(run(client, personRequest(1)).status, Status::Passed);
        QCOMPARE(sandbox.requestsReceived(), 1);
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
