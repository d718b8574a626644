#include "HashedFile.h"

namespace {

constexpr qsizetype chunkBytes = qsizetype { 1 } << 20;

} // namespace

HashedFile::HashedFile(const QString& path)
    : m_file(path)
{
    m_file.setDirectWriteFallback(false);
}

HashedFile::~HashedFile()
{
    settle();
}

bool HashedFile::open()
{
    m_buffer.reserve(chunkBytes + 4096);
    if (!m_file.open(QIODevice::WriteOnly))
        return false;
    // An export holds personal data (masked or not): readable by its owner only, like the history it came from. Best
    // effort: a file system without Unix permissions (a vfat USB stick) refuses the change, and the export still goes.
    (void)m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void HashedFile::put(QByteArrayView bytes)
{
    m_buffer.append(bytes);
    m_size += bytes.size();
    if (m_buffer.size() >= chunkBytes)
        handOver();
}

bool HashedFile::settle()
{
    if (m_inFlight.valid())
        m_failed = !m_inFlight.get() || m_failed;
    return !m_failed;
}

void HashedFile::handOver()
{
    if (m_buffer.isEmpty())
        return;
    settle(); // one megabyte in flight at most: the file and the hash take them in order
    m_inFlight = std::async(std::launch::async, [this, chunk = std::move(m_buffer)] {
        m_hash.add(chunk);
        return m_file.write(chunk) == chunk.size();
    });
    m_buffer = QByteArray();
    m_buffer.reserve(chunkBytes + 4096);
}

QByteArray HashedFile::sha256Hex()
{
    handOver();
    settle();
    return m_hash.result().toHex();
}

bool HashedFile::commit()
{
    handOver();
    return settle() && m_file.commit(); // uncommitted, QSaveFile discards its temporary file
}

void HashedFile::cancel()
{
    settle();
    m_file.cancelWriting();
}
