// MainWindow: manual review. The "Review queue" tab, and "Send to manual review" for a recorded case.
#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "ReviewQueuePanel.h"
#include "SendToReviewDialog.h"
#include "session/HistoryWriter.h"
#include "session/ReviewRunner.h"
#include "session/VerificationService.h"

#include <QStatusBar>

void MainWindow::setUpReviewQueue()
{
    m_queuePanel = new ReviewQueuePanel(
        m_service.writer(), [this] { return m_service.actor(); }, m_service.isTraining(), m_ui->queueTab);
    m_queuePanel->setObjectName(QStringLiteral("reviewQueuePanel"));
    m_ui->queueLayout->addWidget(m_queuePanel);
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
