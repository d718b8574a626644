// Start-up time of the desk beside a bare Qt Widgets window, in the same run. Not a test. Run:
//   build/tests/bench_startup [--runs N] [--xvfb] [--desk PATH]
// Launches, N times each (default 15, the programs alternating, the first round discarded as a warm-up):
//   bare      tests/bench/startup/bare_window.cpp: a QMainWindow with a label, built with the project's flags
//   bare+libs the same with the shared libraries the desk needs and the bare window does not (ldd's lists of both)
//             preloaded (LD_PRELOAD): the part of the desk's start that is loading its libraries, nothing of its own
//   training  `ekyc-desk --training`: the training sandbox and the training history (made by the first run)
//   live      `ekyc-desk` with an AccessKey in the environment and an encrypted history (made by the first run) whose
//             passphrase comes from EKYC_DESK_PASSPHRASE; it then asks who signs in, which the probe cancels
// each in a private HOME and XDG folders, LANG=C.UTF-8, on the offscreen platform (or, with --xvfb, on a private Xvfb
// server, closer to a real X11 desktop). EKYC_DESK_STARTUP_PROBE=1 makes each program print when each of its windows
// was first shown (exposed, first frame painted) and when the desk was ready, on CLOCK_MONOTONIC (ui/StartupProbe.h);
// the time of a run counts from just before the process is started. Printed per program, in milliseconds, median and
// p90: the main window shown, the first window of any kind shown, and ready (the history open and attached, or the
// first question asked: the live desk's sign-in), then the ratio of the main window's median to the bare window's.
// /proc/loadavg at start and end: the figures are wall clock and suffer from other work on the machine. --desk
// measures another ekyc-desk build (one without the probe shows no window lines and is reported as failed).
#include "api/Credentials.h"

#include "BenchLoop.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <optional>

using BenchLoop::loadAverage;
using BenchLoop::median;

namespace {

const QString passphrase = QStringLiteral("bench-passphrase-not-secret");

void print(const QString& line)
{
    QTextStream(stdout) << line << Qt::endl;
}

long long monotonicNanoseconds()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

// The q-quantile of values (nearest rank); 0 when there are none.
double quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<qsizetype>(std::ceil(q * static_cast<double>(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

// What one launch printed, in milliseconds from the launch.
struct Launch
{
    std::optional<double> mainWindow; // the QMainWindow shown
    std::optional<double> firstWindow; // any top-level window shown first
    std::optional<double> ready; // the desk ready, or the first dialog shown
    QString firstWindowClass;
    QString failure;
};

Launch launch(const QString& program, const QStringList& arguments, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    const long long start = monotonicNanoseconds();
    process.start(program, arguments);
    Launch result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        result.failure = QStringLiteral("did not end within 60 s");
    }
    const auto since = [start](const QString& ns) { return static_cast<double>(ns.toLongLong() - start) / 1e6; };
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QStringList parts = line.split(QLatin1Char(' '));
        if (parts.size() >= 3 && parts.at(0) == QLatin1String("window")) {
            const double at = since(parts.at(1));
            if (!result.firstWindow) {
                result.firstWindow = at;
                result.firstWindowClass = parts.at(2);
            }
            if (parts.at(2).endsWith(QLatin1String("MainWindow")) && !result.mainWindow)
                result.mainWindow = at;
            else if (!parts.at(2).endsWith(QLatin1String("MainWindow")) && !result.ready)
                result.ready = at; // a question: the desk waits for the person
        } else if (parts.size() >= 2 && parts.at(0) == QLatin1String("ready") && !result.ready) {
            result.ready = since(parts.at(1));
        }
    }
    if (!result.firstWindow && result.failure.isEmpty())
        result.failure = QStringLiteral("no window shown (exit %1): %2")
                             .arg(process.exitCode())
                             .arg(QString::fromUtf8(process.readAllStandardError()).left(400));
    return result;
}

// The shared libraries the dynamic loader resolves for program (ldd's "name => path" lines), in its order; empty when
// ldd is missing or fails.
QStringList sharedLibraries(const QString& program)
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), { program });
    if (!ldd.waitForFinished(30000) || ldd.exitStatus() != QProcess::NormalExit || ldd.exitCode() != 0)
        return {};
    QStringList paths;
    const QStringList lines = QString::fromLocal8Bit(ldd.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        const QStringList parts = line.simplified().split(QLatin1Char(' '));
        if (parts.size() >= 3 && parts.at(1) == QLatin1String("=>") && parts.at(2).startsWith(QLatin1Char('/')))
            paths.append(parts.at(2));
    }
    return paths;
}

