// MainWindow: manual review (issue 8). The review dialog and queue come later; for now the request is handed on.
#include "MainWindow.h"

void MainWindow::sendToManualReview(const QString& caseId)
{
    if (caseId.isEmpty())
        return;
    emit manualReviewRequested(caseId);
}
