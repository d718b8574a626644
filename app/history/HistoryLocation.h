#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

class SecretStore;

// Where the audit history lives: a SQLite file path (the default, under the app-data location) or a
// postgresql://user@host:port/dbname[?schema=NAME&sslmode=MODE&sslrootcert=PATH] URL for a team's shared server (a
// server not on this machine only over TLS that verifies its certificate: verify-full unless the URL says verify-ca).
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
    QString sslMode; // libpq sslmode: the URL's; verify-full for a server not on this machine when the URL has none
    QString sslRootCert; // optional libpq sslrootcert: the CA file that verifies the server
    QString error; // why parsing failed

    bool isValid() const { return backend != Backend::Invalid; }
    bool isPostgres() const { return backend == Backend::Postgres; }

    // "PATH" or "postgresql://..." (also "postgres://"); empty means the default location.
    static HistoryLocation parse(const QString& location);
    // <AppDataLocation>/history.sqlite
    static QString defaultPath();
    // Whether the PostgreSQL server is this machine (localhost or a loopback address).
    bool isOnThisMachine() const;
    // The libpq connection options: connect_timeout, and sslmode and sslrootcert when set.
    QStringList connectOptions() const;
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
    QString checkTransport(); // empty, or why the URL's TLS settings are refused; sets the default sslmode
    QString setUpConnection(const QString& connectionName) const; // empty on success
};
