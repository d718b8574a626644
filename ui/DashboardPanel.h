#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/Dashboard.h"

#include <QDate>
#include <QSet>
#include <QTimeZone>
#include <QWidget>

#include <functional>
#include <memory>

class AuditStore;
class Clock;
class HistoryThread;
class QAbstractSeries;
class QChart;
class QChartView;

namespace Ui {
class DashboardPanel;
}

// The "Dashboard" tab: verifications per day by outcome, pass rate, 202 and 223, errors by kind, the manual-review
// backlog and its age, billed calls per month, per reviewer, for a chosen range. Each role sees what it may: the
// history scopes a reviewer's figures to their own cases. Figures are read on a HistoryThread of its own (SQL
// aggregates, see Dashboard), again every minute while the tab is shown, so a new day appears without a restart.
class DashboardPanel : public QWidget
{
    Q_OBJECT

public:
    enum Range
    {
        ThisWeek,
        Last30Days,
        ThisYear,
        Custom,
    };
    Q_ENUM(Range)

    using ActorSource = std::function<Actor()>;
    // history: open, on this thread (nullptr: no history, the panel stays empty). training: the desk's history is a
    // training one, whose cases it shows (never billed).
    DashboardPanel(AuditStore* history, ActorSource signedIn, bool training, QWidget* parent = nullptr);
    ~DashboardPanel() override;

    // The clock the range and the minute's refresh follow (not owned); the system clock by default.
    void setClock(Clock& clock);
    void setTimeZone(const QTimeZone& zone);
    // The query the current choices make, at the clock's now.
    DashboardQuery query() const;
    // The figures last shown (empty before the first load).
    const DashboardData& data() const { return m_data; }
    // Reads that have finished (tests wait for it to grow).
    int loads() const { return m_loads; }

    static constexpr int RefreshSeconds = 60;

public slots:
    void reload();
    void setRange(Range range);

signals:
    void loaded();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void showData(const Result<DashboardData>& data);
    void retranslate();
    // Shows m_data again (after a read, a language or a palette change).
    void render();
    void showKpis();
    void showDays();
    void showMonths();
    void showReviewers();
    void fillReviewers();
    void updateRangeEditors();
    void scheduleRefresh();
    // Axes for series (values up to highest), and the chart's colours from the palette.
    void styleChart(QChart* chart, QAbstractSeries* series, const QStringList& categories, int highest) const;
    QString backlogText() const;

    const std::unique_ptr<Ui::DashboardPanel> m_ui;
    std::unique_ptr<HistoryThread> m_reader;
    ActorSource m_signedIn;
    bool m_training;
    Clock* m_clock;
    QTimeZone m_zone;
    QChartView* m_daysView = nullptr;
    QChartView* m_monthsView = nullptr;
    DashboardData m_data;
    QSet<QString> m_reviewersSeen;
    int m_loads = 0;
    bool m_refreshScheduled = false;
};
