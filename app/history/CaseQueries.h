#pragma once

#include "base/Result.h"
#include "history/AuditEvent.h"
#include "history/HistoryQuery.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>

class PiiVault;

// What the history answers without writing: case rows (masked) and events. Read-only SQL on the connection it is
// given; ID numbers are looked up through the vault's blind index.
class CaseQueries
{
    Q_DECLARE_TR_FUNCTIONS(CaseQueries)
public:
    CaseQueries(const QSqlDatabase& db, const PiiVault& vault);

    Result<CaseSummary> summary(const QString& caseId) const;
    Result<QList<CaseSummary>> byIdNumber(const QString& idNumber) const;
    Result<HistoryPage> page(const HistoryQuery& query, const HistoryCursor& after, int limit) const;
    // How many cases the query matches (one COUNT over the same indexes as page()).
    Result<qint64> count(const HistoryQuery& query) const;
    Result<QList<AuditEvent>> eventsForCase(const QString& caseId) const;
    // Streams every event in seq order; stop early by returning false.
    Result<void> forEachEvent(const std::function<bool(const AuditEvent&)>& visit) const;

private:
    // The blind index of the query's ID number ("-", which matches nothing, when it has none); empty: no ID number.
    QByteArray indexFor(const HistoryQuery& query) const;
    // tail: "FROM cases c LEFT JOIN reviews r ... [WHERE ...] [ORDER BY ...]".
    Result<QList<CaseSummary>> select(const QString& tail, const QVariantList& values) const;

    QSqlDatabase m_db;
    const PiiVault& m_vault;
};
