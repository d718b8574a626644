#include "VerificationService.h"

#include "base/Clock.h"
#include "crypto/Random.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxServer.h"
#include "session/HistoryWriter.h"

#include <QJsonArray>
#include <QPointer>

VerificationService::VerificationService(QObject* parent)
    : QObject(parent)
    , m_actor(Actor::localUser())
{
}

VerificationService::~VerificationService()
{
    m_client.reset(); // no call ends after this
    m_writer.reset(); // waits for the writes already posted
}

void VerificationService::setHistory(AuditStore* history)
{
    m_writer.reset();
    m_history = history;
    if (m_history) {
        m_writer = std::make_unique<HistoryWriter>(*m_history);
        // The writes that cross a checkpoint copy it to the anchor folder; whoever watches is told when that fails,
        // and when it works again.
        m_writer->setAnchorSink([this](const QString& error) {
            QMetaObject::invokeMethod(
                this,
                [this, error] {
                    if (error.isEmpty())
                        emit anchorsCopied();
                    else
                        emit anchorError(error);
                },
                Qt::QueuedConnection);
        });
    }
}

bool VerificationService::configure(const Options& options, SandboxStart start)
{
    m_error.clear();
    m_pendingOptions.reset();
    m_client.reset();
    m_sandbox.reset();
    m_sandboxCa = {};
    m_options = options;
    if (options.training) {
        const QString dir = SandboxServer::defaultDataDir();
        // Later: on a thread of its own; now: in startSandbox() below, on this one.
        const auto policy = start == SandboxStart::Later ? std::launch::async : std::launch::deferred;
        m_sandboxCa = std::async(policy, [dir] {
            SandboxCa ca;
            ca.ensure(dir);
            return ca;
        });
        return start == SandboxStart::Later || startSandbox();
    }
    if (!options.credentials.isValid()) {
        m_error = tr("No AccessKey found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
                     "(and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or use training mode.");
        return false;
    }
    makeClient(options);
    return true;
}

bool VerificationService::startSandbox()
{
    if (!m_sandboxCa.valid())
        return true;
    const SandboxCa ca = m_sandboxCa.get();
    auto sandbox = std::make_unique<SandboxServer>();
    if (!ca.errorString().isEmpty() || !sandbox->start(ca)) {
        m_error = tr("The training sandbox could not start: %1")
                      .arg(ca.errorString().isEmpty() ? sandbox->errorString() : ca.errorString());
        return false;
    }
    m_sandbox = std::move(sandbox);
    makeClient(m_options);
    return true;
}

bool VerificationService::reconfigure(const Options& requested)
{
    m_error.clear();
    Options options = requested;
    options.training = m_options.training;
    options.clock = m_options.clock;
    options.random = m_options.random;
    if (!options.training && !options.credentials.isValid()) {
        m_error = tr("No AccessKey found: the settings were not applied.");
        return false;
    }
    m_pendingOptions = options;
    applyPendingOptions();
    return true;
}

void VerificationService::applyPendingOptions()
{
    if (!m_pendingOptions || (m_client && m_client->pendingCalls() > 0))
        return;
    const Options options = *m_pendingOptions;
    m_pendingOptions.reset();
    makeClient(options);
}

void VerificationService::makeClient(const Options& options)
{
    m_options = options;
    ClientConfig config = options.client;
    Credentials credentials = options.credentials;
    if (options.training && m_sandbox) {
        config.endpoint = m_sandbox->url();
        config.extraCaCertificates = m_sandbox->caCertificates();
        credentials = Credentials::training();
    }
    m_options.client = config;
    m_client = std::make_unique<ApiClient>(config,
        credentials,
        options.clock ? *options.clock : Clock::system(),
        options.random ? *options.random : Random::system());
    m_client->rateLimiter().setShared(m_rateBudget);
}

void VerificationService::setRateBudget(SharedRateBudget* budget)
{
    m_rateBudget = budget;
    if (m_client)
        m_client->rateLimiter().setShared(budget);
}

QDate VerificationService::today()
{
    // Card dates are mainland-China dates: "today" is the date in China Standard Time (UTC+8).
    return Clock::system().nowUtc().toOffsetFromUtc(8 * 3600).date();
}

QList<ValidationIssue> VerificationService::precheck(const CaseInput& input) const
{
    return CaseValidator::check(input, today());
}

