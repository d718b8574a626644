#include "VerificationService.h"

#include "base/Clock.h"
#include "crypto/Random.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/RecordSpool.h"
#include "sandbox/SandboxServer.h"

#include <QJsonArray>

VerificationService::VerificationService(QObject* parent)
    : QObject(parent)
{
}

VerificationService::~VerificationService() = default;

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
    m_client = std::make_unique<ApiClient>(config, credentials);
    connect(m_client.get(), &ApiClient::attemptStarted, this, &VerificationService::recordAttemptStarted);
    connect(m_client.get(), &ApiClient::attemptFinished, this, &VerificationService::recordAttemptFinished);
    connect(m_client.get(), &ApiClient::finished, this, &VerificationService::recordFinished);
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

std::optional<CaseInput> VerificationService::caseForReverification(const QString& caseId)
{
    if (!m_history) {
        m_error = tr("Re-verification needs the audit history.");
        return std::nullopt;
    }
    const std::optional<CaseSummary> summary = m_history->caseSummary(caseId);
    if (!summary) {
        m_error = tr("The case %1 is not in the audit history.").arg(caseId);
        return std::nullopt;
    }
    if (summary->purged) {
        m_error = tr("The name and ID number of this case were erased by the retention purge; enter them again.");
        return std::nullopt;
    }
    QJsonObject created;
    for (const AuditEvent& event : m_history->eventsForCase(caseId)) {
        if (event.kind == QLatin1String(EventKind::caseCreated)) {
            created = event.payloadObject();
            break;
        }
    }
    const std::optional<RevealedPii> pii = m_history->revealCase(caseId, tr("re-verification"));
    if (!pii) {
        m_error = m_history->lastError();
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

quint64 VerificationService::submit(const CaseInput& input, bool warningsAcknowledged, const QString& reverifyOf)
{
    if (!m_client) {
        m_error = tr("The verification service is not configured.");
        return 0;
    }
    const QList<ValidationIssue> issues = precheck(input);
    if (CaseValidator::hasBlocking(issues)) {
        m_error = tr("The case was refused locally; nothing was sent or billed.");
        return 0;
    }
    if (!issues.isEmpty() && !warningsAcknowledged) {
        m_error = tr("The case has warnings that must be acknowledged before a billed call.");
        return 0;
    }
    if (!replaySpool())
        return 0;
    const VerificationRequest request = buildRequest(input);
    QString caseId;
    if (m_history) {
        QStringList warnings;
        for (const ValidationIssue& issue : issues)
            warnings.append(issue.code);
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
        caseId = m_history->createCase(record);
        if (caseId.isEmpty()) {
            m_error = tr("The case could not be saved in the audit history, so it was not sent: %1")
                          .arg(m_history->lastError());
            return 0;
        }
        if (!reverifyOf.isEmpty()
            && m_history->appendEvent(reverifyOf,
                   QString::fromLatin1(EventKind::reverifyLink),
                   { { QStringLiteral("newCaseId"), caseId } })
                == 0) {
            m_error = tr("The link to the earlier case could not be recorded, so the case was not sent: %1")
                          .arg(m_history->lastError());
            return 0;
        }
    }
    const quint64 id = m_client->verify(request);
    if (!caseId.isEmpty())
        m_calls.insert(id, CallRecord { caseId, false });
    emit submitted(id, request.merchantBizId);
    return id;
}

void VerificationService::recordAttemptStarted(quint64 callId, int attempt, const QString& merchantBizId)
{
    const auto it = m_calls.find(callId);
    if (m_history && it != m_calls.end()) {
        // Recorded durably before the request leaves; when that fails, the call stops here and nothing is sent.
        QString problem;
        if (it->spooled) {
            problem = tr("an earlier record of this case is still waiting in the spool");
        } else {
            const QJsonObject payload { { QStringLiteral("attempt"), attempt },
                { QStringLiteral("merchantBizId"), merchantBizId },
                { QStringLiteral("endpoint"), m_options.client.endpoint.toString(QUrl::RemoveUserInfo) },
                { QStringLiteral("training"), m_options.training } };
            if (m_history->appendEvent(it->caseId, QString::fromLatin1(EventKind::attemptSent), payload) == 0)
                problem = m_history->lastError();
        }
        if (!problem.isEmpty()) {
            emit historyError(tr("Attempt %1 could not be recorded, so it was not sent: %2").arg(attempt).arg(problem));
            VerificationResult notRecorded;
            notRecorded.status = VerificationResult::Status::NotRecorded;
            notRecorded.error = VerificationResult::Error::HistoryUnavailable;
            notRecorded.detail = problem;
            m_client->stop(callId, notRecorded);
            return;
        }
    }
    emit attemptStarted(callId, attempt);
}

namespace {

QJsonObject resultPayload(const VerificationResult& result)
{
    QJsonObject payload = result.toJson();
    payload.remove(QStringLiteral("explanation")); // translated text; the codes are the record
    payload.insert(QStringLiteral("latencyMs"), result.latencyMs);
    if (!result.detail.isEmpty())
        payload.insert(QStringLiteral("detail"), result.detail);
    return payload;
}

// The case state that tells apart what a reviewer does next.
const char* endState(const VerificationResult& result)
{
    if (result.isBusinessAnswer())
        return CaseState::completed;
    if (result.mayHaveBeenBilled())
        return CaseState::outcomeUnknown;
    if (result.status == VerificationResult::Status::ApiError)
        return CaseState::refused;
    return CaseState::failed;
}

} // namespace

void VerificationService::recordAttemptFinished(quint64 callId, int attempt, const VerificationResult& result)
{
    const auto it = m_calls.find(callId);
    if (!m_history || it == m_calls.end() || result.status == VerificationResult::Status::NotRecorded)
        return;
    QJsonObject payload = resultPayload(result);
    payload.insert(QStringLiteral("attempt"), attempt);
    const bool answered = result.httpStatus != 0;
    const QString kind = QString::fromLatin1(answered ? EventKind::responseReceived : EventKind::attemptFailed);
    if (!it->spooled && m_history->appendEvent(it->caseId, kind, payload) != 0)
        return;
    // The history refused it: keep it in the spool, and send nothing more for this case.
    spool(*it, [&](RecordSpool& spool, QString* error) { return spool.addEvent(it->caseId, kind, payload, error); });
    if (!result.isBusinessAnswer() && result.status != VerificationResult::Status::Cancelled) {
        VerificationResult stopped = result;
        stopped.unrecorded = true;
        m_client->stop(callId, stopped);
    }
}

void VerificationService::recordFinished(quint64 callId, VerificationResult result)
{
    const auto it = m_calls.find(callId);
    if (m_history && it != m_calls.end()) {
        const QString state = QString::fromLatin1(endState(result));
        const std::optional<bool> passed =
            result.isBusinessAnswer() ? std::optional<bool>(result.passed) : std::nullopt;
        const QJsonObject payload = resultPayload(result);
        if (it->spooled || !m_history->completeCase(it->caseId, state, passed, result.subCode, payload)) {
            spool(*it, [&](RecordSpool& spool, QString* error) {
                return spool.addCompletion(it->caseId, state, passed, result.subCode, payload, error);
            });
        }
        result.unrecorded = result.unrecorded || it->spooled;
    }
    emit finished(callId, result);
    m_calls.remove(callId);
}

void VerificationService::spool(CallRecord& call, const std::function<bool(RecordSpool&, QString*)>& write)
{
    const QString refused = m_history->lastError();
    call.spooled = true;
    RecordSpool spool(RecordSpool::pathFor(*m_history));
    QString error;
    if (write(spool, &error)) {
        emit historyError(tr("The audit history could not record this case (%1). What happened is kept in %2 and "
                             "will be written when the history is available again.")
                              .arg(refused, spool.path()));
    } else {
        emit historyError(tr("The audit history could not record this case (%1), and neither could its spool (%2). "
                             "Note the RequestId shown: this record exists nowhere else.")
                              .arg(refused, error));
    }
}

bool VerificationService::replaySpool()
{
    if (!m_history)
        return true;
    RecordSpool spool(RecordSpool::pathFor(*m_history));
    if (spool.isEmpty())
        return true;
    QString error;
    if (spool.replay(*m_history, &error) < 0) {
        m_error = tr("Records waiting in %1 cannot be written to the audit history, so nothing new is sent: %2")
                      .arg(spool.path(), error);
        return false;
    }
    return true;
}

void VerificationService::cancel(quint64 callId)
{
    if (m_client)
        m_client->cancel(callId);
}
