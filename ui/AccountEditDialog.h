#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

// One account change a supervisor makes: Add (user name, role, password twice), ResetPassword (password twice) or
// ChangeRole (role). Validation inline; the history decides (and records) the rest.
class AccountEditDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Add,
        ResetPassword,
        ChangeRole,
    };

    AccountEditDialog(Mode mode, const QString& user, const QString& role, QWidget* parent = nullptr);
    ~AccountEditDialog() override;

    QString userName() const;
    QString role() const;
    QString password() const;
    QString validationError() const;

private:
    void updateState();

    Mode m_mode;
    QLineEdit* m_user;
    QComboBox* m_role;
    QLineEdit* m_password;
    QLineEdit* m_confirm;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};
