// eKYC Desk beside the provider's official Node SDK (@alicloud/openapi-client), against one HTTPS endpoint: a
// training sandbox run as its own process (`ekyc-desk-cli sandbox --port 0`). Not a test. Run:
//   build/tests/bench_sdk [--n N] [--runs R]
// 1. N sequential verifications (default 200) through the official client in one node process (one kept-alive
//    client, tests/node/bench-sequential.js) beside `ekyc-desk-cli batch` over the same N fixture people, with the
//    QPS limit lifted (api/rateLimitQps=0), at its default --parallel and at --parallel 1 (purely sequential, like
//    the SDK loop). Rates are verifications per second of wall clock, process start included; median of 3 runs.
// 2. One `ekyc-desk-cli verify` process (live mode: --endpoint, --ca-file, --db; and --training --dry-run) beside
//    one node process making the same single call (tests/node/call-sandbox.js): median wall clock of R runs each
//    (default 15).
// Every figure is printed beside its reference and the ratio, with /proc/loadavg at start and end. Every eKYC Desk
// call is recorded in a real SQLite history first, as always (scrypt key derivation on each open included).
// Without node or tests/node/node_modules it says so and exits 0 (packaging/dev test installs both).

#include "api/Credentials.h"
#include "sandbox/SandboxFixtures.h"

#include "BenchLoop.h"
#include "DistinctCases.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using BenchLoop::loadAverage;
using BenchLoop::median;

namespace {

const QString nodeDir = QStringLiteral(EKYC_SOURCE_DIR "/tests/node");
const QString passphrase = QStringLiteral("bench-passphrase-not-secret");

void print(const QString& line)
{
    QTextStream(stdout) << line << Qt::endl;
}

struct Run
{
    int exitCode = -1;
    double ms = 0; // wall clock, process start to exit
    QByteArray out;
    QByteArray err;
};

Run run(const QString& program,
    const QStringList& arguments,
    const QProcessEnvironment& env,
    const QString& workingDirectory = QString())
{
    QProcess process;
    process.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    if (!process.waitForFinished(600000))
        process.kill();
    process.waitForFinished();
    Run result;
    result.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

class Bench
{
public:
    explicit Bench(const QString& dir)
        : m_dir(dir)
    {
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }

    // The environment of every eKYC Desk process: a private home whose settings lift the QPS limit, the training
    // AccessKey in the environment (live mode against the sandbox), the history's passphrase, English messages.
    bool prepareHome()
    {
        QSettings settings(path(QStringLiteral("home/config/eKYC Desk/ekyc-desk.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("api/rateLimitQps"), 0);
        settings.sync();
        if (settings.status() != QSettings::NoError)
            return false;
        const Credentials training = Credentials::training();
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/data")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("home/config")));
        m_env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("home/cache")));
        m_env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        m_env.remove(QStringLiteral("LANGUAGE"));
        m_env.remove(QStringLiteral("LC_ALL"));
        m_env.remove(QStringLiteral("LC_MESSAGES"));
        m_env.remove(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"));
        m_env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), training.accessKeyId());
        m_env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromUtf8(training.secretForSigning()));
        m_env.insert(QStringLiteral("EKYC_DESK_PASSPHRASE"), passphrase);
        return true;
    }

    // Starts `ekyc-desk-cli sandbox --port 0` and reads its URL and CA path from what it prints.
    bool startSandbox(QString* error)
    {
        m_sandbox.setProcessEnvironment(m_env);
        m_sandbox.setProcessChannelMode(QProcess::SeparateChannels);
        m_sandbox.start(QStringLiteral(EKYC_CLI_PATH),
            { QStringLiteral("sandbox"),
                QStringLiteral("--port"),
                QStringLiteral("0"),
                QStringLiteral("--data-dir"),
                path(QStringLiteral("sandbox")),
                QStringLiteral("--request-log"),
                requestLog() });
        const QRegularExpression urlLine(QStringLiteral("listening on (https://\\S+)"));
        const QRegularExpression caLine(QStringLiteral("CA certificate: (.+)"));
        QByteArray printed;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000 && (m_url.isEmpty() || m_ca.isEmpty())) {
            if (!m_sandbox.waitForReadyRead(1000) && m_sandbox.state() == QProcess::NotRunning)
                break;
            printed += m_sandbox.readAllStandardOutput();
            for (const QString& line : QString::fromUtf8(printed).split(QLatin1Char('\n'))) {
                if (const QRegularExpressionMatch m = urlLine.match(line); m.hasMatch())
                    m_url = m.captured(1);
                if (const QRegularExpressionMatch m = caLine.match(line); m.hasMatch() && line.endsWith(u".pem"))
                    m_ca = m.captured(1).trimmed();
            }
        }
        if (m_url.isEmpty() || m_ca.isEmpty()) {
            *error = QStringLiteral("the sandbox did not start: %1%2")
                         .arg(QString::fromUtf8(printed), QString::fromUtf8(m_sandbox.readAllStandardError()));
            return false;
        }
        return true;
    }

