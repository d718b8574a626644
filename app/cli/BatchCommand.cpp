#include "cli/Commands.h"

#include "api/ApiClient.h"
#include "base/Language.h"
#include "base/OutputFile.h"
#include "base/Settings.h"
#include "batch/BatchInput.h"
#include "batch/BatchJournal.h"
#include "batch/BatchReport.h"
#include "batch/BatchRun.h"
#include "batch/BatchStart.h"
#include "cli/BatchProgress.h"
#include "cli/HistoryCli.h"
#include "cli/Interruption.h"
#include "history/AuditStore.h"
#include "session/Session.h"
#include "session/TrainingHistory.h"
#include "session/VerificationService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace Cli {

namespace {

enum ExitCode
{
    AllAnswered = 0,
    Refused = 3,
    SomeErrors = 4,
    SomeUnknown = 9,
    // Some rows refused by the pre-check (never sent), every other row answered: see the results. A list whose
    // every row is refused sent nothing: Refused.
    SomeRefused = 10,
    // Ctrl-C, SIGTERM or SIGHUP: the rows not yet sent were not sent (128 + SIGINT, as shells report it).
    Interrupted = 130,
};

QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Cli", text, disambiguation, n);
}

void reportRows(const BatchInput& input)
{
    for (const BatchRow& row : input.rows()) {
        for (const ValidationIssue& issue : row.issues) {
            const QString text =
                issue.blocking ? tr("Row %1 (line %2) refused, not sent: %3") : tr("Row %1 (line %2) warning: %3");
            HistoryCli::err(text.arg(row.number).arg(row.line).arg(issue.message) + u'\n');
        }
    }
}

