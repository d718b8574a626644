#include "BatchJournal.h"

#include "base/OutputFile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLockFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace {

QHash<QByteArray, QString> casesFrom(const QJsonObject& object)
{
    static const QRegularExpression index(QStringLiteral("^[0-9a-f]{64}$"));
    QHash<QByteArray, QString> cases;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (index.match(it.key()).hasMatch() && it.value().isString())
            cases.insert(it.key().toLatin1(), it.value().toString());
    }
    return cases;
}

QJsonObject casesTo(const QHash<QByteArray, QString>& cases)
{
    // In key order: each insert is then an append (a JSON object keeps its keys sorted).
    QList<QByteArray> keys = cases.keys();
    std::sort(keys.begin(), keys.end());
    QJsonObject object;
    for (const QByteArray& key : std::as_const(keys))
        object.insert(QString::fromLatin1(key), cases.value(key));
    return object;
}

} // namespace

QString BatchJournal::pathFor(const QString& outputPath)
{
    return outputPath + QStringLiteral(".batch.json");
}

std::optional<BatchJournal> BatchJournal::at(const QString& outputPath)
{
    QFile file(pathFor(outputPath));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    // Up to two indexes per row of the largest list, and a little more: anything larger is not a journal.
    constexpr qint64 maxBytes = qint64 { 64 } * 1024 * 1024;
    if (file.size() > maxBytes)
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.read(maxBytes)).object();
    BatchJournal found;
    found.batchId = object.value(QLatin1String("batchId")).toString();
    found.inputSha256 = object.value(QLatin1String("inputSha256")).toString().toLatin1();
    found.listSha256 = object.value(QLatin1String("listSha256")).toString().toLatin1();
    found.startedAt = QDateTime::fromString(object.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
    found.historyId = object.value(QLatin1String("historyId")).toString();
    if (const QJsonValue settled = object.value(QLatin1String("settled")); settled.isBool())
        found.settled = settled.toBool();
    found.cases = casesFrom(object.value(QLatin1String("cases")).toObject());
    found.carried = casesFrom(object.value(QLatin1String("carried")).toObject());
    found.leftNotSent = qMax(0, object.value(QLatin1String("leftNotSent")).toInt());
    found.leftFailed = qMax(0, object.value(QLatin1String("leftFailed")).toInt());
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    if (!hex32.match(found.batchId).hasMatch() || !found.startedAt.isValid()
        || (found.inputSha256.isEmpty() && found.listSha256.isEmpty()))
        return std::nullopt;
    found.resumed = true;
    return found;
}

BatchJournal BatchJournal::forInput(const QString& outputPath,
    const QByteArray& input,
    const QByteArray& listSha256,
    const QDateTime& now,
    bool* resumed)
{
    const QByteArray digest = QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex();
    if (std::optional<BatchJournal> found = at(outputPath); found
        && ((!found->listSha256.isEmpty() && found->listSha256 == listSha256)
            || (!found->inputSha256.isEmpty() && found->inputSha256 == digest))) {
        found->inputSha256 = digest; // saved again for this file
        found->listSha256 = listSha256;
        *resumed = true;
        return *found;
    }
    BatchJournal fresh;
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    fresh.batchId = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex());
    fresh.inputSha256 = digest;
    fresh.listSha256 = listSha256;
    fresh.startedAt = now.toUTC();
    *resumed = false;
    return fresh;
}

Result<void> BatchJournal::checkOutput(
    const QString& field, const QString& outputPath, const QStringList& history, const QStringList& inputs)
{
    if (Result<void> results = OutputFile::check(field, outputPath, history, inputs); !results)
        return results;
    if (outputPath.endsWith(QLatin1String(".batch.json"), Qt::CaseInsensitive))
        return Failure(ErrorCode::InvalidArgument,
            tr("%1: %2 is named as a batch's journal; choose another name for the results.").arg(field, outputPath));
    return OutputFile::check(field, pathFor(outputPath), history, inputs);
}

Result<void> BatchJournal::save(const QString& outputPath) const
{
    QSaveFile file(pathFor(outputPath));
    const QJsonObject object { { QStringLiteral("batchId"), batchId },
        { QStringLiteral("inputSha256"), QString::fromLatin1(inputSha256) },
        { QStringLiteral("listSha256"), QString::fromLatin1(listSha256) },
        { QStringLiteral("startedAt"), startedAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("historyId"), historyId },
        { QStringLiteral("settled"), settled.value_or(false) },
        { QStringLiteral("leftNotSent"), leftNotSent },
        { QStringLiteral("leftFailed"), leftFailed },
        { QStringLiteral("cases"), casesTo(cases) },
        { QStringLiteral("carried"), casesTo(carried) } };
    // Private: its case indexes are keyed, but they are the person's rows all the same.
    // (A file system without permissions, FAT on a USB stick, refuses: the journal is written all the same.)
    if (!file.open(QIODevice::WriteOnly))
        return Failure(ErrorCode::Unavailable,
            tr("Cannot write %1 (it makes the batch resumable): %2").arg(file.fileName(), file.errorString()));
    (void)file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        return Failure(ErrorCode::Unavailable,
            tr("Cannot write %1 (it makes the batch resumable): %2").arg(file.fileName(), file.errorString()));
    return {};
}

std::unique_ptr<QLockFile> BatchJournal::lockFor(const QString& outputPath)
{
    auto lock = std::make_unique<QLockFile>(pathFor(outputPath) + QStringLiteral(".lock"));
    lock->setStaleLockTime(0); // a batch may run for hours: only a dead owner makes the lock stale
    if (!lock->tryLock(0))
        return nullptr;
    return lock;
}

QString BatchJournal::merchantBizIdFor(int rowNumber) const
{
    const QByteArray seed = batchId.toLatin1() + '/' + QByteArray::number(rowNumber);
    return QString::fromLatin1(QCryptographicHash::hash(seed, QCryptographicHash::Sha256).toHex().left(32));
}
