#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/Events.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

class AuditStore;

// A small durable queue beside the audit history for what the history could not record at the moment it happened:
// the answer to a call that was already sent (and billed), and the outcome that follows it. One JSON object a line,
// appended and fsync'ed before the caller goes on; replayed into the history, in order, before anything new is
// written, and removed line by line as it lands. Holds no name and no ID number (the payloads are the sanitised
// ones the history would have stored), and is created private to the user (0600).
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

    // Each returns false with *error when the record could not be made durable.
    // The actor is kept with the record and is the one the history records when it is replayed.
    bool addEvent(const Actor& actor, const QString& caseId, const Events::Event& event, QString* error);
    bool addCompletion(const Actor& actor, const QString& caseId, const Events::CaseCompleted& event, QString* error);

    // Writes the waiting records into the history in order, each with "spooledAt" (when it happened) and "spoolId"
    // in its payload; a record the history already holds (a replay that stopped between writing it and removing it)
    // is not written twice, and a line cut by a power loss is set aside in <spool>.bad. Returns the number written,
    // or -1 with *error at the first that the history refused (it and the records after it stay in the spool).
    // Appends and replays of several processes take turns (<spool>.lock). Records from before actors were spooled
    // are recorded as the replayer's; a record whose event does not parse is set aside in <spool>.bad too.
    int replay(AuditStore& history, const Actor& replayer, QString* error);

private:
    bool append(QJsonObject record, QString* error);
    Result<void> write(AuditStore& history, const Actor& actor, const QJsonObject& record);
    void setAside(const QByteArray& line);
    bool rewrite(const QList<QByteArray>& lines, QString* error);
    QList<QByteArray> lines() const;

    QString m_path;
};
