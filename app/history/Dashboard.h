#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

// The figures of one group of cases (a day, a month, a reviewer, a whole range), by outcome. Every case counts once,
// in the state the cases table holds for it now. A case with an answer (completed, or reviewed by the single
// review_decision of older versions) counts by its recorded Passed and SubCode.
struct DashboardCounts
{
    int passed = 0; // an answer, passed (SubCode 200)
    int notInDatabase = 0; // an answer, SubCode 202
    int mismatch = 0; // an answer, SubCode 223
    int otherAnswer = 0; // an answer with another SubCode, not passed
    int failed = 0; // an error that cannot have been billed
    int refused = 0; // the service refused the request
    int outcomeUnknown = 0; // sent, no answer: may have been billed
    int pending = 0; // no outcome recorded

    int answered() const { return passed + notInDatabase + mismatch + otherAnswer; }
    int errors() const { return failed + refused + outcomeUnknown; }
    int total() const { return answered() + errors() + pending; }
    // passed / answered; unset when nothing was answered.
    std::optional<double> passRate() const;
    DashboardCounts& operator+=(const DashboardCounts& other);
    bool operator==(const DashboardCounts& other) const = default;
};

// The manual-review backlog: the reviews still open (any active review state), by age.
struct ReviewBacklog
{
    int open = 0;
    QDateTime oldestOpenedAt; // UTC; invalid when nothing is open
    int underOneHour = 0;
    int underEightHours = 0; // 1 h to 8 h
    int underOneDay = 0; // 8 h to 24 h
    int overOneDay = 0; // 24 h and more
    int overdue = 0; // older than the team's SLA

    bool operator==(const ReviewBacklog& other) const = default;
};

struct DashboardQuery
{
    QDateTime from; // inclusive, UTC
    QDateTime to; // exclusive, UTC
    QString actor; // empty: every case the reader may see
    // The days and months are this zone's. Cases are counted by the UTC hour they were created in, so a zone whose
    // offset is not a whole number of hours folds each hour into the day its start falls on; from and to are
    // widened to whole hours.
    QTimeZone zone = QTimeZone::utc();
    // Which cases: live ones (the default) or training ones. Training calls are never billed.
    bool training = false;
};

struct DashboardData
{
    QMap<QDate, DashboardCounts> days; // every local day of the range, days without cases included
    QMap<QDate, int> billedPerMonth; // first day of a local month -> answered live calls (every answer is billed)
    QMap<QString, DashboardCounts> perReviewer; // by the actor who made the case
    DashboardCounts totals;
    int billed = 0; // answered live calls in the range; always 0 for training cases
    ReviewBacklog backlog; // now, not limited to the range
    QDateTime computedAt; // UTC
};

// The dashboard's SQL: sums over dashboard_hours (migration 8), the outcome counts per UTC hour, reviewer and training
// flag that triggers on the cases table keep exact in the transaction of each case write; never a load of cases or
// events. A year is at most 8,760 rows per reviewer, read in primary-key order (no sort); the hours are folded into
// the local days of the query's zone here. Ranges are taken in whole UTC hours (a bound inside an hour widens to
// it), so local days are exact in zones whose offset is a whole number of hours, summer time included.
class Dashboard
{
    Q_DECLARE_TR_FUNCTIONS(Dashboard)
public:
    explicit Dashboard(const QSqlDatabase& db);

    // The figures of query (already scoped to what the reader may see) at now; slaHours for the overdue count.
    Result<DashboardData> compute(const DashboardQuery& query, const QDateTime& now, int slaHours) const;

    // The SQL of the hourly aggregate, for EXPLAIN in tests and benchmarks (values: training, first hour, end
    // hour[, actor]).
    static QString hourlySql(bool withActor);
    // The count columns of dashboard_hours, in the order of DashboardCounts' fields.
    static QStringList countColumns();
    // For each of those, the SQL condition on a case row (columns prefixed with row, e.g. "NEW.") that counts it
    // there: the one place a case's state, Passed and SubCode become an outcome.
    static QStringList outcomeConditions(const QString& row);
    // The local day an hour bucket ("2026-03-01T08", UTC) falls into in zone.
    static QDate localDay(const QString& hourBucket, const QTimeZone& zone);

private:
    Result<void> readHours(const DashboardQuery& query, DashboardData* data) const;
    Result<void> readReviewers(const DashboardQuery& query, DashboardData* data) const;
    Result<void> readBacklog(
        const DashboardQuery& query, const QDateTime& now, int slaHours, DashboardData* data) const;

    QSqlDatabase m_db;
};
