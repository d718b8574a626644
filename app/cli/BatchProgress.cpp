#include "BatchProgress.h"

#include "cli/HistoryCli.h"

BatchProgress::BatchProgress(bool terminal)
    : m_terminal(terminal)
{
    m_clock.start();
}

QString BatchProgress::line(const BatchRun::Counts& counts, double perSecond)
{
    const int left = counts.total - counts.finished;
    QString eta = QStringLiteral("–");
    if (perSecond > 0 && left > 0) {
        const qint64 seconds = static_cast<qint64>(left / perSecond + 0.5);
        eta = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return tr("%1/%2 rows · %3/s · %4 left · passed %5 · not passed %6 · refused %7 · errors %8 · unknown %9")
        .arg(counts.finished)
        .arg(counts.total)
        .arg(perSecond, 0, 'f', 1)
        .arg(eta)
        .arg(counts.passed)
        .arg(counts.notPassed)
        .arg(counts.refused)
        .arg(counts.errors)
        .arg(counts.unknown);
}

void BatchProgress::update(const BatchRun& run)
{
    const BatchRun::Counts counts = run.counts();
    const double seconds = static_cast<double>(m_clock.elapsed()) / 1000.0;
    const int answeredHere = counts.finished - counts.fromHistory - counts.refused - counts.notSent;
    const double rate = seconds > 0.2 ? answeredHere / seconds : 0.0;
    if (m_terminal) {
        HistoryCli::err(QStringLiteral("\r\x1b[K") + line(counts, rate));
        return;
    }
    const int tenth = counts.total > 0 ? counts.finished * 10 / counts.total : 10;
    if (tenth == m_lastTenth)
        return;
    m_lastTenth = tenth;
    HistoryCli::err(line(counts, rate) + u'\n');
}

void BatchProgress::finish(const BatchRun& run)
{
    update(run);
    if (m_terminal)
        HistoryCli::err(QStringLiteral("\n"));
}
