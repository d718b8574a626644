#include "ReviewQueuePanel.h"
#include "ui_ReviewQueuePanel.h"

#include "StatusIconDelegate.h"
#include "base/Access.h"
#include "base/Clock.h"
#include "history/AuditStore.h"
#include "session/HistoryThread.h"
#include "session/ReviewQueueModel.h"

#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QStyle>
#include <QStyledItemDelegate>

namespace {

constexpr char anyone[] = "";
constexpr char me[] = "@me";
constexpr char nobody[] = "-";
constexpr char named[] = "@named";

// An overdue age gets the warning icon and bold text beside its words: never colour alone.
class OverdueDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == ReviewQueueModel::StateColumn)
            StatusIconDelegate::decorate(
                option, StatusIcon::forReviewState(index.data(ReviewQueueModel::StateRole).toString()));
        if (index.column() != ReviewQueueModel::AgeColumn || !index.data(ReviewQueueModel::OverdueRole).toBool())
            return;
        const QStyle* style = option->widget ? option->widget->style() : nullptr;
        if (style) {
            option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, option->widget);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
        option->font.setBold(true);
    }
};

ReviewQueueModel::Fetcher fetcherFor(HistoryThread* thread, ReviewQueuePanel* panel)
{
    return [thread, panel](const ReviewQueueQuery& query, ReviewQueueModel::Done done) {
        thread->run<Result<ReviewQueueModel::Snapshot>>(
            [thread, actor = panel->actingActor(), query](AuditStore* store) -> Result<ReviewQueueModel::Snapshot> {
                if (!store)
                    return Failure(ErrorCode::Unavailable, thread->openError());
                Result<ReviewQueuePage> page = store->reviewQueue(actor, query);
                if (!page)
                    return page.failure();
                Result<ReviewPolicy> policy = store->reviewPolicy();
                if (!policy)
                    return policy.failure();
                Result<QList<ReviewReason>> reasons = store->reviewReasons();
                if (!reasons)
                    return reasons.failure();
                return ReviewQueueModel::Snapshot { *page, *policy, *reasons };
            },
            panel,
            std::move(done));
    };
}

} // namespace

ReviewQueuePanel::ReviewQueuePanel(HistoryThread* thread, ActorSource signedIn, bool training, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ReviewQueuePanel>())
    , m_thread(thread)
    , m_signedIn(std::move(signedIn))
    , m_training(training)
{
    m_ui->setupUi(this);
    if (m_training)
        setUpPractise();
    fillFilters();
    m_ui->queueTableView->setItemDelegate(new OverdueDelegate(m_ui->queueTableView));
    setFocusProxy(m_ui->queueTableView);
    if (m_thread) {
        m_model = new ReviewQueueModel(fetcherFor(m_thread, this), Clock::system(), this);
        m_ui->queueTableView->setModel(m_model);
        m_ui->queueTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        connect(m_model, &ReviewQueueModel::loaded, this, &ReviewQueuePanel::loaded);
        connect(m_ui->queueTableView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &ReviewQueuePanel::updateButtons);
    } else {
        setEnabled(false);
    }
    connect(m_ui->refreshQueuePushButton, &QPushButton::clicked, this, &ReviewQueuePanel::reload);
    connect(m_ui->stateComboBox, &QComboBox::activated, this, &ReviewQueuePanel::applyFilters);
    connect(m_ui->assigneeComboBox, &QComboBox::activated, this, &ReviewQueuePanel::applyFilters);
    connect(m_ui->assigneeLineEdit, &QLineEdit::editingFinished, this, &ReviewQueuePanel::applyFilters);
    connect(m_ui->subCodeLineEdit, &QLineEdit::editingFinished, this, &ReviewQueuePanel::applyFilters);
    connect(m_ui->claimPushButton, &QPushButton::clicked, this, &ReviewQueuePanel::claimSelected);
    connect(m_ui->releasePushButton, &QPushButton::clicked, this, &ReviewQueuePanel::releaseSelected);
    connect(m_ui->reassignPushButton, &QPushButton::clicked, this, &ReviewQueuePanel::reassignSelected);
    connect(m_ui->proposePushButton, &QPushButton::clicked, this, &ReviewQueuePanel::proposeSelected);
    connect(m_ui->approvePushButton, &QPushButton::clicked, this, &ReviewQueuePanel::approveSelected);
    connect(m_ui->declinePushButton, &QPushButton::clicked, this, &ReviewQueuePanel::declineSelected);
    connect(m_ui->withdrawPushButton, &QPushButton::clicked, this, &ReviewQueuePanel::withdrawSelected);
    connect(m_ui->reopenPushButton, &QPushButton::clicked, this, &ReviewQueuePanel::reopenSelected);
    connect(m_ui->notePushButton, &QPushButton::clicked, this, &ReviewQueuePanel::addNoteToSelected);
    connect(m_ui->attachPushButton, &QPushButton::clicked, this, &ReviewQueuePanel::attachToSelected);
    connect(m_ui->timelinePushButton, &QPushButton::clicked, this, &ReviewQueuePanel::showTimeline);
    updateButtons();
}

