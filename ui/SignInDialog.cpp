#include "SignInDialog.h"
#include "LayoutFit.h"
#include "ui_SignInDialog.h"

#include "crypto/PasswordHash.h"

#include <QLayout>
#include <QPushButton>

SignInDialog::SignInDialog(Mode mode, const QString& location, const QString& user, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SignInDialog>())
    , m_mode(mode)
{
    m_ui->setupUi(this);
    const bool create = mode == Mode::CreateSupervisor;
    switch (mode) {
    case Mode::CreateSupervisor:
        setWindowTitle(tr("Create the first supervisor"));
        m_ui->explanationLabel->setText(
            tr("The audit history %1 has no accounts yet. Everyone who uses it signs in, so that every case records "
               "who did it. Create the first supervisor account now; the supervisor then adds reviewers, "
               "supervisors and auditors.")
                .arg(location));
        break;
    case Mode::SignIn:
        setWindowTitle(tr("Sign in"));
        m_ui->explanationLabel->setText(tr("Sign in to the audit history %1.").arg(location));
        break;
    case Mode::Unlock:
        setWindowTitle(tr("Desk locked"));
        m_ui->explanationLabel->setText(
            tr("The desk locked itself while nobody used it. The open case is kept; enter your password to go on."));
        break;
    }
    m_ui->userLineEdit->setText(user);
    m_ui->userLineEdit->setReadOnly(mode == Mode::Unlock);
    m_ui->confirmLabel->setVisible(create);
    m_ui->confirmLineEdit->setVisible(create);
    QFont bold = m_ui->errorLabel->font();
    bold.setBold(true);
    m_ui->errorLabel->setFont(bold);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setText(create               ? tr("Create and sign in")
                : mode == Mode::Unlock ? tr("Unlock")
                                       : tr("Sign in"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Quit"));

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    for (QLineEdit* edit : { m_ui->userLineEdit, m_ui->passwordLineEdit, m_ui->confirmLineEdit })
        connect(edit, &QLineEdit::textEdited, this, &SignInDialog::updateState);

    (user.isEmpty() ? m_ui->userLineEdit : m_ui->passwordLineEdit)->setFocus(Qt::OtherFocusReason);
    updateState();
    m_ui->explanationLabel->setMinimumWidth(420);
    layout()->setSizeConstraint(QLayout::SetMinimumSize);
    adjustSize();
}

SignInDialog::~SignInDialog()
{
    m_ui->passwordLineEdit->clear();
    m_ui->confirmLineEdit->clear();
}

QString SignInDialog::userName() const
{
    return m_ui->userLineEdit->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_ui->passwordLineEdit->text();
}

QString SignInDialog::validationError() const
{
    if (userName().isEmpty())
        return tr("Enter the user name.");
    if (password().isEmpty())
        return tr("Enter the password.");
    if (m_mode != Mode::CreateSupervisor)
        return QString();
    if (QString weak = PasswordHash::weakness(password(), userName()); !weak.isEmpty())
        return weak;
    if (m_ui->confirmLineEdit->text() != password())
        return tr("The two passwords do not match.");
    return QString();
}

void SignInDialog::setError(const QString& message)
{
    m_error = message;
    m_ui->passwordLineEdit->clear();
    m_ui->confirmLineEdit->clear();
    m_ui->passwordLineEdit->setFocus(Qt::OtherFocusReason);
    updateState();
}

void SignInDialog::accept()
{
    if (validationError().isEmpty())
        QDialog::accept();
}

void SignInDialog::updateState()
{
    // Creating: say what is wrong once something was typed; otherwise the history's last message stays.
    const bool typed = !password().isEmpty() || !m_ui->confirmLineEdit->text().isEmpty();
    const QString shown = m_mode == Mode::CreateSupervisor && typed ? validationError() : m_error;
    m_ui->errorLabel->setText(shown);
    m_ui->errorLabel->setVisible(!shown.isEmpty());
    LayoutFit::growToFit(this); // the message is read in full, never cut off at the bottom
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(validationError().isEmpty());
}
