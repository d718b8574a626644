#include "DashboardPanel.h"
#include "FakeClock.h"
#include "GuiDriver.h"
#include "StoreFixture.h"
#include "TeamHistory.h"
#include "base/Language.h"
#include "history/AuditStore.h"

#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QTest>

// The dashboard with real widgets offscreen on a team's SQLite history and a fake clock (Tuesday 2026-12-01,
// 09:00 UTC): the figures of a seeded history, a range change, a reviewer's own figures only, and a new day that
// appears at the minute's refresh.
class TestDashboardPanel : public QObject
{
    Q_OBJECT

    std::unique_ptr<StoreFixture> m_fx;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<AuditStore> m_store;
    std::optional<TeamHistory> m_team;
    std::unique_ptr<DashboardPanel> m_panel;
    int m_cases = 0;

    static QDateTime utc(const char* text) { return QDateTime::fromString(QLatin1String(text), Qt::ISODate); }

    bool makeCase(const char* at, const char* who, const QString& state, std::optional<bool> passed, const char* sub)
    {
        m_clock->advance(m_clock->nowUtc().msecsTo(utc(at)));
        const Actor& actor = m_team->actors.at(QLatin1String(who));
        CaseRecord record = TeamHistory::record(++m_cases);
        record.training = false;
        const Result<QString> id = m_store->createCase(actor, record);
        return id
            && m_store->completeCase(actor, *id, StoreFixture::completion(state, passed, QLatin1String(sub))).ok();
    }

    DashboardPanel* open(const char* who)
    {
        m_panel = std::make_unique<DashboardPanel>(
            m_store.get(), [actor = m_team->actors.at(QLatin1String(who))] { return actor; }, false);
        m_panel->setClock(*m_clock);
        m_panel->setTimeZone(QTimeZone::utc());
        m_panel->resize(1000, 700);
        m_panel->show();
        return m_panel.get();
    }

    QString text(const char* label) const { return m_panel->findChild<QLabel*>(QLatin1String(label))->text(); }

private slots:
    void init()
    {
        m_fx = std::make_unique<StoreFixture>();
        QString skip;
        QVERIFY2(m_fx->prepare(QStringLiteral("sqlite"), &skip), qPrintable(skip));
        m_clock = std::make_unique<FakeClock>(utc("2026-11-20T08:00:00Z"));
        m_store = m_fx->open(m_clock.get());
        QVERIFY(m_store);
        m_team = TeamHistory::build(*m_store, 0);
        QVERIFY(m_team);
        const QString completed = QLatin1String(CaseState::completed);
        QVERIFY(makeCase("2026-11-21T10:00:00Z", "other", QLatin1String(CaseState::failed), std::nullopt, ""));
        QVERIFY(makeCase("2026-11-30T10:00:00Z", "reviewer", completed, false, "202"));
        QVERIFY(makeCase("2026-12-01T07:00:00Z", "reviewer", completed, true, "200"));
        QVERIFY(makeCase("2026-12-01T07:30:00Z", "reviewer", completed, true, "200"));
        QVERIFY(makeCase("2026-12-01T08:00:00Z", "other", completed, false, "223"));
        m_clock->advance(m_clock->nowUtc().msecsTo(utc("2026-12-01T09:00:00Z")));
    }

    void cleanup()
    {
        m_panel.reset();
        m_store.reset();
        m_fx.reset();
    }

    // A supervisor's last 30 days: every case; then this week (from Monday 11-30) leaves out the failure of 11-21.
    void showsFiguresAndFollowsTheRange()
    {
        DashboardPanel* panel = open("supervisor");
        QTRY_VERIFY_WITH_TIMEOUT(panel->loads() > 0, 10000);
        QCOMPARE(text("totalValueLabel"), QStringLiteral("5"));
        QCOMPARE(text("passRateValueLabel"), QStringLiteral("50.0 %"));
        QCOMPARE(text("notInDatabaseValueLabel"), QStringLiteral("1"));
        QCOMPARE(text("mismatchValueLabel"), QStringLiteral("1"));
        QCOMPARE(text("errorsValueLabel"), QStringLiteral("1"));
        QCOMPARE(text("billedValueLabel"), QStringLiteral("4"));
        auto* table = panel->findChild<QTableWidget*>(QStringLiteral("reviewersTableWidget"));
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("other"));
        QCOMPARE(table->item(1, 1)->text(), QStringLiteral("3"));
        auto* chart = panel->findChild<QChartView*>(QStringLiteral("daysChartView"));
        QCOMPARE(chart->chart()->series().size(), 1);
        QCOMPARE(qobject_cast<QStackedBarSeries*>(chart->chart()->series().first())->barSets().size(), 6);
        QCOMPARE(qobject_cast<QStackedBarSeries*>(chart->chart()->series().first())->barSets().first()->count(), 30);

