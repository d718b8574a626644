#include "PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QStringList>

namespace {

constexpr QFileDevice::Permissions ownerOnlyDir = QFileDevice::ReadOwner | QFileDevice::WriteOwner
    | QFileDevice::ExeOwner | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser;
constexpr QFileDevice::Permissions groupOrOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup
    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;

bool isInside(const QString& path, const QString& folder)
{
    return !folder.isEmpty() && (path == folder || path.startsWith(folder + QLatin1Char('/')));
}

// The folders of path that do not exist yet, outermost first.
QStringList missingFolders(const QString& path)
{
    QStringList missing;
    for (QString folder = path; !folder.isEmpty() && !QFileInfo::exists(folder);) {
        missing.prepend(folder);
        const QString parent = QFileInfo(folder).absolutePath();
        if (parent == folder)
            break;
        folder = parent;
    }
    return missing;
}

} // namespace

bool PrivateFiles::makeDir(const QString& dir, QString* error)
{
    const QString path = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    QStringList toClose = missingFolders(path);
    if (!QDir().mkpath(path)) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(path);
        return false;
    }
    const QString own = QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    if (isInside(path, own)) {
        for (QString folder = path; isInside(folder, own); folder = QFileInfo(folder).absolutePath())
            toClose.append(folder);
    }
    for (const QString& folder : std::as_const(toClose)) {
        if (!QFile::setPermissions(folder, ownerOnlyDir)) {
            if (error)
                *error = tr("Cannot make the folder %1 private to you (mode 0700).").arg(folder);
            return false;
        }
    }
    return true;
}

bool PrivateFiles::makeDirFor(const QString& filePath, QString* error)
{
    return makeDir(QFileInfo(filePath).absolutePath(), error);
}

bool PrivateFiles::tightenFile(const QString& path, QString* error)
{
    const QFileDevice::Permissions now = QFile::permissions(path);
    if (!(now & groupOrOthers))
        return true;
    if (QFile::setPermissions(path, now & ~groupOrOthers) && isPrivate(path))
        return true;
    if (error)
        *error = tr("%1 can be read by other users and cannot be made private (mode 0600): change its owner or "
                    "permissions, or choose another file.")
                     .arg(path);
    return false;
}

bool PrivateFiles::isPrivate(const QString& path)
{
    return !(QFile::permissions(path) & groupOrOthers);
}
