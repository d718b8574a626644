#pragma once

#include "history/AuditStore.h"
#include "history/HistoryQuery.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

// The history browser's filters: period (with custom dates), reviewer, outcome, review state, scene, live or
// training, a search by exact ID number, MerchantBizId or RequestId, and the person's saved filters. It only builds
// a HistoryQuery; the panel runs it. queryChanged() follows every change (a typed search on Enter).
class HistoryFilterBar : public QWidget
{
    Q_OBJECT
public:
    enum Period
    {
        AllTime,
        Today,
        Last7Days,
        Last30Days,
        ThisYear,
        CustomPeriod,
    };
    enum SearchField
    {
        SearchIdNumber,
        SearchMerchantBizId,
        SearchRequestId,
    };

    explicit HistoryFilterBar(QWidget* parent = nullptr);

    // The filters as a query (its sort is the default: the panel keeps the view's sort).
    HistoryQuery query() const;
    // Shows a saved query's filters (the ID number is never saved).
    void setQuery(const HistoryQuery& query);
    // Reviewers to choose from; hidden when the person sees only their own cases.
    void setReviewers(const QStringList& names, bool visible);
    void setSavedFilters(const QList<SavedFilter>& filters);
    // The local date the period presets count from (tests set it; otherwise the clock's date when a filter is
    // applied).
    void setToday(const QDate& today);
    QDate today() const;

signals:
    void queryChanged();
    void saveRequested(const QString& name);
    void deleteRequested(const QString& name);

public slots:
    void clear();

protected:
    void changeEvent(QEvent* event) override;

private:
    void build();
    void retranslate();
    void fillCombos();
    void fillReviewers();
    void fillSaved();
    void periodChosen();
    void savedChosen();
    void askSaveName();
    void searchEntered();
    void changed();

    QComboBox* m_period;
    QDateEdit* m_from;
    QDateEdit* m_to;
    QLabel* m_reviewerLabel;
    QComboBox* m_reviewer;
    QComboBox* m_outcome;
    QComboBox* m_review;
    QLineEdit* m_scene;
    QComboBox* m_mode;
    QComboBox* m_searchField;
    QLineEdit* m_search;
    QComboBox* m_saved;
    QPushButton* m_save;
    QPushButton* m_delete;
    QPushButton* m_clear;
    QList<QLabel*> m_labels;
    QStringList m_reviewers;
    QList<SavedFilter> m_savedFilters;
    QDate m_today; // setToday's
    bool m_todayFixed = false; // setToday was called (tests): today() is m_today, not the clock's
    bool m_updating = false; // setting widgets from a query: no queryChanged for each one
};
