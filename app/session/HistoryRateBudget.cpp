#include "HistoryRateBudget.h"

#include "history/AuditStore.h"

HistoryRateBudget::HistoryRateBudget(AuditStore& history, QString name)
    : m_history(history)
    , m_name(std::move(name))
{
}

Result<qint64> HistoryRateBudget::reserve(double intervalMs)
{
    return m_history.reserveRateSlot(m_name, intervalMs);
}
