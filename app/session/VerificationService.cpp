#include "VerificationService.h"

#include "base/Clock.h"
#include "crypto/Random.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxServer.h"
#include "session/HistoryWriter.h"

#include <QJsonArray>

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
    if (m_history)
        m_writer = std::make_unique<HistoryWriter>(*m_history);
}

bool VerificationService::configure(const Options& options)
{
    m_error.clear();
    m_client.reset();
    m_sandbox.reset();
    m_options = options;
    ClientConfig config = options.client;
    Credentials credentials = options.credentials;
    if (options.training) {
        m_sandbox = std::make_unique<SandboxServer>();
        if (!m_sandbox->start()) {
            m_error = tr("The training sandbox could not start: %1").arg(m_sandbox->errorString());
            m_sandbox.reset();
            return false;
        }
        config.endpoint = m_sandbox->url();
        config.extraCaCertificates = m_sandbox->caCertificates();
        credentials = Credentials::training();
    } else if (!credentials.isValid()) {
        m_error = tr("No AccessKey found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
                     "(and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or use training mode.");
        return false;
    }
    m_options.client = config;
    m_client = std::make_unique<ApiClient>(config,
        credentials,
        options.clock ? *options.clock : Clock::system(),
        options.random ? *options.random : Random::system());
    return true;
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

std::optional<CaseInput> VerificationService::caseForRetry(const QString& caseId)
{
    // The state first: nothing is revealed for a case that is not retried this way.
    const std::optional<CaseSummary> summary = recordedCase(caseId);
    if (!summary)
        return std::nullopt;
    if (summary->state != QLatin1String(CaseState::outcomeUnknown)) {
        m_error = tr("Only a case whose outcome is unknown is retried with its MerchantBizId; verify this one again "
                     "as a new case.");
        return std::nullopt;
    }
    std::optional<CaseInput> input = caseForReverification(caseId, tr("retry after an unknown outcome"));
    if (!input)
        return std::nullopt;
    input->merchantBizId = summary->merchantBizId; // if the first request was billed, both carry one id
    return input;
}

std::optional<CaseSummary> VerificationService::recordedCase(const QString& caseId)
{
    m_historyFailed = false;
    if (!m_history) {
        m_error = tr("Re-verification needs the audit history.");
        return std::nullopt;
    }
    Result<CaseSummary> summary = m_history->caseSummary(caseId);
    if (summary)
        return *summary;
    m_historyFailed = summary.error() != ErrorCode::NotFound;
    m_error = m_historyFailed ? summary.message() : tr("The case %1 is not in the audit history.").arg(caseId);
    return std::nullopt;
}

std::optional<CaseInput> VerificationService::caseForReverification(const QString& caseId, const QString& reason)
{
    const std::optional<CaseSummary> summary = recordedCase(caseId);
    if (!summary)
        return std::nullopt;
    if (summary->purged) {
        m_error = tr("The name and ID number of this case were erased by the retention purge; enter them again.");
        return std::nullopt;
    }
    const Result<QList<AuditEvent>> events = m_history->eventsForCase(caseId);
    if (!events) {
        m_historyFailed = true;
        m_error = events.message();
        return std::nullopt;
    }
    QJsonObject created;
    for (const AuditEvent& event : *events) {
        if (event.kind == QLatin1String(EventKind::caseCreated)) {
            created = event.payloadObject();
            break;
        }
    }
    const Result<RevealedPii> pii =
        m_history->revealCase(m_actor, caseId, reason.isEmpty() ? tr("re-verification") : reason);
    if (!pii) {
        m_historyFailed = true;
        m_error = pii.message();
        return std::nullopt;
    }
    CaseInput input;
    input.name = pii->name;
    input.idNumber = pii->idNumber;
    input.sceneCode = summary->sceneCode;
    input.validityStart =
        QDate::fromString(created.value(QStringLiteral("validityStartDate")).toString(), QStringLiteral("yyyyMMdd"));
    const QString end = created.value(QStringLiteral("validityEndDate")).toString();
    input.validityEnd = QDate::fromString(end, QStringLiteral("yyyyMMdd"));
    input.longTerm = !end.isEmpty() && !input.validityEnd.isValid();
    // The MerchantUserId was kept only as its hash, and a new case gets its own MerchantBizId.
    return input;
}

Result<VerificationCall*> VerificationService::submit(
    const CaseInput& input, bool warningsAcknowledged, const QString& reverifyOf)
{
    if (!m_client)
        return Failure(ErrorCode::Unavailable, tr("The verification service is not configured."));
    const QList<ValidationIssue> issues = precheck(input);
    if (CaseValidator::hasBlocking(issues))
        return Failure(ErrorCode::InvalidArgument, tr("The case was refused locally; nothing was sent or billed."));
    if (!issues.isEmpty() && !warningsAcknowledged)
        return Failure(
            ErrorCode::InvalidArgument, tr("The case has warnings that must be acknowledged before a billed call."));
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
    if (call->m_cancelled) {
        VerificationResult result = cancelled();
        result.merchantBizId = call->merchantBizId();
        completeCall(call, result);
        return;
    }
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
}

void VerificationService::forget(VerificationCall* call)
{
    if (call->m_apiId != 0 && m_client)
        m_client->cancel(call->m_apiId);
}
