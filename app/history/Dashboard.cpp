#include "Dashboard.h"

#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

namespace {

QString countSums()
{
    QStringList sums;
    for (const QString& column : Dashboard::countColumns())
        sums << QStringLiteral("SUM(%1)").arg(column);
    return sums.join(QLatin1String(", "));
}

// Columns first..first+7 of q, in the order of Dashboard::countColumns().
DashboardCounts countsAt(const QSqlQuery& q, int first)
{
    const auto at = [&q, first](int i) { return q.value(first + i).toInt(); };
    DashboardCounts c;
    c.passed = at(0);
    c.notInDatabase = at(1);
    c.mismatch = at(2);
    c.otherAnswer = at(3);
    c.failed = at(4);
    c.refused = at(5);
    c.outcomeUnknown = at(6);
    c.pending = at(7);
    return c;
}

QString rangeWhere(bool withActor)
{
    return QStringLiteral("WHERE training = ? AND hour >= ? AND hour < ?")
        + (withActor ? QStringLiteral(" AND actor = ?") : QString());
}

// The hour bucket of at ("2026-03-01T08"); rounded up to the next hour when ceil and at is not on the hour.
QString hourOf(const QDateTime& at, bool ceil)
{
    QDateTime hour = at.toUTC();
    hour.setTime(QTime(hour.time().hour(), 0));
    if (ceil && hour < at)
        hour = hour.addSecs(3600);
    return QString::fromLatin1(CanonicalEvent::timestamp(hour)).left(13);
}

QVariantList rangeValues(const DashboardQuery& query)
{
    QVariantList values = { query.training ? 1 : 0, hourOf(query.from, false), hourOf(query.to, true) };
    if (!query.actor.isEmpty())
        values << query.actor;
    return values;
}

Failure unreadable(const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable, Dashboard::tr("Cannot read the dashboard: %1").arg(q.lastError().text()));
}

bool run(QSqlQuery& q, const QVariantList& values)
{
    q.setForwardOnly(true);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(static_cast<int>(i), values.at(i));
    return q.exec();
}

QDate firstOfMonth(const QDate& day)
{
    return QDate(day.year(), day.month(), 1);
}

} // namespace

std::optional<double> DashboardCounts::passRate() const
{
    if (answered() == 0)
        return std::nullopt;
    return double(passed) / answered();
}

DashboardCounts& DashboardCounts::operator+=(const DashboardCounts& other)
{
    passed += other.passed;
    notInDatabase += other.notInDatabase;
    mismatch += other.mismatch;
    otherAnswer += other.otherAnswer;
    failed += other.failed;
    refused += other.refused;
    outcomeUnknown += other.outcomeUnknown;
    pending += other.pending;
    return *this;
}

Dashboard::Dashboard(const QSqlDatabase& db)
    : m_db(db)
{
}

QStringList Dashboard::countColumns()
{
    return { QStringLiteral("n_passed"),
        QStringLiteral("n_202"),
        QStringLiteral("n_223"),
        QStringLiteral("n_other"),
        QStringLiteral("n_failed"),
        QStringLiteral("n_refused"),
        QStringLiteral("n_unknown"),
        QStringLiteral("n_pending") };
}

QStringList Dashboard::outcomeConditions(const QString& row)
{
    const QString state = row + QStringLiteral("state");
    const QString answer = QStringLiteral("%1 IN ('%2', '%3')")
                               .arg(state, QLatin1String(CaseState::completed), QLatin1String(CaseState::reviewed));
    const QString notPassed = QStringLiteral("%1 AND COALESCE(%2passed, 0) = 0").arg(answer, row);
    const QString subCode = row + QStringLiteral("sub_code");
    const auto is = [&state](
                        const char* value) { return QStringLiteral("%1 = '%2'").arg(state, QLatin1String(value)); };
    return {
        QStringLiteral("%1 AND %2passed = 1").arg(answer, row),
        QStringLiteral("%1 AND %2 = '202'").arg(notPassed, subCode),
        QStringLiteral("%1 AND %2 = '223'").arg(notPassed, subCode),
        QStringLiteral("%1 AND %2 NOT IN ('202', '223')").arg(notPassed, subCode),
        is(CaseState::failed),
        is(CaseState::refused),
        is(CaseState::outcomeUnknown),
        is(CaseState::pending),
    };
}

QString Dashboard::hourlySql(bool withActor)
{
    return QStringLiteral("SELECT hour, ") + countSums() + QStringLiteral(" FROM dashboard_hours ")
        + rangeWhere(withActor) + QStringLiteral(" GROUP BY hour");
}

