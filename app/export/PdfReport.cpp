#include "PdfReport.h"

#include "history/HistoryQuery.h"

#include <QBuffer>
#include <QDate>
#include <QDateTime>
#include <QFont>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QMap>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <array>

namespace {

// The outcomes the summary and the chart count, in their order; an "error:<kind>" outcome counts as error.
QStringList outcomeKeys()
{
    return { QLatin1String(HistoryOutcome::passed),
        QLatin1String(HistoryOutcome::notFound),
        QLatin1String(HistoryOutcome::mismatch),
        QLatin1String(HistoryOutcome::reviewed),
        QLatin1String(HistoryOutcome::error),
        QLatin1String(HistoryOutcome::unknown),
        QLatin1String(HistoryOutcome::pending) };
}

QString bucketOf(const QString& outcome)
{
    return outcome.startsWith(QLatin1String(HistoryOutcome::error)) ? QLatin1String(HistoryOutcome::error) : outcome;
}

// A printed report: fixed document fills, told apart by shade and hatching as well as by label, so it reads in
// black and white. One per outcome key.
QBrush brushFor(qsizetype index)
{
    static const std::array<QBrush, 7> brushes { QBrush(QColor(0x20, 0x20, 0x20)),
        QBrush(QColor(0x80, 0x80, 0x80)),
        QBrush(QColor(0x50, 0x50, 0x50), Qt::BDiagPattern),
        QBrush(QColor(0xb0, 0xb0, 0xb0)),
        QBrush(QColor(0x00, 0x00, 0x00), Qt::DiagCrossPattern),
        QBrush(QColor(0x30, 0x30, 0x30), Qt::Dense5Pattern),
        QBrush(QColor(0xe0, 0xe0, 0xe0)) };
    return brushes.at(static_cast<size_t>(index) % brushes.size());
}

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString cell(const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool() ? PdfReport::tr("yes") : PdfReport::tr("no");
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

using DayCounts = QMap<QDate, QMap<QString, int>>;

QImage chart(const DayCounts& days, const QStringList& keys, const QFont& font)
{
    const int width = 2400;
    const int height = 900;
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing, false);
    QFont f = font;
    f.setPixelSize(34);
    p.setFont(f);
    const QFontMetrics fm(f);
    const int left = 100;
    const int right = 20;
    const int top = 20;
    const int legendHeight = 70;
    const int labelHeight = 56;
    const int bottom = height - legendHeight - labelHeight;
    int maxTotal = 1;
    for (const auto& counts : days) {
        int total = 0;
        for (int n : counts)
            total += n;
        maxTotal = std::max(maxTotal, total);
    }
    // Axis and grid: about five steps.
    const int step = std::max(1, (maxTotal + 4) / 5);
    const int axisMax = ((maxTotal + step - 1) / step) * step;
    p.setPen(QPen(QColor(0xc0, 0xc0, 0xc0), 1));
    for (int v = 0; v <= axisMax; v += step) {
        const int y = bottom - (bottom - top) * v / axisMax;
        p.drawLine(left, y, width - right, y);
        p.setPen(Qt::black);
        p.drawText(QRect(0, y - 20, left - 12, 40), Qt::AlignRight | Qt::AlignVCenter, QString::number(v));
        p.setPen(QPen(QColor(0xc0, 0xc0, 0xc0), 1));
    }
    const qsizetype n = std::max<qsizetype>(1, days.size());
    const double slot = double(width - left - right) / double(n);
    const int barWidth = std::clamp(int(slot * 0.7), 2, 160);
    int labelEvery = 1;
    while (fm.horizontalAdvance(QStringLiteral("0000-00-00")) + 10 > slot * labelEvery)
        ++labelEvery;
    int i = 0;
    for (auto it = days.cbegin(); it != days.cend(); ++it, ++i) {
        const int x = left + int(slot * i + (slot - barWidth) / 2);
        int y = bottom;
        for (qsizetype k = 0; k < keys.size(); ++k) {
            const int count = it->value(keys.at(k));
            if (count == 0)
                continue;
            const int h = (bottom - top) * count / axisMax;
            const QRect bar(x, y - h, barWidth, h);
            p.fillRect(bar, Qt::white);
            p.fillRect(bar, brushFor(k));
            p.setPen(QPen(Qt::black, 2));
            p.drawRect(bar);
            y -= h;
        }
        if (i % labelEvery == 0) {
            p.setPen(Qt::black);
            p.drawText(QRect(int(left + slot * i) - 40, bottom + 5, int(slot) + 80, labelHeight - 10),
                Qt::AlignHCenter | Qt::AlignTop,
                it.key().toString(Qt::ISODate));
        }
    }
    p.setPen(QPen(Qt::black, 2));
    p.drawLine(left, bottom, width - right, bottom);
    p.drawLine(left, top, left, bottom);
    // Legend: a swatch and the outcome's name, for each outcome.
    int x = left;
    const int ly = height - legendHeight + 10;
    for (qsizetype k = 0; k < keys.size(); ++k) {
        const QRect swatch(x, ly, 44, 44);
        p.fillRect(swatch, brushFor(k));
        p.drawRect(swatch);
        const QString label = HistoryOutcome::displayName(keys.at(k));
        p.drawText(QRect(x + 54, ly, fm.horizontalAdvance(label) + 10, 44), Qt::AlignVCenter, label);
        x += 54 + fm.horizontalAdvance(label) + 50;
    }
    return image;
}

// The table's columns: the CSV columns that fit A4 landscape, with their headings.
QList<std::pair<QString, QString>> tableColumns(bool unmasked)
{
    QList<std::pair<QString, QString>> c { { QStringLiteral("case_id"), PdfReport::tr("Case") },
        { QStringLiteral("created_at"), PdfReport::tr("Created (UTC)") },
        { QStringLiteral("reviewer"), PdfReport::tr("Reviewer") },
        { QStringLiteral("merchant_biz_id"), PdfReport::tr("MerchantBizId") },
        { QStringLiteral("scene_code"), PdfReport::tr("Scene") },
        { QStringLiteral("outcome"), PdfReport::tr("Outcome") },
        { QStringLiteral("review_state"), PdfReport::tr("Review") },
        { QStringLiteral("error_code"), PdfReport::tr("Error") } };
    if (unmasked) {
        c.append({ QStringLiteral("name"), PdfReport::tr("Name") });
        c.append({ QStringLiteral("id_number"), PdfReport::tr("ID number") });
    } else {
        c.append({ QStringLiteral("name_masked"), PdfReport::tr("Name (masked)") });
        c.append({ QStringLiteral("id_number_masked"), PdfReport::tr("ID number (masked)") });
    }
    return c;
}

QString filterText(const QJsonObject& filter)
{
    QStringList parts;
    for (auto it = filter.constBegin(); it != filter.constEnd(); ++it) {
        QString value;
        if (it->isBool())
            value = it->toBool() ? PdfReport::tr("yes") : PdfReport::tr("no");
        else if (it->isDouble())
            value = QString::number(it->toDouble());
        else if (it->isString())
            value = it->toString();
        else
            value = QString::fromUtf8(QJsonDocument(QJsonObject { { it.key(), *it } }).toJson(QJsonDocument::Compact));
        parts.append(QStringLiteral("%1 = %2").arg(it.key(), value));
    }
    return parts.isEmpty() ? PdfReport::tr("none (every case the exporter may see)") : parts.join(QStringLiteral("; "));
}

QString factRow(const QString& name, const QString& value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(name), esc(value));
}

} // namespace

