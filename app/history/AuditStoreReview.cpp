// AuditStore: manual review. Every transition is decided by ReviewFlow, written as a review_action event with the
// reviews row it leads to, in one transaction; notes and file names are sealed beside the chain.
#include "AuditStore.h"

#include "base/Access.h"
#include "base/Clock.h"
#include "domain/FreeTextMasking.h"
#include "history/AccountTable.h"
#include "history/CaseQueries.h"
#include "history/CaseTable.h"
#include "history/EventLog.h"
#include "history/ReviewFlow.h"
#include "history/ReviewTable.h"

#include <QCryptographicHash>

#include <QUuid>
#include <algorithm>

namespace {

constexpr int MaxNoteLength = 4000;

QString newTextId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString digestOf(const QByteArray& sealed)
{
    return QString::fromLatin1(QCryptographicHash::hash(sealed, QCryptographicHash::Sha256).toHex());
}

bool isHex64(const QString& text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

// The event for a transition, before its texts are sealed.
Events::ReviewStep stepEvent(const ReviewRequest& request, const ReviewRow& before, const ReviewFlow::Step& step)
{
    Events::ReviewStep e;
    e.action = request.action;
    e.state = step.row.state;
    const QString& action = request.action;
    if (action == QLatin1String(ReviewAction::propose)) {
        e.decision = request.decision;
        e.reasonCode = request.reasonCode;
    }
    if (action == QLatin1String(ReviewAction::claim) || action == QLatin1String(ReviewAction::reassign))
        e.assignee = step.row.assignee;
    if (action == QLatin1String(ReviewAction::approve) || action == QLatin1String(ReviewAction::decline)
        || action == QLatin1String(ReviewAction::withdraw) || step.withdrewProposal)
        e.proposedBy = before.proposedBy;
    if (step.row.escalated != before.escalated)
        e.escalated = step.row.escalated;
    if (action == QLatin1String(ReviewAction::reference)) {
        e.sha256 = request.sha256;
        if (request.fileSize >= 0)
            e.fileSize = request.fileSize;
    }
    if (step.withdrewProposal && action != QLatin1String(ReviewAction::withdraw))
        e.withdrewProposal = true;
    return e;
}

} // namespace

Result<void> AuditStore::logReviewStep(const Actor& actor,
    const ReviewRow& row,
    bool isNew,
    bool wasOpen,
    Events::ReviewStep step,
    const ReviewRequest& request,
    const QDateTime& at)
{
    const auto seal = [&](const QString& text, std::optional<QString>* id, std::optional<QString>* digest) {
        const QString textId = newTextId();
        Result<QByteArray> sealed = m_vault->sealText(row.caseId, textId, text);
        if (!sealed)
            return Result<void>(sealed.failure());
        *id = textId;
        *digest = digestOf(*sealed);
        return m_reviews->insertText(textId, row.caseId, *sealed);
    };
    const bool opens =
        request.action == QLatin1String(ReviewAction::open) || request.action == QLatin1String(ReviewAction::reopen);
    const bool writesText =
        !request.note.trimmed().isEmpty() || request.action == QLatin1String(ReviewAction::reference);
    // A review already open on a purged case (purged by a version that did not skip open reviews) still takes the
    // notes its steps need, so that it can be decided; nothing else does.
    if (opens || (writesText && !wasOpen)) {
        // The purge erased the case's notes with its name and ID number (it skips a case in an open review): a note
        // written after it would keep what it quotes for good (nothing purges the case again) and could not even be
        // masked, and a review opened again could not be decided (a decision needs a note).
        const Result<CaseTable::Sealed> pii = m_cases->sealed(row.caseId);
        if (!pii && pii.error() != ErrorCode::NotFound)
            return pii.failure();
        if (pii && pii->purged)
            return Failure(ErrorCode::InvalidArgument,
                opens ? tr("The retention purge erased this case's name and ID number: it is not reviewed again.")
                      : tr("The retention purge erased this case's name, ID number and notes: nothing more is "
                           "written about it. Record the step without a note or reference."));
    }
    if (!request.note.trimmed().isEmpty()) {
        if (Result<void> sealed = seal(request.note.trimmed(), &step.noteId, &step.noteDigest); !sealed)
            return sealed;
    }
    if (request.action == QLatin1String(ReviewAction::reference)) {
        if (Result<void> sealed = seal(request.fileName, &step.fileNameId, &step.fileNameDigest); !sealed)
            return sealed;
    }
    if (Result<void> saved = m_reviews->save(row, isNew); !saved)
        return saved;
    if (Result<void> touched = m_cases->touch(row.caseId, at, false); !touched)
        return touched;
    Result<qint64> seq = logEvent(at, actor, row.caseId, QLatin1String(step.kind), Events::toPayload(step));
    return seq ? Result<void>() : seq.failure();
}

Result<ReviewRow> AuditStore::review(const Actor& who, const ReviewRequest& request)
{
    const Result<Actor> authorized = authorize(who, Access::Operation::WorkReviews, request.caseId);
    if (!authorized)
        return authorized.failure();
    const Actor& actor = *authorized;
    if (request.note.size() > MaxNoteLength)
        return Failure(ErrorCode::InvalidArgument, tr("A note holds at most %1 characters.").arg(MaxNoteLength));
    if (request.action == QLatin1String(ReviewAction::reference)
        && (request.fileName.isEmpty() || request.fileName.contains(QLatin1Char('/')) || !isHex64(request.sha256)))
        return Failure(ErrorCode::InvalidArgument,
            tr("A reference is a file name (without its folder) and the file's SHA-256 in lowercase hex."));
    if (request.action == QLatin1String(ReviewAction::propose)) { // escalations too: the code is in the chain
        Result<QList<ReviewReason>> reasons = m_reviews->reasons();
        if (!reasons)
            return reasons.failure();
        const bool known = std::any_of(reasons->cbegin(), reasons->cend(), [&](const ReviewReason& r) {
            return r.active && r.code == request.reasonCode;
        });
        if (!known)
            return Failure(ErrorCode::InvalidArgument,
                tr("\"%1\" is not a reason code in force; choose one of the list.").arg(request.reasonCode));
    }
    ReviewRow result;
    std::optional<Failure> refusal;
    const Result<void> done = write(actor, [&]() -> Result<void> {
        Result<QString> owner = m_cases->ownerOf(request.caseId);
        if (!owner)
            return owner.failure();
        Result<CaseSummary> summary = m_queries->summary(request.caseId);
        if (!summary)
            return summary.failure();
        Result<std::optional<ReviewRow>> current = m_reviews->find(request.caseId);
        if (!current)
            return current.failure();
        Result<ReviewPolicy> policy = m_reviews->policy();
        if (!policy)
            return policy.failure();
        ReviewFlow::Context context { actor.name, actor.role, *owner, summary->state, policy->fourEyes, now(), {} };
        if (request.action == QLatin1String(ReviewAction::reassign)) {
            Result<Account> target = m_accounts->find(request.assignee);
            if (target && !target->disabled && !target->isLocked())
                context.assigneeRole = target->role;
        }
        Result<ReviewFlow::Step> step = ReviewFlow::apply(*current, request, context);
        if (!step) {
            if (step.error() == ErrorCode::PermissionDenied)
                refusal = step.failure(); // recorded after this transaction rolls back
            return step.failure();
        }
        step->row.caseId = request.caseId;
        result = step->row;
        const Events::ReviewStep event = stepEvent(request, current->value_or(ReviewRow()), *step);
        const bool wasOpen = current->has_value() && !ReviewState::isClosed((*current)->state);
        return logReviewStep(actor, step->row, !current->has_value(), wasOpen, event, request, context.now);
    });
    if (refusal)
        return refuse(
            actor, Access::Operation::WorkReviews, request.caseId, QStringLiteral("review_rule"), refusal->message);
    if (!done)
        return done.failure();
    return result;
}

Result<void> AuditStore::withdrawOnChange(
    const Actor& actor, const QString& caseId, const QString& cause, const QDateTime& at)
{
    Result<std::optional<ReviewRow>> current = m_reviews->find(caseId);
    if (!current)
        return current.failure();
    if (!*current)
        return {};
    const std::optional<ReviewRow> withdrawn = ReviewFlow::withdrawnByChange(**current, at);
    if (!withdrawn)
        return {};
    Events::ReviewStep event;
    event.action = QLatin1String(ReviewAction::withdraw);
    event.state = withdrawn->state;
    event.proposedBy = (*current)->proposedBy;
    event.cause = cause;
    if (Result<void> saved = m_reviews->save(*withdrawn, false); !saved)
        return saved;
    Result<qint64> seq = logEvent(at, actor, caseId, QLatin1String(event.kind), Events::toPayload(event));
    return seq ? Result<void>() : seq.failure();
}

bool AuditStore::reachesThroughReview(const QString& reviewer, Access::Operation operation, const QString& caseId)
{
    Result<std::optional<ReviewRow>> row = m_reviews->find(caseId);
    if (!row || !*row)
        return false;
    const ReviewRow& r = **row;
    const bool involved = r.assignee == reviewer || r.openedBy == reviewer || r.proposedBy == reviewer
        || r.decidedBy == reviewer || r.approvedBy == reviewer;
    if (operation == Access::Operation::ReadCases)
        return !ReviewState::isClosed(r.state) || involved; // the queue is the team's; a closed case its people's
    const bool working = operation == Access::Operation::RevealCase || operation == Access::Operation::VerifyCase;
    return working && (*row)->assignee == reviewer && !ReviewState::isClosed((*row)->state);
}

Result<ReviewQueuePage> AuditStore::reviewQueue(const Actor& actor, const ReviewQueueQuery& query)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases);
    if (!allowed)
        return allowed.failure();
    // As reachesThroughReview: the open queue is the team's, a closed review its people's (the role as recorded).
    const QString involving = allowed->role == QLatin1String(Role::reviewer) ? allowed->name : QString();
    for (const QString& state : query.states) {
        if (!ReviewState::all().contains(state))
            return Failure(ErrorCode::InvalidArgument,
                tr("Unknown review state \"%1\" (one of: %2).")
                    .arg(state, ReviewState::all().join(QLatin1String(", "))));
    }
    Result<ReviewPolicy> policy = m_reviews->policy();
    if (!policy)
        return policy.failure();
    return m_reviews->queue(query, now().addSecs(-qint64(policy->slaHours) * 3600), involving);
}

