#include "BatchInput.h"

#include "domain/IdNumber.h"
#include "export/Csv.h"

#include <QCryptographicHash>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace {

enum Column
{
    Name,
    IdNumber,
    Start,
    End,
    Scene,
    UserId,
    MerchantBizId,
    ColumnCount
};

const char* const columnNames[ColumnCount] = {
    "name", "id_number", "start", "end", "scene", "user_id", "merchant_biz_id"
};

ValidationIssue issue(CaseField field, const QString& code, const QString& message)
{
    return { field, true, code, message };
}

// YYYYMMDD; full-width digits (as a Chinese input method types them) read as the same digits, as in the ID number.
QDate parseDate(const QString& text)
{
    QString digits = text.trimmed();
    for (QChar& c : digits)
        c = IdNumber::asciiDigit(c);
    return digits.size() == 8 ? QDate::fromString(digits, QStringLiteral("yyyyMMdd")) : QDate();
}

bool isLongTerm(const QString& text)
{
    const QString trimmed = text.trimmed();
    return trimmed.compare(QLatin1String("long-term"), Qt::CaseInsensitive) == 0 || trimmed == QStringLiteral("长期");
}

// The edit distance of two short words (insertions, deletions, substitutions).
int editDistance(const QString& a, const QString& b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({ above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1) });
            diagonal = above;
        }
    }
    return row[b.size()];
}

// Whether an error may quote a cell. A file without its header row, or with its columns in another order, has a
// person's name or ID number where a column name or a date was expected, and the error is shown, printed and kept in
// the results: a column name is quoted only as one word of letters, '_' and '-' (a name in pinyin has a space) that
// looks like a mistyped column name (an '_' in it, or at most two letters off one: "id_nuber", "nmae", not "Wang"), a
// date only as at most 8 digits and separators (a phone number has 11).
bool quotableColumnName(const QString& cell)
{
    const bool oneWord = cell.size() <= 24 && std::all_of(cell.begin(), cell.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'-';
    });
    const QString word = cell.toLower();
    return oneWord
        && (word.contains(u'_')
            || std::any_of(std::begin(columnNames), std::end(columnNames), [&word](const char* name) {
                   return editDistance(word, QLatin1String(name)) <= 2;
               }));
}

bool quotableDate(const QString& cell)
{
    const auto digit = [](QChar c) { return IdNumber::asciiDigit(c).isDigit(); };
    return cell.size() <= 10 && std::count_if(cell.begin(), cell.end(), digit) <= 8
        && std::all_of(cell.begin(), cell.end(), [&digit](QChar c) {
               return digit(c) || c == u'-' || c == u'/' || c == u'.' || c == u' ';
           });
}

} // namespace

bool BatchRow::hasWarning() const
{
    for (const ValidationIssue& each : issues) {
        if (!each.blocking)
            return true;
    }
    return false;
}

QStringList BatchInput::requiredColumns()
{
    return { QString::fromLatin1(columnNames[Name]),
        QString::fromLatin1(columnNames[Column::IdNumber]),
        QString::fromLatin1(columnNames[Start]),
        QString::fromLatin1(columnNames[End]) };
}

QStringList BatchInput::optionalColumns()
{
    return { QString::fromLatin1(columnNames[Scene]),
        QString::fromLatin1(columnNames[UserId]),
        QString::fromLatin1(columnNames[MerchantBizId]) };
}

Result<void> BatchInput::checkEncoding(const QByteArray& data)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString decoded = utf8.decode(data);
    Q_UNUSED(decoded)
    if (!utf8.hasError())
        return {};
    return Failure(ErrorCode::InvalidArgument,
        tr("The file is not UTF-8 text (it is probably GBK, as Excel saves \"CSV\" on a Chinese Windows). Save it as "
           "\"CSV UTF-8\", or convert it with: iconv -f GBK -t UTF-8 IN.csv > OUT.csv. Nothing was sent."));
}

