// AuditStore: the batches begun in a history, so that a list begun on one workstation is not begun again, and billed
// again, on another that shares the history. Coordination state beside the chain (like the rate budget), made at
// first use: a history written before it opens unchanged in every version.
#include "AuditStore.h"

#include "history/CanonicalEvent.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

const QStringList tableSql = {
    QStringLiteral("CREATE TABLE IF NOT EXISTS batch_lists (batch_id TEXT PRIMARY KEY, list_sha256 TEXT NOT NULL, "
                   "started_at TEXT NOT NULL, actor TEXT NOT NULL, workstation TEXT NOT NULL, "
                   "output_path TEXT NOT NULL)"),
    QStringLiteral("CREATE INDEX IF NOT EXISTS batch_lists_list ON batch_lists (list_sha256, started_at)"),
};

Failure cannotKeep(const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable,
        AuditStore::tr("Cannot keep the record of batches in the history: %1").arg(q.lastError().text()));
}

// Inside the write transaction, which holds the chain head: no other workstation makes the table meanwhile.
Result<void> makeTable(const QSqlDatabase& db)
{
    for (const QString& sql : tableSql) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return cannotKeep(q);
    }
    return {};
}

// The latest other batch of the list, if any.
Result<std::optional<BatchBegun>> latestOther(const QSqlDatabase& db, const BatchBegun& ours)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT batch_id, started_at, actor, workstation, output_path FROM batch_lists "
                             "WHERE list_sha256 = ? AND batch_id <> ? ORDER BY started_at DESC LIMIT 1"));
    q.addBindValue(QString::fromLatin1(ours.listSha256));
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
    return std::optional<BatchBegun>(earlier);
}

} // namespace

Result<std::optional<BatchBegun>> AuditStore::claimBatch(const Actor& actor, const BatchBegun& ours, bool checkEarlier)
{
    if (ours.batchId.isEmpty() || ours.listSha256.isEmpty())
        return Failure(ErrorCode::InvalidArgument, tr("A batch is recorded with its id and its list's digest."));
    const Result<Actor> allowed = authorize(actor, Access::Operation::VerifyCase);
    if (!allowed)
        return allowed.failure();
    std::optional<BatchBegun> earlier;
    const Result<void> written = write(*allowed, [&]() -> Result<void> {
        QSqlDatabase db = database();
        if (Result<void> made = makeTable(db); !made)
            return made;
        if (checkEarlier) {
            Result<std::optional<BatchBegun>> found = latestOther(db, ours);
            if (!found)
                return found.failure();
            earlier = std::move(*found);
            if (earlier)
                return {};
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO batch_lists (batch_id, list_sha256, started_at, actor, workstation, "
                                 "output_path) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (batch_id) DO UPDATE SET "
                                 "list_sha256 = excluded.list_sha256, started_at = excluded.started_at, "
                                 "actor = excluded.actor, workstation = excluded.workstation, "
                                 "output_path = excluded.output_path"));
        q.addBindValue(ours.batchId);
        q.addBindValue(QString::fromLatin1(ours.listSha256));
        q.addBindValue(QString::fromLatin1(CanonicalEvent::timestamp(ours.startedAt)));
        q.addBindValue(allowed->name);
        q.addBindValue(allowed->workstation);
        q.addBindValue(ours.outputPath);
        if (!q.exec())
            return cannotKeep(q);
        return {};
    });
    if (!written)
        return written.failure();
    return earlier;
}

Result<void> AuditStore::forgetBatch(const Actor& actor, const QString& batchId)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::VerifyCase);
    if (!allowed)
        return allowed.failure();
    return write(*allowed, [&]() -> Result<void> {
        QSqlDatabase db = database();
        if (Result<void> made = makeTable(db); !made)
            return made;
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM batch_lists WHERE batch_id = ?"));
        q.addBindValue(batchId);
        if (!q.exec())
            return cannotKeep(q);
        return {};
    });
}
