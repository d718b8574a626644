#include "history/AuditStore.h"
#include "history/Dashboard.h"

#include "FakeClock.h"
#include "StoreFixture.h"
#include "TeamHistory.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <map>

// The dashboard's figures through the real write path, on both backends: a scripted history on known days (local
// days, months, billing, backlog, who sees what), and a random one whose dashboard must equal the same figures
// computed case by case from queryCases and reviewQueue ("the aggregates stay exact").
class TestDashboard : public QObject
{
    Q_OBJECT

    struct World
    {
        StoreFixture fx;
        FakeClock clock;
        std::unique_ptr<AuditStore> store;
        std::map<QString, Actor> actors;
        int cases = 0;
    };

    static QDateTime utc(const char* text) { return QDateTime::fromString(QLatin1String(text), Qt::ISODate); }

    static void advanceTo(FakeClock& clock, const QDateTime& at) { clock.advance(clock.nowUtc().msecsTo(at)); }

    static std::unique_ptr<World> openWorld(const QString& backend, QString* skip)
    {
        auto w = std::make_unique<World>();
        if (!w->fx.prepare(backend, skip))
            return nullptr;
        w->store = w->fx.open(&w->clock);
        std::optional<TeamHistory> team = w->store ? TeamHistory::build(*w->store, 0) : std::nullopt;
        if (!team) {
            *skip = QStringLiteral("the team history was not built");
            return nullptr;
        }
        w->actors = team->actors;
        return w;
    }

    // A case of who, made at the clock's time and ended with outcome: "200", "202", "223", "999" (an answer),
    // "failed", "refused", "unknown" or "pending".
    static QString makeCase(World& w, const QString& who, const QString& outcome, bool training)
    {
        const Actor& actor = w.actors.at(who);
        CaseRecord record = TeamHistory::record(++w.cases);
        record.training = training;
        const Result<QString> id = w.store->createCase(actor, record);
        if (!id || outcome == QLatin1String("pending"))
            return id.valueOr(QString());
        Events::CaseCompleted end;
        if (outcome == QLatin1String("failed") || outcome == QLatin1String("refused"))
            end = StoreFixture::completion(outcome, std::nullopt, QString());
        else if (outcome == QLatin1String("unknown"))
            end = StoreFixture::completion(QLatin1String(CaseState::outcomeUnknown), std::nullopt, QString());
        else
            end =
                StoreFixture::completion(QLatin1String(CaseState::completed), outcome == QLatin1String("200"), outcome);
        return w.store->completeCase(actor, *id, end) ? *id : QString();
    }

    static bool openReview(World& w, const QString& who, const QString& caseId)
    {
        ReviewRequest request;
        request.caseId = caseId;
        request.action = QLatin1String(ReviewAction::open);
        return bool(w.store->review(w.actors.at(who), request));
    }

    // The scripted history, UTC times (Asia/Shanghai, +8, in brackets where the local day differs):
    //   a 11-30 02:00 reviewer 200      b 11-30 10:00 reviewer 202 (review opened 10:05)
    //   c 11-30 17:30 other 223 [12-01] (review opened 18:00)       d 11-30 23:59 other failed [12-01]
    //   e 12-01 03:00 reviewer unknown  f 12-01 05:00 supervisor refused   g 12-01 09:00 reviewer pending
    //   h 12-01 12:00 reviewer 200, training                    i 12-01 16:30 other 999 [12-02] (review opened 16:40)
    // and now is 12-01 17:00.
    static bool buildScript(World& w)
    {
        struct Step
        {
            const char* at;
            const char* who;
            const char* outcome; // or "review" of the previous case
            bool training;
        };
        const Step steps[] = {
            { "2026-11-30T02:00:00Z", "reviewer", "200", false },
            { "2026-11-30T10:00:00Z", "reviewer", "202", false },
            { "2026-11-30T10:05:00Z", "reviewer", "review", false },
            { "2026-11-30T17:30:00Z", "other", "223", false },
            { "2026-11-30T18:00:00Z", "other", "review", false },
            { "2026-11-30T23:59:00Z", "other", "failed", false },
            { "2026-12-01T03:00:00Z", "reviewer", "unknown", false },
            { "2026-12-01T05:00:00Z", "supervisor", "refused", false },
            { "2026-12-01T09:00:00Z", "reviewer", "pending", false },
            { "2026-12-01T12:00:00Z", "reviewer", "200", true },
            { "2026-12-01T16:30:00Z", "other", "999", false },
            { "2026-12-01T16:40:00Z", "other", "review", false },
        };
        QString last;
        for (const Step& step : steps) {
            advanceTo(w.clock, utc(step.at));
            const QString who = QLatin1String(step.who);
            const QString outcome = QLatin1String(step.outcome);
            if (outcome == QLatin1String("review")) {
                if (!openReview(w, who, last))
                    return false;
                continue;
            }
            last = makeCase(w, who, outcome, step.training);
            if (last.isEmpty())
                return false;
        }
        advanceTo(w.clock, utc("2026-12-01T17:00:00Z"));
        return true;
    }

