#include "RevealDialog.h"
#include "ui_RevealDialog.h"

#include "history/AuditStore.h"
#include "history/HistoryQuery.h"
#include "session/HistoryThread.h"

#include <QLocale>

RevealDialog::RevealDialog(HistoryThread& reader, const Actor& actor, const CaseSummary& summary, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RevealDialog>())
    , m_reader(reader)
    , m_actor(actor)
    , m_caseId(summary.caseId)
{
    m_ui->setupUi(this);
    m_ui->caseLabel->setText(tr("Case of %1 (%2), created %3")
                                 .arg(summary.nameMasked,
                                     summary.idMasked,
                                     QLocale().toString(summary.createdAt.toLocalTime(), QLocale::ShortFormat)));
    m_ui->errorLabel->setStyleSheet(QStringLiteral("#errorLabel { color: #b3261e; }"));
    m_ui->errorLabel->hide();
    m_ui->revealedFrame->hide();

    connect(m_ui->reasonLineEdit, &QLineEdit::textChanged, this, &RevealDialog::updateButtons);
    connect(m_ui->revealPushButton, &QPushButton::clicked, this, &RevealDialog::reveal);
    connect(m_ui->closePushButton, &QPushButton::clicked, this, &QDialog::reject);
    updateButtons();
    m_ui->reasonLineEdit->setFocus(Qt::OtherFocusReason);
}

RevealDialog::~RevealDialog()
{
    m_ui->nameValueLabel->clear();
    m_ui->idNumberValueLabel->clear();
}

bool RevealDialog::reveal()
{
    if (m_revealed)
        return true;
    const QString reason = m_ui->reasonLineEdit->text().trimmed();
    if (reason.isEmpty()) {
        m_ui->errorLabel->setText(tr("Give the reason for revealing the personal data; it is recorded."));
        m_ui->errorLabel->show();
        m_ui->reasonLineEdit->setFocus(Qt::OtherFocusReason);
        return false;
    }
    if (m_asking)
        return false;
    m_asking = true;
    updateButtons();
    HistoryThread* reader = &m_reader;
    reader->run<Result<RevealedPii>>(
        [reader, actor = m_actor, caseId = m_caseId, reason](AuditStore* store) -> Result<RevealedPii> {
            if (!store)
                return Failure(ErrorCode::Unavailable, reader->openError());
            return store->revealCase(actor, caseId, reason);
        },
        this,
        [this](const Result<RevealedPii>& pii) { showRevealed(pii); });
    return true;
}

void RevealDialog::showRevealed(const Result<RevealedPii>& pii)
{
    m_asking = false;
    if (!pii) {
        m_ui->errorLabel->setText(tr("Not revealed: %1").arg(pii.message()));
        m_ui->errorLabel->show();
        updateButtons();
        return;
    }
    m_revealed = true;
    m_ui->errorLabel->hide();
    m_ui->nameValueLabel->setText(pii->name);
    m_ui->idNumberValueLabel->setText(pii->idNumber);
    m_ui->revealedFrame->show();
    m_ui->reasonLineEdit->setReadOnly(true);
    updateButtons();
    m_ui->closePushButton->setDefault(true);
    m_ui->closePushButton->setFocus(Qt::OtherFocusReason);
    emit revealed(m_caseId);
}

void RevealDialog::updateButtons()
{
    m_ui->revealPushButton->setEnabled(!m_revealed && !m_asking && !m_ui->reasonLineEdit->text().trimmed().isEmpty());
}
