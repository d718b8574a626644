#include "HistoryCli.h"

#include "base/OutputFile.h"
#include "base/Settings.h"
#include "history/HistoryLocation.h"
#include "session/OffThreadOpen.h"
#include "session/Session.h"
#include "session/TrainingHistory.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {

// A password in --db shows in every process list (and in the shell's history): refused, never used.
std::optional<QString> refusedDb(const QCommandLineParser& parser)
{
    if (!parser.optionNames().contains(QStringLiteral("db")))
        return std::nullopt;
    const HistoryLocation where = HistoryLocation::parse(parser.value(QStringLiteral("db")));
    if (!where.isValid()) // a URL that does not parse, or asks for a connection that does not verify its server
        return QStringLiteral("--db: ") + where.error;
    if (!where.isPostgres() || where.password.isEmpty())
        return std::nullopt;
    return HistoryCli::tr("--db: the URL carries a password, which every process list on this computer shows, so it "
                          "is not used. Give the URL without it and the password in PGPASSWORD, ~/.pgpass or the OS "
                          "keychain (File > Settings).");
}

} // namespace

QCommandLineOption HistoryCli::dbOption()
{
    return QCommandLineOption(QStringLiteral("db"),
        tr("The audit history: a SQLite file path or a postgresql://user@host:port/db URL (default: %1). Never "
           "put the database password in the URL: every process list shows the command line. Use PGPASSWORD, "
           "~/.pgpass or the password kept in the OS keychain (File > Settings).")
            .arg(HistoryLocation::defaultPath()),
        tr("PATH|URL"));
}

QString HistoryCli::location(const QCommandLineParser& parser)
{
    // --db, else the app's setting (the same history the main window uses), else the default file.
    QString value = parser.value(dbOption());
    if (value.isEmpty())
        value = Settings().value(Settings::historyLocation);
    return value.isEmpty() ? HistoryLocation::defaultPath() : value;
}

QStringList HistoryCli::historyFiles(const QCommandLineParser& parser)
{
    const HistoryLocation parsed = HistoryLocation::parse(location(parser));
    return parsed.isPostgres() ? QStringList() : OutputFile::historyFiles(parsed.path);
}

std::optional<QString> HistoryCli::readSecret(const char* variable, const QString& prompt, QString* error)
{
    const QString fromEnvironment = variable ? qEnvironmentVariable(variable) : QString();
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    if (!isatty(STDIN_FILENO)) {
        *error = variable ? tr("Set %1, or run this command on a terminal to be asked.").arg(QLatin1String(variable))
                          : tr("Run this command on a terminal to be asked.");
        return std::nullopt;
    }
    err(prompt);
    termios saved {};
    const bool haveTermios = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTermios) {
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QByteArray line;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin))
        line.append(static_cast<char>(c));
    if (haveTermios)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    err(QStringLiteral("\n"));
    if (line.endsWith('\r'))
        line.chop(1);
    const QString secret = QString::fromUtf8(line);
    line.fill('\0');
    if (secret.isEmpty()) {
        *error = tr("Nothing was entered.");
        return std::nullopt;
    }
    return secret;
}

bool HistoryCli::keyOptions(KeyVault::Options* options, QString* error)
{
    options->keychain = nullptr;
    QString why;
    const std::optional<QString> passphrase =
        readSecret("EKYC_DESK_PASSPHRASE", tr("Passphrase for the audit history: "), &why);
    if (!passphrase) {
        *error = tr("The audit history needs its passphrase. %1").arg(why);
        return false;
    }
    options->passphrase = *passphrase;
    return true;
}

QCommandLineOption HistoryCli::endpointOption()
{
    return QCommandLineOption(
        QStringLiteral("endpoint"), tr("hk-internet (default), hk-vpc, or an https:// URL."), QStringLiteral("URL"));
}

QCommandLineOption HistoryCli::caFileOption()
{
    return QCommandLineOption(QStringLiteral("ca-file"),
        tr("Extra CA certificates (PEM) to trust for a private endpoint."),
        QStringLiteral("PEM"));
}

QCommandLineOption HistoryCli::userOption()
{
    return QCommandLineOption(QStringLiteral("user"),
        tr("Sign in to the history as NAME (password from EKYC_DESK_PASSWORD, or asked on the terminal)."),
        tr("NAME"));
}

Result<Actor> HistoryCli::signIn(const QCommandLineParser& parser, AuditStore& store, bool training)
{
    const QString user = parser.isSet(userOption()) ? parser.value(userOption()) : QString();
    if (user.isEmpty()) {
        Result<Actor> owner = Session::ownerOf(store, training);
        if (!owner && owner.error() == ErrorCode::SignInFailed)
            return Failure(ErrorCode::SignInFailed, tr("This history has accounts: sign in with --user NAME."));
        if (owner && owner->role == QLatin1String(Role::supervisor))
            err(tr("This history has no accounts yet: acting as its local owner %1.").arg(owner->name) + u'\n');
        return owner;
    }
    QString why;
    const std::optional<QString> password = readSecret("EKYC_DESK_PASSWORD", tr("Password for %1: ").arg(user), &why);
    if (!password)
        return Failure(ErrorCode::SignInFailed, tr("No password for %1. %2").arg(user, why));
    return store.signIn(user, *password, Actor::localUser().workstation);
}

std::optional<Actor> HistoryCli::signIn(const QCommandLineParser& parser, AuditStore& store, int* exitCode)
{
    const Result<Actor> actor = signIn(parser, store, false);
    if (!actor) {
        err(actor.message() + u'\n');
        *exitCode = exitCodeFor(actor.failure());
        return std::nullopt;
    }
    return *actor;
}

