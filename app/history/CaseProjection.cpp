#include "CaseProjection.h"

#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"
#include "history/FlatJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <deque>

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

// The string and boolean members of an event's payload, as QJsonDocument reads them: in place when the payload is
// flat (FlatJsonObject; every payload the application writes for case_created, case_completed and review_action is),
// otherwise through QJsonDocument. A string that is missing or not a string is empty, as QJsonValue::toString() makes
// it; the views are valid while the reader is.
class PayloadReader
{
public:
    explicit PayloadReader(QByteArrayView json)
        : m_flat(json)
    {
        if (!m_flat.isValid())
            m_object = QJsonDocument::fromJson(borrowed(json)).object();
    }

    QByteArrayView string(const char* key) const
    {
        if (m_flat.isValid())
            return m_flat.string(key).value_or(QByteArrayView());
        return m_kept.emplace_back(m_object.value(QLatin1StringView(key)).toString().toUtf8());
    }
    // The value when it is a boolean (QJsonValue::toBool() is false for anything else).
    std::optional<bool> boolean(const char* key) const
    {
        if (m_flat.isValid())
            return m_flat.boolean(key);
        const QJsonValue value = m_object.value(QLatin1StringView(key));
        return value.isBool() ? std::optional<bool>(value.toBool()) : std::nullopt;
    }
    bool contains(const char* key) const
    {
        return m_flat.isValid() ? m_flat.contains(key) : m_object.contains(QLatin1StringView(key));
    }

private:
    FlatJsonObject m_flat;
    QJsonObject m_object;
    mutable std::deque<QByteArray> m_kept; // the strings read through QJsonDocument (views into them stay valid)
};

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
    PayloadReader payload(e.stored.payload);
    const QByteArrayView action = payload.string("action");
    const QByteArrayView state = payload.string("state");
    r.state = intern(state);
    r.updatedMs = e.tsMs;
    for (const auto& [idKey, digestKey] :
        { std::pair { "noteId", "noteDigest" }, { "fileNameId", "fileNameDigest" } }) {
        const QString textId = QString::fromUtf8(payload.string(idKey));
        if (!textId.isEmpty() && !texts.contains(textId))
            texts.insert(textId,
                ExpectedText { QString::fromUtf8(e.stored.caseId), payload.string(digestKey).toByteArray(), e.seq });
    }
    if (action == "open") {
        r.openedBy = intern(e.stored.actor);
        r.openedMs = e.tsMs;
    }
    if (payload.contains("escalated"))
        r.escalated = payload.boolean("escalated").value_or(false);
    if (action == "claim" || action == "reassign")
        r.assignee = intern(payload.string("assignee"));
    else if (action == "release" || action == "reopen" || state == "escalated")
        r.assignee = {};
    const bool closed = state == "approved" || state == "rejected";
    if (action == "propose" && state == "proposed") {
        r.proposedBy = intern(e.stored.actor);
        r.proposedDecision = intern(payload.string("decision"));
        r.proposedReason = intern(payload.string("reasonCode"));
    } else if (action == "propose" && closed) { // decided alone, without four-eyes
        r.decision = intern(payload.string("decision"));
        r.decisionReason = intern(payload.string("reasonCode"));
        r.decidedBy = intern(e.stored.actor);
        r.approvedBy = {};
        r.decidedMs = e.tsMs;
    } else if (action == "approve" && closed) {
        r.decision = r.proposedDecision;
        r.decisionReason = r.proposedReason;
        r.decidedBy = r.proposedBy;
        r.approvedBy = intern(e.stored.actor);
        r.decidedMs = e.tsMs;
    } else if (action == "reopen") {
        r.openedMs = e.tsMs;
        r.decision = {};
        r.decisionReason = {};
        r.decidedBy = {};
        r.approvedBy = {};
        r.decidedMs = -1;
    }
    if (state != "proposed") {
        r.proposedBy = {};
        r.proposedDecision = {};
        r.proposedReason = {};
    }
}

