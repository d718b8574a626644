#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/HistoryQuery.h"

#include <QAbstractTableModel>

#include <functional>

class AuditStore;

// The history as a table for the GUI's history browser: cases in the query's order (newest first by default), masked,
// loaded a page at a time (canFetchMore/fetchMore, keyset paging) so a history of millions of events opens at once.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CreatedColumn,
        ActorColumn,
        NameColumn,
        IdNumberColumn,
        MerchantBizIdColumn,
        SceneColumn,
        OutcomeColumn,
        ErrorCodeColumn,
        ReviewStateColumn,
        AttemptsColumn,
        StateColumn,
        TrainingColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        CaseIdRole = Qt::UserRole + 1,
        StateRole,
    };

    // Reads one page and calls done with it, later (from another thread's work, on the model's thread) or at once.
    using PageDone = std::function<void(const Result<HistoryPage>& page)>;
    using PageFetcher =
        std::function<void(const HistoryQuery& query, const HistoryCursor& after, int limit, PageDone done)>;

    // Pages read from fetch: the GUI reads them on a thread of its own (session's HistoryThread), so the window never
    // waits for the database. Pages of a query that was replaced meanwhile are dropped.
    HistoryModel(PageFetcher fetch, QObject* parent = nullptr, int pageSize = 200);
    // Pages read from store at once, on this thread, as actor may see them (tools, tests). The store must outlive
    // the model.
    HistoryModel(AuditStore* store, const Actor& actor, QObject* parent = nullptr, int pageSize = 200);

    void setQuery(const HistoryQuery& query); // resets and loads the first page
    const HistoryQuery& query() const { return m_query; }
    // Empties the model and asks for the first page again; pageLoaded() follows.
    void reload();
    bool isLoading() const { return m_loading; }
    int pageSize() const { return m_pageSize; }
    const CaseSummary* caseAt(int row) const;
    // Why the last page could not be read (code None when it could): a failed read is not an empty history.
    const Failure& failure() const { return m_failure; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    // The language changed: the headers and the translated cells ("yes", "training", ...) are asked for again.
    void retranslate();
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    // Sorting is done by the history in SQL: the query's sort changes and the first page is read again.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // The HistorySort key of a column; empty for a column the history does not sort by.
    static QString sortKey(int column);
    void fetchMore(const QModelIndex& parent) override;

signals:
    // A page arrived (its rows are in the model), or its read failed (failure() says why).
    void pageLoaded();

private:
    void request(const HistoryCursor& after);
    void receive(quint64 generation, const Result<HistoryPage>& page);

    PageFetcher m_fetch;
    int m_pageSize;
    HistoryQuery m_query;
    QList<CaseSummary> m_rows;
    HistoryCursor m_cursor;
    bool m_atEnd = false;
    bool m_loading = false;
    quint64 m_generation = 0; // bumped by reload(): older pages are dropped
    Failure m_failure;
};
