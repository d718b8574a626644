#include "MainWindow.h"
#include "ElidedLabel.h"
#include "EnterKeyPolicy.h"
#include "LayoutFit.h"
#include "StatusBarRoom.h"
#include "Theme.h"
#include "session/Billing.h"
#include "ui_MainWindow.h"

#include "CaseForm.h"
#include "HistoryOpener.h"
#include "HistoryPanel.h"
#include "IdleWatcher.h"
#include "ResultPanel.h"
#include "RevealDialog.h"
#include "SettingsDialog.h"
#include "SignInDialog.h"
#include "api/Credentials.h"
#include "base/DisplayTime.h"
#include "base/Language.h"
#include "base/Settings.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxServer.h"
#include "session/SettingsChange.h"
#include "session/TrainingHistory.h"
#include "session/VerificationService.h"

#include <QBoxLayout>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>

#include <utility>

namespace {

// The same person's data as sent: what the provider answers (and bills) for. The scene code, MerchantUserId and
// MerchantBizId are the desk's own bookkeeping.
bool sameCase(const CaseInput& a, const CaseInput& b)
{
    return a.name == b.name && a.idNumber == b.idNumber && a.validityStart == b.validityStart
        && a.longTerm == b.longTerm && (a.longTerm || a.validityEnd == b.validityEnd);
}

} // namespace

MainWindow::MainWindow(VerificationService& service, QWidget* parent)
    : MainWindow(service, nullptr, parent)
{
}

MainWindow::MainWindow(VerificationService& service, AuditStore* history, QWidget* parent)
    : MainWindow(service, HistoryPending {}, parent)
{
    attachHistory(history);
}

