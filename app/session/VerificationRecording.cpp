// VerificationService: what a call writes to the audit history, and when. Every write runs on the HistoryWriter's
// thread, in the order posted; the answers come back here, on the service's thread.
//
//   submit ─► [writer] replay the spool, case_created (+ reverify_link) ─► caseCreated ─► ApiClient::verify
//     (a held call, VerificationCall::holdUntilReleased, waits there for release() or cancel())
//   attempt ─► gate ─► [writer] attempt_sent ─► proceed: send, or stop as NotRecorded (nothing leaves)
//   answer or error ─► [writer] response_received / attempt_failed (spooled when refused)
//   end ─► [writer] case_completed (spooled when refused) ─► finished
#include "VerificationService.h"

#include "domain/FreeTextMasking.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "session/HistoryWriter.h"

#include <utility>

namespace {

struct Created
{
    QString caseId;
    QString error;
    int setAside = 0; // spool records set aside before the case was created (replaySpool)
};

VerificationResult notRecorded(const QString& problem)
{
    VerificationResult result;
    result.status = VerificationResult::Status::NotRecorded;
    result.error = VerificationResult::Error::HistoryUnavailable;
    result.detail = problem;
    return result;
}

// What the history keeps of a call's result: its codes, never the translated explanation. The free text an answer
// or an error brings (Code, Message, detail) may quote the request: ID numbers and the case's name are masked in it,
// so that no personal data reaches the append-only chain, where the retention purge cannot erase it.
Events::CallOutcome outcomeOf(const VerificationResult& result, const VerificationRequest& request)
{
    const auto masked = [&request](const QString& text) {
        return FreeTextMasking::mask(text, request.docName, request.docNo);
    };
    Events::CallOutcome outcome;
    outcome.requestId = result.requestId;
    outcome.code = masked(result.code);
    outcome.message = masked(result.message);
    outcome.merchantBizId = result.merchantBizId;
    outcome.httpStatus = result.httpStatus;
    // The names VerificationResult::toJson gives them, without building the rest of it (twice a call).
    outcome.error = result.error == VerificationResult::Error::None ? Events::Nullable<QString>()
                                                                    : Events::Nullable<QString>(result.errorKey());
    outcome.attempts = result.attempts;
    outcome.status = result.statusKey();
    outcome.mayHaveBeenBilled = result.mayHaveBeenBilled();
    outcome.latencyMs = result.latencyMs;
    if (!result.detail.isEmpty())
        outcome.detail = masked(result.detail);
    return outcome;
}

// The record of one attempt's end: an HTTP answer, or an attempt that ended without one.
Events::Event attemptEnded(const VerificationResult& result, int attempt, const VerificationRequest& request)
{
    auto fill = [&](auto event) {
        static_cast<Events::CallOutcome&>(event) = outcomeOf(result, request);
        event.attempt = attempt;
        event.passed = result.passed;
        event.subCode = result.subCode;
        return Events::Event(event);
    };
    return result.httpStatus != 0 ? fill(Events::ResponseReceived()) : fill(Events::AttemptFailed());
}

// The case state that tells apart what a reviewer does next.
const char* endState(const VerificationResult& result)
{
    if (result.isBusinessAnswer())
        return CaseState::completed;
    if (result.mayHaveBeenBilled())
        return CaseState::outcomeUnknown;
    // Refused is what will not heal by itself (parameters, permission, signature). Throttling and server faults
    // (5xx) that outlasted the automatic retries were not billed and may be tried again later: failed, like a
    // connection that failed before sending.
    if (result.status == VerificationResult::Status::ApiError && !result.isRetryable())
        return CaseState::refused;
    return CaseState::failed;
}

} // namespace