Result<BatchInput> BatchInput::parse(const QByteArray& data, const QDate& today, const QString& defaultScene)
{
    if (const Result<void> encoding = checkEncoding(data); !encoding)
        return encoding.failure();
    // A list saved with the old Mac line ends (a lone CR) is read too: what matters is its cells.
    QList<int> lines; // where each record starts: a quoted value may hold line breaks
    const Result<QList<QStringList>> records = Csv::parse(data, Csv::LineEnds::AnyIncludingCr, &lines);
    if (!records)
        return Failure(
            ErrorCode::InvalidArgument, tr("The file is not valid CSV: %1 Nothing was sent.").arg(records.message()));
    if (records->isEmpty())
        return Failure(ErrorCode::InvalidArgument,
            tr("The file is empty; its first line must name the columns: %1.").arg(requiredColumns().join(u',')));

    QList<int> columnOf(ColumnCount, -1);
    QStringList header = records->first();
    // Empty names after the last column, as spreadsheets write them, name nothing (their values must be empty too).
    while (!header.isEmpty() && header.constLast().trimmed().isEmpty())
        header.removeLast();
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed().toLower();
        int known = -1;
        for (int c = 0; c < ColumnCount; ++c) {
            if (name == QLatin1String(columnNames[c]))
                known = c;
        }
        if (known < 0 && quotableColumnName(header[i]))
            return Failure(ErrorCode::InvalidArgument,
                tr("Unknown column \"%1\" in the header; the columns are %2 and optionally %3.")
                    .arg(header[i], requiredColumns().join(u','), optionalColumns().join(u',')));
        if (known < 0)
            return Failure(ErrorCode::InvalidArgument,
                tr("Column %1 of the first line is not a column name (is the header line missing?); the columns are "
                   "%2 and optionally %3.")
                    .arg(i + 1)
                    .arg(requiredColumns().join(u','), optionalColumns().join(u',')));
        if (columnOf[known] >= 0)
            return Failure(ErrorCode::InvalidArgument, tr("The column \"%1\" appears twice in the header.").arg(name));
        columnOf[known] = static_cast<int>(i);
    }
    for (int c = Name; c <= End; ++c) {
        if (columnOf[c] < 0)
            return Failure(ErrorCode::InvalidArgument,
                tr("The header has no column \"%1\"; the columns are %2 and optionally %3.")
                    .arg(QString::fromLatin1(columnNames[c]),
                        requiredColumns().join(u','),
                        optionalColumns().join(u',')));
    }

    BatchInput input;
    QHash<QString, int> bizIds; // MerchantBizId given in the file -> the row that has it
    QHash<QString, int> cases; // caseKey() -> the first row with it
    for (qsizetype r = 1; r < records->size(); ++r) {
        const QStringList& cells = records->at(r);
        if (std::all_of(cells.begin(), cells.end(), [](const QString& cell) { return cell.trimmed().isEmpty(); }))
            continue; // a blank line, or one of only commas (as spreadsheets end their exports)
        // More values than columns (empty ones at the end, as spreadsheets write them, aside) would be dropped
        // unseen: most often a name with an unquoted comma, which shifts every value after it.
        if (cells.size() > header.size()
            && std::any_of(cells.begin() + header.size(), cells.end(), [](const QString& extra) {
                   return !extra.trimmed().isEmpty();
               }))
            return Failure(ErrorCode::InvalidArgument,
                tr("Line %1 has %2 values but the header names %3 columns: put a value that holds a comma in double "
                   "quotes, or name the extra column in the header.")
                    .arg(lines.value(r))
                    .arg(cells.size())
                    .arg(header.size()));
        if (input.m_rows.size() >= maxRows) // blank lines aside
            return Failure(ErrorCode::InvalidArgument,
                tr("The file has more than %1 rows; split it into smaller batches.").arg(maxRows));
        BatchRow row = readRow(cells, columnOf, static_cast<int>(input.m_rows.size()) + 1, today, defaultScene);
        row.line = lines.value(r);
        const QString bizId = row.input.merchantBizId;
        if (!bizId.isEmpty()) {
            if (const int first = bizIds.value(bizId); first > 0)
                row.issues.append(issue(CaseField::MerchantBizId,
                    QStringLiteral("bizid.repeated"),
                    tr("MerchantBizId: %1 is already used by row %2 of this file; each case needs its own.")
                        .arg(bizId)
                        .arg(first)));
            else
                bizIds.insert(bizId, row.number);
        }
        // The same person and card twice in one list would be two calls, each billed: the first one is sent. (A row
        // refused for its own reasons is not sent anyway, and says why.)
        if (!row.refused()) {
            const QString key = caseKey(row.input);
            if (const int first = cases.value(key); first > 0)
                row.issues.append(issue(CaseField::IdNumber,
                    QStringLiteral("case.repeated"),
                    tr("ID number: row %1 of this file has the same name, ID number and validity dates; a case is "
                       "sent once per list (a second call would be billed again), so only row %1 is sent.")
                        .arg(first)));
            else
                cases.insert(key, row.number);
        }
        input.m_rows.append(row);
    }
    return input;
}

