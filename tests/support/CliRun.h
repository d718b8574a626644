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
    // As run(), with input on its standard input (then closed).
    static CliRun runWithInput(const QStringList& arguments,
        const QString& homeDir,
        const QByteArray& input,
        const QHash<QString, QString>& extraEnv = {});
    // As run(), on a terminal of its own (a pseudo-terminal made by util-linux's script(1)), as a person at a shell
    // sees it: what it prints on stderr and stdout together in out, terminal control sequences included.
    static CliRun runOnTerminal(
        const QStringList& arguments, const QString& homeDir, const QHash<QString, QString>& extraEnv = {});

private:
    static CliRun start(const QString& program,
        const QStringList& arguments,
        const QString& homeDir,
        const QHash<QString, QString>& extraEnv,
        const QByteArray* input = nullptr);
};
