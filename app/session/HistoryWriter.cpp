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
        m_store = AuditStore::open(m_location, m_options, &m_openError);
        if (m_store)
            m_options.unlockedKeys.reset(); // the keys now live in the store only
    }
    return m_store.get();
}

QString HistoryWriter::refusal(AuditStore* store, const QString& caseId) const
{
    if (!store)
        return m_openError;
    if (m_spooledCases.contains(caseId))
        return tr("an earlier record of this case is still waiting in the spool");
    return store->lastError();
}

bool HistoryWriter::replaySpool(AuditStore* store, QString* error)
{
    if (!store) {
        *error = m_openError;
        return false;
    }
    RecordSpool spool(m_spoolPath);
    if (spool.isEmpty())
        return true;
    if (spool.replay(*store, error) < 0)
        return false;
    m_spooledCases.clear();
    return true;
}

bool HistoryWriter::recordAttempt(AuditStore* store, const QString& caseId, const QJsonObject& payload, QString* error)
{
    if (!store) {
        *error = m_openError;
        return false;
    }
    if (!m_spooledCases.contains(caseId)
        && store->appendEvent(caseId, QString::fromLatin1(EventKind::attemptSent), payload) != 0)
        return true;
    *error = refusal(store, caseId);
    return false;
}

HistoryWriter::Written HistoryWriter::recordEvent(
    AuditStore* store, const QString& caseId, const QString& kind, const QJsonObject& payload)
{
    if (store && !m_spooledCases.contains(caseId) && store->appendEvent(caseId, kind, payload) != 0)
        return {};
    Written written { Outcome::Spooled, refusal(store, caseId), m_spoolPath };
    m_spooledCases.insert(caseId);
    QString spoolError;
    if (!RecordSpool(m_spoolPath).addEvent(caseId, kind, payload, &spoolError)) {
        written.outcome = Outcome::Lost;
        written.error += QStringLiteral("; ") + spoolError;
    }
    return written;
}

HistoryWriter::Written HistoryWriter::recordCompletion(AuditStore* store,
    const QString& caseId,
    const QString& state,
    std::optional<bool> passed,
    const QString& subCode,
    const QJsonObject& payload)
{
    if (store && !m_spooledCases.contains(caseId) && store->completeCase(caseId, state, passed, subCode, payload))
        return {};
    Written written { Outcome::Spooled, refusal(store, caseId), m_spoolPath };
    m_spooledCases.insert(caseId);
    QString spoolError;
    if (!RecordSpool(m_spoolPath).addCompletion(caseId, state, passed, subCode, payload, &spoolError)) {
        written.outcome = Outcome::Lost;
        written.error += QStringLiteral("; ") + spoolError;
    }
    return written;
}
