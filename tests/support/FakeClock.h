#pragma once

#include "base/Clock.h"

#include <QList>
#include <QPointer>
#include <QTimeZone>

// A clock that only moves when a test says so. callAfter() queues; advance() fires what falls due, in order.
class FakeClock : public Clock
{
public:
    explicit FakeClock(QDateTime start = QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));

    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override { return m_ms; }
    void callAfter(qint64 ms, QObject* context, std::function<void()> fn) override;

    void advance(qint64 ms);
    int pendingTimers() const { return static_cast<int>(m_timers.size()); }
    // Delays requested through callAfter, in the order they were asked for.
    const QList<qint64>& requestedDelays() const { return m_requested; }

private:
    struct Timer
    {
        qint64 due;
        quint64 order;
        QPointer<QObject> context;
        std::function<void()> fn;
    };
    QDateTime m_start;
    qint64 m_ms = 0;
    quint64 m_order = 0;
    QList<Timer> m_timers;
    QList<qint64> m_requested;
};