// Rows with plausibility warnings are sent only when acknowledged: --accept-warnings, or "y" on a terminal.
bool warningsAccepted(const BatchInput& input, bool accepted)
{
    const int warnings = input.warningCount();
    if (warnings == 0 || accepted)
        return true;
    if (!isatty(fileno(stdin))) {
        HistoryCli::err(tr("%n row(s) have warnings (listed above). Check them, then run again with "
                           "--accept-warnings to send them. Nothing was sent.",
                            nullptr,
                            warnings)
            + u'\n');
        return false;
    }
    HistoryCli::err(tr("%n row(s) have warnings (listed above). Send them anyway? [y/N] ", nullptr, warnings));
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

int exitCodeFor(const BatchRun& run)
{
    const BatchRun::Counts counts = run.counts();
    if (run.notPermitted())
        return HistoryCli::NotPermitted;
    // The history failed, even at the last row (nothing was left to leave unsent): the case it failed on is not
    // recorded as the results say, so this is never a success.
    if (run.historyFailed() || (!run.stopReason().isEmpty() && counts.notSent > 0))
        return HistoryCli::CannotOpen;
    if (counts.unknown > 0)
        return SomeUnknown;
    if (counts.errors > 0)
        return SomeErrors;
    if (counts.refused > 0)
        return counts.refused == counts.total ? Refused : SomeRefused;
    return AllAnswered;
}

// The connections worth opening ahead: one per call in flight, no more than the rows that may be sent (a resumed
// batch may send fewer still; a connection it does not use costs one handshake). None when this list's batch at this
// output ended with nothing left to send (its journal settled) and is run again as it is (not --again, not
// --retry-unknown): the history will most likely answer every row, and the connections would only be closed at exit.
// A hint only: where rows are sent after all (a batch that ended before sending, a row the pre-check refused
// yesterday), their calls open their connections themselves.
int connectionsFor(const QCommandLineParser& parser, const BatchInput& input, int maxInFlight)
{
    if (!parser.isSet(QStringLiteral("again")) && !parser.isSet(QStringLiteral("retry-unknown"))) {
        const std::optional<BatchJournal> there = BatchJournal::at(parser.value(QStringLiteral("out")));
        if (there && there->settled.value_or(false) && there->listSha256 == input.listDigest())
            return 0;
    }
    return static_cast<int>(std::min<qsizetype>(maxInFlight, input.rows().size() - input.refusedCount()));
}

// The list was begun before (in this history, by anyone): why, and how to send it anyway; a line.
QString withAgain(const QString& why)
{
    return Language::joinSentences({ why, tr("To verify the list anyway, add --again.") }) + u'\n';
}

// settings: the session keeps a reference to it, so it lives as long as the session. early: the history's open begun
// while the list was read (HistoryCli::beginOpen), or nullptr.
std::unique_ptr<Session> openSession(const QCommandLineParser& parser,
    Settings& settings,
    bool training,
    int connections,
    OffThreadOpen::Pending* early,
    int* exitCode)
{
    Session::Request request;
    request.training = training;
    request.historyLocation = parser.value(QStringLiteral("db"));
    request.signIn = [&parser, training](AuditStore& history) { return HistoryCli::signIn(parser, history, training); };
    request.endpoint = parser.value(QStringLiteral("endpoint"));
    request.caFile = parser.value(QStringLiteral("ca-file"));
    // The connections the batch will use are opened while the key derivation runs.
    // The early open was begun for Session::historyFor's choice, which the session opens the same way.
    request.openHistoryWith = [early](const QString& location) {
        return early && early->location() == location ? early->take() : HistoryCli::openStoreOffThread(location);
    };
    request.openTrainingHistoryWith = [early](const QString& path) {
        return early && early->location() == path
            ? early->take()
            : OffThreadOpen::open(path, [&path] { return TrainingHistory::open(path); });
    };
    request.preconnect = connections;
    Session::Failure failure;
    std::unique_ptr<Session> session = Session::create(settings, request, &failure);
    if (!session) {
        HistoryCli::err(failure.message + u'\n');
        *exitCode = HistoryCli::exitCodeFor(failure.error);
        return nullptr;
    }
    for (const QString& warning : session->credentialWarnings())
        HistoryCli::err(tr("Warning: %1").arg(warning) + u'\n');
    if (const QString notice = session->verification().spoolNotice(); !notice.isEmpty())
        HistoryCli::err(tr("Audit history: %1").arg(notice) + u'\n'); // set aside while the history was opened
    return session;
}

// maxInFlight: --parallel, already checked and capped. early: as openSession takes it.
int runBatchFile(const QCommandLineParser& parser,
    const BatchInput& input,
    const QByteArray& data,
    int maxInFlight,
    OffThreadOpen::Pending* early)
{
    const QString outPath = parser.value(QStringLiteral("out"));
    int exitCode = Refused;
    Settings settings;
    const std::unique_ptr<Session> session = openSession(parser,
        settings,
        parser.isSet(QStringLiteral("training")),
        connectionsFor(parser, input, maxInFlight),
        early,
        &exitCode);
    if (!session)
        return exitCode;
    VerificationService& service = session->verification();
    for (const auto signal : { &VerificationService::historyError, &VerificationService::historyNotice }) {
        QObject::connect(&service, signal, &service, [](const QString& message) {
            HistoryCli::err(tr("Audit history: %1").arg(message) + u'\n');
        });
    }

    BatchStart start = BatchStart::begin(input,
        data,
        { outPath, session->history()->historyId(), parser.isSet(QStringLiteral("again")), service.isTraining() });
    if (!start.warning().isEmpty())
        HistoryCli::err(tr("Warning: %1").arg(start.warning()) + u'\n');
    if (start.refusal() != BatchStart::Refusal::None) {
        HistoryCli::err(start.refusal() == BatchStart::Refusal::AlreadyBegun ? withAgain(start.message())
                                                                             : start.message() + u'\n');
        return Refused;
    }
    const BatchJournal& journal = start.journal();
    const bool resumed = start.resumed();
    if (resumed)
        HistoryCli::err(tr("Resuming the batch begun %1 with this input: rows already answered are not sent again.")
                            .arg(journal.startedAt.toLocalTime().toString(Qt::ISODate))
            + u'\n');

    BatchRun::Options options;
    options.retryUnknown = parser.isSet(QStringLiteral("retry-unknown"));
    options.maxInFlight = maxInFlight;
    start.configure(options);
    BatchRun run(service, input, journal, options);
    BatchProgress progress(isatty(fileno(stderr)) != 0);
    QObject::connect(&run, &BatchRun::progress, &run, [&run, &progress] { progress.update(run); });
    QObject::connect(&run, &BatchRun::finished, &run, [] { QCoreApplication::exit(0); });
    Interruption interruption;
    QObject::connect(&interruption, &Interruption::interrupted, &run, [&run] {
        HistoryCli::err(u'\n'
            + tr("Interrupted: no more rows are sent; the calls in flight finish and are recorded, then the results "
                 "are written. Interrupt again to quit at once (run the same command later to resume).")
            + u'\n');
        run.cancel(tr("Interrupted: the rows not yet sent were not sent. Run the same command to send them."));
    });
    run.start();
    if (!run.isFinished())
        QCoreApplication::exec();
    if (run.earlierInHistory()) { // begun on another workstation (or by another user): nothing was sent
        progress.abandon();
        start.finished(run, false);
        HistoryCli::err(withAgain(run.stopReason()));
        return Refused;
    }
    progress.finish(run);
    if (!run.stopReason().isEmpty())
        HistoryCli::err(run.stopReason() + u'\n');

    const auto format = parser.isSet(QStringLiteral("json")) ? BatchReport::Format::Jsonl : BatchReport::Format::Csv;
    const Result<void> written = BatchReport::write(run, format, outPath);
    start.finished(run, written.ok()); // another run may take the file now
    if (!written) {
        HistoryCli::err(written.message() + u'\n');
        return HistoryCli::CannotOpen;
    }
    const BatchRun::Counts counts = run.counts();
    if (run.carriedRows() > 0 && !resumed)
        HistoryCli::err(tr("%n row(s) of this list were in the list verified before with these results: their earlier "
                           "outcomes are in %1, marked earlier_run, and were not sent again.",
                            nullptr,
                            run.carriedRows())
                            .arg(outPath)
            + u'\n');
    if (counts.unknown > 0)
        HistoryCli::err(tr("%n row(s) were sent without an answer and may have been billed; they are marked "
                           "\"unknown\" in %1 and are not sent again unless you add --retry-unknown.",
                            nullptr,
                            counts.unknown)
                            .arg(outPath)
            + u'\n');
    if (counts.throttled > 0)
        HistoryCli::err(tr("The service throttled %n attempt(s); the whole batch slowed down (now %1 requests per "
                           "second).",
                            nullptr,
                            counts.throttled)
                            .arg(run.currentQps(), 0, 'f', 1)
            + u'\n');
    HistoryCli::err(tr("Results: %1").arg(outPath) + u'\n');
    return interruption.signalNumber() != 0 ? Interrupted : exitCodeFor(run);
}

} // namespace

