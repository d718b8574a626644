#pragma once

#include "batch/BatchRun.h"

#include <QCoreApplication>

// The batch's progress on stderr: on a terminal one line redrawn in place; otherwise (a log, a pipe) a plain line at
// each tenth of the rows and at the end.
class BatchProgress
{
    Q_DECLARE_TR_FUNCTIONS(BatchProgress)
public:
    explicit BatchProgress(bool terminal);
    void update(const BatchRun& run);
    void finish(const BatchRun& run);

    // "12/40 rows · 4.1/s · 0:07 left · passed 9 · not passed 1 · refused 1 · errors 0 · unknown 1"
    static QString line(const BatchRun::Counts& counts, double perSecond);

private:
    bool m_terminal;
    int m_lastTenth = -1;
};
