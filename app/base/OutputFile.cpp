#include "OutputFile.h"

#include "base/Settings.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>

namespace {

// The absolute path with its folder's symbolic links resolved (the file itself too, when it exists, and a link to a
// file not there yet followed to where writing through it would create the file).
QString resolved(const QString& path)
{
    QFileInfo info(path);
    for (int hops = 0; info.isSymLink() && !info.exists() && hops < 40; ++hops)
        info = QFileInfo(info.symLinkTarget());
    if (info.exists())
        return info.canonicalFilePath();
    const QString folder = info.absoluteDir().canonicalPath();
    return folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
}

// Whether path (resolved) is folder or inside it (resolved too).
bool isInside(const QString& path, const QString& folder)
{
    if (folder.isEmpty())
        return false;
    const QString root = resolved(folder);
    return path == root || path.startsWith(root + QLatin1Char('/'));
}

} // namespace

QStringList OutputFile::ownFolders()
{
    return { QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
        QFileInfo(Settings::defaultFilePath()).absolutePath() };
}

QStringList OutputFile::historyFiles(const QString& sqlitePath)
{
    const QString path = sqlitePath.trimmed(); // as HistoryLocation reads --db
    if (path.isEmpty())
        return {};
    QStringList files;
    // SQLite keeps -wal and -shm beside the file a symbolic link leads to; the spool sits beside the path as given.
    for (const QString& base : { path, resolved(path) }) {
        files.append(base);
        for (const char* suffix : { "-wal", "-shm", "-journal", ".spool" })
            files.append(base + QLatin1String(suffix));
    }
    files.removeDuplicates();
    return files;
}

Result<void> OutputFile::check(
    const QString& field, const QString& path, const QStringList& history, const QStringList& inputs)
{
    const auto refuse = [&field](const QString& why) {
        return Failure(ErrorCode::InvalidArgument, tr("%1: %2").arg(field, why));
    };
    if (path.isEmpty())
        return refuse(tr("give the file to write."));
    const QFileInfo info(path);
    if (info.isDir())
        return refuse(tr("%1 is a folder; give the name of a file in it.").arg(path));
    if (info.exists() && !info.isFile())
        return refuse(tr("%1 is not a regular file (a device, a pipe or a socket).").arg(path));
    if (!info.absoluteDir().exists())
        return refuse(tr("the folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath())));
    // The same file as one of them: symbolic links and relative paths resolved, existing or not.
    const QString target = resolved(path);
    const auto among = [&target](const QStringList& files) {
        return std::any_of(files.begin(), files.end(), [&target](const QString& file) {
            return !file.isEmpty() && resolved(file) == target;
        });
    };
    if (among(history))
        return refuse(tr("%1 is the audit history (or a file kept beside it): writing there would destroy it. "
                         "Choose another file.")
                          .arg(path));
    if (among(inputs))
        return refuse(tr("%1 is also the input; choose another file for the output.").arg(path));
    // A PostgreSQL history's record spool, the training history, the sandbox's certificates, the rate budget and the
    // settings live there, under names the caller cannot list before the history is opened.
    for (const QString& folder : ownFolders()) {
        if (isInside(target, folder))
            return refuse(tr("%1 is inside %2, where eKYC Desk keeps its own files (histories, record spools, "
                             "certificates, settings). Choose another folder.")
                              .arg(path, QDir::toNativeSeparators(folder)));
    }
    return checkNotAnExport(field, path, target);
}

Result<void> OutputFile::checkNotAnExport(const QString& field, const QString& path, const QString& target)
{
    for (const QString& name : { path, target }) {
        if (name.endsWith(QLatin1String(manifestSuffix)))
            return Failure(ErrorCode::InvalidArgument,
                tr("%1: %2 is named as an export's manifest; give the name of the export file itself (its manifest "
                   "is written beside it).")
                    .arg(field, name));
        const QString manifest = name + QLatin1String(manifestSuffix);
        if (QFileInfo::exists(manifest))
            return Failure(ErrorCode::InvalidArgument,
                tr("%1: %2 is an earlier export (its manifest %3 is beside it). The next export's manifest names it, "
                   "and verifying either needs it as it was: choose another name.")
                    .arg(field, name, QFileInfo(manifest).fileName()));
    }
    return {};
}
