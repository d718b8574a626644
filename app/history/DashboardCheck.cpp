#include "DashboardCheck.h"

#include "history/Dashboard.h"
#include "history/SqliteRows.h"

#include <QHash>
#include <QSqlQuery>
#include <QStringList>

#include <tuple>

namespace {

using Counts = QList<qint64>;

// An hour bucket's key as both queries select it first: training, hour, actor.
QByteArray keyOf(const SqliteRows::Row& row)
{
    QByteArray key;
    key.reserve(row.cells[0].size() + row.cells[1].size() + row.cells[2].size() + 2);
    key.append(row.cells[0]).append('\x1f').append(row.cells[1]).append('\x1f').append(row.cells[2]);
    return key;
}

// The counts after the key, as numbers (PostgreSQL's sums are bigint, the kept counts integer).
Counts countsOf(const SqliteRows::Row& row)
{
    Counts counts;
    counts.reserve(row.columns - 3);
    for (int i = 3; i < row.columns; ++i)
        counts.append(row.cells[i].toLongLong());
    return counts;
}

// The hourly counts as the cases say they are.
QByteArray recountSql()
{
    QStringList sums;
    for (const QString& condition : Dashboard::outcomeConditions(QString()))
        sums << QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(condition);
    return QStringLiteral("SELECT training, substr(created_at, 1, 13), actor, %1 FROM cases "
                          "GROUP BY training, substr(created_at, 1, 13), actor")
        .arg(sums.join(QLatin1String(", ")))
        .toUtf8();
}

// The hourly counts as the dashboard keeps them; an hour whose cases all moved away keeps a row of zeros.
QByteArray keptSql()
{
    const QStringList columns = Dashboard::countColumns();
    return QStringLiteral("SELECT training, hour, actor, %1 FROM dashboard_hours WHERE %2 > 0")
        .arg(columns.join(QLatin1String(", ")), columns.join(QLatin1String(" + ")))
        .toUtf8();
}

DashboardCheck::Difference differenceAt(const QByteArray& key)
{
    const QList<QByteArray> parts = key.split('\x1f');
    return { QString::fromUtf8(parts.value(1)), QString::fromUtf8(parts.value(2)), parts.value(0).toInt() != 0 };
}

// The first of two differing hours in key order (hour, reviewer, mode), for a report that does not depend on the
// order the database hands them out in.
bool before(const DashboardCheck::Difference& a, const DashboardCheck::Difference& b)
{
    return std::tie(a.hour, a.actor, a.training) < std::tie(b.hour, b.actor, b.training);
}

} // namespace

std::optional<DashboardCheck::Difference> DashboardCheck::firstDifference(const QSqlDatabase& db, QString* error)
{
    QSqlQuery exists(db);
    if (!exists.exec(QStringLiteral("SELECT 1 FROM dashboard_hours WHERE 1 = 0")))
        return std::nullopt; // a history from before the dashboard
    exists.finish();
    // The kept hours by key; each recounted hour takes its own away, so what is left was added or differs.
    QHash<QByteArray, Counts> kept;
    const QByteArray keptQuery = keptSql();
    if (!SqliteRows::forEachOrQt(
            db,
            keptQuery.constData(),
            {},
            [&kept](const SqliteRows::Row& row) {
                kept.insert(keyOf(row), countsOf(row));
                return true;
            },
            error))
        return std::nullopt;
    std::optional<Difference> first;
    auto differs = [&first](const QByteArray& key) {
        const Difference d = differenceAt(key);
        if (!first || before(d, *first))
            first = d;
    };
    const QByteArray recountQuery = recountSql();
    if (!SqliteRows::forEachOrQt(
            db,
            recountQuery.constData(),
            {},
            [&](const SqliteRows::Row& row) {
                const QByteArray key = keyOf(row);
                const auto it = kept.constFind(key);
                if (it == kept.constEnd() || *it != countsOf(row))
                    differs(key);
                if (it != kept.constEnd())
                    kept.erase(it);
                return true;
            },
            error))
        return std::nullopt;
    for (auto it = kept.cbegin(); it != kept.cend(); ++it)
        differs(it.key());
    return first;
}
