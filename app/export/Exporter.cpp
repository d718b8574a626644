#include "Exporter.h"

#include "base/OutputFile.h"
#include "crypto/Crypto.h"
#include "export/Csv.h"
#include "export/HashedFile.h"
#include "export/PdfReport.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"
#include "history/HistoryPolicy.h"
#include "history/SqliteRows.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace {

constexpr int pageSize = 500;

QString timeText(const QDateTime& at)
{
    return at.isValid() ? QString::fromLatin1(CanonicalEvent::timestamp(at)) : QString();
}

QString cellText(const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

// The rows of an export as the bytes of its format, into its HashedFile.
class RowSink
{
public:
    RowSink(const QString& path, ExportRequest::Format format, QStringList columns)
        : m_file(path)
        , m_format(format)
        , m_columns(std::move(columns))
    {
    }

    Result<void> open(bool excel)
    {
        if (!m_file.open())
            return Failure(ErrorCode::Unavailable,
                Exporter::tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        if (m_format == ExportRequest::Format::Csv) {
            if (excel)
                put(Csv::bom());
            put(Csv::record(m_columns));
        }
        return {};
    }

    void write(const QJsonObject& row)
    {
        if (m_format == ExportRequest::Format::Pdf) {
            m_rows.append(row); // the report is laid out at the end
            return;
        }
        if (m_format == ExportRequest::Format::Jsonl) {
            put(Exporter::jsonLine(row) + '\n');
            return;
        }
        QStringList cells;
        cells.reserve(m_columns.size());
        for (const QString& column : m_columns)
            cells.append(cellText(row.value(column)));
        put(Csv::record(cells));
    }

    // The last of the content, still in the temporary file: a PDF report is laid out now, showing the manifest's
    // facts so far.
    Result<void> complete(const ExportManifest& manifest)
    {
        if (m_format == ExportRequest::Format::Pdf) {
            const Result<QByteArray> pdf = PdfReport::render(manifest, m_rows);
            if (!pdf) {
                m_file.cancel();
                return pdf.failure();
            }
            put(*pdf);
        }
        return {};
    }

    // The temporary file renamed to the target.
    Result<void> commit()
    {
        if (!m_file.commit())
            return Failure(ErrorCode::Unavailable,
                Exporter::tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
        return {};
    }

    // A row of stored UTF-8 cells as one CSV line: the events export's fast path (the JSON objects of write() cost
    // several times more on a million events); the same bytes as write() of the same values.
    void writeCells(const QByteArrayView* cells) // seq, ts, ..., prev_hash, hash: the 10 columns of an event
    {
        QByteArray& line = m_line;
        line.clear();
        for (qsizetype i = 0; i < 10; ++i) {
            if (i > 0)
                line.append(',');
            Csv::appendCell(line, cells[i]);
        }
        line.append("\r\n");
        put(line);
    }

    void cancel() { m_file.cancel(); }
    QByteArray sha256() { return m_file.sha256Hex(); }
    // After sha256(): a write that failed, as an error naming the file; empty when every byte was written.
    QString writeError() const
    {
        return m_file.allWritten() ? QString()
                                   : Exporter::tr("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString());
    }
    qint64 size() const { return m_file.size(); }

private:
    void put(QByteArrayView bytes) { m_file.put(bytes); }

    QByteArray m_line;
    HashedFile m_file;
    ExportRequest::Format m_format;
    QStringList m_columns;
    QList<QJsonObject> m_rows; // PDF
};

QJsonValue optionalBool(const std::optional<bool>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject caseRow(const CaseSummary& c, const std::optional<RevealedPii>& clear)
{
    QJsonObject o { { QStringLiteral("case_id"), c.caseId },
        { QStringLiteral("created_at"), timeText(c.createdAt) },
        { QStringLiteral("updated_at"), timeText(c.updatedAt) },
        { QStringLiteral("reviewer"), c.actor },
        { QStringLiteral("workstation"), c.workstation },
        { QStringLiteral("merchant_biz_id"), c.merchantBizId },
        { QStringLiteral("scene_code"), c.sceneCode },
        { QStringLiteral("state"), c.state },
        { QStringLiteral("outcome"), c.outcome() },
        { QStringLiteral("sub_code"), c.subCode },
        { QStringLiteral("passed"), optionalBool(c.passed) },
        { QStringLiteral("training"), c.training },
        { QStringLiteral("attempts"), c.attempts },
        { QStringLiteral("review_state"), c.reviewState },
        { QStringLiteral("error_kind"), c.errorKind },
        { QStringLiteral("error_code"), c.errorCode },
        { QStringLiteral("request_id"), c.requestId },
        { QStringLiteral("purged"), c.purged } };
    if (clear) {
        o.insert(QStringLiteral("name"), clear->name);
        o.insert(QStringLiteral("id_number"), clear->idNumber);
    } else {
        o.insert(QStringLiteral("name_masked"), c.nameMasked);
        o.insert(QStringLiteral("id_number_masked"), c.idMasked);
    }
    return o;
}

QJsonObject eventRow(const AuditEvent& e)
{
    return QJsonObject { { QStringLiteral("seq"), e.seq },
        { QStringLiteral("ts"), timeText(e.ts) },
        { QStringLiteral("actor"), e.actor },
        { QStringLiteral("workstation"), e.workstation },
        { QStringLiteral("case_id"), e.caseId },
        { QStringLiteral("kind"), e.kind },
        { QStringLiteral("payload"), QString::fromUtf8(e.payload) },
        { QStringLiteral("pii_digest"), QString::fromLatin1(e.piiDigest) },
        { QStringLiteral("prev_hash"), QString::fromLatin1(e.prevHash) },
        { QStringLiteral("hash"), QString::fromLatin1(e.hash) } };
}

// One run of an export: the request, the sink and what the manifest and the event will say.
class ExportRun
{
public:
    ExportRun(AuditStore& store,
        const Actor& actor,
        const ExportRequest& request,
        const Exporter::Progress& progress,
        const std::atomic<bool>* cancel)
        : m_store(store)
        , m_actor(actor)
        , m_request(request)
        , m_progress(progress)
        , m_cancel(cancel)
        , m_sink(request.outPath,
              request.format,
              Exporter::columns(request.what, request.unmasked && request.what == ExportRequest::What::Cases))
    {
    }

    Result<ExportOutcome> run()
    {
        if (Result<void> started = start(); !started)
            return started.failure();
        Result<void> written = m_request.what == ExportRequest::What::Cases ? writeCases() : writeEvents();
        if (written && cancelled())
            written = Failure(ErrorCode::Cancelled, Exporter::tr("The export was cancelled; no file was written."));
        if (!written) {
            m_sink.cancel();
            return written.failure();
        }
        if (Result<void> completed = m_sink.complete(m_manifest); !completed)
            return completed.failure();
        return finish();
    }

private:
    bool cancelled() const { return m_cancel && m_cancel->load(); }

    void report(qint64 done) const
    {
        if (m_progress)
            m_progress(done, m_total);
    }

    Result<void> start()
    {
        const Result<ChainAnchor> head = m_store.head();
        if (!head)
            return head.failure();
        const Result<QByteArray> previous = m_store.latestManifestHash(); // exports chain through their manifests
        if (!previous)
            return previous.failure();
        ExportManifest& m = m_manifest;
        m.historyId = m_store.historyId();
        m.file = QFileInfo(m_request.outPath).fileName();
        m.what = ExportRequest::key(m_request.what);
        m.fileFormat = ExportRequest::key(m_request.format);
        m.excel = m_request.excel && m_request.format == ExportRequest::Format::Csv;
        m.unmasked = m_request.unmasked;
        m.filter = m_request.query.toJson();
        m.headSeq = head->seq;
        m.headHash = head->hash;
        m.exportedAt = head->exportedAt;
        m.exportedBy = m_actor.name;
        m.previousManifestHash = *previous;
        return m_sink.open(m.excel);
    }

    Result<void> writeCases()
    {
        const Result<qint64> total = m_store.countCases(m_actor, m_request.query);
        if (!total)
            return total.failure();
        m_total = *total;
        report(0);
        HistoryCursor cursor;
        for (bool atEnd = false; !atEnd && !cancelled();) {
            const Result<HistoryPage> page = m_store.queryCases(m_actor, m_request.query, cursor, pageSize);
            if (!page)
                return page.failure();
            for (const CaseSummary& row : page->rows) {
                if (Result<void> written = writeCase(row); !written || cancelled())
                    return written;
            }
            cursor = page->next;
            atEnd = page->atEnd || page->rows.isEmpty();
        }
        return {};
    }

    Result<void> writeCase(const CaseSummary& row)
    {
        std::optional<RevealedPii> clear;
        if (m_request.unmasked) {
            Result<RevealedPii> pii = m_store.exportPii(m_actor, row.caseId);
            if (!pii)
                return pii.failure();
            clear = *pii;
        }
        m_sink.write(caseRow(row, clear));
        m_caseIds.append(row.caseId);
        report(++m_manifest.rows);
        return {};
    }

    Result<void> writeEvents()
    {
        Result<EventRange> range = m_store.eventRange(m_request.query.from, m_request.query.to);
        if (!range)
            return range.failure();
        range->lastSeq = std::min(range->lastSeq, m_manifest.headSeq); // not past the head the manifest names
        if (range->lastSeq < range->firstSeq)
            *range = EventRange(); // all of the range came after that head (recorded meanwhile): empty, as such
        m_total = range->count();
        m_manifest.hasRange = true;
        m_manifest.firstSeq = range->firstSeq;
        m_manifest.lastSeq = range->lastSeq;
        report(0);
        if (m_request.format == ExportRequest::Format::Csv) {
            QString error;
            // SQLite is read on a thread of its own while this one formats (and HashedFile writes and hashes).
            const std::optional<bool> streamed = SqliteRows::forEachPrefetched(
                m_store.database(),
                "SELECT seq, ts, actor, workstation, case_id, kind, payload, pii_digest, prev_hash, hash "
                "FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq",
                { range->firstSeq, range->lastSeq },
                [this](const SqliteRows::Row& row) {
                    if (m_manifest.rows == 0) {
                        m_manifest.firstHash = row.cells[9].toByteArray();
                        m_manifest.prevHash = row.cells[8].toByteArray();
                    }
                    m_sink.writeCells(row.cells);
                    report(++m_manifest.rows);
                    if (cancelled())
                        return false;
                    if (m_manifest.rows == m_total)
                        m_manifest.lastHash = row.cells[9].toByteArray();
                    return true;
                },
                &error);
            if (streamed.has_value()) {
                if (!*streamed)
                    return Failure(ErrorCode::Unavailable, Exporter::tr("Cannot read the events: %1").arg(error));
                return {};
            }
        }
        return m_store.forEachEvent(*range, [this](const AuditEvent& e) {
            if (m_manifest.rows == 0) {
                m_manifest.firstHash = e.hash;
                m_manifest.prevHash = e.prevHash;
            }
            m_manifest.lastHash = e.hash;
            m_sink.write(eventRow(e));
            report(++m_manifest.rows);
            return !cancelled();
        });
    }

    Result<ExportOutcome> finish()
    {
        ExportOutcome out;
        out.filePath = m_request.outPath;
        out.manifestPath = ExportManifest::pathFor(m_request.outPath);
        m_manifest.fileSha256 = m_sink.sha256();
        m_manifest.fileBytes = m_sink.size();
        if (const QString failed = m_sink.writeError(); !failed.isEmpty()) { // before anything is recorded
            m_sink.cancel();
            return Failure(ErrorCode::Unavailable, failed);
        }
        m_manifest.hmac = m_store.manifestMac(m_manifest.signedBytes());
        QSaveFile file(out.manifestPath);
        const QByteArray bytes = m_manifest.bytes();
        const bool opened = file.open(QIODevice::WriteOnly);
        if (opened) // as the export file (HashedFile::open): best effort
            (void)file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (!opened || file.write(bytes) != bytes.size() || !file.commit()) {
            m_sink.cancel();
            return Failure(
                ErrorCode::Unavailable, Exporter::tr("Cannot write %1: %2").arg(out.manifestPath, file.errorString()));
        }
        out.manifest = m_manifest;
        out.manifestHash = m_manifest.hash();
        // Recorded before the file takes its name: until then its rows (unmasked ones too) are only in a temporary
        // file that is discarded when the record fails or the process dies. A file that then cannot be put in place
        // stays recorded as made, its manifest kept (the next export names it): the history says more left than
        // did, never less, and the person exporting is told so.
        const Result<qint64> seq =
            m_store.recordExport(m_actor, event(out.manifestHash), m_manifest.previousManifestHash);
        if (!seq) {
            m_sink.cancel();
            QFile::remove(out.manifestPath);
            return seq.failure();
        }
        out.eventSeq = *seq;
        if (Result<void> committed = m_sink.commit(); !committed)
            return Failure(ErrorCode::Unavailable,
                Exporter::tr("The export is recorded in the audit history (event %1) with its manifest %2, but its "
                             "file could not be put in place: %3")
                    .arg(*seq)
                    .arg(out.manifestPath, committed.message()));
        return out;
    }

    Events::ExportMade event(const QByteArray& manifestHash) const
    {
        Events::ExportMade e;
        e.format = m_manifest.fileFormat;
        e.what = m_manifest.what;
        e.rows = m_manifest.rows;
        e.file = m_manifest.file; // never with an ID number in it (validate)
        e.manifestHash = QString::fromLatin1(manifestHash);
        e.unmasked = m_manifest.unmasked;
        if (m_manifest.unmasked)
            e.reason = HistoryPolicy::recordedText(m_request.reason);
        e.filter = QString::fromUtf8(QJsonDocument(m_manifest.filter).toJson(QJsonDocument::Compact));
        if (m_request.what == ExportRequest::What::Cases) {
            e.cases = static_cast<int>(m_caseIds.size());
            if (m_manifest.unmasked) // whose names and ID numbers left the history
                e.caseIds = m_caseIds;
        } else {
            e.firstSeq = m_manifest.firstSeq;
            e.lastSeq = m_manifest.lastSeq;
        }
        return e;
    }

    AuditStore& m_store;
    Actor m_actor;
    const ExportRequest& m_request;
    const Exporter::Progress& m_progress;
    const std::atomic<bool>* m_cancel;
    RowSink m_sink;
    ExportManifest m_manifest;
    QStringList m_caseIds;
    qint64 m_total = 0;
};

Result<void> validate(const ExportRequest& request)
{
    if (request.outPath.isEmpty())
        return Failure(ErrorCode::InvalidArgument, Exporter::tr("Choose the file to export to."));
    // The file's name is recorded in the chain (export_made), which no purge erases.
    if (const QString name = QFileInfo(request.outPath).fileName(); HistoryPolicy::recordedText(name) != name.trimmed())
        return Failure(ErrorCode::InvalidArgument,
            Exporter::tr("The file's name holds an ID number, and it is recorded in the audit history for good: name "
                         "the file otherwise."));
    if (request.unmasked && request.what == ExportRequest::What::Events)
        return Failure(ErrorCode::InvalidArgument,
            Exporter::tr("Events hold no names or ID numbers: an events export is never unmasked."));
    if (request.what == ExportRequest::What::Events && request.format == ExportRequest::Format::Pdf)
        return Failure(ErrorCode::InvalidArgument,
            Exporter::tr("The format pdf is a report of cases: export events as csv or jsonl."));
    // "to" is the end of its day, exclusive: a range whose start is not before it holds nothing at all.
    if (request.query.from.isValid() && request.query.to.isValid() && request.query.from >= request.query.to)
        return Failure(ErrorCode::InvalidArgument,
            Exporter::tr("The time range is empty: its start (from) is not before its end (to)."));
    if (request.what == ExportRequest::What::Events) {
        HistoryQuery rest = request.query;
        rest.from = QDateTime();
        rest.to = QDateTime();
        if (rest.hasFilter())
            return Failure(ErrorCode::InvalidArgument, Exporter::tr("An events export takes only a time range."));
    }
    return {};
}

} // namespace

QString ExportRequest::key(What what)
{
    return what == What::Events ? QStringLiteral("events") : QStringLiteral("cases");
}

QString ExportRequest::key(Format format)
{
    switch (format) {
    case Format::Csv:
        break;
    case Format::Jsonl:
        return QStringLiteral("jsonl");
    case Format::Pdf:
        return QStringLiteral("pdf");
    }
    return QStringLiteral("csv");
}

std::optional<ExportRequest::What> ExportRequest::whatFromKey(const QString& key)
{
    for (What what : { What::Cases, What::Events }) {
        if (key == ExportRequest::key(what))
            return what;
    }
    return std::nullopt;
}

std::optional<ExportRequest::Format> ExportRequest::formatFromKey(const QString& key)
{
    for (Format format : { Format::Csv, Format::Jsonl, Format::Pdf }) {
        if (key == ExportRequest::key(format))
            return format;
    }
    return std::nullopt;
}

Exporter::Exporter(AuditStore& store)
    : m_store(store)
{
}

Result<ExportOutcome> Exporter::run(
    const Actor& actor, const ExportRequest& request, const Progress& progress, const std::atomic<bool>* cancel)
{
    if (Result<void> valid = validate(request); !valid)
        return valid.failure();
    if (Result<void> writable =
            OutputFile::check(tr("Export file"), request.outPath, OutputFile::historyFiles(m_store.sqlitePath()));
        !writable)
        return writable.failure();
    const Result<Actor> authorized = m_store.authorizeExport(actor, request.unmasked, request.reason);
    if (!authorized)
        return authorized.failure();
    return ExportRun(m_store, *authorized, request, progress, cancel).run();
}

QByteArray Exporter::jsonLine(const QJsonObject& row)
{
    QByteArray line = QJsonDocument(row).toJson(QJsonDocument::Compact);
    // Qt's JSON reader drops a U+FEFF that starts a string (as if it were a byte-order mark), so a value starting
    // with one did not read back as written (found by fuzz_export_writers); escaped, it does. U+FEFF appears only
    // inside strings of the line.
    line.replace("\xEF\xBB\xBF", "\\ufeff");
    return line;
}

QStringList Exporter::columns(ExportRequest::What what, bool unmasked)
{
    if (what == ExportRequest::What::Events) {
        return { QStringLiteral("seq"),
            QStringLiteral("ts"),
            QStringLiteral("actor"),
            QStringLiteral("workstation"),
            QStringLiteral("case_id"),
            QStringLiteral("kind"),
            QStringLiteral("payload"),
            QStringLiteral("pii_digest"),
            QStringLiteral("prev_hash"),
            QStringLiteral("hash") };
    }
    QStringList c { QStringLiteral("case_id"),
        QStringLiteral("created_at"),
        QStringLiteral("updated_at"),
        QStringLiteral("reviewer"),
        QStringLiteral("workstation"),
        QStringLiteral("merchant_biz_id"),
        QStringLiteral("scene_code"),
        QStringLiteral("state"),
        QStringLiteral("outcome"),
        QStringLiteral("sub_code"),
        QStringLiteral("passed"),
        QStringLiteral("training"),
        QStringLiteral("attempts"),
        QStringLiteral("review_state"),
        QStringLiteral("error_kind"),
        QStringLiteral("error_code"),
        QStringLiteral("request_id"),
        QStringLiteral("purged") };
    if (unmasked)
        c << QStringLiteral("name") << QStringLiteral("id_number");
    else
        c << QStringLiteral("name_masked") << QStringLiteral("id_number_masked");
    return c;
}
