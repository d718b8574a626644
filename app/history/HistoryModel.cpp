#include "HistoryModel.h"

#include "base/DisplayTime.h"
#include "history/Review.h"

#include "history/AuditStore.h"

HistoryModel::HistoryModel(PageFetcher fetch, QObject* parent, int pageSize)
    : QAbstractTableModel(parent)
    , m_fetch(std::move(fetch))
    , m_pageSize(qMax(1, pageSize))
{
    reload();
}

HistoryModel::HistoryModel(AuditStore* store, const Actor& actor, QObject* parent, int pageSize)
    : HistoryModel(
        [store, actor](const HistoryQuery& query, const HistoryCursor& after, int limit, const PageDone& done) {
            if (store)
                done(store->queryCases(actor, query, after, limit));
        },
        parent,
        pageSize)
{
}

void HistoryModel::setQuery(const HistoryQuery& query)
{
    m_query = query;
    reload();
}

void HistoryModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_cursor = HistoryCursor();
    m_atEnd = false;
    m_failure = Failure();
    ++m_generation;
    m_loading = true; // views asking for more during the reset wait for the first page
    endResetModel();
    request(HistoryCursor());
}

void HistoryModel::request(const HistoryCursor& after)
{
    m_loading = true;
    const quint64 generation = m_generation;
    m_fetch(
        m_query, after, m_pageSize, [this, generation](const Result<HistoryPage>& page) { receive(generation, page); });
}

void HistoryModel::receive(quint64 generation, const Result<HistoryPage>& result)
{
    if (generation != m_generation)
        return; // a page of a query that was replaced
    m_loading = false;
    if (!result) {
        m_failure = result.failure();
        m_atEnd = true; // no endless retry from the view; reload() starts again
        emit pageLoaded();
        return;
    }
    const HistoryPage& page = *result;
    m_atEnd = page.atEnd;
    if (!page.rows.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + static_cast<int>(page.rows.size()) - 1);
        m_rows.append(page.rows);
        endInsertRows();
        m_cursor = page.next;
    }
    emit pageLoaded();
}

const CaseSummary* HistoryModel::caseAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int HistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int HistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const
{
    const CaseSummary* c = index.isValid() ? caseAt(index.row()) : nullptr;
    if (!c)
        return {};
    if (role == CaseIdRole)
        return c->caseId;
    if (role == StateRole)
        return c->state;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CreatedColumn:
        return DisplayTime::dateTime(c->createdAt);
    case ActorColumn:
        return c->actor;
    case NameColumn:
        return c->purged ? tr("(purged)") : c->nameMasked;
    case IdNumberColumn:
        return c->purged ? tr("(purged)") : c->idMasked;
    case MerchantBizIdColumn:
        return c->merchantBizId;
    case SceneColumn:
        return c->sceneCode;
    case OutcomeColumn:
        return HistoryOutcome::displayName(c->outcome());
    case ErrorCodeColumn:
        return c->errorCode.isEmpty() ? c->errorKind : c->errorCode;
    case ReviewStateColumn:
        return c->reviewState.isEmpty() ? QString() : ReviewState::displayName(c->reviewState);
    case StateColumn:
        return c->displayState();
    case TrainingColumn:
        return c->training ? tr("training") : tr("live");
    case AttemptsColumn:
        return c->attempts;
    default:
        return {};
    }
}

void HistoryModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CreatedColumn:
        return tr("Time");
    case ActorColumn:
        return tr("Reviewer");
    case NameColumn:
        return tr("Name");
    case IdNumberColumn:
        return tr("ID number");
    case MerchantBizIdColumn:
        return tr("MerchantBizId");
    case SceneColumn:
        return tr("Scene");
    case OutcomeColumn:
        return tr("Outcome");
    case ErrorCodeColumn:
        return tr("Error code");
    case ReviewStateColumn:
        return tr("Review");
    case StateColumn:
        return tr("State");
    case TrainingColumn:
        return tr("Mode");
    case AttemptsColumn:
        return tr("Attempts");
    default:
        return {};
    }
}

QString HistoryModel::sortKey(int column)
{
    switch (column) {
    case CreatedColumn:
        return QLatin1String(HistorySort::time);
    case ActorColumn:
        return QLatin1String(HistorySort::reviewer);
    case NameColumn:
        return QLatin1String(HistorySort::name);
    case IdNumberColumn:
        return QLatin1String(HistorySort::idNumber);
    case MerchantBizIdColumn:
        return QLatin1String(HistorySort::merchantBizId);
    case SceneColumn:
        return QLatin1String(HistorySort::scene);
    case OutcomeColumn:
    case StateColumn:
        return QLatin1String(HistorySort::outcome);
    case ErrorCodeColumn:
        return QLatin1String(HistorySort::errorCode);
    case ReviewStateColumn:
        return QLatin1String(HistorySort::reviewState);
    case AttemptsColumn:
        return QLatin1String(HistorySort::attempts);
    default:
        return {};
    }
}

void HistoryModel::sort(int column, Qt::SortOrder order)
{
    const QString key = sortKey(column);
    if (key.isEmpty())
        return;
    const bool descending = order == Qt::DescendingOrder;
    if (key == m_query.sortKey && descending == m_query.descending)
        return;
    HistoryQuery query = m_query;
    query.sortKey = key;
    query.descending = descending;
    setQuery(query);
}

bool HistoryModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading;
}

void HistoryModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd || m_loading)
        return;
    request(m_cursor);
}
