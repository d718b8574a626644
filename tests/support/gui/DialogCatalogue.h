#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class AuditStore;
class HistoryThread;
class QWidget;
class Settings;
class VerificationService;

// Every dialog of the desk that a test can open on its own, by name, in a state worth looking at (a passphrase too
// short, two that differ, a wrong one): for the tests that walk all of them (screen fit, clipped text, accessibility).
class DialogCatalogue
{
public:
    // folder: where the dialogs' history path and settings file point (a temporary folder of the test). With a
    // history, the supervisor's dialogs too (accounts, export, a case's timeline).
    DialogCatalogue(
        VerificationService& service, QWidget* parent, const QString& folder, AuditStore* history = nullptr);
    ~DialogCatalogue();

    static QStringList names();
    // The dialogs that need a history.
    static QStringList historyNames();
    // Test data: columns name and language, a row for the main window and each dialog in English and in Chinese.
    static void addRows();
    // nullptr for a name not in names().
    std::unique_ptr<QWidget> make(const QString& name);

private:
    VerificationService& m_service;
    QWidget* m_parent;
    QString m_folder;
    std::unique_ptr<Settings> m_settings;
    AuditStore* m_history;
    std::unique_ptr<HistoryThread> m_thread;
};
