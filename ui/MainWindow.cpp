#include "MainWindow.h"
#include "ui_MainWindow.h"

#include "CaseForm.h"
#include "ResultPanel.h"
#include "api/Credentials.h"
#include "cases/VerificationService.h"
#include "sandbox/SandboxServer.h"

#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

MainWindow::MainWindow(VerificationService& service, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_service(service)
    , m_form(nullptr)
    , m_result(nullptr)
    , m_endpointLabel(new QLabel(this))
    , m_credentialsLabel(new QLabel(this))
{
    m_ui->setupUi(this);

    m_form = new CaseForm(service, m_ui->caseGroupBox);
    m_form->setObjectName(QStringLiteral("caseForm"));
    m_ui->caseLayout->addWidget(m_form);
    m_result = new ResultPanel(m_ui->resultGroupBox);
    m_result->setObjectName(QStringLiteral("resultPanel"));
    m_ui->resultLayout->addWidget(m_result);

    const bool training = service.isTraining();
    setWindowTitle(training ? tr("eKYC Desk — Training") : tr("eKYC Desk"));
    m_ui->trainingBannerLabel->setVisible(training);
    m_ui->trainingBannerLabel->setStyleSheet(QStringLiteral(
        "#trainingBannerLabel { background: #ffd54f; color: #3b2f00; font-weight: bold; border-radius: 4px; }"));

    m_endpointLabel->setObjectName(QStringLiteral("endpointStatusLabel"));
    m_credentialsLabel->setObjectName(QStringLiteral("credentialsStatusLabel"));
    QUrl endpoint = service.options().client.endpoint;
    if (training && service.sandbox())
        endpoint = service.sandbox()->url();
    else if (service.client())
        endpoint = service.client()->config().endpoint;
    m_endpointLabel->setText(training ? tr("Training sandbox at %1").arg(endpoint.toString())
                                      : tr("Live endpoint %1").arg(endpoint.toString()));
    m_credentialsLabel->setText(
        training ? Credentials::training().describe() : service.options().credentials.describe());
    m_endpointLabel->setContentsMargins(6, 0, 6, 0);
    m_credentialsLabel->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(m_endpointLabel);
    statusBar()->addPermanentWidget(m_credentialsLabel);

    connect(m_ui->newCaseAction, &QAction::triggered, this, &MainWindow::newCase);
    connect(m_ui->verifyAction, &QAction::triggered, m_form, &CaseForm::submit);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    connect(m_form, &CaseForm::verifyRequested, this, &MainWindow::submitCase);
    connect(m_form, &CaseForm::cancelRequested, this, &MainWindow::cancelCase);
    connect(&service, &VerificationService::submitted, this, &MainWindow::handleSubmitted);
    connect(&service, &VerificationService::attemptStarted, this, &MainWindow::handleAttempt);
    connect(&service, &VerificationService::finished, this, &MainWindow::handleFinished);

    resize(900, 640);
    m_form->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    disconnect(&m_service, nullptr, this, nullptr);
    if (m_currentCall != 0)
        m_service.cancel(m_currentCall);
}

void MainWindow::newCase()
{
    if (m_currentCall != 0)
        return;
    m_form->clear();
    m_result->clear();
    statusBar()->clearMessage();
}

void MainWindow::submitCase(const CaseInput& input, bool warningsAcknowledged)
{
    if (m_currentCall != 0)
        return;
    m_submitting = true;
    m_finishedDuringSubmit = false;
    m_lastAttempt = 0;
    m_form->setBusy(true);
    const quint64 callId = m_service.submit(input, warningsAcknowledged);
    m_submitting = false;
    if (callId == 0) {
        // The core refused the case: its pre-check disagrees with what the form showed, so show it again.
        m_form->setBusy(false);
        m_form->revealIssues();
        const QString error = m_service.errorString();
        statusBar()->showMessage(
            error.isEmpty() ? tr("Not sent: the case did not pass the local check.") : tr("Not sent: %1").arg(error));
        return;
    }
    if (m_currentCall == 0 && !m_finishedDuringSubmit)
        m_currentCall = callId;
}

void MainWindow::cancelCase()
{
    if (m_currentCall != 0)
        m_service.cancel(m_currentCall);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
        tr("About eKYC Desk"),
        tr("<p><b>eKYC Desk</b></p><p>Checks a mainland Chinese resident ID card (name, number and "
           "validity dates) with Alibaba Cloud ID Verification (Id2MetaPeriodVerifyIntl).</p>"));
}

void MainWindow::handleSubmitted(quint64 callId, const QString& merchantBizId)
{
    // submit() may announce the call before it returns its id.
    if (m_submitting && m_currentCall == 0)
        m_currentCall = callId;
    if (callId != m_currentCall)
        return;
    m_result->showPending(merchantBizId);
    if (m_lastAttempt > 0)
        m_result->showAttempt(m_lastAttempt); // the first attempt may start before submit() returns
    statusBar()->showMessage(tr("Sent case %1").arg(merchantBizId));
}

void MainWindow::handleAttempt(quint64 callId, int attempt)
{
    if (m_submitting && m_currentCall == 0)
        m_currentCall = callId;
    if (callId != m_currentCall)
        return;
    m_lastAttempt = attempt;
    m_result->showAttempt(attempt);
}

void MainWindow::handleFinished(quint64 callId, const VerificationResult& result)
{
    if (m_submitting && m_currentCall == 0)
        m_currentCall = callId;
    if (callId != m_currentCall)
        return;
    m_finishedDuringSubmit = m_submitting;
    m_currentCall = 0;
    m_form->setBusy(false);
    m_result->showResult(result);
    statusBar()->clearMessage();
}
