#pragma once

#include <QByteArray>
#include <QSqlDatabase>

#include <functional>
#include <optional>

// The stored columns of a stretch of events straight from SQLite's own API, as UTF-8 bytes (no QVariant, no
// QString, no time parsing): what makes a million-event CSV export cost about what `sqlite3 -csv` costs. Only for a
// SQLite connection whose driver hands out its sqlite3 handle; otherwise the caller reads through Qt.
namespace SqliteEventStream {

struct Row
{
    // seq, ts, actor, workstation, case_id, kind, payload, pii_digest, prev_hash, hash: views valid until visit
    // returns.
    QByteArrayView cells[10];
};

// nullopt: not available for this connection (read through Qt instead); false: a read error (message in *error);
// true: every row from firstSeq to lastSeq was visited, or visit returned false.
std::optional<bool> forEach(const QSqlDatabase& db,
    qint64 firstSeq,
    qint64 lastSeq,
    const std::function<bool(const Row&)>& visit,
    QString* error);

} // namespace SqliteEventStream
