#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

// A document a reviewer saw, as the history keeps it: the file's name without its folder, its SHA-256 and its size.
// The file itself is never copied anywhere.
struct FileDigest
{
    Q_DECLARE_TR_FUNCTIONS(FileDigest)
public:
    QString path; // where it was read from (not recorded)
    QString fileName;
    QString sha256; // lowercase hex; empty when the file could not be read
    qint64 size = -1;
    QString error; // why it could not be read

    bool isValid() const { return error.isEmpty() && sha256.size() == 64; }

    // Reads the whole file; slow for a large file, so never on the GUI thread.
    static FileDigest compute(const QString& path);
    // Computes the digests on a worker thread (the global thread pool), then calls done with them, in the order of
    // paths, on context's thread, unless context is gone by then.
    static void computeAsync(const QStringList& paths, QObject* context, std::function<void(QList<FileDigest>)> done);
};
