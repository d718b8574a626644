#include "HistoryQuery.h"

#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"

QString CaseSummary::displayState(const QString& state)
{
    if (state == QLatin1String(CaseState::pending))
        return tr("pending — retry");
    if (state == QLatin1String(CaseState::completed))
        return tr("completed");
    if (state == QLatin1String(CaseState::failed))
        return tr("failed — safe to retry");
    if (state == QLatin1String(CaseState::refused))
        return tr("refused by the service");
    if (state == QLatin1String(CaseState::outcomeUnknown))
        return tr("outcome unknown — may have been billed");
    if (state == QLatin1String(CaseState::reviewed))
        return tr("reviewed");
    return state;
}

QString CaseSummary::displayState() const
{
    return displayState(state);
}

QJsonObject CaseSummary::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("caseId"), caseId);
    o.insert(QStringLiteral("createdAt"), QString::fromLatin1(CanonicalEvent::timestamp(createdAt)));
    o.insert(QStringLiteral("updatedAt"), QString::fromLatin1(CanonicalEvent::timestamp(updatedAt)));
    o.insert(QStringLiteral("actor"), actor);
    o.insert(QStringLiteral("workstation"), workstation);
    o.insert(QStringLiteral("merchantBizId"), merchantBizId);
    o.insert(QStringLiteral("sceneCode"), sceneCode);
    o.insert(QStringLiteral("state"), state);
    o.insert(QStringLiteral("subCode"), subCode);
    o.insert(QStringLiteral("passed"), passed.has_value() ? QJsonValue(*passed) : QJsonValue());
    o.insert(QStringLiteral("training"), training);
    o.insert(QStringLiteral("attempts"), attempts);
    o.insert(QStringLiteral("nameMasked"), nameMasked);
    o.insert(QStringLiteral("idNumberMasked"), idMasked);
    o.insert(QStringLiteral("purged"), purged);
    return o;
}

QString HistoryQuery::whereClause(const QByteArray& idIndex, const HistoryCursor& after, QVariantList* values) const
{
    QStringList terms;
    auto add = [&](const QString& term, const QVariant& value) {
        terms << term;
        values->append(value);
    };
    if (from.isValid())
        add(QStringLiteral("created_at >= ?"), QString::fromLatin1(CanonicalEvent::timestamp(from)));
    if (to.isValid())
        add(QStringLiteral("created_at < ?"), QString::fromLatin1(CanonicalEvent::timestamp(to)));
    if (!actor.isEmpty())
        add(QStringLiteral("actor = ?"), actor);
    if (!state.isEmpty())
        add(QStringLiteral("state = ?"), state);
    if (!subCode.isEmpty())
        add(QStringLiteral("sub_code = ?"), subCode);
    if (!sceneCode.isEmpty())
        add(QStringLiteral("scene_code = ?"), sceneCode);
    if (passed.has_value())
        add(QStringLiteral("passed = ?"), *passed ? 1 : 0);
    if (training.has_value())
        add(QStringLiteral("training = ?"), *training ? 1 : 0);
    if (!idNumber.isEmpty())
        add(QStringLiteral("id_index = ?"), QString::fromLatin1(idIndex));
    if (!after.isNull()) {
        terms << QStringLiteral("(created_at < ? OR (created_at = ? AND case_id < ?))");
        values->append(after.createdAt);
        values->append(after.createdAt);
        values->append(after.caseId);
    }
    return terms.isEmpty() ? QString() : QStringLiteral("WHERE ") + terms.join(QStringLiteral(" AND "));
}
