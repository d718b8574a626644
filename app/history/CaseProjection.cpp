#include "CaseProjection.h"

#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// A QByteArray over the view's bytes, without a copy: for lookups only.
QByteArray borrowed(QByteArrayView view)
{
    return QByteArray::fromRawData(view.data(), view.size());
}

bool is(QByteArrayView kind, const char* name)
{
    return kind == QByteArrayView(name);
}

} // namespace

QJsonObject RawEvent::payloadObject() const
{
    return QJsonDocument::fromJson(borrowed(stored.payload)).object();
}

void CaseProjection::applyPurge(const RawEvent& e)
{
    const QJsonObject payload = e.payloadObject();
    const QJsonValue ids = payload.value(QStringLiteral("caseIds"));
    if (ids.isArray()) {
        for (const QJsonValue id : ids.toArray()) {
            const auto it = cases.find(QByteArrayView(id.toString().toUtf8()));
            if (it != cases.end() && it->purgedMs < 0) {
                it->purgedMs = e.tsMs;
                it->purgedSeq = e.seq;
            }
        }
        return;
    }
    // Written before the event listed its cases: every case created before the cut-off.
    const QDateTime cutoff = CanonicalEvent::parseTimestamp(payload.value(QStringLiteral("cutoff")).toString());
    if (!cutoff.isValid())
        return;
    const qint64 cutoffMs = cutoff.toMSecsSinceEpoch();
    for (ExpectedCase& c : cases) {
        if (c.purgedMs < 0 && c.createdMs < cutoffMs) {
            c.purgedMs = e.tsMs;
            c.purgedSeq = e.seq;
        }
    }
}

// The review after one review_action event: the payload names the state after it and what changed; the assignee is
// set by claim and reassign and cleared by release, escalation and reopening; a proposal is its event's actor's.
void CaseProjection::applyReview(ExpectedReview& r, const RawEvent& e)
{
    const QJsonObject payload = e.payloadObject();
    const QString action = payload.value(QStringLiteral("action")).toString();
    const QString state = payload.value(QStringLiteral("state")).toString();
    r.state = intern(state);
    if (payload.contains(QStringLiteral("escalated")))
        r.escalated = payload.value(QStringLiteral("escalated")).toBool();
    if (action == QLatin1String("claim") || action == QLatin1String("reassign"))
        r.assignee = intern(payload.value(QStringLiteral("assignee")).toString());
    else if (action == QLatin1String("release") || action == QLatin1String("reopen")
        || state == QLatin1String("escalated"))
        r.assignee = {};
    const bool closed = state == QLatin1String("approved") || state == QLatin1String("rejected");
    if (action == QLatin1String("propose") && state == QLatin1String("proposed")) {
        r.proposedBy = intern(e.stored.actor);
        r.proposedDecision = intern(payload.value(QStringLiteral("decision")).toString());
    } else if (action == QLatin1String("propose") && closed) { // decided alone, without four-eyes
        r.decision = intern(payload.value(QStringLiteral("decision")).toString());
        r.decidedBy = intern(e.stored.actor);
        r.approvedBy = {};
    } else if (action == QLatin1String("approve") && closed) {
        r.decision = r.proposedDecision;
        r.decidedBy = r.proposedBy;
        r.approvedBy = intern(e.stored.actor);
    } else if (action == QLatin1String("reopen")) {
        r.decision = {};
        r.decidedBy = {};
        r.approvedBy = {};
    }
    if (state != QLatin1String("proposed")) {
        r.proposedBy = {};
        r.proposedDecision = {};
    }
}

void CaseProjection::applyCompletion(ExpectedCase& c, const RawEvent& e)
{
    const QJsonObject payload = e.payloadObject();
    c.state = intern(payload.value(QStringLiteral("state")).toString());
    const QJsonValue passed = payload.value(QStringLiteral("passed"));
    c.passed = static_cast<qint8>(passed.isBool() ? (passed.toBool() ? 1 : 0) : -1);
    c.subCode = intern(payload.value(QStringLiteral("subCode")).toString());
    if (is(e.stored.kind, EventKind::caseCompleted)) {
        c.errorKind = intern(payload.value(QStringLiteral("error")).toString());
        c.errorCode =
            c.errorKind.isEmpty() ? QByteArrayView() : intern(payload.value(QStringLiteral("code")).toString());
        c.requestId = keep(payload.value(QStringLiteral("requestId")).toString());
    }
}

void CaseProjection::apply(const RawEvent& e)
{
    if (is(e.stored.kind, EventKind::retentionPurge)) {
        applyPurge(e);
        return;
    }
    if (e.stored.caseId.isEmpty())
        return;
    if (is(e.stored.kind, EventKind::caseCreated)) {
        if (cases.contains(e.stored.caseId))
            return; // never written by the app; the first one stands
        const QJsonObject payload = e.payloadObject();
        ExpectedCase& c = cases[m_text.keep(e.stored.caseId)]; // made in place
        c.createdSeq = e.seq;
        c.createdMs = e.tsMs;
        c.updatedSeq = e.seq;
        c.updatedMs = c.createdMs;
        c.actor = intern(e.stored.actor);
        c.workstation = intern(e.stored.workstation);
        c.merchantBizId = keep(payload.value(QStringLiteral("merchantBizId")).toString());
        c.sceneCode = intern(payload.value(QStringLiteral("sceneCode")).toString());
        c.training = payload.value(QStringLiteral("training")).toBool();
        c.state = intern(QByteArrayView(CaseState::pending));
        c.subCode = intern(QByteArrayView());
        c.piiDigest = m_text.keep(e.stored.piiDigest);
        return;
    }
    const auto it = cases.find(e.stored.caseId);
    if (it == cases.end())
        return; // the app writes no event for a case it has not created
    it->updatedSeq = e.seq;
    it->updatedMs = e.tsMs;
    if (is(e.stored.kind, EventKind::reviewAction)) {
        if (!it->review)
            it->review = new ExpectedReview;
        if (it->review->state.isEmpty()) // sent to review (again, if an edited payload emptied the state)
            it->review->firstSeq = e.seq;
        applyReview(*it->review, e);
    } else if (is(e.stored.kind, EventKind::attemptSent))
        ++it->attempts;
    else if (is(e.stored.kind, EventKind::caseCompleted) || is(e.stored.kind, EventKind::reviewDecision))
        applyCompletion(*it, e);
}
