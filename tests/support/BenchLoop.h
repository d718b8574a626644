#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QTextStream>

#include <algorithm>

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

// The median of values; 0 when there are none.
inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

// The machine's load (the first three fields of /proc/loadavg): wall-clock figures are printed beside it.
inline QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("(unknown)");
    return QString::fromLatin1(file.readAll()).section(QLatin1Char(' '), 0, 2);
}

} // namespace BenchLoop
