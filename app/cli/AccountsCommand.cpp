#include "base/Access.h"
#include "cli/Commands.h"
#include "cli/HistoryCli.h"
#include "session/Session.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Cli {

namespace {

// lupdate files these under "Cli"; look them up there.
QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

QCommandLineOption asOption()
{
    return QCommandLineOption(QStringLiteral("as"),
        tr("Sign in as this supervisor (password from EKYC_DESK_PASSWORD, or asked on the terminal). Not needed "
           "on a history without accounts, where its local owner adds the first supervisor."),
        tr("NAME"));
}

QString table(const QList<Account>& accounts)
{
    QString out =
        tr("%1 %2 %3 %4\n").arg(tr("USER"), -20).arg(tr("ROLE"), -12).arg(tr("STATE"), -10).arg(tr("CREATED"));
    for (const Account& a : accounts) {
        const QString state = a.disabled ? tr("disabled") : a.isLocked() ? tr("locked") : tr("active");
        out += QStringLiteral("%1 %2 %3 %4\n")
                   .arg(a.name, -20)
                   .arg(Role::displayName(a.role), -12)
                   .arg(state, -10)
                   .arg(a.createdAt.toString(Qt::ISODate));
    }
    return out;
}

QJsonObject toJson(const Account& a)
{
    return { { QStringLiteral("user"), a.name },
        { QStringLiteral("role"), a.role },
        { QStringLiteral("disabled"), a.disabled },
        { QStringLiteral("locked"), a.isLocked() },
        { QStringLiteral("createdAt"), a.createdAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("createdBy"), a.createdBy } };
}

// The new password of add and reset-password: EKYC_DESK_NEW_PASSWORD, or asked twice on the terminal.
std::optional<QString> newPassword(const QString& user)
{
    QString why;
    std::optional<QString> first =
        HistoryCli::readSecret("EKYC_DESK_NEW_PASSWORD", tr("New password for %1: ").arg(user), &why);
    if (!first) {
        HistoryCli::err(tr("No new password for %1. %2").arg(user, why) + u'\n');
        return std::nullopt;
    }
    if (!qEnvironmentVariableIsSet("EKYC_DESK_NEW_PASSWORD")) {
        const std::optional<QString> again = HistoryCli::readSecret(nullptr, tr("The same password again: "), &why);
        if (!again || *again != *first) {
            HistoryCli::err(tr("The two passwords do not match.") + u'\n');
            return std::nullopt;
        }
    }
    return first;
}

// --as NAME signed in; without it the local owner of a history that has no accounts yet.
Result<Actor> signInAs(AuditStore& store, const QString& as)
{
    if (as.isEmpty()) {
        Result<Actor> owner = Session::ownerOf(store, false);
        if (!owner && owner.error() == ErrorCode::SignInFailed)
            return Failure(ErrorCode::SignInFailed, tr("This history has accounts: sign in with --as SUPERVISOR."));
        return owner;
    }
    QString why;
    const std::optional<QString> password =
        HistoryCli::readSecret("EKYC_DESK_PASSWORD", tr("Password for %1: ").arg(as), &why);
    if (!password)
        return Failure(ErrorCode::SignInFailed, tr("No password for %1. %2").arg(as, why));
    return store.signIn(as, *password, Actor::localUser().workstation);
}

int done(const Result<void>& result, const QString& success)
{
    if (!result) {
        HistoryCli::err(result.message() + u'\n');
        return result.error() == ErrorCode::InvalidArgument || result.error() == ErrorCode::NotFound
                || result.error() == ErrorCode::Conflict
            ? static_cast<int>(HistoryCli::BadUsage)
            : HistoryCli::exitCodeFor(result.failure());
    }
    HistoryCli::out(success + u'\n');
    return HistoryCli::Ok;
}

} // namespace

