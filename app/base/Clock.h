#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

// Time as the core sees it. Everything that waits (retry back-off, rate limiting, timeouts) asks a Clock, so tests
// drive time with a fake one and never sleep.
class Clock
{
public:
    virtual ~Clock() = default;

    virtual QDateTime nowUtc() const = 0;
    // Monotonic milliseconds, for intervals only.
    virtual qint64 monotonicMs() const = 0;
    // Run fn after ms milliseconds, unless context is destroyed first.
    virtual void callAfter(qint64 ms, QObject* context, std::function<void()> fn) = 0;

    static Clock& system();
};

class SystemClock : public Clock
{
public:
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;
    void callAfter(qint64 ms, QObject* context, std::function<void()> fn) override;
};
