#include "HistoryOpener.h"
#include "Icons.h"
#include "MainWindow.h"
#include "SignInFlow.h"
#include "Theme.h"
#include "api/CredentialChain.h"
#include "base/Language.h"
#include "base/Settings.h"
#include "crypto/SecretStore.h"
#include "history/AuditStore.h"
#include "session/Session.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QProcessEnvironment>

#include <exception>

namespace {

// The language from `--lang CODE` (or `--lang=CODE`), read before the parser so that --help is translated too.
QString requestedLanguage(const QStringList& arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (argument == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7);
    }
    return QString();
}

} // namespace

// An exception that nothing else caught ends the program with its message instead of an abort.
int main(int argc, char* argv[])
try {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("eKYC Desk"));
    QApplication::setApplicationName(QStringLiteral("ekyc-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("eKYC Desk"));
    QApplication::setApplicationVersion(QStringLiteral(EKYC_VERSION));
    // packaging/io.github.ekyc_desk.EkycDesk.desktop: the window's icon and name on Wayland.
    QApplication::setDesktopFileName(QStringLiteral("io.github.ekyc_desk.EkycDesk"));
    QApplication::setWindowIcon(Icons::appIcon());

    Settings settings;
    // --lang for this run only; else the setting ui/language (empty: the system's language).
    const QString requested = requestedLanguage(QApplication::arguments());
    Language::apply(requested.isEmpty() ? settings.value(Settings::language) : requested);
    Theme::apply(settings.value(Settings::colorScheme));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Verify a mainland Chinese resident ID card with Alibaba Cloud ID Verification."));
    parser.addHelpOption();
    const QCommandLineOption trainingOption(QStringLiteral("training"),
        QApplication::translate("main",
            "Use the built-in training sandbox and its own history (the default when no AccessKey is found). "
            "Nothing is sent to Alibaba Cloud and nothing is billed."));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QApplication::translate("main", "User interface language: zh_CN or en."),
        QStringLiteral("code"));
    parser.addOption(trainingOption);
    parser.addOption(langOption);
    parser.process(app);

    KeychainSecretStore keychain;
    HistoryOpener opener(&keychain);
    Session::Request request;
    request.keychain = &keychain;
    // Live mode when the credential chain has an AccessKey somewhere (a broken source is reported by the session);
    // otherwise the training desk, which opens straight on its own history as the trainee.
    const bool keychainKey = !settings.value(Settings::keychainAccessKey).isEmpty();
    const bool noAccessKey =
        CredentialChain::resolve(CredentialChain::Inputs::system(keychainKey ? &keychain : nullptr)).error()
        == ErrorCode::NotFound;
    request.training = parser.isSet(trainingOption) || noAccessKey;
    // The application never verifies without its history. Quitting the passphrase dialog or the sign-in quits.
    request.openHistoryWith = [&opener](const QString& location) { return opener.open(location); };
    SignInFlow signIn(request.training);
    request.signIn = [&signIn](AuditStore& history) { return signIn.run(history); };
    Session::Failure failure;
    const std::unique_ptr<Session> session = Session::create(settings, request, &failure);
    if (!session) {
        if (failure.error != Session::Error::Cancelled) {
            // The message already says what failed (settings, sandbox, credentials, history) and what to do.
            QMessageBox::critical(nullptr, QApplication::translate("main", "eKYC Desk cannot start"), failure.message);
        }
        return 1;
    }

    MainWindow window(session->verification(), session->history());
    window.setSettings(&settings);
    window.setKeychain(&keychain);
    // The idle lock asks for the signed-in person's password: only where people sign in.
    const Result<bool> accounts = session->history()->hasAccounts();
    window.setIdleLock(accounts && *accounts ? settings.value(Settings::idleLockMinutes) : 0);
    window.show();
    return QApplication::exec();
} catch (const std::exception& e) {
    qCritical("ekyc-desk: %s", e.what());
    return 1;
}
