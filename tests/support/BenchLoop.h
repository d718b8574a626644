#pragma once

#include <QElapsedTimer>
#include <QTextStream>

// Small helpers the benchmarks share (tests/bench).
namespace BenchLoop {

// Runs fn in batches of 100 for about seconds; returns calls per second.
template <typename Fn> double perSecond(double seconds, Fn fn)
{
    qint64 calls = 0;
    QElapsedTimer timer;
    timer.start();
    const qint64 budgetNs = static_cast<qint64>(seconds * 1e9);
    while (timer.nsecsElapsed() < budgetNs) {
        for (int i = 0; i < 100; ++i)
            fn();
        calls += 100;
    }
    return static_cast<double>(calls) / (static_cast<double>(timer.nsecsElapsed()) / 1e9);
}

// One line on stdout, flushed.
inline void print(const QString& line)
{
    QTextStream(stdout) << line << Qt::endl;
}

} // namespace BenchLoop
