#include "FakeClock.h"
#include "FakeRandom.h"
#include "FaultServer.h"
#include "StoreFixture.h"
#include "TestCertificates.h"

#include "crypto/SandboxCa.h"
#include "history/AuditEvent.h"
#include "history/HistoryQuery.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/VerificationService.h"

#include <QMetaEnum>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

using Status = VerificationResult::Status;
using Error = VerificationResult::Error;
using Answer = FaultServer::Answer;

namespace {

// Where a row's requests go: the service's own training sandbox (its fault triggers), or a purpose-built server in
// live mode over TLS or in plain TCP.
enum class Target
{
    Sandbox,
    Tls,
    Plain,
};

// The certificate the TLS server presents. Its CA is trusted by the client in every row.
enum class Certificate
{
    Good, // the training sandbox's own (SandboxCa): IP:127.0.0.1
    OtherHost, // DNS:other-host.example only
    Expired,
    NotYetValid,
};

} // namespace

Q_DECLARE_METATYPE(Target)
Q_DECLARE_METATYPE(Certificate)
Q_DECLARE_METATYPE(FaultServer::Answer)

namespace {

const QString created = QStringLiteral("case_created");
const QString sent = QStringLiteral("attempt_sent");
const QString received = QStringLiteral("response_received");
const QString failedAttempt = QStringLiteral("attempt_failed");
const QString completed = QStringLiteral("case_completed");

// The events of a case whose `attempts` attempts each ended with an HTTP answer (read or not).
QStringList answered(int attempts)
{
    QStringList kinds { created };
    for (int i = 0; i < attempts; ++i)
        kinds << sent << received;
    return kinds << completed;
}

// The events of a case whose one attempt ended without an HTTP answer.
QStringList noAnswer()
{
    return { created, sent, failedAttempt, completed };
}

QString keyOf(Error error)
{
    return QString::fromLatin1(QMetaEnum::fromType<Error>().valueToKey(static_cast<int>(error)));
}

Answer throttled429()
{
    return FaultServer::http(429,
        "Too Many Requests",
        R"({"RequestId":"F0000000-0000-4000-8000-000000000429","Code":"Throttling.User",)"
        R"("Message":"Request was denied due to user flow control."})");
}

Answer json5xx(int status, const QByteArray& reason, const QByteArray& code)
{
    return FaultServer::http(status,
        reason,
        R"({"RequestId":"F0000000-0000-4000-8000-000000000500","Code":")" + code
            + R"(","Message":"The request processing has failed due to some unknown error."})");
}

Answer html(int status, const QByteArray& reason)
{
    return FaultServer::http(status,
        reason,
        "<html><head><title>" + QByteArray::number(status) + ' ' + reason + "</title></head><body><h1>" + reason
            + "</h1></body></html>",
        "text/html");
}

// A business answer announced in full and cut after its first `sent` bytes, then the connection ends as `then` says.
Answer cutMidBody(int sent, Answer::Then then)
{
    Answer a = FaultServer::passed();
    const qsizetype bodyStart = a.bytes.indexOf("\r\n\r\n") + 4;
    a.bytes.truncate(bodyStart + sent);
    a.then = then;
    return a;
}

Answer tenMegabytes(bool announced)
{
    const QByteArray body = R"({"Padding":")" + QByteArray(10 * 1024 * 1024, 'a') + R"("})";
    if (announced)
        return FaultServer::http(200, "OK", body);
    Answer a;
    a.bytes = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + body;
    a.then = Answer::Then::Close;
    return a;
}

// 1 MiB of header fields before the answer.
Answer hugeHeaders()
{
    QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    for (int i = 0; head.size() < 1024 * 1024; ++i)
        head += "X-Padding-" + QByteArray::number(i) + ": " + QByteArray(1000, 'a') + "\r\n";
    Answer a = FaultServer::passed();
    a.bytes.replace(0, a.bytes.indexOf("\r\n") + 2, head);
    return a;
}

// Reads the request and resets the connection without a byte of answer.
Answer resetAtOnce()
{
    Answer a;
    a.then = Answer::Then::Reset;
    return a;
}

// What the gateway answers a request whose nonce it has seen.
Answer nonceUsed()
{
    return FaultServer::http(400,
        "Bad Request",
        R"({"RequestId":"F0000000-0000-4000-8000-000000000400","Code":"SignatureNonceUsed",)"
        R"("Message":"Specified signature nonce was used already."})");
}

