#include "ReviewFlow.h"

#include "base/Access.h"
#include "history/AuditEvent.h"

namespace {

bool isSupervisor(const ReviewFlow::Context& c)
{
    return c.role == QLatin1String(Role::supervisor);
}

Failure denied(const QString& message)
{
    return Failure(ErrorCode::PermissionDenied, message);
}

Failure conflict(const QString& message)
{
    return Failure(ErrorCode::Conflict, message);
}

bool isClaimable(const QString& state)
{
    return state == QLatin1String(ReviewState::open) || state == QLatin1String(ReviewState::reopened)
        || state == QLatin1String(ReviewState::escalated);
}

bool needsNote(const QString& action)
{
    return action == QLatin1String(ReviewAction::propose) || action == QLatin1String(ReviewAction::decline)
        || action == QLatin1String(ReviewAction::reopen) || action == QLatin1String(ReviewAction::note);
}

void clearProposal(ReviewRow& row)
{
    row.proposedBy.clear();
    row.proposedDecision.clear();
    row.proposedReason.clear();
}

} // namespace

Result<ReviewFlow::Step> ReviewFlow::apply(
    const std::optional<ReviewRow>& current, const ReviewRequest& request, const Context& c)
{
    const QString& action = request.action;
    if (!ReviewAction::all().contains(action))
        return Failure(ErrorCode::InvalidArgument, tr("Unknown review action \"%1\".").arg(action));
    if (c.role != QLatin1String(Role::supervisor) && c.role != QLatin1String(Role::reviewer))
        return denied(Access::refusal(c.role, Access::Operation::DecideReview, false));
    if (needsNote(action) && request.note.trimmed().isEmpty())
        return Failure(ErrorCode::InvalidArgument,
            tr("Write a note: %1 needs one, kept beside the reason code.").arg(ReviewAction::displayName(action)));
    if (action == QLatin1String(ReviewAction::open))
        return open(current, c);
    if (!current)
        return conflict(tr("The case is not in the review queue; send it to manual review first."));
    ReviewRow row = *current;
    if (ReviewState::isClosed(row.state) && action != QLatin1String(ReviewAction::reopen))
        return conflict(tr("The review of this case is closed (%1); a supervisor may reopen it.")
                            .arg(ReviewState::displayName(row.state)));
    row.updatedAt = c.now;
    if (action == QLatin1String(ReviewAction::claim))
        return claim(row, c);
    if (action == QLatin1String(ReviewAction::release))
        return release(row, c);
    if (action == QLatin1String(ReviewAction::reassign))
        return reassign(row, request, c);
    if (action == QLatin1String(ReviewAction::propose))
        return propose(row, request, c);
    if (action == QLatin1String(ReviewAction::approve) || action == QLatin1String(ReviewAction::decline))
        return secondPerson(row, request, c);
    if (action == QLatin1String(ReviewAction::withdraw))
        return withdraw(row, c);
    if (action == QLatin1String(ReviewAction::reopen))
        return reopen(row, c);
    return annotate(row, request, c);
}

Result<ReviewFlow::Step> ReviewFlow::open(const std::optional<ReviewRow>& current, const Context& c)
{
    if (current) {
        if (ReviewState::isClosed(current->state))
            return conflict(tr("The review of this case is closed (%1); a supervisor may reopen it.")
                                .arg(ReviewState::displayName(current->state)));
        return conflict(
            tr("The case is already in the review queue (%1).").arg(ReviewState::displayName(current->state)));
    }
    if (!isSupervisor(c) && c.caseOwner != c.actor)
        return denied(tr("A reviewer sends only their own cases to manual review."));
    if (c.caseState == QLatin1String(CaseState::pending))
        return conflict(tr("The case has no answer yet; wait for it before sending it to manual review."));
    ReviewRow row;
    row.state = QLatin1String(ReviewState::open);
    row.openedBy = c.actor;
    row.openedAt = c.now;
    row.updatedAt = c.now;
    return Step { row, false };
}

