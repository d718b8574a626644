#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
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
    // offset is not a whole number of hours folds each hour into the day its start falls on.
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

// The dashboard's SQL: aggregates over the cases table, never a load of its events. The cases_dashboard index
// (migration 8) covers every column read, so each aggregate is an index-only scan of the range; the day chart is
// grouped by UTC hour in SQL (at most 24 rows a day) and folded into local days here.
class Dashboard
{
    Q_DECLARE_TR_FUNCTIONS(Dashboard)
public:
    explicit Dashboard(const QSqlDatabase& db);

    // The figures of query (already scoped to what the reader may see) at now; slaHours for the overdue count.
    Result<DashboardData> compute(const DashboardQuery& query, const QDateTime& now, int slaHours) const;

    // The SQL of the hourly aggregate, for EXPLAIN in tests and benchmarks (values: training, from, to[, actor]).
    static QString hourlySql(bool withActor);
    // The local day an hour bucket ("2026-03-01T08", UTC) falls into in zone.
    static QDate localDay(const QString& hourBucket, const QTimeZone& zone);

private:
    Result<void> readHours(const DashboardQuery& query, DashboardData* data) const;
    Result<void> readReviewers(const DashboardQuery& query, DashboardData* data) const;
    Result<void> readBacklog(
        const DashboardQuery& query, const QDateTime& now, int slaHours, DashboardData* data) const;

    QSqlDatabase m_db;
};
