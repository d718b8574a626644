#include "BatchProgress.h"

#include "cli/HistoryCli.h"

BatchProgress::BatchProgress(bool terminal)
    : m_terminal(terminal)
{
}

void BatchProgress::update(const BatchRun& run)
{
    const BatchRun::Counts counts = run.counts();
    if (!m_terminal) {
        const int tenth = counts.total > 0 ? counts.finished * 10 / counts.total : 10;
        if (tenth == m_lastTenth)
            return;
        m_lastTenth = tenth;
    }
    print(run);
}

void BatchProgress::finish(const BatchRun& run)
{
    // The last line is the run's own, with its rate and what was not sent, even when the last tenth was printed.
    print(run);
    if (m_terminal)
        HistoryCli::err(QStringLiteral("\n"));
}

void BatchProgress::abandon()
{
    if (m_terminal)
        HistoryCli::err(QStringLiteral("\r\x1b[K"));
}

void BatchProgress::print(const BatchRun& run)
{
    const QString line = BatchRun::progressText(run.counts(), run.answeredPerSecond());
    if (m_terminal) {
        HistoryCli::err(QStringLiteral("\r\x1b[K") + line);
        return;
    }
    if (line == m_lastLine)
        return;
    m_lastLine = line;
    HistoryCli::err(line + u'\n');
}
