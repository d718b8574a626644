#pragma once

#include "history/Dashboard.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

// The dashboard's hourly aggregates (dashboard_hours, schema version 8 on) against a recount of the cases table they
// are kept from: the chain verification runs it once the cases themselves matched their events, so an edited, added
// or deleted count shows as edited dashboard figures.
namespace DashboardCheck {

struct Difference
{
    QString hour; // "2026-03-01T08" (UTC)
    QString actor;
    bool training = false;
};

// A SQL expression over a cases row: the count it adds one to (an index into Dashboard::countColumns()), -1 for none.
// Built from Dashboard::outcomeConditions, the rules the dashboard is kept by, so the database judges a record's
// state, passed and SubCode by those rules exactly (NULLs, and on SQLite values of another type, included).
QString outcomeSql();

// One case record's columns the dashboard counts, as the cases table holds them (text as UTF-8, integers as their
// decimal digits), and outcomeSql() evaluated on it.
struct CaseRecord
{
    QByteArrayView training;
    QByteArrayView createdAt;
    QByteArrayView actor;
    int outcome = -1;
};

// The hourly counts a cases table makes, added up one record at a time as the chain verification reads them anyway
// (no second pass over the table): keyed by training, hour (the first 13 characters of created_at) and actor, the
// counts in the order of Dashboard::countColumns().
class Recount
{
public:
    void add(const CaseRecord& record);
    const QHash<QByteArray, QList<qint64>>& hours() const { return m_hours; }

private:
    QHash<QByteArray, QList<qint64>> m_hours;
    QByteArray m_key; // the key being looked up
    qsizetype m_columns = Dashboard::countColumns().size();
};

// nullopt when every hour's counts match the recount of the cases (or the history has no dashboard yet); else the
// first hour that differs. *error is set (and nullopt returned) when the table cannot be read.
std::optional<Difference> firstDifference(const QSqlDatabase& db, const Recount& recount, QString* error);

} // namespace DashboardCheck