VerificationRequest VerificationService::buildRequest(const CaseInput& input) const
{
    return VerificationRequest::fromCase(input, m_options.longTermValue, Random::system());
}

void VerificationService::caseForReverification(
    const QString& caseId, const QString& reason, QObject* context, std::function<void(Result<RecordedCase>)> done)
{
    takeUp(context, std::move(done), [actor = m_actor, caseId, reason](AuditStore& store) {
        return RecordedCase::forReverification(store, actor, caseId, reason);
    });
}

void VerificationService::caseForRetry(
    const QString& caseId, QObject* context, std::function<void(Result<RecordedCase>)> done)
{
    auto remember = [self = QPointer<VerificationService>(this), caseId, done = std::move(done)](
                        Result<RecordedCase> recorded) {
        if (self && recorded)
            self->m_retries.insert(caseId, recorded->input);
        done(std::move(recorded));
    };
    takeUp(context, std::move(remember), [actor = m_actor, caseId](AuditStore& store) {
        return RecordedCase::forRetry(store, actor, caseId);
    });
}

void VerificationService::takeUp(QObject* context,
    std::function<void(Result<RecordedCase>)> done,
    std::function<Result<RecordedCase>(AuditStore&)> work)
{
    if (!m_writer) {
        const Failure noHistory(ErrorCode::InvalidArgument, tr("Re-verification needs the audit history."));
        QMetaObject::invokeMethod(
            context, [done = std::move(done), noHistory] { done(noHistory); }, Qt::QueuedConnection);
        return;
    }
    HistoryWriter* writer = m_writer.get();
    writer->run<Result<RecordedCase>>(
        [writer, work = std::move(work)](AuditStore* store) -> Result<RecordedCase> {
            if (!store)
                return Failure(ErrorCode::Unavailable, writer->openError());
            return work(*store);
        },
        context,
        std::move(done));
}

namespace {

// A retry as it was taken up (never an empty one): the same person, card and MerchantBizId.
bool sameCase(const CaseInput& a, const CaseInput& b)
{
    return !a.merchantBizId.isEmpty() && a.name == b.name && a.idNumber == b.idNumber
        && a.validityStart == b.validityStart && a.longTerm == b.longTerm
        && (a.longTerm || a.validityEnd == b.validityEnd) && a.sceneCode == b.sceneCode
        && a.merchantUserId == b.merchantUserId && a.merchantBizId == b.merchantBizId;
}

} // namespace

Result<VerificationCall*> VerificationService::submit(
    const CaseInput& input, bool warningsAcknowledged, const QString& reverifyOf)
{
    if (!m_client)
        return Failure(ErrorCode::Unavailable, tr("The verification service is not configured."));
    QList<ValidationIssue> issues = precheck(input);
    if (!reverifyOf.isEmpty() && sameCase(m_retries.take(reverifyOf), input)) // none taken up: an empty one
        issues = CaseValidator::keepingRecordedMerchantBizId(std::move(issues));
    if (CaseValidator::hasBlocking(issues))
        return Failure(ErrorCode::InvalidArgument, tr("The case was refused locally; nothing was sent or billed."));
    if (!issues.isEmpty() && !warningsAcknowledged)
        return Failure(
            ErrorCode::InvalidArgument, tr("The case has warnings that must be acknowledged before a billed call."));
    if (Access::scope(m_actor.role, Access::Operation::VerifyCase) == Access::Scope::None) {
        // Refused here, before anything is built; the history records the refusal (and judges by the account).
        if (m_writer)
            m_writer->run<Result<Actor>>(
                [actor = m_actor](AuditStore* store) -> Result<Actor> {
                    return store ? store->authorize(actor, Access::Operation::VerifyCase)
                                 : Result<Actor>(ErrorCode::Unavailable, QString());
                },
                this,
                [](const Result<Actor>&) {});
        return Failure(
            ErrorCode::PermissionDenied, Access::refusal(m_actor.role, Access::Operation::VerifyCase, false));
    }
    auto* call = new VerificationCall(this, buildRequest(input), m_actor);
    emit submitted(call, call->merchantBizId());
    if (!m_writer) {
        // Started from the event loop, so that whoever called submit() has connected to the call by then.
        QMetaObject::invokeMethod(
            this,
            [this, call = QPointer<VerificationCall>(call)] {
                if (call)
                    startCall(call);
            },
            Qt::QueuedConnection);
        return call;
    }
    QStringList warnings;
    for (const ValidationIssue& issue : issues)
        warnings.append(issue.code);
    createCase(call, caseRecord(call->request(), warnings, reverifyOf), reverifyOf);
    return call;
}

