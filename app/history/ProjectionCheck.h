#pragma once

#include "history/CaseProjection.h"
#include "history/ChainVerifier.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

// The tables beside the chain that the application writes with its events, compared by ChainVerifier with what the
// verified events say they must hold (CaseProjection): the reviews, the review policy in meta, the accounts, the review
// notes and the reason codes. Each marks the report broken at the earliest event the difference concerns (the head
// when none does); the cases table and the dashboard have their own comparisons in ChainVerifier.
namespace ProjectionCheck {

// Counts a record that differs from its events (a case's, when caseId is given); the report names the one with the
// lowest seq.
void markBroken(ChainReport& report, qint64 seq, const QString& caseId, const QString& reason);

// Compares every table above that the history's schema version has (accounts from 5, the review tables from 6);
// schemaVersion is meta.schema_version, already checked against the tables present.
void compareAll(QSqlDatabase& db, CaseProjection& projection, int schemaVersion, ChainReport& report);

} // namespace ProjectionCheck
