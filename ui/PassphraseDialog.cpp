#include "PassphraseDialog.h"
#include "LayoutFit.h"
#include "Theme.h"
#include "ui_PassphraseDialog.h"

#include <QLayout>
#include <QPushButton>

PassphraseDialog::PassphraseDialog(Mode mode, const QString& location, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::PassphraseDialog>())
    , m_mode(mode)
{
    m_ui->setupUi(this);
    const bool create = mode == Mode::Create;
    setWindowTitle(create ? tr("Protect the audit history") : tr("Unlock the audit history"));
    m_ui->explanationLabel->setText(create
            ? tr("eKYC Desk records every case in an audit history. The history holds personal data (names and ID "
                 "numbers), which is stored encrypted. Choose a passphrase that protects its key; it must have at "
                 "least %n characters.",
                nullptr,
                MinimumLength)
            : tr("Enter the passphrase of the audit history to open it."));
    m_ui->locationLabel->setText(tr("History: %1").arg(location));
    m_ui->keychainNoteLabel->setText(
        tr("The key is also kept in the keychain of your user account when the system has one, so you are asked "
           "for the passphrase rarely. The passphrase is needed to open the history on other workstations that share "
           "a PostgreSQL history. It cannot be recovered: keep it somewhere safe."));
    m_ui->keychainNoteLabel->setVisible(create);
    m_ui->confirmLabel->setVisible(create);
    m_ui->confirmLineEdit->setVisible(create);
    Theme::bindStyleSheet(m_ui->errorLabel, [](const QPalette& palette) {
        return Theme::textRule(QStringLiteral("#errorLabel"), Theme::Tone::Error, palette);
    });
    m_ui->errorLabel->hide();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(create ? tr("Create history") : tr("Unlock"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Quit"));

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &PassphraseDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &PassphraseDialog::reject);
    connect(m_ui->passphraseLineEdit, &QLineEdit::textEdited, this, &PassphraseDialog::updateState);
    connect(m_ui->confirmLineEdit, &QLineEdit::textEdited, this, &PassphraseDialog::updateState);
    connect(m_ui->passphraseLineEdit, &QLineEdit::editingFinished, this, [this] {
        m_passphraseLeft = !m_ui->passphraseLineEdit->text().isEmpty();
        updateState();
    });

    m_ui->passphraseLineEdit->setFocus(Qt::OtherFocusReason);
    updateState();
    // Word-wrapped labels report their height for a width: fix the width, then let the layout take their height.
    m_ui->explanationLabel->setMinimumWidth(480);
    layout()->setSizeConstraint(QLayout::SetMinimumSize);
    adjustSize();
}

PassphraseDialog::~PassphraseDialog()
{
    // QDialog's destructor hides the dialog, and the field losing the focus would call updateState() on the form
    // already destroyed (a crash seen when a dialog showing an error was closed).
    m_ui->passphraseLineEdit->disconnect(this);
    m_ui->confirmLineEdit->disconnect(this);
    m_ui->passphraseLineEdit->clear();
    m_ui->confirmLineEdit->clear();
}

QString PassphraseDialog::passphrase() const
{
    return m_ui->passphraseLineEdit->text();
}

QString PassphraseDialog::validationError() const
{
    const QString first = m_ui->passphraseLineEdit->text();
    if (m_mode == Mode::Unlock)
        return first.isEmpty() ? tr("Enter the passphrase.") : QString();
    if (first.size() < MinimumLength)
        return tr("The passphrase must have at least %n characters.", nullptr, MinimumLength);
    if (m_ui->confirmLineEdit->text() != first)
        return tr("The two passphrases do not match.");
    return QString();
}

bool PassphraseDialog::isAcceptable() const
{
    return validationError().isEmpty();
}

void PassphraseDialog::setError(const QString& message)
{
    m_storeError = message;
    m_ui->passphraseLineEdit->clear();
    m_ui->confirmLineEdit->clear();
    m_passphraseLeft = false;
    m_ui->passphraseLineEdit->setFocus(Qt::OtherFocusReason);
    updateState();
}

void PassphraseDialog::accept()
{
    if (!isAcceptable()) {
        m_passphraseLeft = true;
        updateState();
        return;
    }
    QDialog::accept();
}

void PassphraseDialog::updateState()
{
    const QString first = m_ui->passphraseLineEdit->text();
    const QString confirm = m_ui->confirmLineEdit->text();
    QString shown;
    if (m_mode == Mode::Create) {
        // Scold only about what the reviewer has finished typing: the length once the first field was left (or the
        // second one is being typed), a mismatch once the second one cannot become equal any more.
        const bool tooShort = !first.isEmpty() && first.size() < MinimumLength;
        const bool mismatch =
            !confirm.isEmpty() && (confirm.size() >= first.size() || !first.startsWith(confirm)) && confirm != first;
        if (tooShort && (m_passphraseLeft || !confirm.isEmpty()))
            shown = tr("The passphrase must have at least %n characters.", nullptr, MinimumLength);
        else if (mismatch)
            shown = tr("The two passphrases do not match.");
    }
    if (shown.isEmpty())
        shown = m_storeError; // e.g. a wrong passphrase: it stays until the next attempt
    m_ui->errorLabel->setText(shown);
    m_ui->errorLabel->setVisible(!shown.isEmpty());
    LayoutFit::growToFit(this); // the message is read in full, never cut off at the bottom
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(isAcceptable());
}
