#include "Migrations.h"

#include "history/CanonicalEvent.h"
#include "history/ChainSigner.h"
#include "history/Dashboard.h"
#include "history/Review.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace SqlTransaction {

bool begin(QSqlDatabase& db, bool postgres, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(postgres ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE")))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

bool commit(QSqlDatabase& db, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("COMMIT")))
        return true;
    if (error)
        *error = q.lastError().text();
    rollback(db);
    return false;
}

void rollback(QSqlDatabase& db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("ROLLBACK"));
}

} // namespace SqlTransaction

namespace {

QString genesis()
{
    return QString::fromLatin1(CanonicalEvent::genesisHash());
}

QStringList appendOnlyGuardsSqlite()
{
    return {
        QStringLiteral("CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
                       "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"),
        QStringLiteral("CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
                       "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"),
    };
}

QStringList appendOnlyGuardsPostgres()
{
    return {
        QStringLiteral("CREATE OR REPLACE FUNCTION ekyc_events_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN RAISE EXCEPTION 'audit events are append-only'; END $$"),
        QStringLiteral("CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events "
                       "FOR EACH ROW EXECUTE FUNCTION ekyc_events_append_only()"),
    };
}

// Version 3: case records are never deleted (the retention purge only clears their PII columns), and on PostgreSQL
// TRUNCATE, which skips row-level triggers, is refused on events and cases.
QStringList projectionGuardsSqlite()
{
    return {
        QStringLiteral("CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases "
                       "BEGIN SELECT RAISE(ABORT, 'case records are never deleted'); END"),
    };
}

QStringList projectionGuardsPostgres()
{
    return {
        QStringLiteral("CREATE OR REPLACE FUNCTION ekyc_cases_no_delete() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN RAISE EXCEPTION 'case records are never deleted'; END $$"),
        QStringLiteral("CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases "
                       "FOR EACH ROW EXECUTE FUNCTION ekyc_cases_no_delete()"),
        QStringLiteral("CREATE TRIGGER cases_no_truncate BEFORE TRUNCATE ON cases "
                       "FOR EACH STATEMENT EXECUTE FUNCTION ekyc_cases_no_delete()"),
        QStringLiteral("CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
                       "FOR EACH STATEMENT EXECUTE FUNCTION ekyc_events_append_only()"),
    };
}

// Version 4: the first seq whose case times are exact (see Migrations::exactTimesVersion). On PostgreSQL the chain
// head is locked first, so a writer of the previous version still running elsewhere cannot append between the read
// of the head and the commit of the step.
QStringList exactTimesSqlite()
{
    return {
        QStringLiteral("INSERT INTO meta (key, value) SELECT '%1', CAST(seq + 1 AS TEXT) FROM chain_head WHERE id = 1")
            .arg(QLatin1String(Migrations::exactTimesKey)),
    };
}

QStringList exactTimesPostgres()
{
    return QStringList { QStringLiteral("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE") } + exactTimesSqlite();
}

// Version 9: signatures (ChainSigner). The chain head carries the signature of the history's key, written with every
// write; meta.signed_from_seq is the first seq written by a signing version (the head + 1 when the step ran), from
// which a checkpoint must follow every event whose seq is a multiple of the checkpoint interval. The public key itself
// is recorded in meta.signing_key by the first open that has the keys (AuditStore), which also signs the head as it
// stands.
QStringList signingSqlite()
{
    return {
        QStringLiteral("ALTER TABLE chain_head ADD COLUMN signature TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("INSERT INTO meta (key, value) SELECT 'signed_from_seq', CAST(seq + 1 AS TEXT) FROM chain_head "
                       "WHERE id = 1"),
    };
}

QStringList signingPostgres()
{
    return QStringList { QStringLiteral("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE") } + signingSqlite();
}

// Version 10: the checkpoint interval, read by every writer with the chain head (see ChainSigner). Its value is also
// carried and signed by every checkpoint written from meta.interval_from_seq on, which is what ChainVerifier trusts.
QStringList checkpointIntervalSqlite()
{
    return {
        QStringLiteral("ALTER TABLE chain_head ADD COLUMN checkpoint_interval INTEGER NOT NULL DEFAULT %1")
            .arg(ChainSigner::DefaultCheckpointInterval),
        QStringLiteral("INSERT INTO meta (key, value) SELECT '%1', CAST(seq + 1 AS TEXT) FROM chain_head WHERE id = 1")
            .arg(QLatin1String(Migrations::intervalFromSeqKey)),
    };
}

QStringList checkpointIntervalPostgres()
{
    return QStringList { QStringLiteral("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE") }
    + checkpointIntervalSqlite();
}

// Version 5: the people who sign in. An account is never deleted (a disabled one keeps its history); every change
// to it is also an event in the chain.
QStringList accountsSqlite()
{
    return {
        QStringLiteral("CREATE TABLE accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, "
                       "disabled INTEGER NOT NULL DEFAULT 0, locked_at TEXT, failures TEXT NOT NULL DEFAULT '', "
                       "created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts "
                       "BEGIN SELECT RAISE(ABORT, 'accounts are never deleted'); END"),
    };
}

QStringList accountsPostgres()
{
    return {
        QStringLiteral("CREATE TABLE accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, "
                       "disabled INTEGER NOT NULL DEFAULT 0, locked_at TEXT, failures TEXT NOT NULL DEFAULT '', "
                       "created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE OR REPLACE FUNCTION ekyc_accounts_no_delete() RETURNS trigger LANGUAGE plpgsql AS "
                       "$$ BEGIN RAISE EXCEPTION 'accounts are never deleted'; END $$"),
        QStringLiteral("CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts "
                       "FOR EACH ROW EXECUTE FUNCTION ekyc_accounts_no_delete()"),
        QStringLiteral("CREATE TRIGGER accounts_no_truncate BEFORE TRUNCATE ON accounts "
                       "FOR EACH STATEMENT EXECUTE FUNCTION ekyc_accounts_no_delete()"),
    };
}

// Version 6: manual review. One row per reviewed case (the queue reads it through reviews_queue, oldest first,
// without sorting), the encrypted notes and file names the review_action events refer to, the reason codes, and
// the team's review policy.
QStringList reviewTables(bool postgres)
{
    const QString blob = postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    QStringList sql = {
        QStringLiteral("CREATE TABLE reviews (case_id TEXT PRIMARY KEY, state TEXT NOT NULL, active INTEGER NOT NULL, "
                       "assignee TEXT NOT NULL DEFAULT '', escalated INTEGER NOT NULL DEFAULT 0, "
                       "opened_by TEXT NOT NULL, opened_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
                       "proposed_by TEXT NOT NULL DEFAULT '', proposed_decision TEXT NOT NULL DEFAULT '', "
                       "proposed_reason TEXT NOT NULL DEFAULT '', decision TEXT NOT NULL DEFAULT '', "
                       "decision_reason TEXT NOT NULL DEFAULT '', decided_by TEXT NOT NULL DEFAULT '', "
                       "approved_by TEXT NOT NULL DEFAULT '', decided_at TEXT)"),
        QStringLiteral("CREATE INDEX reviews_queue ON reviews (active, opened_at, case_id)"),
        QStringLiteral("CREATE INDEX reviews_assignee ON reviews (assignee, active, opened_at)"),
        QStringLiteral("CREATE TABLE review_texts (text_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, text_enc %1, "
                       "purged_at TEXT)")
            .arg(blob),
        QStringLiteral("CREATE INDEX review_texts_case ON review_texts (case_id)"),
        QStringLiteral("CREATE TABLE review_reasons (code TEXT PRIMARY KEY, label TEXT NOT NULL, "
                       "active INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("INSERT INTO meta (key, value) VALUES ('review_four_eyes', '1')"),
        QStringLiteral("INSERT INTO meta (key, value) VALUES ('review_sla_hours', '24')"),
    };
    int position = 0;
    for (const ReviewReason& reason : ReviewReason::defaults()) {
        sql << QStringLiteral("INSERT INTO review_reasons (code, label, active, position) VALUES ('%1', '%2', 1, %3)")
                   .arg(reason.code, QString(reason.label).replace(QLatin1Char('\''), QStringLiteral("''")))
                   .arg(++position);
    }
    if (postgres) {
        sql << QStringLiteral("CREATE OR REPLACE FUNCTION ekyc_reviews_no_delete() RETURNS trigger LANGUAGE plpgsql "
                              "AS $$ BEGIN RAISE EXCEPTION 'reviews are never deleted'; END $$")
            << QStringLiteral("CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews "
                              "FOR EACH ROW EXECUTE FUNCTION ekyc_reviews_no_delete()")
            << QStringLiteral("CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews "
                              "FOR EACH STATEMENT EXECUTE FUNCTION ekyc_reviews_no_delete()")
            << QStringLiteral("CREATE TRIGGER review_texts_no_delete BEFORE DELETE ON review_texts "
                              "FOR EACH ROW EXECUTE FUNCTION ekyc_reviews_no_delete()")
            << QStringLiteral("CREATE TRIGGER review_texts_no_truncate BEFORE TRUNCATE ON review_texts "
                              "FOR EACH STATEMENT EXECUTE FUNCTION ekyc_reviews_no_delete()")
            << QStringLiteral("CREATE TRIGGER review_reasons_no_delete BEFORE DELETE ON review_reasons "
                              "FOR EACH ROW EXECUTE FUNCTION ekyc_reviews_no_delete()");
    } else {
        sql << QStringLiteral("CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews "
                              "BEGIN SELECT RAISE(ABORT, 'reviews are never deleted'); END")
            << QStringLiteral("CREATE TRIGGER review_texts_no_delete BEFORE DELETE ON review_texts "
                              "BEGIN SELECT RAISE(ABORT, 'review notes are never deleted'); END")
            << QStringLiteral("CREATE TRIGGER review_reasons_no_delete BEFORE DELETE ON review_reasons "
                              "BEGIN SELECT RAISE(ABORT, 'reason codes are retired, never deleted'); END");
    }
    return sql;
}

// Version 8: the dashboard. dashboard_hours keeps, per UTC hour, reviewer and training flag, how many cases are in each
// outcome now (the columns of DashboardCounts, classified by Dashboard::outcomeCases): a trigger on the cases table
// moves a case from one count to another in the same transaction as its write, so the aggregates stay exact; the
// step fills them from the cases already there. A year is then at most 8,760 rows per reviewer, read in key order.
QString dashboardCountsOf(const QString& row)
{
    QStringList values;
    for (const QString& condition : Dashboard::outcomeConditions(row + QLatin1Char('.')))
        values << QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(condition);
    return values.join(QLatin1String(", "));
}

// On SQLite without rowid, so the primary key is the table and a range of it is read without lookups.
QString dashboardTable(bool postgres)
{
    QStringList columns;
    for (const QString& column : Dashboard::countColumns())
        columns << column + QStringLiteral(" INTEGER NOT NULL DEFAULT 0");
    return QStringLiteral("CREATE TABLE dashboard_hours (training INTEGER NOT NULL, hour TEXT NOT NULL, actor TEXT NOT "
                          "NULL, %1, PRIMARY KEY (training, hour, actor))%2")
        .arg(columns.join(QLatin1String(", ")), postgres ? QString() : QStringLiteral(" WITHOUT ROWID"));
}

QString dashboardFill()
{
    QStringList sums;
    for (const QString& condition : Dashboard::outcomeConditions(QString()))
        sums << QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(condition);
    return QStringLiteral(
        "INSERT INTO dashboard_hours (training, hour, actor, %1) SELECT training, "
        "substr(created_at, 1, 13), actor, %2 FROM cases GROUP BY training, substr(created_at, 1, 13), "
        "actor")
        .arg(Dashboard::countColumns().join(QLatin1String(", ")), sums.join(QLatin1String(", ")));
}

// Adds (sign "+") or takes away ("-") the case in row ("NEW", "OLD") to or from its hour's counts.
QString dashboardAdd(const QString& row)
{
    QStringList updates;
    for (const QString& column : Dashboard::countColumns())
        updates << QStringLiteral("%1 = dashboard_hours.%1 + excluded.%1").arg(column);
    return QStringLiteral("INSERT INTO dashboard_hours (training, hour, actor, %1) VALUES (%2.training, "
                          "substr(%2.created_at, 1, 13), %2.actor, %3) ON CONFLICT (training, hour, actor) DO UPDATE "
                          "SET %4")
        .arg(Dashboard::countColumns().join(QLatin1String(", ")),
            row,
            dashboardCountsOf(row),
            updates.join(QLatin1String(", ")));
}

QString dashboardRemove(const QString& row)
{
    const QStringList columns = Dashboard::countColumns();
    const QStringList conditions = Dashboard::outcomeConditions(row + QLatin1Char('.'));
    QStringList updates;
    for (qsizetype i = 0; i < columns.size(); ++i)
        updates << QStringLiteral("%1 = %1 - CASE WHEN %2 THEN 1 ELSE 0 END").arg(columns.at(i), conditions.at(i));
    return QStringLiteral("UPDATE dashboard_hours SET %1 WHERE training = %2.training AND hour = "
                          "substr(%2.created_at, 1, 13) AND actor = %2.actor")
        .arg(updates.join(QLatin1String(", ")), row);
}

const char dashboardWatched[] = "state, sub_code, passed, created_at, actor, training";

QStringList dashboardSqlite()
{
    return {
        dashboardTable(false),
        dashboardFill(),
        QStringLiteral("CREATE TRIGGER cases_dashboard_insert AFTER INSERT ON cases BEGIN %1; END")
            .arg(dashboardAdd(QStringLiteral("NEW"))),
        QStringLiteral("CREATE TRIGGER cases_dashboard_update AFTER UPDATE OF %1 ON cases BEGIN %2; %3; END")
            .arg(QLatin1String(dashboardWatched),
                dashboardRemove(QStringLiteral("OLD")),
                dashboardAdd(QStringLiteral("NEW"))),
    };
}

QStringList dashboardPostgres()
{
    return {
        dashboardTable(true),
        dashboardFill(),
        QStringLiteral("CREATE OR REPLACE FUNCTION ekyc_cases_dashboard() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       "IF TG_OP = 'UPDATE' THEN %1; END IF; %2; RETURN NULL; END $$")
            .arg(dashboardRemove(QStringLiteral("OLD")), dashboardAdd(QStringLiteral("NEW"))),
        QStringLiteral("CREATE TRIGGER cases_dashboard AFTER INSERT OR UPDATE OF %1 ON cases FOR EACH ROW EXECUTE "
                       "FUNCTION ekyc_cases_dashboard()")
            .arg(QLatin1String(dashboardWatched)),
    };
}

QStringList indexes()
{
    return {
        QStringLiteral("CREATE INDEX events_ts ON events (ts)"),
        QStringLiteral("CREATE INDEX events_actor ON events (actor)"),
        QStringLiteral("CREATE INDEX events_case ON events (case_id)"),
        QStringLiteral("CREATE INDEX events_kind ON events (kind)"),
        QStringLiteral("CREATE INDEX cases_created ON cases (created_at, case_id)"),
        QStringLiteral("CREATE INDEX cases_actor ON cases (actor, created_at)"),
        QStringLiteral("CREATE INDEX cases_sub_code ON cases (sub_code, created_at)"),
        QStringLiteral("CREATE INDEX cases_state ON cases (state, created_at)"),
        QStringLiteral("CREATE INDEX cases_scene ON cases (scene_code, created_at)"),
        QStringLiteral("CREATE INDEX cases_id_index ON cases (id_index)"),
    };
}

// Version 7: the history browser's columns and searches. A case keeps the error kind, the service's error code and
// the RequestId of its last completion (filled from the case_completed events already written), and each account
// its saved filters (not part of the chain: preferences, not records).
QStringList browserColumns(bool postgres)
{
    const QString lastCompletion = postgres
        ? QStringLiteral("(SELECT e.payload::jsonb ->> '%1' FROM events e WHERE e.case_id = cases.case_id AND "
                         "e.kind = 'case_completed' ORDER BY e.seq DESC LIMIT 1)")
        : QStringLiteral("(SELECT json_extract(e.payload, '$.%1') FROM events e WHERE e.case_id = cases.case_id AND "
                         "e.kind = 'case_completed' ORDER BY e.seq DESC LIMIT 1)");
    return {
        QStringLiteral("ALTER TABLE cases ADD COLUMN error_kind TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE cases ADD COLUMN error_code TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE cases ADD COLUMN request_id TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("UPDATE cases SET error_kind = COALESCE(%1, ''), request_id = COALESCE(%2, '') "
                       "WHERE state <> 'pending'")
            .arg(lastCompletion.arg(QStringLiteral("error")), lastCompletion.arg(QStringLiteral("requestId"))),
        QStringLiteral("UPDATE cases SET error_code = COALESCE(%1, '') WHERE error_kind <> ''")
            .arg(lastCompletion.arg(QStringLiteral("code"))),
        QStringLiteral("CREATE INDEX cases_error_kind ON cases (error_kind, created_at)"),
        QStringLiteral("CREATE INDEX cases_merchant ON cases (merchant_biz_id)"),
        QStringLiteral("CREATE INDEX cases_request ON cases (request_id)"),
        QStringLiteral("CREATE INDEX reviews_state ON reviews (state)"),
        QStringLiteral("CREATE TABLE saved_filters (account TEXT NOT NULL, name TEXT NOT NULL, query TEXT NOT NULL, "
                       "updated_at TEXT NOT NULL, PRIMARY KEY (account, name))"),
    };
}

QStringList tables(bool postgres)
{
    const QString seqType = postgres ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER");
    const QString blob = postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    return {
        QStringLiteral("CREATE TABLE chain_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq %1 NOT NULL, "
                       "hash TEXT NOT NULL)")
            .arg(seqType),
        QStringLiteral("INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '%1')").arg(genesis()),
        QStringLiteral("CREATE TABLE events (seq %1 PRIMARY KEY, ts TEXT NOT NULL, actor TEXT NOT NULL, "
                       "workstation TEXT NOT NULL, case_id TEXT NOT NULL, kind TEXT NOT NULL, payload TEXT NOT NULL, "
                       "pii_digest TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)")
            .arg(seqType),
        QStringLiteral("CREATE TABLE cases (case_id TEXT PRIMARY KEY, created_at TEXT NOT NULL, "
                       "updated_at TEXT NOT NULL, actor TEXT NOT NULL, workstation TEXT NOT NULL, "
                       "merchant_biz_id TEXT NOT NULL, scene_code TEXT NOT NULL, state TEXT NOT NULL, "
                       "sub_code TEXT NOT NULL DEFAULT '', passed INTEGER, training INTEGER NOT NULL, "
                       "attempts INTEGER NOT NULL DEFAULT 0, name_enc %1, id_enc %1, name_masked TEXT, "
                       "id_masked TEXT, id_index TEXT, purged_at TEXT)")
            .arg(blob),
    };
}

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

const QList<Migrations::Step>& Migrations::steps()
{
    static const QList<Step> all = {
        { 1, tables(false), tables(true) },
        { 2, indexes() + appendOnlyGuardsSqlite(), indexes() + appendOnlyGuardsPostgres() },
        { 3, projectionGuardsSqlite(), projectionGuardsPostgres() },
        { exactTimesVersion, exactTimesSqlite(), exactTimesPostgres() },
        { 5, accountsSqlite(), accountsPostgres() },
        { 6, reviewTables(false), reviewTables(true) },
        { 7, browserColumns(false), browserColumns(true) },
        { 8, dashboardSqlite(), dashboardPostgres() },
        { signedVersion, signingSqlite(), signingPostgres() },
        { checkpointIntervalVersion, checkpointIntervalSqlite(), checkpointIntervalPostgres() },
    };
    return all;
}

int Migrations::latestVersion()
{
    return steps().constLast().version;
}

int Migrations::currentVersion(QSqlDatabase& db, bool postgres, QString* error)
{
    QSqlQuery q(db);
    const QString exists = postgres
        // pg_tables, not information_schema.tables, which leaves out the tables the role may not use.
        ? QStringLiteral("SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() "
                         "AND tablename = 'meta'")
        : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    if (!q.exec(exists) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    if (q.value(0).toInt() == 0)
        return 0;
    q.finish();
    if (!q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"))) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

namespace {

QString notAHistory(const QString& path, const QString& why)
{
    return Migrations::tr("%1 is not an eKYC Desk history (%2), and it was left untouched. Give the location of a "
                          "history, or a path where no file exists yet to start a new one.")
        .arg(path, why);
}

// The schema version read over a read-only connection of its own; -1 with *error when it cannot be read.
int readOnlyVersion(const QString& path, QString* error)
{
    const QString name = QStringLiteral("ekyc-probe-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=30000"));
        if (db.open())
            version = Migrations::currentVersion(db, false, error);
        else
            *error = db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

} // namespace

QString Migrations::checkExistingFile(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return notAHistory(path, tr("it is not a file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(path, file.errorString());
    const QByteArray header = file.read(16);
    file.close();
    if (header.isEmpty())
        return notAHistory(path, tr("the file is empty"));
    if (header != QByteArray("SQLite format 3", 16))
        return notAHistory(path, tr("it is not a SQLite database"));
    QString detail;
    const int version = readOnlyVersion(path, &detail);
    if (version < 0)
        return tr("Cannot read %1: %2").arg(path, detail);
    if (version == 0)
        return notAHistory(path, tr("a SQLite database without the eKYC Desk schema"));
    return {};
}

namespace {

// Empty when the connected role may upgrade the PostgreSQL history (it owns the tables, or is a superuser); else why
// not, translated. A team member's own role is told to leave it to the owner instead of failing half-way with "must
// be owner of table"; a member of the owner's role too, since the tables an upgrade makes would be the member's.
QString upgradeRefusal(const QSqlDatabase& db, int version, int latest)
{
    QSqlQuery q(db);
    if (!q.exec(
            QStringLiteral("SELECT quote_ident(pg_get_userbyid(c.relowner)), pg_get_userbyid(c.relowner) = "
                           "current_user OR (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user), "
                           "quote_ident(current_user) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                           "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = 'meta'"))
        || !q.next() || q.value(1).toBool())
        return {}; // the upgrade itself reports what else goes wrong
    return Migrations::tr("This history has schema version %1 and this version of eKYC Desk uses %2. The upgrade "
                          "changes its tables, which only their owner may do: open it once with the database role %3, "
                          "then again as %4.")
        .arg(version)
        .arg(latest)
        .arg(q.value(0).toString(), q.value(2).toString());
}

} // namespace

bool Migrations::run(QSqlDatabase& db, bool postgres, QString* error, const QList<Step>& steps)
{
    const int latest = steps.isEmpty() ? 0 : steps.constLast().version;
    QString detail;
    int version = currentVersion(db, postgres, &detail);
    if (version < 0) {
        if (error)
            *error = tr("Cannot read the history schema version: %1").arg(detail);
        return false;
    }
    if (version > latest) {
        if (error)
            *error = tr("This history has schema version %1, written by a newer version of eKYC Desk (this one "
                        "knows up to %2). Update eKYC Desk.")
                         .arg(version)
                         .arg(latest);
        return false;
    }
    if (postgres && version > 0 && version < latest) {
        const QString refusal = upgradeRefusal(db, version, latest);
        if (!refusal.isEmpty()) {
            if (error)
                *error = refusal;
            return false;
        }
    }
    for (const Step& step : steps) {
        if (step.version <= version)
            continue;
        if (!SqlTransaction::begin(db, postgres, &detail)) {
            if (error)
                *error = tr("Cannot start migration to schema version %1: %2").arg(step.version).arg(detail);
            return false;
        }
        bool ok = true;
        if (postgres) {
            // Two workstations opening a fresh shared history at once: the second waits here, then sees the new
            // version and skips the step.
            ok = exec(db,
                QStringLiteral("SELECT pg_advisory_xact_lock(hashtext('ekyc-desk-migrate:' || current_schema()))"),
                &detail);
        }
        ok = ok
            && exec(db,
                QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                &detail);
        const int now = ok ? currentVersion(db, postgres, &detail) : -1;
        if (now < 0) {
            ok = false;
        } else if (now >= step.version) {
            SqlTransaction::rollback(db);
            version = now;
            continue;
        }
        for (const QString& sql : postgres ? step.postgres : step.sqlite) {
            if (!ok)
                break;
            ok = exec(db, sql, &detail);
        }
        if (ok) {
            QSqlQuery q(db);
            q.prepare(now == 0 ? QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', :v)")
                               : QStringLiteral("UPDATE meta SET value = :v WHERE key = 'schema_version'"));
            q.bindValue(QStringLiteral(":v"), QString::number(step.version));
            ok = q.exec();
            if (!ok)
                detail = q.lastError().text();
        }
        if (ok)
            ok = SqlTransaction::commit(db, &detail);
        else
            SqlTransaction::rollback(db);
        if (!ok) {
            if (error)
                *error =
                    tr("Migration to schema version %1 failed and was rolled back: %2").arg(step.version).arg(detail);
            return false;
        }
        version = step.version;
    }
    return true;
}