MainWindow::MainWindow(VerificationService& service, HistoryPending, QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_service(service)
    , m_form(nullptr)
    , m_result(nullptr)
    , m_endpointLabel(new ElidedLabel(this))
    , m_credentialsLabel(new ElidedLabel(this))
    , m_historyLabel(new ElidedLabel(this))
    , m_history(nullptr)
    , m_historyPanel(nullptr)
    , m_historyPending(true)
{
    m_ui->setupUi(this);
    EnterKeyPolicy::install(QCoreApplication::instance());

    m_form = new CaseForm(service, m_ui->caseGroupBox);
    m_form->setObjectName(QStringLiteral("caseForm"));
    m_ui->caseLayout->addWidget(m_form);
    // The outcome scrolls rather than squeezing its steps when the window is short.
    auto* resultScrollArea = new QScrollArea(m_ui->resultGroupBox);
    resultScrollArea->setObjectName(QStringLiteral("resultScrollArea"));
    resultScrollArea->setWidgetResizable(true);
    resultScrollArea->setFrameShape(QFrame::NoFrame);
    resultScrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_result = new ResultPanel(resultScrollArea);
    m_result->setObjectName(QStringLiteral("resultPanel"));
    m_result->setTraining(service.isTraining());
    resultScrollArea->setWidget(m_result);
    m_ui->resultLayout->addWidget(resultScrollArea);
    layOutVerifyTab();
    Theme::bindStyleSheet(m_ui->historyWarningLabel, [](const QPalette& palette) {
        return Theme::boxRule(QStringLiteral("#historyWarningLabel"), Theme::Tone::Error, palette)
            + QStringLiteral("#historyWarningLabel { font-weight: bold; }");
    });
    m_ui->historyWarningLabel->hide();
    Theme::bindStyleSheet(m_ui->reverifyFrame, [](const QPalette& palette) {
        return Theme::boxRule(QStringLiteral("#reverifyFrame"), Theme::Tone::Info, palette)
            + QStringLiteral("#reverifyFrame QLabel { color: %1; background: transparent; border: none; }")
                  .arg(Theme::css(Theme::tone(Theme::Tone::Info, palette).text));
    });
    m_ui->reverifyFrame->hide();

    m_ui->trainingBannerLabel->setVisible(service.isTraining());
    Theme::bindStyleSheet(m_ui->trainingBannerLabel, [](const QPalette& palette) {
        return Theme::boxRule(QStringLiteral("#trainingBannerLabel"), Theme::Tone::Warning, palette)
            + QStringLiteral("#trainingBannerLabel { font-weight: bold; }");
    });

    m_endpointLabel->setObjectName(QStringLiteral("endpointStatusLabel"));
    m_credentialsLabel->setObjectName(QStringLiteral("credentialsStatusLabel"));
    m_endpointLabel->setContentsMargins(6, 0, 6, 0);
    m_credentialsLabel->setContentsMargins(6, 0, 6, 0);
    // The endpoint and the key ask for a fair share each; the history's location, often a long path, for the room they
    // leave (StatusBarRoom).
    m_endpointLabel->setPreferredCharacters(40);
    m_credentialsLabel->setPreferredCharacters(40);
    statusBar()->addPermanentWidget(m_endpointLabel);
    statusBar()->addPermanentWidget(m_credentialsLabel);
    m_historyLabel->setObjectName(QStringLiteral("historyStatusLabel"));
    m_historyLabel->setContentsMargins(6, 0, 6, 0);
    // No stretch on the facts: a message is drawn in the room they leave on the left (StatusBarRoom).
    statusBar()->addPermanentWidget(m_historyLabel);
    new StatusBarRoom(statusBar(), m_historyLabel);
    m_anchorWarningLabel = new QLabel(tr("Anchors not copied"), this);
    m_anchorWarningLabel->setObjectName(QStringLiteral("anchorWarningStatusLabel"));
    m_anchorWarningLabel->hide();
    Theme::bindStyleSheet(m_anchorWarningLabel, [](const QPalette& palette) {
        return Theme::boxRule(QStringLiteral("#anchorWarningStatusLabel"), Theme::Tone::Warning, palette);
    });
    statusBar()->addPermanentWidget(m_anchorWarningLabel);
    showStatus();

    connect(m_ui->newCaseAction, &QAction::triggered, this, &MainWindow::newCase);
    connect(m_ui->verifyAction, &QAction::triggered, m_form, &CaseForm::submit);
    connect(m_ui->quitAction, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_ui->settingsAction, &QAction::triggered, this, &MainWindow::showSettings);
    connect(m_ui->verifyListAction, &QAction::triggered, this, &MainWindow::showBatch);
    connect(m_ui->showVerifyAction, &QAction::triggered, this, [this] {
        m_ui->mainTabWidget->setCurrentWidget(m_ui->verifyTab);
        m_form->setFocus(Qt::OtherFocusReason);
    });
    connect(m_ui->showHistoryAction, &QAction::triggered, this, &MainWindow::showHistory);

    connect(m_form, &CaseForm::verifyRequested, this, &MainWindow::submitCase);
    connect(m_form, &CaseForm::cancelRequested, this, &MainWindow::cancelCase);
    connect(m_form, &CaseForm::cleared, this, &MainWindow::clearReverification);
    connect(m_ui->reverifyClearPushButton, &QPushButton::clicked, this, &MainWindow::clearReverification);
    connect(&service, &VerificationService::historyError, this, &MainWindow::showHistoryError);
    connect(&service, &VerificationService::historyNotice, this, &MainWindow::showHistoryNotice);
    connect(&service, &VerificationService::anchorError, this, &MainWindow::showAnchorError);
    connect(&service, &VerificationService::anchorsCopied, this, &MainWindow::clearAnchorError);
    connect(m_result, &ResultPanel::retryRequested, this, &MainWindow::retryLastCase);
    connect(m_result, &ResultPanel::correctionRequested, this, &MainWindow::correctAndVerifyAgain);
    connect(m_result, &ResultPanel::manualReviewRequested, this, &MainWindow::sendToManualReview);
    // A result never goes stale unnoticed: once the case is edited, the panel says the result is for earlier data.
    connect(m_form, &CaseForm::edited, m_result, &ResultPanel::markStale);
    connect(m_form, &CaseForm::cleared, m_result, &ResultPanel::markStale);

    setUpPeople();
    setUpHelp();
    resize(900, 640);
    // Nothing is verified, listed or changed before the history is there to record it.
    centralWidget()->setEnabled(false);
    for (QAction* action : findChildren<QAction*>()) {
        if (action->isEnabled() && action != m_ui->quitAction && action != m_ui->aboutAction
            && action != m_ui->userGuideAction) {
            m_actionsWhilePending.append(action);
            action->setEnabled(false);
        }
    }
}

void MainWindow::attachHistory(AuditStore* history)
{
    if (!m_historyPending)
        return;
    m_historyPending = false;
    m_history = history;
    if (history)
        m_service.setHistory(history);
    m_historyPanel = new HistoryPanel(history, m_service.actor(), m_ui->historyTab);
    m_historyPanel->setObjectName(QStringLiteral("historyPanel"));
    m_ui->historyLayout->addWidget(LayoutFit::scrollable(m_historyPanel, m_ui->historyTab));
    connect(m_historyPanel, &HistoryPanel::reverifyRequested, this, &MainWindow::verifyAgain);
    setUpReviewQueue();
    setUpDashboard();
    for (const QPointer<QAction>& action : std::exchange(m_actionsWhilePending, {})) {
        if (action)
            action->setEnabled(true);
    }
    // A batch records every case before it is sent: without a history there is none.
    m_ui->verifyListAction->setEnabled(m_history != nullptr);
    if (auto* accounts = findChild<QAction*>(QStringLiteral("accountsAction")))
        accounts->setEnabled(m_service.writer() != nullptr);
    centralWidget()->setEnabled(true);
    retranslatePeople();
    showStatus();
    syncTeamSettings();
    if (const QString notice = m_service.spoolNotice(); !notice.isEmpty())
        showHistoryNotice(notice); // set aside while the history was opened, before this window could be told
    m_form->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow()
{
    disconnect(&m_service, nullptr, this, nullptr);
    if (m_currentCall) {
        disconnect(m_currentCall, nullptr, this, nullptr);
        m_currentCall->cancel();
    }
    if (m_history && m_service.history() == m_history)
        m_service.setHistory(nullptr);
}

void MainWindow::showStatus()
{
    const bool training = m_service.isTraining();
    // The platform adds the application's name ("Training — eKYC Desk"): the title says only the mode.
    setWindowTitle(training ? tr("Training") : tr("Live service"));
    QUrl endpoint = m_service.options().client.endpoint;
    if (training && m_service.sandbox())
        endpoint = m_service.sandbox()->url();
    else if (m_service.client())
        endpoint = m_service.client()->config().endpoint;
    // Narrow, the host alone, then the mode alone: "Training sandbox", never "Training sandbox a…//127.0.0.1:…".
    const QString host =
        endpoint.port() > 0 ? QStringLiteral("%1:%2").arg(endpoint.host()).arg(endpoint.port()) : endpoint.host();
    if (training && m_service.sandboxStarting())
        m_endpointLabel->setFullText(tr("Training sandbox starting…"), { tr("Training sandbox") });
    else if (training)
        m_endpointLabel->setFullText(tr("Training sandbox at %1").arg(endpoint.toString()),
            { tr("Training sandbox %1").arg(host), tr("Training sandbox") });
    else
        m_endpointLabel->setFullText(
            tr("Live endpoint %1").arg(endpoint.toString()), { tr("Live: %1").arg(host), tr("Live endpoint") });
    const Credentials credentials = training ? Credentials::training() : m_service.options().credentials;
    const bool temporary = !credentials.securityToken().isEmpty(); // an STS key expires: the short forms say so too
    m_credentialsLabel->setFullText(credentials.describe(),
        { (temporary ? tr("STS AccessKey %1") : tr("AccessKey %1")).arg(credentials.maskedKeyId()),
            temporary ? tr("STS AccessKey") : tr("AccessKey") });
    if (m_history) {
        // A long path or URL is shortened in the middle; the tooltip has it in full.
        const QString location = m_history->displayLocation();
        // The training history's key is the file beside it (TrainingHistory), not a passphrase someone chose.
        const bool trainingKey =
            !m_history->sqlitePath().isEmpty() && QFileInfo::exists(TrainingHistory::keyPath(m_history->sqlitePath()));
        const QString keySource =
            trainingKey ? tr("the key file beside it") : HistoryOpener::describeKeySource(m_history->keySource());
        const QString path = m_history->sqlitePath();
        m_historyLabel->setFullText(tr("History: %1 (key from %2)").arg(location, keySource),
            { tr("History: %1").arg(path.isEmpty() ? location : QFileInfo(path).fileName()), tr("History") });
    } else if (m_historyPending) {
        m_historyLabel->setFullText(tr("Opening the audit history…"), { tr("Opening history…") });
    } else {
        m_historyLabel->setFullText(tr("No audit history: cases are not recorded"), { tr("No audit history") });
    }
}

void MainWindow::newCase()
{
    if (m_currentCall)
        return;
    m_form->clear(); // also drops a re-verification link
    clearReverification();
    m_result->clear();
    m_answered.reset();
    m_ui->historyWarningLabel->hide();
    statusBar()->clearMessage();
    m_ui->mainTabWidget->setCurrentWidget(m_ui->verifyTab);
}

void MainWindow::submitCase(const CaseInput& input, bool warningsAcknowledged)
{
    if (m_currentCall)
        return;
    // The same data as the case that has an answer (edited and typed back counts too): a second billed call.
    if (m_answered && sameCase(m_answered->input, input)) {
        askBeforeSecondCall(input, warningsAcknowledged);
        return;
    }
    sendCase(input, warningsAcknowledged);
}

void MainWindow::askBeforeSecondCall(const CaseInput& input, bool warningsAcknowledged)
{
    if (m_secondCallBox)
        return; // already asking
    const VerificationResult& answer = m_answered->result;
    const QString what =
        answer.isBusinessAnswer() ? tr("SubCode %1").arg(answer.subCode) : tr("outcome unknown, may have been billed");
    QString text = tr("This exact case (the same name, ID number and dates) already has an answer: %1, case %2.")
                       .arg(what, m_answered->caseId.left(8));
    text += u'\n' + Billing::repeatCall(m_service.isTraining());
    text += u'\n' + tr("Verify it again anyway?");
    auto* box = new QMessageBox(
        QMessageBox::Question, tr("Verify the same case again?"), text, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("secondCallMessageBox"));
    box->button(QMessageBox::Yes)->setText(tr("Verify again"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, input, warningsAcknowledged](QAbstractButton* button) {
        if (box->standardButton(button) == QMessageBox::Yes && !m_currentCall)
            sendCase(input, warningsAcknowledged);
    });
    m_secondCallBox = box;
    box->open();
}

void MainWindow::sendCase(const CaseInput& input, bool warningsAcknowledged)
{
    if (m_currentCall)
        return;
    m_ui->historyWarningLabel->hide();
    const Result<VerificationCall*> call = m_service.submit(input, warningsAcknowledged, m_reverifyOf);
    if (!call) {
        // The core refused the case: its pre-check disagrees with what the form showed, so show it again.
        m_form->revealIssues();
        statusBar()->showMessage(tr("Not sent: %1").arg(call.message()));
        return;
    }
    m_currentCall = *call;
    m_sentInput = input;
    m_form->highlightSuspects({});
    connect(m_currentCall, &VerificationCall::attemptStarted, this, &MainWindow::handleAttempt);
    connect(m_currentCall, &VerificationCall::finished, this, &MainWindow::handleFinished);
    m_form->setBusy(true);
    m_result->showPending(m_currentCall->merchantBizId());
    revealOutcome();
    statusBar()->showMessage(tr("Sent case %1").arg(m_currentCall->merchantBizId()));
    clearReverification(); // the link is recorded; a later case is a new one unless asked again
}

void MainWindow::cancelCase()
{
    if (m_currentCall)
        m_currentCall->cancel();
}

void MainWindow::showHistory()
{
    if (!m_historyPanel)
        return; // not before the history is attached
    m_historyPanel->reload();
    m_ui->mainTabWidget->setCurrentWidget(m_ui->historyTab);
}

void MainWindow::showSettings()
{
    if (!m_settings) {
        m_ownSettings = std::make_unique<Settings>();
        setSettings(m_ownSettings.get());
    }
    auto* dialog = new SettingsDialog(*m_settings, this);
    dialog->setObjectName(QStringLiteral("settingsDialog"));
    dialog->setService(&m_service);
    dialog->setKeychain(m_keychain);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // What applySettings had to say about the change comes first.
        const QString note = std::exchange(m_settingsNote, QString());
        if (dialog->changedKeys().isEmpty())
            statusBar()->showMessage(tr("Settings unchanged."));
        else
            statusBar()->showMessage(note.isEmpty() ? SettingsDialog::savedMessage() : note);
    });
    dialog->open();
    // Another workstation may have changed the team's settings since they were last read: show the history's.
    syncTeamSettings([dialog = QPointer<SettingsDialog>(dialog)] {
        if (dialog)
            dialog->reloadTeamSettings();
    });
}