    void stopSandbox()
    {
        m_sandbox.terminate();
        if (!m_sandbox.waitForFinished(5000)) {
            m_sandbox.kill();
            m_sandbox.waitForFinished();
        }
    }

    QString url() const { return m_url; }
    QString ca() const { return m_ca; }
    QString hostPort() const { return QString(m_url).remove(QStringLiteral("https://")).remove(QLatin1Char('/')); }
    QString requestLog() const { return path(QStringLiteral("requests.jsonl")); }

    // Requests the sandbox has answered so far (lines of its request log).
    int requestsLogged() const
    {
        QFile file(requestLog());
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return static_cast<int>(file.readAll().count('\n'));
    }

    // n rows, all different (a list does not send the same case twice): the fixture people (200), then made-up
    // people the sandbox does not know (202); every one an answered, billable call.
    QString writeCases(int n) const
    {
        QByteArray csv = "name,id_number,start,end\n";
        const QList<SandboxFixtures::Person>& people = SandboxFixtures::people();
        for (int i = 0; i < n; ++i) {
            const SandboxFixtures::Person p = i < people.size() ? people.at(i) : DistinctCases::unknown(i);
            csv += DistinctCases::csvLine(p) + '\n';
        }
        const QString name = path(QStringLiteral("cases-%1.csv").arg(n));
        QFile file(name);
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
            qFatal("cannot write the batch input");
        return name;
    }

    Run cli(const QStringList& arguments) const { return run(QStringLiteral(EKYC_CLI_PATH), arguments, m_env); }

    Run node(const QString& node, const QStringList& arguments) const { return run(node, arguments, m_env, nodeDir); }

    QString history() const { return path(QStringLiteral("history.sqlite")); }

    QStringList liveOptions() const
    {
        return {
            QStringLiteral("--endpoint"), m_url, QStringLiteral("--ca-file"), m_ca, QStringLiteral("--db"), history()
        };
    }

private:
    QDir m_dir;
    QProcessEnvironment m_env;
    QProcess m_sandbox;
    QString m_url;
    QString m_ca;
};

QString rate(double perSecond)
{
    return QString::number(perSecond, 'f', 1);
}

QString ms(double value)
{
    return QString::number(value, 'f', 0) + QStringLiteral(" ms");
}

QString ratio(double value)
{
    return QString::number(value, 'f', 2) + QStringLiteral("x");
}

