#include "Review.h"

#include <QRegularExpression>

QStringList ReviewState::all()
{
    return { QLatin1String(open),
        QLatin1String(inReview),
        QLatin1String(proposed),
        QLatin1String(escalated),
        QLatin1String(approved),
        QLatin1String(rejected),
        QLatin1String(reopened) };
}

QStringList ReviewState::active()
{
    return { QLatin1String(open),
        QLatin1String(inReview),
        QLatin1String(proposed),
        QLatin1String(escalated),
        QLatin1String(reopened) };
}

bool ReviewState::isClosed(const QString& state)
{
    return state == QLatin1String(approved) || state == QLatin1String(rejected);
}

QString ReviewState::displayName(const QString& state)
{
    if (state == QLatin1String(open))
        return ReviewItem::tr("open");
    if (state == QLatin1String(inReview))
        return ReviewItem::tr("in review");
    if (state == QLatin1String(proposed))
        return ReviewItem::tr("awaiting approval");
    if (state == QLatin1String(escalated))
        return ReviewItem::tr("escalated");
    if (state == QLatin1String(approved))
        return ReviewItem::tr("approved");
    if (state == QLatin1String(rejected))
        return ReviewItem::tr("rejected");
    if (state == QLatin1String(reopened))
        return ReviewItem::tr("reopened");
    return state;
}

QStringList ReviewAction::all()
{
    return { QLatin1String(open),
        QLatin1String(claim),
        QLatin1String(release),
        QLatin1String(reassign),
        QLatin1String(propose),
        QLatin1String(approve),
        QLatin1String(decline),
        QLatin1String(withdraw),
        QLatin1String(reopen),
        QLatin1String(note),
        QLatin1String(reference) };
}

QString ReviewAction::displayName(const QString& action)
{
    if (action == QLatin1String(open))
        return ReviewItem::tr("sent to manual review");
    if (action == QLatin1String(claim))
        return ReviewItem::tr("claimed");
    if (action == QLatin1String(release))
        return ReviewItem::tr("released");
    if (action == QLatin1String(reassign))
        return ReviewItem::tr("reassigned");
    if (action == QLatin1String(propose))
        return ReviewItem::tr("decision proposed");
    if (action == QLatin1String(approve))
        return ReviewItem::tr("decision approved");
    if (action == QLatin1String(decline))
        return ReviewItem::tr("proposal declined");
    if (action == QLatin1String(withdraw))
        return ReviewItem::tr("proposal withdrawn");
    if (action == QLatin1String(reopen))
        return ReviewItem::tr("reopened");
    if (action == QLatin1String(note))
        return ReviewItem::tr("note");
    if (action == QLatin1String(reference))
        return ReviewItem::tr("document reference");
    return action;
}

QStringList ReviewDecision::all()
{
    return { QLatin1String(approve), QLatin1String(reject), QLatin1String(escalate) };
}

QString ReviewDecision::displayName(const QString& decision)
{
    if (decision == QLatin1String(approve))
        return ReviewItem::tr("approve");
    if (decision == QLatin1String(reject))
        return ReviewItem::tr("reject");
    if (decision == QLatin1String(escalate))
        return ReviewItem::tr("escalate to supervisors");
    return decision;
}

qint64 ReviewItem::ageMinutes(const QDateTime& now) const
{
    if (!review.openedAt.isValid())
        return 0;
    return qMax<qint64>(0, review.openedAt.secsTo(now) / 60);
}

bool ReviewItem::overdue(const QDateTime& now, int slaHours) const
{
    return !ReviewState::isClosed(review.state) && ageMinutes(now) >= qint64(slaHours) * 60;
}

QString ReviewItem::displayAge(qint64 minutes)
{
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    constexpr qint64 minutesPerDay = qint64 { 24 } * 60;
    if (minutes < minutesPerDay)
        return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
    return tr("%1 d %2 h").arg(minutes / minutesPerDay).arg((minutes / 60) % 24);
}

QJsonObject ReviewItem::toJson(const QDateTime& now, int slaHours) const
{
    const auto time = [](const QDateTime& t) {
        return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
    };
    return QJsonObject {
        { QStringLiteral("caseId"), review.caseId },
        { QStringLiteral("state"), review.state },
        { QStringLiteral("assignee"), review.assignee },
        { QStringLiteral("escalated"), review.escalated },
        { QStringLiteral("openedBy"), review.openedBy },
        { QStringLiteral("openedAt"), time(review.openedAt) },
        { QStringLiteral("updatedAt"), time(review.updatedAt) },
        { QStringLiteral("ageMinutes"), ageMinutes(now) },
        { QStringLiteral("overdue"), overdue(now, slaHours) },
        { QStringLiteral("proposedBy"), review.proposedBy },
        { QStringLiteral("proposedDecision"), review.proposedDecision },
        { QStringLiteral("proposedReason"), review.proposedReason },
        { QStringLiteral("decision"), review.decision },
        { QStringLiteral("decisionReason"), review.decisionReason },
        { QStringLiteral("decidedBy"), review.decidedBy },
        { QStringLiteral("approvedBy"), review.approvedBy },
        { QStringLiteral("decidedAt"), time(review.decidedAt) },
        { QStringLiteral("caseOwner"), caseOwner },
        { QStringLiteral("subCode"), subCode },
        { QStringLiteral("nameMasked"), nameMasked },
        { QStringLiteral("idNumberMasked"), idMasked },
        { QStringLiteral("sceneCode"), sceneCode },
        { QStringLiteral("merchantBizId"), merchantBizId },
        { QStringLiteral("training"), training },
    };
}

namespace {

struct BuiltIn
{
    const char* code;
    const char* label;
};

// The labels are translated for display; the code is what the chain records.
constexpr BuiltIn builtIns[] = {
    { "document_seen_data_correct", QT_TRANSLATE_NOOP("ReviewReason", "Document seen, data correct") },
    { "typo_corrected_reverified", QT_TRANSLATE_NOOP("ReviewReason", "Typo corrected and re-verified") },
    { "card_renewed_not_in_database", QT_TRANSLATE_NOOP("ReviewReason", "Card renewed, not yet in the database") },
    { "card_expired", QT_TRANSLATE_NOOP("ReviewReason", "Card expired") },
    { "data_mismatch_confirmed", QT_TRANSLATE_NOOP("ReviewReason", "Mismatch confirmed with the person") },
    { "suspected_forgery", QT_TRANSLATE_NOOP("ReviewReason", "Suspected forgery") },
    { "person_did_not_respond", QT_TRANSLATE_NOOP("ReviewReason", "Person did not respond") },
    { "needs_supervisor", QT_TRANSLATE_NOOP("ReviewReason", "Needs a supervisor's decision") },
};

} // namespace

QString ReviewReason::displayLabel() const
{
    for (const BuiltIn& b : builtIns) {
        if (code == QLatin1String(b.code) && label == QLatin1String(b.label))
            return tr(b.label);
    }
    return label.isEmpty() ? code : label;
}

bool ReviewReason::isValidCode(const QString& code)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_]{1,40}$"));
    return pattern.match(code).hasMatch();
}

QList<ReviewReason> ReviewReason::defaults()
{
    QList<ReviewReason> all;
    for (const BuiltIn& b : builtIns)
        all.append(ReviewReason { QLatin1String(b.code), QLatin1String(b.label), true });
    return all;
}
