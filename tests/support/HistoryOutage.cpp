#include "HistoryOutage.h"

#include "StoreFixture.h"
#include "session/HistoryWriter.h"

#include <QSqlError>
#include <QSqlQuery>

HistoryOutage::HistoryOutage(StoreFixture& fixture, HistoryWriter& writer)
    : m_fixture(fixture)
    , m_writer(writer)
{
    m_writer.runAndWait([this](AuditStore* store) {
        if (!store || !store->isPostgres())
            return;
        m_postgres = true;
        QSqlQuery q(store->database());
        if (q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next())
            m_pgPid = q.value(0).toLongLong();
    });
}

HistoryOutage::~HistoryOutage()
{
    end();
}

bool HistoryOutage::begin()
{
    if (m_postgres)
        return m_pgPid != 0 && m_fixture.execRaw(QStringLiteral("SELECT pg_terminate_backend(%1)").arg(m_pgPid));
    bool shortened = false;
    m_writer.runAndWait([&shortened](AuditStore* store) {
        QSqlQuery timeout(store->database());
        shortened = timeout.exec(QStringLiteral("PRAGMA busy_timeout = 20"));
    });
    m_locked = shortened && m_fixture.execRaw(QStringLiteral("BEGIN IMMEDIATE"));
    return m_locked;
}

void HistoryOutage::end()
{
    if (m_locked)
        m_fixture.execRaw(QStringLiteral("ROLLBACK"));
    m_locked = false;
}
