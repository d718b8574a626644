#pragma once

#include "history/AuditStore.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QThread;

// A thread of its own with its own instance of a history that is already open: its own connection, the keys shared
// read-only (no scrypt, no keychain again). Work posted to it runs there, one job after the other in the order
// posted, and its result comes back to the caller's thread. So a slow disk, a locked SQLite file (busy timeout 30 s)
// or a PostgreSQL server that does not answer never freezes the window.
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
        post([this, work = std::move(work), context = QPointer<QObject>(context), done = std::move(done)] {
            R result = work(store());
            if (context)
                QMetaObject::invokeMethod(
                    context, [done, result] { done(result); }, Qt::QueuedConnection);
        });
    }
    // Runs work on the thread and waits for it (start-up, tests). Never call it from the thread itself.
    void runAndWait(const std::function<void(AuditStore*)>& work);

    // Inside work: why the store it was given is nullptr.
    QString openError() const { return m_openError; }

protected:
    AuditStore* store(); // the thread's own instance; opened at first use, and again while it cannot be

private:
    void post(std::function<void()> job);

    QString m_location;
    AuditStore::Options m_options;
    QThread* m_thread;
    QObject* m_context; // lives on m_thread
    // The thread's side only:
    std::unique_ptr<AuditStore> m_store;
    QString m_openError;
};
