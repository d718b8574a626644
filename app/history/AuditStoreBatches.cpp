// AuditStore: the batches begun in a history, so that a list begun on one workstation is not begun again, and billed
// again, on another that shares the history. Coordination state beside the chain (like the rate budget), made at
// first use: a history written before it opens unchanged in every version.
#include "AuditStore.h"

#include "history/CanonicalEvent.h"
#include "history/EventLog.h"
#include "history/Migrations.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

const QStringList tableSql = {
    QStringLiteral("CREATE TABLE batch_lists (batch_id TEXT PRIMARY KEY, list_index TEXT NOT NULL, "
                   "started_at TEXT NOT NULL, actor TEXT NOT NULL, workstation TEXT NOT NULL, "
                   "output_path TEXT NOT NULL, training INTEGER NOT NULL, head_seq BIGINT)"),
    QStringLiteral("CREATE INDEX batch_lists_list ON batch_lists (list_index, training, started_at)"),
};

Failure cannotKeep(const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable,
        AuditStore::tr("Cannot keep the record of batches in the history: %1").arg(q.lastError().text()));
}

// Whether batch_lists has head_seq (the chain head when a batch was first claimed), which a table made by an older
// version lacks: added when this role may (the table's owner; on SQLite whoever writes the file), else left without.
// PostgreSQL: whether the batch_lists the search path finds has head_seq; and whether the current role owns it.
const QLatin1String pgHasHeadSeq("EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = "
                                 "to_regclass('batch_lists') AND attname = 'head_seq' AND NOT attisdropped)");
const QLatin1String pgOwnsBatchLists("(SELECT pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = "
                                     "to_regclass('batch_lists')) = current_user");

Result<bool> hasHeadSeq(const QSqlDatabase& db, bool postgres)
{
    QSqlQuery probe(db);
    if (!probe.exec(postgres ? QStringLiteral("SELECT %1, %2").arg(pgHasHeadSeq, pgOwnsBatchLists)
                             : QStringLiteral("SELECT COUNT(*), 1 FROM pragma_table_info('batch_lists') WHERE name = "
                                              "'head_seq'"))
        || !probe.next())
        return cannotKeep(probe);
    if (probe.value(0).toBool())
        return true;
    if (!probe.value(1).toBool())
        return false;
    probe.finish();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("ALTER TABLE batch_lists ADD COLUMN head_seq BIGINT")))
        return cannotKeep(q);
    return true;
}

// Inside the write transaction, which holds the chain head: no other workstation makes the table meanwhile. Looked
// for first, so that a database role that may not create tables, or does not own this one, still uses it once made.
// Returns whether the table has head_seq.
Result<bool> makeTable(const QSqlDatabase& db, bool postgres)
{
    QSqlQuery probe(db);
    if (!probe.exec(postgres
                ? QStringLiteral("SELECT to_regclass('batch_lists') IS NOT NULL")
                : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'batch_lists'"))
        || !probe.next())
        return cannotKeep(probe);
    if (probe.value(0).toBool()) {
        probe.finish();
        return hasHeadSeq(db, postgres);
    }
    for (const QString& sql : tableSql) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return cannotKeep(q);
    }
    return true;
}

// The batch itself as recorded (a run resumed, a claim repeated): nullopt when it is not; else the chain head's seq
// when it was first claimed, -1 when that is not known (recorded by an older version, or without head_seq).
Result<std::optional<qint64>> recorded(const QSqlDatabase& db, const QString& batchId, bool withHeadSeq)
{
    QSqlQuery q(db);
    q.prepare(withHeadSeq ? QStringLiteral("SELECT head_seq FROM batch_lists WHERE batch_id = ?")
                          : QStringLiteral("SELECT NULL FROM batch_lists WHERE batch_id = ?"));
    q.addBindValue(batchId);
    if (!q.exec())
        return cannotKeep(q);
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).isNull() ? qint64 { -1 } : q.value(0).toLongLong());
}

// The latest other batch of the list, if any.
Result<std::optional<BatchBegun>> latestOther(const QSqlDatabase& db, const BatchBegun& ours, const QString& index)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT batch_id, started_at, actor, workstation, output_path FROM batch_lists "
                             "WHERE list_index = ? AND training = ? AND batch_id <> ? ORDER BY started_at DESC "
                             "LIMIT 1"));
    q.addBindValue(index);
    q.addBindValue(ours.training ? 1 : 0);
    q.addBindValue(ours.batchId);
    if (!q.exec())
        return cannotKeep(q);
    if (!q.next())
        return std::optional<BatchBegun>();
    BatchBegun earlier;
    earlier.batchId = q.value(0).toString();
    earlier.listSha256 = ours.listSha256;
    earlier.startedAt = CanonicalEvent::parseTimestamp(q.value(1).toString());
    earlier.actor = q.value(2).toString();
    earlier.workstation = q.value(3).toString();
    earlier.outputPath = q.value(4).toString();
    earlier.training = ours.training;
    return std::optional<BatchBegun>(earlier);
}

} // namespace

