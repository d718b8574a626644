#pragma once

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

    // Translated state for display; a case created but never completed shows "pending — retry".
    QString displayState() const;
    static QString displayState(const QString& state);
    // For `history --json`: one object per case, masked.
    QJsonObject toJson() const;
};

// Where a page of cases ended: the (created_at, case_id) of its last row. Keyset paging, newest first.
struct HistoryCursor
{
    QString createdAt; // canonical timestamp text, as stored
    QString caseId;

    bool isNull() const { return caseId.isEmpty(); }
};

struct HistoryPage
{
    QList<CaseSummary> rows;
    HistoryCursor next; // pass back to get the following page
    bool atEnd = true;
};

// Filters for the history browser. Every filter is served by an index (see Migrations): time, reviewer, SubCode,
// state, scene, and the exact ID number through the blind index.
struct HistoryQuery
{
    QDateTime from; // inclusive, UTC; invalid = open
    QDateTime to; // exclusive, UTC; invalid = open
    QString actor;
    QString state;
    QString subCode;
    QString sceneCode;
    std::optional<bool> passed;
    std::optional<bool> training;
    QString idNumber; // exact match via the blind index; the store computes the index

    // "WHERE ..." (or "") over the cases table plus positional values, given the blind index of idNumber and the
    // cursor to continue after. Only bound values, never concatenated input.
    QString whereClause(const QByteArray& idIndex, const HistoryCursor& after, QVariantList* values) const;
};
