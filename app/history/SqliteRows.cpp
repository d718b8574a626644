#include "SqliteRows.h"

#include "history/SqliteHandle.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace {

void readRow(sqlite3_stmt* statement, SqliteRows::Row& row)
{
    for (int i = 0; i < row.columns; ++i) {
        const int type = sqlite3_column_type(statement, i);
        row.null[i] = type == SQLITE_NULL;
        const void* data = type == SQLITE_BLOB ? sqlite3_column_blob(statement, i)
                                               : static_cast<const void*>(sqlite3_column_text(statement, i));
        row.cells[i] = QByteArrayView(static_cast<const char*>(data), data ? sqlite3_column_bytes(statement, i) : 0);
    }
}

bool forEachOnHandle(sqlite3* handle,
    const char* sql,
    const std::vector<qint64>& binds,
    const std::function<bool(const SqliteRows::Row&)>& visit,
    QString* error,
    int spareColumns = 0) // cells the visitor adds (an annotation)
{
    using SqliteRows::Row;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
        return false;
    }
    int index = 0;
    for (const qint64 value : binds)
        sqlite3_bind_int64(statement, ++index, value);
    Row row;
    row.columns = qMin(sqlite3_column_count(statement), int { Row::MaxColumns } - spareColumns);
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        readRow(statement, row);
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

} // namespace

std::optional<bool> SqliteRows::forEach(const QSqlDatabase& db,
    const char* sql,
    std::initializer_list<qint64> binds,
    const std::function<bool(const Row&)>& visit,
    QString* error)
{
    sqlite3* handle = SqliteHandle::of(db);
    if (!handle)
        return std::nullopt;
    return forEachOnHandle(handle, sql, std::vector<qint64>(binds), visit, error);
}

namespace {

// Rows copied out of SQLite: their cells' bytes one after the other, and where each cell starts and ends.
struct Chunk
{
    static constexpr int Rows = 4096;
    std::string bytes; // appended to cell by cell: std::string's append is a bounds check and a copy, inline
    std::vector<qsizetype> bounds; // per row: columns + 1 offsets into bytes
    std::vector<char> nulls; // per row: columns flags
    int rows = 0;
    bool annotated = false; // its rows carry the annotation; otherwise the visiting thread adds it

    void add(const SqliteRows::Row& row, const std::string* extra) // extra: one more cell, when annotated
    {
        bounds.push_back(end());
        for (int i = 0; i < row.columns; ++i) {
            if (!row.cells[i].isEmpty())
                bytes.append(row.cells[i].data(), static_cast<size_t>(row.cells[i].size()));
            bounds.push_back(end());
            nulls.push_back(row.null[i] ? 1 : 0);
        }
        if (extra) {
            bytes.append(*extra);
            bounds.push_back(end());
            nulls.push_back(0);
        }
        ++rows;
    }
    // An empty chunk with room for as much as this one holds: rows of one query are alike, so the next chunk is
    // filled without growing (and copying) its buffers on the way.
    Chunk sizedLike() const
    {
        Chunk next;
        next.bytes.reserve(bytes.size() + bytes.size() / 8);
        next.bounds.reserve(bounds.size());
        next.nulls.reserve(nulls.size());
        return next;
    }
    qsizetype end() const { return static_cast<qsizetype>(bytes.size()); }
    size_t columnsPerRow() const { return rows > 0 ? nulls.size() / static_cast<size_t>(rows) : 0; }
    void view(int index, SqliteRows::Row& row) const
    {
        const qsizetype* b = bounds.data() + qsizetype { index } * (row.columns + 1);
        for (int i = 0; i < row.columns; ++i) {
            row.cells[i] = QByteArrayView(bytes.data() + b[i], b[i + 1] - b[i]);
            row.null[i] = nulls[static_cast<size_t>(index) * static_cast<size_t>(row.columns) + i] != 0;
        }
    }
};

// The chunks between the reading thread and the visiting one; at most Depth wait.
class ChunkQueue
{
public:
    static constexpr size_t Depth = 4;

    bool push(Chunk chunk) // false: the visitor stopped
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_chunks.size() < Depth || m_stopped; });
        if (m_stopped)
            return false;
        m_chunks.push_back(std::move(chunk));
        m_changed.notify_all();
        return true;
    }
    void finish()
    {
        const std::lock_guard lock(m_mutex);
        m_done = true;
        m_changed.notify_all();
    }
    std::optional<Chunk> pop() // nullopt: no more
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_chunks.empty() || m_done; });
        if (m_chunks.empty())
            return std::nullopt;
        Chunk chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_changed.notify_all();
        return chunk;
    }
    // Chunks read and not yet taken by the visitor: none means it is waiting for (or about to wait for) the reader.
    size_t backlog()
    {
        const std::lock_guard lock(m_mutex);
        return m_chunks.size();
    }
    void stop()
    {
        const std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Chunk> m_chunks;
    bool m_done = false;
    bool m_stopped = false;
};

} // namespace

