#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// A file written for the person (an export, a batch's results, an anchor), checked before anything is read, sent or
// written: never a folder or a device, in a folder that exists, and never a file it would destroy by replacing it
// (the audit history and the files kept beside it, the input being read, eKYC Desk's own folders, an earlier export
// or its manifest).
class OutputFile
{
    Q_DECLARE_TR_FUNCTIONS(OutputFile)
public:
    // A SQLite history file and the files kept beside it: -wal, -shm, -journal and the record spool (.spool), beside
    // the path as given and beside the file a symbolic link leads to. Nothing for an empty path.
    static QStringList historyFiles(const QString& sqlitePath);
    // The folders eKYC Desk keeps its own files in: the data folder (the default and training histories, a PostgreSQL
    // history's record spool, the sandbox's certificates, the rate budget) and the settings file's folder.
    static QStringList ownFolders();
    // What an export's manifest is called beside its file: <file>.manifest.json (ExportManifest::pathFor).
    static constexpr char manifestSuffix[] = ".manifest.json";
    // InvalidArgument, naming field (e.g. "--out"), when path may not be written: empty, a folder, not a regular
    // file, in a folder that does not exist, the same file as one of the history's (historyFiles) or of inputs,
    // inside one of ownFolders(), an earlier export (a file with its manifest beside it: the next export's manifest
    // names it, and verifying either needs it as it was) or named as a manifest, as given or where a link leads.
    static Result<void> check(
        const QString& field, const QString& path, const QStringList& history, const QStringList& inputs = {});

private:
    // target: path resolved (its symbolic links followed).
    static Result<void> checkNotAnExport(const QString& field, const QString& path, const QString& target);
};
