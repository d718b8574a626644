#include "CredentialFile.h"

#include <QDir>
#include <QFile>

#include <array>
#include <utility>

namespace {

constexpr qint64 maxCredentialFileSize = qint64 { 1024 } * 1024;

// The POSIX mode bits of the file, from Qt's permission flags.
int posixMode(const QString& path)
{
    static constexpr std::array<std::pair<QFileDevice::Permission, int>, 9> bits { {
        { QFileDevice::ReadOwner, 0400 },
        { QFileDevice::WriteOwner, 0200 },
        { QFileDevice::ExeOwner, 0100 },
        { QFileDevice::ReadGroup, 0040 },
        { QFileDevice::WriteGroup, 0020 },
        { QFileDevice::ExeGroup, 0010 },
        { QFileDevice::ReadOther, 0004 },
        { QFileDevice::WriteOther, 0002 },
        { QFileDevice::ExeOther, 0001 },
    } };
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    int mode = 0;
    for (const auto& [flag, bit] : bits)
        mode |= permissions.testFlag(flag) ? bit : 0;
    return mode;
}

} // namespace

QString CredentialFile::displayPath(const QString& path, const QString& homeDir)
{
    if (homeDir.isEmpty())
        return QDir::toNativeSeparators(path);
    const QString home = QDir::cleanPath(homeDir) + QLatin1Char('/');
    const QString clean = QDir::cleanPath(path);
    return clean.startsWith(home) ? QDir::toNativeSeparators(QStringLiteral("~/") + clean.mid(home.size()))
                                  : QDir::toNativeSeparators(clean);
}

Result<QByteArray> CredentialFile::read(const QString& path, const QString& shownPath)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure(ErrorCode::Unavailable, tr("Cannot read %1: %2").arg(shownPath, file.errorString()));
    if (file.size() > maxCredentialFileSize)
        return Failure(ErrorCode::InvalidArgument, tr("%1 is too large to be a credentials file.").arg(shownPath));
    return file.readAll();
}

QString CredentialFile::permissionWarning(const QString& path, const QString& shownPath)
{
#ifdef Q_OS_UNIX
    const int mode = posixMode(path);
    if ((mode & 0077) == 0)
        return QString();
    const QString octal = QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0'));
    return tr("%1 is open to other users (mode %2); it is used all the same. Restrict it with: chmod 600 %1")
        .arg(shownPath, octal);
#else
    Q_UNUSED(path);
    Q_UNUSED(shownPath);
    return QString();
#endif
}
