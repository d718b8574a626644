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

void compareReviews(QSqlDatabase& db, QHash<QByteArrayView, ExpectedCase>& cases, ChainReport& report);
void compareReviewPolicy(QSqlDatabase& db, const ExpectedReviewPolicy& policy, ChainReport& report);
void compareAccounts(QSqlDatabase& db, QHash<QString, ExpectedAccount>& accounts, ChainReport& report);
void compareTexts(QSqlDatabase& db, CaseProjection& projection, ChainReport& report);
void compareReasons(QSqlDatabase& db, const QHash<QString, ExpectedReason>& changed, ChainReport& report);

} // namespace ProjectionCheck
