#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

struct sqlite3_stmt;

// One prepared statement that runs for every verification (an INSERT, an UPDATE, a lookup by key), bound by column
// type. On SQLite it runs on SQLite's own API: nothing goes through QVariant or QSqlResult's bind list, and bytes
// already UTF-8 (an event's payload, its hashes) are bound as they are instead of as UTF-16 that SQLite converts
// back; Qt's binding had been a third of the history writer's work per case. Elsewhere, and when SQLite cannot
// prepare it, it is the same statement through Qt. Either way a column receives what Qt's own binding gives it: a
// null QString or QByteArray is NULL, any other QString is TEXT (bound as UTF-16, as Qt does), a QByteArray a BLOB.
// Every parameter must be bound before each exec, as Qt requires too: one left out, or a bind SQLite refused, fails
// the exec instead of storing NULL.
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
    bool exec(QString& error);
    // Rows changed by the last exec (an INSERT or UPDATE).
    int rowsAffected() const { return m_rowsAffected; }
    // Whether the last exec gave a row (a SELECT; its values are not read).
    bool producedRow() const { return m_producedRow; }
    // Whether it runs on SQLite's own API.
    bool native() const { return m_statement != nullptr; }

private:
    static constexpr int maxParameters = 64;
    void bound(int column, int result);
    // On the Qt path, binds value as QSqlQuery does and returns true; on SQLite's own API, false (nothing done).
    template <class T> bool throughQt(int column, const T& value)
    {
        if (m_statement)
            return false;
        m_query.bindValue(column, QVariant::fromValue(value));
        bound(column, 0);
        return true;
    }

    QSqlQuery m_query; // prepared only when m_statement is not
    sqlite3_stmt* m_statement = nullptr;
    int m_parameters = 0; // how many '?' the statement has (at most maxParameters)
    quint64 m_boundColumns = 0; // bit i set once parameter i is bound
    int m_bindResult = 0; // the first bind SQLite refused (its result code), else SQLITE_OK (0)
    int m_rowsAffected = 0;
    bool m_producedRow = false;
};
