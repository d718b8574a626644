#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Manual review: the states a case goes through once it is sent to the review queue, and what the queue shows.
//
//   open ─claim─► in_review ─propose (four-eyes)─► proposed ─approve─► approved | rejected ─reopen─► reopened ─claim─►
//   …
//                    │  └─propose (no four-eyes)──────────────────────► approved | rejected
//                    └─propose escalate─► escalated ─claim (supervisor)─► in_review (escalated) ─► …
//
// ReviewFlow decides each transition; the history keeps one row per reviewed case (ReviewTable) and one review_action
// event per transition in the chain.
namespace ReviewState {
inline constexpr char open[] = "open"; // waiting for someone to claim it
inline constexpr char inReview[] = "in_review"; // claimed by its assignee
inline constexpr char proposed[] = "proposed"; // a decision waits for a second person (four-eyes)
inline constexpr char escalated[] = "escalated"; // waiting for a supervisor to claim it
inline constexpr char approved[] = "approved"; // closed
inline constexpr char rejected[] = "rejected"; // closed
inline constexpr char reopened[] = "reopened"; // a supervisor reopened a closed case; claimable like open
QStringList all();
// The states of a case still in the queue (all but approved and rejected).
QStringList active();
bool isClosed(const QString& state);
QString displayName(const QString& state);
} // namespace ReviewState

namespace ReviewAction {
inline constexpr char open[] = "open"; // send the case to manual review
inline constexpr char claim[] = "claim";
inline constexpr char release[] = "release";
inline constexpr char reassign[] = "reassign"; // a supervisor gives the case to someone
inline constexpr char propose[] = "propose"; // approve, reject or escalate
inline constexpr char approve[] = "approve"; // the second person confirms the pending proposal
inline constexpr char decline[] = "decline"; // the second person returns the proposal to its author
inline constexpr char withdraw[] = "withdraw"; // the proposal is taken back (by its author, or by a change to the case)
inline constexpr char reopen[] = "reopen";
inline constexpr char note[] = "note";
inline constexpr char reference[] = "reference"; // a document seen: its file name and SHA-256 (not the file)
QStringList all();
QString displayName(const QString& action);
} // namespace ReviewAction

namespace ReviewDecision {
inline constexpr char approve[] = "approve";
inline constexpr char reject[] = "reject";
inline constexpr char escalate[] = "escalate";
QStringList all();
QString displayName(const QString& decision);
} // namespace ReviewDecision

// One reviewed case as the reviews table keeps it.
struct ReviewRow
{
    QString caseId;
    QString state; // ReviewState
    QString assignee; // empty: nobody has claimed it
    bool escalated = false; // only supervisors claim, decide and approve it
    QString openedBy;
    QDateTime openedAt; // sent to review, or reopened: the age counts from here
    QDateTime updatedAt;
    QString proposedBy; // the pending proposal (state proposed)
    QString proposedDecision;
    QString proposedReason;
    QString decision; // the final decision (state approved or rejected): ReviewDecision approve | reject
    QString decisionReason;
    QString decidedBy; // who proposed it (or decided it alone without four-eyes)
    QString approvedBy; // the second person; empty without four-eyes
    QDateTime decidedAt;
};

// A row of the review queue: the review plus the case it is about, masked.
struct ReviewItem
{
    Q_DECLARE_TR_FUNCTIONS(ReviewItem)
public:
    ReviewRow review;
    QString caseOwner; // who verified the case
    QString subCode;
    QString nameMasked;
    QString idMasked;
    QString sceneCode;
    QString merchantBizId;
    bool training = false;

    // Hours since openedAt; overdue beyond slaHours (and not closed).
    qint64 ageMinutes(const QDateTime& now) const;
    bool overdue(const QDateTime& now, int slaHours) const;
    // "3 h 20 min", "2 d 4 h", translated.
    static QString displayAge(qint64 minutes);
    QJsonObject toJson(const QDateTime& now, int slaHours) const;
};

struct ReviewQueueQuery
{
    QStringList states; // empty: ReviewState::active()
    QString assignee; // empty: anyone; "-": nobody
    QString subCode;
    int limit = 200;
};

struct ReviewQueuePage
{
    QList<ReviewItem> rows; // oldest first
    int total = 0; // rows matching the query
    int overdue = 0; // of those, past the SLA
};

// The review rules a team agrees on, kept in the history (one policy for everyone who shares it).
struct ReviewPolicy
{
    bool fourEyes = true;
    int slaHours = 24;
};

// A reason code a decision is given with; a supervisor maintains the list.
struct ReviewReason
{
    Q_DECLARE_TR_FUNCTIONS(ReviewReason)
public:
    QString code; // [a-z0-9_], stable, recorded in the chain
    QString label; // as the supervisor wrote it; the built-in codes show a translated label instead
    bool active = true;

    QString displayLabel() const;
    static bool isValidCode(const QString& code);
    // The codes a new history starts with.
    static QList<ReviewReason> defaults();
};

// What a person asks of the queue.
struct ReviewRequest
{
    QString caseId;
    QString action; // ReviewAction
    QString decision; // propose: ReviewDecision
    QString reasonCode; // propose: an active ReviewReason code
    QString note; // required for propose, decline, reopen and note; optional otherwise
    QString assignee; // reassign
    QString fileName; // reference: the file's name (no path)
    QString sha256; // reference: lowercase hex
    qint64 fileSize = -1; // reference
};

// A note or a reference as the timeline shows it: decrypted for those who may read the case.
struct ReviewText
{
    QString textId;
    QString text;
};
