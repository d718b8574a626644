#pragma once

#include "base/Result.h"
#include "session/SettingsChange.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>

#include <memory>

class ConnectionTest;
class QLabel;
class SecretStore;
class Settings;
class VerificationService;
struct ConnectionTestResult;

namespace Ui {
class SettingsDialog;
}

// Where the application sends cases and keeps its history, and how the desk behaves: endpoint, extra CA file,
// AccessKey, rate limit, timeout, attempts, long-term value, default scene code, language, four-eyes review, idle
// lock, history location (with its PostgreSQL password) and retention. Every field is checked as it is edited
// (EndpointConfig, HistoryLocation, the ranges): an error shows next to its field, naming it, and keeps OK disabled.
// OK writes the values that changed through SettingsChange, which lets only a supervisor change settings (anyone the
// language), records the change and announces it, so that the application applies it at once. Secrets (the AccessKey,
// the database password) go to the OS keychain only; without a keychain nothing is saved and the dialog says so.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // settings: not owned; it must outlive the dialog. Tests pass a throw-away INI file.
    explicit SettingsDialog(Settings& settings, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // The running service (not owned): whose actor changes the settings, the history that records it, and the
    // credentials Test connection uses. Without one the values are written as they are (the form alone, in tests).
    void setService(VerificationService* service);
    // Where the AccessKey and the database password are kept (not owned; nullptr: nowhere, so they are refused).
    void setKeychain(SecretStore* keychain);

    // The team's settings kept in the history (four-eyes, the checkpoint interval) were read again into the settings
    // (MainWindow::syncTeamSettings): shows them, in the fields the person has not changed since the dialog opened.
    void reloadTeamSettings();

    // Checks every field, shows the errors inline and enables OK only when there are none. Writes nothing.
    bool validate();
    // The errors shown now, one per line; empty when none.
    QString errorText() const;
    // After accept: the names of the settings keys that were written (changed values only).
    QStringList changedKeys() const { return m_changedKeys; }
    // The refusal or failure of the last OK, empty when none.
    QString changeError() const;
    // For the status bar after saving.
    static QString savedMessage();

public slots:
    // Validates, then writes the changed values through SettingsChange and closes once they are written; a refusal
    // or a keychain failure keeps the dialog open and says why.
    void accept() override;
    // Sends one unbilled, signed request to the endpoint and CA shown now (not yet saved) and shows the answer.
    void testConnection();
    // Marks the AccessKey saved in the keychain for removal when OK is pressed.
    void removeSavedKey();

protected:
    void changeEvent(QEvent* event) override;

private:
    void load();
    void loadAccessKey();
    void retranslate();
    void connectValidation();
    void updateEnabled();
    void browseCaFile();
    void browseAnchorFolder();
    void showError(QLabel* label, const QString& message);
    QList<QLabel*> errorLabels() const;
    void focusFirstError();
    QString endpointError() const;
    QString caFileError() const;
    QString historyError() const;
    QString accessKeyError() const;
    QString idleLockError() const;
    QString sceneCodeError() const;
    QString historyLocationToSave() const;
    QList<SettingsChange::Value> changes() const;
    Result<void> saveSecrets();
    void saved(const Result<QStringList>& written);
    void showTestResult(const ConnectionTestResult& result);

    const std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings& m_settings;
    VerificationService* m_service = nullptr;
    SecretStore* m_keychain = nullptr;
    QPointer<ConnectionTest> m_test;
    QStringList m_changedKeys;
    bool m_saving = false;
    bool m_removeKey = false;
    // A stored PostgreSQL URL with a password is shown without it and kept as it is unless the field is edited.
    QString m_storedHistoryLocation;
    // The team's values as the fields were loaded with them (reloadTeamSettings leaves a field the person changed).
    bool m_shownFourEyes = true;
    int m_shownCheckpointInterval = 0;
    QString m_shownHistoryLocation;
};
