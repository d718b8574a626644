#include "PgAccess.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <utility>

namespace {

const QStringList privilegeNames = {
    QStringLiteral("SELECT"), QStringLiteral("INSERT"), QStringLiteral("UPDATE"), QStringLiteral("DELETE")
};

Failure cannotRead(const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable,
        PgAccess::tr("Cannot read the database role's privileges on the history: %1").arg(q.lastError().text()));
}

// The schemas of a search_path setting, in order, "$user" as the role's own name.
QStringList searchPath(const QString& setting, const QString& user)
{
    QStringList schemas;
    for (QString entry : setting.split(u',')) {
        entry = entry.trimmed();
        if (entry.size() >= 2 && entry.startsWith(u'"') && entry.endsWith(u'"'))
            entry = entry.mid(1, entry.size() - 2).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        if (entry == QLatin1String("$user"))
            entry = user;
        if (!entry.isEmpty())
            schemas << entry;
    }
    return schemas;
}

// Where the history is looked for by a role that may use no schema of its search path (current_schema() is NULL
// then): the first schema of the path that exists, else the first named.
Result<QString> schemaOfUnusablePath(const QSqlDatabase& db, const QStringList& path)
{
    QSqlQuery q(db);
    for (const QString& schema : path) {
        q.prepare(QStringLiteral("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?"));
        q.addBindValue(schema);
        if (!q.exec())
            return cannotRead(q);
        if (q.next())
            return schema;
    }
    return path.value(0, QStringLiteral("public"));
}

// "SELECT, INSERT on events; UPDATE on chain_head"
QString describe(const QList<PgAccess::Need>& missing)
{
    QStringList parts;
    for (const PgAccess::Need& need : missing)
        parts << PgAccess::tr("%1 on %2").arg(need.privileges.join(QStringLiteral(", ")), need.table);
    return parts.join(PgAccess::tr("; ", "between what a role lacks on two tables"));
}

} // namespace