Result<ReviewFlow::Step> ReviewFlow::claim(ReviewRow row, const Context& c)
{
    if (!isClaimable(row.state)) {
        if (!row.assignee.isEmpty())
            return conflict(tr("%1 has already claimed this case.").arg(row.assignee));
        return conflict(tr("The case cannot be claimed while it is %1.").arg(ReviewState::displayName(row.state)));
    }
    if (row.escalated && !isSupervisor(c))
        return denied(tr("This case was escalated; only a supervisor may take it."));
    row.state = QLatin1String(ReviewState::inReview);
    row.assignee = c.actor;
    return Step { row, false };
}

Result<ReviewFlow::Step> ReviewFlow::release(ReviewRow row, const Context& c)
{
    if (row.state == QLatin1String(ReviewState::proposed))
        return conflict(tr("A decision is waiting for approval; withdraw it before releasing the case."));
    if (row.state != QLatin1String(ReviewState::inReview))
        return conflict(tr("Nobody has claimed this case."));
    if (row.assignee != c.actor && !isSupervisor(c))
        return denied(tr("Only %1 or a supervisor may release this case.").arg(row.assignee));
    if (row.escalated && !isSupervisor(c))
        return denied(tr("This case was escalated; only a supervisor may take it."));
    row.state = QLatin1String(row.escalated ? ReviewState::escalated : ReviewState::open);
    row.assignee.clear();
    return Step { row, false };
}

Result<ReviewFlow::Step> ReviewFlow::reassign(ReviewRow row, const ReviewRequest& request, const Context& c)
{
    if (!isSupervisor(c))
        return denied(tr("Only a supervisor may reassign a case."));
    if (row.state == QLatin1String(ReviewState::proposed))
        return conflict(tr("A decision is waiting for approval; withdraw it before reassigning the case."));
    const bool reviewer = c.assigneeRole == QLatin1String(Role::reviewer);
    const bool supervisor = c.assigneeRole == QLatin1String(Role::supervisor);
    if (request.assignee.isEmpty() || !(reviewer || supervisor))
        return Failure(ErrorCode::InvalidArgument,
            tr("Reassign to an active reviewer or supervisor account (not \"%1\").").arg(request.assignee));
    if (row.escalated && !supervisor)
        return Failure(ErrorCode::InvalidArgument, tr("An escalated case goes to a supervisor."));
    row.state = QLatin1String(ReviewState::inReview);
    row.assignee = request.assignee;
    return Step { row, false };
}

Result<ReviewFlow::Step> ReviewFlow::propose(ReviewRow row, const ReviewRequest& request, const Context& c)
{
    if (row.state == QLatin1String(ReviewState::proposed))
        return conflict(tr("A decision is already waiting for approval."));
    if (row.state != QLatin1String(ReviewState::inReview))
        return conflict(tr("Claim the case before deciding it."));
    if (row.assignee != c.actor)
        return denied(tr("%1 has claimed this case; only they may propose a decision.").arg(row.assignee));
    if (row.escalated && !isSupervisor(c))
        return denied(tr("This case was escalated; only a supervisor may approve its decision."));
    if (!ReviewDecision::all().contains(request.decision))
        return Failure(ErrorCode::InvalidArgument, tr("The decision must be approve, reject or escalate."));
    if (request.decision == QLatin1String(ReviewDecision::escalate)) {
        if (row.escalated)
            return conflict(tr("The case is already escalated to the supervisors."));
        row.state = QLatin1String(ReviewState::escalated);
        row.escalated = true;
        row.assignee.clear();
        return Step { row, false };
    }
    if (c.fourEyes) {
        row.state = QLatin1String(ReviewState::proposed);
        row.proposedBy = c.actor;
        row.proposedDecision = request.decision;
        row.proposedReason = request.reasonCode;
        return Step { row, false };
    }
    const bool approve = request.decision == QLatin1String(ReviewDecision::approve);
    row.state = QLatin1String(approve ? ReviewState::approved : ReviewState::rejected);
    row.decision = request.decision;
    row.decisionReason = request.reasonCode;
    row.decidedBy = c.actor;
    row.approvedBy.clear();
    row.decidedAt = c.now;
    return Step { row, false };
}