int HistoryCli::exitCodeFor(const Failure& failure)
{
    switch (failure.code) {
    case ErrorCode::PermissionDenied:
        return NotPermitted;
    case ErrorCode::SignInFailed:
        return SignInFailed;
    default:
        return CannotOpen;
    }
}

int HistoryCli::exitCodeFor(Session::Error error)
{
    switch (error) {
    case Session::Error::HistoryUnavailable:
        return CannotOpen;
    case Session::Error::SignInFailed:
    case Session::Error::Cancelled:
        return SignInFailed;
    default:
        return BadUsage;
    }
}

Result<AuditStore::Options> HistoryCli::storeOptions(bool mustExist, bool readOnly)
{
    AuditStore::Options options;
    QString error;
    if (!keyOptions(&options.keys, &error))
        return Failure(ErrorCode::PassphraseRequired, error);
    options.mustExist = mustExist;
    options.readOnly = readOnly;
    options.anchorDirectory = Settings().value(Settings::anchorDirectory);
    return options;
}

Result<std::unique_ptr<AuditStore>> HistoryCli::openStore(const QString& location, bool mustExist, bool readOnly)
{
    Result<AuditStore::Options> options = storeOptions(mustExist, readOnly);
    if (!options)
        return options.failure();
    Result<std::unique_ptr<AuditStore>> store = AuditStore::open(location, *options);
    options->keys.passphrase.fill(QLatin1Char('\0'));
    return store;
}

Result<std::unique_ptr<AuditStore>> HistoryCli::openStoreOffThread(const QString& location)
{
    Result<AuditStore::Options> options = storeOptions(false);
    if (!options)
        return options.failure();
    Result<std::unique_ptr<AuditStore>> store =
        OffThreadOpen::open(location, [&location, &options] { return AuditStore::open(location, *options); });
    options->keys.passphrase.fill(QLatin1Char('\0'));
    return store;
}

std::unique_ptr<OffThreadOpen::Pending> HistoryCli::beginOpen(const QString& location, bool training)
{
    const HistoryLocation where = HistoryLocation::parse(location);
    if (where.isPostgres() || !QFileInfo(where.path).isFile())
        return nullptr;
    if (training) {
        return std::make_unique<OffThreadOpen::Pending>(
            location, [location] { return TrainingHistory::open(location); });
    }
    if (qEnvironmentVariable("EKYC_DESK_PASSPHRASE").isEmpty())
        return nullptr; // asked on the terminal, in its turn
    Result<AuditStore::Options> options = storeOptions(false);
    if (!options)
        return nullptr; // said again when the session opens the history
    return std::make_unique<OffThreadOpen::Pending>(location, [location, options = std::move(*options)]() mutable {
        Result<std::unique_ptr<AuditStore>> store = AuditStore::open(location, options);
        options.keys.passphrase.fill(QLatin1Char('\0'));
        return store;
    });
}

std::unique_ptr<AuditStore> HistoryCli::openStore(const QCommandLineParser& parser, bool mustExist, bool readOnly)
{
    Result<std::unique_ptr<AuditStore>> store = openStore(location(parser), mustExist, readOnly);
    if (!store) {
        err(store.message() + u'\n');
        return nullptr;
    }
    return std::move(*store);
}

std::optional<HistoryCli::SignedIn> HistoryCli::openSignedIn(const QCommandLineParser& parser, int* exitCode)
{
    std::unique_ptr<AuditStore> store = openStore(parser, true);
    if (!store) {
        *exitCode = CannotOpen;
        return std::nullopt;
    }
    std::optional<Actor> actor = signIn(parser, *store, exitCode);
    if (!actor)
        return std::nullopt;
    return SignedIn { std::move(store), std::move(*actor) };
}

std::optional<int> HistoryCli::parse(QCommandLineParser& parser, const QStringList& arguments)
{
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1);
    if (!parser.parse(args)) {
        err(parser.errorText() + u'\n');
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return Ok;
    }
    // A value given twice would be taken once, unseen (only export's --filter adds up).
    for (const QString& name : parser.optionNames()) {
        if (name != QLatin1String("filter") && parser.values(name).size() > 1) {
            err(tr("--%1 is given more than once: give it once.").arg(name) + u'\n');
            return BadUsage;
        }
    }
    // An empty --db (an unset variable in a script) would quietly mean the default history.
    if (parser.optionNames().contains(QLatin1String("db")) && parser.value(QStringLiteral("db")).trimmed().isEmpty()) {
        err(tr("--db: give a history file or a postgresql:// URL (an empty value is not the default history).")
            + u'\n');
        return BadUsage;
    }
    // The same for the options whose absence means a default: the endpoint and CA file of the settings, an open
    // end of a date range, the current folder's file.
    for (const char* name : { "endpoint", "ca-file", "from", "to", "in", "out" }) {
        const QString option = QLatin1String(name);
        if (parser.optionNames().contains(option) && parser.value(option).trimmed().isEmpty()) {
            err(tr("--%1: give a value (an empty value is not the same as leaving the option out).").arg(option)
                + u'\n');
            return BadUsage;
        }
    }
    if (const std::optional<QString> refused = refusedDb(parser)) {
        err(*refused + u'\n');
        return BadUsage;
    }
    return std::nullopt;
}

void HistoryCli::out(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void HistoryCli::err(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}