const QList<PgAccess::Need>& PgAccess::needs()
{
    const auto need = [](const char* table, std::initializer_list<const char*> privileges) {
        Need n { QString::fromLatin1(table), {}, {} };
        for (const char* privilege : privileges)
            n.privileges << QString::fromLatin1(privilege);
        return n;
    };
    static const QList<Need> all = {
        need("meta", { "SELECT", "INSERT", "UPDATE" }), // the signing key's first record, the review policy
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

Result<PgAccess::Gap> PgAccess::inspect(const QSqlDatabase& db, bool readOnly)
{
    Gap gap;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT current_schema(), current_setting('search_path'), quote_ident(current_user), "
                               "current_user"))
        || !q.next())
        return cannotRead(q);
    QString schema = q.value(0).toString();
    gap.role = q.value(2).toString();
    if (q.value(0).isNull()) {
        const Result<QString> looked =
            schemaOfUnusablePath(db, searchPath(q.value(1).toString(), q.value(3).toString()));
        if (!looked)
            return looked.failure();
        schema = *looked;
    }
    q.finish();
    q.prepare(
        QStringLiteral("SELECT quote_ident(?), has_schema_privilege(n.oid, 'USAGE'), "
                       "has_schema_privilege(n.oid, 'CREATE'), quote_ident(CASE WHEN pg_get_userbyid(n.nspowner) "
                       "= 'pg_database_owner' THEN (SELECT pg_get_userbyid(d.datdba) FROM pg_catalog.pg_database d "
                       "WHERE d.datname = current_database()) ELSE pg_get_userbyid(n.nspowner) END) "
                       "FROM (SELECT 1) one LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = ?"));
    q.addBindValue(schema);
    q.addBindValue(schema);
    if (!q.exec() || !q.next())
        return cannotRead(q);
    gap.schema = q.value(0).toString();
    gap.usage = false;
    if (!q.value(1).isNull()) { // the schema exists
        gap.usage = q.value(1).toBool();
        gap.create = q.value(2).toBool();
        gap.schemaOwner = q.value(3).toString();
    }
    q.finish();
    // pg_class lists the tables whatever the role may do with them (information_schema only those it may use).
    q.prepare(QStringLiteral("SELECT c.relname, quote_ident(pg_get_userbyid(c.relowner)), has_table_privilege(c.oid, "
                             "'SELECT'), has_table_privilege(c.oid, 'INSERT'), has_table_privilege(c.oid, 'UPDATE'), "
                             "has_table_privilege(c.oid, 'DELETE') "
                             "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                             "WHERE n.nspname = ? AND c.relkind IN ('r', 'p')"));
    q.addBindValue(schema);
    if (!q.exec())
        return cannotRead(q);
    QHash<QString, Need> held; // what the role holds on each table, and its owner
    while (q.next()) {
        const QString table = q.value(0).toString();
        Need holds { table, {}, q.value(1).toString() };
        for (int i = 0; i < privilegeNames.size(); ++i) {
            if (q.value(2 + i).toBool())
                holds.privileges << privilegeNames.at(i);
        }
        held.insert(table, holds);
        if (table == QLatin1String("meta")) {
            gap.history = true;
            gap.owner = q.value(1).toString();
        }
    }
    if (!gap.history)
        return gap;
    gap.nothingGranted = true;
    for (const Need& need : needs()) {
        const auto table = held.constFind(need.table);
        if (table == held.constEnd())
            continue; // made at first use, not yet
        gap.nothingGranted = gap.nothingGranted && !table->privileges.contains(QStringLiteral("SELECT"));
        Need lacking { need.table, {}, table->owner };
        for (const QString& privilege : need.privileges) {
            if (!table->privileges.contains(privilege) && (!readOnly || privilege == QLatin1String("SELECT")))
                lacking.privileges << privilege;
        }
        if (!lacking.privileges.isEmpty())
            gap.missing << lacking;
    }
    return gap;
}

QStringList PgAccess::grants(const Gap& gap)
{
    // Who runs what: the schema's owner its USAGE, each table's owner the grants on it (the history's first).
    QList<std::pair<QString, QStringList>> groups;
    const auto add = [&groups](const QString& owner, const QString& statement) {
        const auto group =
            std::find_if(groups.begin(), groups.end(), [&owner](const auto& g) { return g.first == owner; });
        if (group == groups.end())
            groups.append({ owner, { statement } });
        else
            group->second << statement;
    };
    if (!gap.usage)
        add(gap.schemaOwner.isEmpty() ? gap.owner : gap.schemaOwner,
            QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2;").arg(gap.schema, gap.role));
    for (const bool historyOwners : { true, false }) { // the history owner's tables first, then the others'
        for (const Need& need : gap.missing) {
            const QString owner = need.owner.isEmpty() ? gap.owner : need.owner;
            if ((owner == gap.owner) != historyOwners)
                continue;
            add(owner,
                QStringLiteral("GRANT %1 ON %2.%3 TO %4;")
                    .arg(need.privileges.join(QStringLiteral(", ")), gap.schema, need.table, gap.role));
        }
    }
    QStringList statements;
    for (const auto& [owner, theirs] : groups) {
        if (groups.size() > 1)
            statements << QStringLiteral("-- as the role %1:").arg(owner);
        statements << theirs;
    }
    return statements;
}

Result<void> PgAccess::check(const QSqlDatabase& db, const QString& displayLocation, bool readOnly)
{
    if (db.driverName() != QLatin1String("QPSQL"))
        return {};
    const Result<Gap> inspected = inspect(db, readOnly);
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
    if (!gap.schemaExists()) {
        return tr("There is no schema %1 in %2 for the history, and the database role %3 may not make it. Have the "
                  "database's owner make it, or name another schema in the history's location (?schema=).")
            .arg(gap.schema, displayLocation, gap.role);
    }
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
    if (statements.startsWith(QLatin1String("--"))) { // more than one role has something to run
        return tr("The database role %1 may not use the history %2: it lacks %3. The roles named before their "
                  "statements (the history's owner, %4, and the owners of the schema or of tables it did not make) "
                  "can grant it with:\n%5")
            .arg(gap.role, displayLocation, lacks, gap.owner, statements);
    }
    return tr("The database role %1 may not use the history %2: it lacks %3. The history's owner, the role %4, can "
              "grant it with:\n%5")
        .arg(gap.role, displayLocation, lacks, gap.owner, statements);
}