void MainWindow::showAnchorError(const QString& message)
{
    // Not a case's problem: the history is whole, only its outside copies are missing. It stays in the status bar.
    const QString text = tr("A signed checkpoint of the audit history could not be copied to the anchor folder: %1 "
                            "The history itself is intact. Choose a folder that can be written in Settings → History; "
                            "it applies when the history is opened again.")
                             .arg(message);
    m_anchorWarningLabel->setToolTip(text);
    m_anchorWarningLabel->setAccessibleDescription(text);
    m_anchorWarningLabel->show();
    statusBar()->showMessage(text);
}

void MainWindow::clearAnchorError()
{
    if (m_anchorWarningLabel->isHidden())
        return;
    m_anchorWarningLabel->hide();
    statusBar()->showMessage(tr("Signed checkpoints are copied to the anchor folder again."), 10000);
}

void MainWindow::showHistoryError(const QString& message)
{
    const QString text = tr("Not recorded in the audit history: %1").arg(message);
    m_ui->historyWarningLabel->setText(text);
    m_ui->historyWarningLabel->show();
    statusBar()->showMessage(text);
}

void MainWindow::showHistoryNotice(const QString& message)
{
    m_ui->historyWarningLabel->setText(message);
    m_ui->historyWarningLabel->show();
    statusBar()->showMessage(message);
}

