// ReviewQueuePanel: the review's actions on the selected case. Each asks what it needs (a note, a decision, files),
// sends it to the history thread as the acting person, shows what happened (or the history's refusal) and reloads.
#include "ReviewQueuePanel.h"
#include "ui_ReviewQueuePanel.h"

#include "CaseTimelineDialog.h"
#include "ReferencePicker.h"
#include "ReviewDecisionDialog.h"
#include "session/FileDigest.h"
#include "session/HistoryThread.h"
#include "session/ReviewQueueModel.h"
#include "session/ReviewRunner.h"

#include <QInputDialog>

ReviewRequest ReviewQueuePanel::request(const char* action) const
{
    ReviewRequest r;
    r.caseId = selectedCaseId();
    r.action = QLatin1String(action);
    return r;
}

void ReviewQueuePanel::act(const QList<ReviewRequest>& requests, const QString& done)
{
    if (!m_thread || requests.isEmpty() || requests.first().caseId.isEmpty())
        return;
    m_keepSelected = requests.first().caseId;
    ReviewRunner::run(*m_thread, actingActor(), requests, this, [this, done](const Result<ReviewRow>& row) {
        showMessage(row ? done : row.message(), !row);
        reload();
        emit actionFinished(row.ok());
    });
}

void ReviewQueuePanel::claimSelected()
{
    act({ request(ReviewAction::claim) }, tr("You claimed the case."));
}

void ReviewQueuePanel::releaseSelected()
{
    act({ request(ReviewAction::release) }, tr("The case is back in the queue."));
}

void ReviewQueuePanel::approveSelected()
{
    act({ request(ReviewAction::approve) }, tr("Decision approved: the review of this case is closed."));
}

void ReviewQueuePanel::withdrawSelected()
{
    act({ request(ReviewAction::withdraw) }, tr("Proposal withdrawn."));
}

void ReviewQueuePanel::declineSelected()
{
    askNote("declineDialog",
        tr("Decline the proposal"),
        tr("Why does the decision go back to its author?"),
        ReviewAction::decline,
        tr("Proposal declined: it went back to its author."));
}

void ReviewQueuePanel::reopenSelected()
{
    askNote("reopenDialog",
        tr("Reopen the review"),
        tr("Why is the decided case reopened?"),
        ReviewAction::reopen,
        tr("The review is open again."));
}

void ReviewQueuePanel::addNoteToSelected()
{
    askNote("noteDialog", tr("Add a note"), tr("Note:"), ReviewAction::note, tr("Note added."));
}

void ReviewQueuePanel::askNote(
    const char* name, const QString& title, const QString& label, const char* action, const QString& done)
{
    const ReviewRequest base = request(action);
    if (base.caseId.isEmpty())
        return;
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QLatin1String(name));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setOption(QInputDialog::UsePlainTextEditForTextInput);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, base, done](const QString& text) {
        ReviewRequest r = base;
        r.note = text;
        act({ r }, done);
    });
    dialog->open();
}

void ReviewQueuePanel::reassignSelected()
{
    const ReviewRequest base = request(ReviewAction::reassign);
    if (base.caseId.isEmpty())
        return;
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("reassignDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Reassign the case"));
    dialog->setLabelText(tr("Give the case to the account:"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, base](const QString& text) {
        ReviewRequest r = base;
        r.assignee = text.trimmed();
        act({ r }, tr("The case went to %1.").arg(r.assignee));
    });
    dialog->open();
}

void ReviewQueuePanel::proposeSelected()
{
    const ReviewRequest base = request(ReviewAction::propose);
    if (base.caseId.isEmpty() || !m_model)
        return;
    auto* dialog = new ReviewDecisionDialog(m_model->reasons(), this);
    dialog->setObjectName(QStringLiteral("reviewDecisionDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, base, dialog] {
        ReviewRequest r = base;
        r.decision = dialog->decision();
        r.reasonCode = dialog->reasonCode();
        r.note = dialog->note();
        act({ r }, tr("Decision proposed: %1.").arg(ReviewDecision::displayName(r.decision)));
    });
    dialog->open();
}

void ReviewQueuePanel::attachToSelected()
{
    if (selectedCaseId().isEmpty())
        return;
    ReferencePicker::choose(this, [this](const QStringList& paths) { attachFiles(paths); });
}

void ReviewQueuePanel::attachFiles(const QStringList& paths)
{
    const QString caseId = selectedCaseId();
    if (caseId.isEmpty() || paths.isEmpty())
        return;
    ++m_hashing;
    updateButtons();
    showMessage(tr("Computing the SHA-256 of %n file(s)…", nullptr, static_cast<int>(paths.size())));
    FileDigest::computeAsync(paths, this, [this, caseId](const QList<FileDigest>& digests) {
        --m_hashing;
        attachDigests(caseId, digests);
    });
}

void ReviewQueuePanel::attachDigests(const QString& caseId, const QList<FileDigest>& digests)
{
    QList<ReviewRequest> requests;
    for (const FileDigest& digest : digests) {
        if (!digest.isValid()) {
            showMessage(digest.error, true);
            updateButtons();
            return; // nothing recorded: the reviewer picks again
        }
        requests.append(ReferencePicker::referenceRequest(caseId, digest));
    }
    act(requests, tr("%n document reference(s) recorded.", nullptr, static_cast<int>(requests.size())));
}

void ReviewQueuePanel::showTimeline()
{
    const QString caseId = selectedCaseId();
    if (caseId.isEmpty() || !m_thread)
        return;
    auto* dialog = new CaseTimelineDialog(*m_thread, actingActor(), caseId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}
