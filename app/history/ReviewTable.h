#pragma once

#include "base/Result.h"
#include "history/HotStatement.h"
#include "history/Review.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <optional>

// The manual-review projection (reviews), its encrypted texts (review_texts), reason codes (review_reasons) and
// policy (meta), written in the same transaction as the review_action event that changes them.
class ReviewTable
{
    Q_DECLARE_TR_FUNCTIONS(ReviewTable)
public:
    explicit ReviewTable(const QSqlDatabase& db);

    Result<std::optional<ReviewRow>> find(const QString& caseId) const;
    Result<void> save(const ReviewRow& row, bool isNew);
    Result<ReviewItem> item(const QString& caseId) const;
    // involvedName: when set, a closed review only where that person took part in it (opened, was assigned,
    // proposed, decided, approved) or owns the case.
    Result<ReviewQueuePage> queue(
        const ReviewQueueQuery& query, const QDateTime& overdueBefore, const QString& involvedName = {}) const;

    Result<void> insertText(const QString& textId, const QString& caseId, const QByteArray& sealed);
    // The retention purge: erases the notes and file names of these cases (the events keep only their digests).
    Result<void> purgeTexts(const QStringList& caseIds, const QDateTime& at);
    // The sealed texts of a case: text id -> ciphertext (empty when purged).
    Result<QList<QPair<QString, QByteArray>>> texts(const QString& caseId) const;

    Result<QList<ReviewReason>> reasons() const;
    Result<void> saveReason(const ReviewReason& reason, const QDateTime& at);

    Result<ReviewPolicy> policy() const;
    Result<void> savePolicy(const ReviewPolicy& policy);

private:
    QSqlDatabase m_db;
    mutable QSqlQuery m_find;
    mutable std::optional<HotStatement> m_exists; // on SQLite only, asked first: most cases have no review
};
