#include "SqliteRows.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
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

} // namespace

std::optional<bool> SqliteRows::forEach(const QSqlDatabase& db,
    const char* sql,
    std::initializer_list<qint64> binds,
    const std::function<bool(const Row&)>& visit,
    QString* error)
{
    sqlite3* handle = handleOf(db);
    if (!handle)
        return std::nullopt;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
        return false;
    }
    int index = 0;
    for (const qint64 value : binds)
        sqlite3_bind_int64(statement, ++index, value);
    Row row;
    row.columns = qMin(sqlite3_column_count(statement), int { Row::MaxColumns });
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

bool SqliteRows::forEachOrQt(const QSqlDatabase& db,
    const char* sql,
    std::initializer_list<qint64> binds,
    const std::function<bool(const Row&)>& visit,
    QString* error)
{
    if (const std::optional<bool> direct = forEach(db, sql, binds, visit, error))
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
    row.columns = qMin(q.record().count(), int { Row::MaxColumns });
    QByteArray held[Row::MaxColumns];
    while (q.next()) {
        for (int i = 0; i < row.columns; ++i) {
            const QVariant value = q.value(i);
            row.null[i] = value.isNull();
            held[i] = value.typeId() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8();
            row.cells[i] = held[i];
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
