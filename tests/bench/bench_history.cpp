// Supervisor desk benchmark on a large SQLite history. Not a test: run it by hand or through `packaging/dev bench`.
//
//   bench_history [--db PATH] [--events N] [--runs R]
//
// Uses the history at PATH, or makes one there with `ekyc-desk-cli dev seed --events N` (default 1,000,000 events,
// about 244,000 cases over a year and more). Then, as a supervisor would see it:
//   - opening the history and the history view's first page (100 rows, newest first) with its count;
//   - three typical filters: 223 in the last 30 days, one reviewer's 202s, an exact ID number (blind index);
//   - the dashboard for the last 365 days;
//   - peak RSS of this process;
//   - a CSV export of every event (Exporter, with its manifest) beside `sqlite3 -csv` writing the same rows of the
//     same file, process start included for both; and, as the reference for the dashboard, the sqlite3 shell's own
//     time for a naive GROUP BY day over the cases of that year.
// Each figure is the median of R runs (default 5) after one warm-up.
#include "export/Exporter.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"
#include "history/Dashboard.h"

#include "StoreFixture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

void print(const QString& line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

template <class R> void must(const R& result)
{
    if (!result) {
        print(QStringLiteral("failed: ") + result.message());
        std::exit(1);
    }
}

double medianMs(int runs, const std::function<void()>& work)
{
    work(); // warm-up
    QList<double> ms;
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        work();
        ms << timer.nsecsElapsed() / 1e6;
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

QString peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    }
    return QStringLiteral("?");
}

// The sqlite3 shell's own ".timer" figure for the second run of sql (schema and pages cached), in ms.
double shellMs(const QString& path, const QString& sql)
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), { QStringLiteral("-readonly"), path });
    if (!shell.waitForStarted())
        return -1;
    const QByteArray script = (QStringLiteral(".timer on\n.output /dev/null\n") + sql + u'\n').toUtf8();
    shell.write(script);
    shell.write(script);
    shell.closeWriteChannel();
    shell.waitForFinished(-1);
    static const QRegularExpression real(QStringLiteral("Run Time: real ([0-9.]+)"));
    QList<double> times;
    auto it = real.globalMatch(QString::fromUtf8(shell.readAllStandardOutput() + shell.readAllStandardError()));
    while (it.hasNext())
        times << it.next().captured(1).toDouble() * 1000.0;
    return times.isEmpty() ? -1 : times.constLast();
}

// `sqlite3 -csv` writing every event to out, process start included, in ms.
double shellCsvMs(const QString& path, const QString& out)
{
    QElapsedTimer timer;
    timer.start();
    QProcess shell;
    shell.setStandardOutputFile(out);
    shell.start(QStringLiteral("sqlite3"),
        { QStringLiteral("-readonly"),
            QStringLiteral("-csv"),
            QStringLiteral("-header"),
            path,
            QStringLiteral("SELECT seq, ts, actor, workstation, case_id, kind, payload, pii_digest, prev_hash, hash "
                           "FROM events ORDER BY seq") });
    if (!shell.waitForStarted())
        return -1;
    shell.waitForFinished(-1);
    return timer.nsecsElapsed() / 1e6;
}