void VerificationService::createCase(VerificationCall* call, const CaseRecord& record, const QString& reverifyOf)
{
    HistoryWriter* writer = m_writer.get();
    writer->runGrouped<Created>(
        [writer, actor = call->actor(), record, reverifyOf](AuditStore* store) -> Created {
            QString error;
            int setAside = 0;
            if (!writer->replaySpool(store, actor, &error, &setAside))
                return { QString(),
                    tr("Records waiting in the spool cannot be written to the audit history, so "
                       "nothing new is sent: %1")
                        .arg(error),
                    setAside };
            const Result<QString> caseId = store->createCase(actor, record);
            if (!caseId) {
                writer->abandonGroup(store);
                return { QString(),
                    tr("The case could not be saved in the audit history, so it was not sent: %1")
                        .arg(caseId.message()),
                    setAside };
            }
            if (reverifyOf.isEmpty())
                return { *caseId, QString(), setAside };
            const Result<qint64> linked = store->record(actor, reverifyOf, Events::ReverifyLink { *caseId, {} });
            if (!linked) {
                writer->abandonGroup(store);
                return { *caseId,
                    tr("The link to the earlier case could not be recorded, so the case was not sent: %1")
                        .arg(linked.message()),
                    setAside };
            }
            return { *caseId, QString(), setAside };
        },
        call,
        [this, call, badPath = writer->setAsidePath()](const Created& created) {
            if (created.setAside > 0)
                emit historyNotice(setAsideNotice(created.setAside, badPath));
            caseCreated(call, created.caseId, created.error);
        });
}

void VerificationService::caseCreated(VerificationCall* call, const QString& caseId, const QString& error)
{
    call->m_caseId = caseId;
    if (!error.isEmpty()) {
        emit historyError(error);
        VerificationResult result = notRecorded(error);
        result.merchantBizId = call->merchantBizId();
        if (caseId.isEmpty())
            finishCall(call, result);
        else
            completeCall(call, result); // created but not linked: it ends as failed (nothing sent), not pending
        return;
    }
    emit call->recorded(caseId);
    emit recorded(call, caseId);
    startCall(call); // a call cancelled meanwhile ends there, before anything is sent
}

void VerificationService::recordAttempt(VerificationCall* call, int attempt, ApiClient::Proceed proceed)
{
    if (!call->caseId().isEmpty() && !m_writer) {
        // The history was taken away while the call ran: with nowhere to record the attempt, it is not sent.
        proceed(false, notRecorded(tr("the audit history was closed")));
        return;
    }
    if (!m_writer) {
        call->m_attempt = attempt;
        emit call->attemptStarted(attempt);
        emit attemptStarted(call, attempt);
        proceed(true, {});
        return;
    }
    Events::AttemptSent sent;
    sent.attempt = attempt;
    sent.merchantBizId = call->merchantBizId();
    sent.endpoint = m_options.client.endpoint.toString(QUrl::RemoveUserInfo);
    sent.training = m_options.training;
    HistoryWriter* writer = m_writer.get();
    // Recorded durably before the request leaves; when that fails, the call stops and nothing is sent.
    writer->runGrouped<QString>(
        [writer, actor = call->actor(), caseId = call->caseId(), sent](AuditStore* store) {
            QString error;
            return writer->recordAttempt(store, actor, caseId, sent, &error) ? QString() : error;
        },
        call,
        [this, call, attempt, proceed = std::move(proceed)](const QString& error) {
            if (error.isEmpty()) {
                call->m_attempt = attempt;
                emit call->attemptStarted(attempt);
                emit attemptStarted(call, attempt);
                proceed(true, {});
                return;
            }
            emit historyError(tr("Attempt %1 could not be recorded, so it was not sent: %2").arg(attempt).arg(error));
            proceed(false, notRecorded(error));
        });
}

void VerificationService::recordAttemptFinished(VerificationCall* call, int attempt, const VerificationResult& result)
{
    if (!m_writer || result.status == VerificationResult::Status::NotRecorded)
        return;
    HistoryWriter* writer = m_writer.get();
    // Refused: spooled, and the case sends nothing more (its next attempt_sent is refused on the writer thread).
    writer->runGrouped<HistoryWriter::Written>(
        [writer,
            actor = call->actor(),
            caseId = call->caseId(),
            ended = attemptEnded(result, attempt, call->request())](
            AuditStore* store) { return writer->recordEvent(store, actor, caseId, ended); },
        call,
        [this, call](const HistoryWriter::Written& written) {
            if (written.outcome == HistoryWriter::Outcome::Written)
                return;
            call->m_unrecorded = true;
            reportUnrecorded(static_cast<int>(written.outcome), written.error, written.spoolPath);
        });
}

