#include "DashboardPanel.h"
#include "ui_DashboardPanel.h"

#include "base/Access.h"
#include "base/Clock.h"
#include "history/AuditStore.h"
#include "session/HistoryThread.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLocale>
#include <QSignalBlocker>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

namespace {

// The colour of the index-th series: the palette's highlight, turned around the colour wheel, so charts follow the
// light or dark style without a colour of their own.
QColor seriesColor(const QPalette& palette, int index)
{
    const QColor base = palette.color(QPalette::Highlight);
    const int hue = base.hsvHue() < 0 ? 210 : base.hsvHue();
    return QColor::fromHsv((hue + index * 55) % 360, std::max(base.hsvSaturation(), 110), base.value());
}

QString percent(std::optional<double> rate)
{
    if (!rate)
        return DashboardPanel::tr("–");
    return DashboardPanel::tr("%1 %").arg(QLocale().toString(*rate * 100.0, 'f', 1));
}

QString age(qint64 minutes)
{
    if (minutes < 60)
        return DashboardPanel::tr("%n min", nullptr, int(minutes));
    constexpr qint64 minutesPerDay = qint64 { 24 } * 60;
    if (minutes < 2 * minutesPerDay)
        return DashboardPanel::tr("%n h", nullptr, int(minutes / 60));
    return DashboardPanel::tr("%n d", nullptr, int(minutes / minutesPerDay));
}

QTableWidgetItem* numberItem(int value)
{
    auto* item = new QTableWidgetItem(QLocale().toString(value));
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

DashboardPanel::DashboardPanel(AuditStore* history, ActorSource signedIn, bool training, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DashboardPanel>())
    , m_signedIn(std::move(signedIn))
    , m_training(training)
    , m_clock(&Clock::system())
    , m_zone(QTimeZone::systemTimeZone())
{
    m_ui->setupUi(this);
    if (history)
        m_reader = std::make_unique<HistoryThread>(*history, QStringLiteral("dashboard-reader"));
    for (const Range range : { ThisWeek, Last30Days, ThisYear, Custom })
        m_ui->rangeComboBox->addItem(QString(), int(range));
    m_ui->rangeComboBox->setCurrentIndex(Last30Days);
    m_ui->reviewerComboBox->addItem(QString(), QString());
    const bool ownOnly = Access::scope(m_signedIn().role, Access::Operation::ReadCases) == Access::Scope::Own;
    m_ui->reviewerLabel->setVisible(!ownOnly);
    m_ui->reviewerComboBox->setVisible(!ownOnly);

    m_daysView = new QChartView(new QChart(), m_ui->daysWidget);
    m_daysView->setObjectName(QStringLiteral("daysChartView"));
    m_daysView->setMinimumHeight(fontMetrics().height() * 14);
    m_ui->daysLayout->addWidget(m_daysView);
    m_monthsView = new QChartView(new QChart(), m_ui->lowerWidget);
    m_monthsView->setObjectName(QStringLiteral("monthsChartView"));
    m_ui->lowerLayout->insertWidget(0, m_monthsView, 1);
    m_ui->lowerLayout->setStretch(1, 2);
    m_ui->reviewersTableWidget->setColumnCount(8);
    m_ui->reviewersTableWidget->verticalHeader()->hide();
    m_ui->reviewersTableWidget->horizontalHeader()->setStretchLastSection(true);
    m_ui->dashboardMessageLabel->hide();
    retranslate();

    connect(m_ui->rangeComboBox, &QComboBox::currentIndexChanged, this, [this] {
        updateRangeEditors();
        reload();
    });
    connect(m_ui->fromDateEdit, &QDateEdit::dateChanged, this, &DashboardPanel::reload);
    connect(m_ui->toDateEdit, &QDateEdit::dateChanged, this, &DashboardPanel::reload);
    connect(m_ui->reviewerComboBox, &QComboBox::currentIndexChanged, this, &DashboardPanel::reload);
    connect(m_ui->dashboardRefreshPushButton, &QPushButton::clicked, this, &DashboardPanel::reload);
    updateRangeEditors();
}

DashboardPanel::~DashboardPanel() = default;

void DashboardPanel::setClock(Clock& clock)
{
    m_clock = &clock;
    updateRangeEditors();
}

void DashboardPanel::setTimeZone(const QTimeZone& zone)
{
    m_zone = zone;
    updateRangeEditors();
}

void DashboardPanel::setRange(Range range)
{
    m_ui->rangeComboBox->setCurrentIndex(m_ui->rangeComboBox->findData(int(range)));
}

DashboardQuery DashboardPanel::query() const
{
    const QDate today = m_clock->nowUtc().toTimeZone(m_zone).date();
    QDate first = today;
    QDate last = today;
    switch (Range(m_ui->rangeComboBox->currentData().toInt())) {
    case ThisWeek:
        first = today.addDays(1 - today.dayOfWeek());
        break;
    case Last30Days:
        first = today.addDays(-29);
        break;
    case ThisYear:
        first = QDate(today.year(), 1, 1);
        break;
    case Custom:
        first = std::min(m_ui->fromDateEdit->date(), m_ui->toDateEdit->date());
        last = std::max(m_ui->fromDateEdit->date(), m_ui->toDateEdit->date());
        break;
    }
    DashboardQuery query;
    query.zone = m_zone;
    query.from = QDateTime(first, QTime(0, 0), m_zone).toUTC();
    query.to = QDateTime(last.addDays(1), QTime(0, 0), m_zone).toUTC();
    query.actor = m_ui->reviewerComboBox->currentData().toString();
    query.training = m_training;
    return query;
}

void DashboardPanel::reload()
{
    if (!m_reader)
        return;
    HistoryThread* reader = m_reader.get();
    reader->run<Result<DashboardData>>(
        [reader, actor = m_signedIn(), query = query()](AuditStore* store) -> Result<DashboardData> {
            if (!store)
                return Failure(ErrorCode::Unavailable, reader->openError());
            return store->dashboard(actor, query);
        },
        this,
        [this](const Result<DashboardData>& data) { showData(data); });
}

void DashboardPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    reload();
    scheduleRefresh();
}

void DashboardPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        render();
    } else if (event->type() == QEvent::PaletteChange) {
        render();
    }
}