QDate Dashboard::localDay(const QString& hourBucket, const QTimeZone& zone)
{
    const QDate utcDay(hourBucket.mid(0, 4).toInt(), hourBucket.mid(5, 2).toInt(), hourBucket.mid(8, 2).toInt());
    const QDateTime start(utcDay, QTime(hourBucket.mid(11, 2).toInt(), 0), QTimeZone::utc());
    return start.toTimeZone(zone).date();
}

Result<DashboardData> Dashboard::compute(const DashboardQuery& query, const QDateTime& now, int slaHours) const
{
    if (!query.from.isValid() || !query.to.isValid() || query.from >= query.to)
        return Failure(ErrorCode::InvalidArgument, tr("The dashboard needs a range whose start is before its end."));
    DashboardData data;
    data.computedAt = now.toUTC();
    const QDate lastDay = query.to.addMSecs(-1).toTimeZone(query.zone).date();
    for (QDate day = query.from.toTimeZone(query.zone).date(); day <= lastDay; day = day.addDays(1))
        data.days.insert(day, DashboardCounts());
    if (Result<void> hours = readHours(query, &data); !hours)
        return hours.failure();
    if (Result<void> reviewers = readReviewers(query, &data); !reviewers)
        return reviewers.failure();
    if (Result<void> backlog = readBacklog(query, now, slaHours, &data); !backlog)
        return backlog.failure();
    return data;
}

Result<void> Dashboard::readHours(const DashboardQuery& query, DashboardData* data) const
{
    QSqlQuery q(m_db);
    if (!q.prepare(hourlySql(!query.actor.isEmpty())) || !run(q, rangeValues(query)))
        return unreadable(q);
    while (q.next()) {
        const DashboardCounts counts = countsAt(q, 1);
        const QDate day = localDay(q.value(0).toString(), query.zone);
        data->days[day] += counts;
        data->totals += counts;
        if (!query.training)
            data->billedPerMonth[firstOfMonth(day)] += counts.answered();
    }
    if (q.lastError().isValid())
        return unreadable(q);
    data->billed = query.training ? 0 : data->totals.answered();
    return {};
}

Result<void> Dashboard::readReviewers(const DashboardQuery& query, DashboardData* data) const
{
    QSqlQuery q(m_db);
    const QString sql = QStringLiteral("SELECT actor, ") + countSums() + QStringLiteral(" FROM dashboard_hours ")
        + rangeWhere(!query.actor.isEmpty()) + QStringLiteral(" GROUP BY actor");
    if (!q.prepare(sql) || !run(q, rangeValues(query)))
        return unreadable(q);
    while (q.next()) {
        const DashboardCounts counts = countsAt(q, 1);
        if (counts.total() > 0) // a reviewer whose cases all moved to other hours leaves rows of zeros
            data->perReviewer.insert(q.value(0).toString(), counts);
    }
    if (q.lastError().isValid())
        return unreadable(q);
    return {};
}

Result<void> Dashboard::readBacklog(
    const DashboardQuery& query, const QDateTime& now, int slaHours, DashboardData* data) const
{
    const auto before = [&now](qint64 hours) {
        return QString::fromLatin1(CanonicalEvent::timestamp(now.addSecs(-hours * 3600)));
    };
    QSqlQuery q(m_db);
    const QString sql =
        QStringLiteral("SELECT COUNT(*), MIN(r.opened_at), "
                       "COALESCE(SUM(CASE WHEN r.opened_at > ? THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN r.opened_at <= ? AND r.opened_at > ? THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN r.opened_at <= ? AND r.opened_at > ? THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN r.opened_at <= ? THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN r.opened_at < ? THEN 1 ELSE 0 END), 0) "
                       "FROM reviews r JOIN cases c ON c.case_id = r.case_id WHERE r.active = 1 AND c.training = ?")
        + (query.actor.isEmpty() ? QString() : QStringLiteral(" AND c.actor = ?"));
    QVariantList values = {
        before(1), before(1), before(8), before(8), before(24), before(24), before(slaHours), query.training ? 1 : 0
    };
    if (!query.actor.isEmpty())
        values << query.actor;
    if (!q.prepare(sql) || !run(q, values) || !q.next())
        return unreadable(q);
    ReviewBacklog& b = data->backlog;
    b.open = q.value(0).toInt();
    b.oldestOpenedAt = q.value(1).isNull() ? QDateTime() : CanonicalEvent::parseTimestamp(q.value(1).toString());
    b.underOneHour = q.value(2).toInt();
    b.underEightHours = q.value(3).toInt();
    b.underOneDay = q.value(4).toInt();
    b.overOneDay = q.value(5).toInt();
    b.overdue = q.value(6).toInt();
    return {};
}
