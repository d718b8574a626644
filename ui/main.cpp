#include "ErrorBox.h"
#include "HistoryOpener.h"
#include "Icons.h"
#include "MainWindow.h"
#include "SignInFlow.h"
#include "StartupProbe.h"
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
    StartupProbe::install(); // EKYC_DESK_STARTUP_PROBE (tests/bench/bench_startup)
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
    Session::Request request;
    request.keychain = &keychain;
    // Live mode when the credential chain has an AccessKey somewhere (a broken source is reported by the session);
    // otherwise the training desk, which opens straight on its own history as the trainee.
    const bool keychainKey = !settings.value(Settings::keychainAccessKey).isEmpty();
    const bool noAccessKey =
        CredentialChain::resolve(CredentialChain::Inputs::system(keychainKey ? &keychain : nullptr)).error()
        == ErrorCode::NotFound;
    request.training = parser.isSet(trainingOption) || noAccessKey;
    Session::Failure failure;
    const std::unique_ptr<Session> session = Session::prepare(settings, request, &failure);
    const auto cannotStart = [&failure](QWidget* parent) {
        if (failure.error != Session::Error::Cancelled) {
            // The message already says what failed (settings, sandbox, credentials, history) and what to do.
            QMessageBox box(QMessageBox::Critical,
                QApplication::translate("main", "eKYC Desk cannot start"),
                QString(),
                QMessageBox::Ok,
                parent);
            ErrorBox::setMessage(box, QString(), failure.message);
            box.exec();
        }
        return 1;
    };
    if (!session)
        return cannotStart(nullptr);

    // The window shows at once, disabled and saying that the history is being opened: the key derivation (scrypt),
    // the keychain and migrations run on a thread of their own (HistoryOpener) while it is painted, and the
    // passphrase and sign-in are asked over it.
    MainWindow window(session->verification(), MainWindow::HistoryPending {});
    window.setSettings(&settings);
    window.setKeychain(&keychain);
    window.show();

    // The application never verifies without its history. Quitting the passphrase dialog or the sign-in quits.
    HistoryOpener opener(&keychain, &window);
    request.openHistoryWith = [&opener](const QString& location) { return opener.open(location); };
    request.openTrainingHistoryWith = [&opener](const QString& path) { return opener.openTraining(path); };
    SignInFlow signIn(request.training, &window);
    request.signIn = [&signIn](AuditStore& history) { return signIn.run(history); };
    if (!session->open(request, &failure))
        return cannotStart(&window);
    if (!window.isVisible())
        return 0; // closed while the history was opening
    window.attachHistory(session->history());
    // The idle lock asks for the signed-in person's password: only where people sign in.
    const Result<bool> accounts = session->history()->hasAccounts();
    window.setIdleLock(accounts && *accounts ? settings.value(Settings::idleLockMinutes) : 0);
    StartupProbe::ready();
    return QApplication::exec();
} catch (const std::exception& e) {
    qCritical("ekyc-desk: %s", e.what());
    return 1;
}