Result<QByteArray> PdfReport::render(const ExportManifest& m, const QList<QJsonObject>& rows)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Failure(ErrorCode::Unavailable, tr("A PDF report needs the fonts of a graphical application."));

    const QStringList keys = outcomeKeys();
    QMap<QString, int> totals;
    DayCounts days;
    for (const QJsonObject& row : rows) {
        const QString bucket = bucketOf(row.value(QStringLiteral("outcome")).toString());
        ++totals[bucket];
        const QDateTime created =
            QDateTime::fromString(row.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
        ++days[created.toUTC().date()][bucket];
    }
    // Days without cases inside the range show as empty bars.
    if (!days.isEmpty()) {
        for (QDate d = days.firstKey(); d < days.lastKey(); d = d.addDays(1))
            days[d];
    }
    const int answered = totals.value(QLatin1String(HistoryOutcome::passed))
        + totals.value(QLatin1String(HistoryOutcome::notFound)) + totals.value(QLatin1String(HistoryOutcome::mismatch));

    QFont font(QString::fromLatin1(fontFamily));
    font.setPointSizeF(8);
    QTextDocument doc;
    doc.setDefaultFont(font);
    doc.setDocumentMargin(0);
    doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("ekyc:chart")), chart(days, keys, font));

    QString html;
    html += QStringLiteral("<h1>%1</h1>").arg(esc(tr("eKYC Desk: cases report")));
    html += QStringLiteral("<table cellpadding=\"2\">");
    html += factRow(tr("History"), m.historyId);
    html += factRow(tr("Exported by"), m.exportedBy);
    html += factRow(tr("Exported at (UTC)"), m.exportedAt.toUTC().toString(Qt::ISODateWithMs));
    html += factRow(tr("Filter"), filterText(m.filter));
    html += factRow(tr("Names and ID numbers"), m.unmasked ? tr("in clear (unmasked export)") : tr("masked"));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Summary")));
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
    for (const QString& key : keys)
        html += QStringLiteral("<th>%1</th>").arg(esc(HistoryOutcome::displayName(key)));
    html += QStringLiteral("<th>%1</th><th>%2</th></tr><tr>").arg(esc(tr("Cases")), esc(tr("Pass rate")));
    for (const QString& key : keys)
        html += QStringLiteral("<td align=\"right\">%1</td>").arg(totals.value(key));
    const QString passRate = answered > 0
        ? QStringLiteral("%1 %").arg(100.0 * totals.value(QLatin1String(HistoryOutcome::passed)) / answered, 0, 'f', 1)
        : tr("n/a");
    html += QStringLiteral("<td align=\"right\">%1</td><td align=\"right\">%2</td></tr></table>")
                .arg(rows.size())
                .arg(esc(passRate));
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(tr("Pass rate: passed cases out of those the service answered (passed, 202 and 223).")));

    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Cases per day (UTC) by outcome")));
    html += QStringLiteral("<p><img src=\"ekyc:chart\" width=\"720\" height=\"270\"></p>");

    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Cases")));
    const QList<std::pair<QString, QString>> columns = tableColumns(m.unmasked);
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\" width=\"100%\"><thead><tr>");
    for (const auto& column : columns)
        html += QStringLiteral("<th>%1</th>").arg(esc(column.second));
    html += QStringLiteral("</tr></thead>");
    for (const QJsonObject& row : rows) {
        html += QStringLiteral("<tr>");
        for (const auto& column : columns) {
            QString text = cell(row.value(column.first));
            if (column.first == QLatin1String("outcome"))
                text = HistoryOutcome::displayName(text);
            html += QStringLiteral("<td>%1</td>").arg(esc(text));
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    if (rows.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("No case matches the filter.")));

    html += QStringLiteral("<h2>%1</h2><table cellpadding=\"2\">").arg(esc(tr("Chain facts")));
    html += factRow(
        tr("Chain head at export"), tr("event %1, hash %2").arg(m.headSeq).arg(QString::fromLatin1(m.headHash)));
    html += factRow(tr("Rows"), QString::number(rows.size()));
    html += factRow(tr("Previous export's manifest hash"),
        m.previousManifestHash.isEmpty() ? tr("none (the first export of this history)")
                                         : QString::fromLatin1(m.previousManifestHash));
    html += QStringLiteral("</table><p>%1</p>")
                .arg(esc(tr("The manifest beside this file (%1.manifest.json) holds its SHA-256 and an HMAC; check "
                            "both with: ekyc-desk-cli export verify %1.manifest.json --db ...")
                             .arg(m.file)));
    doc.setHtml(html);

    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
        writer.setResolution(300);
        // QTextDocument::print() adds margins of 2 cm of its own.
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        writer.setTitle(tr("eKYC Desk: cases report"));
        writer.setCreator(QStringLiteral("eKYC Desk"));
        doc.print(&writer);
    }
    buffer.close();
    if (bytes.isEmpty())
        return Failure(ErrorCode::Unavailable, tr("The PDF report could not be written."));
    return bytes;
}
