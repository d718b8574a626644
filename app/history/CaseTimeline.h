#pragma once

#include "base/Result.h"
#include "history/AuditEvent.h"
#include "history/Review.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

class AuditStore;
struct Actor;

// One line of a case's timeline: every attempt, answer, decision, note, reference, reveal and re-verification link,
// in chain order, with the case it links to.
struct TimelineEntry
{
    qint64 seq = 0; // the event's position in the chain
    QDateTime ts;
    QString actor;
    QString kind;
    QString text; // translated, masked
    QString note; // a review note, decrypted (empty when none)
    QString linkedCaseId; // a re-verification in either direction

    QJsonObject toJson() const;
};

class CaseTimeline
{
    Q_DECLARE_TR_FUNCTIONS(CaseTimeline)
public:
    // The case's events as actor may read them, described, with the review texts decrypted.
    static Result<QList<TimelineEntry>> read(AuditStore& store, const Actor& actor, const QString& caseId);
    // One event described (texts: the case's review texts by id; reasons: the codes and their labels).
    static TimelineEntry describe(
        const AuditEvent& event, const QList<ReviewText>& texts, const QList<ReviewReason>& reasons);

    // What a spool_record_set_aside event says (its payload), here and in the history's event list.
    static QString spoolSetAsideText(const QJsonObject& payload);

private:
    static QString reviewText(
        const QJsonObject& payload, const QList<ReviewText>& texts, const QList<ReviewReason>& reasons);
};
