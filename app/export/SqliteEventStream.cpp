#include "SqliteEventStream.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>

namespace {

sqlite3* handleOf(const QSqlDatabase& db)
{
    if (db.driverName() != QLatin1String("QSQLITE") || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

} // namespace

std::optional<bool> SqliteEventStream::forEach(const QSqlDatabase& db,
    qint64 firstSeq,
    qint64 lastSeq,
    const std::function<bool(const Row&)>& visit,
    QString* error)
{
    sqlite3* handle = handleOf(db);
    if (!handle)
        return std::nullopt;
    static const char sql[] = "SELECT seq, ts, actor, workstation, case_id, kind, payload, pii_digest, prev_hash, hash "
                              "FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq";
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
        return false;
    }
    sqlite3_bind_int64(statement, 1, firstSeq);
    sqlite3_bind_int64(statement, 2, lastSeq);
    Row row;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        for (int i = 0; i < 10; ++i) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
            row.cells[i] = QByteArrayView(text, text ? sqlite3_column_bytes(statement, i) : 0);
        }
        if (!visit(row)) {
            step = SQLITE_DONE;
            break;
        }
    }
    const bool ok = step == SQLITE_DONE;
    if (!ok)
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(statement);
    return ok;
}