void MainWindow::verifyAgain(const QString& caseId)
{
    if (m_currentCall || m_form->isBusy()) {
        showReverifyError(tr("Wait until the current case has an answer, then verify the case again."));
        return;
    }
    if (m_reasonDialog)
        return; // already asking
    // The reason first, as for every reveal; the service records it with the reveal.
    RevealDialog* dialog = RevealDialog::forReverification(caseId, m_historyPanel->caseSummary(caseId), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RevealDialog::reasonGiven, this, &MainWindow::reverifyWithReason);
    m_reasonDialog = dialog;
    dialog->open();
}

void MainWindow::reverifyWithReason(const QString& caseId, const QString& reason)
{
    if (m_currentCall || m_form->isBusy()) {
        showReverifyError(tr("Wait until the current case has an answer, then verify the case again."));
        return;
    }
    statusBar()->showMessage(tr("Opening case %1…").arg(caseId.left(8)));
    m_service.caseForReverification(caseId, reason, this, [this](const Result<RecordedCase>& recorded) {
        if (!recorded) {
            showReverifyError(recorded.message());
            return;
        }
        if (m_currentCall || m_form->isBusy())
            return; // a case was started meanwhile
        showReverification(*recorded);
    });
}

void MainWindow::showReverification(const RecordedCase& recorded)
{
    const CaseSummary& summary = recorded.summary;
    m_ui->mainTabWidget->setCurrentWidget(m_ui->verifyTab);
    m_result->clear();
    m_ui->historyWarningLabel->hide();
    statusBar()->clearMessage();
    m_form->setCaseInput(recorded.input);
    m_answered.reset();
    linkNextCaseTo(summary.caseId, [summary] {
        return std::pair(tr("Verifying again case %1 — the new case will be linked to it.").arg(summary.caseId.left(8)),
            tr("Case %1\nMerchantBizId %2\nCreated %3, %4")
                .arg(summary.caseId,
                    summary.merchantBizId,
                    DisplayTime::dateTime(summary.createdAt),
                    summary.displayState()));
    });
}

