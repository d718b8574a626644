#include "SqliteEventStream.h"

#include "history/SqliteRows.h"

std::optional<bool> SqliteEventStream::forEach(const QSqlDatabase& db,
    qint64 firstSeq,
    qint64 lastSeq,
    const std::function<bool(const Row&)>& visit,
    QString* error)
{
    Row row;
    return SqliteRows::forEach(
        db,
        "SELECT seq, ts, actor, workstation, case_id, kind, payload, pii_digest, prev_hash, hash "
        "FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq",
        { firstSeq, lastSeq },
        [&](const SqliteRows::Row& cells) {
            for (int i = 0; i < 10; ++i)
                row.cells[i] = cells.cells[i];
            return visit(row);
        },
        error);
}
