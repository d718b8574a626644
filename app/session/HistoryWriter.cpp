#include "HistoryWriter.h"

#include "history/AuditEvent.h"
#include "history/RecordSpool.h"

#include <QSemaphore>
#include <QThread>

HistoryWriter::HistoryWriter(const AuditStore& history)
    : m_location(history.location())
    , m_options(history.sharedOptions())
    , m_spoolPath(RecordSpool::pathFor(history))
    , m_thread(new QThread)
    , m_context(new QObject)
{
    m_thread->setObjectName(QStringLiteral("history-writer"));
    m_context->moveToThread(m_thread);
    m_thread->start();
}

HistoryWriter::~HistoryWriter()
{
    // The store's connection belongs to the writer thread: closed there, after everything posted before.
    runAndWait([this](AuditStore*) { m_store.reset(); });
    QMetaObject::invokeMethod(
        m_context, [context = m_context] { delete context; }, Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void HistoryWriter::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context, std::move(job), Qt::QueuedConnection);
}

void HistoryWriter::runAndWait(const std::function<void(AuditStore*)>& work)
{
    QSemaphore done;
    post([this, &work, &done] {
        work(store());
        done.release();
    });
    done.acquire();
}

AuditStore* HistoryWriter::store()
{
    // Opened at the first write, and again at the next one while it cannot be (a server restarting, too many
    // connections): a failed open refuses that write, it does not disable the writer.
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

QString HistoryWriter::refusal(AuditStore* store, const QString& caseId, const QString& error) const
{
    if (!store)
        return m_openError;
    if (m_spooledCases.contains(caseId))
        return tr("an earlier record of this case is still waiting in the spool");
    return error;
}

bool HistoryWriter::replaySpool(AuditStore* store, const Actor& actor, QString* error)
{
    if (!store) {
        *error = m_openError;
        return false;
    }
    RecordSpool spool(m_spoolPath);
    if (spool.isEmpty())
        return true;
    if (spool.replay(*store, actor, error) < 0)
        return false;
    m_spooledCases.clear();
    return true;
}

bool HistoryWriter::recordAttempt(
    AuditStore* store, const Actor& actor, const QString& caseId, const Events::AttemptSent& attempt, QString* error)
{
    if (!store) {
        *error = m_openError;
        return false;
    }
    if (m_spooledCases.contains(caseId)) {
        *error = refusal(store, caseId, QString());
        return false;
    }
    const Result<qint64> written = store->record(actor, caseId, attempt);
    if (!written)
        *error = written.message();
    return written.ok();
}

HistoryWriter::Written HistoryWriter::recordEvent(
    AuditStore* store, const Actor& actor, const QString& caseId, const Events::Event& event)
{
    QString error;
    if (store && !m_spooledCases.contains(caseId)) {
        const Result<qint64> appended = store->record(actor, caseId, event);
        if (appended)
            return {};
        error = appended.message();
    }
    Written written { Outcome::Spooled, refusal(store, caseId, error), m_spoolPath };
    m_spooledCases.insert(caseId);
    QString spoolError;
    if (!RecordSpool(m_spoolPath).addEvent(actor, caseId, event, &spoolError)) {
        written.outcome = Outcome::Lost;
        written.error += QStringLiteral("; ") + spoolError;
    }
    return written;
}

HistoryWriter::Written HistoryWriter::recordCompletion(
    AuditStore* store, const Actor& actor, const QString& caseId, const Events::CaseCompleted& event)
{
    QString error;
    if (store && !m_spooledCases.contains(caseId)) {
        const Result<void> completed = store->completeCase(actor, caseId, event);
        if (completed)
            return {};
        error = completed.message();
    }
    Written written { Outcome::Spooled, refusal(store, caseId, error), m_spoolPath };
    m_spooledCases.insert(caseId);
    QString spoolError;
    if (!RecordSpool(m_spoolPath).addCompletion(actor, caseId, event, &spoolError)) {
        written.outcome = Outcome::Lost;
        written.error += QStringLiteral("; ") + spoolError;
    }
    return written;
}