ReviewQueuePanel::~ReviewQueuePanel() = default;

void ReviewQueuePanel::setUpPractise()
{
    auto* label = new QLabel(tr("Practise as:"), this);
    label->setObjectName(QStringLiteral("practiseAsLabel"));
    m_practiseAs = new QComboBox(this);
    m_practiseAs->setObjectName(QStringLiteral("practiseAsComboBox"));
    m_practiseAs->addItems({ tr("trainee"), tr("second trainee") });
    m_practiseAs->setToolTip(tr("Training only: propose a decision as one trainee and approve it as the other, as "
                                "four-eyes asks of two people."));
    label->setBuddy(m_practiseAs);
    m_ui->practiseLayout->addWidget(label);
    m_ui->practiseLayout->addWidget(m_practiseAs);
    m_ui->practiseLayout->addStretch();
    connect(m_practiseAs, &QComboBox::activated, this, &ReviewQueuePanel::reload);
}

void ReviewQueuePanel::fillFilters()
{
    const int state = qMax(0, m_ui->stateComboBox->currentIndex());
    m_ui->stateComboBox->clear();
    m_ui->stateComboBox->addItem(tr("Still in the queue"), QString());
    for (const QString& s : ReviewState::all())
        m_ui->stateComboBox->addItem(ReviewState::displayName(s), s);
    m_ui->stateComboBox->setCurrentIndex(state);
    const int assignee = qMax(0, m_ui->assigneeComboBox->currentIndex());
    m_ui->assigneeComboBox->clear();
    m_ui->assigneeComboBox->addItem(tr("Anyone"), QLatin1String(anyone));
    m_ui->assigneeComboBox->addItem(tr("Me"), QLatin1String(me));
    m_ui->assigneeComboBox->addItem(tr("Nobody"), QLatin1String(nobody));
    m_ui->assigneeComboBox->addItem(tr("Named:"), QLatin1String(named));
    m_ui->assigneeComboBox->setCurrentIndex(assignee);
    m_ui->assigneeLineEdit->setEnabled(m_ui->assigneeComboBox->currentData().toString() == QLatin1String(named));
}

void ReviewQueuePanel::applyFilters()
{
    if (!m_model)
        return;
    ReviewQueueQuery query;
    const QString state = m_ui->stateComboBox->currentData().toString();
    if (!state.isEmpty())
        query.states = QStringList { state };
    const QString who = m_ui->assigneeComboBox->currentData().toString();
    m_ui->assigneeLineEdit->setEnabled(who == QLatin1String(named));
    if (who == QLatin1String(me))
        query.assignee = actingActor().name;
    else if (who == QLatin1String(named))
        query.assignee = m_ui->assigneeLineEdit->text().trimmed();
    else
        query.assignee = who;
    query.subCode = m_ui->subCodeLineEdit->text().trimmed();
    if (query.states == m_model->query().states && query.assignee == m_model->query().assignee
        && query.subCode == m_model->query().subCode)
        return;
    m_keepSelected = selectedCaseId();
    m_model->setQuery(query);
}

void ReviewQueuePanel::setClock(Clock& clock)
{
    if (m_model)
        m_model->setClock(clock);
}

Actor ReviewQueuePanel::secondTrainee(const Actor& trainee)
{
    Actor second = trainee;
    second.name = QStringLiteral("trainee-2");
    second.role = QLatin1String(Role::reviewer);
    return second;
}

