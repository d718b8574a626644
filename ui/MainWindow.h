#pragma once

#include "SignInDialog.h"
#include "api/VerificationResult.h"
#include "domain/CaseInput.h"
#include "session/RecordedCase.h"
#include "session/VerificationCall.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

class ElidedLabel;
class AuditStore;
class CaseForm;
class Clock;
class DashboardPanel;
class IdleWatcher;
class HistoryPanel;
class QLabel;
class QMessageBox;
class ResultPanel;
class RevealDialog;
class ReviewQueuePanel;
struct ReviewRequest;
class SecretStore;
class Settings;
class VerificationService;

namespace Ui {
class MainWindow;
}

// The main window: the case form beside the outcome, and the reviewer's recent cases from the audit history. It only
// wires widgets to VerificationService (configured by main.cpp) and reacts to its signals; one call at a time.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(VerificationService& service, QWidget* parent = nullptr);
    // With the audit history (not owned; it must outlive the window): every case is recorded through the service
    // (service.setHistory(history) is called here and undone in the destructor), the History tab lists the
    // reviewer's cases, and the status bar names the history and where its key came from.
    MainWindow(VerificationService& service, AuditStore* history, QWidget* parent = nullptr);
    // Before its history is open (start-up): the window can be shown at once, its tabs and menus disabled and the
    // status bar saying that the history is being opened, while the history opens (HistoryOpener: off this thread).
    // attachHistory() then makes it the desk, as the constructor above does.
    struct HistoryPending
    {
    };
    MainWindow(VerificationService& service, HistoryPending, QWidget* parent = nullptr);
    ~MainWindow() override;

    // The history the pending window waited for (nullptr: none, cases are not recorded), and the person the service
    // now acts for: the History, Review queue and Dashboard tabs are made, and the desk is enabled. Once only.
    void attachHistory(AuditStore* history);
    bool isHistoryPending() const { return m_historyPending; }

    CaseForm* caseForm() const { return m_form; }
    ResultPanel* resultPanel() const { return m_result; }
    HistoryPanel* historyPanel() const { return m_historyPanel; }
    ReviewQueuePanel* reviewQueuePanel() const { return m_queuePanel; }
    DashboardPanel* dashboardPanel() const { return m_dashboardPanel; }
    // The id of the call in flight, 0 when none.
    VerificationCall* currentCall() const { return m_currentCall; } // nullptr when no case is running
    // The recorded case the next submit re-verifies (linked by a reverify_link event), empty when none.
    QString reverifyOf() const { return m_reverifyOf; }
    // The settings that File → Settings… edits (not owned; it must outlive the window). Without it the window uses
    // the application's settings. Tests pass a throw-away INI file. Their changes apply at once (applySettings).
    void setSettings(Settings* settings);
    // The OS keychain the settings dialog keeps secrets in (not owned; nullptr: none, so secrets are refused).
    void setKeychain(SecretStore* keychain) { m_keychain = keychain; }
    // The setting session/idleLockMinutes changed: the new time, where the idle lock is on (setIdleLock).
    void setIdleLockMinutes(int minutes);

    // People (MainWindowPeople.cpp). The idle lock: after minutes without a key or mouse event (on clock; nullptr:
    // the system clock) the desk hides its tabs, records session_locked and asks the signed-in person's password again
    // (SignInDialog::Unlock, object name "unlockDialog"); the open case stays as it was. 0 switches it off (the
    // training desk, a history without accounts).
    void setIdleLock(int minutes, Clock* clock = nullptr);
    bool isLocked() const { return m_locked; }
    SignInDialog* unlockDialog() const { return m_unlockDialog; }
    IdleWatcher* idleWatcher() const { return m_idle; }

signals:
    // The reviewer sends this recorded case to manual review (MainWindowReview.cpp).
    void manualReviewRequested(const QString& caseId);

