#include "HistoryCli.h"

#include "base/Settings.h"
#include "history/HistoryLocation.h"

#include <QCommandLineParser>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

QCommandLineOption HistoryCli::dbOption()
{
    return QCommandLineOption(QStringLiteral("db"),
        tr("The audit history: a SQLite file path or a postgresql://user:password@host:port/db "
           "URL (default: %1).")
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

bool HistoryCli::keyOptions(KeyVault::Options* options, QString* error)
{
    options->keychain = nullptr;
    options->passphrase = KeyVault::passphraseFromEnvironment();
    if (!options->passphrase.isEmpty())
        return true;
    if (!isatty(STDIN_FILENO)) {
        *error = tr("The audit history needs its passphrase: set EKYC_DESK_PASSPHRASE, or run this command on a "
                    "terminal to be asked for it.");
        return false;
    }
    err(tr("Passphrase for the audit history: "));
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
    options->passphrase = QString::fromUtf8(line);
    line.fill('\0');
    if (options->passphrase.isEmpty()) {
        *error = tr("No passphrase given.");
        return false;
    }
    return true;
}

Result<std::unique_ptr<AuditStore>> HistoryCli::openStore(const QString& location, bool mustExist)
{
    AuditStore::Options options;
    QString error;
    if (!keyOptions(&options.keys, &error))
        return Failure(ErrorCode::PassphraseRequired, error);
    options.mustExist = mustExist;
    return AuditStore::open(location, options);
}

std::unique_ptr<AuditStore> HistoryCli::openStore(const QCommandLineParser& parser, bool mustExist)
{
    Result<std::unique_ptr<AuditStore>> store = openStore(location(parser), mustExist);
    if (!store) {
        err(store.message() + u'\n');
        return nullptr;
    }
    return std::move(*store);
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
