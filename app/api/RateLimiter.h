#pragma once

#include <QString>
#include <QtGlobal>

class Clock;
class SharedRateBudget;

// Client-side token bucket on Clock::monotonicMs(), so this workstation does not exceed its share of the
// provider's limit. The eKYC_Date_MIN limit is 10 QPS PER ALIBABA CLOUD ACCOUNT, shared by all its users (RAM users
// and workstations alike): the default of 10 assumes one workstation; a team that shares one account splits it by
// configuring each workstation's QPS (e.g. 5 workstations at 2 QPS each).
//
// Each call to delayBeforeNext() reserves the next free slot and says how long to wait for it, so callers that
// wait the returned time never exceed qps on average, with at most `burst` requests back to back.
//
// With a shared budget (setShared: every process of the workstation, or every workstation on one PostgreSQL
// history), the slots come from it instead, one interval apart whoever books them, so all senders together stay
// within the limit. When the shared budget cannot be reached, this process keeps to the limit on its own and
// sharedError() says why.
class RateLimiter
{
public:
    // Shared slots are this much further apart than 1/qps: arrivals at the service jitter by a few milliseconds
    // (TLS, scheduling, the history's write before each attempt), and the headroom keeps any one second at the
    // service within the limit even so.
    static constexpr double sharedHeadroom = 1.15;
    // A client's first request also opens its connection (TCP, the TLS handshake, the CA certificates loaded) and
    // reaches the service up to a few hundred milliseconds after its slot, crowding the slots after it (measured: 197
    // ms late, so that six requests of three processes arrived within one second at 5 QPS). The first shared slot of
    // each limiter therefore keeps this much more room after it; once per process, and only with a shared budget.
    static constexpr double coldStartMs = 300.0;

    explicit RateLimiter(const Clock& clock, double qps = 10.0, double burst = 1.0);

    // qps <= 0 disables limiting. burst < 1 counts as 1.
    void setRate(double qps, double burst = 1.0);
    double qps() const { return m_qps; }
    double burst() const { return m_burst; }

    // Not owned; nullptr: this process's own bucket.
    void setShared(SharedRateBudget* budget) { m_shared = budget; }
    SharedRateBudget* shared() const { return m_shared; }
    QString sharedError() const { return m_sharedError; }

    // Milliseconds to wait before sending the next request (0: now). Reserves that slot.
    qint64 delayBeforeNext();

private:
    qint64 localDelay();

    const Clock& m_clock;
    SharedRateBudget* m_shared = nullptr;
    QString m_sharedError;
    double m_qps = 10.0;
    double m_burst = 1.0;
    bool m_started = false;
    bool m_sharedBooked = false; // a shared slot was booked: the connection is warm (see coldStartMs)
    double m_theoreticalArrivalMs = 0; // when the bucket would next be empty of debt (GCRA form)
};