CaseInput caseOf(const SandboxFixtures::Person& p)
{
    CaseInput input;
    input.name = p.docName;
    input.idNumber = p.docNo;
    input.validityStart = QDate::fromString(p.validityStartDate, QStringLiteral("yyyyMMdd"));
    input.longTerm = p.isLongTerm();
    input.validityEnd = QDate::fromString(p.validityEndDate, QStringLiteral("yyyyMMdd"));
    return input;
}

} // namespace

// The network fault matrix, end to end: each fault meets the real path a reviewer's case takes (VerificationService:
// the case recorded, each attempt recorded before it leaves, the answer or the error recorded, the case completed)
// against the training sandbox or a small purpose-built server, over real TLS, with a real history on each backend.
// Per fault: the specific error and the words that name it, the state the case is saved in (outcome unknown when the
// request had left and may have been billed, never retried; failed when it cannot have been), how many requests the
// server received (counted there), and a complete event chain. The client's clock is a FakeClock: a timeout happens
// when the test moves it, retries follow at once (no back-off), and passing all of its remaining time at the end
// shows that nothing more was going to be sent.
class TestNetworkFaults : public QObject
{
    Q_OBJECT

    // One history per backend for all rows, each row a case of its own: the chain verified after each row holds the
    // rows before it too.
    struct History
    {
        std::unique_ptr<StoreFixture> fixture;
        std::unique_ptr<AuditStore> store; // closed before its fixture drops it
        QString skipReason;
    };
    std::map<QString, History> m_histories;
    QTemporaryDir m_dir;
    SandboxCa m_sandboxCa;
    TestCertificates m_testCa;
    quint64 m_seed = 1;

    static constexpr int timeoutMs = 20000; // the client's per-attempt timeout, on the fake clock
    static constexpr int networkWaitMs = 30000; // bound on a real network event on a loaded machine

    TestCertificates::Issued issued(Certificate certificate) const
    {
        constexpr qint64 day = 24 * 3600;
        switch (certificate) {
        case Certificate::Good:
            return { m_sandboxCa.serverCertificate(), m_sandboxCa.serverKey() };
        case Certificate::OtherHost:
            return m_testCa.issue(QStringLiteral("DNS:other-host.example"), -3600, day);
        case Certificate::Expired:
            return m_testCa.issue(QStringLiteral("IP:127.0.0.1,DNS:localhost"), -30 * day, -day);
        case Certificate::NotYetValid:
            return m_testCa.issue(QStringLiteral("IP:127.0.0.1,DNS:localhost"), 30 * day, 60 * day);
        }
        return TestCertificates::Issued();
    }