void row(const QString& what, const QString& ours, const QString& reference, const QString& factor)
{
    print(QStringLiteral("%1 %2 %3 %4").arg(what, -44).arg(ours, 16).arg(reference, 18).arg(factor, 8));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("eKYC Desk beside the provider's official Node SDK"));
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("n"),
        QStringLiteral("Sequential verifications per run (default 200)."),
        QStringLiteral("N"),
        QStringLiteral("200"));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
        QStringLiteral("Single-call processes per client (default 15)."),
        QStringLiteral("R"),
        QStringLiteral("15"));
    parser.addOption(countOption);
    parser.addOption(runsOption);
    parser.process(app);
    const int n = qMax(1, parser.value(countOption).toInt());
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const int batchRuns = 3;

    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        print(QStringLiteral("bench_sdk: skipped, node is not installed (packaging/dev test installs it)."));
        return 0;
    }
    if (!QFile::exists(nodeDir + QStringLiteral("/node_modules/@alicloud/openapi-client/package.json"))) {
        print(QStringLiteral("bench_sdk: skipped, %1/node_modules is missing: run npm ci there "
                             "(packaging/dev test does).")
                  .arg(nodeDir));
        return 0;
    }

    QTemporaryDir dir;
    if (!dir.isValid()) {
        print(QStringLiteral("bench_sdk: no temporary directory"));
        return 1;
    }
    Bench bench(dir.path());
    QString error;
    if (!bench.prepareHome() || !bench.startSandbox(&error)) {
        print(QStringLiteral("bench_sdk: %1").arg(error));
        return 1;
    }
    const QString loadAtStart = loadAverage();
    print(QStringLiteral("bench_sdk: sandbox %1, N=%2, runs=%3, load at start %4")
              .arg(bench.url())
              .arg(n)
              .arg(runs)
              .arg(loadAtStart));

    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    const QStringList single = { QStringLiteral("--name"),
        person.docName,
        QStringLiteral("--id-number"),
        person.docNo,
        QStringLiteral("--start"),
        person.validityStartDate,
        QStringLiteral("--end"),
        person.validityEndDate };
    const QStringList nodeSingle = { QStringLiteral("call-sandbox.js"),
        QStringLiteral("--endpoint"),
        bench.hostPort(),
        QStringLiteral("--ca"),
        bench.ca(),
        QStringLiteral("--name"),
        person.docName,
        QStringLiteral("--doc-no"),
        person.docNo,
        QStringLiteral("--start"),
        person.validityStartDate,
        QStringLiteral("--end"),
        person.validityEndDate };
    auto failed = [](const QString& what, const Run& r) {
        print(QStringLiteral("bench_sdk: %1 failed (exit %2): %3%4")
                  .arg(what)
                  .arg(r.exitCode)
                  .arg(QString::fromUtf8(r.out), QString::fromUtf8(r.err)));
        return 1;
    };

    // The history is created first (a new history's keys are made once), so every measured run opens an existing
    // one, as a workstation does every day.
    if (const Run warm = bench.cli(QStringList { QStringLiteral("verify") } + single + bench.liveOptions());
        warm.exitCode != 0)
        return failed(QStringLiteral("the first verify"), warm);
    if (const Run warm = bench.node(node, nodeSingle); warm.exitCode != 0)
        return failed(QStringLiteral("the first node call"), warm);

    // 1. N sequential verifications.
    const QString cases = bench.writeCases(n);
    QList<double> sdkRates;
    QList<double> batchRates;
    QList<double> sequentialRates;
    int sdkConnections = 0;
    int batchNumber = 0;
    for (int i = 0; i < batchRuns; ++i) {
        int before = bench.requestsLogged();
        const Run sdk = bench.node(node,
            { QStringLiteral("bench-sequential.js"),
                QStringLiteral("--endpoint"),
                bench.hostPort(),
                QStringLiteral("--ca"),
                bench.ca(),
                QStringLiteral("--in"),
                cases,
                QStringLiteral("--n"),
                QString::number(n) });
        if (sdk.exitCode != 0 || bench.requestsLogged() - before != n)
            return failed(QStringLiteral("the SDK loop"), sdk);
        sdkConnections = QJsonDocument::fromJson(sdk.out).object().value(QStringLiteral("connections")).toInt();
        sdkRates.append(n / (sdk.ms / 1000));

        for (const int parallel : { 0, 1 }) {
            before = bench.requestsLogged();
            QStringList arguments = { QStringLiteral("batch"),
                QStringLiteral("--in"),
                cases,
                QStringLiteral("--out"),
                bench.path(QStringLiteral("results-%1.csv").arg(++batchNumber)),
                QStringLiteral("--again") }; // the same list, on purpose, every time
            if (parallel)
                arguments << QStringLiteral("--parallel") << QString::number(parallel);
            const Run batch = bench.cli(arguments + bench.liveOptions());
            if (batch.exitCode != 0 || bench.requestsLogged() - before != n)
                return failed(QStringLiteral("the batch"), batch);
            (parallel ? sequentialRates : batchRates).append(n / (batch.ms / 1000));
        }
    }

    // 2. One process, one call.
    QList<double> verifyMs;
    QList<double> dryRunMs;
    QList<double> nodeMs;
    for (int i = 0; i < runs; ++i) {
        const Run sdk = bench.node(node, nodeSingle);
        if (sdk.exitCode != 0)
            return failed(QStringLiteral("the node call"), sdk);
        nodeMs.append(sdk.ms);
        const Run verify = bench.cli(QStringList { QStringLiteral("verify") } + single + bench.liveOptions());
        if (verify.exitCode != 0)
            return failed(QStringLiteral("verify"), verify);
        verifyMs.append(verify.ms);
        const Run dryRun = bench.cli(QStringList { QStringLiteral("verify") } + single
            + QStringList { QStringLiteral("--training"), QStringLiteral("--dry-run") });
        if (dryRun.exitCode != 0)
            return failed(QStringLiteral("verify --dry-run"), dryRun);
        dryRunMs.append(dryRun.ms);
    }
    bench.stopSandbox();

    print(QString());
    row(QStringLiteral("figure"),
        QStringLiteral("eKYC Desk"),
        QStringLiteral("official Node SDK"),
        QStringLiteral("ratio"));
    const double sdkRate = median(sdkRates);
    row(QStringLiteral("%1 sequential calls, verifications/s").arg(n),
        rate(median(batchRates)),
        rate(sdkRate),
        ratio(median(batchRates) / sdkRate));
    row(QStringLiteral("  the same, batch --parallel 1"),
        rate(median(sequentialRates)),
        rate(sdkRate),
        ratio(median(sequentialRates) / sdkRate));
    const double nodeMedian = median(nodeMs);
    row(QStringLiteral("one call in one process, median of %1").arg(runs),
        ms(median(verifyMs)),
        ms(nodeMedian),
        ratio(nodeMedian / median(verifyMs)));
    row(QStringLiteral("  verify --training --dry-run (no call)"),
        ms(median(dryRunMs)),
        ms(nodeMedian),
        ratio(nodeMedian / median(dryRunMs)));
    print(QString());
    print(QStringLiteral("Rates: wall clock of the whole process, start included, median of %1 runs; batch at its "
                         "default --parallel, QPS limit lifted; every case and attempt recorded in the history before "
                         "it is sent. SDK connections per run: %2. Ratio > 1: eKYC Desk faster.")
              .arg(batchRuns)
              .arg(sdkConnections));
    print(QStringLiteral("load at start %1, at end %2").arg(loadAtStart, loadAverage()));
    return 0;
}
