#include "OffThreadOpen.h"

#include "history/AuditStore.h"

#include <QEventLoop>
#include <QPointer>
#include <QThread>

#include <optional>

namespace {

// Opens the history again on this thread with the keys the other one unlocked; a failure there is returned as it is.
Result<std::unique_ptr<AuditStore>> reopenHere(
    const QString& location, const Failure& failure, std::optional<AuditStore::Options>& unlocked)
{
    Result<std::unique_ptr<AuditStore>> store = failure;
    if (unlocked) {
        unlocked->mustExist = true;
        store = AuditStore::open(location, *unlocked);
        unlocked->unlockedKeys.reset();
    }
    return store;
}

} // namespace

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
    return reopenHere(location, failure, unlocked);
}

struct OffThreadOpen::Pending::Outcome
{
    Failure failure;
    std::optional<AuditStore::Options> unlocked;
};

OffThreadOpen::Pending::Pending(const QString& location, Open open)
    : m_location(location)
    , m_outcome(std::make_shared<Outcome>())
{
    m_worker.reset(QThread::create([outcome = m_outcome, open = std::move(open)] {
        Result<std::unique_ptr<AuditStore>> first = open();
        if (first)
            outcome->unlocked = (*first)->sharedOptions();
        else
            outcome->failure = first.failure();
    }));
    m_worker->start();
}

OffThreadOpen::Pending::~Pending()
{
    m_worker->wait();
    if (m_outcome->unlocked)
        m_outcome->unlocked->unlockedKeys.reset();
}

Result<std::unique_ptr<AuditStore>> OffThreadOpen::Pending::take()
{
    if (std::exchange(m_taken, true))
        return Failure(ErrorCode::InvalidArgument, QStringLiteral("OffThreadOpen::Pending::take: taken already"));
    if (!m_worker->isFinished()) {
        QEventLoop loop;
        QObject::connect(m_worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
        if (!m_worker->isFinished())
            loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    m_worker->wait(); // also when the loop ended because the application quits
    return reopenHere(m_location, m_outcome->failure, m_outcome->unlocked);
}
