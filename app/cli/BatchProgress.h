#pragma once

#include "batch/BatchRun.h"

// The batch's progress on stderr: on a terminal one line redrawn in place; otherwise (a log, a pipe) a plain line at
// each tenth of the rows and at the end.
class BatchProgress
{
public:
    explicit BatchProgress(bool terminal);
    void update(const BatchRun& run);
    void finish(const BatchRun& run);

private:
    bool m_terminal;
    int m_lastTenth = -1;
};