Result<ReviewItem> AuditStore::reviewItem(const Actor& actor, const QString& caseId)
{
    if (Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases, caseId); !allowed)
        return allowed.failure();
    return m_reviews->item(caseId);
}

Result<QList<ReviewText>> AuditStore::reviewTexts(const Actor& actor, const QString& caseId)
{
    if (Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases, caseId); !allowed)
        return allowed.failure();
    Result<QList<QPair<QString, QByteArray>>> sealed = m_reviews->texts(caseId);
    if (!sealed)
        return sealed.failure();
    // A note or file name may quote the person ("called 王小明 about 1101…"): read back, the case's own name and ID
    // number in it are masked as they are everywhere, and only the audited reveal (revealCase) shows them; the rest is
    // as it was typed. A case whose record cannot be read to mask against (missing, or not decrypting: an edit that
    // audit verify reports) shows its notes as withheld, and the rest of its timeline as it is.
    std::optional<RevealedPii> person = RevealedPii();
    if (std::any_of(sealed->cbegin(), sealed->cend(), [](const auto& each) { return !each.second.isEmpty(); })) {
        const Result<CaseTable::Sealed> pii = m_cases->sealed(caseId);
        if (!pii && pii.error() != ErrorCode::NotFound)
            return pii.failure(); // the history cannot be read now: said as it is, not as a missing record
        if (!pii) {
            person.reset();
        } else if (!pii->purged) {
            const Result<RevealedPii> plain = m_vault->open(caseId, pii->nameEnc, pii->idEnc);
            person = plain ? std::optional<RevealedPii>(*plain) : std::nullopt;
        }
    }
    QList<ReviewText> texts;
    for (const auto& [id, blob] : *sealed) {
        if (blob.isEmpty()) {
            texts.append(ReviewText { id, QString() }); // purged
            continue;
        }
        if (!person) {
            texts.append(
                ReviewText { id, tr("(not shown: the case's record, which it is masked against, cannot be read)") });
            continue;
        }
        Result<QString> text = m_vault->openText(caseId, id, blob);
        if (!text)
            return text.failure();
        texts.append(ReviewText { id, FreeTextMasking::maskPerson(*text, person->name, person->idNumber) });
    }
    return texts;
}

