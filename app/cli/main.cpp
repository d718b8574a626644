#include "cli/Commands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <memory>

namespace {

void installTranslator(QCoreApplication& app)
{
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("ekyc-desk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
    // Qt's own strings (QCommandLineParser's "Usage:", "Options:").
    auto* qt = new QTranslator(&app);
    if (qt->load(QLocale(),
            QStringLiteral("qtbase"),
            QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

// `export --format pdf` lays out a report, which needs fonts: a QGuiApplication. The CLI shows no window, so it
// uses the offscreen platform unless one was chosen.
bool needsGui(int argc, char* argv[])
{
    if (argc < 2 || qstrcmp(argv[1], "export") != 0)
        return false;
    for (int i = 2; i < argc; ++i) {
        if (qstrcmp(argv[i], "pdf") == 0 || qstrcmp(argv[i], "--format=pdf") == 0)
            return true;
    }
    return false;
}

std::unique_ptr<QCoreApplication> makeApplication(int& argc, char* argv[])
{
    if (!needsGui(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

int usage(int code)
{
    QTextStream out(code == 0 ? stdout : stderr);
    out << QCoreApplication::translate("Cli",
        "Usage: ekyc-desk-cli <command> [options]\n"
        "\n"
        "Commands:\n"
        "  verify           Check a case locally, then verify it with Id2MetaPeriodVerifyIntl\n"
        "  batch            Verify a list of cases from a CSV file (resumable)\n"
        "  test-connection  One signed call that cannot be billed: endpoint, TLS, AccessKey and clock\n"
        "  sandbox          Run the training sandbox on loopback for other clients\n"
        "  history          List recent cases from the audit history (masked)\n"
        "  audit            Verify the audit history's hash chain, or export its head hash\n"
        "  accounts         Manage the people who sign in (supervisors only)\n"
        "  review           The manual-review queue: claim, propose, approve, show a case's timeline\n"
        "  export           Export cases or events with a manifest that proves them; verify an export\n"
        "  dev              Developer tools (seed a synthetic history)\n"
        "\n"
        "Run 'ekyc-desk-cli <command> --help' for the options of a command.\n");
    return code;
}

} // namespace

int main(int argc, char* argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("eKYC Desk"));
    QCoreApplication::setApplicationName(QStringLiteral("ekyc-desk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EKYC_VERSION));
    installTranslator(*app);

    const QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command == QLatin1String("verify"))
        return Cli::runVerify(arguments);
    if (command == QLatin1String("test-connection"))
        return Cli::runTestConnection(arguments);
    if (command == QLatin1String("sandbox"))
        return Cli::runSandbox(arguments);
    if (command == QLatin1String("history"))
        return Cli::runHistory(arguments);
    if (command == QLatin1String("audit"))
        return Cli::runAudit(arguments);
    if (command == QLatin1String("dev"))
        return Cli::runDev(arguments);
    if (command == QLatin1String("accounts"))
        return Cli::runAccounts(arguments);
    if (command == QLatin1String("review"))
        return Cli::runReview(arguments);
    if (command == QLatin1String("export"))
        return Cli::runExport(arguments);
    if (command == QLatin1String("batch"))
        return Cli::runBatch(arguments);
    if (command == QLatin1String("--version")) {
        QTextStream(stdout) << "ekyc-desk-cli " << QCoreApplication::applicationVersion() << '\n';
        return 0;
    }
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help"))
        return usage(command.isEmpty() ? 3 : 0);
    QTextStream(stderr) << QCoreApplication::translate("Cli", "Unknown command: %1").arg(command) << "\n\n";
    return usage(3);
}
