#pragma once

#include "history/AuditStore.h"
#include "session/HistoryThread.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>

#include <functional>

class RecordSpool;

// The audit history's writer thread (see HistoryThread): the writes of verifications run there, one after the other
// in the order they were posted.
//
// It also keeps what could not be written: once a write of a case was refused, the case's later records go to the
// history's spool (RecordSpool) behind it, never around it, and the case sends nothing more.
class HistoryWriter : public HistoryThread
{
    Q_DECLARE_TR_FUNCTIONS(HistoryWriter)
public:
    // How a record of a case ended.
    enum class Outcome
    {
        Written,
        Spooled, // the history refused it; it waits in the spool
        Lost, // neither the history nor its spool took it
        Regrouped, // refused inside a group commit: the group was abandoned, never handed back (the job runs again)
    };
    struct Written
    {
        Outcome outcome = Outcome::Written;
        QString error; // why the history refused it (Spooled, Lost)
        QString spoolPath;
    };

    // history: open, on this thread; only its location and sharedOptions() are used.
    explicit HistoryWriter(const AuditStore& history);
    ~HistoryWriter() override; // waits for the writes already posted

    // Writer-thread helpers, for use inside run() and runGrouped(): they keep a case's records in order across the
    // spool. Inside a group commit (inGroup()) they leave no trace but their writes: a refused write, a case behind
    // the spool or a spool to replay abandons the group (abandonGroup()) instead of spooling or replaying, and the
    // HistoryThread runs the group's jobs again one by one, where they do. What a job returns from an abandoned group
    // is never handed back.
    // Spooled records are written as their own actor (RecordSpool::replay: only those this history sealed; the
    // record of one set aside is actor's).
    // *setAside (when given): the spool's records set aside instead of written (RecordSpool::replay).
    bool replaySpool(AuditStore* store, const Actor& actor, QString* error, int* setAside = nullptr);
    // Where the spool sets aside what it cannot replay (<spool>.bad).
    QString setAsidePath() const { return m_spoolPath + QStringLiteral(".bad"); }
    // Records an attempt before it is sent. Never spooled: false with *error means "do not send".
    bool recordAttempt(AuditStore* store,
        const Actor& actor,
        const QString& caseId,
        const Events::AttemptSent& attempt,
        QString* error);
    Written recordEvent(AuditStore* store, const Actor& actor, const QString& caseId, const Events::Event& event);
    Written recordCompletion(
        AuditStore* store, const Actor& actor, const QString& caseId, const Events::CaseCompleted& event);
    // Inside a group commit: rolls the group back, if a refused write has not already, so that its jobs run again
    // one by one, and returns true; else false. Every grouped job calls it when a write of its own was refused.
    bool abandonGroup(AuditStore* store);

private:
    // write() into the history, else (refused, or an earlier record of the case is spooled) spool() behind it.
    Written writeOrSpool(AuditStore* store,
        const QString& caseId,
        const std::function<Result<void>()>& write,
        const std::function<bool(RecordSpool&, QString*)>& spool);
    // Why a write of the case was refused: the open error, the spooled case before it, or the store's error.
    QString refusal(AuditStore* store, const QString& caseId, const QString& error) const;

    QString m_spoolPath;
    std::function<QByteArray(const QByteArray&)> m_seal; // AuditStore::recordSealer of the history it writes
    QSet<QString> m_spooledCases; // writer thread only
};
