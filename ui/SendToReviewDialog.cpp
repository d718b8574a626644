#include "SendToReviewDialog.h"

#include "ReferencePicker.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

SendToReviewDialog::SendToReviewDialog(const QString& caseId, QWidget* parent)
    : QDialog(parent)
    , m_caseId(caseId)
    , m_note(new QPlainTextEdit(this))
    , m_list(new QListWidget(this))
    , m_attach(new QPushButton(tr("Attach &documents…"), this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("sendToReviewDialog"));
    setWindowTitle(tr("Send to manual review"));
    m_note->setObjectName(QStringLiteral("noteTextEdit"));
    m_note->setTabChangesFocus(true); // Tab moves on to the buttons, for a keyboard alone
    m_note->setPlaceholderText(tr("What the reviewer should know (optional)"));
    m_list->setObjectName(QStringLiteral("referencesListWidget"));
    m_attach->setObjectName(QStringLiteral("attachPushButton"));
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Send to review"));
    auto* intro = new QLabel(tr("The case goes to the review queue, where a reviewer claims and decides it. Only the "
                                "names and SHA-256 of the documents are recorded; the files are not copied."),
        this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Note:"), m_note);
    form->addRow(tr("Documents seen:"), m_list);
    form->addRow(QString(), m_attach);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_attach, &QPushButton::clicked, this, &SendToReviewDialog::chooseFiles);
    updateOk();
}

QString SendToReviewDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

QList<ReviewRequest> SendToReviewDialog::requests() const
{
    ReviewRequest open;
    open.caseId = m_caseId;
    open.action = QLatin1String(ReviewAction::open);
    open.note = note();
    QList<ReviewRequest> out { open };
    for (const FileDigest& digest : m_references)
        out.append(ReferencePicker::referenceRequest(m_caseId, digest));
    return out;
}

void SendToReviewDialog::chooseFiles()
{
    ReferencePicker::choose(this, [this](const QStringList& paths) { addFiles(paths); });
}

void SendToReviewDialog::addFiles(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    ++m_hashing;
    m_message->setText(tr("Computing the SHA-256 of %n file(s)…", nullptr, static_cast<int>(paths.size())));
    updateOk();
    FileDigest::computeAsync(paths, this, [this](const QList<FileDigest>& digests) {
        --m_hashing;
        addDigests(digests);
    });
}

void SendToReviewDialog::addDigests(const QList<FileDigest>& digests)
{
    QStringList errors;
    for (const FileDigest& digest : digests) {
        if (!digest.isValid()) {
            errors.append(digest.error);
            continue;
        }
        m_references.append(digest);
        m_list->addItem(ReferencePicker::describe(digest));
    }
    m_message->setText(errors.join(QLatin1Char('\n')));
    updateOk();
}

void SendToReviewDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_hashing == 0);
    m_attach->setEnabled(m_hashing == 0);
}
