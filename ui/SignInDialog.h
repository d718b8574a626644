#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class SignInDialog;
}

// Who is at the desk. Three modes:
//  - CreateSupervisor: the first start of a new live history: a user name and a password twice (at least
//    PasswordHash::MinimumLength characters, not the user name), errors shown inline;
//  - SignIn: user name and password; after a failure the caller shows the history's message with setError();
//  - Unlock: the idle lock; the signed-in user is shown, only the password is asked.
// The dialog keeps nothing: the caller reads password() once, and the fields are cleared when it is destroyed.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        CreateSupervisor,
        SignIn,
        Unlock,
    };

    // location: the history's display name; user: prefilled (Unlock: the signed-in user, not editable).
    SignInDialog(Mode mode, const QString& location, const QString& user = QString(), QWidget* parent = nullptr);
    ~SignInDialog() override;

    Mode mode() const { return m_mode; }
    QString userName() const;
    QString password() const;
    // Why OK is disabled, empty when the input is acceptable.
    QString validationError() const;
    // Shows the history's message (a wrong password, a locked account), clears the password fields.
    void setError(const QString& message);

public slots:
    void accept() override;

private:
    void updateState();

    const std::unique_ptr<Ui::SignInDialog> m_ui;
    Mode m_mode;
    QString m_error;
};
