#include "CliRun.h"

#include <QDir>
#include <QEventLoop>
#include <QProcess>
#include <QTimer>

CliRun CliRun::run(const QStringList& arguments, const QString& homeDir, const QHash<QString, QString>& extraEnv)
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
    process.start(QStringLiteral(EKYC_CLI_PATH), arguments);
    loop.exec();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        process.readAllStandardOutput(),
        process.readAllStandardError() };
}