Result<QList<ReviewReason>> AuditStore::reviewReasons()
{
    return m_reviews->reasons();
}

Result<void> AuditStore::setReviewReason(const Actor& who, const ReviewReason& reason)
{
    if (!ReviewReason::isValidCode(reason.code))
        return Failure(ErrorCode::InvalidArgument,
            tr("A reason code is 1 to 40 lowercase letters, digits or underscores (not \"%1\").").arg(reason.code));
    if (reason.label.trimmed().isEmpty())
        return Failure(ErrorCode::InvalidArgument, tr("Give the reason code a label people will read."));
    const Result<Actor> authorized = authorize(who, Access::Operation::ChangeSettings);
    if (!authorized)
        return authorized.failure();
    const Events::ReviewReasonChanged event { reason.code, reason.label.trimmed(), reason.active, {} };
    return write(*authorized, [&]() -> Result<void> {
        const QDateTime at = now();
        if (Result<void> saved = m_reviews->saveReason({ event.code, event.label, event.active }, at); !saved)
            return saved;
        Result<qint64> seq = logEvent(at, *authorized, QString(), QLatin1String(event.kind), Events::toPayload(event));
        return seq ? Result<void>() : seq.failure();
    });
}

Result<ReviewPolicy> AuditStore::reviewPolicy()
{
    return m_reviews->policy();
}

Result<void> AuditStore::setReviewPolicy(const Actor& who, const ReviewPolicy& policy)
{
    if (policy.slaHours < 1 || policy.slaHours > 24 * 30)
        return Failure(ErrorCode::InvalidArgument, tr("The review SLA is 1 to 720 hours."));
    const Result<Actor> authorized = authorize(who, Access::Operation::ChangeSettings);
    if (!authorized)
        return authorized.failure();
    Result<ReviewPolicy> current = m_reviews->policy();
    if (!current)
        return current.failure();
    if (current->fourEyes == policy.fourEyes && current->slaHours == policy.slaHours)
        return {};
    const Events::ReviewPolicyChanged event { policy.fourEyes, policy.slaHours, {} };
    return write(*authorized, [&]() -> Result<void> {
        if (Result<void> saved = m_reviews->savePolicy(policy); !saved)
            return saved;
        Result<qint64> seq =
            logEvent(now(), *authorized, QString(), QLatin1String(event.kind), Events::toPayload(event));
        return seq ? Result<void>() : seq.failure();
    });
}
