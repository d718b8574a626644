#include "FileDigest.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

FileDigest FileDigest::compute(const QString& path)
{
    FileDigest digest;
    digest.path = path;
    digest.fileName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        digest.error = tr("%1 cannot be read: %2").arg(digest.fileName, file.errorString());
        return digest;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file)) {
        digest.error = tr("%1 cannot be read: %2").arg(digest.fileName, file.errorString());
        return digest;
    }
    digest.sha256 = QString::fromLatin1(hash.result().toHex());
    digest.size = file.size();
    return digest;
}

void FileDigest::computeAsync(const QStringList& paths, QObject* context, std::function<void(QList<FileDigest>)> done)
{
    QThreadPool::globalInstance()->start([paths, context = QPointer<QObject>(context), done = std::move(done)] {
        QList<FileDigest> digests;
        for (const QString& path : paths)
            digests.append(compute(path));
        // Delivered through the application object, which outlives the pool's work; the context is asked on its
        // own thread whether it still exists.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [context, done, digests] {
                if (context)
                    done(digests);
            },
            Qt::QueuedConnection);
    });
}
