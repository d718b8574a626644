#include "cli/Commands.h"

#include "api/Credentials.h"
#include "cli/HistoryCli.h"
#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

namespace Cli {

int runSandbox(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("Cli",
        "Runs the training sandbox, an imitation of Id2MetaPeriodVerifyIntl, on 127.0.0.1 only, until interrupted. "
        "It accepts only the public training AccessKey printed below and answers from fictitious people."));
    parser.addHelpOption();
    QCommandLineOption portOption(QStringLiteral("port"),
        QCoreApplication::translate("Cli", "TCP port on 127.0.0.1 (default: any free port)."),
        QStringLiteral("N"),
        QStringLiteral("0"));
    QCommandLineOption dirOption(QStringLiteral("data-dir"),
        QCoreApplication::translate("Cli", "Where the sandbox CA and certificate are kept."),
        QStringLiteral("DIR"));
    QCommandLineOption logOption(QStringLiteral("request-log"),
        QCoreApplication::translate("Cli",
            "Appends one line per complete request received to FILE, flushed at once: a JSON object with ms (arrival "
            "time, milliseconds since the epoch, taken when the request had been read completely), time (the same "
            "in ISO 8601 UTC), status (the HTTP status answered, 0 when dropped), method, path, action (the "
            "x-acs-action header) and code (the answer's Code)."),
        QStringLiteral("FILE"));
    parser.addOption(portOption);
    parser.addOption(dirOption);
    parser.addOption(logOption);
    if (const std::optional<int> done = HistoryCli::parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        HistoryCli::err(
            QCoreApplication::translate("Cli", "Unexpected argument: %1").arg(parser.positionalArguments().first())
            + u'\n');
        return HistoryCli::BadUsage;
    }

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << QCoreApplication::translate("Cli", "--port: expected a number from 0 to 65535.") << '\n';
        return 3;
    }
    QFile log(parser.value(logOption));
    if (parser.isSet(logOption) && !log.open(QIODevice::WriteOnly | QIODevice::Append)) {
        err << QCoreApplication::translate("Cli", "--request-log: cannot open %1: %2")
                   .arg(log.fileName(), log.errorString())
            << '\n';
        return 3;
    }
    SandboxServer server;
    if (log.isOpen()) {
        QObject::connect(
            &server, &SandboxServer::requestLogged, &server, [&log](const SandboxServer::LoggedRequest& e) {
                log.write(e.toJsonLine() + '\n');
                log.flush();
            });
    }
    if (!server.start(static_cast<quint16>(port), parser.value(dirOption))) {
        err << QCoreApplication::translate("Cli", "The sandbox could not start: %1").arg(server.errorString()) << '\n';
        return 5;
    }
    const Credentials training = Credentials::training();
    out << QCoreApplication::translate("Cli", "Training sandbox listening on %1").arg(server.url().toString()) << '\n'
        << QCoreApplication::translate("Cli", "CA certificate: %1").arg(server.caCertificatePath()) << '\n'
        << QCoreApplication::translate("Cli", "Training AccessKey ID: %1").arg(training.accessKeyId()) << '\n'
        << QCoreApplication::translate("Cli", "Training AccessKey secret (public, sandbox only): %1")
               .arg(QString::fromUtf8(training.secretForSigning()))
        << '\n';
    out.flush();
    return QCoreApplication::exec();
}

} // namespace Cli
