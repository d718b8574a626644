#pragma once

#include <QString>

class AuditStore;
class HistoryWriter;
class StoreFixture;

// Makes the history stop recording for a VerificationService's writer thread (HistoryWriter), the way it happens in
// production, without mocking the database:
//   SQLite      another connection holds the write lock (BEGIN IMMEDIATE) and the writer's busy timeout is cut to
//               20 ms, so its next write fails with "database is locked" instead of waiting 30 s;
//   PostgreSQL  the server ends the writer's session (pg_terminate_backend), as when the server is stopped.
// end() releases the lock (SQLite); a PostgreSQL writer stays broken: the test gives the service a history again.
class HistoryOutage
{
public:
    HistoryOutage(StoreFixture& fixture, HistoryWriter& writer);
    ~HistoryOutage();
    HistoryOutage(const HistoryOutage&) = delete;
    HistoryOutage& operator=(const HistoryOutage&) = delete;

    bool begin();
    void end();

private:
    StoreFixture& m_fixture;
    HistoryWriter& m_writer;
    bool m_postgres = false;
    qint64 m_pgPid = 0;
    bool m_locked = false;
};
