#include "AccountEditDialog.h"

#include "base/Access.h"
#include "crypto/PasswordHash.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

AccountEditDialog::AccountEditDialog(Mode mode, const QString& user, const QString& role, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_user(new QLineEdit(user, this))
    , m_role(new QComboBox(this))
    , m_password(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(mode == Mode::Add      ? tr("Add an account")
            : mode == Mode::ResetPassword ? tr("Reset the password of %1").arg(user)
                                          : tr("Change the role of %1").arg(user));
    m_user->setObjectName(QStringLiteral("userLineEdit"));
    m_role->setObjectName(QStringLiteral("roleComboBox"));
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_confirm->setObjectName(QStringLiteral("confirmLineEdit"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_user->setReadOnly(mode != Mode::Add);
    for (const QString& r : Role::all())
        m_role->addItem(Role::displayName(r), r);
    m_role->setCurrentIndex(qMax(0, m_role->findData(role.isEmpty() ? QLatin1String(Role::reviewer) : role)));
    m_password->setEchoMode(QLineEdit::Password);
    m_confirm->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&User name:"), m_user);
    if (mode != Mode::ResetPassword)
        form->addRow(tr("&Role:"), m_role);
    if (mode != Mode::ChangeRole) {
        form->addRow(tr("&Password:"), m_password);
        form->addRow(tr("R&epeat:"), m_confirm);
    }
    m_role->setVisible(mode != Mode::ResetPassword);
    m_password->setVisible(mode != Mode::ChangeRole);
    m_confirm->setVisible(mode != Mode::ChangeRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (validationError().isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : { m_user, m_password, m_confirm })
        connect(edit, &QLineEdit::textEdited, this, &AccountEditDialog::updateState);
    updateState();
}

AccountEditDialog::~AccountEditDialog()
{
    m_password->clear();
    m_confirm->clear();
}

QString AccountEditDialog::userName() const
{
    return m_user->text().trimmed();
}

QString AccountEditDialog::role() const
{
    return m_role->currentData().toString();
}

QString AccountEditDialog::password() const
{
    return m_password->text();
}

QString AccountEditDialog::validationError() const
{
    if (userName().isEmpty())
        return tr("Enter the user name.");
    if (m_mode == Mode::ChangeRole)
        return QString();
    if (QString weak = PasswordHash::weakness(password(), userName()); !weak.isEmpty())
        return weak;
    if (m_confirm->text() != password())
        return tr("The two passwords do not match.");
    return QString();
}

void AccountEditDialog::updateState()
{
    const bool typed = !m_password->text().isEmpty() || m_mode == Mode::ChangeRole;
    const QString error = validationError();
    m_error->setText(typed ? error : QString());
    m_error->setVisible(typed && !error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}