Result<ReviewFlow::Step> ReviewFlow::secondPerson(ReviewRow row, const ReviewRequest& request, const Context& c)
{
    if (row.state != QLatin1String(ReviewState::proposed))
        return conflict(tr("No decision is waiting for approval on this case."));
    if (row.proposedBy == c.actor)
        return denied(tr("You proposed this decision; a second person must approve it (four-eyes)."));
    if (row.escalated && !isSupervisor(c))
        return denied(tr("This case was escalated; only a supervisor may approve its decision."));
    if (request.action == QLatin1String(ReviewAction::decline)) {
        row.state = QLatin1String(ReviewState::inReview);
        clearProposal(row);
        return Step { row, true };
    }
    const bool approve = row.proposedDecision == QLatin1String(ReviewDecision::approve);
    row.state = QLatin1String(approve ? ReviewState::approved : ReviewState::rejected);
    row.decision = row.proposedDecision;
    row.decisionReason = row.proposedReason;
    row.decidedBy = row.proposedBy;
    row.approvedBy = c.actor;
    row.decidedAt = c.now;
    clearProposal(row);
    return Step { row, false };
}

Result<ReviewFlow::Step> ReviewFlow::withdraw(ReviewRow row, const Context& c)
{
    if (row.state != QLatin1String(ReviewState::proposed))
        return conflict(tr("No decision is waiting for approval on this case."));
    if (row.proposedBy != c.actor && !isSupervisor(c))
        return denied(tr("Only %1 or a supervisor may withdraw this proposal.").arg(row.proposedBy));
    row.state = QLatin1String(ReviewState::inReview);
    clearProposal(row);
    return Step { row, true };
}

Result<ReviewFlow::Step> ReviewFlow::reopen(ReviewRow row, const Context& c)
{
    if (!isSupervisor(c))
        return denied(tr("Only a supervisor may reopen a decided case."));
    if (!ReviewState::isClosed(row.state))
        return conflict(tr("The case is still open in the review queue."));
    row.state = QLatin1String(ReviewState::reopened);
    row.assignee.clear(); // an escalated case stays the supervisors'
    row.openedAt = c.now;
    row.decision.clear();
    row.decisionReason.clear();
    row.decidedBy.clear();
    row.approvedBy.clear();
    row.decidedAt = QDateTime();
    return Step { row, false };
}

Result<ReviewFlow::Step> ReviewFlow::annotate(ReviewRow row, const ReviewRequest& request, const Context& c)
{
    const bool involved = isSupervisor(c) || c.actor == row.assignee || c.actor == c.caseOwner
        || c.actor == row.proposedBy || c.actor == row.openedBy;
    if (!involved)
        return denied(tr("Only the people working on this case add notes and references to it."));
    if (request.action == QLatin1String(ReviewAction::note))
        return Step { row, false };
    if (request.fileName.isEmpty() || request.sha256.size() != 64)
        return Failure(ErrorCode::InvalidArgument, tr("A reference needs the file name and its SHA-256."));
    const bool pending = row.state == QLatin1String(ReviewState::proposed);
    if (pending) {
        row.state = QLatin1String(ReviewState::inReview);
        clearProposal(row);
    }
    return Step { row, pending };
}

std::optional<ReviewRow> ReviewFlow::withdrawnByChange(const ReviewRow& current, const QDateTime& now)
{
    if (current.state != QLatin1String(ReviewState::proposed))
        return std::nullopt;
    ReviewRow row = current;
    row.state = QLatin1String(ReviewState::inReview);
    clearProposal(row);
    row.updatedAt = now;
    return row;
}
