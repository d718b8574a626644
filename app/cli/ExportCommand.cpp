#include "base/OutputFile.h"
#include "cli/Commands.h"
#include "cli/HistoryCli.h"
#include "export/ExportVerifier.h"
#include "export/Exporter.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace Cli {

namespace {

// lupdate files these under "Cli"; look them up there.
QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

// Exit codes of export and export verify (see the --help text).
enum ExportExit
{
    FileAltered = 10,
    ChainBroken = 11,
    ManifestAltered = 12,
    HistoryMismatch = 13,
    ExportChainBroken = 14,
};

int exitCodeOf(const Failure& failure)
{
    if (failure.code == ErrorCode::InvalidArgument)
        return HistoryCli::BadUsage;
    return HistoryCli::exitCodeFor(failure);
}

int exitCodeOf(ExportCheck::Status status)
{
    switch (status) {
    case ExportCheck::Status::Ok:
        return HistoryCli::Ok;
    case ExportCheck::Status::ManifestUnreadable:
        return HistoryCli::BadUsage;
    case ExportCheck::Status::ManifestAltered:
        return ManifestAltered;
    case ExportCheck::Status::FileAltered:
        return FileAltered;
    case ExportCheck::Status::ChainBroken:
        return ChainBroken;
    case ExportCheck::Status::HistoryMismatch:
        return HistoryMismatch;
    case ExportCheck::Status::ExportChainBroken:
        return ExportChainBroken;
    }
    return HistoryCli::BadUsage;
}

struct Options
{
    QCommandLineOption what { QStringLiteral("what"),
        QCoreApplication::translate("Cli", "cases (the cases of the filter) or events (the raw events of the range)."),
        QCoreApplication::translate("Cli", "WHAT"),
        QStringLiteral("cases") };
    QCommandLineOption from { QStringLiteral("from"),
        QCoreApplication::translate("Cli", "First day of the range (YYYY-MM-DD, local time)."),
        QCoreApplication::translate("Cli", "DATE") };
    QCommandLineOption to { QStringLiteral("to"),
        QCoreApplication::translate("Cli", "Last day of the range, included (YYYY-MM-DD, local time)."),
        QCoreApplication::translate("Cli", "DATE") };
    QCommandLineOption format { QStringLiteral("format"),
        QCoreApplication::translate("Cli", "csv, jsonl or pdf (a report of cases)."),
        QCoreApplication::translate("Cli", "FORMAT"),
        QStringLiteral("csv") };
    QCommandLineOption out { QStringLiteral("out"),
        QCoreApplication::translate("Cli", "The file to write; the manifest goes beside it (FILE.manifest.json)."),
        QCoreApplication::translate("Cli", "PATH") };
    QCommandLineOption excel { QStringLiteral("excel"),
        QCoreApplication::translate("Cli", "CSV for Excel: starts with a UTF-8 byte-order mark.") };
    QCommandLineOption filter { QStringLiteral("filter"),
        QCoreApplication::translate("Cli", "A filter of the history browser, KEY=VALUE (repeatable; cases only)."),
        QCoreApplication::translate("Cli", "KEY=VALUE") };
    QCommandLineOption unmasked { QStringLiteral("unmasked"),
        QCoreApplication::translate("Cli", "Names and ID numbers in clear (supervisors, with --reason; recorded).") };
    QCommandLineOption reason { QStringLiteral("reason"),
        QCoreApplication::translate("Cli", "Why an unmasked export is made."),
        QCoreApplication::translate("Cli", "TEXT") };
};

// The request the options describe; the message when they describe none.
Result<ExportRequest> requestOf(const QCommandLineParser& parser, const Options& o)
{
    ExportRequest request;
    const std::optional<ExportRequest::What> what = ExportRequest::whatFromKey(parser.value(o.what));
    const std::optional<ExportRequest::Format> format = ExportRequest::formatFromKey(parser.value(o.format));
    if (!what)
        return Failure(ErrorCode::InvalidArgument, tr("--what: expected cases or events."));
    if (!format)
        return Failure(ErrorCode::InvalidArgument, tr("--format: expected csv, jsonl or pdf."));
    if (!parser.isSet(o.out))
        return Failure(ErrorCode::InvalidArgument, tr("Give the file to write with --out PATH."));
    if (*what == ExportRequest::What::Events && parser.isSet(o.filter))
        return Failure(
            ErrorCode::InvalidArgument, tr("--filter is for cases; an events export takes --from and --to."));
    request.what = *what;
    request.format = *format;
    request.outPath = QFileInfo(parser.value(o.out)).absoluteFilePath();
    request.excel = parser.isSet(o.excel);
    request.unmasked = parser.isSet(o.unmasked);
    request.reason = parser.value(o.reason);
    QStringList filters = parser.values(o.filter);
    if (parser.isSet(o.from))
        filters.prepend(QStringLiteral("from=") + parser.value(o.from));
    if (parser.isSet(o.to))
        filters.prepend(QStringLiteral("to=") + parser.value(o.to));
    QStringList keys;
    for (const QString& filter : filters) {
        const qsizetype eq = filter.indexOf(u'=');
        if (eq <= 0)
            return Failure(ErrorCode::InvalidArgument, tr("--filter: expected KEY=VALUE, got %1.").arg(filter));
        // Set twice (also --from with --filter from=...), only the last would count, unseen.
        const QString key = filter.left(eq).trimmed();
        if (keys.contains(key))
            return Failure(ErrorCode::InvalidArgument, tr("--filter: %1 is given more than once.").arg(key));
        keys.append(key);
        if (Result<void> set = request.query.set(filter.left(eq), filter.mid(eq + 1)); !set)
            return set.failure();
    }
    return request;
}

int exportHistory(const QCommandLineParser& parser, const Options& o)
{
    const Result<ExportRequest> request = requestOf(parser, o);
    if (!request) {
        HistoryCli::err(request.message() + u'\n');
        return HistoryCli::BadUsage;
    }
    // Before the history is opened (Exporter checks again, for the app's export too).
    if (const Result<void> writable =
            OutputFile::check(QStringLiteral("--out"), request->outPath, HistoryCli::historyFiles(parser));
        !writable) {
        HistoryCli::err(writable.message() + u'\n');
        return HistoryCli::BadUsage;
    }
    int exitCode = HistoryCli::Ok;
    const std::optional<HistoryCli::SignedIn> in = HistoryCli::openSignedIn(parser, &exitCode);
    if (!in)
        return exitCode;
    AuditStore* store = in->store.get();
    const Actor* actor = &in->actor;
    const Result<ExportOutcome> done = Exporter(*store).run(*actor, *request);
    if (!done) {
        HistoryCli::err(done.message() + u'\n');
        return exitCodeOf(done.failure());
    }
    HistoryCli::out(tr("Exported %1 row(s) to %2\nManifest %3 (SHA-256 %4)\n")
                        .arg(done->manifest.rows)
                        .arg(done->filePath, done->manifestPath, QString::fromLatin1(done->manifestHash)));
    return HistoryCli::Ok;
}

int verifyExport(const QCommandLineParser& parser, const QString& manifestPath)
{
    std::unique_ptr<AuditStore> store;
    if (parser.isSet(HistoryCli::dbOption())) {
        store = HistoryCli::openStore(parser, true);
        if (!store)
            return HistoryCli::CannotOpen;
    }
    const ExportCheck check = ExportVerifier::verify(manifestPath, store.get());
    if (!check.ok()) {
        HistoryCli::out(tr("BROKEN: %1").arg(check.message) + u'\n');
        return exitCodeOf(check.status);
    }
    HistoryCli::out(
        (check.historyChecked
                ? tr("OK %1 row(s) in %2: the file, its manifest, its HMAC and the export chain match the history.")
                : tr("OK %1 row(s) in %2: the file matches its manifest (give --db to check the HMAC and the "
                     "history too)."))
            .arg(check.rows)
            .arg(check.file)
        + u'\n');
    return HistoryCli::Ok;
}

} // namespace

