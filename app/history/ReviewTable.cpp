#include "ReviewTable.h"

#include "history/CanonicalEvent.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QString ts(const QDateTime& t)
{
    return t.isValid() ? QString::fromLatin1(CanonicalEvent::timestamp(t)) : QString();
}

QVariant optionalTs(const QDateTime& t)
{
    return t.isValid() ? QVariant(ts(t)) : QVariant(QMetaType::fromType<QString>());
}

QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

Failure cannot(const QString& what, const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable, what.arg(q.lastError().text()));
}

bool run(QSqlQuery& q, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    return q.exec();
}

const QString reviewColumns = QStringLiteral(
    "r.case_id, r.state, r.assignee, r.escalated, r.opened_by, r.opened_at, r.updated_at, r.proposed_by, "
    "r.proposed_decision, r.proposed_reason, r.decision, r.decision_reason, r.decided_by, r.approved_by, "
    "r.decided_at");
const QString caseColumns =
    QStringLiteral("c.actor, c.sub_code, c.name_masked, c.id_masked, c.scene_code, c.merchant_biz_id, c.training");

ReviewRow rowAt(const QSqlQuery& q)
{
    ReviewRow r;
    r.caseId = q.value(0).toString();
    r.state = q.value(1).toString();
    r.assignee = q.value(2).toString();
    r.escalated = q.value(3).toInt() != 0;
    r.openedBy = q.value(4).toString();
    r.openedAt = CanonicalEvent::parseTimestamp(q.value(5).toString());
    r.updatedAt = CanonicalEvent::parseTimestamp(q.value(6).toString());
    r.proposedBy = q.value(7).toString();
    r.proposedDecision = q.value(8).toString();
    r.proposedReason = q.value(9).toString();
    r.decision = q.value(10).toString();
    r.decisionReason = q.value(11).toString();
    r.decidedBy = q.value(12).toString();
    r.approvedBy = q.value(13).toString();
    r.decidedAt = CanonicalEvent::parseTimestamp(q.value(14).toString());
    return r;
}

ReviewItem itemAt(const QSqlQuery& q)
{
    ReviewItem item;
    item.review = rowAt(q);
    item.caseOwner = q.value(15).toString();
    item.subCode = q.value(16).toString();
    item.nameMasked = q.value(17).toString();
    item.idMasked = q.value(18).toString();
    item.sceneCode = q.value(19).toString();
    item.merchantBizId = q.value(20).toString();
    item.training = q.value(21).toInt() != 0;
    return item;
}

QString placeholders(int n)
{
    QStringList marks;
    for (int i = 0; i < n; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1Char(','));
}

} // namespace

ReviewTable::ReviewTable(const QSqlDatabase& db)
    : m_db(db)
    , m_find(db)
{
    if (db.driverName() == QLatin1String("QSQLITE")) {
        m_exists.emplace(db, QStringLiteral("SELECT 1 FROM reviews WHERE case_id = ?"));
        if (!m_exists->native())
            m_exists.reset();
    }
    // Prepared once: every completed verification asks whether its case has a review. Forward only: its one row is
    // read once, not cached.
    m_find.setForwardOnly(true);
    m_find.prepare(QStringLiteral("SELECT %1 FROM reviews r WHERE r.case_id = ?").arg(reviewColumns));
}

Result<std::optional<ReviewRow>> ReviewTable::find(const QString& caseId) const
{
    if (m_exists) {
        m_exists->bindText(0, caseId);
        if (QString error; !m_exists->exec(error))
            return Failure(ErrorCode::Unavailable, tr("Cannot read the review: %1").arg(error));
        if (!m_exists->producedRow())
            return std::optional<ReviewRow>();
    }
    QSqlQuery& q = m_find;
    if (!run(q, { caseId }))
        return cannot(tr("Cannot read the review: %1"), q);
    std::optional<ReviewRow> found;
    if (q.next())
        found = rowAt(q);
    q.finish();
    return found;
}

