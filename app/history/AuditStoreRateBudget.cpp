// AuditStore: the rate budget a team shares through its PostgreSQL history.
#include "AuditStore.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace {

// Milliseconds since 1970 on the server's clock, the one clock every workstation shares.
const QString serverNow = QStringLiteral("floor(extract(epoch from clock_timestamp()) * 1000)");

} // namespace

QString AuditStore::rateBudgetTableSql()
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS rate_budget (name TEXT PRIMARY KEY, arrival_ms DOUBLE PRECISION "
                          "NOT NULL)");
}

Result<qint64> AuditStore::reserveRateSlot(const QString& name, double intervalMs)
{
    if (!m_postgres)
        return Failure(ErrorCode::InvalidArgument, tr("A rate budget in the history needs PostgreSQL."));
    QSqlDatabase db = database();
    QSqlQuery query(db);
    // The server's clock is read once; the slot is whichever is later, the last booked one or now.
    const QString reserve =
        QStringLiteral("WITH now AS (SELECT %1 AS ms) "
                       "INSERT INTO rate_budget AS b (name, arrival_ms) SELECT ?, now.ms + ? FROM now "
                       "ON CONFLICT (name) DO UPDATE SET arrival_ms = GREATEST(b.arrival_ms, (SELECT ms FROM now)) + ? "
                       "RETURNING CAST(ceil(b.arrival_ms - ? - (SELECT ms FROM now)) AS BIGINT)")
            .arg(serverNow);
    QString createError;
    for (int attempt = 0; attempt < 3; ++attempt) {
        query.prepare(reserve);
        query.addBindValue(name);
        query.addBindValue(intervalMs);
        query.addBindValue(intervalMs);
        query.addBindValue(intervalMs);
        if (query.exec() && query.next())
            return qMax<qint64>(0, query.value(0).toLongLong());
        // The first use on this server: make the table, then book again. Two workstations may make it at the same
        // moment (CREATE TABLE IF NOT EXISTS is not safe against that in PostgreSQL): the loser books in the
        // winner's table.
        QSqlQuery create(db);
        if (!create.exec(rateBudgetTableSql()))
            createError = create.lastError().text();
    }
    if (!createError.isEmpty())
        return Failure(ErrorCode::Unavailable, tr("The team's rate budget cannot be created: %1").arg(createError));
    return Failure(
        ErrorCode::Unavailable, tr("The team's rate budget cannot be reached: %1").arg(query.lastError().text()));
}
