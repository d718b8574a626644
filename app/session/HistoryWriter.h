#pragma once

#include "history/AuditStore.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QThread;

// The audit history's writer thread. It opens its own instance of a history that is already open (its own
// connection, the keys shared read-only: no scrypt, no keychain again) on a thread of its own, and runs the writes
// of verifications there, one after the other in the order they were posted. So a slow disk, a locked SQLite file
// (busy timeout 30 s) or a PostgreSQL server that does not answer never freezes the window; results come back to
// the caller's thread.
//
// It also keeps what could not be written: once a write of a case was refused, the case's later records go to the
// history's spool (RecordSpool) behind it, never around it, and the case sends nothing more.
class HistoryWriter
{
    Q_DECLARE_TR_FUNCTIONS(HistoryWriter)
public:
    // How a record of a case ended.
    enum class Outcome
    {
        Written,
        Spooled, // the history refused it; it waits in the spool
        Lost, // neither the history nor its spool took it
    };
    struct Written
    {
        Outcome outcome = Outcome::Written;
        QString error; // why the history refused it (Spooled, Lost)
        QString spoolPath;
    };

    // history: open, on this thread; only its location and sharedOptions() are used.
    explicit HistoryWriter(const AuditStore& history);
    ~HistoryWriter(); // waits for the writes already posted

    // Runs work on the writer thread (with nullptr when the history could not be opened there), then done with its
    // result on context's thread, unless context is gone by then.
    template <typename R> void run(std::function<R(AuditStore*)> work, QObject* context, std::function<void(R)> done)
    {
        post([this, work = std::move(work), context = QPointer<QObject>(context), done = std::move(done)] {
            R result = work(store());
            if (context)
                QMetaObject::invokeMethod(
                    context, [done, result] { done(result); }, Qt::QueuedConnection);
        });
    }
    // Runs work on the writer thread and waits for it (start-up, tests). Never call it from the writer thread.
    void runAndWait(const std::function<void(AuditStore*)>& work);

    // Writer-thread helpers, for use inside run(): they keep a case's records in order across the spool.
    // The spool is written into the history first; false with *error when it cannot be (then nothing new is sent).
    // Spooled records are written as their own actor; actor stands in for those spooled without one.
    bool replaySpool(AuditStore* store, const Actor& actor, QString* error);
    // Records an attempt before it is sent. Never spooled: false with *error means "do not send".
    bool recordAttempt(AuditStore* store,
        const Actor& actor,
        const QString& caseId,
        const Events::AttemptSent& attempt,
        QString* error);
    Written recordEvent(AuditStore* store, const Actor& actor, const QString& caseId, const Events::Event& event);
    Written recordCompletion(
        AuditStore* store, const Actor& actor, const QString& caseId, const Events::CaseCompleted& event);

private:
    void post(std::function<void()> job);
    AuditStore* store(); // writer thread only
    // Why a write of the case was refused: the open error, the spooled case before it, or the store's error.
    QString refusal(AuditStore* store, const QString& caseId, const QString& error) const;

    QString m_location;
    AuditStore::Options m_options;
    QString m_spoolPath;
    QThread* m_thread;
    QObject* m_context; // lives on m_thread
    // Writer thread only:
    std::unique_ptr<AuditStore> m_store;
    QString m_openError;
    QSet<QString> m_spooledCases;
};