void DashboardPanel::retranslate()
{
    m_ui->fromDateEdit->setAccessibleName(tr("From date"));
    m_ui->toDateEdit->setAccessibleName(tr("To date (inclusive)"));
    const QStringList ranges = { tr("This week"), tr("Last 30 days"), tr("This year"), tr("Custom dates") };
    for (int i = 0; i < ranges.size(); ++i)
        m_ui->rangeComboBox->setItemText(i, ranges.at(i));
    m_ui->reviewerComboBox->setItemText(0, tr("Everyone"));
    m_ui->reviewersTableWidget->setHorizontalHeaderLabels({ tr("Reviewer"),
        tr("Verifications"),
        tr("Passed"),
        tr("202"),
        tr("223"),
        tr("Errors"),
        tr("Pending"),
        tr("Pass rate") });
}

// Every minute while the tab is shown, on the panel's clock: a new day (or a new case) appears without a restart.
void DashboardPanel::scheduleRefresh()
{
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    m_clock->callAfter(qint64(RefreshSeconds) * 1000, this, [this] {
        m_refreshScheduled = false;
        if (!isVisible())
            return;
        updateRangeEditors();
        reload();
        scheduleRefresh();
    });
}

// The custom dates follow the chosen range until "Custom dates" makes them editable.
void DashboardPanel::updateRangeEditors()
{
    const bool custom = m_ui->rangeComboBox->currentData().toInt() == Custom;
    m_ui->fromDateEdit->setEnabled(custom);
    m_ui->toDateEdit->setEnabled(custom);
    if (custom)
        return;
    const DashboardQuery q = query();
    const QSignalBlocker blockFrom(m_ui->fromDateEdit);
    const QSignalBlocker blockTo(m_ui->toDateEdit);
    m_ui->fromDateEdit->setDate(q.from.toTimeZone(m_zone).date());
    m_ui->toDateEdit->setDate(q.to.addMSecs(-1).toTimeZone(m_zone).date());
}

