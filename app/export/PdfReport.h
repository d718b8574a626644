#pragma once

#include "base/Result.h"
#include "export/ExportManifest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

// The PDF report of a cases export: a title, the history, who exported and when, the filter in words, a summary by
// outcome with the pass rate, a bar chart of cases per day (UTC) by outcome (grey shades and hatching, labelled), the
// cases table (the rows as Exporter writes them: masked unless the export is unmasked) and the chain facts (the head
// at export, rows, the previous manifest hash). A QTextDocument printed by a QPdfWriter: A4 landscape, PDF/A-1b, the
// CJK font "WenQuanYi Micro Hei" (fonts-wqy-microhei) as the document font, so Chinese text renders and is embedded.
//
// Needs a QGuiApplication (fonts): Unavailable without one.
class PdfReport
{
    Q_DECLARE_TR_FUNCTIONS(PdfReport)
public:
    static constexpr char fontFamily[] = "WenQuanYi Micro Hei";

    // manifest: what the manifest will say (every field but the file's SHA-256, size and HMAC); rows: Exporter's
    // case rows (the keys of Exporter::columns(Cases, manifest.unmasked)).
    static Result<QByteArray> render(const ExportManifest& manifest, const QList<QJsonObject>& rows);
};
