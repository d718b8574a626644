#pragma once

#include "base/Result.h"
#include "history/Review.h"

#include <QAbstractTableModel>
#include <QList>

#include <functional>

class Clock;

// The manual-review queue as a table for the GUI: oldest first, masked, with each case's age and an overdue marker
// after the team's SLA (ReviewPolicy::slaHours). The queue, the policy and the reason codes are read together through
// a fetcher, which the GUI runs on the history thread, so the window never waits on the database.
class ReviewQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AgeColumn,
        StateColumn,
        AssigneeColumn,
        SubCodeColumn,
        NameColumn,
        IdNumberColumn,
        OwnerColumn,
        OpenedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        CaseIdRole = Qt::UserRole + 1,
        StateRole,
        OverdueRole, // bool: older than the SLA and still open
    };

    // What one read brings back.
    struct Snapshot
    {
        ReviewQueuePage page;
        ReviewPolicy policy;
        QList<ReviewReason> reasons;
    };
    using Done = std::function<void(const Result<Snapshot>& snapshot)>;
    // Reads the queue for query and calls done with it, later (from another thread's work, on the model's thread) or
    // at once.
    using Fetcher = std::function<void(const ReviewQueueQuery& query, Done done)>;

    // clock: the time ages are counted to (not owned; it must outlive the model).
    ReviewQueueModel(Fetcher fetch, Clock& clock, QObject* parent = nullptr);

    void setQuery(const ReviewQueueQuery& query); // and reload
    const ReviewQueueQuery& query() const { return m_query; }
    void setClock(Clock& clock);
    // Reads the queue again; the rows shown stay until it arrives (loaded() follows).
    void reload();
    bool isLoading() const { return m_loading; }
    // Reads started so far (tests count them instead of waiting for nothing to happen).
    int loadCount() const { return m_loadCount; }
    const ReviewItem* itemAt(int row) const;
    int rowOf(const QString& caseId) const; // -1 when not shown
    const ReviewPolicy& policy() const { return m_policy; }
    const QList<ReviewReason>& reasons() const { return m_reasons; }
    int total() const { return m_total; }
    int overdueCount() const;
    // "3 in the queue, 1 overdue", translated.
    QString summary() const;
    // Why the last read failed (code None when it did not): a failed read is not an empty queue.
    const Failure& failure() const { return m_failure; }
    // The language changed: headers and cells are asked for again.
    void retranslate();

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // A read arrived (its rows are in the model), or failed (failure() says why).
    void loaded();

private:
    void receive(quint64 generation, const Result<Snapshot>& snapshot);
    QString ageText(const ReviewItem& item) const;
    QString cell(const ReviewItem& item, int column) const;

    Fetcher m_fetch;
    Clock* m_clock;
    ReviewQueueQuery m_query;
    QList<ReviewItem> m_rows;
    ReviewPolicy m_policy;
    QList<ReviewReason> m_reasons;
    int m_total = 0;
    int m_overdue = 0; // as the history counted it, for rows beyond those shown
    bool m_loading = false;
    int m_loadCount = 0;
    quint64 m_generation = 0;
    Failure m_failure;
};
