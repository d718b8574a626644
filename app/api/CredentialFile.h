#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Reading a file that holds credentials (~/.aliyun/config.json, ~/.alibabacloud/credentials.ini). Messages name the
// file and never quote its content, which may hold a secret.
class CredentialFile
{
    Q_DECLARE_TR_FUNCTIONS(CredentialFile)
public:
    // "~/.aliyun/config.json" for a file under homeDir; otherwise the path as given.
    static QString displayPath(const QString& path, const QString& homeDir);
    // The whole file. Unavailable when it exists but cannot be read, InvalidArgument when it is too large to be one.
    static Result<QByteArray> read(const QString& path, const QString& shownPath);
    // A translated warning naming the file and its mode when the group or others have any access to it (the file is
    // still used); empty for 0600 or narrower, and on systems without POSIX modes.
    static QString permissionWarning(const QString& path, const QString& shownPath);
};
