#include "BatchRegistry.h"

#include "base/Language.h"
#include "base/PrivateFiles.h"
#include "batch/BatchJournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace {

QJsonObject toJson(const BatchRegistry::Entry& entry)
{
    return { { QStringLiteral("batchId"), entry.batchId },
        { QStringLiteral("listSha256"), QString::fromLatin1(entry.listSha256) },
        { QStringLiteral("historyId"), entry.historyId },
        { QStringLiteral("output"), entry.outputPath },
        { QStringLiteral("startedAt"), entry.startedAt.toString(Qt::ISODateWithMs) } };
}

std::optional<BatchRegistry::Entry> fromJson(const QJsonObject& object)
{
    BatchRegistry::Entry entry;
    entry.batchId = object.value(QLatin1String("batchId")).toString();
    entry.listSha256 = object.value(QLatin1String("listSha256")).toString().toLatin1();
    entry.historyId = object.value(QLatin1String("historyId")).toString();
    entry.outputPath = object.value(QLatin1String("output")).toString();
    entry.startedAt = QDateTime::fromString(object.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
    if (entry.batchId.isEmpty() || entry.listSha256.isEmpty() || entry.historyId.isEmpty()
        || !entry.startedAt.isValid())
        return std::nullopt;
    return entry;
}

std::optional<BatchRegistry::Entry> latestOf(const QList<BatchRegistry::Entry>& entries,
    const QByteArray& listSha256,
    const QString& historyId,
    const QString& exceptBatchId)
{
    std::optional<BatchRegistry::Entry> latest;
    for (const BatchRegistry::Entry& entry : entries) {
        if (entry.listSha256 == listSha256 && entry.historyId == historyId && entry.batchId != exceptBatchId
            && (!latest || entry.startedAt > latest->startedAt))
            latest = entry;
    }
    return latest;
}

} // namespace

BatchRegistry::BatchRegistry(QString path)
    : m_path(std::move(path))
{
}

QString BatchRegistry::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("batches.json"));
}

QList<BatchRegistry::Entry> BatchRegistry::read(bool* damaged) const
{
    if (QFileInfo(m_path).isSymLink())
        return {}; // never followed (locked() says so)
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError error {};
    const QByteArray bytes = file.read(qint64 { 4 } * 1024 * 1024);
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (damaged)
        *damaged = error.error != QJsonParseError::NoError || !document.isArray();
    QList<Entry> entries;
    for (const QJsonValue value : document.array()) {
        if (std::optional<Entry> entry = fromJson(value.toObject()))
            entries.append(*entry);
    }
    return entries;
}

std::optional<BatchRegistry::Entry> BatchRegistry::earlier(
    const QByteArray& listSha256, const QString& historyId, const QString& exceptBatchId) const
{
    return latestOf(read(), listSha256, historyId, exceptBatchId);
}

BatchRegistry::Claim BatchRegistry::claim(const Entry& entry, bool checkEarlier)
{
    Claim claim;
    QString notice;
    const Result<void> done = locked(
        [&](QList<Entry>& entries) {
            if (checkEarlier)
                claim.earlier = latestOf(entries, entry.listSha256, entry.historyId, entry.batchId);
            if (claim.earlier)
                return;
            entries.removeIf([&entry](const Entry& other) {
                return other.batchId == entry.batchId && other.historyId == entry.historyId;
            });
            entries.append(entry);
        },
        &notice);
    claim.warning = notice;
    if (!done) {
        claim.warning = done.message();
        claim.unavailable = true;
        if (checkEarlier)
            claim.earlier = earlier(entry.listSha256, entry.historyId, entry.batchId);
    }
    return claim;
}

QString BatchRegistry::asidePath() const
{
    // An earlier damaged file set aside is not overwritten by the next: .bad, .bad.2, ... .bad.9, then .bad.9 again.
    QString aside = m_path + QStringLiteral(".bad");
    for (int n = 2; n <= maxSetAside && QFileInfo::exists(aside); ++n)
        aside = m_path + QStringLiteral(".bad.%1").arg(n);
    return aside;
}

