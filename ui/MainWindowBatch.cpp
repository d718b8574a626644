// MainWindow: File → Verify a list….
#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "BatchDialog.h"
#include "HistoryPanel.h"

void MainWindow::showBatch()
{
    if (!m_history)
        return;
    if (auto* open = findChild<BatchDialog*>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto* dialog = new BatchDialog(m_service, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Cases sent by the batch appear in the History tab once it is done.
    connect(dialog, &BatchDialog::finishedBatch, m_historyPanel, [this] { m_historyPanel->reload(); });
    dialog->show();
}