Result<void> ReviewTable::save(const ReviewRow& r, bool isNew)
{
    QSqlQuery q(m_db);
    q.prepare(isNew ? QStringLiteral("INSERT INTO reviews (state, active, assignee, escalated, opened_by, opened_at, "
                                     "updated_at, proposed_by, proposed_decision, proposed_reason, decision, "
                                     "decision_reason, decided_by, approved_by, decided_at, case_id) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    : QStringLiteral("UPDATE reviews SET state = ?, active = ?, assignee = ?, escalated = ?, "
                                     "opened_by = ?, opened_at = ?, updated_at = ?, proposed_by = ?, "
                                     "proposed_decision = ?, proposed_reason = ?, decision = ?, decision_reason = ?, "
                                     "decided_by = ?, approved_by = ?, decided_at = ? WHERE case_id = ?"));
    const QVariantList values { r.state,
        ReviewState::isClosed(r.state) ? 0 : 1,
        text(r.assignee),
        r.escalated ? 1 : 0,
        text(r.openedBy),
        ts(r.openedAt),
        ts(r.updatedAt),
        text(r.proposedBy),
        text(r.proposedDecision),
        text(r.proposedReason),
        text(r.decision),
        text(r.decisionReason),
        text(r.decidedBy),
        text(r.approvedBy),
        optionalTs(r.decidedAt),
        r.caseId };
    if (!run(q, values))
        return cannot(tr("Cannot save the review: %1"), q);
    return {};
}

Result<ReviewItem> ReviewTable::item(const QString& caseId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1, %2 FROM reviews r JOIN cases c ON c.case_id = r.case_id WHERE r.case_id = ?")
                  .arg(reviewColumns, caseColumns));
    if (!run(q, { caseId }))
        return cannot(tr("Cannot read the review: %1"), q);
    if (!q.next())
        return Failure(ErrorCode::NotFound, tr("Case %1 is not in the review queue.").arg(caseId));
    return itemAt(q);
}

Result<ReviewQueuePage> ReviewTable::queue(
    const ReviewQueueQuery& query, const QDateTime& overdueBefore, const QString& involvedName) const
{
    const QStringList states = query.states.isEmpty() ? ReviewState::active() : query.states;
    bool onlyActive = true;
    for (const QString& state : states)
        onlyActive = onlyActive && !ReviewState::isClosed(state);
    QString where = QStringLiteral("r.state IN (%1)").arg(placeholders(int(states.size())));
    QVariantList values;
    for (const QString& state : states)
        values << state;
    if (onlyActive)
        where.prepend(QStringLiteral("r.active = 1 AND ")); // the reviews_queue index, in opened_at order
    if (!query.assignee.isEmpty()) {
        where += QStringLiteral(" AND r.assignee = ?");
        values << (query.assignee == QLatin1String("-") ? QString(QLatin1String("")) : query.assignee);
    }
    const bool bySubCode = !query.subCode.isEmpty();
    const QString join = QStringLiteral(" FROM reviews r JOIN cases c ON c.case_id = r.case_id WHERE ");
    if (bySubCode) {
        where += QStringLiteral(" AND c.sub_code = ?");
        values << query.subCode;
    }
    const bool involving = !onlyActive && !involvedName.isEmpty();
    if (involving) {
        where += QStringLiteral(" AND (r.active = 1 OR ? IN (r.assignee, r.opened_by, r.proposed_by, r.decided_by, "
                                "r.approved_by, c.actor))");
        values << involvedName;
    }
    ReviewQueuePage page;
    QSqlQuery q(m_db);
    // The counts need the cases table only to filter by SubCode or owner.
    const QString countFrom = bySubCode || involving ? join : QStringLiteral(" FROM reviews r WHERE ");
    q.prepare(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN r.opened_at < ? THEN 1 ELSE 0 END), 0)")
        + countFrom + where);
    if (!run(q, QVariantList { ts(overdueBefore) } + values) || !q.next())
        return cannot(tr("Cannot read the review queue: %1"), q);
    page.total = q.value(0).toInt();
    page.overdue = q.value(1).toInt();
    q.finish();
    q.prepare(QStringLiteral("SELECT %1, %2").arg(reviewColumns, caseColumns) + join + where
        + QStringLiteral(" ORDER BY r.opened_at, r.case_id LIMIT ?"));
    if (!run(q, values + QVariantList { qMax(1, query.limit) }))
        return cannot(tr("Cannot read the review queue: %1"), q);
    while (q.next())
        page.rows.append(itemAt(q));
    return page;
}