void AuditStore::makeTeamTables()
{
    QSqlDatabase db = database();
    QSqlQuery probe(db);
    // Only the role that owns the history (a table belongs to the role that makes it, whoever that role is a member
    // of): a team member whose role may create tables in the schema (on PostgreSQL 14 and older every role may, in
    // public) would own them, and the history's owner could not grant on them. NULL (no meta) reads as false.
    // A batch_lists an older version made lacks head_seq: its owner adds it (makeTable), so that the team's members,
    // who may not alter it, keep their batches' heads too (one a member made stays without it).
    if (!probe.exec(QStringLiteral("SELECT has_schema_privilege(current_schema(), 'CREATE') AND (SELECT "
                                   "pg_get_userbyid(relowner) FROM pg_catalog.pg_class WHERE oid = "
                                   "to_regclass('meta')) = current_user, to_regclass('rate_budget') IS NOT NULL, "
                                   "to_regclass('batch_lists') IS NOT NULL AND (%1 OR NOT %2)")
                        .arg(pgHasHeadSeq, pgOwnsBatchLists))
        || !probe.next() || !probe.value(0).toBool() || (probe.value(1).toBool() && probe.value(2).toBool()))
        return;
    const bool rateBudgetMade = probe.value(1).toBool();
    probe.finish();
    // Holding the chain head, as a batch's claim does when it makes its table (makeTable). A booking of the rate
    // budget on another workstation may still make its table at the same moment: then this one is left to it.
    if (!SqlTransaction::begin(db, true, nullptr))
        return;
    QSqlQuery q(db);
    const bool made = q.exec(QStringLiteral("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE"))
        && makeTable(db, true).ok() && (rateBudgetMade || q.exec(rateBudgetTableSql()));
    if (made)
        SqlTransaction::commit(db, nullptr); // rolls back when it fails
    else
        SqlTransaction::rollback(db);
}

Result<BatchClaim> AuditStore::claimBatch(const Actor& actor, const BatchBegun& ours, bool checkEarlier)
{
    if (ours.batchId.isEmpty() || ours.listSha256.isEmpty())
        return Failure(ErrorCode::InvalidArgument, tr("A batch is recorded with its id and its list's digest."));
    const Result<Actor> allowed = authorize(actor, Access::Operation::VerifyCase);
    if (!allowed)
        return allowed.failure();
    BatchClaim claim;
    const QString index = QString::fromLatin1(m_vault->listIndex(ours.listSha256));
    const Result<void> written = write(*allowed, [&]() -> Result<void> {
        QSqlDatabase db = database();
        const Result<bool> withHeadSeq = makeTable(db, m_postgres);
        if (!withHeadSeq)
            return withHeadSeq.failure();
        const Result<std::optional<qint64>> ownRecorded = recorded(db, ours.batchId, *withHeadSeq);
        if (!ownRecorded)
            return ownRecorded.failure();
        if (*ownRecorded) {
            claim.headSeq = **ownRecorded;
            return {}; // begun here, and checked then: its own runs go on
        }
        if (checkEarlier) {
            Result<std::optional<BatchBegun>> found = latestOther(db, ours, index);
            if (!found)
                return found.failure();
            claim.earlier = std::move(*found);
            if (claim.earlier)
                return {};
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO batch_lists (batch_id, list_index, started_at, actor, workstation, "
                                 "output_path, training%1) VALUES (?, ?, ?, ?, ?, ?, ?%2)")
                      .arg(*withHeadSeq ? QStringLiteral(", head_seq") : QString(),
                          *withHeadSeq ? QStringLiteral(", ?") : QString()));
        q.addBindValue(ours.batchId);
        q.addBindValue(index);
        q.addBindValue(QString::fromLatin1(CanonicalEvent::timestamp(ours.startedAt)));
        q.addBindValue(allowed->name);
        q.addBindValue(allowed->workstation);
        q.addBindValue(ours.outputPath);
        q.addBindValue(ours.training ? 1 : 0);
        if (*withHeadSeq)
            q.addBindValue(m_log->headSeq());
        if (!q.exec())
            return cannotKeep(q);
        claim.headSeq = *withHeadSeq ? m_log->headSeq() : -1;
        claim.recorded = true;
        return {};
    });
    if (!written)
        return written.failure();
    return claim;
}

Result<void> AuditStore::forgetBatch(const Actor& actor, const QString& batchId)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::VerifyCase);
    if (!allowed)
        return allowed.failure();
    // Only a batch claimBatch recorded is forgotten: its table is there.
    return write(*allowed, [&]() -> Result<void> {
        QSqlQuery q(database());
        q.prepare(QStringLiteral("DELETE FROM batch_lists WHERE batch_id = ? AND actor = ?"));
        q.addBindValue(batchId);
        q.addBindValue(allowed->name);
        if (!q.exec())
            return cannotKeep(q);
        return {};
    });
}
