#include "CliRun.h"

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

CliRun CliRun::run(const QStringList& arguments, const QString& homeDir, const QHash<QString, QString>& extraEnv)
{
    return start(QStringLiteral(EKYC_CLI_PATH), arguments, homeDir, extraEnv);
}

CliRun CliRun::runWithInput(const QStringList& arguments,
    const QString& homeDir,
    const QByteArray& input,
    const QHash<QString, QString>& extraEnv)
{
    return start(QStringLiteral(EKYC_CLI_PATH), arguments, homeDir, extraEnv, &input);
}

CliRun CliRun::runOnTerminal(
    const QStringList& arguments, const QString& homeDir, const QHash<QString, QString>& extraEnv)
{
    QStringList quoted;
    for (const QString& each : QStringList { QStringLiteral(EKYC_CLI_PATH) } + arguments)
        quoted.append(u'\'' + QString(each).replace(QStringLiteral("'"), QStringLiteral("'\\''")) + u'\'');
    // -e: script exits with the command's code; /dev/null: no typescript file.
    return start(QStringLiteral("script"),
        { QStringLiteral("-q"),
            QStringLiteral("-e"),
            QStringLiteral("-c"),
            quoted.join(u' '),
            QStringLiteral("/dev/null") },
        homeDir,
        extraEnv);
}

CliRun CliRun::start(const QString& program,
    const QStringList& arguments,
    const QString& homeDir,
    const QHash<QString, QString>& extraEnv,
    const QByteArray* input)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QDir home(homeDir);
    env.insert(QStringLiteral("HOME"), homeDir);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.remove(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"));
    env.remove(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
    env.remove(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"));
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    if (input) {
        process.write(*input);
        process.closeWriteChannel();
    }
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(),
        process.readAllStandardError() };
}
