#pragma once

#include "api/VerificationResult.h"

class Random;

// When and how long to wait before another attempt of the same call. Only results whose isRetryable() is true
// (throttling, 5xx, timeouts, connection reset or refused) are retried; a business answer (200/202/223 or any
// SubCode) never is, because every answer is billed.
//
// Back-off is bounded exponential with full jitter: after attempt n (1-based) the wait is
//     unit * min(cap, base * 2^(n-1)),   unit uniform in [0, 1) from Random::unit().
// For throttling, the server's TimeLeft hint (VerificationResult::retryAfterMs, from x-ratelimit-user-api /
// x-ratelimit-user) is honoured: the wait is max(computed, hint), the hint itself bounded by maxServerHintMs.
class RetryPolicy
{
public:
    static constexpr qint64 maxServerHintMs = 60000;

    RetryPolicy(int maxAttempts = 4, qint64 baseMs = 500, qint64 capMs = 8000);

    int maxAttempts() const { return m_maxAttempts; }
    qint64 baseMs() const { return m_baseMs; }
    qint64 capMs() const { return m_capMs; }

    // attemptsMade: attempts finished so far (the last one produced result).
    bool shouldRetry(const VerificationResult& result, int attemptsMade) const;
    // min(cap, base * 2^(attempt-1)), without overflow; attempt is 1-based.
    qint64 ceilingMs(int attempt) const;
    // The wait before the attempt after `attempt`, for a result that shouldRetry() accepted.
    qint64 delayMs(const VerificationResult& result, int attempt, double unit) const;
    qint64 delayMs(const VerificationResult& result, int attempt, Random& random) const;

private:
    int m_maxAttempts;
    qint64 m_baseMs;
    qint64 m_capMs;
};