public slots:
    void newCase();
    // The form's Enter. Unchanged since an answer that may have been billed (a business answer, an unknown outcome:
    // the result is shown and not stale, and the data is the same name, ID number and dates), it asks first
    // (window-modal, object name "secondCallMessageBox", Cancel by default) before a second billed call. Anything
    // else, an edited case included, is sent at once as a new case.
    void submitCase(const CaseInput& input, bool warningsAcknowledged);
    void cancelCase();
    // Help → About (MainWindowHelp.cpp): version, Qt, OpenSSL and the history location (object name "aboutDialog").
    void showAbout();
    // Help → User guide (F1), not modal (object name "userGuideDialog"); raised when already open.
    void showUserGuide();
    void showHistory();
    // Opens the settings dialog (window-modal, object name "settingsDialog"); saving shows a note in the status bar.
    void showSettings();
    // Settings written through the app (Settings::notifier): the service's endpoint and limits, the language, the
    // default scene code and the idle lock apply at once; a new history location at the next start.
    void applySettings(const QStringList& keys);
    // A write to the audit history failed: a warning that stays until the next case.
    void showHistoryError(const QString& message);
    void showHistoryNotice(const QString& message);
    void showAnchorError(const QString& message);
    void clearAnchorError(); // the anchor folder took the checkpoints again
    // Asks the reason first (RevealDialog::forReverification, object name "reverifyReasonDialog"; cancelled: nothing
    // is revealed or recorded), then fills the case form with a recorded case (its name and ID number are decrypted,
    // which the history records with the reason) and links the next submitted case to it. A failure is shown in a
    // warning that does not block.
    void verifyAgain(const QString& caseId);
    // 223: the data just sent stays in the form, the usual suspects are highlighted (the first has the focus), and the
    // next case is linked to this one (caseId; empty without a history: not linked).
    void correctAndVerifyAgain(const QString& caseId);
    // The result panel's "Send to manual review…" (MainWindowReview.cpp).
    void sendToManualReview(const QString& caseId);
    // The next case is not linked to an earlier one.
    void clearReverification();
    // Sends the last case again under its MerchantBizId, when its outcome is unknown (VerificationService::
    // caseForRetry, which records the reveal), linked to it.
    void retryLastCase();
    // Hides the desk and asks for the password (see setIdleLock).
    void lockDesk();
    // File → Accounts… (object name "accountsDialog"); the history refuses it to anyone but a supervisor.
    void showAccounts();
    // Manual review (MainWindowQueue.cpp). "Send to manual review" for a recorded case (object name
    // "sendToReviewDialog"): a note and document references, sent as the signed-in person; then the queue tab.
    void openSendToReview(const QString& caseId);
    // Four-eyes is the team's review policy, kept in the history: the local setting mirrors it, and a change of the
    // setting changes the policy (a supervisor only; otherwise the setting goes back).
    // Reads the team's settings from the history into the settings (not announced), then calls then.
    void syncTeamSettings(const std::function<void()>& then = {});
    void applyFourEyesSetting(bool fourEyes);
    void applyCheckpointIntervalSetting(int interval);
    // The "Review queue" tab, read again.
    void showReviewQueue();
    // File → Verify a list… (MainWindowBatch.cpp)
    void showBatch();

protected:
    // With a list being verified, asks first; stopping it, closes once its calls on their way are recorded and its
    // results written (MainWindowBatch.cpp).
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void layOutVerifyTab();
    void revealOutcome();
    void retranslatePeople();

private:
    void setUpPeople();
    void setUpReviewQueue();
    // The "Dashboard" tab (MainWindowDashboard.cpp).
    void setUpDashboard();
    // Help → User guide, and the icons of the menu actions (MainWindowHelp.cpp).
    void setUpHelp();
    void sendToReview(const QList<ReviewRequest>& requests);
    void askToUnlock(const QString& error);
    void hideOtherWindows();
    void unlockWith(const QString& password);
    // The window title and the status bar's labels, in the current language.
    void showStatus();
    // What was answered for the data last sent, when the answer may have been billed.
    struct AnsweredCase
    {
        CaseInput input;
        QString caseId;
        VerificationResult result;
    };

    void sendCase(const CaseInput& input, bool warningsAcknowledged);
    void askBeforeSecondCall(const CaseInput& input, bool warningsAcknowledged);
    void reverifyWithReason(const QString& caseId, const QString& reason);
    void showReverification(const RecordedCase& recorded);
    // The note above the form naming the linked case, and its tooltip, in the current language.
    using ReverifyNote = std::function<std::pair<QString, QString>()>;
    // Links the next submitted case to caseId, with a note above the form.
    void linkNextCaseTo(const QString& caseId, const ReverifyNote& note);
    void showReverifyNote();
    void rememberAnswer(const QString& caseId, const VerificationResult& result);
    void handleAttempt(int attempt);
    void handleFinished(const VerificationResult& result);
    void showReverifyError(const QString& message);

    const std::unique_ptr<Ui::MainWindow> m_ui;
    VerificationService& m_service;
    CaseForm* m_form;
    ResultPanel* m_result;
    ElidedLabel* m_endpointLabel;
    ElidedLabel* m_credentialsLabel;
    ElidedLabel* m_historyLabel;
    QLabel* m_anchorWarningLabel; // shown once a checkpoint could not be copied to the anchor folder
    AuditStore* m_history;
    HistoryPanel* m_historyPanel;
    ReviewQueuePanel* m_queuePanel = nullptr;
    DashboardPanel* m_dashboardPanel = nullptr;
    QPointer<VerificationCall> m_currentCall;
    QString m_lastCaseId; // the history case of the last finished call
    QString m_reverifyOf;
    ReverifyNote m_reverifyNote;
    CaseInput m_sentInput; // the data of the call in flight, or of the last one
    std::optional<AnsweredCase> m_answered;
    QPointer<QMessageBox> m_secondCallBox;
    QPointer<RevealDialog> m_reasonDialog;
    Settings* m_settings = nullptr;
    std::unique_ptr<Settings> m_ownSettings; // the application's settings, when none were given
    QLabel* m_actorLabel = nullptr;
    IdleWatcher* m_idle = nullptr;
    QPointer<SignInDialog> m_unlockDialog;
    QList<QPointer<QWidget>> m_hiddenByLock; // the desk's other windows, shown again on unlock
    bool m_locked = false;
    bool m_closeWhenBatchEnds = false;
    SecretStore* m_keychain = nullptr;
    bool m_historyPending = false;
    QList<QPointer<QAction>> m_actionsWhilePending; // enabled actions, disabled until the history is attached
    QString m_settingsNote; // what the last applySettings had to say, for the status bar
};