    static QTimeZone zoneNamed(const QString& name)
    {
        if (name == QLatin1String("UTC"))
            return QTimeZone::utc();
        if (name == QLatin1String("+8"))
            return QTimeZone(8 * 3600);
        return QTimeZone(name.toLatin1());
    }

    // [firstDay, lastDay] as local days of zone.
    static DashboardQuery localRange(const QDate& firstDay, const QDate& lastDay, const QTimeZone& zone)
    {
        DashboardQuery query;
        query.zone = zone;
        query.from = QDateTime(firstDay, QTime(0, 0), zone).toUTC();
        query.to = QDateTime(lastDay.addDays(1), QTime(0, 0), zone).toUTC();
        return query;
    }

    // "2026-11-30=4 2026-12-01=3" of day totals, or of billed calls by month.
    static QString dayTotals(const DashboardData& data)
    {
        QStringList parts;
        for (auto it = data.days.cbegin(); it != data.days.cend(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key().toString(Qt::ISODate)).arg(it.value().total());
        return parts.join(QLatin1Char(' '));
    }

    static QString months(const DashboardData& data)
    {
        QStringList parts;
        for (auto it = data.billedPerMonth.cbegin(); it != data.billedPerMonth.cend(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key().toString(QStringLiteral("yyyy-MM"))).arg(it.value());
        return parts.join(QLatin1Char(' '));
    }

    static QString reviewers(const DashboardData& data)
    {
        QStringList parts;
        for (auto it = data.perReviewer.cbegin(); it != data.perReviewer.cend(); ++it)
            parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value().total());
        return parts.join(QLatin1Char(' '));
    }

    // What the dashboard must say, computed case by case from the ordinary reads.
    static DashboardData naive(World& w, const Actor& reader, const DashboardQuery& query)
    {
        DashboardData data;
        const QDate lastDay = query.to.addMSecs(-1).toTimeZone(query.zone).date();
        for (QDate day = query.from.toTimeZone(query.zone).date(); day <= lastDay; day = day.addDays(1))
            data.days.insert(day, DashboardCounts());
        HistoryQuery filter;
        filter.from = query.from;
        filter.to = query.to;
        filter.actor = query.actor;
        filter.training = query.training;
        HistoryCursor cursor;
        for (;;) {
            const Result<HistoryPage> page = w.store->queryCases(reader, filter, cursor, 500);
            if (!page)
                qFatal("queryCases failed: %s", qPrintable(page.message()));
            for (const CaseSummary& c : page->rows) {
                DashboardCounts one;
                countCase(c, &one);
                const QDate day = c.createdAt.toTimeZone(query.zone).date();
                data.days[day] += one;
                data.totals += one;
                data.perReviewer[c.actor] += one;
                if (!query.training && one.answered() > 0)
                    data.billedPerMonth[QDate(day.year(), day.month(), 1)] += 1;
            }
            if (page->atEnd)
                break;
            cursor = page->next;
        }
        data.billed = query.training ? 0 : data.totals.answered();
        return data;
    }

    static void countCase(const CaseSummary& c, DashboardCounts* one)
    {
        const bool answer = c.state == QLatin1String(CaseState::completed);
        if (answer && c.passed.value_or(false))
            one->passed = 1;
        else if (answer && c.subCode == QLatin1String("202"))
            one->notInDatabase = 1;
        else if (answer && c.subCode == QLatin1String("223"))
            one->mismatch = 1;
        else if (answer)
            one->otherAnswer = 1;
        else if (c.state == QLatin1String(CaseState::failed))
            one->failed = 1;
        else if (c.state == QLatin1String(CaseState::refused))
            one->refused = 1;
        else if (c.state == QLatin1String(CaseState::outcomeUnknown))
            one->outcomeUnknown = 1;
        else if (c.state == QLatin1String(CaseState::pending))
            one->pending = 1;
    }

private slots:
    void scriptedDays_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<bool>("training");
        QTest::addColumn<QString>("days");
        QTest::addColumn<QString>("billed");
        QTest::addColumn<QString>("perReviewer");
        QTest::addColumn<int>("answered");
        QTest::addColumn<int>("passed");
        QTest::addColumn<int>("errors");
        for (const QString& backend : StoreFixture::backends()) {
            const auto row = [&backend](const char* name) -> QTestData& {
                return QTest::addRow("%s %s", qPrintable(backend), name) << backend;
            };
            row("utc") << QStringLiteral("UTC") << false << QStringLiteral("2026-11-30=4 2026-12-01=4")
                       << QStringLiteral("2026-11=3 2026-12=1") << QStringLiteral("other=3 reviewer=4 supervisor=1")
                       << 4 << 1 << 3;
            row("shanghai") << QStringLiteral("+8") << false << QStringLiteral("2026-11-30=2 2026-12-01=5")
                            << QStringLiteral("2026-11=2 2026-12=1")
                            << QStringLiteral("other=2 reviewer=4 supervisor=1") << 3 << 1 << 3;
            row("training") << QStringLiteral("UTC") << true << QStringLiteral("2026-11-30=0 2026-12-01=1") << QString()
                            << QStringLiteral("reviewer=1") << 1 << 1 << 0;
        }
    }