void VerificationService::completeCall(VerificationCall* call, const VerificationResult& result)
{
    endSending(call);
    if (!m_writer || call->caseId().isEmpty()) {
        finishCall(call, result);
        return;
    }
    Events::CaseCompleted completed;
    static_cast<Events::CallOutcome&>(completed) = outcomeOf(result, call->request());
    completed.state = QString::fromLatin1(endState(result));
    completed.passed = result.isBusinessAnswer() ? Events::Nullable<bool>(result.passed) : std::nullopt;
    completed.subCode = result.subCode;
    HistoryWriter* writer = m_writer.get();
    writer->runGrouped<HistoryWriter::Written>(
        [writer, actor = call->actor(), caseId = call->caseId(), completed](
            AuditStore* store) { return writer->recordCompletion(store, actor, caseId, completed); },
        call,
        [this, call, ended = result](const HistoryWriter::Written& written) mutable {
            if (written.outcome != HistoryWriter::Outcome::Written) {
                ended.unrecorded = true;
                reportUnrecorded(static_cast<int>(written.outcome), written.error, written.spoolPath);
            }
            finishCall(call, ended);
        });
}

void VerificationService::finishCall(VerificationCall* call, VerificationResult result)
{
    if (call->m_finished)
        return;
    endSending(call);
    result.unrecorded = result.unrecorded || call->m_unrecorded;
    call->m_result = result;
    call->m_finished = true;
    const QPointer<VerificationCall> guard(call); // a receiver may delete it
    if (m_pendingOptions) // settings changed during the call: once its client has let it go, never inside its signal
        QMetaObject::invokeMethod(this, &VerificationService::applyPendingOptions, Qt::QueuedConnection);
    emit call->finished(call->m_result);
    if (guard)
        emit finished(call, call->m_result);
}

void VerificationService::endSending(VerificationCall* call)
{
    if (!std::exchange(call->m_sendingEnded, true))
        emit call->sendingEnded();
}

void VerificationService::reportUnrecorded(int outcome, const QString& error, const QString& spoolPath)
{
    if (outcome == static_cast<int>(HistoryWriter::Outcome::Spooled)) {
        emit historyError(tr("The audit history could not record this case (%1). What happened is kept in %2 and "
                             "will be written when the history is available again.")
                              .arg(error, spoolPath));
    } else {
        emit historyError(tr("The audit history could not record this case (%1), and neither could its spool. "
                             "Note the RequestId shown: this record exists nowhere else.")
                              .arg(error));
    }
}

QString VerificationService::setAsideNotice(int count, const QString& badPath)
{
    return tr("Spool records set aside instead of written, as they could not be shown to come from this history (not "
              "sealed by it, altered, or left by an earlier version): %n, in %1. Each is noted on its case's timeline: "
              "look the case's answer up by its MerchantBizId before verifying it again.",
        "",
        count)
        .arg(badPath);
}

bool VerificationService::replaySpool()
{
    if (!m_writer)
        return true;
    QString error;
    bool ok = true;
    int setAside = 0;
    m_writer->runAndWait([this, &error, &ok, &setAside](
                             AuditStore* store) { ok = m_writer->replaySpool(store, m_actor, &error, &setAside); });
    if (setAside > 0) // kept, not emitted: the window and the commands ask once the history is open (spoolNotice)
        m_spoolNotice = setAsideNotice(setAside, m_writer->setAsidePath());
    if (!ok)
        m_error = tr("Records waiting in the spool cannot be written to the audit history, so nothing new is sent: %1")
                      .arg(error);
    return ok;
}
