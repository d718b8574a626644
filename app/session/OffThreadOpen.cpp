#include "OffThreadOpen.h"

#include "history/AuditStore.h"

#include <QEventLoop>
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
    QThread* thread = worker.get();
    if (schedule)
        schedule([thread] { thread->start(); });
    else
        thread->start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    worker->wait();
    Result<std::unique_ptr<AuditStore>> store = failure;
    if (unlocked) {
        unlocked->mustExist = true;
        store = AuditStore::open(location, *unlocked);
        unlocked->unlockedKeys.reset();
    }
    return store;
}