    // Days, months and reviewers of a supervisor's dashboard for 11-30 and 12-01 as local days of the zone.
    void scriptedDays()
    {
        QFETCH(QString, backend);
        QFETCH(QString, zone);
        QFETCH(bool, training);
        QString skip;
        const std::unique_ptr<World> w = openWorld(backend, &skip);
        if (!w)
            QSKIP(qPrintable(skip));
        QVERIFY(buildScript(*w));
        DashboardQuery query = localRange(QDate(2026, 11, 30), QDate(2026, 12, 1), zoneNamed(zone));
        query.training = training;
        const Result<DashboardData> data = w->store->dashboard(w->actors.at(QStringLiteral("supervisor")), query);
        QVERIFY2(data, qPrintable(data.message()));
        QTEST(dayTotals(*data), "days");
        QTEST(months(*data), "billed");
        QTEST(reviewers(*data), "perReviewer");
        QTEST(data->totals.answered(), "answered");
        QTEST(data->totals.passed, "passed");
        QTEST(data->totals.errors(), "errors");
        QCOMPARE(data->billed, training ? 0 : data->totals.answered());
        QCOMPARE(data->totals.passRate().value_or(-1), double(data->totals.passed) / data->totals.answered());
    }

    void backlogAndScope_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<int>("total"); // -1: refused
        QTest::addColumn<int>("open");
        QTest::addColumn<QString>("buckets"); // <1h <8h <24h >=24h overdue
        for (const QString& backend : StoreFixture::backends()) {
            const auto row = [&backend](const char* name) -> QTestData& {
                return QTest::addRow("%s %s", qPrintable(backend), name) << backend;
            };
            row("supervisor, all") << QStringLiteral("supervisor") << QString() << 8 << 3
                                   << QStringLiteral("1 0 1 1 1");
            row("supervisor, other") << QStringLiteral("supervisor") << QStringLiteral("other") << 3 << 2
                                     << QStringLiteral("1 0 1 0 0");
            row("auditor, all") << QStringLiteral("auditor") << QString() << 8 << 3 << QStringLiteral("1 0 1 1 1");
            row("reviewer, own") << QStringLiteral("reviewer") << QString() << 4 << 1 << QStringLiteral("0 0 0 1 1");
            row("reviewer, named self") << QStringLiteral("reviewer") << QStringLiteral("reviewer") << 4 << 1
                                        << QStringLiteral("0 0 0 1 1");
            row("reviewer, other's") << QStringLiteral("reviewer") << QStringLiteral("other") << -1 << 0 << QString();
        }
    }

    // Who sees which figures, and the review backlog by age at 12-01 17:00 (b opened 30 h 55 min ago, c 23 h,
    // i 20 min; the SLA is 24 h).
    void backlogAndScope()
    {
        QFETCH(QString, backend);
        QFETCH(QString, reader);
        QFETCH(QString, actor);
        QFETCH(int, total);
        QString skip;
        const std::unique_ptr<World> w = openWorld(backend, &skip);
        if (!w)
            QSKIP(qPrintable(skip));
        QVERIFY(buildScript(*w));
        DashboardQuery query = localRange(QDate(2026, 11, 30), QDate(2026, 12, 1), QTimeZone::utc());
        query.actor = actor;
        const Result<DashboardData> data = w->store->dashboard(w->actors.at(reader), query);
        if (total < 0) {
            QCOMPARE(data.error(), ErrorCode::PermissionDenied);
            return;
        }
        QVERIFY2(data, qPrintable(data.message()));
        QCOMPARE(data->totals.total(), total);
        if (reader == QLatin1String("reviewer"))
            QCOMPARE(data->perReviewer.keys(), QStringList { QStringLiteral("reviewer") });
        const ReviewBacklog& b = data->backlog;
        QTEST(b.open, "open");
        QTEST(QStringLiteral("%1 %2 %3 %4 %5")
                  .arg(b.underOneHour)
                  .arg(b.underEightHours)
                  .arg(b.underOneDay)
                  .arg(b.overOneDay)
                  .arg(b.overdue),
            "buckets");
    }

    void newDayAppears_data() { StoreFixture::addBackendRows(); }

    // A case made after a dashboard was read is in the next one: the figures are read, never cached.
    void newDayAppears()
    {
        QFETCH(QString, backend);
        QString skip;
        const std::unique_ptr<World> w = openWorld(backend, &skip);
        if (!w)
            QSKIP(qPrintable(skip));
        QVERIFY(buildScript(*w));
        const Actor boss = w->actors.at(QStringLiteral("supervisor"));
        const DashboardQuery query = localRange(QDate(2026, 11, 30), QDate(2026, 12, 2), QTimeZone::utc());
        const Result<DashboardData> before = w->store->dashboard(boss, query);
        QVERIFY2(before, qPrintable(before.message()));
        QCOMPARE(before->days.value(QDate(2026, 12, 2)).total(), 0);
        advanceTo(w->clock, utc("2026-12-02T08:00:00Z"));
        QVERIFY(!makeCase(*w, QStringLiteral("reviewer"), QStringLiteral("202"), false).isEmpty());
        const Result<DashboardData> after = w->store->dashboard(boss, query);
        QVERIFY2(after, qPrintable(after.message()));
        QCOMPARE(after->days.value(QDate(2026, 12, 2)).notInDatabase, 1);
        QCOMPARE(after->billedPerMonth.value(QDate(2026, 12, 1)), before->billedPerMonth.value(QDate(2026, 12, 1)) + 1);
    }

    void randomHistoryIsExact_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<bool>("training");
        for (const QString& backend : StoreFixture::backends()) {
            const auto row = [&backend](const char* name) -> QTestData& {
                return QTest::addRow("%s %s", qPrintable(backend), name) << backend;
            };
            row("utc, all") << QStringLiteral("UTC") << QString() << false;
            row("shanghai, all") << QStringLiteral("+8") << QString() << false;
            row("berlin (summer time ends), all") << QStringLiteral("Europe/Berlin") << QString() << false;
            row("shanghai, other") << QStringLiteral("+8") << QStringLiteral("other") << false;
            row("shanghai, training") << QStringLiteral("+8") << QString() << true;
        }
    }

    // 250 random cases over 30 days (fixed seed), across a month's end and the end of summer time in Berlin: the
    // dashboard equals the figures counted case by case.
    void randomHistoryIsExact()
    {
        QFETCH(QString, backend);
        QFETCH(QString, zone);
        QFETCH(QString, actor);
        QFETCH(bool, training);
        const QTimeZone tz = zoneNamed(zone);
        if (!tz.isValid())
            QSKIP("this system has no time zone data");
        QString skip;
        const std::unique_ptr<World> w = openWorld(backend, &skip);
        if (!w)
            QSKIP(qPrintable(skip));
        advanceTo(w->clock, utc("2026-10-10T00:00:00Z"));
        QRandomGenerator random(20261202);
        const QStringList people = {
            QStringLiteral("reviewer"), QStringLiteral("other"), QStringLiteral("supervisor")
        };
        const QStringList outcomes = { QStringLiteral("200"),
            QStringLiteral("202"),
            QStringLiteral("223"),
            QStringLiteral("999"),
            QStringLiteral("failed"),
            QStringLiteral("refused"),
            QStringLiteral("unknown"),
            QStringLiteral("pending") };
        int reviews = 0;
        for (int i = 0; i < 250; ++i) {
            w->clock.advance(qint64(random.bounded(0, 6 * 3600)) * 1000 + random.bounded(0, 1000));
            const QString who = people.at(random.bounded(int(people.size())));
            const QString outcome = outcomes.at(random.bounded(int(outcomes.size())));
            const QString id = makeCase(*w, who, outcome, random.bounded(5) == 0);
            QVERIFY(!id.isEmpty());
            if ((outcome == QLatin1String("202") || outcome == QLatin1String("223")) && random.bounded(2) == 0) {
                QVERIFY(openReview(*w, who, id));
                ++reviews;
            }
        }
        QVERIFY(reviews > 10);
        const Actor boss = w->actors.at(QStringLiteral("supervisor"));
        DashboardQuery query = localRange(QDate(2026, 10, 12), QDate(2026, 11, 8), tz);
        query.actor = actor;
        query.training = training;
        const Result<DashboardData> data = w->store->dashboard(boss, query);
        QVERIFY2(data, qPrintable(data.message()));
        const DashboardData expected = naive(*w, boss, query);
        QVERIFY(expected.totals.total() > 50);
        QCOMPARE(data->days, expected.days);
        QCOMPARE(data->totals, expected.totals);
        QCOMPARE(data->perReviewer, expected.perReviewer);
        QCOMPARE(data->billedPerMonth, expected.billedPerMonth);
        QCOMPARE(data->billed, expected.billed);
        checkBacklog(*w, boss, *data, query);
        QCOMPARE(storedCounts(w->fx), recount(w->fx));
    }

    // dashboard_hours as the triggers left it (rows of zeros left out)...
    static QStringList storedCounts(StoreFixture& fx)
    {
        const QStringList columns = Dashboard::countColumns();
        return rows(fx,
            QStringLiteral("SELECT training, hour, actor, %1 FROM dashboard_hours WHERE %2 > 0 ORDER BY 1, 2, 3")
                .arg(columns.join(QLatin1String(", ")), columns.join(QLatin1String(" + "))));
    }

    // ... equals the counts made again from the cases table (as migration step 8 fills it).
    static QStringList recount(StoreFixture& fx)
    {
        QStringList sums;
        for (const QString& condition : Dashboard::outcomeConditions(QString()))
            sums << QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(condition);
        return rows(fx,
            QStringLiteral("SELECT training, substr(created_at, 1, 13), actor, %1 FROM cases "
                           "GROUP BY training, substr(created_at, 1, 13), actor ORDER BY 1, 2, 3")
                .arg(sums.join(QLatin1String(", "))));
    }

    static QStringList rows(StoreFixture& fx, const QString& sql)
    {
        QSqlQuery q(fx.raw());
        if (!q.exec(sql))
            qFatal("%s", qPrintable(q.lastError().text()));
        QStringList out;
        while (q.next()) {
            QStringList values;
            for (int i = 0; i < q.record().count(); ++i)
                values << q.value(i).toString();
            out << values.join(QLatin1Char(' '));
        }
        return out;
    }

    // The backlog against the review queue read item by item.
    void checkBacklog(World& w, const Actor& boss, const DashboardData& data, const DashboardQuery& query)
    {
        ReviewQueueQuery all;
        all.limit = 100000;
        const Result<ReviewQueuePage> queue = w.store->reviewQueue(boss, all);
        QVERIFY2(queue, qPrintable(queue.message()));
        int open = 0;
        QDateTime oldest;
        for (const ReviewItem& item : queue->rows) {
            if (item.training != query.training || (!query.actor.isEmpty() && item.caseOwner != query.actor))
                continue;
            ++open;
            if (!oldest.isValid() || item.review.openedAt < oldest)
                oldest = item.review.openedAt;
        }
        QCOMPARE(data.backlog.open, open);
        QCOMPARE(data.backlog.oldestOpenedAt, oldest);
        const ReviewBacklog& b = data.backlog;
        QCOMPARE(b.underOneHour + b.underEightHours + b.underOneDay + b.overOneDay, open);
    }

    void rangeMustBeOrdered_data() { StoreFixture::addBackendRows(); }

    void rangeMustBeOrdered()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        DashboardQuery query;
        query.from = utc("2026-12-01T00:00:00Z");
        query.to = query.from;
        QCOMPARE(store->dashboard(StoreFixture::reader(), query).error(), ErrorCode::InvalidArgument);
    }

    void dayAggregateIsIndexOnly_data()
    {
        QTest::addColumn<bool>("withActor");
        QTest::newRow("all") << false;
        QTest::newRow("one reviewer") << true;
    }

    // The hourly aggregate reads dashboard_hours in primary-key order: a range of the key, no sort (SQLite's plan;
    // PostgreSQL chooses by its statistics, so its plan is not pinned here).
    void dayAggregateIsIndexOnly()
    {
        QFETCH(bool, withActor);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, QStringLiteral("sqlite"));
        QVERIFY(fx.open());
        QSqlDatabase db = fx.raw();
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + Dashboard::hourlySql(withActor)));
        const QVariantList values = {
            0, QStringLiteral("2026-01-01"), QStringLiteral("2027-01-01"), QStringLiteral("x")
        };
        for (int i = 0; i < (withActor ? 4 : 3); ++i)
            q.bindValue(i, values.at(i));
        QVERIFY(q.exec());
        QStringList plan;
        while (q.next())
            plan << q.value(3).toString();
        qInfo("plan: %s", qPrintable(plan.join(QLatin1String(" | "))));
        const QString text = plan.join(QLatin1String(" | "));
        QVERIFY2(text.startsWith(
                     QLatin1String("SEARCH dashboard_hours USING PRIMARY KEY (training=? AND hour>? AND hour<?)")),
            qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(text));
    }

    void localDay_data()
    {
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("day");
        QTest::newRow("utc") << QStringLiteral("2026-11-30T23") << QStringLiteral("UTC") << QDate(2026, 11, 30);
        QTest::newRow("+8 before midnight")
            << QStringLiteral("2026-11-30T15") << QStringLiteral("+8") << QDate(2026, 11, 30);
        QTest::newRow("+8 after midnight")
            << QStringLiteral("2026-11-30T16") << QStringLiteral("+8") << QDate(2026, 12, 1);
        QTest::newRow("+8 new year") << QStringLiteral("2026-12-31T16") << QStringLiteral("+8") << QDate(2027, 1, 1);
        QTest::newRow("berlin summer") << QStringLiteral("2026-07-01T22") << QStringLiteral("Europe/Berlin")
                                       << QDate(2026, 7, 2);
        QTest::newRow("berlin winter") << QStringLiteral("2026-12-01T22") << QStringLiteral("Europe/Berlin")
                                       << QDate(2026, 12, 1);
    }

    void localDay()
    {
        QFETCH(QString, bucket);
        QFETCH(QString, zone);
        const QTimeZone tz = zoneNamed(zone);
        if (!tz.isValid())
            QSKIP("this system has no time zone data");
        QTEST(Dashboard::localDay(bucket, tz), "day");
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "TestDashboard.moc"
