#pragma once

#include "batch/BatchRun.h"

#include <QString>

// The batch's progress on stderr: on a terminal one line redrawn in place; otherwise (a log, a pipe) a plain line at
// each tenth of the rows and at the end.
class BatchProgress
{
public:
    explicit BatchProgress(bool terminal);
    void update(const BatchRun& run);
    void finish(const BatchRun& run);
    // The run was refused before it sent anything: on a terminal the progress line is taken away, so that what the
    // command says next starts a line of its own; elsewhere nothing is printed.
    void abandon();

private:
    void print(const BatchRun& run);

    bool m_terminal;
    int m_lastTenth = -1;
    QString m_lastLine; // as last printed (not on a terminal)
};
