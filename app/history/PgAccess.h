#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// A PostgreSQL history shared by a team whose people sign in to the database with roles of their own: the role that
// made the history owns its tables, and every other role needs the privileges below on them, granted by that owner.
// They are the least the desk uses: SELECT and INSERT on the events (never UPDATE or DELETE: a member cannot rewrite
// the chain even with the triggers' help, since only the owner may drop them), and what each other table is read and
// written with. Checked when a history is opened, so that a role short of one is told which, and the statements that
// give it, instead of failing at its first write.
class PgAccess
{
    Q_DECLARE_TR_FUNCTIONS(PgAccess)
public:
    struct Need
    {
        QString table;
        QStringList privileges; // SELECT, INSERT, UPDATE, DELETE
        QString owner; // in Gap::missing: the table's owner, as an SQL identifier (who can grant on it)
    };
    // Every table of a history (those made at first use included) and the privileges the desk uses on it.
    static const QList<Need>& needs();

    // What the connected role lacks on the history in its schema: the first of its search path it may use, else the
    // first that exists ("$user" being the role's own name), else the first.
    struct Gap
    {
        QString schema; // as an SQL identifier (quoted where it must be)
        QString role; // current_user, as an SQL identifier
        QString owner; // the owner of the history's meta table, as an SQL identifier; empty without a history
        bool history = false; // the schema holds a history (its meta table)
        bool usage = true; // USAGE on the schema
        bool create = false; // CREATE on the schema (may make the history, or the tables made at first use)
        QString schemaOwner; // as an SQL identifier: who may grant USAGE on it; empty when the schema does not exist
        QList<Need> missing; // on the history's existing tables (SELECT alone when the use is read-only)
        bool nothingGranted = false; // SELECT on none of them

        bool schemaExists() const { return !schemaOwner.isEmpty(); }
        bool complete() const { return usage && missing.isEmpty(); }
    };
    // readOnly: the caller only reads (history lists, audit verify --keys): SELECT is all it needs.
    static Result<Gap> inspect(const QSqlDatabase& db, bool readOnly = false);

    // GRANT statements that give gap.role what it lacks (USAGE on the schema first, when missing), one per table.
    // When more than one role has statements to run (the schema's owner for USAGE, a table made at first use by a
    // member whose role may create tables), each group follows a comment line naming its role ("-- as the role
    // NAME:"), who alone can run them; the history owner's tables come before the others'.
    // With gap.missing = needs(), what the README's team set-up runs for a group role.
    static QStringList grants(const Gap& gap);

    // Why a role with this gap may not open the history (translated: the role, what it lacks, who can grant it and
    // the statements, one per line after the first); empty when it may.
    static QString refusal(const Gap& gap, const QString& displayLocation);

    // On PostgreSQL, whether the connected role may open the history there: fails with a translated message naming
    // the role, what it lacks and who can grant it (with the statements), or that it may not make a history there.
    // A history's own checks (schema version, keys) come after this one.
    static Result<void> check(const QSqlDatabase& db, const QString& displayLocation, bool readOnly = false);
};
