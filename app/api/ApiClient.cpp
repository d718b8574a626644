#include "ApiClient.h"

#include "api/NetworkErrorMap.h"
#include "api/ResponseParser.h"
#include "base/Clock.h"
#include "crypto/Crypto.h"
#include "crypto/Random.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <utility>

// Retries and the MerchantBizId
// -----------------------------
// Every business answer (SubCode 200, 202, 223, or any other SubCode) is billed, so a call that produced one is
// never sent again, whatever the answer. Only attempts that cannot have been billed are retried automatically:
// throttling (403/429 Throttling*) and server faults (500 InternalError, 503 ServiceUnavailable, any other 5xx)
// with the server's answer in hand, a refused connection, and a timeout or reset that ended the attempt BEFORE the
// request left (no upload progress, no answer). A timeout, reset or cancel AFTER the request left ends the call as
// OutcomeUnknown: the service may have processed and billed it, so only a person retries it, with the same
// MerchantBizId. A host name that does not resolve and a TLS certificate that does not verify will not heal in
// seconds, so they are not retried; neither are parameter, permission or signature errors, nor malformed or
// oversized answers (those may have been billed answers we could not read).
//
// A retry REUSES the call's MerchantBizId. One business case is one MerchantBizId: it is the key a reviewer and the
// provider's console use to find the case, and the provider does not check its uniqueness, so reusing it is
// accepted. Each attempt gets a fresh x-acs-signature-nonce and x-acs-date, because the gateway rejects a replayed
// nonce (SignatureNonceUsed) and a stale time stamp (InvalidTimeStamp.Expired). Every attempt is reported
// (attemptStarted/attemptFinished) before it is sent and after it ends, so the audit history records each one; a
// slot that cannot record an attempt stops the call (stop()) and nothing is sent.

namespace {

// Honours the system proxy configuration, but never sends loopback traffic (the training sandbox) to a proxy.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery& query) override
    {
        const QString host = query.peerHostName();
        const QHostAddress address(host);
        if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0
            || (!address.isNull() && address.isLoopback()))
            return { QNetworkProxy(QNetworkProxy::NoProxy) };
        return systemProxyForQuery(query);
    }
};

// The answer's headers, all together, as the body is capped by ClientConfig::maxResponseBytes.
constexpr qint64 maxHeaderBytes = qint64 { 64 } * 1024;

// Whether an answer's header block is beyond maxHeaderBytes. Qt's HTTP/1.1 parser (6.4) hands over none of the
// headers of a block beyond its own limits (100 fields, 100 KiB for one field): an answer with a status line and no
// header at all is such a block, and no real gateway sends one.
bool headersTooLarge(const QNetworkReply& reply)
{
    const QList<QNetworkReply::RawHeaderPair>& pairs = reply.rawHeaderPairs();
    if (pairs.isEmpty())
        return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid();
    qint64 total = 0;
    for (const auto& [name, value] : pairs)
        total += name.size() + value.size() + 4; // ": " and CRLF
    return total > maxHeaderBytes;
}

} // namespace

QList<QSslCertificate> ApiClient::systemCaCertificates()
{
    const QString bundle = Crypto::defaultCaFile();
    const QList<QSslCertificate> certificates =
        bundle.isEmpty() ? QList<QSslCertificate>() : QSslCertificate::fromPath(bundle, QSsl::Pem);
    return certificates.isEmpty() ? QSslConfiguration::systemCaCertificates() : certificates;
}

namespace {

std::shared_future<QSslConfiguration> makeSslConfiguration(const QList<QSslCertificate>& extraCaCertificates)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (extraCaCertificates.isEmpty() || !configuration.caCertificates().isEmpty()) {
        if (!extraCaCertificates.isEmpty())
            configuration.addCaCertificates(extraCaCertificates);
        std::promise<QSslConfiguration> ready;
        ready.set_value(configuration);
        return ready.get_future().share();
    }
    // Adding CAs switches off the on-demand loading of the system store, so load it explicitly first: the extra CAs
    // are trusted IN ADDITION to the system ones, never instead of them. Reading and parsing the system store
    // (systemCaCertificates: ~50 ms of CPU) runs on a thread of its own, while the caller goes on (the history is
    // opened next, whose key derivation takes as long); the first request waits for it.
    return std::async(std::launch::async, [configuration, extraCaCertificates]() mutable {
        configuration.setCaCertificates(ApiClient::systemCaCertificates());
        configuration.addCaCertificates(extraCaCertificates);
        return configuration;
    }).share();
}

} // namespace

