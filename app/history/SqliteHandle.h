#pragma once

#include <QSqlDatabase>

struct sqlite3;

namespace SqliteHandle {

// The sqlite3 handle of a QSQLITE connection, for the few places that use SQLite's own API on it (SqliteRows,
// HotStatement); nullptr for any other driver, and when Qt's SQLite driver is built on another copy of SQLite than
// the one this program links (a Qt with its SQLite bundled): a handle passed between two copies of the library would
// corrupt it. The library is compared once per process, by sqlite_source_id().
sqlite3* of(const QSqlDatabase& db);

} // namespace SqliteHandle
