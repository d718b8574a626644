#include "OffThreadOpen.h"

#include "history/AuditStore.h"

#include <QEventLoop>
#include <QPointer>
#include <QThread>

#include <optional>

struct OffThreadOpen::Pending::Outcome
{
    Failure failure;
    std::optional<AuditStore::Options> unlocked;
};

Result<std::unique_ptr<AuditStore>> OffThreadOpen::open(
    const QString& location, const Open& open, const Schedule& schedule)
{
    return Pending(location, open, schedule).take();
}

OffThreadOpen::Pending::Pending(const QString& location, Open open, const Schedule& schedule)
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
    if (schedule)
        schedule([thread = QPointer<QThread>(m_worker.get())] {
            if (thread)
                startOnce(*thread);
        });
    else
        startOnce(*m_worker);
}

void OffThreadOpen::Pending::startOnce(QThread& thread)
{
    if (!thread.isRunning() && !thread.isFinished())
        thread.start();
}

OffThreadOpen::Pending::~Pending()
{
    startOnce(*m_worker); // a scheduled start that never came: the open still runs, and ends, before the thread goes
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
    // The loop also ends when the application is told to quit (QCoreApplication::exit ends every loop), possibly
    // before a scheduled start: the open still runs, and ends, here.
    startOnce(*m_worker);
    m_worker->wait();
    Result<std::unique_ptr<AuditStore>> store = m_outcome->failure;
    if (m_outcome->unlocked) {
        // Opened again on this thread with the keys the other one unlocked: quick, and used where it was opened.
        m_outcome->unlocked->mustExist = true;
        store = AuditStore::open(m_location, *m_outcome->unlocked);
        m_outcome->unlocked->unlockedKeys.reset();
    }
    return store;
}
