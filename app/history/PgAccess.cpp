#include "PgAccess.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

const QStringList privilegeNames = {
    QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")
};

Failure cannotRead(const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable,
        PgAccess::tr("Cannot read the database role's privileges on the history: %1").arg(q.lastError().text()));
}

// The first schema of the search path, for a role that may not use it (current_schema() is then NULL).
QString firstOfSearchPath(const QString& searchPath)
{
    QString first = searchPath.section(u',', 0, 0).trimmed();
    if (first.size() >= 2 && first.startsWith(u'"') && first.endsWith(u'"'))
        first = first.mid(1, first.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
    return first;
}

// "SELECT, INSERT on events; UPDATE on chain_head"
QString describe(const QList<PgAccess::Need>& missing)
{
    QStringList parts;
    for (const PgAccess::Need& need : missing)
        parts << PgAccess::tr("%1 on %2").arg(need.privileges.join(QStringLiteral(", ")), need.table);
    return parts.join(QStringLiteral("; "));
}

} // namespace

const QList<PgAccess::Need>& PgAccess::needs()
{
    const auto need = [](const char* table, std::initializer_list<const char*> privileges) {
        Need n { QString::fromLatin1(table), {} };
        for (const char* privilege : privileges)
            n.privileges << QString::fromLatin1(privilege);
        return n;
    };
    static const QList<Need> all = {
        need("meta", { "SELECT", "UPDATE" }), // the review policy
        need("chain_head", { "SELECT", "UPDATE" }), // locked (FOR UPDATE) and moved by every write
        need("events", { "SELECT", "INSERT" }),
        need("cases", { "SELECT", "INSERT", "UPDATE" }),
        need("accounts", { "SELECT", "INSERT", "UPDATE" }),
        need("reviews", { "SELECT", "INSERT", "UPDATE" }),
        need("review_texts", { "SELECT", "INSERT", "UPDATE" }),
        need("review_reasons", { "SELECT", "INSERT", "UPDATE" }),
        need("dashboard_hours", { "SELECT", "INSERT", "UPDATE" }), // kept by triggers, as the writing role
        need("saved_filters", { "SELECT", "INSERT", "UPDATE", "DELETE" }),
        need("rate_budget", { "SELECT", "INSERT", "UPDATE" }),
        need("batch_lists", { "SELECT", "INSERT", "DELETE" }),
    };
    return all;
}

Result<PgAccess::Gap> PgAccess::inspect(const QSqlDatabase& db)
{
    Gap gap;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT current_schema(), current_setting('search_path'), quote_ident(current_user)"))
        || !q.next())
        return cannotRead(q);
    const QString schema = q.value(0).isNull() ? firstOfSearchPath(q.value(1).toString()) : q.value(0).toString();
    gap.role = q.value(2).toString();
    q.finish();
    q.prepare(QStringLiteral("SELECT quote_ident(n.nspname), has_schema_privilege(n.oid, 'USAGE'), "
                             "has_schema_privilege(n.oid, 'CREATE') FROM pg_catalog.pg_namespace n "
                             "WHERE n.nspname = ?"));
    q.addBindValue(schema);
    if (!q.exec())
        return cannotRead(q);
    gap.usage = false;
    gap.schema = schema;
    if (q.next()) {
        gap.schema = q.value(0).toString();
        gap.usage = q.value(1).toBool();
        gap.create = q.value(2).toBool();
    }
    q.finish();
    // pg_class lists the tables whatever the role may do with them (information_schema only those it may use).
    q.prepare(QStringLiteral("SELECT c.relname, quote_ident(pg_get_userbyid(c.relowner)), pg_has_role(c.relowner, "
                             "'MEMBER'), has_table_privilege(c.oid, 'SELECT'), has_table_privilege(c.oid, 'INSERT'), "
                             "has_table_privilege(c.oid, 'UPDATE'), has_table_privilege(c.oid, 'DELETE') "
                             "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE n.nspname = ? AND c.relkind IN ('r', 'p')"));
    q.addBindValue(schema);
    if (!q.exec())
        return cannotRead(q);
    QHash<QString, QStringList> held;
    while (q.next()) {
        const QString table = q.value(0).toString();
        QStringList privileges;
        for (int i = 0; i < privilegeNames.size(); ++i) {
            if (q.value(3 + i).toBool())
                privileges << privilegeNames.at(i);
        }
        held.insert(table, privileges);
        if (table == QLatin1String("meta")) {
            gap.history = true;
            gap.owner = q.value(1).toString();
            gap.ownerMember = q.value(2).toBool();
        }
    }
    if (!gap.history)
        return gap;
    gap.nothingGranted = true;
    for (const Need& need : needs()) {
        const auto table = held.constFind(need.table);
        if (table == held.constEnd())
            continue; // made at first use, not yet
        gap.nothingGranted = gap.nothingGranted && !table->contains(QStringLiteral("SELECT"));
        Need lacking { need.table, {} };
        for (const QString& privilege : need.privileges) {
            if (!table->contains(privilege))
                lacking.privileges << privilege;
        }
        if (!lacking.privileges.isEmpty())
            gap.missing << lacking;
    }
    return gap;
}

QStringList PgAccess::grants(const Gap& gap)
{
    QStringList statements;
    if (!gap.usage)
        statements << QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2;").arg(gap.schema, gap.role);
    for (const Need& need : gap.missing) {
        statements << QStringLiteral("GRANT %1 ON %2.%3 TO %4;")
                          .arg(need.privileges.join(QStringLiteral(", ")), gap.schema, need.table, gap.role);
    }
    return statements;
}

Result<void> PgAccess::check(const QSqlDatabase& db, const QString& displayLocation)
{
    if (db.driverName() != QLatin1String("QPSQL"))
        return {};
    const Result<Gap> inspected = inspect(db);
    if (!inspected)
        return inspected.failure();
    const QString why = refusal(*inspected, displayLocation);
    if (why.isEmpty())
        return {};
    return Failure(ErrorCode::Unavailable, why);
}

QString PgAccess::refusal(const Gap& gap, const QString& displayLocation)
{
    const QString statements = grants(gap).join(u'\n');
    if (!gap.history) {
        if (!gap.usage) {
            return tr("The database role %1 may not use the schema %2 of the history %3. The schema's owner can grant "
                      "it with:\n%4")
                .arg(gap.role, gap.schema, displayLocation, statements);
        }
        if (gap.create)
            return {};
        return tr(
            "There is no history in the schema %1 of %2 yet, and the database role %3 may not make one there (it "
            "lacks CREATE on the schema). Open it first as the role that owns the schema, or have that role grant "
            "CREATE on it.")
            .arg(gap.schema, displayLocation, gap.role);
    }
    if (gap.complete())
        return {};
    QString lacks = gap.nothingGranted ? tr("every privilege it needs on the history's tables") : describe(gap.missing);
    if (!gap.usage)
        lacks = tr("USAGE on the schema %1; %2").arg(gap.schema, lacks);
    return tr("The database role %1 may not use the history %2: it lacks %3. The history's owner, the role %4, can "
              "grant it with:\n%5")
        .arg(gap.role, displayLocation, lacks, gap.owner, statements);
}
