#include "HotStatement.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>

namespace {

sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    if (db.driverName() != QLatin1String("QSQLITE") || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

} // namespace

HotStatement::HotStatement(const QSqlDatabase& db, const QString& sql)
    : m_db(db)
    , m_query(db)
{
    if (sqlite3* handle = sqliteHandle(db)) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(handle, utf8.constData(), -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
            != SQLITE_OK) {
            sqlite3_finalize(m_statement);
            m_statement = nullptr;
        }
    }
    if (!m_statement) {
        m_query.setForwardOnly(true);
        m_query.prepare(sql);
    }
}

HotStatement::~HotStatement()
{
    sqlite3_finalize(m_statement);
}

void HotStatement::bindText(int column, const QString& value)
{
    if (!m_statement) {
        m_query.bindValue(column, value);
        return;
    }
    if (value.isNull()) {
        sqlite3_bind_null(m_statement, column + 1);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_statement, column + 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

void HotStatement::bindText(int column, QByteArrayView utf8)
{
    if (!m_statement) {
        const QString value = QString::fromUtf8(utf8);
        m_query.bindValue(column, value.isNull() ? QStringLiteral("") : value);
        return;
    }
    // data() of an empty view may be null, which SQLite would bind as NULL.
    const char* data = utf8.isEmpty() ? "" : utf8.data();
    sqlite3_bind_text(m_statement, column + 1, data, static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

void HotStatement::bindBlob(int column, const QByteArray& value)
{
    if (!m_statement) {
        m_query.bindValue(column, value);
        return;
    }
    if (value.isNull()) {
        sqlite3_bind_null(m_statement, column + 1);
        return;
    }
    sqlite3_bind_blob(m_statement, column + 1, value.constData(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
}

void HotStatement::bindInt(int column, qint64 value)
{
    if (!m_statement) {
        m_query.bindValue(column, value);
        return;
    }
    sqlite3_bind_int64(m_statement, column + 1, value);
}

void HotStatement::bindNull(int column)
{
    if (!m_statement) {
        m_query.bindValue(column, QVariant(QMetaType::fromType<QString>()));
        return;
    }
    sqlite3_bind_null(m_statement, column + 1);
}

bool HotStatement::exec(QString* error)
{
    if (!m_statement) {
        const bool done = m_query.exec();
        m_rowsAffected = done ? m_query.numRowsAffected() : 0;
        m_producedRow = done && m_query.isSelect() && m_query.next();
        if (!done)
            *error = m_query.lastError().text();
        m_query.finish();
        return done;
    }
    const int result = sqlite3_step(m_statement);
    sqlite3* handle = sqlite3_db_handle(m_statement);
    const bool done = result == SQLITE_DONE || result == SQLITE_ROW;
    m_rowsAffected = done ? sqlite3_changes(handle) : 0;
    m_producedRow = result == SQLITE_ROW;
    if (!done)
        *error = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return done;
}
