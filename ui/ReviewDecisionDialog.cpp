#include "ReviewDecisionDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ReviewDecisionDialog::ReviewDecisionDialog(const QList<ReviewReason>& reasons, QWidget* parent)
    : QDialog(parent)
    , m_decision(new QComboBox(this))
    , m_reason(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Propose a decision"));
    m_decision->setObjectName(QStringLiteral("decisionComboBox"));
    m_reason->setObjectName(QStringLiteral("reasonComboBox"));
    m_note->setObjectName(QStringLiteral("noteTextEdit"));
    m_note->setTabChangesFocus(true); // Tab moves on to the buttons, for a keyboard alone
    m_note->setPlaceholderText(tr("What you saw and why you decide so (required)"));
    for (const QString& d : ReviewDecision::all())
        m_decision->addItem(ReviewDecision::displayName(d), d);
    for (const ReviewReason& r : reasons) {
        if (r.active)
            m_reason->addItem(r.displayLabel(), r.code);
    }
    auto* form = new QFormLayout;
    form->addRow(tr("&Decision:"), m_decision);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Note:"), m_note);
    auto* hint = new QLabel(
        tr("With four-eyes, a second person approves the decision before it counts; escalating hands the case to the "
           "supervisors."),
        this);
    hint->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QPlainTextEdit::textChanged, this, &ReviewDecisionDialog::updateOk);
    updateOk();
}

QString ReviewDecisionDialog::decision() const
{
    return m_decision->currentData().toString();
}

QString ReviewDecisionDialog::reasonCode() const
{
    return m_reason->currentData().toString();
}

QString ReviewDecisionDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void ReviewDecisionDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!note().isEmpty());
}