void seedIfMissing(const QString& path, int events)
{
    if (QFile::exists(path))
        return;
    print(QStringLiteral("seeding %1 events into %2 (ekyc-desk-cli dev seed)...").arg(events).arg(path));
    QElapsedTimer timer;
    timer.start();
    QProcess cli;
    cli.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    cli.start(QStringLiteral(EKYC_CLI_PATH),
        { QStringLiteral("dev"),
            QStringLiteral("seed"),
            QStringLiteral("--events"),
            QString::number(events),
            QStringLiteral("--db"),
            path });
    if (!cli.waitForFinished(-1) || cli.exitCode() != 0) {
        print(QStringLiteral("dev seed failed"));
        std::exit(1);
    }
    print(QStringLiteral("seeded in %1 s").arg(timer.elapsed() / 1000.0, 0, 'f', 1));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("History file."), QStringLiteral("PATH"));
    const QCommandLineOption eventsOption(QStringLiteral("events"),
        QStringLiteral("Events to seed when PATH is new."),
        QStringLiteral("N"),
        QStringLiteral("1000000"));
    const QCommandLineOption runsOption(
        QStringLiteral("runs"), QStringLiteral("Runs per figure."), QStringLiteral("R"), QStringLiteral("5"));
    parser.addOptions({ dbOption, eventsOption, runsOption });
    parser.process(app);
    QTemporaryDir dir;
    const QString path =
        parser.isSet(dbOption) ? parser.value(dbOption) : dir.filePath(QStringLiteral("history.sqlite"));
    const int runs = qMax(1, parser.value(runsOption).toInt());
    seedIfMissing(path, parser.value(eventsOption).toInt());

    QElapsedTimer timer;
    timer.start();
    AuditStore::Options options;
    options.keys = StoreFixture::keys();
    options.mustExist = true;
    auto opened = AuditStore::open(path, options);
    must(opened);
    AuditStore& store = **opened;
    const double openMs = timer.nsecsElapsed() / 1e6;
    const Actor boss { QStringLiteral("supervisor-bench"), QStringLiteral("supervisor"), QStringLiteral("bench") };
    QSqlQuery head(store.database());
    const qint64 events =
        head.exec(QStringLiteral("SELECT MAX(seq) FROM events")) && head.next() ? head.value(0).toLongLong() : 0;

    HistoryQuery all;
    timer.restart();
    must(store.queryCases(boss, all, {}, 100));
    const double firstPageColdMs = timer.nsecsElapsed() / 1e6;
    const double firstPageMs = medianMs(runs, [&] { must(store.queryCases(boss, all, {}, 100)); });
    qint64 cases = 0;
    const double countMs = medianMs(runs, [&] { cases = store.countCases(boss, all).valueOr(-1); });
    print(QStringLiteral("history: %1 events, %2 cases; open %3 ms").arg(events).arg(cases).arg(openMs, 0, 'f', 1));
    print(QStringLiteral("first page (100 rows, newest first): %1 ms first time, median %2 ms; count of all %3 ms")
              .arg(firstPageColdMs, 0, 'f', 1)
              .arg(firstPageMs, 0, 'f', 1)
              .arg(countMs, 0, 'f', 1));

    const HistoryPage newest = store.queryCases(boss, all, {}, 1).valueOr({});
    const QDateTime latest = newest.rows.isEmpty() ? QDateTime::currentDateTimeUtc() : newest.rows.first().createdAt;
    const QString reviewer = newest.rows.isEmpty() ? QString() : newest.rows.first().actor;
    HistoryQuery mismatches;
    mismatches.outcome = QStringLiteral("223");
    mismatches.from = latest.addDays(-30);
    HistoryQuery reviewerErrors;
    reviewerErrors.actor = reviewer;
    reviewerErrors.outcome = QStringLiteral("202");
    HistoryQuery byId;
    if (!newest.rows.isEmpty())
        byId.idNumber =
            store.revealCase(boss, newest.rows.first().caseId, QStringLiteral("benchmark")).valueOr({}).idNumber;
    const std::pair<const char*, HistoryQuery*> filters[] = { { "223 in the last 30 days", &mismatches },
        { "one reviewer's 202s", &reviewerErrors },
        { "exact ID number", &byId } };
    for (const auto& filter : filters) {
        // Not a structured binding: clang 14 cannot capture one in the lambdas below.
        const char* name = filter.first;
        const HistoryQuery* query = filter.second;
        qint64 matched = 0;
        const double pageMs = medianMs(runs, [&] { must(store.queryCases(boss, *query, {}, 100)); });
        const double countedMs = medianMs(runs, [&] { matched = store.countCases(boss, *query).valueOr(-1); });
        print(QStringLiteral("filter %1: first page median %2 ms, count (%3 cases) %4 ms")
                  .arg(QLatin1String(name))
                  .arg(pageMs, 0, 'f', 1)
                  .arg(matched)
                  .arg(countedMs, 0, 'f', 1));
    }

    DashboardQuery year;
    year.to = latest.addSecs(3600);
    year.from = year.to.addDays(-365);
    year.zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    const double dashboardMs = medianMs(runs, [&] { must(store.dashboard(boss, year)); });
    const QString naive = QStringLiteral("SELECT substr(created_at, 1, 10), state, sub_code, passed, COUNT(*) FROM "
                                         "cases WHERE training = 0 AND created_at >= '%1' AND created_at < '%2' "
                                         "GROUP BY 1, 2, 3, 4;")
                              .arg(QString::fromLatin1(CanonicalEvent::timestamp(year.from)),
                                  QString::fromLatin1(CanonicalEvent::timestamp(year.to)));
    const double naiveMs = shellMs(path, naive);
    print(QStringLiteral("dashboard, last 365 days (Asia/Shanghai days): median %1 ms; sqlite3 naive GROUP BY day over "
                         "cases: %2 ms (%3x the dashboard)")
              .arg(dashboardMs, 0, 'f', 1)
              .arg(naiveMs, 0, 'f', 1)
              .arg(dashboardMs > 0 ? naiveMs / dashboardMs : 0, 0, 'f', 1));
    print(QStringLiteral("peak RSS so far: %1").arg(peakRss()));

    ExportRequest request;
    request.what = ExportRequest::What::Events;
    request.format = ExportRequest::Format::Csv;
    request.outPath = dir.filePath(QStringLiteral("events.csv"));
    timer.restart();
    const Result<ExportOutcome> exported = Exporter(store).run(boss, request);
    must(exported);
    const double exportMs = timer.nsecsElapsed() / 1e6;
    const double shellExportMs = shellCsvMs(path, dir.filePath(QStringLiteral("sqlite3.csv")));
    print(QStringLiteral("CSV export of all %1 events: eKYC Desk %2 ms (%3 MB, manifest and chain facts included); "
                         "sqlite3 -csv %4 ms (%5 MB); ratio %6x")
              .arg(exported->manifest.rows)
              .arg(exportMs, 0, 'f', 0)
              .arg(QFileInfo(request.outPath).size() / 1e6, 0, 'f', 1)
              .arg(shellExportMs, 0, 'f', 0)
              .arg(QFileInfo(dir.filePath(QStringLiteral("sqlite3.csv"))).size() / 1e6, 0, 'f', 1)
              .arg(shellExportMs > 0 ? exportMs / shellExportMs : 0, 0, 'f', 2));
    print(QStringLiteral("peak RSS: %1").arg(peakRss()));
    return 0;
}
