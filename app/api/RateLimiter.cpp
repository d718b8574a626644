#include "RateLimiter.h"

#include "api/SharedRateBudget.h"
#include "base/Clock.h"

#include <cmath>

RateLimiter::RateLimiter(const Clock& clock, double qps, double burst)
    : m_clock(clock)
{
    setRate(qps, burst);
}

void RateLimiter::setRate(double qps, double burst)
{
    m_qps = qps > 0 ? qps : 0;
    m_burst = qMax(1.0, burst);
    m_started = false;
}

qint64 RateLimiter::delayBeforeNext()
{
    if (m_qps <= 0)
        return 0;
    if (m_shared) {
        const double interval = 1000.0 / m_qps * sharedHeadroom;
        const Result<qint64> wait = m_shared->reserve(m_sharedBooked ? interval : interval + coldStartMs);
        if (wait) {
            m_sharedError.clear();
            m_sharedBooked = true;
            return *wait;
        }
        m_sharedError = wait.message();
    }
    return localDelay();
}

qint64 RateLimiter::localDelay()
{
    // Generic cell rate algorithm, the token bucket written with one number: each request moves the theoretical
    // arrival time on by one interval; a request may go once that time is within (burst - 1) intervals of now.
    const double interval = 1000.0 / m_qps;
    const double tolerance = (m_burst - 1.0) * interval;
    const double now = static_cast<double>(m_clock.monotonicMs());
    if (!m_started || m_theoreticalArrivalMs < now) {
        m_theoreticalArrivalMs = now;
        m_started = true;
    }
    const double wait = qMax(0.0, m_theoreticalArrivalMs - tolerance - now);
    m_theoreticalArrivalMs += interval;
    return static_cast<qint64>(std::ceil(wait - 1e-9));
}