void CaseProjection::applyCompletion(ExpectedCase& c, const RawEvent& e)
{
    PayloadReader payload(e.stored.payload);
    c.state = intern(payload.string("state"));
    const std::optional<bool> passed = payload.boolean("passed");
    c.passed = static_cast<qint8>(passed ? (*passed ? 1 : 0) : -1);
    c.subCode = intern(payload.string("subCode"));
    if (is(e.stored.kind, EventKind::caseCompleted)) {
        c.errorKind = intern(payload.string("error"));
        c.errorCode = c.errorKind.isEmpty() ? QByteArrayView() : intern(payload.string("code"));
        c.requestId = m_text.keep(payload.string("requestId"));
    }
}

// account_created, account_changed and account_locked, as AuditStore's account writes change the row with them.
void CaseProjection::applyAccount(const RawEvent& e)
{
    const PayloadReader payload(e.stored.payload);
    const QString user = QString::fromUtf8(payload.string("user"));
    if (is(e.stored.kind, EventKind::accountCreated)) {
        if (accounts.contains(user))
            return; // never written by the app; the first one stands
        ExpectedAccount& a = accounts[user];
        a.role = QString::fromUtf8(payload.string("role"));
        a.passwordDigest = payload.string("passwordDigest").toByteArray();
        a.createdSeq = e.seq;
        return;
    }
    const auto it = accounts.find(user);
    if (it == accounts.end())
        return; // the app changes no account it has not created
    if (is(e.stored.kind, EventKind::accountLocked)) {
        it->lockedMs = e.tsMs;
        return;
    }
    const QByteArrayView change = payload.string("change");
    if (change == "role")
        it->role = QString::fromUtf8(payload.string("role"));
    else if (change == "disabled" || change == "enabled")
        it->disabled = change == "disabled";
    else if (change == "unlocked")
        it->lockedMs = -1;
    else if (change == "password_reset")
        it->passwordDigest = payload.string("passwordDigest").toByteArray();
}

// The events of no case that the projection folds: the accounts, the reason codes and the review policy.
void CaseProjection::applyCaseless(const RawEvent& e)
{
    if (is(e.stored.kind, EventKind::accountCreated) || is(e.stored.kind, EventKind::accountChanged)
        || is(e.stored.kind, EventKind::accountLocked)) {
        applyAccount(e);
    } else if (is(e.stored.kind, EventKind::reviewReasonChanged)) {
        const PayloadReader payload(e.stored.payload);
        reasons.insert(QString::fromUtf8(payload.string("code")),
            ExpectedReason {
                QString::fromUtf8(payload.string("label")), payload.boolean("active").value_or(true), e.seq });
    } else if (is(e.stored.kind, EventKind::reviewPolicyChanged)) {
        const QJsonObject payload = e.payloadObject(); // rare: read as the application reads it
        reviewPolicy.fourEyes = payload.value(QStringLiteral("fourEyes")).toBool(true);
        reviewPolicy.slaHours = payload.value(QStringLiteral("slaHours")).toInteger(24);
        reviewPolicy.seq = e.seq;
    }
}

void CaseProjection::apply(const RawEvent& e)
{
    if (is(e.stored.kind, EventKind::retentionPurge)) {
        applyPurge(e);
        return;
    }
    if (e.stored.caseId.isEmpty()) {
        applyCaseless(e);
        return;
    }
    if (is(e.stored.kind, EventKind::caseCreated)) {
        if (cases.contains(e.stored.caseId))
            return; // never written by the app; the first one stands
        PayloadReader payload(e.stored.payload);
        ExpectedCase& c = cases[m_text.keep(e.stored.caseId)]; // made in place
        c.createdSeq = e.seq;
        c.createdMs = e.tsMs;
        c.updatedSeq = e.seq;
        c.updatedMs = c.createdMs;
        c.actor = intern(e.stored.actor);
        c.workstation = intern(e.stored.workstation);
        c.merchantBizId = m_text.keep(payload.string("merchantBizId"));
        c.sceneCode = intern(payload.string("sceneCode"));
        c.training = payload.boolean("training").value_or(false);
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
