#include "RevealDialog.h"
#include "Theme.h"
#include "ui_RevealDialog.h"

#include "base/DisplayTime.h"
#include "history/AuditStore.h"
#include "history/HistoryQuery.h"
#include "session/HistoryThread.h"

#include <QLocale>

namespace {

QString describeCase(const CaseSummary& summary)
{
    return RevealDialog::tr("Case of %1 (%2), created %3")
        .arg(summary.nameMasked, summary.idMasked, DisplayTime::dateTime(summary.createdAt));
}

} // namespace

RevealDialog::RevealDialog(HistoryThread& reader, const Actor& actor, const CaseSummary& summary, QWidget* parent)
    : RevealDialog(&reader, actor, summary.caseId, parent)
{
    m_ui->caseLabel->setText(describeCase(summary));
}

RevealDialog* RevealDialog::forReverification(const QString& caseId, const CaseSummary* summary, QWidget* parent)
{
    auto* dialog = new RevealDialog(nullptr, Actor(), caseId, parent);
    dialog->setObjectName(QStringLiteral("reverifyReasonDialog"));
    dialog->setWindowTitle(tr("Verify again: reveal name and ID number"));
    dialog->m_ui->caseLabel->setText(summary ? describeCase(*summary) : tr("Case %1").arg(caseId));
    dialog->m_ui->noticeLabel->setText(
        tr("Verifying the case again decrypts its name and ID number into the case form. This is recorded in the "
           "audit history with your name and the reason."));
    dialog->m_ui->revealPushButton->setText(tr("Reveal and verify again"));
    dialog->m_ui->closePushButton->setText(tr("Cancel"));
    return dialog;
}

RevealDialog::RevealDialog(HistoryThread* reader, const Actor& actor, const QString& caseId, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RevealDialog>())
    , m_reader(reader)
    , m_actor(actor)
    , m_caseId(caseId)
{
    m_ui->setupUi(this);
    Theme::bindStyleSheet(m_ui->errorLabel, [](const QPalette& palette) {
        return Theme::textRule(QStringLiteral("#errorLabel"), Theme::Tone::Error, palette);
    });
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
    if (!m_reader) {
        emit reasonGiven(m_caseId, reason);
        accept();
        return true;
    }
    if (m_asking)
        return false;
    m_asking = true;
    updateButtons();
    HistoryThread* reader = m_reader;
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
