#include "HistoryThread.h"

#include <QSemaphore>
#include <QThread>

HistoryThread::HistoryThread(const AuditStore& history, const QString& name)
    : m_location(history.location())
    , m_options(history.sharedOptions())
    , m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(name);
    m_context->moveToThread(m_thread);
    m_thread->start();
}

HistoryThread::~HistoryThread()
{
    // The store's connection belongs to the thread: closed there, after everything posted before.
    runAndWait([this](AuditStore*) { m_store.reset(); });
    // The context goes once its thread has stopped (nothing can reach it then). A deletion posted to the thread
    // before quit() was never delivered: the event loop stops without handling what is still queued, so the context
    // and the posted call leaked at every close of a history (LeakSanitizer).
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

void HistoryThread::post(Job job, bool grouped)
{
    bool postDrain = false;
    {
        const std::lock_guard lock(m_mutex);
        m_queue.push_back({ std::move(job), grouped });
        postDrain = !std::exchange(m_drainPosted, true);
    }
    if (postDrain)
        QMetaObject::invokeMethod(
            m_context, [this] { drain(); }, Qt::QueuedConnection);
}

void HistoryThread::runAndWait(const std::function<void(AuditStore*)>& work)
{
    QSemaphore done;
    post(
        [&work, &done](AuditStore* store) -> Delivery {
            work(store);
            done.release();
            return {};
        },
        false);
    done.acquire();
}

HistoryThread::GroupStats HistoryThread::groupStats() const
{
    const std::lock_guard lock(m_mutex);
    return m_stats;
}

void HistoryThread::drain()
{
    std::deque<Queued> queued;
    {
        const std::lock_guard lock(m_mutex);
        queued.swap(m_queue);
        m_drainPosted = false;
    }
    std::vector<Job> group;
    const auto flush = [this, &group] {
        runGroup(group);
        group.clear();
    };
    for (Queued& each : queued) {
        if (!each.grouped) {
            flush();
            const Delivery deliver = each.job(store());
            reportAnchorError();
            if (deliver)
                deliver();
            continue;
        }
        group.push_back(std::move(each.job));
        if (static_cast<int>(group.size()) >= MaxGroup)
            flush();
    }
    flush();
}

void HistoryThread::runGroup(std::vector<Job>& group)
{
    if (group.empty())
        return;
    AuditStore* history = store();
    std::vector<Delivery> deliveries;
    bool committed = false;
    if (group.size() > 1 && history && history->beginBatch()) {
        deliveries.reserve(group.size());
        m_inGroup = true;
        for (Job& job : group) {
            deliveries.push_back(job(history));
            if (!history->inBatch())
                break; // a write failed: the group was rolled back
        }
        m_inGroup = false;
        committed = history->inBatch() && history->commitBatch();
        if (!committed)
            history->rollbackBatch();
    }
    {
        const std::lock_guard lock(m_mutex);
        if (committed) {
            ++m_stats.groups;
            m_stats.jobs += static_cast<qint64>(group.size());
        } else if (!deliveries.empty()) {
            ++m_stats.rerun;
        }
    }
    if (!committed) {
        // One by one, each in its own transaction, as if they had never been grouped.
        deliveries.clear();
        for (Job& job : group)
            deliveries.push_back(job(store()));
    }
    reportAnchorError();
    for (const Delivery& deliver : deliveries) {
        if (deliver)
            deliver();
    }
}

void HistoryThread::reportAnchorError()
{
    if (!m_store || !m_anchorErrorSink)
        return;
    if (const std::optional<QString> outcome = m_store->takeAnchorOutcome())
        m_anchorErrorSink(*outcome);
}

AuditStore* HistoryThread::store()
{
    // Opened at the first job, and again at the next one while it cannot be (a server restarting, too many
    // connections): a failed open refuses that job, it does not disable the thread.
    if (!m_store) {
        Result<std::unique_ptr<AuditStore>> opened = AuditStore::open(m_location, m_options);
        if (opened) {
            m_store = std::move(*opened);
            m_options.unlockedKeys.reset(); // the keys now live in the store only
        } else {
            m_openError = opened.message();
        }
    }
    return m_store.get();
}
