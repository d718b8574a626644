#pragma once

#include "base/Result.h"
#include "batch/BatchRun.h"

#include <QByteArray>
#include <QString>

// The output of a batch: one row per input row, in input order, as CSV (RFC 4180, UTF-8, cells neutralised against
// formula injection as exports are) or JSON Lines. Names and ID numbers are masked: the input already holds them in
// clear, the output need not. Written with QSaveFile, so a reader never sees half a file.
//
// Columns: row, line, name, id_number (masked, as normalised for sending), merchant_biz_id, outcome
// (BatchOutcome::kindKey), sub_code, explanation, request_id, case_id, error (a VerificationResult::Error key),
// error_code (the service's Code), issues (the pre-check's findings: "field: message", one per line), earlier_run (yes
// when an earlier run of the batch had the answer).
class BatchReport
{
    Q_DECLARE_TR_FUNCTIONS(BatchReport)
public:
    enum class Format
    {
        Csv,
        Jsonl
    };

    static QStringList columns();
    static QByteArray render(const BatchRun& run, Format format);
    static Result<void> write(const BatchRun& run, Format format, const QString& path);
};
