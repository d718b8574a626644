#include "OffThreadOpen.h"

#include "history/AuditStore.h"

#include <QEventLoop>
#include <QPointer>
#include <QThread>

#include <optional>

Result<std::unique_ptr<AuditStore>> OffThreadOpen::open(
    const QString& location, const Open& open, const Schedule& schedule)
{
    Failure failure;
    std::optional<AuditStore::Options> unlocked;
    QEventLoop loop;
    std::unique_ptr<QThread> worker(QThread::create([&] {
        Result<std::unique_ptr<AuditStore>> first = open();
        if (first)
            unlocked = (*first)->sharedOptions();
        else
            failure = first.failure();
    }));
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    const QPointer<QThread> thread = worker.get();
    const auto start = [thread] {
        if (thread && !thread->isRunning() && !thread->isFinished())
            thread->start();
    };
    if (schedule)
        schedule(start);
    else
        start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    // The loop also ends when the application is told to quit (QCoreApplication::exit ends every loop), possibly
    // before a scheduled start: the open still runs, and ends, before the thread goes.
    start();
    worker->wait();
    Result<std::unique_ptr<AuditStore>> store = failure;
    if (unlocked) {
        unlocked->mustExist = true;
        store = AuditStore::open(location, *unlocked);
        unlocked->unlockedKeys.reset();
    }
    return store;
}
