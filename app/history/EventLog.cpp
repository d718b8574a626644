#include "EventLog.h"

#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"
#include "history/ChainSigner.h"
#include "history/Events.h"

#include <QSqlError>
#include <QVariant>

#include <utility>

namespace {

// A NOT NULL text column gets "" for an empty value, never NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

EventLog::EventLog(const QSqlDatabase& db, bool postgres)
    : m_selectHead(db)
    , m_insert(db,
          QStringLiteral("INSERT INTO events (seq, ts, actor, workstation, case_id, kind, payload, pii_digest, "
                         "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
    , m_updateHead(db)
    , m_signHead(db)
    , m_setInterval(db)
{
    m_selectHead.prepare(postgres
            ? QStringLiteral("SELECT seq, hash, checkpoint_interval FROM chain_head WHERE id = 1 FOR UPDATE")
            : QStringLiteral("SELECT seq, hash, checkpoint_interval FROM chain_head WHERE id = 1"));
    m_updateHead.prepare(QStringLiteral("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1"));
    m_signHead.prepare(QStringLiteral("UPDATE chain_head SET seq = ?, hash = ?, signature = ? WHERE id = 1"));
    m_setInterval.prepare(QStringLiteral("UPDATE chain_head SET checkpoint_interval = ? WHERE id = 1"));
}

Result<void> EventLog::lockHead()
{
    if (!m_selectHead.exec() || !m_selectHead.next())
        return Failure(
            ErrorCode::Unavailable, tr("Cannot read the chain head: %1").arg(m_selectHead.lastError().text()));
    m_headSeq = m_selectHead.value(0).toLongLong();
    m_headHash = m_selectHead.value(1).toString().toLatin1();
    m_storedInterval = m_selectHead.value(2).toLongLong();
    m_selectHead.finish();
    m_headLocked = true;
    m_appended = false;
    return {};
}

Result<qint64> EventLog::append(const QDateTime& at,
    const Actor& actor,
    const QString& caseId,
    const QString& kind,
    QJsonObject payload,
    const QByteArray& piiDigest)
{
    if (!actor.role.isEmpty())
        payload.insert(QStringLiteral("actorRole"), actor.role);
    AuditEvent::sanitize(payload);
    AuditEvent e;
    e.seq = m_headSeq + 1;
    e.ts = at;
    e.actor = actor.name;
    e.workstation = actor.workstation;
    e.caseId = caseId;
    e.kind = kind;
    e.payload = AuditEvent::compactJson(payload);
    e.piiDigest = piiDigest;
    e.prevHash = m_headHash;
    const QByteArray ts = CanonicalEvent::timestamp(e.ts);
    e.hash = CanonicalEvent::chainHash(e.prevHash, e, ts);

    // Every text column is NOT NULL: an empty value is "".
    m_insert.bindInt(0, e.seq);
    m_insert.bindText(1, QByteArrayView(ts));
    m_insert.bindText(2, text(e.actor));
    m_insert.bindText(3, text(e.workstation));
    m_insert.bindText(4, text(e.caseId));
    m_insert.bindText(5, text(e.kind));
    m_insert.bindText(6, QByteArrayView(e.payload));
    m_insert.bindText(7, QByteArrayView(e.piiDigest));
    m_insert.bindText(8, QByteArrayView(e.prevHash));
    m_insert.bindText(9, QByteArrayView(e.hash));
    if (QString error; !m_insert.exec(error))
        return Failure(ErrorCode::Unavailable, tr("Cannot append the event: %1").arg(error));
    m_headSeq = e.seq;
    m_headHash = e.hash;
    m_appended = true;
    if (m_signer && e.seq % checkpointInterval() == 0 && kind != QLatin1String(EventKind::checkpoint)) {
        if (Result<qint64> checkpoint = appendCheckpoint(at, actor, QStringLiteral("interval")); !checkpoint)
            return checkpoint;
    }
    return e.seq;
}

Result<qint64> EventLog::appendCheckpoint(const QDateTime& at, const Actor& actor, const QString& reason)
{
    if (!m_signer)
        return Failure(ErrorCode::Unavailable, tr("The history's signing key is not available."));
    ChainAnchor signed_;
    signed_.historyId = m_signer->historyId();
    signed_.seq = m_headSeq;
    signed_.hash = m_headHash;
    signed_.exportedAt = at;
    signed_.publicKey = m_signer->publicKeyHex();
    signed_.signature = m_signer->signCheckpoint(m_headSeq, m_headHash, at); // the anchor copied outside
    const Events::Checkpoint event { signed_.seq,
        QString::fromLatin1(signed_.hash),
        QString::fromLatin1(m_signer->signCheckpoint(m_headSeq, m_headHash, at, checkpointInterval())),
        QString::fromLatin1(signed_.publicKey),
        reason,
        checkpointInterval(),
        {} };
    Result<qint64> seq = append(at, actor, QString(), QLatin1String(event.kind), Events::toPayload(event));
    if (seq)
        m_checkpoints.append(signed_);
    return seq;
}

Result<qint64> EventLog::setCheckpointInterval(const QDateTime& at, const Actor& actor, qint64 interval)
{
    if (!m_signer)
        return Failure(ErrorCode::Unavailable, tr("The history's signing key is not available."));
    m_setInterval.bindValue(0, interval);
    if (!m_setInterval.exec())
        return Failure(ErrorCode::Unavailable,
            tr("Cannot change the checkpoint interval: %1").arg(m_setInterval.lastError().text()));
    m_storedInterval = interval;
    return appendCheckpoint(at, actor, QLatin1String(ChainSigner::settingReason));
}

Result<void> EventLog::signHead(bool force)
{
    if (!(m_appended || force))
        return {};
    QSqlQuery& head = m_signer ? m_signHead : m_updateHead;
    head.bindValue(0, m_headSeq);
    head.bindValue(1, QString::fromLatin1(m_headHash));
    if (m_signer)
        head.bindValue(2, QString::fromLatin1(m_signer->signHead(m_headSeq, m_headHash)));
    if (!head.exec()) {
        const QString message =
            m_signer ? tr("Cannot sign the chain head: %1") : tr("Cannot update the chain head: %1");
        return Failure(ErrorCode::Unavailable, message.arg(head.lastError().text()));
    }
    m_appended = false;
    return {};
}

QList<ChainAnchor> EventLog::takeCheckpoints()
{
    return std::exchange(m_checkpoints, {});
}

Result<ChainAnchor> EventLog::readHead(const QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT seq, hash FROM chain_head WHERE id = 1")) || !q.next())
        return Failure(ErrorCode::Unavailable, tr("Cannot read the chain head: %1").arg(q.lastError().text()));
    ChainAnchor anchor;
    anchor.seq = q.value(0).toLongLong();
    anchor.hash = q.value(1).toString().toLatin1();
    return anchor;
}
