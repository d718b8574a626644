#include "HistoryLocation.h"

#include "base/PrivateFiles.h"
#include "crypto/SecretStore.h"

#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>

HistoryLocation HistoryLocation::parse(const QString& location)
{
    HistoryLocation result;
    const QString text = location.trimmed().isEmpty() ? defaultPath() : location.trimmed();
    if (text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"))) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()) {
            result.error = tr("The PostgreSQL URL is not valid; expected postgresql://user@host:port/dbname (the "
                              "password through PGPASSWORD, ~/.pgpass or the OS keychain).");
            return result;
        }
        result.backend = Backend::Postgres;
        result.user = url.userName(QUrl::FullyDecoded);
        result.password = url.password(QUrl::FullyDecoded);
        result.host = url.host(QUrl::FullyDecoded);
        result.port = url.port(5432);
        result.databaseName = url.path(QUrl::FullyDecoded).mid(1);
        if (result.databaseName.isEmpty())
            result.databaseName = result.user;
        const QUrlQuery query(url);
        result.schema = query.queryItemValue(QStringLiteral("schema"), QUrl::FullyDecoded);
        result.sslMode = query.queryItemValue(QStringLiteral("sslmode"), QUrl::FullyDecoded);
        static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
        if (!result.schema.isEmpty() && !identifier.match(result.schema).hasMatch()) {
            result.backend = Backend::Invalid;
            result.error = tr("The schema in the PostgreSQL URL may contain only letters, digits and underscores.");
        }
        result.sslRootCert = query.queryItemValue(QStringLiteral("sslrootcert"), QUrl::FullyDecoded);
        if (const QString refused = result.checkTransport(); result.isValid() && !refused.isEmpty()) {
            result.backend = Backend::Invalid;
            result.error = refused;
        }
        return result;
    }
    if (text.contains(QLatin1String("://"))) {
        result.error = tr("The history location must be a file path or a postgresql:// URL.");
        return result;
    }
    result.backend = Backend::Sqlite;
    result.path = QDir::cleanPath(QFileInfo(text).absoluteFilePath());
    return result;
}

bool HistoryLocation::isOnThisMachine() const
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// A server elsewhere is reached only over TLS that verifies its certificate: the history's personal data (encrypted,
// but with its blind index and masks) and the password cross the network. libpq's default, prefer, takes an
// unencrypted connection when the server offers no TLS and never checks the certificate, so the default here is
// verify-full; a mode that does not verify is refused, not quietly taken. On this machine (loopback) the URL's mode,
// or libpq's default, applies.
QString HistoryLocation::checkTransport()
{
    static const QRegularExpression sslModes(QStringLiteral("^(disable|allow|prefer|require|verify-ca|verify-full)$"));
    if (!sslMode.isEmpty() && !sslModes.match(sslMode).hasMatch())
        return tr("The sslmode in the PostgreSQL URL is not one of disable, allow, prefer, require, verify-ca, "
                  "verify-full.");
    if (sslRootCert.contains(u';'))
        return tr("The sslrootcert in the PostgreSQL URL may not contain a semicolon.");
    if (isOnThisMachine())
        return {};
    if (sslMode.isEmpty())
        sslMode = QStringLiteral("verify-full");
    if (!sslMode.startsWith(QLatin1String("verify-")))
        return tr("The PostgreSQL server %1 is not on this machine, and sslmode=%2 does not verify its certificate: "
                  "the history and the password could reach whoever answers. Leave sslmode out (verify-full is the "
                  "default) or use verify-ca, with the server's CA in ~/.postgresql/root.crt or named by "
                  "sslrootcert=PATH.")
            .arg(host, sslMode);
    return {};
}

QStringList HistoryLocation::connectOptions() const
{
    QStringList options = { QStringLiteral("connect_timeout=10") };
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=") + sslMode;
    if (!sslRootCert.isEmpty()) {
        QString quoted = sslRootCert;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        options << QStringLiteral("sslrootcert='%1'").arg(quoted);
    }
    return options;
}

QString HistoryLocation::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

QString HistoryLocation::displayName() const
{
    switch (backend) {
    case Backend::Sqlite:
        return path;
    case Backend::Postgres: {
        QString shown = QStringLiteral("postgresql://");
        if (!user.isEmpty())
            shown += user + QStringLiteral("@");
        shown += host + QStringLiteral(":") + QString::number(port) + QStringLiteral("/") + databaseName;
        if (!schema.isEmpty())
            shown += QStringLiteral("?schema=") + schema;
        return shown;
    }
    case Backend::Invalid:
        break;
    }
    return {};
}

