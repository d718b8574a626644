#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "export/ExportManifest.h"
#include "history/HistoryQuery.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>

class AuditStore;

// What to export, and where.
struct ExportRequest
{
    Q_DECLARE_TR_FUNCTIONS(ExportRequest)
public:
    enum class What
    {
        Cases, // the cases of a filter, one row each (masked unless unmasked)
        Events, // the raw events of a time range, with their chain fields (the auditor's view; never unmasked)
    };
    enum class Format
    {
        Csv,
        Jsonl,
        Pdf, // cases only: a report (PdfReport)
    };

    What what = What::Cases;
    Format format = Format::Csv;
    bool excel = false; // CSV: a UTF-8 byte-order mark first, for Excel
    HistoryQuery query; // cases: the filter; events: only from and to (the range by time)
    bool unmasked = false; // cases only: names and ID numbers in clear (a supervisor, with a reason; recorded)
    QString reason;
    QString outPath; // the manifest goes beside it (ExportManifest::pathFor)

    static QString key(What what); // "cases" | "events"
    static QString key(Format format); // "csv" | "jsonl" | "pdf"
    static std::optional<What> whatFromKey(const QString& key);
    static std::optional<Format> formatFromKey(const QString& key);
};

struct ExportOutcome
{
    QString filePath;
    QString manifestPath;
    ExportManifest manifest;
    QByteArray manifestHash; // hex, as the export_made event records it
    qint64 eventSeq = 0; // of the export_made event
};

// Writes an export of the history: the file, its manifest beside it, then the export_made event that records it
// (see ExportManifest for what the manifest proves). Runs on the thread of the AuditStore it is given (a worker
// thread in the GUI: the history's own thread, e.g. a HistoryThread); reports progress through a callback and stops
// when the cancel flag is set.
//
// The file and the manifest are written to temporary files in the target folder and renamed into place only when
// complete (QSaveFile): a cancelled or failed export leaves nothing under either name. When the export_made event
// cannot be recorded, both files are removed again: an export the history does not know of does not exist. The
// export_made event names the file, its manifest hash, what, rows, the filter and (events) the range; the case ids
// only for an unmasked export (whose names and ID numbers left the history), with its reason.
//
// CSV columns (one header row) and JSON Lines keys (one object a line):
//   cases:  case_id, created_at, updated_at, reviewer, workstation, merchant_biz_id, scene_code, state, outcome,
//           sub_code, passed, training, attempts, review_state, error_kind, error_code, request_id, purged, and
//           name_masked, id_number_masked (or name, id_number when unmasked)
//   events: seq, ts, actor, workstation, case_id, kind, payload, pii_digest, prev_hash, hash — the canonical fields
//           of CanonicalEvent (payload: the exact stored JSON text), so the chain can be recomputed over the file:
//           hash = SHA-256(raw prev_hash || CanonicalEvent::bytes), the first prev_hash in the manifest's range.
// Times are RFC 3339 UTC with milliseconds; in CSV a boolean is true/false and an absent value empty. CSV cells are
// neutralised against formula injection (see Csv). A PDF (cases only) is a report of the same rows (see PdfReport);
// its manifest counts the cases in its table.
class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Exporter)
public:
    // Rows written so far, and the rows in all (known before the first row).
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit Exporter(AuditStore& store);

    // PermissionDenied (recorded as access_refused) when the actor may not export so (ExportMasked: supervisor,
    // auditor; ExportUnmasked: supervisor, with a reason, InvalidArgument without one), InvalidArgument for a request
    // that makes no sense (no file, events unmasked), Cancelled when *cancel became true, Unavailable when the file or
    // the history could not be written or read.
    Result<ExportOutcome> run(const Actor& actor,
        const ExportRequest& request,
        const Progress& progress = {},
        const std::atomic<bool>* cancel = nullptr);

    // One JSON Lines row (without its line end): compact JSON that QJsonDocument::fromJson reads back as written.
    static QByteArray jsonLine(const QJsonObject& row);
    // The columns of an export, in CSV order.
    static QStringList columns(ExportRequest::What what, bool unmasked);

private:
    AuditStore& m_store;
};
