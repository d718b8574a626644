#pragma once

#include "crypto/Crypto.h"

#include <QByteArray>
#include <QSaveFile>
#include <QString>

#include <future>

// An export file as it is written: to a temporary file beside the target (QSaveFile), hashed (SHA-256) and counted on
// the way. Bytes are collected a megabyte at a time and each megabyte is written and hashed on a thread of its own
// while the caller makes the next one, so the hash (which a manifest needs) costs no time of its own on two cores.
class HashedFile
{
public:
    explicit HashedFile(const QString& path);
    ~HashedFile(); // waits for the megabyte in flight; an uncommitted file is discarded
    HashedFile(const HashedFile&) = delete;
    HashedFile& operator=(const HashedFile&) = delete;

    bool open();
    void put(QByteArrayView bytes);
    // Everything put so far written and hashed: the file's lowercase hex SHA-256.
    QByteArray sha256Hex();
    // After sha256Hex(): whether every byte put reached the temporary file (a full disk, a file too large for it).
    bool allWritten() const { return !m_failed; }
    qint64 size() const { return m_size; }
    // Renames the temporary file to the target; false when any write failed.
    bool commit();
    void cancel();
    QString fileName() const { return m_file.fileName(); }
    QString errorString() const { return m_file.errorString(); }

private:
    void handOver(); // the collected bytes to the writing thread, after the megabyte before them
    bool settle(); // waits for the megabyte in flight; false when a write failed

    QSaveFile m_file;
    Crypto::Sha256 m_hash;
    QByteArray m_buffer;
    std::future<bool> m_inFlight;
    qint64 m_size = 0;
    bool m_failed = false;
};
