#pragma once

#include "base/Result.h"
#include "history/Review.h"

#include <QCoreApplication>

#include <optional>

// The manual-review state machine, without a database: given the review as it stands, who asks and what, the review
// as it becomes, or why not. Refusals because of who asks are PermissionDenied (the history records them as
// access_refused); refusals because of the state the case is in are Conflict; missing input is InvalidArgument.
class ReviewFlow
{
    Q_DECLARE_TR_FUNCTIONS(ReviewFlow)
public:
    struct Context
    {
        QString actor;
        QString role; // the actor's role, as the history judges it
        QString caseOwner; // who verified the case
        QString caseState; // CaseState of the case
        bool fourEyes = true;
        QDateTime now;
        QString assigneeRole; // reassign: the role of the account it goes to; empty when there is none
    };

    struct Step
    {
        ReviewRow row;
        bool withdrewProposal = false; // the action took back a pending proposal
    };

    static Result<Step> apply(const std::optional<ReviewRow>& current, const ReviewRequest& request, const Context& c);
    // A change to the case under review (a new attempt, a re-verification): the pending proposal goes back to its
    // author. nullopt when nothing is pending.
    static std::optional<ReviewRow> withdrawnByChange(const ReviewRow& current, const QDateTime& now);

private:
    static Result<Step> open(const std::optional<ReviewRow>& current, const Context& c);
    static Result<Step> claim(ReviewRow row, const Context& c);
    static Result<Step> release(ReviewRow row, const Context& c);
    static Result<Step> reassign(ReviewRow row, const ReviewRequest& request, const Context& c);
    static Result<Step> propose(ReviewRow row, const ReviewRequest& request, const Context& c);
    static Result<Step> secondPerson(ReviewRow row, const ReviewRequest& request, const Context& c);
    static Result<Step> withdraw(ReviewRow row, const Context& c);
    static Result<Step> reopen(ReviewRow row, const Context& c);
    static Result<Step> annotate(ReviewRow row, const ReviewRequest& request, const Context& c);
};
