#pragma once

#include "base/Result.h"
#include "history/AuditEvent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>

#include <functional>
#include <optional>

// The events of a stretch of the chain, as exports read and check them: contiguous in seq, so that the chain can be
// recomputed over them from the hash of the event before the first. Read-only SQL on the connection it is given.
class EventRange
{
    Q_DECLARE_TR_FUNCTIONS(EventRange)
public:
    qint64 firstSeq = 0; // 0 with lastSeq 0: no event
    qint64 lastSeq = 0;

    bool isEmpty() const { return firstSeq == 0 || lastSeq < firstSeq; }
    qint64 count() const { return isEmpty() ? 0 : lastSeq - firstSeq + 1; }

    // From the first event at or after from to the last event before to (UTC; invalid = open), with every event
    // between them, whatever their time stamps say.
    static Result<EventRange> byTime(const QSqlDatabase& db, const QDateTime& from, const QDateTime& to);
    // Streams the range's events in seq order; stop early by returning false.
    Result<void> forEach(const QSqlDatabase& db, const std::function<bool(const AuditEvent&)>& visit) const;
    // The latest event of this kind, if any.
    static Result<std::optional<AuditEvent>> lastOfKind(const QSqlDatabase& db, const QString& kind);
    // Every event of this kind, in seq order.
    static Result<QList<AuditEvent>> allOfKind(const QSqlDatabase& db, const QString& kind);
};
