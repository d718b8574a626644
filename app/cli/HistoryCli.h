#pragma once

#include "history/AuditStore.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

class QCommandLineParser;

// What the history-related sub-commands (history, audit, dev) share: the --db option, the passphrase, output.
class HistoryCli
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCli)
public:
    // Exit codes of history, audit and dev (documented in each --help).
    enum ExitCode
    {
        Ok = 0,
        ChainBroken = 1, // audit verify: the first broken event is printed
        BadUsage = 3,
        CannotOpen = 6, // the history or its keys cannot be opened (wrong passphrase, server down, ...)
    };

    static QCommandLineOption dbOption();
    // The --db value, or the default location.
    static QString location(const QCommandLineParser& parser);
    // EKYC_DESK_PASSPHRASE; else asked on the terminal without echo when stdin is a terminal; else an error.
    static bool keyOptions(KeyVault::Options* options, QString* error);
    // mustExist: for tools that only read or maintain a history; a mistyped location is an error, not a new history.
    static Result<std::unique_ptr<AuditStore>> openStore(const QString& location, bool mustExist = false);
    // openStore at location(parser); prints the error when it cannot (the caller returns CannotOpen).
    static std::unique_ptr<AuditStore> openStore(const QCommandLineParser& parser, bool mustExist = false);

    // Parses the arguments of a sub-command (arguments[1], the sub-command's name, is skipped) and answers --help.
    // Returns the exit code when that ends the command (bad arguments: BadUsage; help: Ok), else std::nullopt.
    static std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments);

    static void out(const QString& text); // stdout, UTF-8, flushed
    static void err(const QString& text); // stderr, UTF-8, flushed
};
