#pragma once

#include "api/Credentials.h"
#include "api/NetworkErrorMap.h"
#include "api/RateLimiter.h"
#include "api/RetryPolicy.h"
#include "api/SignerV3.h"
#include "api/VerificationRequest.h"
#include "api/VerificationResult.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <future>

class Clock;
class Random;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

struct ClientConfig
{
    QUrl endpoint = hongKongInternet();
    // Extra CAs trusted in addition to the system store (a private endpoint, or the training sandbox's CA).
    QList<QSslCertificate> extraCaCertificates;
    int timeoutMs = 20000; // per attempt
    int maxAttempts = 4; // first try included; only throttling, 5xx and transport errors are retried
    qint64 backoffBaseMs = 500; // full jitter: wait uniform(0, min(cap, base * 2^(attempt-1)))
    qint64 backoffCapMs = 8000;
    double rateLimitQps = 10.0; // the account-wide limit of eKYC_Date_MIN
    qint64 maxResponseBytes = qint64 { 64 } * 1024;

    static QUrl hongKongInternet() { return QUrl(QStringLiteral("https://cloudauth-intl.cn-hongkong.aliyuncs.com/")); }
    static QUrl hongKongVpc() { return QUrl(QStringLiteral("https://cloudauth-intl-vpc.cn-hongkong.aliyuncs.com/")); }
};

// Sends Id2MetaPeriodVerifyIntl over HTTPS. Its QNetworkAccessManagers live as long as the client, so TLS connections
// are kept alive; every call is asynchronous and cancellable; TLS errors are never ignored. Qt opens at most six
// HTTP/1.1 connections per host and manager and queues a seventh request behind them (already recorded as sent), so
// a second manager, a second pool of six, is added when six calls are in flight: up to maxConcurrentCalls() calls
// each have a connection of their own.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    ApiClient(ClientConfig config, Credentials credentials, QObject* parent = nullptr);
    ApiClient(ClientConfig config, Credentials credentials, Clock& clock, Random& random, QObject* parent = nullptr);
    ~ApiClient() override;

    const ClientConfig& config() const { return m_config; }

    static constexpr int connectionsPerPool = 6; // Qt's HTTP/1.1 connections per host and manager
    static constexpr int maxPools = 2;
    // Calls that can be in flight at once, each on its own connection.
    static constexpr int maxConcurrentCalls() { return connectionsPerPool * maxPools; }

    // The fully signed request (fresh date and nonce) that verify() would send first.
    SignerV3::Request prepare(const VerificationRequest& request) const;
    // Starts a call; returns its id before any signal about it. Emits attemptStarted/attemptFinished per attempt and
    // finished once. gate: this call's attempt gate (see setAttemptGate), else the client's.
    using Proceed = std::function<void(bool send, VerificationResult ifNot)>;
    using AttemptGate = std::function<void(quint64 callId, int attempt, Proceed proceed)>;
    quint64 verify(const VerificationRequest& request, AttemptGate gate = {});
    // Cancels a call. A request already sent ends as OutcomeUnknown (it may have been billed), else as Cancelled. An
    // attempt its gate let through (recorded as about to be sent) that has not left, waiting for its rate slot say,
    // is first reported by attemptFinished as Cancelled, never sent (its result's attempts exclude it).
    void cancel(quint64 callId);
    // Nothing more leaves (a batch stopped). A call with nothing on its way ends now as Cancelled: its first attempt
    // not begun, a retry waiting after an unbilled failure, or an attempt begun that has not left (its gate, its
    // rate slot; see cancel). An attempt on its way ends the call with its own result instead of being retried.
    void finishWithoutRetry(quint64 callId);
    // Ends a call at once with this result: no further attempt starts, an attempt in flight is aborted (and
    // reported by attemptFinished with this result). Called from a slot of attemptStarted, or through the attempt
    // gate's proceed(false, ...), the attempt is never sent.
    void stop(quint64 callId, VerificationResult result);
    // Decides, before each attempt is sent, whether it may be (the audit history records it first, on another
    // thread). It is called after attemptStarted and must call proceed exactly once, later or at once, on this
    // client's thread: proceed(true, {}) sends the attempt, proceed(false, result) ends the call with result instead.
    void setAttemptGate(AttemptGate gate) { m_gate = std::move(gate); }
    int pendingCalls() const;
    // Opens up to `connections` connections to an https endpoint ahead of the first call (capped at
    // maxConcurrentCalls()), TLS handshake included, with the configuration every request uses: nothing is sent on
    // them until a call is. While the system CA store is still being read (see the constructor), from the event loop
    // once it has been. Qt reports nothing of these connections: a call that finds one open uses it as a kept-alive
    // connection (its request counts as sent), one that finds it failed or closed opens its own and reports that.
    void preconnect(int connections);
    // TLS handshakes completed by this client's calls (each connection a call opened counts one; those opened by
    // preconnect() do not).
    int tlsHandshakes() const { return m_tlsHandshakes; }

    // "ekyc-desk/<version>", sent as User-Agent.
    static QByteArray userAgent();
    // host header value for an endpoint: the host, with ":port" when the port is not 443.
    static QByteArray hostHeader(const QUrl& endpoint);
    // The system's trusted CAs, each once: OpenSSL's CA bundle (Crypto::defaultCaFile), which the system's
    // ca-certificates tool writes from the same certificates as its folders, else (no bundle, or none read from it)
    // QSslConfiguration::systemCaCertificates(), which reads every file of the certificate folders, the bundle among
    // them, and so parses each certificate twice.
    static QList<QSslCertificate> systemCaCertificates();
    // The TLS configuration every request uses: system CAs plus config.extraCaCertificates; never relaxed.
    // Waits for the system CA store when it is still being read (see the constructor).
    const QSslConfiguration& sslConfiguration() const { return m_sslConfig.get(); }
    RateLimiter& rateLimiter() { return m_limiter; }
    const RetryPolicy& retryPolicy() const { return m_retry; }