        auto* range = panel->findChild<QComboBox*>(QStringLiteral("rangeComboBox"));
        range->setCurrentIndex(DashboardPanel::ThisWeek);
        QTRY_COMPARE_WITH_TIMEOUT(text("totalValueLabel"), QStringLiteral("4"), 10000);
        QCOMPARE(text("errorsValueLabel"), QStringLiteral("0"));
        QCOMPARE(panel->data().days.firstKey(), QDate(2026, 11, 30));

        auto* reviewer = panel->findChild<QComboBox*>(QStringLiteral("reviewerComboBox"));
        QVERIFY(reviewer->isVisible());
        QCOMPARE(reviewer->count(), 3); // everyone, other, reviewer
        reviewer->setCurrentIndex(reviewer->findData(QStringLiteral("other")));
        QTRY_COMPARE_WITH_TIMEOUT(text("totalValueLabel"), QStringLiteral("1"), 10000);
        QCOMPARE(text("mismatchValueLabel"), QStringLiteral("1"));
    }

    // A reviewer sees their own figures only, and no reviewer choice.
    void reviewerSeesOwnFigures()
    {
        DashboardPanel* panel = open("reviewer");
        QTRY_VERIFY_WITH_TIMEOUT(panel->loads() > 0, 10000);
        QCOMPARE(text("totalValueLabel"), QStringLiteral("3"));
        QCOMPARE(text("mismatchValueLabel"), QStringLiteral("0"));
        QVERIFY(!panel->findChild<QComboBox*>(QStringLiteral("reviewerComboBox"))->isVisible());
        QCOMPARE(panel->data().perReviewer.keys(), QStringList { QStringLiteral("reviewer") });
    }

    // At the first refresh after midnight the new day is in the chart, without a restart.
    void newDayAppearsAtTheRefresh()
    {
        DashboardPanel* panel = open("supervisor");
        QTRY_VERIFY_WITH_TIMEOUT(panel->loads() > 0, 10000);
        QCOMPARE(panel->data().days.lastKey(), QDate(2026, 12, 1));
        m_clock->advance(m_clock->nowUtc().msecsTo(utc("2026-12-02T00:00:00Z")));
        m_clock->advance(qint64(DashboardPanel::RefreshSeconds) * 1000);
        QTRY_COMPARE_WITH_TIMEOUT(panel->data().days.lastKey(), QDate(2026, 12, 2), 10000);
    }

    // Screenshots in English and Chinese (with EKYC_SCREENSHOT_DIR set).
    void screenshots()
    {
        DashboardPanel* panel = open("supervisor");
        QTRY_VERIFY_WITH_TIMEOUT(panel->loads() > 0, 10000);
        for (const char* language : { Language::english, Language::simplifiedChinese }) {
            Language::apply(QLatin1String(language));
            GuiDriver::settleLayout();
            const QString suffix =
                QLatin1String(language) == QLatin1String(Language::english) ? QString() : QStringLiteral("-zh");
            GuiDriver::saveScreenshot(panel, QStringLiteral("dashboard%1.png").arg(suffix));
        }
        Language::apply(QLatin1String(Language::english));
        QTRY_COMPARE(panel->findChild<QPushButton*>(QStringLiteral("dashboardRefreshPushButton"))->text(),
            QStringLiteral("Re&fresh"));
    }
};

QTEST_MAIN(TestDashboardPanel)
#include "TestDashboardPanel.moc"
