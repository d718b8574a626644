// The export writers (app/export): a CSV record, written cell by cell (Csv::appendCell, the events export's fast
// path) or at once (Csv::record), is the same bytes and parses back (Csv::parse, Csv::unneutralise, as ExportVerifier
// reads it) to exactly the cells written; a JSON Lines row is one line and parses back to the same object. Input: the
// cells of one row separated by the byte 0x1F; the first cells fill the events export's columns.
#include "FuzzSupport.h"

#include "export/Csv.h"
#include "export/Exporter.h"

#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayList raw = Fuzz::bytes(data, size).split('\x1f');
    QStringList cells;
    for (const QByteArray& cell : raw)
        cells.append(QString::fromUtf8(cell));

    // CSV: both writers agree, and the record reads back.
    const QByteArray record = Csv::record(cells);
    QByteArray line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line.append(',');
        Csv::appendCell(line, cells.at(i).toUtf8());
    }
    line.append("\r\n");
    Fuzz::check(line == record, "appendCell writes what record writes");
    for (const QString& cell : cells)
        Fuzz::check(Csv::unneutralise(Csv::neutralise(cell)) == cell, "unneutralise undoes neutralise");
    const Result<QList<QStringList>> parsed = Csv::parse(Csv::bom() + record + record);
    Fuzz::check(parsed.ok(), "a written record parses");
    Fuzz::check(parsed->size() == 2, "two records read back as two");
    for (const QStringList& back : *parsed) {
        Fuzz::check(back.size() == cells.size(), "as many cells as written");
        for (qsizetype i = 0; i < cells.size(); ++i)
            Fuzz::check(Csv::unneutralise(back.at(i)) == cells.at(i), "each cell reads back as written");
    }
    // Any bytes: the reader either reads them or says they are corrupt.
    (void)Csv::parse(Fuzz::bytes(data, size));

    // JSON Lines: one object a line, read back as written.
    const QStringList columns = Exporter::columns(ExportRequest::What::Events, false);
    QJsonObject row;
    for (qsizetype i = 0; i < columns.size(); ++i)
        row.insert(columns.at(i), cells.value(i));
    const QByteArray jsonLine = Exporter::jsonLine(row);
    Fuzz::check(!jsonLine.contains('\n') && !jsonLine.contains('\r'), "a JSON Lines row is one line");
    const QJsonDocument back = QJsonDocument::fromJson(jsonLine);
    Fuzz::check(back.isObject() && back.object() == row, "a JSON Lines row reads back as written");
    return 0;
}
