#include "HistoryWriter.h"

#include "history/AuditEvent.h"
#include "history/RecordSpool.h"

HistoryWriter::HistoryWriter(const AuditStore& history)
    : HistoryThread(history, QStringLiteral("history-writer"))
    , m_spoolPath(RecordSpool::pathFor(history))
    , m_seal(history.recordSealer())
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

bool HistoryWriter::replaySpool(AuditStore* store, const Actor& actor, QString* error, int* setAside)
{
    if (!store) {
        *error = openError();
        return false;
    }
    RecordSpool spool(m_spoolPath);
    if (spool.isEmpty())
        return true;
    if (abandonGroup(store)) {
        error->clear(); // never handed back: the job runs again alone, where the spool is replayed
        return false;
    }
    if (spool.replay(*store, actor, error, setAside) < 0)
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
        abandonGroup(store);
        *error = refusal(store, caseId, QString());
        return false;
    }
    const Result<qint64> written = store->record(actor, caseId, attempt);
    if (!written) {
        abandonGroup(store);
        *error = written.message();
    }
    return written.ok();
}

bool HistoryWriter::abandonGroup(AuditStore* store)
{
    if (!inGroup())
        return false;
    if (store)
        store->rollbackBatch(); // nothing when the refused write already rolled it back
    return true;
}

HistoryWriter::Written HistoryWriter::recordEvent(
    AuditStore* store, const Actor& actor, const QString& caseId, const Events::Event& event)
{
    return writeOrSpool(
        store,
        caseId,
        [&] {
            const Result<qint64> appended = store->record(actor, caseId, event);
            return appended ? Result<void>() : appended.failure();
        },
        [&](RecordSpool& spool, QString* error) { return spool.addEvent(m_seal, actor, caseId, event, error); });
}

HistoryWriter::Written HistoryWriter::recordCompletion(
    AuditStore* store, const Actor& actor, const QString& caseId, const Events::CaseCompleted& event)
{
    return writeOrSpool(
        store,
        caseId,
        [&] { return store->completeCase(actor, caseId, event); },
        [&](RecordSpool& spool, QString* error) { return spool.addCompletion(m_seal, actor, caseId, event, error); });
}

HistoryWriter::Written HistoryWriter::writeOrSpool(AuditStore* store,
    const QString& caseId,
    const std::function<Result<void>()>& write,
    const std::function<bool(RecordSpool&, QString*)>& spool)
{
    QString error;
    if (store && !m_spooledCases.contains(caseId)) {
        const Result<void> written = write();
        if (written)
            return {};
        error = written.message();
    }
    if (abandonGroup(store))
        return { Outcome::Regrouped, QString(), QString() };
    Written written { Outcome::Spooled, refusal(store, caseId, error), m_spoolPath };
    m_spooledCases.insert(caseId);
    QString spoolError;
    RecordSpool spoolFile(m_spoolPath);
    if (!spool(spoolFile, &spoolError)) {
        written.outcome = Outcome::Lost;
        written.error += QStringLiteral("; ") + spoolError;
    }
    return written;
}
