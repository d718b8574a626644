#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

struct sqlite3_stmt;

// One prepared statement that runs for every verification (an INSERT, an UPDATE, a lookup by key), bound by column
// type. On SQLite it runs on SQLite's own API: the text is bound as UTF-8 and nothing goes through QVariant,
// QSqlResult's bind list or UTF-16 (which SQLite would convert back); the history writer's work per case was a
// third Qt's. Elsewhere, and when SQLite cannot prepare it, it is the same statement through Qt. Either way a column
// receives what Qt's own binding gives it: a null QString or QByteArray is NULL, any other QString is TEXT, a
// QByteArray is a BLOB.
class HotStatement
{
public:
    HotStatement(const QSqlDatabase& db, const QString& sql);
    ~HotStatement();
    HotStatement(const HotStatement&) = delete;
    HotStatement& operator=(const HotStatement&) = delete;

    void bindText(int column, const QString& value);
    void bindText(int column, QByteArrayView utf8); // never NULL
    void bindBlob(int column, const QByteArray& value);
    void bindInt(int column, qint64 value);
    void bindNull(int column);

    // Runs the statement with what is bound; false with error set on failure. Bindings are cleared afterwards.
    bool exec(QString* error);
    // Rows changed by the last exec (an INSERT or UPDATE).
    int rowsAffected() const { return m_rowsAffected; }
    // Whether the last exec gave a row (a SELECT; its values are not read).
    bool producedRow() const { return m_producedRow; }
    // Whether it runs on SQLite's own API (tests).
    bool native() const { return m_statement != nullptr; }

private:
    QSqlDatabase m_db;
    QSqlQuery m_query; // prepared only when m_statement is not
    sqlite3_stmt* m_statement = nullptr;
    int m_rowsAffected = 0;
    bool m_producedRow = false;
};
