#include "CaseTimeline.h"

#include "base/Access.h"
#include "history/AuditStore.h"

namespace {

QString textById(const QList<ReviewText>& texts, const QString& id)
{
    for (const ReviewText& t : texts) {
        if (t.textId == id)
            return t.text;
    }
    return QString();
}

QString reasonLabel(const QList<ReviewReason>& reasons, const QString& code)
{
    for (const ReviewReason& r : reasons) {
        if (r.code == code)
            return r.displayLabel();
    }
    return code;
}

// The translated name of an Access::key ("reveal_case": "reveal names and ID numbers").
QString operationName(const QString& key)
{
    for (const Access::Operation operation : Access::operations()) {
        if (Access::key(operation) == key)
            return Access::displayName(operation);
    }
    return key;
}

} // namespace

QJsonObject TimelineEntry::toJson() const
{
    QJsonObject o { { QStringLiteral("seq"), seq },
        { QStringLiteral("ts"), ts.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("actor"), actor },
        { QStringLiteral("kind"), kind },
        { QStringLiteral("text"), text } };
    if (!note.isEmpty())
        o.insert(QStringLiteral("note"), note);
    if (!linkedCaseId.isEmpty())
        o.insert(QStringLiteral("linkedCaseId"), linkedCaseId);
    return o;
}

Result<QList<TimelineEntry>> CaseTimeline::read(AuditStore& store, const Actor& actor, const QString& caseId)
{
    const Result<QList<AuditEvent>> events = store.eventsForCase(actor, caseId);
    if (!events)
        return events.failure();
    const Result<QList<ReviewText>> texts = store.reviewTexts(actor, caseId);
    if (!texts)
        return texts.failure();
    const Result<QList<ReviewReason>> reasons = store.reviewReasons();
    if (!reasons)
        return reasons.failure();
    QList<TimelineEntry> entries;
    for (const AuditEvent& e : *events)
        entries.append(describe(e, *texts, *reasons));
    return entries;
}

TimelineEntry CaseTimeline::describe(
    const AuditEvent& e, const QList<ReviewText>& texts, const QList<ReviewReason>& reasons)
{
    TimelineEntry entry { e.seq, e.ts, e.actor, e.kind, QString(), QString(), QString() };
    const QJsonObject p = e.payloadObject();
    const QString attempt = QString::number(p.value(QStringLiteral("attempt")).toInt());
    const QString& kind = e.kind;
    if (kind == QLatin1String(EventKind::caseCreated)) {
        entry.linkedCaseId = p.value(QStringLiteral("reverifies")).toString();
        entry.text = entry.linkedCaseId.isEmpty()
            ? tr("Case created (MerchantBizId %1)").arg(p.value(QStringLiteral("merchantBizId")).toString())
            : tr("Case created to verify an earlier case again");
    } else if (kind == QLatin1String(EventKind::attemptSent)) {
        entry.text = tr("Attempt %1 sent").arg(attempt);
    } else if (kind == QLatin1String(EventKind::responseReceived)) {
        entry.text = tr("Answer to attempt %1: HTTP %2, Code %3, SubCode %4")
                         .arg(attempt,
                             QString::number(p.value(QStringLiteral("httpStatus")).toInt()),
                             p.value(QStringLiteral("code")).toString(),
                             p.value(QStringLiteral("subCode")).toString());
    } else if (kind == QLatin1String(EventKind::attemptFailed)) {
        const QString error = p.value(QStringLiteral("error")).toString();
        // An attempt recorded as about to be sent that was stopped before it left (waiting for its rate slot, say).
        if (error == QLatin1String("Cancelled") && !p.value(QStringLiteral("mayHaveBeenBilled")).toBool(true))
            entry.text = tr("Attempt %1 cancelled before it left: not sent, not billed").arg(attempt);
        else
            entry.text = tr("Attempt %1 failed: %2").arg(attempt, error);
    } else if (kind == QLatin1String(EventKind::caseCompleted)) {
        const QString subCode = p.value(QStringLiteral("subCode")).toString();
        entry.text = subCode.isEmpty()
            ? tr("Case ended without an answer: %1").arg(p.value(QStringLiteral("error")).toString())
            : p.value(QStringLiteral("passed")).toBool() ? tr("Answer: SubCode %1, passed").arg(subCode)
                                                         : tr("Answer: SubCode %1, not passed").arg(subCode);
    } else if (kind == QLatin1String(EventKind::reviewDecision)) {
        entry.text = tr("Manual review decision (recorded by an earlier version)");
    } else if (kind == QLatin1String(EventKind::piiRevealed)) {
        entry.text = tr("Name and ID number revealed, reason: %1").arg(p.value(QStringLiteral("reason")).toString());
    } else if (kind == QLatin1String(EventKind::reverifyLink)) {
        entry.linkedCaseId = p.value(QStringLiteral("newCaseId")).toString();
        entry.text = tr("Verified again as a new case");
    } else if (kind == QLatin1String(EventKind::accessRefused)) {
        entry.text = tr("Refused: %1").arg(operationName(p.value(QStringLiteral("operation")).toString()));
    } else if (kind == QLatin1String(EventKind::reviewAction)) {
        entry.text = reviewText(p, texts, reasons);
        entry.note = textById(texts, p.value(QStringLiteral("noteId")).toString());
    } else if (kind == QLatin1String(EventKind::spoolRecordSetAside)) {
        entry.text = spoolSetAsideText(p);
    } else {
        entry.text = kind;
    }
    return entry;
}