Result<void> ReviewTable::insertText(const QString& textId, const QString& caseId, const QByteArray& sealed)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO review_texts (text_id, case_id, text_enc, purged_at) VALUES (?, ?, ?, NULL)"));
    if (!run(q, { textId, caseId, sealed }))
        return cannot(tr("Cannot save the review note: %1"), q);
    return {};
}

Result<void> ReviewTable::purgeTexts(const QStringList& caseIds, const QDateTime& at)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE review_texts SET text_enc = NULL, purged_at = ? "
                             "WHERE case_id = ? AND purged_at IS NULL"));
    for (const QString& caseId : caseIds) {
        if (!run(q, { ts(at), caseId }))
            return cannot(tr("Cannot erase the review notes: %1"), q);
    }
    return {};
}

Result<QList<QPair<QString, QByteArray>>> ReviewTable::texts(const QString& caseId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT text_id, text_enc FROM review_texts WHERE case_id = ?"));
    if (!run(q, { caseId }))
        return cannot(tr("Cannot read the review notes: %1"), q);
    QList<QPair<QString, QByteArray>> all;
    while (q.next())
        all.append({ q.value(0).toString(), q.value(1).toByteArray() });
    return all;
}

Result<QList<ReviewReason>> ReviewTable::reasons() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT code, label, active FROM review_reasons ORDER BY position, code")))
        return cannot(tr("Cannot read the review reason codes: %1"), q);
    QList<ReviewReason> all;
    while (q.next())
        all.append(ReviewReason { q.value(0).toString(), q.value(1).toString(), q.value(2).toInt() != 0 });
    return all;
}

Result<void> ReviewTable::saveReason(const ReviewReason& reason, const QDateTime& at)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE review_reasons SET label = ?, active = ?, updated_at = ? WHERE code = ?"));
    if (!run(q, { reason.label, reason.active ? 1 : 0, ts(at), reason.code }))
        return cannot(tr("Cannot save the reason code: %1"), q);
    if (q.numRowsAffected() > 0)
        return {};
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO review_reasons (code, label, active, position, updated_at) "
                             "SELECT ?, ?, ?, COALESCE(MAX(position), 0) + 1, ? FROM review_reasons"));
    if (!run(q, { reason.code, reason.label, reason.active ? 1 : 0, ts(at) }))
        return cannot(tr("Cannot save the reason code: %1"), q);
    return {};
}

Result<ReviewPolicy> ReviewTable::policy() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('review_four_eyes', 'review_sla_hours')")))
        return cannot(tr("Cannot read the review policy: %1"), q);
    ReviewPolicy policy;
    while (q.next()) {
        if (q.value(0).toString() == QLatin1String("review_four_eyes"))
            policy.fourEyes = q.value(1).toString() != QLatin1String("0");
        else
            policy.slaHours = qMax(1, q.value(1).toString().toInt());
    }
    return policy;
}

Result<void> ReviewTable::savePolicy(const ReviewPolicy& policy)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = ?"));
    const QList<QVariantList> rows { { policy.fourEyes ? QStringLiteral("1") : QStringLiteral("0"),
                                         QStringLiteral("review_four_eyes") },
        { QString::number(policy.slaHours), QStringLiteral("review_sla_hours") } };
    for (const QVariantList& row : rows) {
        if (!run(q, row))
            return cannot(tr("Cannot save the review policy: %1"), q);
        if (q.numRowsAffected() != 1) // a history whose policy rows are gone is not one to write a policy event in
            return Failure(ErrorCode::Corrupt, tr("The review policy of this history is missing."));
    }
    return {};
}
