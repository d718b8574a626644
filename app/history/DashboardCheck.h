#pragma once

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

// nullopt when every hour's counts match the cases (or the history has no dashboard yet); else the first hour that
// differs. *error is set (and nullopt returned) when the tables cannot be read.
std::optional<Difference> firstDifference(const QSqlDatabase& db, QString* error);

} // namespace DashboardCheck