CaseRecord VerificationService::caseRecord(
    const VerificationRequest& request, const QStringList& warnings, const QString& reverifyOf) const
{
    CaseRecord record;
    record.merchantBizId = request.merchantBizId;
    record.sceneCode = request.sceneCode;
    record.training = m_options.training;
    record.name = request.docName;
    record.idNumber = request.docNo;
    // Sanitised parameters: no name, no ID number (those are stored only encrypted), never a credential.
    record.payload = QJsonObject {
        { QStringLiteral("productCode"), QString::fromLatin1(VerificationRequest::productCode) },
        { QStringLiteral("docType"), QString::fromLatin1(VerificationRequest::docType) },
        { QStringLiteral("validityStartDate"), request.validityStartDate },
        { QStringLiteral("validityEndDate"), request.validityEndDate },
        { QStringLiteral("merchantUserIdHash"), request.merchantUserId },
        { QStringLiteral("endpoint"), m_options.client.endpoint.toString(QUrl::RemoveUserInfo) },
        { QStringLiteral("training"), m_options.training },
        { QStringLiteral("acknowledgedWarnings"), QJsonArray::fromStringList(warnings) },
    };
    if (!reverifyOf.isEmpty())
        record.payload.insert(QStringLiteral("reverifies"), reverifyOf);
    return record;
}

namespace {

VerificationResult cancelled()
{
    VerificationResult result;
    result.status = VerificationResult::Status::Cancelled;
    result.error = VerificationResult::Error::Cancelled;
    return result;
}

} // namespace

void VerificationService::startCall(VerificationCall* call)
{
    if (call->m_held && !call->m_cancelled) {
        call->m_parked = true; // recorded ahead of its turn: release() starts it
        return;
    }
    if (call->m_cancelled || call->m_noRetry) { // cancelled, or nothing more is to leave: it ends, never sent
        VerificationResult result = cancelled();
        result.merchantBizId = call->merchantBizId();
        completeCall(call, result);
        return;
    }
    applyPendingOptions(); // settings changed while other calls ran apply from this call on, when none runs now
    // The call's own gate and connections: each attempt is recorded before it leaves, and what the client reports
    // about this call reaches this call only (the connections end with it).
    call->m_apiId = m_client->verify(call->request(),
        [this, call = QPointer<VerificationCall>(call)](quint64, int attempt, ApiClient::Proceed proceed) {
            if (call)
                recordAttempt(call, attempt, std::move(proceed));
            else
                proceed(false, cancelled()); // deleted while running: nothing more is sent
        });
    connect(m_client.get(),
        &ApiClient::attemptFinished,
        call,
        [this, call](quint64 apiId, int attempt, const VerificationResult& result) {
            if (apiId == call->m_apiId)
                recordAttemptFinished(call, attempt, result);
        });
    connect(m_client.get(), &ApiClient::finished, call, [this, call](quint64 apiId, const VerificationResult& result) {
        if (apiId == call->m_apiId)
            completeCall(call, result);
    });
}

void VerificationService::cancel(VerificationCall* call)
{
    if (call->m_apiId != 0)
        m_client->cancel(call->m_apiId); // finished follows, through recordFinished
    else
        call->m_cancelled = true; // still being recorded: it ends there, before anything is sent
    call->m_held = false; // a cancelled call is never sent, held or not
    if (call->m_parked) { // recorded and held: it ends now, never sent
        call->m_parked = false;
        startCall(call);
    }
}

void VerificationService::finishWithoutRetry(VerificationCall* call)
{
    call->m_noRetry = true; // a call not yet handed to the client ends in startCall, never sent
    if (call->m_apiId != 0)
        m_client->finishWithoutRetry(call->m_apiId);
}

void VerificationService::forget(VerificationCall* call)
{
    if (call->m_apiId != 0 && m_client)
        m_client->cancel(call->m_apiId);
}