QString CaseTimeline::spoolSetAsideText(const QJsonObject& payload)
{
    if (payload.value(QStringLiteral("reason")).toString() == QLatin1String("unreadable"))
        return tr("A record waiting in the spool could not be read: set aside in the spool's .bad file, not written");
    return tr("A record waiting in the spool was set aside in the spool's .bad file, not written: this history did "
              "not seal it (written or edited outside eKYC Desk, or by an older version)");
}

QString CaseTimeline::reviewText(
    const QJsonObject& p, const QList<ReviewText>& texts, const QList<ReviewReason>& reasons)
{
    const QString action = p.value(QStringLiteral("action")).toString();
    QString text = ReviewAction::displayName(action);
    const QString state = ReviewState::displayName(p.value(QStringLiteral("state")).toString());
    if (action == QLatin1String(ReviewAction::propose)) {
        text = tr("Proposed: %1, reason: %2")
                   .arg(ReviewDecision::displayName(p.value(QStringLiteral("decision")).toString()),
                       reasonLabel(reasons, p.value(QStringLiteral("reasonCode")).toString()));
    } else if (action == QLatin1String(ReviewAction::claim) || action == QLatin1String(ReviewAction::reassign)) {
        text = tr("%1 to %2").arg(text, p.value(QStringLiteral("assignee")).toString());
    } else if (action == QLatin1String(ReviewAction::approve) || action == QLatin1String(ReviewAction::decline)) {
        text = tr("%1 (proposed by %2)").arg(text, p.value(QStringLiteral("proposedBy")).toString());
    } else if (action == QLatin1String(ReviewAction::reference)) {
        const QString name = textById(texts, p.value(QStringLiteral("fileNameId")).toString());
        text = tr("Document seen: %1, SHA-256 %2")
                   .arg(name.isEmpty() ? tr("(name erased)") : name, p.value(QStringLiteral("sha256")).toString());
    } else if (action == QLatin1String(ReviewAction::withdraw) && p.contains(QStringLiteral("cause"))) {
        text = p.value(QStringLiteral("cause")).toString() == QLatin1String("reverified")
            ? tr("Proposal withdrawn: the case was verified again")
            : tr("Proposal withdrawn: a new attempt was sent for the case");
    }
    if (p.value(QStringLiteral("withdrewProposal")).toBool())
        text += tr("; the pending proposal was withdrawn");
    return tr("Review: %1 → %2").arg(text, state);
}
