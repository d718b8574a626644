#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

// ekyc-desk-cli as other tools see it: a real process (EKYC_CLI_PATH) with a private home (HOME, XDG_DATA_HOME and
// XDG_CONFIG_HOME under homeDir: its own settings, sandbox CA and history), no AccessKey from this process's
// environment, and extraEnv on top. The caller's event loop keeps running while the child works, so a sandbox run
// in the test's own process can answer it.
struct CliRun
{
    int exitCode = -1; // -1 when it crashed or had to be killed
    QByteArray out;
    QByteArray err;

    static CliRun run(
        const QStringList& arguments, const QString& homeDir, const QHash<QString, QString>& extraEnv = {});
};