BatchRow BatchInput::readRow(
    const QStringList& cells, const QList<int>& columnOf, int number, const QDate& today, const QString& defaultScene)
{
    const auto cell = [&cells, &columnOf](int column) {
        const int at = columnOf[column];
        return at >= 0 && at < cells.size() ? cells[at] : QString();
    };
    BatchRow row;
    row.number = number;
    row.input.name = cell(Name);
    row.input.idNumber = cell(Column::IdNumber).trimmed();
    row.input.sceneCode = cell(Scene).trimmed();
    if (row.input.sceneCode.isEmpty())
        row.input.sceneCode = defaultScene;
    row.input.merchantUserId = cell(UserId).trimmed();
    row.input.merchantBizId = cell(MerchantBizId).trimmed();

    QList<ValidationIssue> own;
    const QString start = cell(Start);
    if (!start.trimmed().isEmpty()) {
        row.input.validityStart = parseDate(start);
        if (!row.input.validityStart.isValid())
            own.append(issue(CaseField::ValidityStart,
                QStringLiteral("start.format"),
                quotableDate(start) ? tr("Valid from: \"%1\" is not a real date written as YYYYMMDD.").arg(start)
                                    : tr("Valid from: this is not a date written as YYYYMMDD (are the columns in "
                                         "the order the header names them?).")));
    }
    const QString end = cell(End);
    if (isLongTerm(end)) {
        row.input.longTerm = true;
    } else if (!end.trimmed().isEmpty()) {
        row.input.validityEnd = parseDate(end);
        if (!row.input.validityEnd.isValid())
            own.append(issue(CaseField::ValidityEnd,
                QStringLiteral("end.format"),
                quotableDate(end)
                    ? tr("Valid until: \"%1\" is neither a real date written as YYYYMMDD nor long-term (长期).")
                          .arg(end)
                    : tr("Valid until: this is neither a date written as YYYYMMDD nor long-term (长期) (are the "
                         "columns in the order the header names them?).")));
    }
    row.issues = CaseValidator::check(row.input, today);
    if (!own.isEmpty()) {
        // A date that could not be read is reported as such, not also as missing.
        row.issues.removeIf([&own](const ValidationIssue& each) {
            return std::any_of(
                own.begin(), own.end(), [&each](const ValidationIssue& o) { return o.field == each.field; });
        });
        row.issues = own + row.issues;
    }
    return row;
}

QString BatchInput::caseKey(const CaseInput& in)
{
    return CaseValidator::normalizeName(in.name) + u'\x1f' + ::IdNumber::normalize(in.idNumber) + u'\x1f'
        + in.validityStart.toString(QStringLiteral("yyyyMMdd")) + u'\x1f'
        + (in.longTerm ? QStringLiteral("long-term") : in.validityEnd.toString(QStringLiteral("yyyyMMdd")));
}

QByteArray BatchInput::listDigest() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto field = [&hash](const QString& value) {
        hash.addData(value.toUtf8());
        hash.addData(QByteArrayView("\x1f"));
    };
    for (const BatchRow& row : m_rows) {
        const CaseInput& in = row.input;
        field(caseKey(in)); // the same bytes as its four fields one by one, as journals have them
        field(in.sceneCode.trimmed());
        field(in.merchantUserId.trimmed());
        field(in.merchantBizId.trimmed());
        hash.addData(QByteArrayView("\x1e"));
    }
    return hash.result().toHex();
}

int BatchInput::refusedCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.begin(), m_rows.end(), [](const BatchRow& row) { return row.refused(); }));
}

int BatchInput::warningCount() const
{
    return static_cast<int>(std::count_if(
        m_rows.begin(), m_rows.end(), [](const BatchRow& row) { return !row.refused() && row.hasWarning(); }));
}
