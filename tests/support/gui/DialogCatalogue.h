#pragma once

#include <QString>
#include <QStringList>

#include <memory>

class QWidget;
class Settings;
class VerificationService;

// Every dialog of the desk that a test can open on its own, by name, in a state worth looking at (a passphrase too
// short, two that differ, a wrong one): for the tests that walk all of them (screen fit, clipped text, accessibility).
class DialogCatalogue
{
public:
    // folder: where the dialogs' history path and settings file point (a temporary folder of the test).
    DialogCatalogue(VerificationService& service, QWidget* parent, const QString& folder);
    ~DialogCatalogue();

    static QStringList names();
    // nullptr for a name not in names().
    std::unique_ptr<QWidget> make(const QString& name);

private:
    VerificationService& m_service;
    QWidget* m_parent;
    QString m_folder;
    std::unique_ptr<Settings> m_settings;
};