    History& historyFor(const QString& backend)
    {
        auto [it, added] = m_histories.try_emplace(backend);
        History& history = it->second;
        if (added) {
            history.fixture = std::make_unique<StoreFixture>();
            if (history.fixture->prepare(backend, &history.skipReason))
                history.store = history.fixture->open();
        }
        return history;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandboxCa.ensure(m_dir.filePath(QStringLiteral("ca"))), qPrintable(m_sandboxCa.errorString()));
        QVERIFY(!m_testCa.caCertificate().isNull());
    }

    void cleanupTestCase() { m_histories.clear(); }

    void faults_data()
    {
        namespace F = SandboxFixtures;
        QTest::addColumn<QString>("backend");
        QTest::addColumn<Target>("target");
        QTest::addColumn<QString>("trigger"); // the sandbox's DocName trigger; empty: a fixture person
        QTest::addColumn<Certificate>("certificate");
        QTest::addColumn<QList<Answer>>("answers");
        QTest::addColumn<int>("maxAttempts");
        QTest::addColumn<bool>("timesOut"); // the fake clock passes the timeout once the request has arrived
        QTest::addColumn<Status>("status");
        QTest::addColumn<Error>("error");
        QTest::addColumn<QString>("says"); // in what the reviewer is shown (explanation and detail)
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("requests"); // complete requests the server received
        QTest::addColumn<QStringList>("events");

        const QString unknown = QString::fromLatin1(CaseState::outcomeUnknown);
        const QString failed = QString::fromLatin1(CaseState::failed);
        const QString refused = QString::fromLatin1(CaseState::refused);
        const QString done = QString::fromLatin1(CaseState::completed);
        const Certificate good = Certificate::Good;
        const QList<Answer> none;
        for (const QString& backend : StoreFixture::backends()) {
            const auto row = [&backend](const char* name) -> QTestData& {
                return QTest::newRow(qPrintable(backend + QLatin1Char(' ') + QLatin1String(name))) << backend;
            };
            // Sent, and no answer before the timeout: may have been billed.
            row("slow beyond the timeout, sandbox")
                << Target::Sandbox << F::slow << good << none << 4 << true << Status::OutcomeUnknown << Error::Timeout
                << QStringLiteral("timed out") << unknown << 1 << noAnswer();
            row("slow beyond the timeout, server")
                << Target::Tls << QString() << good << QList<Answer> { FaultServer::silence() } << 4 << true
                << Status::OutcomeUnknown << Error::Timeout << QStringLiteral("timed out") << unknown << 1
                << noAnswer();
            // A server that takes the connection and never answers the TLS handshake: nothing has left when the
            // timeout passes, so nothing can have been billed (one attempt allowed here: TestApiClient covers the
            // retry).
            row("silent during the handshake, beyond the timeout")
                << Target::Plain << QString() << good << QList<Answer> { FaultServer::silence() } << 1 << true
                << Status::NetworkError << Error::Timeout << QStringLiteral("did not answer in time") << failed << 0
                << noAnswer();
            // The sandbox reads the request and drops the connection without a byte of answer. Qt's HTTP stack sends
            // the same signed request again by itself, below the client, up to 3 times (QHttpNetworkConnectionChannel's
            // reconnect attempts): 4 copies arrive, all with one nonce, within the client's one attempt. The real
            // gateway answers a copy of a request it has seen with SignatureNonceUsed (next row), so a copy is never
            // processed, nor billed, twice.
            row("reset before any answer, sandbox")
                << Target::Sandbox << F::reset << good << none << 4 << false << Status::OutcomeUnknown
                << Error::ConnectionReset << QStringLiteral("connection lost") << unknown << 4 << noAnswer();
            row("reset before any answer, the copy refused as seen")
                << Target::Tls << QString() << good << QList<Answer> { resetAtOnce(), nonceUsed() } << 4 << false
                << Status::OutcomeUnknown << Error::SignatureNonceUsed << QStringLiteral("had seen it") << unknown << 2
                << answered(1);
            // The same, but the server is gone when Qt sends its copy: that connection is refused. The first copy
            // arrived and may have been billed, so it is not retried as if nothing had left.
            Answer resetAndGone = resetAtOnce();
            resetAndGone.thenStopListening = true;
            row("reset before any answer, then refused")
                << Target::Tls << QString() << good << QList<Answer> { resetAndGone } << 4 << false
                << Status::OutcomeUnknown << Error::ConnectionRefused << QStringLiteral("connection lost") << unknown
                << 1 << noAnswer();
            // The status line and headers arrived, then part of the body: an answer was on its way.
            row("reset mid-body") << Target::Tls << QString() << good
                                  << QList<Answer> { cutMidBody(40, Answer::Then::Reset) } << 4 << false
                                  << Status::OutcomeUnknown << Error::ConnectionReset
                                  << QStringLiteral("connection lost") << unknown << 1 << noAnswer();
            row("closed mid-body") << Target::Tls << QString() << good
                                   << QList<Answer> { cutMidBody(40, Answer::Then::Close) } << 4 << false
                                   << Status::OutcomeUnknown << Error::ConnectionReset
                                   << QStringLiteral("connection lost") << unknown << 1 << noAnswer();
            // A complete answer that cannot be read: it may have been a billed one.
            row("truncated JSON, sandbox")
                << Target::Sandbox << F::malformed << good << none << 4 << false << Status::NetworkError
                << Error::MalformedResponse << QStringLiteral("not JSON") << unknown << 1 << answered(1);
            row("wrong content type, an HTML page")
                << Target::Tls << QString() << good
                << QList<Answer> { FaultServer::http(
                       200, "OK", "<html><body>Please sign in to continue.</body></html>", "text/html") }
                << 4 << false << Status::NetworkError << Error::MalformedResponse << QStringLiteral("text/html")
                << unknown << 1 << answered(1);
            // The cap is met either while the body streams in ("exceeded the size limit", the read aborted) or, when
            // the whole first buffer arrived at once, by the parser ("more than the limit of 65536"): both name it.
            row("10 MB body, announced") << Target::Tls << QString() << good << QList<Answer> { tenMegabytes(true) }
                                         << 4 << false << Status::NetworkError << Error::OversizedResponse
                                         << QStringLiteral("limit") << unknown << 1 << answered(1);
            row("10 MB body, not announced")
                << Target::Tls << QString() << good << QList<Answer> { tenMegabytes(false) } << 4 << false
                << Status::NetworkError << Error::OversizedResponse << QStringLiteral("limit") << unknown << 1
                << answered(1);
            row("1 MiB of headers") << Target::Tls << QString() << good << QList<Answer> { hugeHeaders() } << 4 << false
                                    << Status::NetworkError << Error::OversizedResponse
                                    << QStringLiteral("headers exceed") << unknown << 1 << answered(1);
            // The client refuses the handshake: nothing was sent, nothing billed; it will not heal by retrying.
            row("certificate for another host")
                << Target::Tls << QString() << Certificate::OtherHost << QList<Answer> { FaultServer::passed() } << 4
                << false << Status::NetworkError << Error::TlsFailure << QStringLiteral("host name") << failed << 0
                << noAnswer();
            row("expired certificate") << Target::Tls << QString() << Certificate::Expired
                                       << QList<Answer> { FaultServer::passed() } << 4 << false << Status::NetworkError
                                       << Error::TlsFailure << QStringLiteral("expired") << failed << 0 << noAnswer();
            row("not-yet-valid certificate")
                << Target::Tls << QString() << Certificate::NotYetValid << QList<Answer> { FaultServer::passed() } << 4
                << false << Status::NetworkError << Error::TlsFailure << QStringLiteral("date and time") << failed << 0
                << noAnswer();
            Answer plain = FaultServer::http(400, "Bad Request", "Bad Request", "text/plain");
            plain.then = Answer::Then::Close;
            row("plain HTTP on an https URL")
                << Target::Plain << QString() << good << QList<Answer> { plain } << 4 << false << Status::NetworkError
                << Error::TlsFailure << QStringLiteral("plain HTTP, not TLS") << failed << 0 << noAnswer();
            // Bursts of answers that cannot have been billed: retried at once, each attempt recorded, up to the cap;
            // a burst that outlasts the retries leaves the case failed (safe to retry later), not refused.
            row("429 burst, then answered")
                << Target::Tls << QString() << good
                << QList<Answer> { throttled429(), throttled429(), FaultServer::passed() } << 4 << false
                << Status::Passed << Error::None << QStringLiteral("consistent") << done << 3 << answered(3);
            row("429 burst beyond the attempts")
                << Target::Tls << QString() << good << QList<Answer> { throttled429() } << 3 << false
                << Status::ApiError << Error::Throttling << QStringLiteral("throttling") << failed << 3 << answered(3);
            row("429 in plain text, then answered")
                << Target::Tls << QString() << good
                << QList<Answer> { FaultServer::http(429, "Too Many Requests", "Too Many Requests", "text/plain"),
                       FaultServer::passed() }
                << 4 << false << Status::Passed << Error::None << QStringLiteral("consistent") << done << 2
                << answered(2);
            row("500 burst, sandbox") << Target::Sandbox << F::serverErrorAlways << good << none << 3 << false
                                      << Status::ApiError << Error::InternalError << QStringLiteral("internal error")
                                      << failed << 3 << answered(3);
            row("503 burst, sandbox") << Target::Sandbox << F::unavailable << good << none << 3 << false
                                      << Status::ApiError << Error::ServiceUnavailable
                                      << QStringLiteral("temporarily unavailable") << failed << 3 << answered(3);
            // For contrast: a refusal that will not heal by retrying, answered once and never retried.
            row("403 permission refusal, sandbox")
                << Target::Sandbox << F::ramDenied << good << none << 4 << false << Status::ApiError
                << Error::RamUserAccessDenied << QStringLiteral("RAM user") << refused << 1 << answered(1);
            row("500 and 503 burst, then answered")
                << Target::Tls << QString() << good
                << QList<Answer> { json5xx(500, "Internal Server Error", "InternalError"),
                       html(503, "Service Unavailable"),
                       FaultServer::passed() }
                << 4 << false << Status::Passed << Error::None << QStringLiteral("consistent") << done << 3
                << answered(3);
            // A gateway that passed the request on and gave up waiting: the service may have processed it.
            row("504 from the gateway, not retried")
                << Target::Tls << QString() << good
                << QList<Answer> { html(504, "Gateway Time-out"), FaultServer::passed() } << 4 << false
                << Status::OutcomeUnknown << Error::ServiceUnavailable << QStringLiteral("HTTP 504") << unknown << 1
                << answered(1);
        }
    }

    void faults()
    {
        QFETCH(QString, backend);
        QFETCH(Target, target);
        QFETCH(QString, trigger);
        QFETCH(Certificate, certificate);
        QFETCH(QList<Answer>, answers);
        QFETCH(int, maxAttempts);
        QFETCH(bool, timesOut);
        QFETCH(Status, status);
        QFETCH(Error, error);
        QFETCH(QString, says);
        QFETCH(QString, state);
        QFETCH(int, requests);
        QFETCH(QStringList, events);

        History& history = historyFor(backend);
        if (!history.skipReason.isEmpty())
            QSKIP(qPrintable(history.skipReason));
        QVERIFY(history.store);
        AuditStore* store = history.store.get();

        FakeClock clock(QDateTime::currentDateTimeUtc()); // the sandbox checks the signature's date against its own
        FakeRandom random(0x9E3779B97F4A7C15ull * ++m_seed);
        VerificationService::Options options;
        options.clock = &clock;
        options.random = &random;
        options.client.timeoutMs = timeoutMs;
        options.client.maxAttempts = maxAttempts;
        options.client.backoffBaseMs = 0; // a retry starts at once: the fake clock need not move between attempts
        options.client.rateLimitQps = 0;
        FaultServer server;
        if (target == Target::Sandbox) {
            options.training = true;
        } else {
            const TestCertificates::Issued presented = issued(certificate);
            QVERIFY(!presented.isNull());
            QVERIFY2(target == Target::Plain ? server.listenPlain()
                                             : server.listenTls({ presented.certificate }, presented.key),
                qPrintable(server.errorString()));
            server.setAnswers(answers);
            options.training = false;
            options.credentials =
                Credentials(QStringLiteral("LTAI5tFaultMatrixTest01"), QStringLiteral("not-a-real-secret"), {}, {});
            options.client.endpoint = server.url();
            options.client.extraCaCertificates = { m_sandboxCa.caCertificate(), m_testCa.caCertificate() };
        }
        VerificationService service;
        QVERIFY2(service.configure(options), qPrintable(service.errorString()));
        service.setHistory(store);
        if (target == Target::Sandbox)
            service.sandbox()->setSlowResponseMs(10 * 60 * 1000); // the slow trigger answers after the test
        const auto requestsReceived = [&] {
            return target == Target::Sandbox ? service.sandbox()->requestsReceived() : server.requests();
        };
        QSignalSpy historyErrors(&service, &VerificationService::historyError);
        QSignalSpy signedRequests(service.client(), &ApiClient::attemptSigned); // one per attempt, with a fresh nonce

        CaseInput input = caseOf(SandboxFixtures::people().first());
        if (!trigger.isEmpty())
            input.name = trigger;
        const Result<VerificationCall*> submitted = service.submit(input, false);
        QVERIFY2(submitted, qPrintable(submitted.message()));
        const std::unique_ptr<VerificationCall> call(*submitted);
        if (timesOut) {
            // Once the request has arrived (or, for a row where none does, the connection), the timeout passes.
            if (requests > 0)
                QTRY_COMPARE_WITH_TIMEOUT(requestsReceived(), 1, networkWaitMs);
            else
                QTRY_COMPARE_WITH_TIMEOUT(server.connections(), 1, networkWaitMs);
            QCoreApplication::processEvents(); // what the client heard about its connection until then
            QVERIFY(!call->isFinished());
            clock.advance(timeoutMs);
        }
        QTRY_VERIFY_WITH_TIMEOUT(call->isFinished(), networkWaitMs);

        // The error, and words that name it.
        const VerificationResult& r = call->result();
        const QString shown = r.explanation() + QLatin1Char('\n') + r.detail;
        QCOMPARE(r.status, status);
        QCOMPARE(r.error, error);
        QVERIFY2(shown.contains(says, Qt::CaseInsensitive), qPrintable(shown));
        QCOMPARE(r.attempts, static_cast<int>(events.count(sent)));
        QCOMPARE(r.merchantBizId, call->merchantBizId());

        // Nothing more was going to be sent: the client's timers (timeouts, back-off, rate limit) all run on the
        // fake clock, so passing all of its time fires whatever was left.
        QCOMPARE(service.client()->pendingCalls(), 0);
        clock.advance(60 * 60 * 1000);
        QCoreApplication::processEvents();
        QCOMPARE(requestsReceived(), requests);
        QCOMPARE(r.attempts, call->attempt());
        QCOMPARE(signedRequests.count(), r.attempts); // more requests than this are copies made below the client

        // The case as the history keeps it, with every event, in a chain that verifies.
        QCOMPARE(historyErrors.count(), 0);
        QVERIFY(!r.unrecorded);
        const Result<CaseSummary> summary = store->caseSummary(StoreFixture::reader(), call->caseId());
        QVERIFY2(summary, qPrintable(summary.message()));
        QCOMPARE(summary->state, state);
        QCOMPARE(summary->attempts, r.attempts);
        QCOMPARE(summary->errorKind, error == Error::None ? QString() : keyOf(error));
        QCOMPARE(StoreFixture::kindsOf(*store, call->caseId()), events);
        const ChainReport chain = store->verifyChain();
        QVERIFY2(chain.ok, qPrintable(chain.reason));
        QCOMPARE(chain.brokenCases, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestNetworkFaults)
#include "TestNetworkFaults.moc"
