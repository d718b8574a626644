#pragma once

#include "api/SharedRateBudget.h"

#include <QCoreApplication>
#include <QString>

class Clock;

// The rate budget of one workstation: the theoretical arrival time in a small file, read and moved on under an
// exclusive flock(2), so that every process of this user (GUI, batches, scripts) shares one limit. Times are the
// wall clock's milliseconds since 1970 (Clock::nowUtc), the one clock all processes share; a time more than a minute
// ahead of the clock (the clock was set back) is forgotten rather than waited for.
class FileRateBudget : public SharedRateBudget
{
    Q_DECLARE_TR_FUNCTIONS(FileRateBudget)
public:
    FileRateBudget(QString path, const Clock& clock);
    ~FileRateBudget() override;
    FileRateBudget(const FileRateBudget&) = delete;
    FileRateBudget& operator=(const FileRateBudget&) = delete;

    Result<qint64> reserve(double intervalMs) override;
    QString path() const { return m_path; }

    // <AppDataLocation>/rate-budget-live, or -training: the training sandbox has a budget of its own, so practice
    // never slows live work.
    static QString defaultPath(bool training);

private:
    Result<void> openFile();

    QString m_path;
    const Clock& m_clock;
    int m_fd = -1;
};
