#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/ChainVerifier.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

// The append-only, hash-chained event log: the chain head and the events table. It appends inside a transaction the
// caller holds (AuditStore::write), after lockHead(); it never updates or deletes an event.
class EventLog
{
    Q_DECLARE_TR_FUNCTIONS(EventLog)
public:
    EventLog(const QSqlDatabase& db, bool postgres);

    // Reads the chain head, locking it for this transaction (PostgreSQL: FOR UPDATE; SQLite: the transaction is
    // already BEGIN IMMEDIATE).
    Result<void> lockHead();
    bool isHeadLocked() const { return m_headLocked; }
    void releaseHead() { m_headLocked = false; }

    // Appends one event after the head: actor and workstation in their columns, the actor's role in the payload
    // ("actorRole"), forbidden keys dropped. Returns its seq.
    Result<qint64> append(const QDateTime& at,
        const Actor& actor,
        const QString& caseId,
        const QString& kind,
        QJsonObject payload,
        const QByteArray& piiDigest = QByteArray());

    qint64 headSeq() const { return m_headSeq; }
    QByteArray headHash() const { return m_headHash; }
    // The committed head, read without a lock.
    static Result<ChainAnchor> readHead(const QSqlDatabase& db);

private:
    QSqlQuery m_selectHead;
    QSqlQuery m_insert;
    QSqlQuery m_updateHead;
    bool m_headLocked = false;
    qint64 m_headSeq = 0;
    QByteArray m_headHash;
};