signals:
    void attemptStarted(quint64 callId, int attempt, const QString& merchantBizId);
    void attemptFinished(quint64 callId, int attempt, const VerificationResult& result);
    void finished(quint64 callId, const VerificationResult& result);
    // The exact signed request of an attempt, emitted just before it is sent (for audit and tests; it carries the
    // signature but never the secret).
    void attemptSigned(quint64 callId, int attempt, const SignerV3::Request& request);

private:
    struct Call;
    // implementation detail members live in ApiClient.cpp's Call and below
    void startAttempt(quint64 callId);
    void sendAttempt(quint64 callId, int attempt);
    void scheduleNext(quint64 callId, qint64 delayMs);
    void waitForRateLimit(quint64 callId, int attempt);
    void attemptDone(quint64 callId, int attempt);
    void abortAttempt(quint64 callId, int attempt, NetworkErrorMap::Abort reason);
    void finishCall(quint64 callId, const VerificationResult& result);
    // Sets requestSent and turns a transport error after the request may have left into OutcomeUnknown.
    // sent: the request may have left (mayHaveLeft); seenLeaving: it was seen leaving (seenLeaving).
    static void markOutcome(VerificationResult& result, bool sent, bool seenLeaving);
    static bool mayHaveLeft(const Call& call);
    // Evidence that it left: upload progress, requestSent, an answer, or this attempt's own TLS handshake done (Qt
    // writes the request right after it; counting it errs towards never billing twice).
    static bool seenLeaving(const Call& call);
    // Whether requests to the endpoint go through a proxy (asked only when an attempt failed in transport).
    bool viaProxy() const;
    SignerV3::Request buildSigned(const VerificationRequest& request) const;

    ClientConfig m_config;
    Credentials m_credentials;
    Clock& m_clock;
    Random& m_random;
    struct Pool
    {
        QNetworkAccessManager* network = nullptr;
        int busy = 0; // replies posted and not yet taken back
    };
    QNetworkAccessManager* addPool();
    // The only endpoints calls are sent to, and connections opened ahead to.
    bool httpsEndpoint() const;
    void openPreconnections();
    int pickPool();
    QNetworkReply* takeReply(Call& call); // clears call.reply, frees its place in its pool, disconnects it from here
    QList<Pool> m_pools; // at least one
    std::shared_future<QSslConfiguration> m_sslConfig; // ready before the first request is built
    RateLimiter m_limiter;
    RetryPolicy m_retry;
    AttemptGate m_gate;
    QHash<quint64, Call*> m_calls;
    quint64 m_nextId = 1;
    int m_tlsHandshakes = 0;
    int m_preconnections = 0; // asked of preconnect() and not yet opened
    QTimer* m_sslConfigPoll = nullptr; // looks whether the TLS configuration is ready, for preconnect()
};
