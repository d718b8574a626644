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

void HistoryThread::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
}

void HistoryThread::runAndWait(const std::function<void(AuditStore*)>& work)
{
    QSemaphore done;
    post([this, &work, &done] {
        work(store());
        done.release();
    });
    done.acquire();
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
