#include "ChainVerifier.h"

#include "audit/AuditEvent.h"
#include "audit/CanonicalEvent.h"
#include "util/Crypto.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

QJsonObject ChainAnchor::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QStringLiteral("ekyc-desk-anchor/1"));
    o.insert(QStringLiteral("historyId"), historyId);
    o.insert(QStringLiteral("seq"), seq);
    o.insert(QStringLiteral("hash"), QString::fromLatin1(hash));
    o.insert(QStringLiteral("exportedAt"), QString::fromLatin1(CanonicalEvent::timestamp(exportedAt)));
    return o;
}

std::optional<ChainAnchor> ChainAnchor::fromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject o = doc.object();
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()
        || o.value(QStringLiteral("format")).toString() != QLatin1String("ekyc-desk-anchor/1")) {
        if (error)
            *error = tr("The anchor file is not an eKYC Desk anchor (format ekyc-desk-anchor/1).");
        return std::nullopt;
    }
    ChainAnchor anchor;
    anchor.historyId = o.value(QStringLiteral("historyId")).toString();
    anchor.seq = o.value(QStringLiteral("seq")).toInteger(-1);
    anchor.hash = o.value(QStringLiteral("hash")).toString().toLatin1();
    anchor.exportedAt = CanonicalEvent::parseTimestamp(o.value(QStringLiteral("exportedAt")).toString());
    if (anchor.seq < 0 || anchor.hash.size() != 64) {
        if (error)
            *error = tr("The anchor file has no valid seq and hash.");
        return std::nullopt;
    }
    return anchor;
}

ChainReport ChainVerifier::verify(QSqlDatabase db, const std::optional<ChainAnchor>& anchor, const QString& historyId)
{
    ChainReport report;
    report.headHash = CanonicalEvent::genesisHash();
    auto broken = [&](qint64 seq, const QString& reason) {
        report.ok = false;
        report.firstBrokenSeq = seq;
        report.reason = reason;
        return report;
    };

    // The recorded head, read first: anything appended while we walk lies beyond it and is not judged.
    QSqlQuery headQuery(db);
    if (!headQuery.exec(QStringLiteral("SELECT seq, hash FROM chain_head WHERE id = 1")) || !headQuery.next())
        return broken(1, tr("The chain head record is missing: %1").arg(headQuery.lastError().text()));
    const qint64 recordedSeq = headQuery.value(0).toLongLong();
    const QByteArray recordedHash = headQuery.value(1).toString().toLatin1();
    headQuery.finish();

    if (anchor && !historyId.isEmpty() && !anchor->historyId.isEmpty() && anchor->historyId != historyId)
        return broken(anchor->seq,
            tr("The anchor belongs to another history (%1, this one is %2).").arg(anchor->historyId, historyId));

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE seq <= ? ORDER BY seq").arg(AuditEvent::columns()));
    q.bindValue(0, recordedSeq);
    if (!q.exec())
        return broken(1, tr("Cannot read the events: %1").arg(q.lastError().text()));

    QByteArray running = CanonicalEvent::genesisHash();
    qint64 expected = 1;
    bool anchorSeen = false;
    while (q.next()) {
        const AuditEvent e = AuditEvent::fromRow(q);
        const QString tsText = q.value(1).toString();
        if (e.seq != expected) {
            if (e.seq > expected)
                return broken(expected, tr("Event %1 is missing (the next event is %2).").arg(expected).arg(e.seq));
            return broken(e.seq, tr("Event %1 is out of order.").arg(e.seq));
        }
        if (!e.ts.isValid() || CanonicalEvent::timestamp(e.ts) != tsText.toLatin1())
            return broken(e.seq, tr("Event %1 has a malformed time stamp.").arg(e.seq));
        if (!Crypto::constantTimeEquals(e.prevHash, running) || e.prevHash.size() != running.size())
            return broken(e.seq,
                tr("Event %1 does not follow the event before it (previous hash mismatch): a row was "
                   "deleted, inserted or moved.")
                    .arg(e.seq));
        const QByteArray computed = CanonicalEvent::chainHash(running, e);
        if (computed != e.hash)
            return broken(e.seq, tr("Event %1 was changed after it was written (hash mismatch).").arg(e.seq));
        running = computed;
        ++report.count;
        if (anchor && e.seq == anchor->seq) {
            anchorSeen = true;
            if (e.hash != anchor->hash)
                return broken(
                    e.seq, tr("Event %1 differs from the exported anchor: the history was rewritten.").arg(e.seq));
        }
        ++expected;
    }
    if (q.lastError().isValid())
        return broken(expected, tr("Cannot read the events: %1").arg(q.lastError().text()));

    const qint64 lastSeq = expected - 1;
    if (lastSeq != recordedSeq)
        return broken(lastSeq + 1,
            tr("The chain head records %1 events but only %2 are present: events at the end were deleted.")
                .arg(recordedSeq)
                .arg(lastSeq));
    if (recordedHash != running)
        return broken(lastSeq, tr("The chain head does not match the last event %1.").arg(lastSeq));
    {
        // A forged tail beyond the recorded head.
        QSqlQuery extra(db);
        extra.prepare(QStringLiteral("SELECT MIN(seq) FROM events WHERE seq > ?"));
        extra.bindValue(0, recordedSeq);
        if (extra.exec() && extra.next() && !extra.value(0).isNull()) {
            // Another writer may have appended since we read the head; re-read it before judging.
            QSqlQuery again(db);
            if (again.exec(QStringLiteral("SELECT seq FROM chain_head WHERE id = 1")) && again.next()
                && again.value(0).toLongLong() < extra.value(0).toLongLong())
                return broken(extra.value(0).toLongLong(),
                    tr("Event %1 lies beyond the chain head: it was inserted outside the application.")
                        .arg(extra.value(0).toLongLong()));
        }
    }
    if (anchor && !anchorSeen && anchor->seq > 0)
        return broken(anchor->seq,
            tr("The anchored event %1 is no longer in the history: events were deleted.").arg(anchor->seq));
    report.anchorChecked = anchor.has_value();
    report.ok = true;
    report.headSeq = lastSeq;
    report.headHash = running;
    return report;
}
