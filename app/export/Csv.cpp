#include "Csv.h"

#include <QStringDecoder>

namespace {

bool needsNeutralising(const QString& cell)
{
    if (cell.isEmpty())
        return false;
    const QChar first = cell.front();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r'
        || first == u'\'';
}

bool needsQuotes(const QString& cell)
{
    return cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\r') || cell.contains(u'\n');
}

// Reads records one character at a time: the states of RFC 4180's grammar.
class Parser
{
public:
    Parser(const QString& text, Csv::LineEnds ends, QList<int>* lines)
        : m_text(text)
        , m_loneCrEnds(ends == Csv::LineEnds::AnyIncludingCr)
        , m_lines(lines)
    {
    }

    Result<QList<QStringList>> run()
    {
        qsizetype i = 0;
        while (i < m_text.size()) {
            const Result<qsizetype> next = field(i);
            if (!next)
                return next.failure();
            i = *next;
        }
        if (m_fieldStarted || !m_record.isEmpty())
            endRecord();
        return m_records;
    }

private:
    // Reads one field from i and the separator after it; returns where the next field starts.
    Result<qsizetype> field(qsizetype i)
    {
        QString cell;
        m_fieldStarted = true;
        if (m_text.at(i) == u'"') {
            Result<qsizetype> end = quoted(i + 1, &cell);
            if (!end)
                return end;
            i = *end;
        } else {
            while (i < m_text.size() && m_text.at(i) != u',' && m_text.at(i) != u'\r' && m_text.at(i) != u'\n') {
                if (m_text.at(i) == u'"')
                    return Failure(ErrorCode::Corrupt, Csv::tr("A double quote inside an unquoted CSV field."));
                cell.append(m_text.at(i++));
            }
        }
        m_record.append(cell);
        return separator(i);
    }

    Result<qsizetype> quoted(qsizetype i, QString* cell)
    {
        for (; i < m_text.size(); ++i) {
            if (m_text.at(i) != u'"') {
                // A line break in the field: CRLF counts once (at its CR).
                if (m_text.at(i) == u'\r' || (m_text.at(i) == u'\n' && (i == 0 || m_text.at(i - 1) != u'\r')))
                    ++m_line;
                cell->append(m_text.at(i));
            } else if (i + 1 < m_text.size() && m_text.at(i + 1) == u'"') {
                cell->append(u'"');
                ++i;
            } else {
                return i + 1;
            }
        }
        return Failure(ErrorCode::Corrupt, Csv::tr("A quoted CSV field is not closed."));
    }

    Result<qsizetype> separator(qsizetype i)
    {
        if (i >= m_text.size())
            return i;
        if (m_text.at(i) == u',') {
            if (i + 1 >= m_text.size())
                m_record.append(QString());
            return i + 1;
        }
        if (m_text.at(i) == u'\r' && i + 1 < m_text.size() && m_text.at(i + 1) == u'\n') {
            endRecord();
            return i + 2;
        }
        if (m_text.at(i) == u'\n' || (m_text.at(i) == u'\r' && m_loneCrEnds)) {
            endRecord();
            return i + 1;
        }
        if (m_text.at(i) == u'\r')
            return Failure(ErrorCode::Corrupt, Csv::tr("A line ends with a lone carriage return (CR) in the CSV."));
        return Failure(ErrorCode::Corrupt, Csv::tr("Text after a closing quote in a CSV field."));
    }

    void endRecord()
    {
        if (m_lines)
            m_lines->append(m_recordLine);
        ++m_line; // the record's own line end (or the end of the text)
        m_recordLine = m_line;
        m_records.append(m_record);
        m_record.clear();
        m_fieldStarted = false;
    }

    const QString& m_text;
    const bool m_loneCrEnds;
    QList<int>* m_lines;
    int m_line = 1; // the line being read
    int m_recordLine = 1; // the line the record being read started on
    QList<QStringList> m_records;
    QStringList m_record;
    bool m_fieldStarted = false;
};

} // namespace

QString Csv::neutralise(const QString& cell)
{
    return needsNeutralising(cell) ? u'\'' + cell : cell;
}

QString Csv::unneutralise(const QString& cell)
{
    return cell.startsWith(u'\'') ? cell.mid(1) : cell;
}

QByteArray Csv::record(const QStringList& cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString& cell : cells) {
        const QString safe = neutralise(cell);
        out.append(needsQuotes(safe) ? u'"' + QString(safe).replace(u'"', QStringLiteral("\"\"")) + u'"' : safe);
    }
    return out.join(u',').toUtf8() + "\r\n";
}

void Csv::appendCell(QByteArray& line, QByteArrayView utf8)
{
    const bool neutralised = !utf8.isEmpty()
        && (utf8.front() == '=' || utf8.front() == '+' || utf8.front() == '-' || utf8.front() == '@'
            || utf8.front() == '\t' || utf8.front() == '\r' || utf8.front() == '\'');
    bool quoted = false;
    for (const char c : utf8) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quoted = true;
            break;
        }
    }
    if (quoted)
        line.append('"');
    if (neutralised)
        line.append('\'');
    if (!quoted) {
        line.append(utf8);
        return;
    }
    qsizetype start = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) == '"') {
            line.append(utf8.sliced(start, i - start + 1)).append('"');
            start = i + 1;
        }
    }
    line.append(utf8.sliced(start)).append('"');
}

Result<QList<QStringList>> Csv::parse(const QByteArray& data, LineEnds ends, QList<int>* lines)
{
    if (lines)
        lines->clear();
    const QByteArray body = data.startsWith(bom()) ? data.mid(bom().size()) : data;
    // One byte-order mark is skipped, above, and no more: the decoder would drop a second one, the first character of
    // a first cell that starts with U+FEFF (found by fuzz_export_writers).
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder(body);
    return Parser(text, ends, lines).run();
}
