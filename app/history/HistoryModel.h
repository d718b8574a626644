#pragma once

#include "base/Result.h"
#include "history/HistoryQuery.h"

#include <QAbstractTableModel>

class AuditStore;

// The history as a table for the GUI's history browser: cases newest first, masked, loaded a page at a time
// (canFetchMore/fetchMore, keyset paging) so a history of millions of events opens at once.
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
        SceneColumn,
        StateColumn,
        SubCodeColumn,
        PassedColumn,
        TrainingColumn,
        AttemptsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        CaseIdRole = Qt::UserRole + 1,
        StateRole,
    };

    // The store must outlive the model.
    explicit HistoryModel(AuditStore* store, QObject* parent = nullptr, int pageSize = 200);

    void setQuery(const HistoryQuery& query); // resets and loads the first page
    const HistoryQuery& query() const { return m_query; }
    void reload();
    const CaseSummary* caseAt(int row) const;
    // Why the last page could not be read (code None when it could): a failed read is not an empty history.
    const Failure& failure() const { return m_failure; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    AuditStore* m_store;
    int m_pageSize;
    HistoryQuery m_query;
    QList<CaseSummary> m_rows;
    HistoryCursor m_cursor;
    bool m_atEnd = false;
    Failure m_failure;
};