int runExport(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Exports the history, with a manifest that proves the export.\n"
           "  export --what cases|events --from YYYY-MM-DD --to YYYY-MM-DD --format csv|jsonl|pdf --out PATH\n"
           "         [--excel] [--filter KEY=VALUE ...] [--unmasked --reason TEXT] [--db PATH|URL] [--user NAME]\n"
           "      cases: the cases of the filter (the history browser's keys), masked unless --unmasked (supervisors "
           "only, with a reason; recorded). events: every event of the range with its sequence number, canonical "
           "fields and hash, so the chain can be recomputed over the file. Writes PATH and PATH.manifest.json (the "
           "file's SHA-256, rows, filter, range, chain head, the previous export's manifest hash, an HMAC) and records "
           "an export_made event. Supervisors and auditors export. CSV cells that start with = + - @ TAB CR or ' get "
           "a ' in front, so that no spreadsheet runs them as formulas. pdf (cases only): an A4 report with a summary "
           "by outcome, a chart of cases per day, the cases table (masked unless --unmasked) and the chain facts.\n"
           "  export verify MANIFEST [--db PATH|URL]\n"
           "      Checks the file against its manifest and the chain inside an events export; with --db also the HMAC, "
           "the range against the history and the export chain (keep the exports of a history in one folder).\n"
           "Exit codes: 0 OK; 3 bad arguments, or no manifest there; 6 the history cannot be opened or the file "
           "cannot be written; 7 not permitted; 8 sign-in failed; 10 the file differs from its manifest (or is "
           "missing); 11 the chain inside the file is broken; 12 the manifest was changed; 13 the history no longer "
           "matches the export; 14 the export chain is broken."));
    parser.addHelpOption();
    parser.addOption(HistoryCli::dbOption());
    parser.addOption(HistoryCli::userOption());
    const Options o;
    parser.addOptions({ o.what, o.from, o.to, o.format, o.out, o.excel, o.filter, o.unmasked, o.reason });
    parser.addPositionalArgument(QStringLiteral("verify"), tr("verify MANIFEST: check an export"));
    if (const std::optional<int> parsed = HistoryCli::parse(parser, arguments))
        return *parsed;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return exportHistory(parser, o);
    if (positional.size() == 2 && positional.first() == QLatin1String("verify"))
        return verifyExport(parser, positional.at(1));
    HistoryCli::err(tr("Use: export --out PATH ... | export verify MANIFEST (see export --help).") + u'\n');
    return HistoryCli::BadUsage;
}

} // namespace Cli
