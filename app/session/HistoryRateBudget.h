#pragma once

#include "api/SharedRateBudget.h"

#include <QString>

class AuditStore;

// The rate budget of a team whose history is on PostgreSQL: slots booked in the database
// (AuditStore::reserveRateSlot), one round trip each, so every workstation using that history shares one limit.
// Uses the session's own instance of the history, on its thread.
class HistoryRateBudget : public SharedRateBudget
{
public:
    HistoryRateBudget(AuditStore& history, QString name);
    Result<qint64> reserve(double intervalMs) override;

private:
    AuditStore& m_history;
    QString m_name;
};
