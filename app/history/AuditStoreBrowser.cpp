// AuditStore: what the history browser reads beside the cases. Saved filters are per account, preferences rather than
// records: they live beside the chain, never hold an ID number, and a person reads and changes only their own.
#include "AuditStore.h"

#include "history/CanonicalEvent.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

Failure cannotRead(const QSqlQuery& q)
{
    return Failure(
        ErrorCode::Unavailable, AuditStore::tr("Cannot read the saved filters: %1").arg(q.lastError().text()));
}

Failure cannotWrite(const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable, AuditStore::tr("Cannot save the filter: %1").arg(q.lastError().text()));
}

} // namespace

Result<QList<SavedFilter>> AuditStore::savedFilters(const Actor& actor)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases);
    if (!allowed)
        return allowed.failure();
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT name, query FROM saved_filters WHERE account = ? ORDER BY name"));
    q.bindValue(0, allowed->name);
    if (!q.exec())
        return cannotRead(q);
    QList<SavedFilter> filters;
    while (q.next()) {
        const Result<HistoryQuery> query =
            HistoryQuery::fromJson(QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object());
        if (query) // a filter an older or newer version cannot read is left out, not fatal
            filters.append({ q.value(0).toString(), *query });
    }
    return filters;
}

Result<void> AuditStore::saveFilter(const Actor& actor, const QString& name, const HistoryQuery& query)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 80)
        return Failure(ErrorCode::InvalidArgument, tr("Give the filter a name of 1 to 80 characters."));
    const Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases);
    if (!allowed)
        return allowed.failure();
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO saved_filters (account, name, query, updated_at) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (account, name) DO UPDATE SET query = excluded.query, "
                             "updated_at = excluded.updated_at"));
    q.bindValue(0, allowed->name);
    q.bindValue(1, trimmed);
    q.bindValue(2, QString::fromUtf8(QJsonDocument(query.toJson()).toJson(QJsonDocument::Compact)));
    q.bindValue(3, QString::fromLatin1(CanonicalEvent::timestamp(now())));
    if (!q.exec())
        return cannotWrite(q);
    return {};
}

Result<void> AuditStore::deleteFilter(const Actor& actor, const QString& name)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases);
    if (!allowed)
        return allowed.failure();
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM saved_filters WHERE account = ? AND name = ?"));
    q.bindValue(0, allowed->name);
    q.bindValue(1, name);
    if (!q.exec())
        return cannotWrite(q);
    if (q.numRowsAffected() < 1)
        return Failure(ErrorCode::NotFound, tr("There is no saved filter %1.").arg(name));
    return {};
}

Result<QStringList> AuditStore::caseActors(const Actor& actor)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases);
    if (!allowed)
        return allowed.failure();
    if (Access::scope(allowed->role, Access::Operation::ReadCases) == Access::Scope::Own)
        return QStringList { allowed->name };
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT DISTINCT actor FROM cases ORDER BY actor")))
        return Failure(ErrorCode::Unavailable, tr("Cannot read the history: %1").arg(q.lastError().text()));
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}