struct ApiClient::Call
{
    VerificationRequest request;
    int attempt = 0; // attempts started
    QPointer<QNetworkReply> reply; // the attempt in flight, if any
    int pool = -1; // the connection pool (m_pools) the reply is on
    NetworkErrorMap::Abort abort = NetworkErrorMap::Abort::None;
    QList<QSslError> sslErrors;
    qint64 startedMs = 0;
    // Whether the attempt's request may have left. Qt reports from its HTTP thread, so the signals below can trail
    // the abort of a timeout: "not sent" is concluded only when this attempt was seen opening a NEW connection and
    // that connection never finished its TLS handshake, with no upload progress and no answer. A request on a
    // kept-alive connection is written at once: it counts as sent.
    bool sent = false; // upload progress, requestSent or an answer was seen
    bool connecting = false; // socketStartedConnecting: this attempt opened a new connection
    bool encrypted = false; // ... and its TLS handshake completed
    bool starting = false; // the current attempt has started but not left (attemptStarted, or the gate decides)
    bool retryWaiting = false; // a retry is scheduled (its delay runs): nothing of this call is on its way
    bool noRetry = false; // finishWithoutRetry(): the attempt begun is the last
    bool gateAsked = false; // the gate was asked to record the current attempt, which has not left yet
    bool headersTooLarge = false; // the attempt was aborted for its answer's header block
    ApiClient::AttemptGate gate; // this call's own, else the client's
};

ApiClient::ApiClient(ClientConfig config, Credentials credentials, QObject* parent)
    : ApiClient(std::move(config), std::move(credentials), Clock::system(), Random::system(), parent)
{
}