struct Program
{
    QString name;
    QString path;
    QStringList arguments;
    QProcessEnvironment env;
    QList<double> mainWindow, firstWindow, ready;
    QStringList firstWindowClasses;
    int failures = 0;
    bool reference = false; // measured beside the desk, not against the goal
};

QString figures(const QList<double>& values)
{
    if (values.isEmpty())
        return QStringLiteral("         -");
    return QStringLiteral("%1 %2").arg(median(values), 7, 'f', 1).arg(quantile(values, 0.9), 7, 'f', 1);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Start-up time of ekyc-desk beside a bare Qt Widgets window."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Launches of each program (default 15)."), QStringLiteral("n"));
    const QCommandLineOption xvfbOption(
        QStringLiteral("xvfb"), QStringLiteral("Run on a private Xvfb server instead of the offscreen platform."));
    const QCommandLineOption deskOption(QStringLiteral("desk"),
        QStringLiteral("The ekyc-desk to measure (default: the one built beside this benchmark), e.g. an older build."),
        QStringLiteral("path"));
    parser.addOption(runsOption);
    parser.addOption(xvfbOption);
    parser.addOption(deskOption);
    parser.parse(QCoreApplication::arguments()); // packaging/dev bench passes its arguments to every benchmark
    const int runs = std::max(2, parser.value(runsOption).isEmpty() ? 15 : parser.value(runsOption).toInt());

    QTemporaryDir dir;
    if (!dir.isValid()) {
        print(QStringLiteral("failed: no temporary folder"));
        return 1;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString home = dir.filePath(QStringLiteral("home"));
    const QString runtime = dir.filePath(QStringLiteral("runtime"));
    QDir().mkpath(home);
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    for (const char* name : { "LANGUAGE",
             "LC_ALL",
             "LC_MESSAGES",
             "ALIBABA_CLOUD_ACCESS_KEY_ID",
             "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
             "ALIBABA_CLOUD_SECURITY_TOKEN",
             "ALIBABA_CLOUD_PROFILE",
             "QT_SCALE_FACTOR",
             "QT_QPA_PLATFORMTHEME" })
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("EKYC_DESK_STARTUP_PROBE"), QStringLiteral("1"));

    QProcess xvfb;
    QString platform = QStringLiteral("offscreen");
    if (parser.isSet(xvfbOption)) {
        xvfb.start(QStringLiteral("Xvfb"),
            { QStringLiteral("-displayfd"),
                QStringLiteral("1"),
                QStringLiteral("-screen"),
                QStringLiteral("0"),
                QStringLiteral("1600x1000x24"),
                QStringLiteral("-nolisten"),
                QStringLiteral("tcp") });
        QByteArray display;
        while (!display.contains('\n') && xvfb.waitForReadyRead(10000))
            display += xvfb.readAllStandardOutput();
        if (display.trimmed().isEmpty()) {
            print(QStringLiteral("failed: Xvfb did not start (is the xvfb package installed?)"));
            return 1;
        }
        env.insert(QStringLiteral("DISPLAY"), QLatin1Char(':') + QString::fromLatin1(display.trimmed()));
        platform = QStringLiteral("xcb");
    }
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);

    QProcessEnvironment trainingEnv = env;
    QProcessEnvironment liveEnv = env;
    const Credentials training = Credentials::training();
    liveEnv.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), training.accessKeyId());
    liveEnv.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromUtf8(training.secretForSigning()));
    liveEnv.insert(QStringLiteral("EKYC_DESK_PASSPHRASE"), passphrase);
    trainingEnv.remove(QStringLiteral("EKYC_DESK_PASSPHRASE"));

    const QString desk = parser.value(deskOption).isEmpty() ? QStringLiteral(EKYC_DESK_PATH) : parser.value(deskOption);
    QList<Program> programs = {
        { QStringLiteral("bare"), QStringLiteral(EKYC_BARE_WINDOW_PATH), {}, env, {}, {}, {}, {}, 0 },
        { QStringLiteral("training"), desk, { QStringLiteral("--training") }, trainingEnv, {}, {}, {}, {}, 0 },
        { QStringLiteral("live"), desk, {}, liveEnv, {}, {}, {}, {}, 0 },
    };
    // The same bare window with every shared library the desk needs and it does not (Qt Network, Sql, Charts, Svg,
    // OpenSSL, the keychain and what they pull in) loaded first: how much of the desk's start is loading them alone.
    QStringList deskOnly = sharedLibraries(desk);
    const QStringList bareLibraries = sharedLibraries(QStringLiteral(EKYC_BARE_WINDOW_PATH));
    deskOnly.removeIf([&bareLibraries](const QString& path) { return bareLibraries.contains(path); });
    if (!deskOnly.isEmpty()) {
        QProcessEnvironment withLibraries = env;
        withLibraries.insert(QStringLiteral("LD_PRELOAD"), deskOnly.join(QLatin1Char(':')));
        programs.insert(1,
            { QStringLiteral("bare+libs"),
                QStringLiteral(EKYC_BARE_WINDOW_PATH),
                {},
                withLibraries,
                {},
                {},
                {},
                {},
                0,
                true });
    }

    print(QStringLiteral("start-up of %1, %2 launches each (first discarded), platform %3; load average %4")
              .arg(desk)
              .arg(runs)
              .arg(platform, loadAverage()));
    for (int round = 0; round < runs; ++round) {
        for (Program& program : programs) {
            const Launch result = launch(program.path, program.arguments, program.env);
            if (!result.failure.isEmpty()) {
                ++program.failures;
                print(QStringLiteral("  %1, launch %2: %3").arg(program.name).arg(round + 1).arg(result.failure));
                continue;
            }
            if (round == 0)
                continue; // warm-up: caches, and the histories made
            if (result.mainWindow)
                program.mainWindow.append(*result.mainWindow);
            program.firstWindow.append(*result.firstWindow);
            if (result.ready)
                program.ready.append(*result.ready);
            if (!program.firstWindowClasses.contains(result.firstWindowClass))
                program.firstWindowClasses.append(result.firstWindowClass);
        }
    }

    print(QStringLiteral("ms from launch, median p90:  main window shown | first window shown | ready"));
    for (const Program& program : programs) {
        print(QStringLiteral("  %1 %2 | %3 | %4   (first window: %5%6)")
                  .arg(program.name, -9)
                  .arg(figures(program.mainWindow),
                      figures(program.firstWindow),
                      figures(program.ready),
                      program.firstWindowClasses.join(QStringLiteral(", ")),
                      program.failures ? QStringLiteral("; %1 failed").arg(program.failures) : QString()));
    }
    const double bare = median(programs.at(0).mainWindow);
    for (qsizetype i = 1; i < programs.size(); ++i) {
        const Program& program = programs.at(i);
        if (bare <= 0 || program.mainWindow.isEmpty()) {
            print(QStringLiteral("  %1: main window not shown before the first question").arg(program.name));
            continue;
        }
        print(QStringLiteral("  %1 main window / bare window: %2x%3")
                  .arg(program.name)
                  .arg(median(program.mainWindow) / bare, 0, 'f', 2)
                  .arg(program.reference ? QStringLiteral(" (the %1 libraries the desk links, loaded and nothing else)")
                                               .arg(deskOnly.size())
                                         : QStringLiteral(" (goal <= 1.3x)")));
    }
    print(QStringLiteral("load average at the end %1").arg(loadAverage()));
    if (xvfb.state() != QProcess::NotRunning) {
        xvfb.terminate();
        xvfb.waitForFinished(5000);
    }
    return 0;
}
