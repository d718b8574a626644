#include "CaseTimelineDialog.h"
#include "LayoutFit.h"

#include "base/DisplayTime.h"
#include "history/AuditStore.h"
#include "session/HistoryThread.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

CaseTimelineDialog::CaseTimelineDialog(
    HistoryThread& thread, const Actor& actor, const QString& caseId, QWidget* parent)
    : QDialog(parent)
    , m_thread(thread)
    , m_actor(actor)
    , m_caseId(caseId)
    , m_tree(new QTreeWidget(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("caseTimelineDialog"));
    setWindowTitle(tr("Timeline of case %1").arg(caseId));
    m_tree->setObjectName(QStringLiteral("timelineTreeWidget"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({ tr("#"), tr("Time"), tr("Who"), tr("What"), tr("Linked case") });
    m_tree->setRootIsDecorated(false);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true); // the text keeps its full width (a SHA-256 is 64 characters)
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setText(tr("Reading the timeline…"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    LayoutFit::resizeWithinScreen(this, QSize(1100, 520));
    load();
}

void CaseTimelineDialog::load()
{
    m_thread.run<Result<QList<TimelineEntry>>>(
        [&thread = m_thread, actor = m_actor, caseId = m_caseId](AuditStore* store) -> Result<QList<TimelineEntry>> {
            if (!store)
                return Failure(ErrorCode::Unavailable, thread.openError());
            return CaseTimeline::read(*store, actor, caseId);
        },
        this,
        [this](const Result<QList<TimelineEntry>>& entries) {
            if (!entries)
                m_message->setText(entries.message());
            else
                showEntries(*entries);
            m_loaded = true;
        });
}

void CaseTimelineDialog::showEntries(const QList<TimelineEntry>& entries)
{
    m_entries = entries;
    m_tree->clear();
    for (const TimelineEntry& entry : entries)
        addEntry(entry);
    m_tree->expandAll();
    m_message->setText(tr("Entries, in the order of the chain: %n.", nullptr, static_cast<int>(entries.size())));
}

void CaseTimelineDialog::addEntry(const TimelineEntry& entry)
{
    auto* item = new QTreeWidgetItem(
        m_tree, { tr("#%1").arg(entry.seq), DisplayTime::dateTime(entry.ts), entry.actor, entry.text });
    item->setData(SeqColumn, Qt::UserRole, entry.seq);
    item->setToolTip(TextColumn, entry.text);
    if (!entry.note.isEmpty()) {
        auto* note = new QTreeWidgetItem(item, { tr("Note: %1").arg(entry.note) });
        note->setFirstColumnSpanned(true);
        QFont italic = note->font(0);
        italic.setItalic(true);
        note->setFont(0, italic);
    }
    if (entry.linkedCaseId.isEmpty())
        return;
    auto* open = new QPushButton(tr("Open %1").arg(entry.linkedCaseId.left(8)), m_tree);
    open->setObjectName(QStringLiteral("linkedCaseButton"));
    open->setProperty("linkedCaseId", entry.linkedCaseId);
    open->setToolTip(tr("Open the timeline of case %1").arg(entry.linkedCaseId));
    open->setFlat(true);
    connect(open, &QPushButton::clicked, this, [this, id = entry.linkedCaseId] { openCase(id); });
    m_tree->setItemWidget(item, LinkColumn, open);
}

void CaseTimelineDialog::openCase(const QString& caseId)
{
    auto* other = new CaseTimelineDialog(m_thread, m_actor, caseId, this);
    other->setAttribute(Qt::WA_DeleteOnClose);
    other->show();
}
