#include "ReviewQueueModel.h"

#include "base/Clock.h"
#include "base/DisplayTime.h"

#include <QLocale>

#include <algorithm>

ReviewQueueModel::ReviewQueueModel(Fetcher fetch, Clock& clock, QObject* parent)
    : QAbstractTableModel(parent)
    , m_fetch(std::move(fetch))
    , m_clock(&clock)
{
}

void ReviewQueueModel::setQuery(const ReviewQueueQuery& query)
{
    m_query = query;
    reload();
}

void ReviewQueueModel::setClock(Clock& clock)
{
    m_clock = &clock;
    retranslate();
}

void ReviewQueueModel::reload()
{
    m_loading = true;
    ++m_loadCount;
    const quint64 generation = ++m_generation;
    m_fetch(m_query, [this, generation](const Result<Snapshot>& snapshot) { receive(generation, snapshot); });
}

void ReviewQueueModel::receive(quint64 generation, const Result<Snapshot>& snapshot)
{
    if (generation != m_generation)
        return; // a read of a query that was replaced meanwhile
    m_loading = false;
    beginResetModel();
    if (snapshot) {
        m_failure = Failure();
        m_rows = snapshot->page.rows;
        m_total = snapshot->page.total;
        m_overdue = snapshot->page.overdue;
        m_policy = snapshot->policy;
        m_reasons = snapshot->reasons;
    } else {
        m_failure = snapshot.failure();
        m_rows.clear();
        m_total = 0;
        m_overdue = 0;
    }
    endResetModel();
    emit loaded();
}

const ReviewItem* ReviewQueueModel::itemAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ReviewQueueModel::rowOf(const QString& caseId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).review.caseId == caseId)
            return row;
    }
    return -1;
}

int ReviewQueueModel::overdueCount() const
{
    if (m_rows.size() < m_total)
        return m_overdue; // not every row is here: the history's count
    const QDateTime now = m_clock->nowUtc();
    return static_cast<int>(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [&](const ReviewItem& item) { return item.overdue(now, m_policy.slaHours); }));
}

QString ReviewQueueModel::summary() const
{
    return tr("%1 in the queue, %2 overdue").arg(m_total).arg(overdueCount());
}

void ReviewQueueModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int ReviewQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ReviewQueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReviewQueueModel::ageText(const ReviewItem& item) const
{
    const QDateTime now = m_clock->nowUtc();
    QString age = ReviewItem::displayAge(item.ageMinutes(now));
    if (!item.overdue(now, m_policy.slaHours))
        return age;
    // The marker is words, not only a colour.
    return tr("%1 — overdue").arg(age);
}

QString ReviewQueueModel::cell(const ReviewItem& item, int column) const
{
    switch (column) {
    case AgeColumn:
        return ageText(item);
    case StateColumn:
        return item.review.escalated && item.review.state != QLatin1String(ReviewState::escalated)
            ? tr("%1 (escalated)").arg(ReviewState::displayName(item.review.state))
            : ReviewState::displayName(item.review.state);
    case AssigneeColumn:
        return item.review.assignee.isEmpty() ? tr("nobody") : item.review.assignee;
    case SubCodeColumn:
        return item.subCode;
    case NameColumn:
        return item.nameMasked;
    case IdNumberColumn:
        return item.idMasked;
    case OwnerColumn:
        return item.caseOwner;
    case OpenedColumn:
        return DisplayTime::dateTime(item.review.openedAt);
    default:
        return QString();
    }
}

QVariant ReviewQueueModel::data(const QModelIndex& index, int role) const
{
    const ReviewItem* item = index.isValid() ? itemAt(index.row()) : nullptr;
    if (!item)
        return QVariant();
    switch (role) {
    case Qt::DisplayRole:
        return cell(*item, index.column());
    case Qt::ToolTipRole:
        return index.column() == AgeColumn && item->overdue(m_clock->nowUtc(), m_policy.slaHours)
            ? tr("Waiting longer than the team's limit of %1 h for a review.").arg(m_policy.slaHours)
            : QVariant();
    case CaseIdRole:
        return item->review.caseId;
    case StateRole:
        return item->review.state;
    case OverdueRole:
        return item->overdue(m_clock->nowUtc(), m_policy.slaHours);
    default:
        return QVariant();
    }
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AgeColumn:
        return tr("Age");
    case StateColumn:
        return tr("State");
    case AssigneeColumn:
        return tr("Assignee");
    case SubCodeColumn:
        return tr("SubCode");
    case NameColumn:
        return tr("Name");
    case IdNumberColumn:
        return tr("ID number");
    case OwnerColumn:
        return tr("Verified by");
    case OpenedColumn:
        return tr("Opened");
    default:
        return QVariant();
    }
}
