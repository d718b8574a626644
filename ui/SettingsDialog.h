#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

class QLabel;
class Settings;

namespace Ui {
class SettingsDialog;
}

// Where the application sends cases and keeps its history: endpoint, extra CA file, rate limit, timeout, attempts,
// the long-term value and the history location and retention. OK checks the endpoint and the CA file with
// EndpointConfig and the history location with HistoryLocation, shows each error next to its field and keeps the
// dialog open; only valid values are written, and only those that changed. No secrets are shown or stored here.
// The application reads the settings at start-up, so changes take effect (and are audited) at the next start.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // settings: not owned; it must outlive the dialog. Tests pass a throw-away INI file.
    explicit SettingsDialog(Settings& settings, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    // Checks every field and shows the errors inline; true when all are valid. Writes nothing.
    bool validate();
    // The errors shown now, one per line; empty when none.
    QString errorText() const;
    // After accept: the names of the settings keys that were written (changed values only).
    QStringList changedKeys() const { return m_changedKeys; }
    // For the status bar after saving.
    static QString savedMessage();

public slots:
    // Validates, writes the changed values and closes; on an error the dialog stays open.
    void accept() override;

private:
    void load();
    void save();
    void updateEnabled();
    void browseCaFile();
    void showError(QLabel* label, const QString& message);

    const std::unique_ptr<Ui::SettingsDialog> m_ui;
    Settings& m_settings;
    QStringList m_changedKeys;
    // A stored PostgreSQL URL with a password is shown without it and kept as it is unless the field is edited.
    QString m_storedHistoryLocation;
    QString m_shownHistoryLocation;
};
