// MainWindow: File → Verify a list….
#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "BatchDialog.h"
#include "HistoryPanel.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

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

void MainWindow::closeEvent(QCloseEvent* event)
{
    auto* batch = findChild<BatchDialog*>();
    if (!batch || !batch->isRunning()) {
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    const auto* asking = findChild<QMessageBox*>(QStringLiteral("quitBatchMessageBox"));
    if (m_closeWhenBatchEnds || (asking && asking->isVisible()))
        return; // stopping already, or asking already
    auto* box = new QMessageBox(QMessageBox::Question,
        tr("Stop the list being verified?"),
        tr("A list is being verified. Stop it and quit?\nThe rows not yet sent are not sent: verify the list again "
           "later to send them. The rows on their way are answered and recorded first, and the results are written."),
        QMessageBox::Yes | QMessageBox::Cancel,
        this);
    box->setObjectName(QStringLiteral("quitBatchMessageBox"));
    box->button(QMessageBox::Yes)->setText(tr("Stop and quit"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // finished, not buttonClicked: the box closed from its title bar (or Escape) is a Cancel too.
    connect(box, &QDialog::finished, this, [this, box, batch = QPointer<BatchDialog>(batch)] {
        if (box->standardButton(box->clickedButton()) != QMessageBox::Yes) {
            if (m_locked) // Quit on the lock, then not: the lock asks again
                askToUnlock(QString());
            return;
        }
        if (!batch || !batch->isRunning()) {
            close();
            return;
        }
        m_closeWhenBatchEnds = true;
        statusBar()->showMessage(
            tr("Stopping the list: the desk closes once the calls on their way are answered and recorded."));
        connect(batch, &BatchDialog::finishedBatch, this, &QWidget::close, Qt::QueuedConnection);
        batch->cancelBatch();
    });
    box->open();
}