void MainWindow::correctAndVerifyAgain(const QString& caseId)
{
    if (m_currentCall || m_form->isBusy())
        return;
    m_ui->mainTabWidget->setCurrentWidget(m_ui->verifyTab);
    if (!caseId.isEmpty())
        linkNextCaseTo(caseId, [caseId] {
            return std::pair(tr("Correcting case %1 — the corrected case will be linked to it.").arg(caseId.left(8)),
                tr("Case %1").arg(caseId));
        });
    m_form->highlightSuspects(CaseForm::mismatchSuspects(m_form->caseInput()));
    statusBar()->showMessage(tr("Correct the highlighted fields as printed on the card, then press Enter."));
}

void MainWindow::linkNextCaseTo(const QString& caseId, const ReverifyNote& note)
{
    m_reverifyOf = caseId;
    m_reverifyNote = note;
    showReverifyNote();
}

void MainWindow::showReverifyNote()
{
    if (m_reverifyOf.isEmpty() || !m_reverifyNote)
        return;
    const auto [text, toolTip] = m_reverifyNote();
    m_ui->reverifyLabel->setText(text);
    m_ui->reverifyLabel->setToolTip(toolTip);
    m_ui->reverifyFrame->show();
}

void MainWindow::retryLastCase()
{
    if (m_currentCall || m_lastCaseId.isEmpty())
        return;
    const QString caseId = m_lastCaseId;
    m_service.caseForRetry(caseId, this, [this, caseId](const Result<RecordedCase>& recorded) {
        if (!recorded) {
            showReverifyError(recorded.message());
            return;
        }
        if (m_currentCall)
            return;
        m_reverifyOf = caseId;
        sendCase(recorded->input, true); // asked for: the retry keeps the MerchantBizId
        if (!m_currentCall)
            clearReverification(); // refused: the next case is not linked to this one
    });
}