Result<void> BatchRegistry::forget(const QString& batchId, const QString& historyId)
{
    return locked(
        [&](QList<Entry>& entries) {
            entries.removeIf(
                [&](const Entry& other) { return other.batchId == batchId && other.historyId == historyId; });
        },
        nullptr);
}

Result<void> BatchRegistry::locked(const std::function<void(QList<Entry>&)>& change, QString* notice)
{
    const QString shown = QDir::toNativeSeparators(m_path);
    if (QFileInfo(m_path).isSymLink())
        return Failure(ErrorCode::Unavailable,
            tr("%1 is a symbolic link, which eKYC Desk does not follow: remove it.").arg(shown));
    QString error;
    if (!PrivateFiles::makeDirFor(m_path, &error))
        return Failure(ErrorCode::Unavailable, error);
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(10000))
        return Failure(ErrorCode::Unavailable, tr("Cannot lock %1.").arg(shown));
    bool damaged = false;
    QList<Entry> entries = read(&damaged);
    if (damaged) {
        // Kept for a look, not read again; the lists it held are no longer remembered, which the person is told.
        const QString aside = asidePath();
        QFile::remove(aside);
        if (!QFile::rename(m_path, aside))
            return Failure(ErrorCode::Unavailable, tr("%1 is damaged and cannot be set aside.").arg(shown));
        if (notice)
            *notice = tr("%1 was damaged and is set aside as %2: the lists begun before are no longer remembered.")
                          .arg(shown, QDir::toNativeSeparators(aside));
    }
    const QList<Entry> before = entries;
    change(entries);
    if (!damaged && entries.size() == before.size()
        && std::equal(entries.begin(), entries.end(), before.begin(), [](const Entry& a, const Entry& b) {
               return a.batchId == b.batchId && a.historyId == b.historyId;
           }))
        return {}; // nothing changed: nothing to write
    return write(entries);
}

Result<void> BatchRegistry::write(const QList<Entry>& unsorted)
{
    QList<Entry> entries = unsorted;
    std::stable_sort(
        entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.startedAt < b.startedAt; });
    if (entries.size() > kept)
        entries.remove(0, entries.size() - kept);
    QJsonArray array;
    for (const Entry& each : std::as_const(entries))
        array.append(toJson(each));
    // In the app's data folder, private (0700) itself; the file is made 0600 as soon as it is in place.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(array).toJson(QJsonDocument::Compact)) < 0
        || !file.commit() || !PrivateFiles::tightenFile(m_path))
        return Failure(ErrorCode::Unavailable,
            tr("Cannot write %1 (it remembers which lists were verified): %2")
                .arg(QDir::toNativeSeparators(m_path), file.errorString()));
    return {};
}

QString BatchRegistry::alreadyBegun(const Entry& earlier, bool training)
{
    const QString when = QLocale().toString(earlier.startedAt.toLocalTime(), QLocale::ShortFormat);
    const QString results = QDir::toNativeSeparators(earlier.outputPath);
    const QString begun = training
        ? tr("A batch of this list was begun in this history on %1, with its results in %2. Verifying the list again "
             "sends every row to the training sandbox again (nothing is billed).")
              .arg(when, results)
        : tr("A batch of this list was begun in this history on %1, with its results in %2. Verifying the list again "
             "sends every row again, and each is billed again.")
              .arg(when, results);
    const QString journal = BatchJournal::pathFor(earlier.outputPath);
    const std::optional<BatchJournal> there = BatchJournal::at(earlier.outputPath);
    return Language::joinSentences({ begun,
        there && there->batchId == earlier.batchId
            ? tr("That batch resumes, without sending an answered row again, when started with those results.")
            : tr("That batch cannot be resumed: its journal %1 is gone or belongs to another batch.")
                  .arg(QDir::toNativeSeparators(journal)) });
}
