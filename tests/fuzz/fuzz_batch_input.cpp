// The batch file reader (app/batch/BatchInput): any bytes are read as rows or refused with a message, never more rows
// than the file has lines; every refused row says why.
#include "FuzzSupport.h"

#include "batch/BatchInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const Result<BatchInput> batch = BatchInput::parse(input, QDate(2026, 6, 1), QStringLiteral("fuzz"));
    if (!batch) {
        Fuzz::check(!batch.message().isEmpty(), "a refused file says why");
        return 0;
    }
    Fuzz::check(batch->rows().size() <= BatchInput::maxRows, "at most maxRows rows");
    Fuzz::check(batch->refusedCount() <= batch->rows().size(), "refused rows are rows");
    for (const BatchRow& row : batch->rows()) {
        Fuzz::check(row.number >= 1 && row.line >= 2, "rows are numbered after the header");
        for (const ValidationIssue& issue : row.issues)
            Fuzz::check(!issue.code.isEmpty() && !issue.message.isEmpty(), "every issue has a code and a message");
    }
    return 0;
}
