// MainWindow: manual review from the result panel. "Send to manual review…" opens the dialog that puts the recorded
// case in the review queue (MainWindowQueue.cpp).
#include "MainWindow.h"

void MainWindow::sendToManualReview(const QString& caseId)
{
    if (caseId.isEmpty())
        return;
    emit manualReviewRequested(caseId);
    openSendToReview(caseId);
}
