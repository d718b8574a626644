#include "HistoryWriter.h"

#include "history/AuditEvent.h"
#include "history/RecordSpool.h"

HistoryWriter::HistoryWriter(const AuditStore& history)
    : HistoryThread(history, QStringLiteral("history-writer"))
    , m_spoolPath(RecordSpool::pathFor(history))
{
}

HistoryWriter::~HistoryWriter()
{
    runAndWait([](AuditStore*) {}); // the writes already posted use this writer's spool state: they finish first
}

QString HistoryWriter::refusal(AuditStore* store, const QString& caseId, const QString& error) const
{
    if (!store)
        return openError();
    if (m_spooledCases.contains(caseId))
        return tr("an earlier record of this case is still waiting in the spool");
    return error;
}

bool HistoryWriter::replaySpool(AuditStore* store, const Actor& actor, QString* error)
{
    if (!store) {
        *error = openError();
        return false;
    }
    RecordSpool spool(m_spoolPath);
    if (spool.isEmpty())
        return true;
    if (spool.replay(*store, actor, error) < 0)
        return false;
    m_spooledCases.clear();
    return true;
}

bool HistoryWriter::recordAttempt(
    AuditStore* store, const Actor& actor, const QString& caseId, const Events::AttemptSent& attempt, QString* error)
{
    if (!store) {
        *error = openError();
        return false;
    }
    if (m_spooledCases.contains(caseId)) {
        *error = refusal(store, caseId, QString());
        return false;
    }
    const Result<qint64> written = store->record(actor, caseId, attempt);
    if (!written)
        *error = written.message();
    return written.ok();
}

HistoryWriter::Written HistoryWriter::recordEvent(
    AuditStore* store, const Actor& actor, const QString& caseId, const Events::Event& event)
{
    QString error;
    if (store && !m_spooledCases.contains(caseId)) {
        const Result<qint64> appended = store->record(actor, caseId, event);
        if (appended)
            return {};
        error = appended.message();
    }
    Written written { Outcome::Spooled, refusal(store, caseId, error), m_spoolPath };
    m_spooledCases.insert(caseId);
    QString spoolError;
    if (!RecordSpool(m_spoolPath).addEvent(actor, caseId, event, &spoolError)) {
        written.outcome = Outcome::Lost;
        written.error += QStringLiteral("; ") + spoolError;
    }
    return written;
}

HistoryWriter::Written HistoryWriter::recordCompletion(
    AuditStore* store, const Actor& actor, const QString& caseId, const Events::CaseCompleted& event)
{
    QString error;
    if (store && !m_spooledCases.contains(caseId)) {
        const Result<void> completed = store->completeCase(actor, caseId, event);
        if (completed)
            return {};
        error = completed.message();
    }
    Written written { Outcome::Spooled, refusal(store, caseId, error), m_spoolPath };
    m_spooledCases.insert(caseId);
    QString spoolError;
    if (!RecordSpool(m_spoolPath).addCompletion(actor, caseId, event, &spoolError)) {
        written.outcome = Outcome::Lost;
        written.error += QStringLiteral("; ") + spoolError;
    }
    return written;
}
