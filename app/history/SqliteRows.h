#pragma once

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>

// Rows of a query straight from SQLite's own API, as bytes (no QVariant, no QString, no UTF-16): what lets a
// million-event export or chain verification cost about what the `sqlite3` shell costs. Only for a SQLite connection
// whose driver hands out its sqlite3 handle; otherwise the caller reads through Qt.
namespace SqliteRows {

// One row: the UTF-8 text (or blob bytes, or an integer's decimal digits) of each column, valid until visit returns.
struct Row
{
    static constexpr int MaxColumns = 24;
    QByteArrayView cells[MaxColumns];
    bool null[MaxColumns] = {};
    int columns = 0;
};

// Runs sql with the integer parameters binds and visits each row. nullopt: not available for this connection (read
// through Qt instead); false: an error (message in *error); true: every row was visited, or visit returned false.
std::optional<bool> forEach(const QSqlDatabase& db,
    const char* sql,
    std::initializer_list<qint64> binds,
    const std::function<bool(const Row&)>& visit,
    QString* error);

// Work for each row before visit sees it: what it appends to *extra becomes one more cell at the end of the row
// (cells[columns - 1]; the query's own columns come first). Prefetched, it runs on whichever thread has room for it
// (the reading one or the visiting one, chunk by chunk), so per-row work that needs no other row (a hash) is shared
// between two cores; it must be safe to run on both threads at once. The extra cell takes the place of the last of
// Row::MaxColumns: a query read with an annotation may have at most MaxColumns - 1 columns.
using Annotate = std::function<void(const Row& row, std::string* extra)>;

// Where a prefetched read annotates its rows: shared chunk by chunk as the work falls (Either, what readers use), or
// all on the reading thread or all on the visiting one (for tests, which must see each path deterministically).
enum class AnnotateOn
{
    Either,
    Reader,
    Visitor,
};

// As forEach, with SQLite's stepping and decoding on a thread of its own, a few thousand rows ahead of visit (which
// runs on the caller's thread), and annotate on either (see Annotate): on two cores the reading costs the caller
// next to nothing. The connection is used by that thread only until this returns; nothing else may use it meanwhile.
std::optional<bool> forEachPrefetched(const QSqlDatabase& db,
    const char* sql,
    std::initializer_list<qint64> binds,
    const std::function<bool(const Row&)>& visit,
    QString* error,
    const Annotate& annotate = {},
    AnnotateOn annotateOn = AnnotateOn::Either);

// As forEachPrefetched, through QSqlQuery when SQLite's API is not available (PostgreSQL): the same rows, the same
// bytes (text as UTF-8, bytea and blobs as they are); annotate then runs on the caller's thread. sql uses ?
// placeholders. False (and *error) on an error.
bool forEachOrQt(const QSqlDatabase& db,
    const char* sql,
    std::initializer_list<qint64> binds,
    const std::function<bool(const Row&)>& visit,
    QString* error,
    const Annotate& annotate = {},
    AnnotateOn annotateOn = AnnotateOn::Either);

} // namespace SqliteRows
