#include "DashboardCheck.h"

#include "history/Dashboard.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

// The hourly counts as the cases say they are.
QString recount()
{
    QStringList sums;
    const QStringList columns = Dashboard::countColumns();
    const QStringList conditions = Dashboard::outcomeConditions(QString());
    for (qsizetype i = 0; i < columns.size(); ++i)
        sums << QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END) AS %2").arg(conditions.at(i), columns.at(i));
    return QStringLiteral("SELECT training, substr(created_at, 1, 13) AS hour, actor, %1 FROM cases "
                          "GROUP BY training, substr(created_at, 1, 13), actor")
        .arg(sums.join(QLatin1String(", ")));
}

// The hourly counts as the dashboard keeps them; an hour whose cases all moved away keeps a row of zeros.
QString kept()
{
    const QStringList columns = Dashboard::countColumns();
    return QStringLiteral("SELECT training, hour, actor, %1 FROM dashboard_hours WHERE %2 > 0")
        .arg(columns.join(QLatin1String(", ")), columns.join(QLatin1String(" + ")));
}

} // namespace

std::optional<DashboardCheck::Difference> DashboardCheck::firstDifference(const QSqlDatabase& db, QString* error)
{
    QSqlQuery exists(db);
    if (!exists.exec(QStringLiteral("SELECT 1 FROM dashboard_hours WHERE 1 = 0")))
        return std::nullopt; // a history from before the dashboard
    exists.finish();
    // Rows in one and not in the other, either way round: an edited count shows in both, an added or a deleted hour
    // in one. The first in key order is reported.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sql = QStringLiteral(
        "SELECT training, hour, actor FROM (SELECT * FROM (%1) AS r EXCEPT SELECT * FROM (%2) AS k) AS a "
        "UNION ALL "
        "SELECT training, hour, actor FROM (SELECT * FROM (%2) AS k EXCEPT SELECT * FROM (%1) AS r) AS b "
        "ORDER BY 2, 3, 1 LIMIT 1")
                            .arg(recount(), kept());
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return Difference { q.value(1).toString(), q.value(2).toString(), q.value(0).toInt() != 0 };
}
