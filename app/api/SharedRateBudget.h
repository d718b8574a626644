#pragma once

#include "base/Result.h"

#include <QtGlobal>

// Where the rate limit's slots come from when more than this process sends: every process of the workstation (a
// file, FileRateBudget) or every workstation of a team whose history is on PostgreSQL (a row of the database). It is
// the generic cell rate algorithm with its one number, the theoretical arrival time, kept where all senders see it:
// reserve() moves it on by one interval and says how long this request must wait for its slot.
class SharedRateBudget
{
public:
    virtual ~SharedRateBudget() = default;
    // Books the next slot for one request, intervalMs after the previous one (whoever booked it). The wait in ms;
    // a failure when the shared state cannot be reached (the caller falls back to its own limit).
    virtual Result<qint64> reserve(double intervalMs) = 0;
};
