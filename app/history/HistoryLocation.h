#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

class SecretStore;

// Where the audit history lives: a SQLite file path (the default, under the app-data location) or a
// postgresql://user:password@host:port/dbname[?schema=NAME&sslmode=MODE] URL for a team's shared server.
class HistoryLocation
{
    Q_DECLARE_TR_FUNCTIONS(HistoryLocation)
public:
    enum class Backend
    {
        Invalid,
        Sqlite,
        Postgres,
    };

    Backend backend = Backend::Invalid;
    QString path; // SQLite
    QString user; // PostgreSQL
    QString password;
    QString host;
    int port = 5432;
    QString databaseName;
    QString schema; // optional: SET search_path to this schema (letters, digits, underscore)
    QString sslMode; // optional libpq sslmode
    QString error; // why parsing failed

    bool isValid() const { return backend != Backend::Invalid; }
    bool isPostgres() const { return backend == Backend::Postgres; }

    // "PATH" or "postgresql://..." (also "postgres://"); empty means the default location.
    static HistoryLocation parse(const QString& location);
    // <AppDataLocation>/history.sqlite
    static QString defaultPath();
    // For messages: the path, or the URL without its password.
    QString displayName() const;
    // The OS keychain account that keeps the password of a PostgreSQL location whose URL has none:
    // "history-password:user@host:port/dbname". Empty for SQLite.
    QString passwordAccount() const;
    // A PostgreSQL location without a password in its URL takes the one kept under passwordAccount(), when there is
    // one; otherwise libpq still reads PGPASSWORD and ~/.pgpass. Returns whether one was taken.
    bool takePasswordFrom(SecretStore& keychain);

    // Adds and opens a named connection (QSQLITE or QPSQL), sets the session up (SQLite: WAL, synchronous=FULL,
    // busy_timeout, foreign keys; PostgreSQL: search_path, UTC). On failure returns an invalid QSqlDatabase, removes
    // the connection and fills *error (never with the password).
    QSqlDatabase openConnection(const QString& connectionName, QString* error) const;

private:
    QString setUpConnection(const QString& connectionName) const; // empty on success
};
