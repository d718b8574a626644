#include "BatchProgress.h"

#include "cli/HistoryCli.h"

BatchProgress::BatchProgress(bool terminal)
    : m_terminal(terminal)
{
}

void BatchProgress::update(const BatchRun& run)
{
    const BatchRun::Counts counts = run.counts();
    const double rate = run.answeredPerSecond();
    if (m_terminal) {
        HistoryCli::err(QStringLiteral("\r\x1b[K") + BatchRun::progressText(counts, rate));
        return;
    }
    const int tenth = counts.total > 0 ? counts.finished * 10 / counts.total : 10;
    if (tenth == m_lastTenth)
        return;
    m_lastTenth = tenth;
    HistoryCli::err(BatchRun::progressText(counts, rate) + u'\n');
}

void BatchProgress::finish(const BatchRun& run)
{
    update(run);
    if (m_terminal)
        HistoryCli::err(QStringLiteral("\n"));
}
