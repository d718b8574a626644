#include "BatchJournal.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

QString BatchJournal::pathFor(const QString& outputPath)
{
    return outputPath + QStringLiteral(".batch.json");
}

BatchJournal BatchJournal::forInput(
    const QString& outputPath, const QByteArray& input, const QDateTime& now, bool* resumed)
{
    const QByteArray digest = QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex();
    QFile file(pathFor(outputPath));
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject object = QJsonDocument::fromJson(file.read(qint64 { 64 } * 1024)).object();
        BatchJournal found;
        found.batchId = object.value(QLatin1String("batchId")).toString();
        found.inputSha256 = object.value(QLatin1String("inputSha256")).toString().toLatin1();
        found.startedAt = QDateTime::fromString(object.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
        static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
        if (found.inputSha256 == digest && hex32.match(found.batchId).hasMatch() && found.startedAt.isValid()) {
            *resumed = true;
            found.resumed = true;
            return found;
        }
    }
    BatchJournal fresh;
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    fresh.batchId = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex());
    fresh.inputSha256 = digest;
    fresh.startedAt = now.toUTC();
    *resumed = false;
    return fresh;
}

Result<void> BatchJournal::save(const QString& outputPath) const
{
    QSaveFile file(pathFor(outputPath));
    const QJsonObject object { { QStringLiteral("batchId"), batchId },
        { QStringLiteral("inputSha256"), QString::fromLatin1(inputSha256) },
        { QStringLiteral("startedAt"), startedAt.toString(Qt::ISODateWithMs) } };
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(object).toJson()) < 0 || !file.commit())
        return Failure(ErrorCode::Unavailable,
            tr("Cannot write %1 (it makes the batch resumable): %2").arg(file.fileName(), file.errorString()));
    return {};
}

QString BatchJournal::merchantBizIdFor(int rowNumber) const
{
    const QByteArray seed = batchId.toLatin1() + '/' + QByteArray::number(rowNumber);
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(32));
}
