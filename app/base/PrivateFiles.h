#pragma once

#include <QCoreApplication>
#include <QString>

// Files and folders holding history, keys or settings are private to the user: folders 0700, files 0600, in every
// mode (live and training).
class PrivateFiles
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFiles)
public:
    // Creates dir and its missing parents, each made 0700. A folder that already existed keeps its mode (a --db file
    // in /tmp must not close /tmp), except the app's own data folder (AppDataLocation) and anything inside it, which
    // are made 0700 too. On failure fills *error (translated) when given.
    static bool makeDir(const QString& dir, QString* error = nullptr);
    // The folder the file lives in, as makeDir.
    static bool makeDirFor(const QString& filePath, QString* error = nullptr);
    // Takes every permission of group and others away from an existing file (0600 at most); true when it holds none
    // afterwards. On failure fills *error (translated) when given.
    static bool tightenFile(const QString& path, QString* error = nullptr);
    // Whether the file or folder grants nothing to group and others.
    static bool isPrivate(const QString& path);
};