QString HistoryLocation::passwordAccount() const
{
    if (!isPostgres())
        return QString();
    return QStringLiteral("history-password:%1@%2:%3/%4").arg(user, host, QString::number(port), databaseName);
}

bool HistoryLocation::takePasswordFrom(SecretStore& keychain)
{
    if (!isPostgres() || !password.isEmpty())
        return false;
    const std::optional<QByteArray> stored = keychain.read(passwordAccount(), nullptr);
    if (!stored || stored->isEmpty())
        return false;
    password = QString::fromUtf8(*stored);
    return true;
}

QSqlDatabase HistoryLocation::openConnection(const QString& connectionName, QString* error) const
{
    const QString message = setUpConnection(connectionName);
    if (message.isEmpty())
        return QSqlDatabase::database(connectionName, false);
    if (error)
        *error = message;
    if (QSqlDatabase::contains(connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
    }
    return {};
}

QString HistoryLocation::setUpConnection(const QString& connectionName) const
{
    auto fail = [](const QString& message) { return message; };
    if (backend == Backend::Invalid)
        return fail(this->error.isEmpty() ? tr("No history location given.") : this->error);

    if (backend == Backend::Sqlite) {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
            return fail(tr("The SQLite driver for Qt is not installed (package libqt6sql6-sqlite)."));
        const QFileInfo info(path);
        if (!PrivateFiles::makeDir(info.absolutePath()))
            return fail(tr("Cannot create the folder for the history: %1").arg(info.absolutePath()));
        // A history file made elsewhere (copied, or by an older version) is made private before it is opened, its -wal
        // and -shm files too; one that cannot be is refused.
        QString loose;
        for (const QString& suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            if (QFileInfo::exists(path + suffix) && !PrivateFiles::tightenFile(path + suffix, &loose))
                return fail(loose);
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
        if (!db.open())
            return fail(tr("Cannot open the history %1: %2").arg(path, db.lastError().text()));
        QSqlQuery q(db);
        // WAL lets readers work beside one writer; synchronous=FULL makes every COMMIT durable before it returns.
        // temp_store=MEMORY keeps statement journals (pages of the history a statement may have to undo inside a
        // larger transaction) and sort spills in memory instead of unlinked files under /var/tmp: a batch's group
        // commits wrote about 18 journal pages per row there.
        for (const char* pragma : { "PRAGMA busy_timeout = 30000",
                 "PRAGMA journal_mode = WAL",
                 "PRAGMA synchronous = FULL",
                 "PRAGMA temp_store = MEMORY",
                 "PRAGMA foreign_keys = ON" }) {
            if (!q.exec(QLatin1String(pragma)))
                return fail(tr("Cannot set up the history %1: %2").arg(path, q.lastError().text()));
        }
        q.finish();
        return {};
    }

    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return fail(tr("The PostgreSQL driver for Qt is not installed (package libqt6sql6-psql)."));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(host);
    db.setPort(port);
    db.setDatabaseName(databaseName);
    db.setUserName(user);
    db.setPassword(password);
    db.setConnectOptions(connectOptions().join(u';'));
    if (!db.open()) {
        QString text = db.lastError().text();
        if (!password.isEmpty())
            text.replace(password, QStringLiteral("***"));
        return fail(tr("Cannot connect to the history %1: %2").arg(displayName(), text));
    }
    QSqlQuery q(db);
    QStringList setup = { QStringLiteral("SET TIME ZONE 'UTC'") };
    if (!schema.isEmpty()) {
        setup.prepend(QStringLiteral("SET search_path TO \"%1\"").arg(schema));
        // Made when missing only: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema is
        // there, which a team member's own role does not have.
        if (!q.exec(QStringLiteral("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = '%1'").arg(schema))
            || !q.next())
            setup.prepend(QStringLiteral("CREATE SCHEMA IF NOT EXISTS \"%1\"").arg(schema));
        q.finish();
    }
    setup.prepend(QStringLiteral("SET client_min_messages = warning"));
    for (const QString& statement : setup) {
        if (!q.exec(statement))
            return fail(tr("Cannot set up the history %1: %2").arg(displayName(), q.lastError().text()));
    }
    q.finish();
    return {};
}
