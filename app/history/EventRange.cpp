#include "EventRange.h"

#include "history/CanonicalEvent.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

Failure readFailure(const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable, EventRange::tr("Cannot read the events: %1").arg(q.lastError().text()));
}

// MIN or MAX of seq over the events whose ts compares so with the bound (timestamps are canonical text, which
// sorts as time).
Result<qint64> boundSeq(const QSqlDatabase& db, const char* aggregate, const char* comparison, const QDateTime& at)
{
    QSqlQuery q(db);
    QString sql = QStringLiteral("SELECT %1(seq) FROM events").arg(QLatin1String(aggregate));
    if (at.isValid())
        sql += QStringLiteral(" WHERE ts %1 ?").arg(QLatin1String(comparison));
    q.prepare(sql);
    if (at.isValid())
        q.bindValue(0, QString::fromLatin1(CanonicalEvent::timestamp(at)));
    if (!q.exec())
        return readFailure(q);
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : qint64(0);
}

} // namespace

Result<EventRange> EventRange::byTime(const QSqlDatabase& db, const QDateTime& from, const QDateTime& to)
{
    const Result<qint64> first = boundSeq(db, "MIN", ">=", from);
    if (!first)
        return first.failure();
    const Result<qint64> last = boundSeq(db, "MAX", "<", to);
    if (!last)
        return last.failure();
    EventRange range;
    if (*first > 0 && *last >= *first) {
        range.firstSeq = *first;
        range.lastSeq = *last;
    }
    return range;
}

Result<void> EventRange::forEach(const QSqlDatabase& db, const std::function<bool(const AuditEvent&)>& visit) const
{
    if (isEmpty())
        return {};
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq").arg(AuditEvent::columns()));
    q.bindValue(0, firstSeq);
    q.bindValue(1, lastSeq);
    if (!q.exec())
        return readFailure(q);
    while (q.next()) {
        if (!visit(AuditEvent::fromRow(q)))
            break;
    }
    return {};
}

Result<std::optional<AuditEvent>> EventRange::lastOfKind(const QSqlDatabase& db, const QString& kind)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT %1 FROM events WHERE kind = ? ORDER BY seq DESC LIMIT 1").arg(AuditEvent::columns()));
    q.bindValue(0, kind);
    if (!q.exec())
        return readFailure(q);
    if (!q.next())
        return std::optional<AuditEvent>();
    return std::optional<AuditEvent>(AuditEvent::fromRow(q));
}

Result<QList<AuditEvent>> EventRange::allOfKind(const QSqlDatabase& db, const QString& kind)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE kind = ? ORDER BY seq").arg(AuditEvent::columns()));
    q.bindValue(0, kind);
    if (!q.exec())
        return readFailure(q);
    QList<AuditEvent> events;
    while (q.next())
        events.append(AuditEvent::fromRow(q));
    return events;
}