void MainWindow::clearReverification()
{
    m_reverifyOf.clear();
    m_reverifyNote = nullptr;
    m_ui->reverifyFrame->hide();
    m_ui->reverifyLabel->clear();
    m_ui->reverifyLabel->setToolTip(QString());
}

void MainWindow::showReverifyError(const QString& message)
{
    // Window-modal but not blocking: the reviewer reads it and goes on.
    auto* box =
        new QMessageBox(QMessageBox::Warning, tr("Cannot verify the case again"), message, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("reverifyErrorMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    statusBar()->showMessage(tr("Cannot verify the case again: %1").arg(message));
}

void MainWindow::handleAttempt(int attempt)
{
    m_result->showAttempt(attempt);
}

void MainWindow::handleFinished(const VerificationResult& result)
{
    VerificationCall* call = m_currentCall;
    m_currentCall = nullptr;
    if (!call)
        return;
    m_lastCaseId = call->caseId();
    call->deleteLater();
    m_form->setBusy(false);
    m_result->showResult(result, call->caseId());
    revealOutcome();
    rememberAnswer(call->caseId(), result);
    if (m_ui->historyWarningLabel->isHidden())
        statusBar()->clearMessage();
    if (m_historyPanel)
        m_historyPanel->reload();
}

void MainWindow::rememberAnswer(const QString& caseId, const VerificationResult& result)
{
    if (result.mayHaveBeenBilled())
        m_answered = AnsweredCase { m_sentInput, caseId, result };
    else if (m_answered && !sameCase(m_answered->input, m_sentInput))
        m_answered.reset(); // a new case, not billed: the earlier answer is for other data
}

// ---- Settings applied at once (issue 7) ----

void MainWindow::setSettings(Settings* settings)
{
    if (m_settings)
        disconnect(m_settings->notifier(), nullptr, this, nullptr);
    m_settings = settings;
    if (!m_settings)
        return;
    connect(m_settings->notifier(), &SettingsNotifier::changed, this, &MainWindow::applySettings);
    m_form->setDefaultSceneCode(m_settings->value(Settings::sceneCode));
    setIdleLockMinutes(m_settings->value(Settings::idleLockMinutes));
    syncTeamSettings();
}

void MainWindow::setIdleLockMinutes(int minutes)
{
    // Only where the lock is on (people sign in: setIdleLock); the training desk has no password to ask for.
    if (m_idle && m_idle->minutes() > 0)
        setIdleLock(minutes);
}

void MainWindow::applySettings(const QStringList& keys)
{
    auto changed = [&keys](const auto& key) { return keys.contains(QLatin1String(key.name)); };
    if (changed(Settings::language))
        Language::apply(m_settings->value(Settings::language));
    if (changed(Settings::colorScheme))
        Theme::apply(m_settings->value(Settings::colorScheme));
    if (changed(Settings::sceneCode))
        m_form->setDefaultSceneCode(m_settings->value(Settings::sceneCode));
    if (changed(Settings::idleLockMinutes))
        setIdleLockMinutes(m_settings->value(Settings::idleLockMinutes));
    if (changed(Settings::fourEyes))
        applyFourEyesSetting(m_settings->value(Settings::fourEyes));
    if (changed(Settings::checkpointInterval))
        applyCheckpointIntervalSetting(m_settings->value(Settings::checkpointInterval));
    const Result<void> applied = SettingsChange::applyToService(m_service, *m_settings, keys, m_keychain);
    showStatus();
    m_settingsNote.clear();
    if (!applied)
        m_settingsNote = tr("Settings saved, but not applied: %1").arg(applied.message());
    else if (changed(Settings::historyLocation))
        m_settingsNote = tr("Settings saved. The new history location takes effect the next time eKYC Desk starts.");
    if (!m_settingsNote.isEmpty())
        statusBar()->showMessage(m_settingsNote);
}

// The case and its outcome side by side on a wide window, one above the other on a narrow one (a 1600×1000 screen at
// 200 %), in a scroll area, so the window never needs more than the screen has.
void MainWindow::layOutVerifyTab()
{
    auto* panes = new QWidget;
    panes->setObjectName(QStringLiteral("verifyPanes"));
    auto* box = new QBoxLayout(QBoxLayout::LeftToRight, panes);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(m_ui->contentLayout->spacing());
    for (QWidget* pane : { static_cast<QWidget*>(m_ui->caseGroupBox), static_cast<QWidget*>(m_ui->resultGroupBox) }) {
        m_ui->contentLayout->removeWidget(pane);
        pane->setMinimumWidth(0);
        box->addWidget(pane, 1);
    }
    m_ui->verifyTabLayout->removeItem(m_ui->contentLayout);
    delete m_ui->contentLayout;
    m_ui->contentLayout = nullptr;
    QScrollArea* area = LayoutFit::scrollable(panes, m_ui->verifyTab);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_ui->verifyTabLayout->addWidget(area);
    // Side by side, each pane needs about 420 px for its fields and the outcome's identifiers (a RequestId is one
    // unbreakable word); stacked, the outcome keeps room for its headline and steps below the form.
    LayoutFit::stackWhenNarrow(box, area->viewport(), 2 * 420 + box->spacing());
    m_ui->resultGroupBox->setMinimumHeight(320);
}

// Stacked below the form, the outcome may be out of sight: scroll to it when an answer comes (the focus stays where
// the reviewer is).
void MainWindow::revealOutcome()
{
    if (auto* area = m_ui->verifyTab->findChild<QScrollArea*>(QStringLiteral("verifyPanesScrollArea")))
        area->ensureWidgetVisible(m_ui->resultGroupBox, 0, 0);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslatePeople();
        showStatus();
        showReverifyNote(); // in the new language
    }
    QMainWindow::changeEvent(event);
}
