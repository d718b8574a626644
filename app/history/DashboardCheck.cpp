#include "DashboardCheck.h"

#include "history/AuditEvent.h"
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

// The count (index into Dashboard::countColumns()) one case record adds to, by the rules of
// Dashboard::outcomeConditions, SQL's NULL included; -1 for none.
int outcomeColumn(const DashboardCheck::CaseRecord& r)
{
    const auto is = [&r](const char* state) { return r.state == QByteArrayView(state); };
    if (is(CaseState::completed) || is(CaseState::reviewed)) {
        bool integer = false;
        const qint64 passed = r.passedNull ? 0 : r.passed.toLongLong(&integer);
        if (!r.passedNull && integer && passed == 1)
            return 0; // passed = 1
        if (!r.passedNull && (!integer || passed != 0))
            return -1; // COALESCE(passed, 0) = 0 does not hold either
        if (r.subCode == QByteArrayView("202"))
            return 1;
        return r.subCode == QByteArrayView("223") ? 2 : 3;
    }
    const char* const others[] = {
        CaseState::failed, CaseState::refused, CaseState::outcomeUnknown, CaseState::pending
    };
    for (int i = 0; i < 4; ++i) {
        if (is(others[i]))
            return 4 + i;
    }
    return -1;
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
    if (const int column = outcomeColumn(record); column >= 0)
        ++(*it)[column];
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
