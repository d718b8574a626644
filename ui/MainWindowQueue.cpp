// MainWindow: manual review. The "Review queue" tab, and "Send to manual review" for a recorded case.
#include "LayoutFit.h"
#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "ReviewQueuePanel.h"
#include "SendToReviewDialog.h"
#include "base/Settings.h"
#include "history/AuditStore.h"
#include "session/HistoryWriter.h"
#include "session/ReviewRunner.h"
#include "session/VerificationService.h"

#include <QScrollArea>
#include <QStatusBar>

#include <optional>

void MainWindow::setUpReviewQueue()
{
    m_queuePanel = new ReviewQueuePanel(
        m_service.writer(), [this] { return m_service.actor(); }, m_service.isTraining(), m_ui->queueTab);
    m_queuePanel->setObjectName(QStringLiteral("reviewQueuePanel"));
    m_ui->queueLayout->addWidget(LayoutFit::scrollable(m_queuePanel, m_ui->queueTab));
    connect(m_ui->showQueueAction, &QAction::triggered, this, [this] {
        showReviewQueue();
        m_queuePanel->setFocus(Qt::ShortcutFocusReason); // the queue's table, for the arrow keys
    });
}

void MainWindow::showReviewQueue()
{
    m_ui->mainTabWidget->setCurrentWidget(m_ui->queueTab);
    m_queuePanel->reload();
}

void MainWindow::openSendToReview(const QString& caseId)
{
    if (!m_service.writer() || caseId.isEmpty())
        return;
    auto* dialog = new SendToReviewDialog(caseId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { sendToReview(dialog->requests()); });
    dialog->open();
}

void MainWindow::sendToReview(const QList<ReviewRequest>& requests)
{
    HistoryWriter* writer = m_service.writer();
    if (!writer || requests.isEmpty())
        return;
    const QString caseId = requests.first().caseId;
    // Sent as the person signed in (a reviewer sends their own cases), never as the training desk's second trainee.
    ReviewRunner::run(*writer, m_service.actor(), requests, this, [this, caseId](const Result<ReviewRow>& row) {
        const QString text =
            row ? tr("Sent to manual review.") : tr("Not sent to manual review: %1").arg(row.message());
        statusBar()->showMessage(text);
        m_queuePanel->showMessage(text, !row);
        m_ui->mainTabWidget->setCurrentWidget(m_ui->queueTab);
        m_queuePanel->showCase(caseId);
    });
}

// ---- The team's settings, kept in the history: four-eyes review and the checkpoint interval ----
// The Settings dialog shows the history's values and changes them there (a supervisor only); the core enforces the
// history's values, whatever a workstation's settings file says.

void MainWindow::syncTeamSettings(const std::function<void()>& then)
{
    HistoryWriter* writer = m_service.writer();
    if (!writer || !m_settings)
        return;
    struct Team // each value read on its own: one that cannot be read leaves the other's sync alone
    {
        std::optional<bool> fourEyes;
        std::optional<qint64> checkpointInterval;
    };
    writer->run<Team>(
        [](AuditStore* store) -> Team {
            Team team;
            if (!store)
                return team;
            if (const Result<ReviewPolicy> policy = store->reviewPolicy())
                team.fourEyes = policy->fourEyes;
            if (const Result<qint64> interval = store->checkpointInterval())
                team.checkpointInterval = *interval;
            return team;
        },
        this,
        [this, then](const Team& team) {
            if (!m_settings)
                return;
            // Not announced: nothing to apply.
            if (team.fourEyes && m_settings->value(Settings::fourEyes) != *team.fourEyes)
                m_settings->setValue(Settings::fourEyes, *team.fourEyes);
            if (team.checkpointInterval && m_settings->value(Settings::checkpointInterval) != *team.checkpointInterval)
                m_settings->setValue(Settings::checkpointInterval, int(*team.checkpointInterval));
            if (then)
                then();
        });
}

void MainWindow::applyCheckpointIntervalSetting(int interval)
{
    HistoryWriter* writer = m_service.writer();
    if (!writer)
        return;
    writer->run<Result<void>>(
        [writer, actor = m_service.actor(), interval](AuditStore* store) -> Result<void> {
            if (!store)
                return Failure(ErrorCode::Unavailable, writer->openError());
            return store->setCheckpointInterval(actor, interval);
        },
        this,
        [this](const Result<void>& done) {
            if (done)
                return;
            statusBar()->showMessage(
                tr("The checkpoint interval is the team's setting, kept in the history; not changed: %1")
                    .arg(done.message()));
            syncTeamSettings(); // back to the value in force
        });
}

void MainWindow::applyFourEyesSetting(bool fourEyes)
{
    HistoryWriter* writer = m_service.writer();
    if (!writer)
        return;
    writer->run<Result<void>>(
        [writer, actor = m_service.actor(), fourEyes](AuditStore* store) -> Result<void> {
            if (!store)
                return Failure(ErrorCode::Unavailable, writer->openError());
            Result<ReviewPolicy> policy = store->reviewPolicy();
            if (!policy)
                return policy.failure();
            policy->fourEyes = fourEyes;
            return store->setReviewPolicy(actor, *policy);
        },
        this,
        [this](const Result<void>& done) {
            if (!done) {
                statusBar()->showMessage(
                    tr("Four-eyes review is the team's policy, kept in the history; not changed: %1")
                        .arg(done.message()));
                syncTeamSettings(); // back to the policy in force
            }
            if (m_queuePanel)
                m_queuePanel->reload();
        });
}
