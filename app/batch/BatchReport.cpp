#include "BatchReport.h"

#include "domain/CaseValidator.h"
#include "domain/IdNumber.h"
#include "domain/Masking.h"
#include "export/Csv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

QStringList cellsOf(const BatchRow& row, const BatchOutcome& outcome)
{
    QStringList issues; // each names its field already, as the CLI and the app show it
    for (const ValidationIssue& each : row.issues)
        issues.append(each.message);
    return { QString::number(row.number),
        QString::number(row.line),
        // As sent (and recorded): spaces, full-width digits and a lower-case x do not hide which number it was.
        Masking::name(CaseValidator::normalizeName(row.input.name)),
        Masking::idNumber(IdNumber::normalize(row.input.idNumber)),
        outcome.merchantBizId,
        BatchOutcome::kindKey(outcome.kind),
        outcome.subCode,
        outcome.explanation,
        outcome.requestId,
        outcome.caseId,
        outcome.errorKind,
        outcome.errorCode,
        issues.join(u'\n'),
        outcome.fromHistory ? QStringLiteral("yes") : QString() };
}

} // namespace

QStringList BatchReport::columns()
{
    return { QStringLiteral("row"),
        QStringLiteral("line"),
        QStringLiteral("name"),
        QStringLiteral("id_number"),
        QStringLiteral("merchant_biz_id"),
        QStringLiteral("outcome"),
        QStringLiteral("sub_code"),
        QStringLiteral("explanation"),
        QStringLiteral("request_id"),
        QStringLiteral("case_id"),
        QStringLiteral("error"),
        QStringLiteral("error_code"),
        QStringLiteral("issues"),
        QStringLiteral("earlier_run") };
}

QByteArray BatchReport::render(const BatchRun& run, Format format)
{
    QByteArray out;
    const QStringList names = columns();
    if (format == Format::Csv)
        out.append(Csv::record(names));
    for (qsizetype i = 0; i < run.rows().size(); ++i) {
        const QStringList cells = cellsOf(run.rows()[i], run.outcomes()[i]);
        if (format == Format::Csv) {
            out.append(Csv::record(cells));
            continue;
        }
        QJsonObject object;
        for (qsizetype c = 0; c < names.size(); ++c) {
            if (c < 2)
                object.insert(names[c], cells[c].toInt());
            else if (!cells[c].isEmpty())
                object.insert(names[c], cells[c]);
        }
        out.append(QJsonDocument(object).toJson(QJsonDocument::Compact)).append('\n');
    }
    return out;
}

Result<void> BatchReport::write(const BatchRun& run, Format format, const QString& path)
{
    QSaveFile file(path);
    const bool opened = file.open(QIODevice::WriteOnly);
    // Masked names and ID numbers, MerchantBizIds and case ids: private, as exports are (where the file system keeps
    // permissions at all).
    if (opened)
        (void)file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!opened || file.write(render(run, format)) < 0 || !file.commit())
        return Failure(ErrorCode::Unavailable, tr("Cannot write the results to %1: %2").arg(path, file.errorString()));
    return {};
}
