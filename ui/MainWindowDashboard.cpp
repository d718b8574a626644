// MainWindow: the "Dashboard" tab.
#include "LayoutFit.h"
#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "DashboardPanel.h"
#include <QScrollArea>

#include "session/VerificationService.h"

void MainWindow::setUpDashboard()
{
    m_dashboardPanel = new DashboardPanel(
        m_history, [this] { return m_service.actor(); }, m_service.isTraining(), m_ui->dashboardTab);
    m_dashboardPanel->setObjectName(QStringLiteral("dashboardPanel"));
    m_ui->dashboardTabLayout->addWidget(LayoutFit::scrollable(m_dashboardPanel, m_ui->dashboardTab));
    connect(m_ui->showDashboardAction, &QAction::triggered, this, [this] {
        m_ui->mainTabWidget->setCurrentWidget(m_ui->dashboardTab);
    });
}
