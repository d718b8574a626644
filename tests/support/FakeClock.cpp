#include "FakeClock.h"

#include <algorithm>

FakeClock::FakeClock(QDateTime start)
    : m_start(std::move(start))
{
}

QDateTime FakeClock::nowUtc() const
{
    return m_start.addMSecs(m_ms);
}

void FakeClock::callAfter(qint64 ms, QObject* context, std::function<void()> fn)
{
    m_requested.append(ms);
    m_timers.append({ m_ms + qMax<qint64>(0, ms), m_order++, context, std::move(fn) });
}

void FakeClock::advance(qint64 ms)
{
    const qint64 target = m_ms + ms;
    for (;;) {
        auto next = std::min_element(m_timers.begin(), m_timers.end(), [](const Timer& a, const Timer& b) {
            return a.due != b.due ? a.due < b.due : a.order < b.order;
        });
        if (next == m_timers.end() || next->due > target)
            break;
        Timer timer = std::move(*next);
        m_timers.erase(next);
        m_ms = timer.due;
        if (timer.context)
            timer.fn();
    }
    m_ms = target;
}
