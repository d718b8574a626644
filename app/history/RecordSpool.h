#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/Events.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

class AuditStore;

// A small durable queue beside the audit history for what the history could not record at the moment it happened:
// the answer to a call that was already sent (and billed), and the outcome that follows it. One JSON object a line,
// appended and fsync'ed before the caller goes on; replayed into the history, in order, before anything new is
// written, and removed line by line as it lands. Holds no name and no ID number (the payloads are the sanitised
// ones the history would have stored), and is created private to the user (0600).
//
// Each record carries its seal (AuditStore::recordSeal, an HMAC keyed from the history's keys): a replay writes a
// record into the chain, and signs the head after it, only when its seal holds. A line written by hand, an edited
// record (another actor, another outcome), one sealed for another history or written by a version before seals is
// set aside in <spool>.bad, never replayed: someone who can write the spool file but has neither the passphrase nor
// the keychain entry cannot put an event into the signed chain through it.
class RecordSpool
{
    Q_DECLARE_TR_FUNCTIONS(RecordSpool)
public:
    explicit RecordSpool(QString path);

    // Beside a SQLite history: <file>.spool; for a PostgreSQL history: <AppDataLocation>/spool-<historyId>.jsonl.
    static QString pathFor(const AuditStore& history);

    QString path() const { return m_path; }
    bool isEmpty() const;
    int size() const; // records waiting

    // AuditStore::recordSealer (empty: the record is not sealed, kept for a person to read but never replayed).
    using Sealer = std::function<QByteArray(const QByteArray&)>;

    // Each returns false with *error when the record could not be made durable.
    // The actor is kept with the record and is the one the history records when it is replayed.
    bool addEvent(
        const Sealer& seal, const Actor& actor, const QString& caseId, const Events::Event& event, QString* error);
    bool addCompletion(const Sealer& seal,
        const Actor& actor,
        const QString& caseId,
        const Events::CaseCompleted& event,
        QString* error);

    // Writes the waiting records into the history in order, each with "spooledAt" (when it happened) and "spoolId"
    // in its payload; a record the history already holds (a replay that stopped between writing it and removing it)
    // is not written twice, and a line cut by a power loss is set aside in <spool>.bad. Returns the number written,
    // or -1 with *error at the first that the history refused (it and the records after it stay in the spool).
    // Appends and replays of several processes take turns (<spool>.lock). A record whose seal does not hold (see
    // above) or whose event does not parse is set aside in <spool>.bad too; *setAsideCount (when given) counts them.
    // Each record is written as its own actor; each one set aside is recorded as the replayer's
    // (AuditStore::recordSpoolSetAside: on its case when the history has it), so the signed chain says so.
    int replay(AuditStore& history, const Actor& replayer, QString* error, int* setAsideCount = nullptr);

private:
    // One line of the spool: what happened (op "event" or "complete"), who did it, to which case, and when.
    static QJsonObject recordOf(
        const QString& op, const Actor& actor, const QString& caseId, const QString& kind, const Events::Event& event);
    bool append(const Sealer& seal, QJsonObject record, QString* error);
    Result<void> write(AuditStore& history, const Actor& actor, const QJsonObject& record);
    void setAside(const QByteArray& line);
    // setAside(line), then its event in the history, on caseId (as the line names it, maybe empty) when the history
    // has that case (false with *error when the history refused it).
    bool setAsideAndRecord(AuditStore& history,
        const Actor& replayer,
        const QByteArray& line,
        const QString& caseId,
        const QString& reason,
        QString* error);
    bool rewrite(const QList<QByteArray>& lines, QString* error);
    QList<QByteArray> lines() const;

    QString m_path;
};
