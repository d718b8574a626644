// MainWindow: who sits at the desk. The signed-in person in the status bar, File → Accounts… and Lock, and the idle
// lock that hides the desk and asks for the password again.
#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AccountsDialog.h"
#include "CaseForm.h"
#include "IdleWatcher.h"
#include "RevealDialog.h"
#include "SignInDialog.h"
#include "base/Access.h"
#include "base/Clock.h"
#include "history/AuditStore.h"
#include "session/HistoryWriter.h"
#include "session/VerificationService.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

#include <utility>

// The texts made in code for people and sign-in, again after a language change.
void MainWindow::retranslatePeople()
{
    const Actor& actor = m_service.actor();
    if (m_actorLabel) {
        m_actorLabel->setText(actor.isValid() && !m_historyPending
                ? tr("Signed in: %1 (%2)").arg(actor.name, Role::displayName(actor.role))
                : QString());
    }
    if (auto* accounts = findChild<QAction*>(QStringLiteral("accountsAction")))
        accounts->setText(tr("&Accounts…"));
    if (auto* lock = findChild<QAction*>(QStringLiteral("lockAction")))
        lock->setText(tr("&Lock the desk"));
}

void MainWindow::setUpPeople()
{
    m_actorLabel = new QLabel(this);
    m_actorLabel->setObjectName(QStringLiteral("actorStatusLabel"));
    m_actorLabel->setContentsMargins(6, 0, 6, 0);
    statusBar()->insertPermanentWidget(0, m_actorLabel);

    auto* accounts = new QAction(this);
    accounts->setObjectName(QStringLiteral("accountsAction"));
    accounts->setEnabled(m_service.writer() != nullptr);
    auto* lock = new QAction(this);
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lock->setEnabled(false); // with the idle lock: only a signed-in person can unlock
    m_ui->fileMenu->insertAction(m_ui->settingsAction, accounts);
    m_ui->fileMenu->insertAction(m_ui->settingsAction, lock);
    connect(accounts, &QAction::triggered, this, &MainWindow::showAccounts);
    connect(lock, &QAction::triggered, this, &MainWindow::lockDesk);
    retranslatePeople();
}

void MainWindow::setIdleLock(int minutes, Clock* clock)
{
    if (!m_idle) {
        m_idle = new IdleWatcher(clock ? *clock : Clock::system(), this);
        connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lockDesk);
    }
    m_idle->setMinutes(minutes);
    if (QAction* lock = findChild<QAction*>(QStringLiteral("lockAction")))
        lock->setEnabled(minutes > 0);
}

void MainWindow::lockDesk()
{
    if (m_locked || !m_idle || m_idle->minutes() <= 0)
        return;
    m_locked = true;
    centralWidget()->hide(); // the open case stays as it is, out of sight
    menuBar()->setEnabled(false);
    hideOtherWindows();
    if (HistoryWriter* writer = m_service.writer()) {
        writer->run<Result<void>>(
            [actor = m_service.actor(), minutes = m_idle->minutes()](AuditStore* store) -> Result<void> {
                return store ? store->lockSession(actor, minutes) : Result<void>();
            },
            this,
            [this](const Result<void>& recorded) {
                if (!recorded)
                    showHistoryError(recorded.message());
            });
    }
    askToUnlock(QString());
}

void MainWindow::hideOtherWindows()
{
    // A case's timeline with its notes, a batch's progress: every window of the desk goes out of sight with it.
    // QWidget::setVisible, not QDialog's: a dialog waiting in exec() keeps waiting, as it was, instead of ending as if
    // cancelled.
    const auto ours = [this](const QWidget* window) {
        for (const QWidget* up = window->parentWidget(); up; up = up->parentWidget()) {
            if (up == this)
                return true;
        }
        return false;
    };
    for (QWidget* window : QApplication::topLevelWidgets()) {
        // Windows and dialogs only: a menu, a completer or a tooltip open at that moment closes by itself.
        const Qt::WindowType type = window->windowType();
        if (type != Qt::Window && type != Qt::Dialog && type != Qt::Tool)
            continue;
        if (window != this && window->isVisible() && ours(window)) {
            // A revealed name and ID number is closed, not kept hidden (the dialog deletes its plaintext): asked for
            // again, with a reason and its record, after the unlock.
            if (qobject_cast<RevealDialog*>(window)) {
                window->close();
                continue;
            }
            window->QWidget::setVisible(false);
            m_hiddenByLock.append(window);
        }
    }
}

void MainWindow::askToUnlock(const QString& error)
{
    m_unlockDialog = new SignInDialog(SignInDialog::Mode::Unlock, QString(), m_service.actor().name, this);
    m_unlockDialog->setObjectName(QStringLiteral("unlockDialog"));
    m_unlockDialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!error.isEmpty())
        m_unlockDialog->setError(error);
    connect(
        m_unlockDialog, &QDialog::accepted, this, [this, dialog = m_unlockDialog] { unlockWith(dialog->password()); });
    connect(m_unlockDialog, &QDialog::rejected, this, &QWidget::close);
    m_unlockDialog->open();
}

void MainWindow::unlockWith(const QString& password)
{
    HistoryWriter* writer = m_service.writer();
    if (!writer)
        return;
    writer->run<Result<void>>(
        [actor = m_service.actor(), password](AuditStore* store) -> Result<void> {
            if (!store)
                return Failure(ErrorCode::Unavailable, tr("The audit history cannot be reached."));
            return store->unlockSession(actor, password);
        },
        this,
        [this](const Result<void>& unlocked) {
            if (!unlocked) {
                // Asked again, with the history's message (a wrong password; after five, the account is locked).
                askToUnlock(unlocked.message());
                return;
            }
            m_locked = false;
            menuBar()->setEnabled(true);
            centralWidget()->show();
            for (const QPointer<QWidget>& hidden : std::exchange(m_hiddenByLock, {})) {
                if (hidden)
                    hidden->show();
            }
            m_idle->resume();
            m_form->setFocus(Qt::OtherFocusReason);
        });
}

void MainWindow::showAccounts()
{
    HistoryWriter* writer = m_service.writer();
    if (!writer)
        return;
    auto* dialog = new AccountsDialog(*writer, m_service.actor(), this);
    dialog->setObjectName(QStringLiteral("accountsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
