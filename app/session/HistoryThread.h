#pragma once

#include "history/AuditStore.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

// A thread of its own with its own instance of a history that is already open: its own connection, the keys shared
// read-only (no scrypt, no keychain again). Work posted to it runs there, one job after the other in the order
// posted, and its result comes back to the caller's thread. So a slow disk, a locked SQLite file (busy timeout 30 s)
// or a PostgreSQL server that does not answer never freezes the window.
//
// Group commit. Writes posted with runGrouped() that wait in the queue together run in one transaction
// (AuditStore::beginBatch): one commit, one fsync and one signature of the chain head for them all, and each result
// is handed back only after that commit, so nothing is reported written (or sent) before it is durable. When any of
// them fails, or the commit does, the group is rolled back and its jobs run again one by one, each in a transaction
// of its own, exactly as if they had never been grouped: a grouped job must leave no trace but its writes until the
// group commits (see HistoryWriter). A job posted with run() is never grouped: it runs alone, after what was posted
// before it.
class HistoryThread
{
public:
    // history: open, on this thread; only its location and sharedOptions() are used. name: the thread's name.
    HistoryThread(const AuditStore& history, const QString& name);
    virtual ~HistoryThread(); // waits for the work already posted
    HistoryThread(const HistoryThread&) = delete;
    HistoryThread& operator=(const HistoryThread&) = delete;

    // Runs work on the thread (with nullptr when the history could not be opened there: openError() says why), then
    // done with its result on context's thread, unless context is gone by then.
    template <typename R> void run(std::function<R(AuditStore*)> work, QObject* context, std::function<void(R)> done)
    {
        post(job(std::move(work), context, std::move(done)), false);
    }
    // As run(), committed together with the grouped writes queued beside it (see above).
    template <typename R>
    void runGrouped(std::function<R(AuditStore*)> work, QObject* context, std::function<void(R)> done)
    {
        post(job(std::move(work), context, std::move(done)), true);
    }
    // Runs work on the thread and waits for it (start-up, tests). Never call it from the thread itself.
    void runAndWait(const std::function<void(AuditStore*)>& work);

    // Inside work: why the store it was given is nullptr.
    QString openError() const { return m_openError; }
    // Called on the thread after each job (or group) whose writes had checkpoints to copy to the anchor folder: with
    // an empty string when they were copied, else with why not (AuditStore::takeAnchorOutcome()). Set it before
    // posting work.
    void setAnchorSink(std::function<void(const QString&)> sink) { m_anchorErrorSink = std::move(sink); }

    // The most jobs one group commit holds.
    static constexpr int MaxGroup = 128;
    // Groups committed so far and the grouped jobs they held (thread-safe; for tests and benchmarks).
    struct GroupStats
    {
        qint64 groups = 0;
        qint64 jobs = 0;
        qint64 rerun = 0; // groups rolled back and run again one by one
    };
    GroupStats groupStats() const;

protected:
    AuditStore* store(); // the thread's own instance; opened at first use, and again while it cannot be
    // Inside work: whether it runs as part of a group commit (its jobs run again one by one when it is abandoned).
    bool inGroup() const { return m_inGroup; }

private:
    // A job runs its work on the thread and returns how to hand its result back (called after the commit).
    using Delivery = std::function<void()>;
    using Job = std::function<Delivery(AuditStore*)>;
    struct Queued
    {
        Job job;
        bool grouped = false;
    };
    template <typename R>
    static Job job(std::function<R(AuditStore*)> work, QObject* context, std::function<void(R)> done)
    {
        return [work = std::move(work), context = QPointer<QObject>(context), done = std::move(done)](
                   AuditStore* store) -> Delivery {
            R result = work(store);
            return [context, done, result] {
                if (context)
                    QMetaObject::invokeMethod(
                        context, [done, result] { done(result); }, Qt::QueuedConnection);
            };
        };
    }
    void post(Job job, bool grouped);
    void drain(); // on the thread: runs what is queued, grouping what may be grouped
    void runGroup(std::vector<Job>& group);
    void reportAnchorError();

    mutable std::mutex m_mutex;
    std::deque<Queued> m_queue; // guarded by m_mutex
    bool m_drainPosted = false; // guarded by m_mutex
    GroupStats m_stats; // guarded by m_mutex

    QString m_location;
    AuditStore::Options m_options;
    QThread* m_thread;
    QObject* m_context; // lives on m_thread
    // The thread's side only:
    std::unique_ptr<AuditStore> m_store;
    QString m_openError;
    std::function<void(const QString&)> m_anchorErrorSink;
    bool m_inGroup = false;
};