std::optional<bool> SqliteRows::forEachPrefetched(const QSqlDatabase& db,
    const char* sql,
    std::initializer_list<qint64> binds,
    const std::function<bool(const Row&)>& visit,
    QString* error,
    const Annotate& annotate,
    AnnotateOn annotateOn)
{
    sqlite3* handle = SqliteHandle::of(db);
    if (!handle)
        return std::nullopt;
    const std::vector<qint64> bound(binds);
    ChunkQueue queue;
    bool read = false;
    QString readError;
    // The annotation is shared out chunk by chunk: the reader annotates a chunk only while the visitor is well behind
    // (the queue all but full: the reader would soon wait for room); otherwise the visitor annotates the chunk as it
    // visits it. Both threads stay busy on two cores whichever side the rest of the work falls on. Annotating as soon
    // as one chunk waited made the reader the slower side of a chain verification: it hashed a quarter of a million
    // events while the visitor idled half the time (1.19-1.28 s with that rule, 0.97-0.99 s with this one, the same
    // build otherwise; TestSqliteRows::readerAnnotatesWhenTheVisitorIsBehind).
    std::thread reader([&] {
        Chunk chunk;
        std::string extra;
        read = forEachOnHandle(
            handle,
            sql,
            bound,
            [&](const Row& row) {
                if (chunk.rows == 0)
                    chunk.annotated = annotate
                        && (annotateOn == AnnotateOn::Reader
                            || (annotateOn == AnnotateOn::Either && queue.backlog() >= ChunkQueue::Depth - 1));
                if (chunk.annotated) {
                    extra.clear();
                    annotate(row, &extra);
                }
                chunk.add(row, chunk.annotated ? &extra : nullptr);
                return chunk.rows < Chunk::Rows || queue.push(std::exchange(chunk, chunk.sizedLike()));
            },
            &readError,
            annotate ? 1 : 0);
        if (chunk.rows > 0)
            queue.push(std::move(chunk));
        queue.finish();
    });
    bool visiting = true;
    Row row;
    std::string extra;
    while (std::optional<Chunk> chunk = queue.pop()) {
        const int columns = static_cast<int>(chunk->columnsPerRow());
        const bool annotateHere = annotate && !chunk->annotated;
        for (int i = 0; visiting && i < chunk->rows; ++i) {
            row.columns = columns;
            chunk->view(i, row);
            if (annotateHere) {
                extra.clear();
                annotate(row, &extra);
                row.cells[columns] = QByteArrayView(extra.data(), static_cast<qsizetype>(extra.size()));
                row.null[columns] = false;
                row.columns = columns + 1;
            }
            visiting = visit(row);
        }
        if (!visiting) {
            queue.stop();
            break;
        }
    }
    reader.join();
    if (!visiting)
        return true;
    if (!read)
        *error = readError;
    return read;
}

bool SqliteRows::forEachOrQt(const QSqlDatabase& db,
    const char* sql,
    std::initializer_list<qint64> binds,
    const std::function<bool(const Row&)>& visit,
    QString* error,
    const Annotate& annotate,
    AnnotateOn annotateOn)
{
    if (const std::optional<bool> direct = forEachPrefetched(db, sql, binds, visit, error, annotate, annotateOn))
        return *direct;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QString::fromUtf8(sql));
    int index = 0;
    for (const qint64 value : binds)
        q.bindValue(index++, value);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    Row row;
    const int columns = qMin(q.record().count(), int { Row::MaxColumns } - (annotate ? 1 : 0));
    QByteArray held[Row::MaxColumns];
    std::string extra;
    while (q.next()) {
        row.columns = columns;
        for (int i = 0; i < columns; ++i) {
            const QVariant value = q.value(i);
            row.null[i] = value.isNull();
            held[i] = value.typeId() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8();
            row.cells[i] = held[i];
        }
        if (annotate) {
            extra.clear();
            annotate(row, &extra);
            row.cells[columns] = QByteArrayView(extra.data(), static_cast<qsizetype>(extra.size()));
            row.null[columns] = false;
            row.columns = columns + 1;
        }
        if (!visit(row))
            return true;
    }
    if (q.lastError().isValid()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}
