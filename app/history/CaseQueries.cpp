#include "CaseQueries.h"

#include "history/CanonicalEvent.h"
#include "history/PiiVault.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

CaseSummary summaryAt(const QSqlQuery& q)
{
    CaseSummary c;
    c.caseId = q.value(0).toString();
    c.createdAt = CanonicalEvent::parseTimestamp(q.value(1).toString());
    c.updatedAt = CanonicalEvent::parseTimestamp(q.value(2).toString());
    c.actor = q.value(3).toString();
    c.workstation = q.value(4).toString();
    c.merchantBizId = q.value(5).toString();
    c.sceneCode = q.value(6).toString();
    c.state = q.value(7).toString();
    c.subCode = q.value(8).toString();
    if (!q.value(9).isNull())
        c.passed = q.value(9).toInt() != 0;
    c.training = q.value(10).toInt() != 0;
    c.attempts = q.value(11).toInt();
    c.nameMasked = q.value(12).toString();
    c.idMasked = q.value(13).toString();
    c.purged = !q.value(14).isNull();
    c.errorKind = q.value(15).toString();
    c.errorCode = q.value(16).toString();
    c.requestId = q.value(17).toString();
    c.reviewState = q.value(18).toString();
    return c;
}

} // namespace

CaseQueries::CaseQueries(const QSqlDatabase& db, const PiiVault& vault)
    : m_db(db)
    , m_vault(vault)
{
}

Result<QList<CaseSummary>> CaseQueries::select(const QString& tail, const QVariantList& values) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT c.case_id, c.created_at, c.updated_at, c.actor, c.workstation, c.merchant_biz_id, "
                             "c.scene_code, c.state, c.sub_code, c.passed, c.training, c.attempts, c.name_masked, "
                             "c.id_masked, c.purged_at, c.error_kind, c.error_code, c.request_id, r.state ")
        + tail);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(static_cast<int>(i), values.at(i));
    const auto failed = [&q] {
        return Failure(ErrorCode::Unavailable, tr("Cannot read the history: %1").arg(q.lastError().text()));
    };
    if (!q.exec())
        return failed();
    QList<CaseSummary> rows;
    while (q.next())
        rows.append(summaryAt(q));
    if (q.lastError().isValid())
        return failed();
    return rows;
}

Result<CaseSummary> CaseQueries::summary(const QString& caseId) const
{
    Result<QList<CaseSummary>> rows = select(
        QStringLiteral("FROM cases c LEFT JOIN reviews r ON r.case_id = c.case_id WHERE c.case_id = ?"), { caseId });
    if (!rows)
        return rows.failure();
    if (rows->isEmpty())
        return Failure(ErrorCode::NotFound, tr("There is no case %1 in the history.").arg(caseId));
    return rows->constFirst();
}

Result<QList<CaseSummary>> CaseQueries::byIdNumber(const QString& idNumber) const
{
    const QByteArray index = m_vault.blindIndex(idNumber);
    if (index.isEmpty())
        return QList<CaseSummary>();
    HistoryQuery query;
    query.idNumber = idNumber;
    QVariantList values;
    const QString fromWhere = query.fromWhere(index, HistoryCursor(), &values);
    return select(fromWhere + query.orderBy(), values);
}

QByteArray CaseQueries::indexFor(const HistoryQuery& query) const
{
    if (query.idNumber.isEmpty())
        return {};
    const QByteArray index = m_vault.blindIndex(query.idNumber);
    return index.isEmpty() ? QByteArrayLiteral("-") : index; // "-" matches nothing
}

Result<HistoryPage> CaseQueries::page(const HistoryQuery& query, const HistoryCursor& after, int limit) const
{
    limit = qMax(1, limit);
    QVariantList values;
    const QString fromWhere = query.fromWhere(indexFor(query), after, &values);
    values.append(limit + 1);
    Result<QList<CaseSummary>> rows = select(fromWhere + query.orderBy() + QStringLiteral(" LIMIT ?"), values);
    if (!rows)
        return rows.failure();
    HistoryPage page;
    page.rows = std::move(*rows);
    page.atEnd = page.rows.size() <= limit;
    if (!page.atEnd)
        page.rows.resize(limit);
    if (!page.rows.isEmpty()) {
        page.next.sortValue = query.sortValue(page.rows.constLast());
        page.next.caseId = page.rows.constLast().caseId;
    }
    return page;
}

Result<qint64> CaseQueries::count(const HistoryQuery& query) const
{
    QVariantList values;
    const QString fromWhere = query.fromWhere(indexFor(query), HistoryCursor(), &values);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT COUNT(*) ") + fromWhere);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(static_cast<int>(i), values.at(i));
    if (!q.exec() || !q.next())
        return Failure(ErrorCode::Unavailable, tr("Cannot count the cases: %1").arg(q.lastError().text()));
    return q.value(0).toLongLong();
}

Result<void> CaseQueries::forEachEvent(const std::function<bool(const AuditEvent&)>& visit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM events ORDER BY seq").arg(AuditEvent::columns())))
        return Failure(ErrorCode::Unavailable, tr("Cannot read the events: %1").arg(q.lastError().text()));
    while (q.next()) {
        if (!visit(AuditEvent::fromRow(q)))
            break;
    }
    return {};
}

Result<QList<AuditEvent>> CaseQueries::eventsForCase(const QString& caseId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE case_id = ? ORDER BY seq").arg(AuditEvent::columns()));
    q.bindValue(0, caseId);
    if (!q.exec())
        return Failure(ErrorCode::Unavailable, tr("Cannot read the events: %1").arg(q.lastError().text()));
    QList<AuditEvent> events;
    while (q.next())
        events.append(AuditEvent::fromRow(q));
    return events;
}
