// AuditStore: what exports read and record (see AuditStore.h, "Exports").
#include "AuditStore.h"

#include "crypto/Crypto.h"
#include "history/CaseTable.h"
#include "history/HistoryPolicy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace {

const char manifestKeyLabel[] = "eKYC Desk export manifest v1";

} // namespace

Result<Actor> AuditStore::authorizeExport(const Actor& who, bool unmasked, const QString& reason)
{
    if (unmasked && reason.trimmed().isEmpty())
        return Failure(ErrorCode::InvalidArgument, tr("Give a reason to export names and ID numbers unmasked."));
    Result<Actor> authorized =
        authorize(who, unmasked ? Access::Operation::ExportUnmasked : Access::Operation::ExportMasked);
    if (!authorized || !unmasked)
        return authorized;
    // Logged before anything is decrypted: no unmasked export without its event.
    const Result<qint64> logged =
        recordUnchecked(*authorized, QString(), Events::PiiRevealed { HistoryPolicy::recordedText(reason), {} });
    if (!logged)
        return logged.failure();
    return authorized;
}

Result<RevealedPii> AuditStore::exportPii(const Actor& who, const QString& caseId)
{
    const Result<Actor> authorized = authorize(who, Access::Operation::ExportUnmasked, caseId);
    if (!authorized)
        return authorized.failure();
    Result<CaseTable::Sealed> sealed = m_cases->sealed(caseId);
    if (!sealed)
        return sealed.failure();
    if (sealed->purged)
        return RevealedPii();
    return m_vault->open(caseId, sealed->nameEnc, sealed->idEnc);
}

Result<EventRange> AuditStore::eventRange(const QDateTime& from, const QDateTime& to) const
{
    return EventRange::byTime(database(), from, to);
}

Result<void> AuditStore::forEachEvent(
    const EventRange& range, const std::function<bool(const AuditEvent&)>& visit) const
{
    return range.forEach(database(), visit);
}

Result<QByteArray> AuditStore::latestManifestHash(qint64 beforeSeq) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT payload FROM events WHERE kind = ? AND seq < ? ORDER BY seq DESC"));
    q.addBindValue(QString::fromLatin1(EventKind::exportMade));
    q.addBindValue(beforeSeq);
    if (!q.exec())
        return Failure(ErrorCode::Unavailable, tr("Cannot read the exports: %1").arg(q.lastError().text()));
    while (q.next()) {
        const QString hash = QJsonDocument::fromJson(q.value(0).toString().toUtf8())
                                 .object()
                                 .value(QStringLiteral("manifestHash"))
                                 .toString();
        if (!hash.isEmpty())
            return hash.toLatin1();
    }
    return QByteArray();
}

Result<QList<AuditEvent>> AuditStore::exportEvents() const
{
    return EventRange::allOfKind(database(), QLatin1String(EventKind::exportMade));
}

QByteArray AuditStore::manifestMac(const QByteArray& bytes) const
{
    const QByteArray key = Crypto::hkdfSha256(m_keys.dataKey, m_historyId.toUtf8(), QByteArray(manifestKeyLabel));
    return Crypto::hmacSha256(key, bytes).toHex();
}

Result<qint64> AuditStore::recordExport(
    const Actor& who, const Events::ExportMade& event, const QByteArray& previousManifestHash)
{
    const bool unmasked = event.unmasked.value_or(false);
    const Result<Actor> authorized =
        authorize(who, unmasked ? Access::Operation::ExportUnmasked : Access::Operation::ExportMasked);
    if (!authorized)
        return authorized.failure();
    // After the append, the chain head held: an export recorded meanwhile by another connection is seen (or waits).
    return recordUnchecked(*authorized, QString(), event, [this, &previousManifestHash](qint64 seq) -> Result<void> {
        const Result<QByteArray> latest = latestManifestHash(seq);
        if (!latest)
            return latest.failure();
        if (*latest != previousManifestHash)
            return Failure(ErrorCode::Conflict,
                tr("Another export was recorded while this one was being written, so its manifest would name the "
                   "wrong export before it. Nothing was kept: export again."));
        return {};
    });
}
