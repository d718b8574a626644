#pragma once

#include "history/AuditStore.h"
#include "session/OffThreadOpen.h"
#include "session/Session.h"

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
        NotPermitted = 7, // the signed-in account's role may not do this (recorded as access_refused)
        SignInFailed = 8, // wrong user name or password, a disabled or locked account, or no --user
    };

    static QCommandLineOption userOption();
    // --endpoint and --ca-file, as verify and test-connection take them.
    static QCommandLineOption endpointOption();
    static QCommandLineOption caFileOption();
    // Who acts: with --user NAME, that account signed in with EKYC_DESK_PASSWORD or a password asked on the
    // terminal; without it Session::ownerOf (the trainee on the training history; on a history that has no accounts
    // yet its local owner, a supervisor, said on stderr). SignInFailed when nobody could sign in.
    static Result<Actor> signIn(const QCommandLineParser& parser, AuditStore& store, bool training = false);
    // signIn, printing why not and setting *exitCode (SignInFailed, or CannotOpen when the history failed).
    static std::optional<Actor> signIn(const QCommandLineParser& parser, AuditStore& store, int* exitCode);
    // The exit code for a failure of the history: NotPermitted, SignInFailed, else CannotOpen.
    static int exitCodeFor(const Failure& failure);
    // The exit code when a session could not start (verify, batch): the history (CannotOpen), the sign-in
    // (SignInFailed, also when it was cancelled), else a refusal of the settings or arguments (BadUsage, 3).
    static int exitCodeFor(Session::Error error);
    // Reads a secret: from the environment variable when set (variable may be nullptr: asked only), else asked on
    // the terminal without echo, else an error naming the variable. Never echoed, never logged.
    static std::optional<QString> readSecret(const char* variable, const QString& prompt, QString* error);

    static QCommandLineOption dbOption();
    // The --db value, or the default location.
    static QString location(const QCommandLineParser& parser);
    // The files of that location when it is a SQLite history (OutputFile::historyFiles), for checking an --out.
    static QStringList historyFiles(const QCommandLineParser& parser);
    // EKYC_DESK_PASSPHRASE; else asked on the terminal without echo when stdin is a terminal; else an error.
    static bool keyOptions(KeyVault::Options* options, QString* error);
    // The options every CLI open uses: the keys (keyOptions: the passphrase is asked here), the anchor directory.
    // mustExist: for tools that only read or maintain a history; a mistyped location is an error, not a new history.
    // readOnly: the command only reads (AuditStore::Options::readOnly).
    static Result<AuditStore::Options> storeOptions(bool mustExist, bool readOnly = false);
    static Result<std::unique_ptr<AuditStore>> openStore(
        const QString& location, bool mustExist = false, bool readOnly = false);
    // openStore, with the key derivation on a thread of its own while this thread's event loop goes on
    // (OffThreadOpen): the API client opens its connections meanwhile. The passphrase is asked here first.
    static Result<std::unique_ptr<AuditStore>> openStoreOffThread(const QString& location);
    // The open of an existing SQLite history begun ahead on its own thread (OffThreadOpen::Pending), so the key
    // derivation runs while the caller reads and checks its input: only when nothing is asked on the terminal (the
    // passphrase is in EKYC_DESK_PASSPHRASE, or the training history's key file is beside it) and the file exists
    // (nothing is created before the input is found good). nullptr otherwise: the session opens it as before.
    // training: location is the training history (TrainingHistory::open).
    static std::unique_ptr<OffThreadOpen::Pending> beginOpen(const QString& location, bool training);
    // openStore at location(parser); prints the error when it cannot (the caller returns CannotOpen).
    static std::unique_ptr<AuditStore> openStore(
        const QCommandLineParser& parser, bool mustExist = false, bool readOnly = false);
    // What most history commands start with: the existing history at location(parser), opened, and who acts in it
    // (signIn). nullopt, with why printed and *exitCode set (CannotOpen, SignInFailed), when either fails.
    struct SignedIn
    {
        std::unique_ptr<AuditStore> store;
        Actor actor;
    };
    static std::optional<SignedIn> openSignedIn(const QCommandLineParser& parser, int* exitCode);

    // Parses the arguments of a sub-command (arguments[1], the sub-command's name, is skipped) and answers --help.
    // Returns the exit code when that ends the command (bad arguments: BadUsage; help: Ok), else std::nullopt.
    static std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments);

    static void out(const QString& text); // stdout, UTF-8, flushed
    static void err(const QString& text); // stderr, UTF-8, flushed
};
