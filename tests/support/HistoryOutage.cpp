#include "HistoryOutage.h"

#include "StoreFixture.h"

#include <QSqlError>
#include <QSqlQuery>

HistoryOutage::HistoryOutage(StoreFixture& fixture, AuditStore& store)
    : m_fixture(fixture)
    , m_store(store)
{
    if (!m_store.isPostgres())
        return;
    QSqlQuery q(m_store.database());
    if (q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next())
        m_pgPid = q.value(0).toLongLong();
}

HistoryOutage::~HistoryOutage()
{
    end();
}

bool HistoryOutage::begin()
{
    if (m_store.isPostgres()) {
        return m_pgPid != 0 && m_fixture.execRaw(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(m_pgPid));
    }
    QSqlQuery timeout(m_store.database());
    if (!timeout.exec(QStringLiteral("PRAGMA busy_timeout = 20")))
        return false;
    m_locked = m_fixture.execRaw(QStringLiteral("BEGIN IMMEDIATE"));
    return m_locked;
}

void HistoryOutage::end()
{
    if (m_locked)
        m_fixture.execRaw(QStringLiteral("ROLLBACK"));
    m_locked = false;
}
