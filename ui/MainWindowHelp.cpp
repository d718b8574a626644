// MainWindow: the Help menu (user guide, About) and the icons of the menu actions.
#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "AboutDialog.h"
#include "Icons.h"
#include "UserGuideDialog.h"
#include "history/AuditStore.h"
#include "session/VerificationService.h"

void MainWindow::setUpHelp()
{
    connect(m_ui->userGuideAction, &QAction::triggered, this, &MainWindow::showUserGuide);
    // From the icon theme, or drawn in the palette's text colour where the theme has none.
    const std::pair<QAction*, Icons::Action> icons[] = {
        { m_ui->newCaseAction, Icons::Action::NewCase },
        { m_ui->verifyAction, Icons::Action::Verify },
        { m_ui->verifyListAction, Icons::Action::VerifyList },
        { m_ui->settingsAction, Icons::Action::Settings },
        { m_ui->quitAction, Icons::Action::Quit },
        { m_ui->showHistoryAction, Icons::Action::History },
        { m_ui->userGuideAction, Icons::Action::UserGuide },
        { m_ui->aboutAction, Icons::Action::About },
    };
    for (const auto& [action, icon] : icons)
        Icons::bind(action, icon);
    // File → Accounts… and Lock the desk (MainWindowPeople.cpp), where people sign in.
    if (auto* accounts = findChild<QAction*>(QStringLiteral("accountsAction")))
        Icons::bind(accounts, Icons::Action::Accounts);
    if (auto* lock = findChild<QAction*>(QStringLiteral("lockAction")))
        Icons::bind(lock, Icons::Action::Lock);
}

void MainWindow::showAbout()
{
    AboutDialog::Info info;
    info.historyLocation = m_history ? m_history->displayLocation() : QString();
    info.training = m_service.isTraining();
    auto* dialog = new AboutDialog(info, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showUserGuide()
{
    auto* guide = findChild<UserGuideDialog*>();
    if (!guide) {
        guide = new UserGuideDialog(this);
        guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    guide->show();
    guide->raise();
    guide->activateWindow();
}
