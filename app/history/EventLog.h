#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/ChainVerifier.h"
#include "history/HotStatement.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include "history/ChainSigner.h"

// The append-only, hash-chained event log: the chain head and the events table. It appends inside a transaction the
// caller holds (AuditStore::write), after lockHead(); it never updates or deletes an event. With a signer, it writes a
// checkpoint after every event whose seq is a multiple of the history's checkpoint interval (read with the head), and
// signHead() writes the head and its signature before the caller commits: chain_head is written once per transaction,
// however many events it appends, so a transaction that appends must call it before its commit.
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

    // A signed checkpoint of the head as it stands (the event before the checkpoint), appended as an event.
    Result<qint64> appendCheckpoint(const QDateTime& at, const Actor& actor, const QString& reason);
    // Makes interval the history's checkpoint interval and appends the checkpoint that carries it (reason "setting").
    Result<qint64> setCheckpointInterval(const QDateTime& at, const Actor& actor, qint64 interval);
    // The interval this writer follows (the stored one, or the default when that is out of range), and the stored one.
    qint64 checkpointInterval() const { return ChainSigner::followedCheckpointInterval(m_storedInterval); }
    qint64 storedCheckpointInterval() const { return m_storedInterval; }
    // Writes the head (seq, hash) and its signature into chain_head when anything was appended since lockHead() (or
    // always, with force); call it last before the commit. Until then chain_head still holds the head lockHead() read.
    Result<void> signHead(bool force = false);
    // The checkpoints appended since the last call, as signed anchors (to copy outside the database after the commit).
    QList<ChainAnchor> takeCheckpoints();
    void setSigner(const ChainSigner* signer) { m_signer = signer; }

    qint64 headSeq() const { return m_headSeq; }
    QByteArray headHash() const { return m_headHash; }
    // The committed head, read without a lock.
    static Result<ChainAnchor> readHead(const QSqlDatabase& db);

private:
    QSqlQuery m_selectHead;
    HotStatement m_insert;
    QSqlQuery m_updateHead;
    QSqlQuery m_signHead;
    QSqlQuery m_setInterval;
    const ChainSigner* m_signer = nullptr;
    QList<ChainAnchor> m_checkpoints;
    bool m_headLocked = false;
    bool m_appended = false;
    qint64 m_headSeq = 0;
    QByteArray m_headHash;
    qint64 m_storedInterval = ChainSigner::DefaultCheckpointInterval; // until lockHead() reads the history's
};