int runAccounts(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Manages the people who sign in to the history (supervisors only; every change is an event in the "
           "chain, and nothing is ever deleted).\n"
           "  accounts list [--json]\n"
           "  accounts add --user NAME --role reviewer|supervisor|auditor\n"
           "  accounts set-role --user NAME --role ROLE\n"
           "  accounts disable|enable|unlock|reset-password --user NAME\n"
           "Sign in with --as SUPERVISOR (password from EKYC_DESK_PASSWORD); a new password comes from "
           "EKYC_DESK_NEW_PASSWORD or is asked twice on the terminal.\n"
           "Exit codes: 0 done; 3 bad arguments (unknown account, weak password, ...); 6 the history cannot be "
           "opened; 7 not permitted; 8 sign-in failed."));
    parser.addHelpOption();
    parser.addOption(HistoryCli::dbOption());
    parser.addOption(asOption());
    const QCommandLineOption user(QStringLiteral("user"), tr("The account to add or change."), tr("NAME"));
    const QCommandLineOption role(QStringLiteral("role"), tr("reviewer, supervisor or auditor."), tr("ROLE"));
    const QCommandLineOption json(QStringLiteral("json"), tr("list: one JSON object per line."));
    parser.addOptions({ user, role, json });
    parser.addPositionalArgument(
        QStringLiteral("action"), tr("list, add, set-role, disable, enable, unlock or reset-password"));
    if (const std::optional<int> parsed = HistoryCli::parse(parser, arguments))
        return *parsed;
    const QString action = parser.positionalArguments().value(0);
    static const QStringList actions { QStringLiteral("list"),
        QStringLiteral("add"),
        QStringLiteral("set-role"),
        QStringLiteral("disable"),
        QStringLiteral("enable"),
        QStringLiteral("unlock"),
        QStringLiteral("reset-password") };
    if (!actions.contains(action) || parser.positionalArguments().size() != 1) {
        HistoryCli::err(tr("Give one action: %1.").arg(actions.join(QStringLiteral(", "))) + u'\n');
        return HistoryCli::BadUsage;
    }
    const QString name = parser.value(user);
    if (action != QLatin1String("list") && name.isEmpty()) {
        HistoryCli::err(tr("accounts %1 needs --user NAME.").arg(action) + u'\n');
        return HistoryCli::BadUsage;
    }
    if ((action == QLatin1String("add") || action == QLatin1String("set-role")) && !parser.isSet(role)) {
        HistoryCli::err(tr("accounts %1 needs --role reviewer|supervisor|auditor.").arg(action) + u'\n');
        return HistoryCli::BadUsage;
    }
    // Before the history is opened (add creates it) and any password is asked for.
    if (parser.isSet(role) && !Role::isValid(parser.value(role))) {
        HistoryCli::err(
            tr("--role: \"%1\" is not a role; give reviewer, supervisor or auditor.").arg(parser.value(role)) + u'\n');
        return HistoryCli::BadUsage;
    }

    auto store = HistoryCli::openStore(parser, action != QLatin1String("add"));
    if (!store)
        return HistoryCli::CannotOpen;
    const Result<Actor> signedIn = signInAs(*store, parser.value(asOption()));
    if (!signedIn) {
        HistoryCli::err(signedIn.message() + u'\n');
        return HistoryCli::exitCodeFor(signedIn.failure());
    }
    const Actor& actor = *signedIn;

    if (action == QLatin1String("list")) {
        const Result<QList<Account>> accounts = store->accounts(actor);
        if (!accounts) {
            HistoryCli::err(accounts.message() + u'\n');
            return HistoryCli::exitCodeFor(accounts.failure());
        }
        if (!parser.isSet(json)) {
            HistoryCli::out(table(*accounts));
            return HistoryCli::Ok;
        }
        for (const Account& a : *accounts)
            HistoryCli::out(QString::fromUtf8(QJsonDocument(toJson(a)).toJson(QJsonDocument::Compact)) + u'\n');
        return HistoryCli::Ok;
    }
    if (action == QLatin1String("add") || action == QLatin1String("reset-password")) {
        const std::optional<QString> password = newPassword(name);
        if (!password)
            return HistoryCli::BadUsage;
        if (action == QLatin1String("add"))
            return done(store->createAccount(actor, name, parser.value(role), *password),
                tr("Added %1 (%2).").arg(name, Role::displayName(parser.value(role))));
        return done(store->resetPassword(actor, name, *password), tr("Reset the password of %1.").arg(name));
    }
    if (action == QLatin1String("set-role"))
        return done(store->setAccountRole(actor, name, parser.value(role)),
            tr("%1 is now a %2.").arg(name, Role::displayName(parser.value(role))));
    if (action == QLatin1String("unlock"))
        return done(store->unlockAccount(actor, name), tr("Unlocked %1.").arg(name));
    const bool disable = action == QLatin1String("disable");
    return done(store->setAccountDisabled(actor, name, disable),
        disable ? tr("Disabled %1; the account and its history are kept.").arg(name) : tr("Enabled %1.").arg(name));
}

} // namespace Cli