int runBatch(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Verifies a list of cases from a CSV file (UTF-8, with or without a byte-order mark; GBK is refused with how "
        "to convert it). The header names the columns name, id_number, start, end and optionally scene, user_id, "
        "merchant_biz_id, in any order; start and end are YYYYMMDD, end may be long-term or 长期.\n\n"
        "Every row is checked locally first: refused rows are listed with the field and reason and never sent (a row "
        "with the same name, ID number and dates as an earlier row is refused too: a case is sent once per list); rows "
        "with a warning are sent only with --accept-warnings (or a yes on the terminal). Each row becomes a case in "
        "the audit history, recorded before it is sent, exactly like verify. Every answered call is billed; in "
        "training mode nothing is.\n\n"
        "The output has one row per input row: outcome (passed, not_passed, refused, error, unknown, not_sent), "
        "SubCode, explanation, RequestId, MerchantBizId, case id and error; names and ID numbers masked.\n\n"
        "Resumable: run the same command again after an interruption (even kill -9): rows already answered are not "
        "sent again, rows that failed without being billed are sent again, and rows sent without an answer are listed "
        "as unknown and not sent again unless --retry-unknown. The batch is kept in OUT.batch.json. A list corrected "
        "or extended and run again with the same --out sends only its new rows: the rows of the list verified there "
        "before report their earlier outcomes from the history.\n\n"
        "A list already verified in this history that cannot be resumed (its OUT.batch.json deleted, or another "
        "--out given) is refused, since every row would be sent and billed again: give its earlier --out to resume "
        "it, or add --again. Another list given the --out of a batch that left rows to resume (not sent, not "
        "answered, failed, or killed) is refused as well, so that batch can still resume: resume it first, or delete "
        "its OUT.batch.json.\n\n"
        "The requests share the rate limit (setting api/rateLimitQps) and slow down together when the service "
        "throttles.\n\n"
        "Exit codes: 0 every row answered (see each outcome); 3 refused before sending (a missing or bad option, "
        "the file, the list already begun, its --out in use or holding another list's batch, every row refused), or "
        "warnings not accepted; 4 "
        "some rows ended in an error (not billed: run again to resend them); 6 the audit history cannot be opened "
        "or stopped recording (nothing more was sent), or the results cannot be written; 7 not permitted; 8 sign-in "
        "failed; 9 some rows' outcome is "
        "unknown; 10 some rows refused by the pre-check (not sent), the others answered; 130 interrupted (Ctrl-C, "
        "SIGTERM or the terminal closed: nothing more was sent, the calls in flight "
        "were recorded and the "
        "results written; a second Ctrl-C quits at once)."));
    parser.addHelpOption();
    const QCommandLineOption in(QStringLiteral("in"), tr("The CSV file of cases."), QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), tr("Where the results are written."), QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Write the results as JSON Lines instead of CSV."));
    const QCommandLineOption scene(
        QStringLiteral("scene"), tr("SceneCode for rows that have none."), QStringLiteral("CODE"));
    const QCommandLineOption acceptWarnings(
        QStringLiteral("accept-warnings"), tr("Send rows that have plausibility warnings."));
    const QCommandLineOption retryUnknown(QStringLiteral("retry-unknown"),
        tr("Send again the rows an earlier run sent without an answer (they may have been billed)."));
    const QCommandLineOption again(QStringLiteral("again"),
        tr("Verify a list again that was already begun in this history, as a new batch (every row is sent and billed "
           "again). A batch whose journal is beside --out resumes instead: give another --out to start anew."));
    const QCommandLineOption parallel(QStringLiteral("parallel"),
        tr("Calls in flight at once, each on a connection of its own, 1 to %1 (default %1), always within the rate "
           "limit.")
            .arg(ApiClient::maxConcurrentCalls()),
        QStringLiteral("N"));
    const QCommandLineOption training(
        QStringLiteral("training"), tr("Use the built-in training sandbox and its public AccessKey."));
    parser.addOptions({ in,
        out,
        json,
        scene,
        acceptWarnings,
        retryUnknown,
        again,
        parallel,
        HistoryCli::dbOption(),
        HistoryCli::userOption(),
        HistoryCli::endpointOption(),
        HistoryCli::caFileOption(),
        training });
    if (const std::optional<int> done = HistoryCli::parse(parser, arguments))
        return *done == HistoryCli::Ok ? AllAnswered : Refused;
    if (!parser.positionalArguments().isEmpty()) {
        HistoryCli::err(tr("Unexpected argument: %1").arg(parser.positionalArguments().first()) + u'\n');
        return Refused;
    }
    if (!parser.isSet(in) || !parser.isSet(out)) {
        HistoryCli::err(tr("Give the input with --in FILE and where the results go with --out FILE.") + u'\n');
        return Refused;
    }
    int maxInFlight = BatchRun::Options().maxInFlight;
    if (parser.isSet(parallel)) {
        bool ok = false;
        const int n = parser.value(parallel).toInt(&ok);
        // Up to 16 was accepted before calls got a connection each: such a script still runs, at the most there is.
        if (!ok || n < 1 || n > 16) {
            HistoryCli::err(
                tr("--parallel: expected a number from 1 to %1.").arg(ApiClient::maxConcurrentCalls()) + u'\n');
            return Refused;
        }
        if (n > ApiClient::maxConcurrentCalls())
            HistoryCli::err(
                tr("--parallel %1: at most %2 calls run at once, each on a connection of its own; %2 it is.")
                    .arg(n)
                    .arg(ApiClient::maxConcurrentCalls())
                + u'\n');
        maxInFlight = qMin(n, ApiClient::maxConcurrentCalls());
    }
    // Before anything is read or sent: results that could not be written would leave rows answered (and billed)
    // that the next run, with a corrected --out, sends again.
    const QStringList histories =
        HistoryCli::historyFiles(parser) + OutputFile::historyFiles(TrainingHistory::defaultPath());
    if (const Result<void> writable =
            BatchJournal::checkOutput(QStringLiteral("--out"), parser.value(out), histories, { parser.value(in) });
        !writable) {
        HistoryCli::err(writable.message() + u'\n');
        return Refused;
    }
    // The key derivation (scrypt) of an existing history runs while the list is read and checked.
    const Session::HistoryChoice history =
        Session::historyFor(Settings(), parser.isSet(training), parser.value(HistoryCli::dbOption()));
    const std::unique_ptr<OffThreadOpen::Pending> early =
        HistoryCli::beginOpen(history.location, history.trainingDefault);
    QFile file(parser.value(in));
    if (!file.open(QIODevice::ReadOnly)) {
        HistoryCli::err(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()) + u'\n');
        return Refused;
    }
    const QByteArray data = file.readAll();
    const Result<BatchInput> input = BatchInput::parse(data, VerificationService::today(), parser.value(scene));
    if (!input) {
        HistoryCli::err(tr("%1: %2").arg(file.fileName(), input.message()) + u'\n');
        return Refused;
    }
    reportRows(*input);
    if (!warningsAccepted(*input, parser.isSet(acceptWarnings)))
        return Refused;
    return runBatchFile(parser, *input, data, maxInFlight, early.get());
}

} // namespace Cli
