#pragma once

#include "base/Result.h"
#include "domain/CaseInput.h"
#include "domain/CaseValidator.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

// One data row of a batch file: its case and what the pre-check (and the file's own rules) say about it.
struct BatchRow
{
    int number = 0; // 1-based among the data rows (the header is not counted)
    int line = 0; // the row's line in the file, for messages (1 is the header)
    CaseInput input;
    QList<ValidationIssue> issues; // blocking ones mean the row is never sent

    bool refused() const { return CaseValidator::hasBlocking(issues); }
    bool hasWarning() const;
};

// The input of a batch verification: CSV (RFC 4180, UTF-8, with or without a byte-order mark) whose header names the
// columns name, id_number, start, end and optionally scene, user_id, merchant_biz_id, in any order (case and spaces
// around names ignored). start and end are YYYYMMDD; end may be "long-term" or 长期 for a card without an end date.
//
// Input that is not UTF-8 (GBK, as Excel saves "CSV" on a Chinese Windows) is refused as a whole with a message that
// says how to convert it: guessing an encoding could send a wrong name, which is billed. A row's own problems (a bad
// date, a bad ID number, a MerchantBizId used twice in the file, the same case as an earlier row, ...) are issues of
// that row, naming the field; the other rows go on.
class BatchInput
{
    Q_DECLARE_TR_FUNCTIONS(BatchInput)
public:
    static constexpr int maxRows = 100000;

    // Refused (InvalidArgument, the message names the problem) for an encoding other than UTF-8, a missing or
    // unknown column, a malformed CSV or more than maxRows rows; today is the pre-check's date. defaultScene is the
    // SceneCode of rows that give none.
    static Result<BatchInput> parse(const QByteArray& data, const QDate& today, const QString& defaultScene = {});

    const QList<BatchRow>& rows() const { return m_rows; }
    int refusedCount() const;
    int warningCount() const;
    // The SHA-256 (hex) of the list as it would be sent: each row's fields normalised as the pre-check does, in
    // order. Line ends, a byte-order mark, quoting, blank lines, column order and spaces around values do not change
    // it (an Excel re-save is the same list); a changed value or row order does.
    QByteArray listDigest() const;

    // What makes two rows the same case, billed twice if both were sent: the name, ID number and dates as sent.
    static QString caseKey(const CaseInput& input);

    // The columns, as the header names them.
    static QStringList requiredColumns();
    static QStringList optionalColumns();

private:
    static Result<void> checkEncoding(const QByteArray& data);
    static BatchRow readRow(const QStringList& cells,
        const QList<int>& columnOf,
        int number,
        const QDate& today,
        const QString& defaultScene);

    QList<BatchRow> m_rows;
};
