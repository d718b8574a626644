#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

// One row of the cases projection as the history shows it: masked, never the plaintext.
struct CaseSummary
{
    Q_DECLARE_TR_FUNCTIONS(CaseSummary)
public:
    QString caseId;
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    QString actor;
    QString workstation;
    QString merchantBizId;
    QString sceneCode;
    QString state; // CaseState::*
    QString subCode; // "200", "202", "223" or empty
    std::optional<bool> passed; // unset while pending or after an error
    bool training = false;
    int attempts = 0;
    QString nameMasked; // empty after the retention purge
    QString idMasked; // empty after the retention purge
    bool purged = false;
    QString errorKind; // a VerificationResult::Error key from the case's last completion; empty without an error
    QString errorCode; // the service's Code beside that error; empty when it sent none
    QString requestId; // the RequestId of the case's last answer
    QString reviewState; // ReviewState of its manual review; empty when it never went to review

    // The outcome a supervisor filters by (HistoryOutcome::*): passed, 202, 223, error, unknown, pending, reviewed.
    QString outcome() const;

    // Translated state for display; a case created but never completed shows "pending — retry".
    QString displayState() const;
    static QString displayState(const QString& state);
    // For `history --json`: one object per case, masked.
    QJsonObject toJson() const;
};

// What a case ended as, for filters and the outcome column.
namespace HistoryOutcome {
inline constexpr char passed[] = "passed"; // SubCode 200
inline constexpr char notFound[] = "202"; // not in the official database
inline constexpr char mismatch[] = "223"; // does not match
inline constexpr char error[] = "error"; // failed or refused; "error:<kind>" narrows to one VerificationResult::Error
inline constexpr char unknown[] = "unknown"; // sent, no answer recorded: may have been billed
inline constexpr char pending[] = "pending"; // created, not (yet) completed
inline constexpr char reviewed[] = "reviewed"; // ended by a manual-review decision
QStringList all();
// Translated ("passed", "202 not in the database", "error: timeout", ...).
QString displayName(const QString& outcome);
} // namespace HistoryOutcome

// The columns the history sorts by, in SQL. Their keys are stable: saved filters and exports name them.
namespace HistorySort {
inline constexpr char time[] = "time";
inline constexpr char reviewer[] = "reviewer";
inline constexpr char name[] = "name";
inline constexpr char idNumber[] = "id_number";
inline constexpr char merchantBizId[] = "merchant_biz_id";
inline constexpr char scene[] = "scene";
inline constexpr char outcome[] = "outcome";
inline constexpr char errorCode[] = "error_code";
inline constexpr char reviewState[] = "review_state";
inline constexpr char attempts[] = "attempts";
// Chain order (the seq of the case's first event): not offered to people (not in all()), and not for paging; the
// order in which cases were really recorded, whatever the clocks of the workstations that recorded them said.
inline constexpr char chain[] = "chain";
QStringList all();
} // namespace HistorySort

// Where a page of cases ended: the sort value and case_id of its last row. Keyset paging.
struct HistoryCursor
{
    QVariant sortValue; // the last row's value of the sort column, as SQL compares it
    QString caseId;

    bool isNull() const { return caseId.isEmpty(); }
};

struct HistoryPage
{
    QList<CaseSummary> rows;
    HistoryCursor next; // pass back to get the following page
    bool atEnd = true;
};

// Filters and order for the history browser, the CLI and exports. The filters combine (AND). Every filter is served
// by an index (see Migrations): time, reviewer, outcome, state, SubCode, scene, review state, MerchantBizId,
// RequestId, and the exact ID number through the blind index.
struct HistoryQuery
{
    Q_DECLARE_TR_FUNCTIONS(HistoryQuery)
public:
    QDateTime from; // inclusive, UTC; invalid = open
    QDateTime to; // exclusive, UTC; invalid = open
    QString actor;
    QString outcome; // HistoryOutcome::*, or "error:<kind>"
    QString state; // CaseState::*
    QString subCode;
    QString reviewState; // ReviewState::*, or "none" for cases that never went to review
    QString sceneCode;
    std::optional<bool> passed;
    std::optional<bool> training;
    QString idNumber; // exact match via the blind index; the store computes the index
    QString merchantBizId; // exact
    QString requestId; // exact: the RequestId of the case's last answer
    // Cases whose first event came after the event of this seq (a batch's own cases: BatchClaim::headSeq); -1 =
    // open. The history's order, not a clock's. Not a filter a person sets: neither set() nor the JSON forms have it.
    qint64 afterSeq = -1;
    QString sortKey = QLatin1String(HistorySort::time); // HistorySort::*
    bool descending = true;

    // Sets one filter from its text form, as `--filter KEY=VALUE` and saved filters give it. Keys: from, to
    // (yyyy-MM-dd local dates, `to` inclusive, or ISO date-times), reviewer, outcome, state, subcode, review, scene,
    // training (yes/no), passed (yes/no), id_number, merchant_biz_id, request_id, sort (a HistorySort key, `-key`
    // for descending). InvalidArgument naming the key for an unknown key or a bad value; the query is unchanged then.
    Result<void> set(const QString& key, const QString& value);
    static QStringList keys();
    // The filters as text (the keys of set(); the ID number is never written: idNumberGiven says one was searched).
    // A manifest names its filter so; a saved filter keeps it. fromJson(toJson()) gives the same query without
    // the ID number.
    QJsonObject toJson() const;
    static Result<HistoryQuery> fromJson(const QJsonObject& object);
    bool hasFilter() const;

    // "FROM cases c LEFT JOIN reviews r ... WHERE ..." plus positional values, given the blind index of idNumber and
    // the cursor to continue after (null: from the start). Only bound values, never concatenated input.
    QString fromWhere(const QByteArray& idIndex, const HistoryCursor& after, QVariantList* values) const;
    // " ORDER BY ..." for this sort, ties broken by case id in the same direction.
    QString orderBy() const;
    // The SQL expression of the sort column (over aliases c and r), and its value in a row (for the cursor).
    QString sortExpression() const;
    QVariant sortValue(const CaseSummary& row) const;
};
