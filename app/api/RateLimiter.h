#pragma once

#include <QtGlobal>

class Clock;

// Client-side token bucket on Clock::monotonicMs(), so this workstation does not exceed its share of the
// provider's limit. The eKYC_Date_MIN limit is 10 QPS PER ALIBABA CLOUD ACCOUNT, shared by all its users (RAM users
// and workstations alike): the default of 10 assumes one workstation; a team that shares one account splits it by
// configuring each workstation's QPS (e.g. 5 workstations at 2 QPS each).
//
// Each call to delayBeforeNext() reserves the next free slot and says how long to wait for it, so callers that
// wait the returned time never exceed qps on average, with at most `burst` requests back to back.
class RateLimiter
{
public:
    explicit RateLimiter(const Clock& clock, double qps = 10.0, double burst = 1.0);

    // qps <= 0 disables limiting. burst < 1 counts as 1.
    void setRate(double qps, double burst = 1.0);
    double qps() const { return m_qps; }
    double burst() const { return m_burst; }

    // Milliseconds to wait before sending the next request (0: now). Reserves that slot.
    qint64 delayBeforeNext();

private:
    const Clock& m_clock;
    double m_qps = 10.0;
    double m_burst = 1.0;
    bool m_started = false;
    double m_theoreticalArrivalMs = 0; // when the bucket would next be empty of debt (GCRA form)
};