Actor ReviewQueuePanel::actingActor() const
{
    Actor signedIn = m_signedIn ? m_signedIn() : Actor();
    if (m_training && m_practiseAs && m_practiseAs->currentIndex() == 1)
        return secondTrainee(signedIn);
    return signedIn;
}

const ReviewItem* ReviewQueuePanel::selectedItem() const
{
    const QModelIndex current = m_ui->queueTableView->currentIndex();
    if (!m_model || !current.isValid() || !m_ui->queueTableView->selectionModel()->isRowSelected(current.row()))
        return nullptr;
    return m_model->itemAt(current.row());
}

QString ReviewQueuePanel::selectedCaseId() const
{
    const ReviewItem* item = selectedItem();
    return item ? item->review.caseId : QString();
}

QString ReviewQueuePanel::message() const
{
    return m_ui->messageLabel->text();
}

QString ReviewQueuePanel::counts() const
{
    return m_ui->countsLabel->text();
}

void ReviewQueuePanel::showMessage(const QString& text, bool error)
{
    m_ui->messageLabel->setText(text);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_ui->messageIconLabel->setPixmap(
        error && !text.isEmpty() ? style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size) : QPixmap());
}

void ReviewQueuePanel::reload()
{
    if (!m_model)
        return;
    if (m_keepSelected.isEmpty())
        m_keepSelected = selectedCaseId();
    m_model->reload();
}

void ReviewQueuePanel::showCase(const QString& caseId)
{
    m_keepSelected = caseId;
    reload();
}

void ReviewQueuePanel::loaded()
{
    if (m_model->failure().code != ErrorCode::None)
        showMessage(m_model->failure().message, true);
    m_ui->countsLabel->setText(m_model->summary());
    const int row = m_model->rowOf(m_keepSelected);
    m_keepSelected.clear();
    if (row >= 0)
        m_ui->queueTableView->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_ui->queueTableView->selectRow(0);
    updateButtons();
}

void ReviewQueuePanel::updateButtons()
{
    const ReviewItem* item = selectedItem();
    const Actor actor = actingActor();
    const bool boss = actor.role == QLatin1String(Role::supervisor);
    const bool worker = boss || actor.role == QLatin1String(Role::reviewer);
    const QString state = item ? item->review.state : QString();
    const auto is = [&state](const char* s) { return state == QLatin1String(s); };
    const bool escalatedOk = item && (!item->review.escalated || boss);
    const bool mine = item && item->review.assignee == actor.name;
    const bool proposer = item && item->review.proposedBy == actor.name;
    const bool closed = item && ReviewState::isClosed(state);
    m_ui->claimPushButton->setEnabled(
        worker && escalatedOk && (is(ReviewState::open) || is(ReviewState::reopened) || is(ReviewState::escalated)));
    m_ui->releasePushButton->setEnabled(is(ReviewState::inReview) && (mine || boss));
    m_ui->reassignPushButton->setEnabled(item && boss && !closed && !is(ReviewState::proposed));
    m_ui->proposePushButton->setEnabled(is(ReviewState::inReview) && mine);
    const bool second = worker && escalatedOk && is(ReviewState::proposed) && !proposer;
    m_ui->approvePushButton->setEnabled(second);
    m_ui->declinePushButton->setEnabled(second);
    m_ui->approvePushButton->setToolTip(is(ReviewState::proposed) && proposer
            ? tr("You proposed this decision; a second person approves it (four-eyes).")
            : QString());
    m_ui->withdrawPushButton->setEnabled(is(ReviewState::proposed) && (proposer || boss));
    m_ui->reopenPushButton->setEnabled(closed && boss);
    m_ui->notePushButton->setEnabled(item && worker);
    m_ui->attachPushButton->setEnabled(item && worker && !closed && m_hashing == 0);
    m_ui->timelinePushButton->setEnabled(item != nullptr);
}

void ReviewQueuePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload(); // the tab was shown: what the team did meanwhile
}

void ReviewQueuePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        fillFilters();
        if (m_practiseAs) {
            if (auto* label = findChild<QLabel*>(QStringLiteral("practiseAsLabel")))
                label->setText(tr("Practise as:"));
            m_practiseAs->setItemText(0, tr("trainee"));
            m_practiseAs->setItemText(1, tr("second trainee"));
        }
        if (m_model) {
            m_model->retranslate();
            m_ui->countsLabel->setText(m_model->summary());
        }
    }
    QWidget::changeEvent(event);
}
