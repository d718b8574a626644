#include "Clock.h"

#include <QElapsedTimer>
#include <QTimer>

Clock& Clock::system()
{
    static SystemClock clock;
    return clock;
}

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

qint64 SystemClock::monotonicMs() const
{
    static const QElapsedTimer started = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return started.elapsed();
}

void SystemClock::callAfter(qint64 ms, QObject* context, std::function<void()> fn)
{
    // Precise: a coarse timer may fire up to 5 % early, and a request that waits for its rate-limit slot must not
    // leave before it.
    QTimer::singleShot(std::chrono::milliseconds(qMax<qint64>(0, ms)), Qt::PreciseTimer, context, std::move(fn));
}
