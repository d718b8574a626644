#include "RetryPolicy.h"

#include "crypto/Random.h"

#include <cmath>

RetryPolicy::RetryPolicy(int maxAttempts, qint64 baseMs, qint64 capMs)
    : m_maxAttempts(qMax(1, maxAttempts))
    , m_baseMs(qMax<qint64>(0, baseMs))
    , m_capMs(qMax<qint64>(0, capMs))
{
}

bool RetryPolicy::shouldRetry(const VerificationResult& result, int attemptsMade) const
{
    if (result.isBusinessAnswer())
        return false;
    return result.isRetryable() && attemptsMade < m_maxAttempts;
}

qint64 RetryPolicy::ceilingMs(int attempt) const
{
    qint64 ceiling = m_baseMs;
    for (int i = 1; i < attempt && ceiling < m_capMs; ++i)
        ceiling *= 2;
    return qMin(ceiling, m_capMs);
}

qint64 RetryPolicy::delayMs(const VerificationResult& result, int attempt, double unit) const
{
    unit = qBound(0.0, unit, 1.0);
    qint64 delay = static_cast<qint64>(std::floor(unit * static_cast<double>(ceilingMs(attempt))));
    if (result.error == VerificationResult::Error::Throttling && result.retryAfterMs > 0)
        delay = qMax(delay, qMin(result.retryAfterMs, maxServerHintMs));
    return delay;
}

qint64 RetryPolicy::delayMs(const VerificationResult& result, int attempt, Random& random) const
{
    return delayMs(result, attempt, random.unit());
}
