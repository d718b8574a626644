#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// CSV as exports write and read it: RFC 4180 (fields separated by commas, records ended by CRLF, a field holding a
// comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled), UTF-8, optionally after a
// byte-order mark so that Excel reads it as UTF-8.
//
// Formula injection: a spreadsheet runs a cell that starts with =, +, - or @ (and some start one after a tab or CR).
// Every cell that starts with one of = + - @ TAB CR, or with a single quote, gets one single quote (') in front, which
// a spreadsheet shows as text. The single quote is escaped too so that the change can be undone exactly: a reader
// gets the original value back by removing one leading single quote from every cell that starts with one
// (unneutralise), as ExportVerifier does before it recomputes the hashes of an events export.
class Csv
{
    Q_DECLARE_TR_FUNCTIONS(Csv)
public:
    static QByteArray bom() { return QByteArrayLiteral("\xEF\xBB\xBF"); }
    static QString neutralise(const QString& cell);
    static QString unneutralise(const QString& cell);
    // One record: the cells neutralised, quoted where needed, joined by commas, ended by CRLF.
    static QByteArray record(const QStringList& cells);
    // Appends one cell (UTF-8), neutralised and quoted exactly as record() does, without a separator: the fast path
    // of a large events export. record(cells) == the cells appended with ',' between them, then CRLF.
    static void appendCell(QByteArray& line, QByteArrayView utf8);
    // How records may end: CRLF or LF (what CSV writers write; an export is checked as written), or also a lone CR
    // (the old Mac line end, as some spreadsheets still save "CSV (Macintosh)").
    enum class LineEnds
    {
        CrLfOrLf,
        AnyIncludingCr,
    };
    // The records of a whole file (a leading BOM is skipped), cells as written (still neutralised). Corrupt for a
    // quote in an unquoted field, text after a closing quote, an unterminated quoted field, or (CrLfOrLf) a lone CR
    // outside quotes.
    // lines, if given, receives the line each record starts on (1-based, as an editor numbers them: a line break
    // inside a quoted field, CRLF, LF or lone CR, starts a line too).
    static Result<QList<QStringList>> parse(
        const QByteArray& data, LineEnds ends = LineEnds::CrLfOrLf, QList<int>* lines = nullptr);
};
