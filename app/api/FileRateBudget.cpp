#include "FileRateBudget.h"

#include "base/Clock.h"
#include "base/PrivateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {

constexpr qint64 maxAheadMs = 60000;

// Holds the flock for its lifetime.
class Locked
{
public:
    explicit Locked(int fd)
        : m_fd(fd)
    {
        int rc;
        do {
            rc = flock(m_fd, LOCK_EX);
        } while (rc != 0 && errno == EINTR);
        m_ok = rc == 0;
    }
    ~Locked()
    {
        if (m_ok)
            flock(m_fd, LOCK_UN);
    }
    bool ok() const { return m_ok; }

private:
    int m_fd;
    bool m_ok = false;
};

} // namespace

FileRateBudget::FileRateBudget(QString path, const Clock& clock)
    : m_path(std::move(path))
    , m_clock(clock)
{
}

FileRateBudget::~FileRateBudget()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString FileRateBudget::defaultPath(bool training)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(training ? QStringLiteral("rate-budget-training") : QStringLiteral("rate-budget-live"));
}

Result<void> FileRateBudget::openFile()
{
    if (m_fd >= 0)
        return {};
    PrivateFiles::makeDirFor(m_path);
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd < 0)
        return Failure(ErrorCode::Unavailable,
            tr("Cannot open the shared rate budget %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

Result<qint64> FileRateBudget::reserve(double intervalMs)
{
    if (const Result<void> opened = openFile(); !opened)
        return opened.failure();
    const Locked lock(m_fd);
    if (!lock.ok())
        return Failure(ErrorCode::Unavailable,
            tr("Cannot lock the shared rate budget %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
    char text[32] = {};
    const ssize_t got = pread(m_fd, text, sizeof text - 1, 0);
    const double now = static_cast<double>(m_clock.nowUtc().toMSecsSinceEpoch());
    double arrival = got > 0 ? std::strtod(text, nullptr) : 0.0;
    if (!(arrival >= now) || arrival > now + maxAheadMs)
        arrival = now; // idle since, a damaged file, or a clock set back
    const QByteArray next = QByteArray::number(arrival + intervalMs, 'f', 3).leftJustified(31, ' ') + '\n';
    if (pwrite(m_fd, next.constData(), static_cast<size_t>(next.size()), 0) != next.size())
        return Failure(ErrorCode::Unavailable,
            tr("Cannot write the shared rate budget %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
    return static_cast<qint64>(std::ceil(arrival - now - 1e-9));
}
