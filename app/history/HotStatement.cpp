#include "HotStatement.h"

#include "history/SqliteHandle.h"

#include <QSqlError>
#include <QVariant>
#include <QtDebug>

#include <sqlite3.h>

#include <algorithm>

HotStatement::HotStatement(const QSqlDatabase& db, const QString& sql)
    : m_query(db)
{
    if (sqlite3* handle = SqliteHandle::of(db)) {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v3(handle, utf8.constData(), -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
                != SQLITE_OK
            || sqlite3_bind_parameter_count(m_statement) > maxParameters) {
            qWarning("history: a statement runs through Qt instead of SQLite's own API: %s", sqlite3_errmsg(handle));
            sqlite3_finalize(m_statement);
            m_statement = nullptr;
        }
    }
    if (m_statement) {
        m_parameters = sqlite3_bind_parameter_count(m_statement);
    } else {
        m_query.setForwardOnly(true);
        m_query.prepare(sql);
        // The statements here quote no '?'; past maxParameters only the first ones are checked.
        m_parameters = static_cast<int>(std::min<qsizetype>(sql.count(QLatin1Char('?')), maxParameters));
    }
}

HotStatement::~HotStatement()
{
    sqlite3_finalize(m_statement);
}

void HotStatement::bound(int column, int result)
{
    if (result == SQLITE_OK && column >= 0 && column < maxParameters)
        m_boundColumns |= quint64(1) << column;
    else if (m_bindResult == SQLITE_OK)
        m_bindResult = result == SQLITE_OK ? SQLITE_RANGE : result;
}

void HotStatement::bindText(int column, const QString& value)
{
    if (throughQt(column, value))
        return;
    if (value.isNull()) {
        bindNull(column);
        return;
    }
    // As UTF-16, like Qt: SQLite's own conversion, also of what is not valid UTF-16 (a lone surrogate in an answer).
    const auto bytes = static_cast<int>(value.size() * qsizetype(sizeof(char16_t)));
    bound(column, sqlite3_bind_text16(m_statement, column + 1, value.utf16(), bytes, SQLITE_TRANSIENT));
}

void HotStatement::bindText(int column, QByteArrayView utf8)
{
    if (!m_statement) {
        const QString value = QString::fromUtf8(utf8);
        throughQt(column, value.isNull() ? QStringLiteral("") : value);
        return;
    }
    // data() of an empty view may be null, which SQLite would bind as NULL.
    const char* data = utf8.isEmpty() ? "" : utf8.data();
    bound(column, sqlite3_bind_text(m_statement, column + 1, data, static_cast<int>(utf8.size()), SQLITE_TRANSIENT));
}

void HotStatement::bindBlob(int column, const QByteArray& value)
{
    if (throughQt(column, value))
        return;
    if (value.isNull()) {
        bindNull(column);
        return;
    }
    const auto bytes = static_cast<int>(value.size());
    bound(column, sqlite3_bind_blob(m_statement, column + 1, value.constData(), bytes, SQLITE_TRANSIENT));
}

void HotStatement::bindInt(int column, qint64 value)
{
    if (!throughQt(column, value))
        bound(column, sqlite3_bind_int64(m_statement, column + 1, value));
}

void HotStatement::bindNull(int column)
{
    if (!throughQt(column, QVariant(QMetaType::fromType<QString>())))
        bound(column, sqlite3_bind_null(m_statement, column + 1));
}

bool HotStatement::exec(QString& error)
{
    m_rowsAffected = 0;
    m_producedRow = false;
    const quint64 all = m_parameters == 0 ? 0 : (~quint64(0) >> (64 - m_parameters));
    const int bindResult = m_bindResult;
    const bool complete = m_boundColumns == all;
    m_boundColumns = 0;
    m_bindResult = SQLITE_OK;
    if (bindResult != SQLITE_OK || !complete) { // Qt's own check (SQLite) is not made on PostgreSQL: made here
        if (m_statement)
            sqlite3_clear_bindings(m_statement);
        error = bindResult != SQLITE_OK ? QString::fromUtf8(sqlite3_errstr(bindResult))
                                        : QStringLiteral("Parameter count mismatch");
        return false;
    }
    if (!m_statement) {
        const bool done = m_query.exec();
        m_rowsAffected = done ? m_query.numRowsAffected() : 0;
        m_producedRow = done && m_query.isSelect() && m_query.next();
        if (!done)
            error = m_query.lastError().text();
        m_query.finish();
        return done;
    }
    const int result = sqlite3_step(m_statement);
    sqlite3* handle = sqlite3_db_handle(m_statement);
    const bool done = result == SQLITE_DONE || result == SQLITE_ROW;
    m_rowsAffected = done ? sqlite3_changes(handle) : 0;
    m_producedRow = result == SQLITE_ROW;
    if (!done)
        error = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return done;
}