void DashboardPanel::showData(const Result<DashboardData>& data)
{
    ++m_loads;
    m_ui->dashboardMessageLabel->setVisible(!data);
    if (!data) {
        m_ui->dashboardMessageLabel->setText(tr("The dashboard cannot be read: %1").arg(data.message()));
        emit loaded();
        return;
    }
    m_data = *data;
    fillReviewers();
    render();
    emit loaded();
}

void DashboardPanel::render()
{
    if (!m_data.computedAt.isValid())
        return;
    showKpis();
    showDays();
    showMonths();
    showReviewers();
}

void DashboardPanel::showKpis()
{
    const DashboardCounts& t = m_data.totals;
    const QLocale locale;
    m_ui->totalValueLabel->setText(t.pending
            ? tr("%1 (%2 pending)").arg(locale.toString(t.total()), locale.toString(t.pending))
            : locale.toString(t.total()));
    m_ui->passRateValueLabel->setText(percent(t.passRate()));
    m_ui->notInDatabaseValueLabel->setText(locale.toString(t.notInDatabase));
    m_ui->mismatchValueLabel->setText(locale.toString(t.mismatch));
    m_ui->errorsValueLabel->setText(locale.toString(t.errors()));
    m_ui->backlogValueLabel->setText(backlogText());
    m_ui->billedValueLabel->setText(m_training ? tr("none (training)") : locale.toString(m_data.billed));
    m_ui->errorsByKindLabel->setText(
        tr("Errors by kind: failed, not billed %1 · refused by the service %2 · outcome unknown, may have been billed "
           "%3. Answers with another SubCode: %4.")
            .arg(locale.toString(t.failed),
                locale.toString(t.refused),
                locale.toString(t.outcomeUnknown),
                locale.toString(t.otherAnswer)));
    const ReviewBacklog& b = m_data.backlog;
    m_ui->backlogAgesLabel->setText(
        tr("Backlog by age: under 1 h %1 · 1 to 8 h %2 · 8 to 24 h %3 · 24 h and more %4 · overdue %5.")
            .arg(locale.toString(b.underOneHour),
                locale.toString(b.underEightHours),
                locale.toString(b.underOneDay),
                locale.toString(b.overOneDay),
                locale.toString(b.overdue)));
    for (QLabel* value : { m_ui->totalValueLabel,
             m_ui->passRateValueLabel,
             m_ui->notInDatabaseValueLabel,
             m_ui->mismatchValueLabel,
             m_ui->errorsValueLabel,
             m_ui->backlogValueLabel,
             m_ui->billedValueLabel }) {
        QFont font = value->font();
        font.setBold(true);
        font.setPointSizeF(QWidget::font().pointSizeF() * 1.4);
        value->setFont(font);
    }
}

QString DashboardPanel::backlogText() const
{
    const ReviewBacklog& b = m_data.backlog;
    if (b.open == 0)
        return tr("none open");
    const qint64 minutes = b.oldestOpenedAt.secsTo(m_data.computedAt) / 60;
    return tr("%n open, oldest %1", nullptr, b.open).arg(age(minutes));
}

// Verifications by outcome, stacked: per day, or per month when the range is longer than two months.
void DashboardPanel::showDays()
{
    const bool byMonth = m_data.days.size() > 62;
    QMap<QDate, DashboardCounts> buckets;
    for (auto it = m_data.days.cbegin(); it != m_data.days.cend(); ++it)
        buckets[byMonth ? QDate(it.key().year(), it.key().month(), 1) : it.key()] += it.value();
    const QStringList names = {
        tr("Passed"), tr("202 not in database"), tr("223 mismatch"), tr("Other answer"), tr("Errors"), tr("Pending")
    };
    QList<QBarSet*> sets;
    for (int i = 0; i < names.size(); ++i) {
        auto* set = new QBarSet(names.at(i));
        set->setColor(seriesColor(palette(), i));
        set->setBorderColor(palette().color(QPalette::Base));
        sets << set;
    }
    QStringList categories;
    int highest = 0;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        const DashboardCounts& c = it.value();
        highest = std::max(highest, c.total());
        const int values[] = { c.passed, c.notInDatabase, c.mismatch, c.otherAnswer, c.errors(), c.pending };
        for (int i = 0; i < names.size(); ++i)
            *sets[i] << values[i];
        categories << it.key().toString(byMonth ? QStringLiteral("yyyy-MM") : QStringLiteral("MM-dd"));
    }
    auto* series = new QStackedBarSeries();
    series->append(sets);
    QChart* chart = m_daysView->chart();
    chart->removeAllSeries();
    chart->addSeries(series);
    chart->setTitle(byMonth ? tr("Verifications per month by outcome") : tr("Verifications per day by outcome"));
    styleChart(chart, series, categories, highest);
}