ApiClient::ApiClient(ClientConfig config, Credentials credentials, Clock& clock, Random& random, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_credentials(std::move(credentials))
    , m_clock(clock)
    , m_random(random)
    , m_sslConfig(makeSslConfiguration(m_config.extraCaCertificates))
    , m_limiter(clock, m_config.rateLimitQps, 1.0)
    , m_retry(m_config.maxAttempts, m_config.backoffBaseMs, m_config.backoffCapMs)
{
    addPool();
}

bool ApiClient::httpsEndpoint() const
{
    const QUrl& endpoint = m_config.endpoint;
    return endpoint.isValid() && endpoint.scheme() == QLatin1String("https") && !endpoint.host().isEmpty();
}

void ApiClient::preconnect(int connections)
{
    m_preconnections = httpsEndpoint() ? std::clamp(connections, 0, maxConcurrentCalls()) : 0;
    if (m_preconnections == 0)
        return;
    if (m_sslConfig.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        openPreconnections();
        return;
    }
    // The system CA store is still being read on its thread: look again from the event loop, without waiting here.
    if (!m_sslConfigPoll) {
        m_sslConfigPoll = new QTimer(this);
        m_sslConfigPoll->setInterval(2);
        connect(m_sslConfigPoll, &QTimer::timeout, this, [this] {
            if (m_sslConfig.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
                return;
            m_sslConfigPoll->stop();
            openPreconnections();
        });
    }
    m_sslConfigPoll->start();
}

void ApiClient::openPreconnections()
{
    const QString host = m_config.endpoint.host();
    const auto port = static_cast<quint16>(m_config.endpoint.port(443));
    // The pools in the order pickPool() fills them, so the first calls find their connections open.
    const int count = std::exchange(m_preconnections, 0);
    for (int i = 0; i < count; ++i) {
        const qsizetype pool = i / connectionsPerPool;
        while (m_pools.size() <= pool)
            addPool();
        m_pools[pool].network->connectToHostEncrypted(host, port, m_sslConfig.get());
    }
}

QNetworkAccessManager* ApiClient::addPool()
{
    auto* network = new QNetworkAccessManager(this);
    network->setProxyFactory(new SystemProxyFactory);
    network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_pools.append({ network, 0 });
    return network;
}

int ApiClient::pickPool()
{
    // The first pool with a free connection: a single call, and a batch's first six, keep to the first pool and its
    // kept-alive connections; a second pool only when six are busy.
    for (qsizetype i = 0; i < m_pools.size(); ++i) {
        if (m_pools[i].busy < connectionsPerPool)
            return static_cast<int>(i);
    }
    if (m_pools.size() < maxPools) {
        addPool();
        return static_cast<int>(m_pools.size() - 1);
    }
    // More calls than connections (only when the caller runs more than maxConcurrentCalls()): the least busy queues.
    const auto least = std::min_element(
        m_pools.cbegin(), m_pools.cend(), [](const Pool& a, const Pool& b) { return a.busy < b.busy; });
    return static_cast<int>(least - m_pools.cbegin());
}

QNetworkReply* ApiClient::takeReply(Call& call)
{
    QNetworkReply* reply = call.reply;
    call.reply = nullptr;
    if (call.pool >= 0 && call.pool < m_pools.size())
        --m_pools[call.pool].busy;
    call.pool = -1;
    if (reply)
        reply->disconnect(this);
    return reply;
}

ApiClient::~ApiClient()
{
    for (Call* call : std::as_const(m_calls)) {
        if (call->reply) {
            call->reply->disconnect(this);
            call->reply->abort();
        }
        delete call;
    }
    m_calls.clear();
}

QByteArray ApiClient::userAgent()
{
#ifdef EKYC_VERSION
    return QByteArray("ekyc-desk/") + EKYC_VERSION;
#else
    const QString version = QCoreApplication::applicationVersion();
    return "ekyc-desk/" + (version.isEmpty() ? QByteArray("0.0.0") : version.toUtf8());
#endif
}

QByteArray ApiClient::hostHeader(const QUrl& endpoint)
{
    QByteArray host = endpoint.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    const int port = endpoint.port(443);
    if (port != 443)
        host += ':' + QByteArray::number(port);
    return host;
}

SignerV3::Request ApiClient::buildSigned(const VerificationRequest& request) const
{
    SignerV3::Request r;
    r.method = "POST";
    r.path = "/";
    r.body = request.formBody();
    r.headers = {
        { "host", hostHeader(m_config.endpoint) },
        { "x-acs-action", VerificationRequest::action },
        { "x-acs-version", VerificationRequest::apiVersion },
        { "x-acs-date", m_clock.nowUtc().toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")).toLatin1() },
        { "x-acs-signature-nonce", m_random.hex32() },
        { "content-type", "application/x-www-form-urlencoded" },
        { "accept", "application/json" },
        { "user-agent", userAgent() },
    };
    SignerV3::sign(r, m_credentials);
    return r;
}

SignerV3::Request ApiClient::prepare(const VerificationRequest& request) const
{
    return buildSigned(request);
}

int ApiClient::pendingCalls() const
{
    return static_cast<int>(m_calls.size());
}

quint64 ApiClient::verify(const VerificationRequest& request, AttemptGate gate)
{
    const quint64 id = m_nextId++;
    auto* call = new Call;
    call->request = request;
    call->gate = gate ? std::move(gate) : m_gate;
    m_calls.insert(id, call);

    if (!httpsEndpoint()) {
        const QUrl& endpoint = m_config.endpoint;
        VerificationResult refused;
        refused.status = VerificationResult::Status::NetworkError;
        refused.error = VerificationResult::Error::TlsFailure;
        refused.merchantBizId = request.merchantBizId;
        refused.detail = tr("The endpoint %1 is not an https:// URL; only HTTPS endpoints are used.")
                             .arg(endpoint.toDisplayString(QUrl::RemoveUserInfo));
        // Queued, so the caller has the call id before any signal about it.
        QMetaObject::invokeMethod(
            this, [this, id, refused] { finishCall(id, refused); }, Qt::QueuedConnection);
        return id;
    }
    scheduleNext(id, 0);
    return id;
}

void ApiClient::scheduleNext(quint64 callId, qint64 delayMs)
{
    if (delayMs > 0)
        m_clock.callAfter(delayMs, this, [this, callId] { startAttempt(callId); });
    else
        QMetaObject::invokeMethod(
            this, [this, callId] { startAttempt(callId); }, Qt::QueuedConnection);
}

// The slot is booked once the attempt may be sent (after the gate recorded it), just before it leaves: however long
// the gate took, the requests reach the service at the pace of the limit.
void ApiClient::waitForRateLimit(quint64 callId, int attempt)
{
    const qint64 delay = m_limiter.delayBeforeNext();
    if (delay <= 0) {
        sendAttempt(callId, attempt);
        return;
    }
    m_clock.callAfter(delay, this, [this, callId, attempt] {
        const Call* call = m_calls.value(callId);
        if (call && call->attempt == attempt && call->starting)
            sendAttempt(callId, attempt);
    });
}

void ApiClient::startAttempt(quint64 callId)
{
    Call* call = m_calls.value(callId);
    if (!call || call->reply || call->starting)
        return;
    const int attempt = ++call->attempt;
    call->starting = true;
    call->retryWaiting = false;
    emit attemptStarted(callId, attempt, call->request.merchantBizId);
    if (!m_calls.contains(callId))
        return; // stopped by a slot (it could not record the attempt): nothing is sent
    if (!call->gate) {
        waitForRateLimit(callId, attempt);
        return;
    }
    const AttemptGate gate = call->gate; // the call may end while it decides
    call->gateAsked = true;
    gate(callId,
        attempt,
        [this, guard = QPointer<ApiClient>(this), callId, attempt](bool send, VerificationResult ifNot) {
            if (!guard)
                return;
            Call* c = m_calls.value(callId);
            if (!c || c->attempt != attempt || !c->starting)
                return; // cancelled while the gate was deciding
            if (send)
                waitForRateLimit(callId, attempt);
            else
                stop(callId, std::move(ifNot));
        });
}

void ApiClient::sendAttempt(quint64 callId, int attempt)
{
    Call* call = m_calls.value(callId);
    if (!call)
        return;
    call->starting = false;
    call->gateAsked = false;
    // Signed now, after the gate: its date and nonce are fresh however long the gate took.
    const SignerV3::Request signedRequest = buildSigned(call->request);
    emit attemptSigned(callId, attempt, signedRequest);
    call = m_calls.value(callId);
    if (!call)
        return;

    QUrl url = m_config.endpoint;
    url.setUserInfo(QString()); // credentials never travel in the URL (EndpointConfig refuses such an endpoint)
    url.setPath(QStringLiteral("/"));
    url.setQuery(QString());
    url.setFragment(QString());
    QNetworkRequest networkRequest(url);
    for (const auto& [name, value] : signedRequest.headers)
        networkRequest.setRawHeader(name, value);
    networkRequest.setSslConfiguration(m_sslConfig.get());
    networkRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    networkRequest.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    networkRequest.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // HTTP/1.1 only: what the sandbox speaks and the tests cover, and how the "sent" signals below behave.
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    call->abort = NetworkErrorMap::Abort::None;
    call->sslErrors.clear();
    call->sent = false;
    call->connecting = false;
    call->encrypted = false;
    call->headersTooLarge = false;
    call->startedMs = m_clock.monotonicMs();
    call->pool = pickPool();
    ++m_pools[call->pool].busy;
    QNetworkReply* reply = m_pools[call->pool].network->post(networkRequest, signedRequest.body);
    call->reply = reply;

    // Emitted once per new TLS connection; a request on a kept-alive connection does not emit it.
    connect(reply, &QNetworkReply::encrypted, this, [this, callId, attempt] {
        ++m_tlsHandshakes;
        if (Call* c = m_calls.value(callId); c && c->attempt == attempt)
            c->encrypted = true;
    });
    connect(reply, &QNetworkReply::socketStartedConnecting, this, [this, callId, attempt] {
        if (Call* c = m_calls.value(callId); c && c->attempt == attempt)
            c->connecting = true;
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, callId, attempt](const QList<QSslError>& errors) {
        Call* c = m_calls.value(callId);
        if (c && c->attempt == attempt)
            c->sslErrors = errors; // recorded for the explanation; never ignored
    });
    auto markSent = [this, callId, attempt] {
        Call* c = m_calls.value(callId);
        if (c && c->attempt == attempt)
            c->sent = true;
    };
    connect(reply, &QNetworkReply::uploadProgress, this, [markSent](qint64 bytesSent, qint64) {
        if (bytesSent > 0)
            markSent();
    });
    connect(reply, &QNetworkReply::requestSent, this, markSent);
    const qint64 limit = m_config.maxResponseBytes;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, callId, attempt, reply, limit, markSent] {
        markSent();
        if (headersTooLarge(*reply)) {
            if (Call* c = m_calls.value(callId); c && c->attempt == attempt)
                c->headersTooLarge = true;
            abortAttempt(callId, attempt, NetworkErrorMap::Abort::Oversized);
            return;
        }
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (limit > 0 && length.isValid() && length.toLongLong() > limit)
            abortAttempt(callId, attempt, NetworkErrorMap::Abort::Oversized);
    });
    connect(
        reply, &QNetworkReply::downloadProgress, this, [this, callId, attempt, limit](qint64 received, qint64 total) {
            if (limit > 0 && (received > limit || total > limit))
                abortAttempt(callId, attempt, NetworkErrorMap::Abort::Oversized);
        });
    connect(reply, &QNetworkReply::finished, this, [this, callId, attempt] { attemptDone(callId, attempt); });
    m_clock.callAfter(m_config.timeoutMs, this, [this, callId, attempt] {
        abortAttempt(callId, attempt, NetworkErrorMap::Abort::Timeout);
    });
}

void ApiClient::abortAttempt(quint64 callId, int attempt, NetworkErrorMap::Abort reason)
{
    Call* call = m_calls.value(callId);
    if (!call || call->attempt != attempt || !call->reply || call->reply->isFinished())
        return;
    if (call->abort != NetworkErrorMap::Abort::None)
        return;
    call->abort = reason;
    call->reply->abort(); // finished() follows, and attemptDone() reads the reason
}

void ApiClient::attemptDone(quint64 callId, int attempt)
{
    Call* call = m_calls.value(callId);
    if (!call || call->attempt != attempt || !call->reply)
        return;
    QNetworkReply* reply = takeReply(*call);
    reply->deleteLater();

    const qint64 latency = m_clock.monotonicMs() - call->startedMs;
    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int httpStatus = statusAttribute.isValid() ? statusAttribute.toInt() : 0;
    const QNetworkReply::NetworkError error = reply->error();

    VerificationResult result;
    if (call->abort != NetworkErrorMap::Abort::None || NetworkErrorMap::isTransportError(error) || httpStatus == 0) {
        // Through a proxy, an error Qt cannot name is the proxy's, as long as the request cannot have left.
        const bool proxyBeforeSending = !mayHaveLeft(*call) && viaProxy();
        result =
            NetworkErrorMap::toResult(error, call->abort, reply->errorString(), call->sslErrors, proxyBeforeSending);
        if (call->abort == NetworkErrorMap::Abort::Oversized)
            result.httpStatus = httpStatus;
        if (call->headersTooLarge)
            result.detail = tr("The answer's headers exceed the limit of %1 KiB (or are too many or too long to be "
                               "read) and were not read.")
                                .arg(maxHeaderBytes / 1024);
        markOutcome(result, mayHaveLeft(*call) || httpStatus != 0, seenLeaving(*call) || httpStatus != 0);
    } else {
        // Content, protocol and server errors (4xx/5xx) carry an answer: read it, at most one byte over the limit.
        const qint64 limit = m_config.maxResponseBytes > 0 ? m_config.maxResponseBytes + 1 : reply->bytesAvailable();
        const QByteArray body = reply->read(limit);
        result = ResponseParser::parse(httpStatus, reply->rawHeaderPairs(), body, m_config.maxResponseBytes);
        // Every attempt signs with a fresh nonce, so "nonce already used" means the network stack resent this very
        // request: its first copy reached the gateway and may have been billed.
        if (result.error == VerificationResult::Error::SignatureNonceUsed)
            result.status = VerificationResult::Status::OutcomeUnknown;
    }
    result.merchantBizId = call->request.merchantBizId;
    result.attempts = attempt;
    result.latencyMs = latency;

    emit attemptFinished(callId, attempt, result);
    if (!m_calls.contains(callId))
        return; // cancelled by a slot

    if (result.status != VerificationResult::Status::Cancelled && !call->noRetry
        && m_retry.shouldRetry(result, attempt)) {
        call->retryWaiting = true;
        scheduleNext(callId, m_retry.delayMs(result, attempt, m_random));
        return;
    }
    finishCall(callId, result);
}

void ApiClient::cancel(quint64 callId)
{
    Call* call = m_calls.value(callId);
    if (!call)
        return;
    VerificationResult result = NetworkErrorMap::toResult(
        QNetworkReply::OperationCanceledError, NetworkErrorMap::Abort::Cancelled, QString(), {});
    if (call->reply) {
        markOutcome(result, mayHaveLeft(*call), seenLeaving(*call));
    } else if (call->starting && std::exchange(call->gateAsked, false)) {
        // The gate has recorded this attempt as about to be sent (or is recording it), and it has not left: it ends
        // here, and says so (once), so that its record does not stand for a request that may have been billed.
        VerificationResult notSent = result;
        notSent.merchantBizId = call->request.merchantBizId;
        notSent.attempts = call->attempt - 1;
        emit attemptFinished(callId, call->attempt, notSent);
        if (!m_calls.contains(callId))
            return; // stopped by a slot
    }
    stop(callId, result);
}

void ApiClient::finishWithoutRetry(quint64 callId)
{
    Call* call = m_calls.value(callId);
    if (!call)
        return;
    call->noRetry = true;
    // Nothing of the call on its way, by explicit state: its first attempt not begun, a retry waiting, or an attempt
    // begun that has not left (its gate, its rate slot). "No reply" alone also holds while attemptFinished reports an
    // attempt that ended the call, whose answer (billed, or unknown) must stand.
    if (!call->reply && (call->attempt == 0 || call->retryWaiting || call->starting))
        cancel(callId);
}

void ApiClient::stop(quint64 callId, VerificationResult result)
{
    Call* call = m_calls.value(callId);
    if (!call)
        return;
    result.merchantBizId = call->request.merchantBizId;
    if (call->reply) {
        QNetworkReply* reply = takeReply(*call);
        reply->abort();
        reply->deleteLater();
        result.attempts = call->attempt;
        result.latencyMs = m_clock.monotonicMs() - call->startedMs;
        emit attemptFinished(callId, call->attempt, result);
    } else {
        takeReply(*call); // a reply gone without its finished() still frees its place in its pool
        result.attempts = call->attempt - (call->starting ? 1 : 0);
    }
    finishCall(callId, result);
}

bool ApiClient::viaProxy() const
{
    const QList<QNetworkProxy> proxies =
        m_pools.constFirst().network->proxyFactory()->queryProxy(QNetworkProxyQuery(m_config.endpoint));
    const QNetworkProxy::ProxyType type = proxies.isEmpty() ? QNetworkProxy::NoProxy : proxies.constFirst().type();
    return type != QNetworkProxy::NoProxy && type != QNetworkProxy::DefaultProxy;
}

bool ApiClient::mayHaveLeft(const Call& call)
{
    return call.sent || call.encrypted || !call.connecting;
}

bool ApiClient::seenLeaving(const Call& call)
{
    return call.sent || call.encrypted;
}

void ApiClient::markOutcome(VerificationResult& result, bool sent, bool seenLeaving)
{
    using E = VerificationResult::Error;
    result.requestSent = sent;
    // Errors that happen before anything leaves (no such host, refused, TLS) say nothing about billing, unless the
    // request was seen leaving: then they are those of the copy Qt's HTTP stack sends by itself on a new connection
    // when the first one drops before any answer, and the first copy may have been billed.
    const bool beforeSending = !seenLeaving
        && (result.error == E::HostNotFound || result.error == E::ConnectionRefused || result.error == E::TlsFailure
            || result.error == E::ProxyError);
    const bool answerUnread = result.error == E::MalformedResponse || result.error == E::OversizedResponse;
    if (sent && !beforeSending && !answerUnread)
        result.status = VerificationResult::Status::OutcomeUnknown;
}

void ApiClient::finishCall(quint64 callId, const VerificationResult& result)
{
    Call* call = m_calls.take(callId);
    if (!call)
        return;
    delete call;
    emit finished(callId, result);
}
