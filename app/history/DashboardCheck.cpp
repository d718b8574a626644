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

// The hourly counts as the dashboard keeps them; an hour whose cases all moved away keeps a row of zeros, and is
// skipped. Any other row is read, one whose counts add up to nothing too (+5 passed, -5 other would raise the pass rate
// the dashboard sums).
QByteArray keptSql()
{
    const QStringList columns = Dashboard::countColumns();
    return QStringLiteral("SELECT training, hour, actor, %1 FROM dashboard_hours WHERE %2 <> 0")
        .arg(columns.join(QLatin1String(", ")), columns.join(QLatin1String(" <> 0 OR ")))
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

void DashboardCheck::Recount::add(const CaseRecord& record)
{
    const QByteArrayView hour = record.createdAt.first(qMin<qsizetype>(13, record.createdAt.size()));
    m_key.resize(0); // keeps its capacity: one allocation per hour, not per case
    m_key.append(record.training).append('\x1f').append(hour).append('\x1f').append(record.actor);
    auto it = m_hours.find(m_key);
    if (it == m_hours.end())
        it = m_hours.insert(QByteArray(m_key.constData(), m_key.size()), QList<qint64>(m_columns, 0));
    if (record.outcome >= 0 && record.outcome < m_columns)
        ++(*it)[record.outcome];
}

QString DashboardCheck::outcomeSql()
{
    QString sql = QStringLiteral("CASE");
    const QStringList conditions = Dashboard::outcomeConditions(QString());
    for (int i = 0; i < conditions.size(); ++i)
        sql += QStringLiteral(" WHEN %1 THEN %2").arg(conditions.at(i), QString::number(i));
    return sql + QStringLiteral(" ELSE -1 END");
}

std::optional<DashboardCheck::Difference> DashboardCheck::firstDifference(
    const QSqlDatabase& db, const Recount& recount, QString* error)
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
    for (auto hour = recount.hours().cbegin(); hour != recount.hours().cend(); ++hour) {
        const auto it = kept.constFind(hour.key());
        if (it == kept.constEnd() || *it != hour.value())
            differs(hour.key());
        if (it != kept.constEnd())
            kept.erase(it);
    }
    for (auto it = kept.cbegin(); it != kept.cend(); ++it)
        differs(it.key());
    return first;
}