void DashboardPanel::showMonths()
{
    auto* set =
        new QBarSet(m_training ? tr("Training calls are never billed") : tr("Answered calls (every answer is billed)"));
    set->setColor(seriesColor(palette(), 0));
    QStringList categories;
    int highest = 0;
    for (auto it = m_data.billedPerMonth.cbegin(); it != m_data.billedPerMonth.cend(); ++it) {
        highest = std::max(highest, it.value());
        *set << it.value();
        categories << it.key().toString(QStringLiteral("yyyy-MM"));
    }
    auto* series = new QBarSeries();
    series->append(set);
    QChart* chart = m_monthsView->chart();
    chart->removeAllSeries();
    chart->addSeries(series);
    chart->setTitle(tr("Billed calls per month"));
    styleChart(chart, series, categories, highest);
}

void DashboardPanel::styleChart(
    QChart* chart, QAbstractSeries* series, const QStringList& categories, int highest) const
{
    const QPalette& p = palette();
    // removeAxis() gives the axis back to the caller (removeAllSeries() deletes the series, not the axes): without
    // the delete, every refresh of the dashboard leaked both axes of both charts (LeakSanitizer).
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    auto* x = new QBarCategoryAxis();
    x->append(categories);
    x->setLabelsAngle(categories.size() > 12 ? -90 : 0);
    auto* y = new QValueAxis();
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    y->setRange(0, std::max(highest, 1)); // an empty range has no scale of its own
    y->applyNiceNumbers();
    chart->setBackgroundBrush(p.brush(QPalette::Base));
    chart->setTitleBrush(p.brush(QPalette::Text));
    chart->legend()->setLabelColor(p.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    for (QAbstractAxis* axis : { static_cast<QAbstractAxis*>(x), static_cast<QAbstractAxis*>(y) }) {
        axis->setLabelsBrush(p.brush(QPalette::Text));
        axis->setGridLineColor(p.color(QPalette::Midlight));
        axis->setLinePenColor(p.color(QPalette::Mid));
    }
}

void DashboardPanel::showReviewers()
{
    QTableWidget* table = m_ui->reviewersTableWidget;
    table->setRowCount(int(m_data.perReviewer.size()));
    int row = 0;
    for (auto it = m_data.perReviewer.cbegin(); it != m_data.perReviewer.cend(); ++it, ++row) {
        const DashboardCounts& c = it.value();
        table->setItem(row, 0, new QTableWidgetItem(it.key()));
        const int values[] = { c.total(), c.passed, c.notInDatabase, c.mismatch, c.errors(), c.pending };
        for (int i = 0; i < 6; ++i)
            table->setItem(row, i + 1, numberItem(values[i]));
        table->setItem(row, 7, new QTableWidgetItem(percent(c.passRate())));
    }
    table->resizeColumnsToContents();
}

// The reviewer choice offers everyone whose cases were seen (a supervisor's or an auditor's first read is of all).
void DashboardPanel::fillReviewers()
{
    const qsizetype before = m_reviewersSeen.size();
    for (auto it = m_data.perReviewer.cbegin(); it != m_data.perReviewer.cend(); ++it)
        m_reviewersSeen.insert(it.key());
    if (m_reviewersSeen.size() == before)
        return;
    QStringList names(m_reviewersSeen.cbegin(), m_reviewersSeen.cend());
    names.sort();
    QComboBox* combo = m_ui->reviewerComboBox;
    const QSignalBlocker block(combo);
    const QString current = combo->currentData().toString();
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const QString& name : names)
        combo->addItem(name, name);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}
