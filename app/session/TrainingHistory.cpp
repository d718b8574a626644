#include "TrainingHistory.h"

#include "base/PrivateFiles.h"
#include "crypto/Random.h"
#include "history/AuditStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace {

// The key beside the history: read it, or make one when neither exists yet.
Result<QString> keyFor(const QString& path)
{
    const QString keyPath = TrainingHistory::keyPath(path);
    QFile existing(keyPath);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Failure(ErrorCode::Unavailable,
                TrainingHistory::tr("Cannot read the training history's key %1: %2")
                    .arg(keyPath, existing.errorString()));
        const QString key = QString::fromLatin1(existing.readAll().trimmed());
        if (key.size() < 32)
            return Failure(
                ErrorCode::Corrupt, TrainingHistory::tr("The training history's key %1 is damaged.").arg(keyPath));
        return key;
    }
    if (QFileInfo::exists(path))
        return Failure(ErrorCode::KeyMissing,
            TrainingHistory::tr("The training history %1 has lost its key file %2. Move the history away to start a "
                                "new one.")
                .arg(path, keyPath));
    QString folderError;
    if (!PrivateFiles::makeDirFor(path, &folderError))
        return Failure(ErrorCode::Unavailable, folderError);
    const QString key = QString::fromLatin1(Random::system().bytes(32).toHex());
    QSaveFile file(keyPath);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || file.write(key.toLatin1() + '\n') < 0 || !file.commit())
        return Failure(ErrorCode::Unavailable,
            TrainingHistory::tr("Cannot write the training history's key %1: %2").arg(keyPath, file.errorString()));
    return key;
}

} // namespace

QString TrainingHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/training-history.sqlite");
}

QString TrainingHistory::keyPath(const QString& historyPath)
{
    return historyPath + QStringLiteral(".key");
}

Result<std::unique_ptr<AuditStore>> TrainingHistory::open(const QString& path, Clock* clock)
{
    const Result<QString> key = keyFor(path);
    if (!key)
        return key.failure();
    AuditStore::Options options;
    options.keys.keychain = nullptr;
    options.keys.passphrase = *key;
    options.clock = clock;
    return AuditStore::open(path, options);
}
