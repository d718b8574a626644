#pragma once

#include <QString>

class AuditStore;
class StoreFixture;

// Makes a store's history stop recording, the way it happens in production, without mocking the database:
//   SQLite      another connection holds the write lock (BEGIN IMMEDIATE) and the store's busy timeout is cut to
//               20 ms, so its next write fails with "database is locked" instead of waiting 30 s;
//   PostgreSQL  the server ends the store's session (pg_terminate_backend), as when the server is stopped.
// end() releases the lock (SQLite); a PostgreSQL store stays broken and is opened again by the test.
class HistoryOutage
{
public:
    HistoryOutage(StoreFixture& fixture, AuditStore& store);
    ~HistoryOutage();
    HistoryOutage(const HistoryOutage&) = delete;
    HistoryOutage& operator=(const HistoryOutage&) = delete;

    bool begin();
    void end();

private:
    StoreFixture& m_fixture;
    AuditStore& m_store;
    qint64 m_pgPid = 0;
    bool m_locked = false;
};
