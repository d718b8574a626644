// The supervisor's history browser in the core: filters that combine, sorting by every column in SQL with keyset
// paging, counts, saved filters and the query's text form, on SQLite and PostgreSQL. Every answer is compared with
// a naive computation over the whole history read without any filter.
#include "FakeClock.h"
#include "StoreFixture.h"
#include "domain/FictitiousPeople.h"
#include "history/AuditStore.h"
#include "history/HistoryQuery.h"
#include "history/Review.h"

#include <QSqlQuery>
#include <QTest>

#include <functional>
#include <map>
#include <memory>

namespace {

const QString surnames[] = { QString::fromUtf8("测"), QString::fromUtf8("试"), QString::fromUtf8("演") };

CaseRecord record(int i)
{
    struct Person
    {
        QString name;
        QString idNumber;
    };
    const Person p { surnames[i % 3] + QString::fromUtf8("样例"),
        FictitiousPeople::makeIdNumber(QStringLiteral("110105"), QDate(1980, 1, 1).addDays(i * 37), i % 900) };
    CaseRecord r;
    r.name = p.name;
    r.idNumber = p.idNumber;
    r.merchantBizId = QStringLiteral("browse%1").arg(i, 4, 10, QLatin1Char('0'));
    r.sceneCode = i % 4 == 0 ? QStringLiteral("branch") : QStringLiteral("desk");
    r.training = false;
    return r;
}

// What case i ends as: a cycle over every outcome the browser filters by.
Events::CaseCompleted outcomeOf(int i)
{
    const auto answered = [i](const char* subCode, bool passed) {
        Events::CaseCompleted e =
            StoreFixture::completion(QLatin1String(CaseState::completed), passed, QLatin1String(subCode));
        e.requestId = QStringLiteral("req-%1").arg(i);
        e.code = QStringLiteral("200");
        e.error = Events::Nullable<QString>();
        return e;
    };
    switch (i % 7) {
    case 0:
    case 1:
        return answered("200", true);
    case 2:
        return answered("202", false);
    case 3:
        return answered("223", false);
    case 4: {
        Events::CaseCompleted e = StoreFixture::completion(QLatin1String(CaseState::failed), std::nullopt, QString());
        e.error = Events::Nullable<QString>(QStringLiteral("Timeout"));
        return e;
    }
    case 5: {
        Events::CaseCompleted e = StoreFixture::completion(QLatin1String(CaseState::refused), std::nullopt, QString());
        e.error = Events::Nullable<QString>(QStringLiteral("InvalidParameter"));
        e.code = QStringLiteral("InvalidParameter");
        e.requestId = QStringLiteral("req-%1").arg(i);
        return e;
    }
    default: {
        Events::CaseCompleted e =
            StoreFixture::completion(QLatin1String(CaseState::outcomeUnknown), std::nullopt, QString());
        e.error = Events::Nullable<QString>(QStringLiteral("ConnectionReset"));
        return e;
    }
    }
}

Actor reviewerB()
{
    return Actor { QStringLiteral("reviewer-b"), QStringLiteral("reviewer"), QStringLiteral("ws-test") };
}

QString sortText(const CaseSummary& c, const QString& key)
{
    HistoryQuery q;
    q.sortKey = key;
    const QVariant v = q.sortValue(c);
    return v.typeId() == QMetaType::Int ? QStringLiteral("%1").arg(v.toInt(), 6, 10, QLatin1Char('0')) : v.toString();
}

} // namespace

class TestHistoryBrowser : public QObject
{
    Q_OBJECT

    static constexpr int CaseCount = 42;

    // 42 cases by two reviewers over 42 minutes: every outcome, two scenes, 9 of them (the 202s and 223s of
    // reviewer-a) sent to manual review and one of those claimed, 2 left pending.
    static void seed(AuditStore& store, FakeClock& clock)
    {
        for (int i = 0; i < CaseCount; ++i) {
            const Actor who = i % 3 == 2 ? reviewerB() : StoreFixture::actor();
            const QString caseId = store.createCase(who, record(i)).valueOr(QString());
            QVERIFY(!caseId.isEmpty());
            clock.advance(60'000);
            if (i == 40 || i == 41)
                continue; // pending
            QVERIFY(store.completeCase(who, caseId, outcomeOf(i)).ok());
            if ((i % 7 == 2 || i % 7 == 3) && who.name == StoreFixture::actor().name) {
                ReviewRequest open;
                open.caseId = caseId;
                open.action = QLatin1String(ReviewAction::open);
                const Result<ReviewRow> opened = store.review(who, open);
                QVERIFY2(opened, qPrintable(opened.message()));
            }
        }
    }

    struct Seeded
    {
        std::unique_ptr<StoreFixture> fx;
        std::unique_ptr<FakeClock> clock;
        std::unique_ptr<AuditStore> store;
    };
    std::map<QString, Seeded> m_seeded; // read-only tests share one seeded history per backend

    // The seeded history of the backend (made at first use); nullptr when the backend is not available or failed.
    AuditStore* seeded(const QString& backend)
    {
        Seeded& s = m_seeded[backend];
        if (s.store)
            return s.store.get();
        s.fx = std::make_unique<StoreFixture>();
        s.clock = std::make_unique<FakeClock>();
        QString skip;
        if (!s.fx->prepare(backend, &skip))
            return nullptr;
        s.store = s.fx->open(s.clock.get());
        if (!s.store)
            return nullptr;
        seed(*s.store, *s.clock);
        if (QTest::currentTestFailed())
            s.store.reset();
        return s.store.get();
    }

    static QList<CaseSummary> everything(AuditStore& store)
    {
        const Result<HistoryPage> all = store.queryCases(StoreFixture::reader(), HistoryQuery(), {}, 1000);
        return all ? all->rows : QList<CaseSummary>();
    }

    // Every page of the query, concatenated.
    static QList<CaseSummary> paged(AuditStore& store, const HistoryQuery& query, int pageSize)
    {
        QList<CaseSummary> rows;
        HistoryCursor cursor;
        for (int guard = 0; guard < 1000; ++guard) {
            const Result<HistoryPage> page = store.queryCases(StoreFixture::reader(), query, cursor, pageSize);
            if (!page)
                return {};
            rows += page->rows;
            if (page->atEnd)
                break;
            cursor = page->next;
        }
        return rows;
    }

private slots:
    void cleanupTestCase() { m_seeded.clear(); }

    void filtersCombine_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("filters"); // KEY=VALUE
        using Pred = std::function<bool(const CaseSummary&)>;
        QTest::addColumn<Pred>("expected");
        for (const QString& b : StoreFixture::backends()) {
            const auto row = [&b](const char* name, const QStringList& filters, const Pred& pred) {
                QTest::newRow(qPrintable(b + QStringLiteral(": ") + QLatin1String(name))) << b << filters << pred;
            };
            row("passed", { QStringLiteral("outcome=passed") }, [](const CaseSummary& c) {
                return c.subCode == u"200";
            });
            row("202", { QStringLiteral("outcome=202") }, [](const CaseSummary& c) { return c.subCode == u"202"; });
            row("223 by reviewer-b",
                { QStringLiteral("outcome=223"), QStringLiteral("reviewer=reviewer-b") },
                [](const CaseSummary& c) { return c.subCode == u"223" && c.actor == u"reviewer-b"; });
            row("any error", { QStringLiteral("outcome=error") }, [](const CaseSummary& c) {
                return c.state == u"failed" || c.state == u"refused";
            });
            row("error kind timeout", { QStringLiteral("outcome=error:Timeout") }, [](const CaseSummary& c) {
                return c.errorKind == u"Timeout";
            });
            row("outcome unknown", { QStringLiteral("outcome=unknown") }, [](const CaseSummary& c) {
                return c.state == u"outcome_unknown";
            });
            row("pending", { QStringLiteral("outcome=pending") }, [](const CaseSummary& c) {
                return c.state == u"pending";
            });
            row("in the review queue", { QStringLiteral("review=open") }, [](const CaseSummary& c) {
                return c.reviewState == u"open";
            });
            row("never reviewed, branch",
                { QStringLiteral("review=none"), QStringLiteral("scene=branch") },
                [](const CaseSummary& c) { return c.reviewState.isEmpty() && c.sceneCode == u"branch"; });
            row("MerchantBizId", { QStringLiteral("merchant_biz_id=browse0017") }, [](const CaseSummary& c) {
                return c.merchantBizId == u"browse0017";
            });
            row("RequestId", { QStringLiteral("request_id=req-12") }, [](const CaseSummary& c) {
                return c.requestId == u"req-12";
            });
            row("live only, not training",
                { QStringLiteral("training=no"), QStringLiteral("outcome=passed") },
                [](const CaseSummary& c) { return !c.training && c.subCode == u"200"; });
            row("nothing matches", { QStringLiteral("merchant_biz_id=none-such") }, [](const CaseSummary&) {
                return false;
            });
        }
    }
    void filtersCombine()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, filters);
        using Pred = std::function<bool(const CaseSummary&)>;
        QFETCH(Pred, expected);
        if (backend == QLatin1String("postgresql") && qEnvironmentVariableIsEmpty("EKYC_TEST_PG_URL"))
            QSKIP("EKYC_TEST_PG_URL is not set");
        AuditStore* store = seeded(backend);
        QVERIFY(store);
        const QList<CaseSummary> all = everything(*store);
        QCOMPARE(all.size(), CaseCount);
        HistoryQuery query;
        for (const QString& f : filters)
            QVERIFY(query.set(f.section(u'=', 0, 0), f.section(u'=', 1)).ok());
        QStringList want;
        for (const CaseSummary& c : all) {
            if (expected(c))
                want << c.caseId;
        }
        QStringList got;
        for (const CaseSummary& c : paged(*store, query, 5))
            got << c.caseId;
        QCOMPARE(got, want);
        QCOMPARE(store->countCases(StoreFixture::reader(), query).valueOr(-1), qint64(want.size()));
    }

    void columnsFromTheEvents_data() { StoreFixture::addBackendRows(); }
    void columnsFromTheEvents()
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("postgresql") && qEnvironmentVariableIsEmpty("EKYC_TEST_PG_URL"))
            QSKIP("EKYC_TEST_PG_URL is not set");
        AuditStore* store = seeded(backend);
        QVERIFY(store);
        const QList<CaseSummary> all = everything(*store);
        QCOMPARE(all.size(), CaseCount);
        for (const CaseSummary& c : all) {
            const int i = c.merchantBizId.mid(6).toInt();
            const QString kinds[] = { QString(),
                QString(),
                QString(),
                QString(),
                QStringLiteral("Timeout"),
                QStringLiteral("InvalidParameter"),
                QStringLiteral("ConnectionReset") };
            QCOMPARE(c.errorKind, i >= 40 ? QString() : kinds[i % 7]);
            QCOMPARE(c.errorCode, i % 7 == 5 && i < 40 ? QStringLiteral("InvalidParameter") : QString());
            const bool hasRequest = i < 40 && (i % 7 <= 3 || i % 7 == 5);
            QCOMPARE(c.requestId, hasRequest ? QStringLiteral("req-%1").arg(i) : QString());
        }
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
    }

    void sortsEveryColumnInPages_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("sort");
        for (const QString& b : StoreFixture::backends()) {
            for (const QString& key : HistorySort::all()) {
                QTest::newRow(qPrintable(b + u' ' + key)) << b << key;
                QTest::newRow(qPrintable(b + QStringLiteral(" -") + key)) << b << QString(u'-' + key);
            }
        }
    }
    void sortsEveryColumnInPages()
    {
        QFETCH(QString, backend);
        QFETCH(QString, sort);
        if (backend == QLatin1String("postgresql") && qEnvironmentVariableIsEmpty("EKYC_TEST_PG_URL"))
            QSKIP("EKYC_TEST_PG_URL is not set");
        AuditStore* store = seeded(backend);
        QVERIFY(store);
        HistoryQuery query;
        QVERIFY(query.set(QStringLiteral("sort"), sort).ok());
        const QList<CaseSummary> rows = paged(*store, query, 4);
        QCOMPARE(rows.size(), CaseCount);
        QList<CaseSummary> want = everything(*store);
        std::sort(want.begin(), want.end(), [&query](const CaseSummary& a, const CaseSummary& b) {
            const QString ka = sortText(a, query.sortKey) + u'\x1f' + a.caseId;
            const QString kb = sortText(b, query.sortKey) + u'\x1f' + b.caseId;
            return query.descending ? kb < ka : ka < kb;
        });
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(rows.at(i).caseId, want.at(i).caseId);
    }

    void reviewerSeesOwnCasesOnly_data() { StoreFixture::addBackendRows(); }
    void reviewerSeesOwnCasesOnly()
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("postgresql") && qEnvironmentVariableIsEmpty("EKYC_TEST_PG_URL"))
            QSKIP("EKYC_TEST_PG_URL is not set");
        AuditStore* store = seeded(backend);
        QVERIFY(store);
        const Result<qint64> counted = store->countCases(reviewerB(), HistoryQuery());
        QCOMPARE(counted.valueOr(-1), qint64(CaseCount / 3));
        HistoryQuery other;
        other.actor = StoreFixture::actor().name;
        const Result<qint64> refused = store->countCases(reviewerB(), other);
        QCOMPARE(refused.error(), ErrorCode::PermissionDenied);
    }

    void savedFiltersPerAccount_data() { StoreFixture::addBackendRows(); }
    void savedFiltersPerAccount()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        auto store = fx.open(&clock);
        QVERIFY(store);
        HistoryQuery query;
        QVERIFY(query.set(QStringLiteral("outcome"), QStringLiteral("223")).ok());
        QVERIFY(query.set(QStringLiteral("from"), QStringLiteral("2026-01-01")).ok());
        QVERIFY(query.set(QStringLiteral("sort"), QStringLiteral("-attempts")).ok());
        query.idNumber = record(3).idNumber;
        QVERIFY(store->saveFilter(StoreFixture::actor(), QStringLiteral("  mismatches "), query).ok());
        QVERIFY(store->saveFilter(reviewerB(), QStringLiteral("mine"), HistoryQuery()).ok());
        QCOMPARE(
            store->saveFilter(StoreFixture::actor(), QStringLiteral(" "), query).error(), ErrorCode::InvalidArgument);

        const QList<SavedFilter> saved = store->savedFilters(StoreFixture::actor()).valueOr({});
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().name, QStringLiteral("mismatches"));
        QCOMPARE(saved.first().query.outcome, QStringLiteral("223"));
        QCOMPARE(saved.first().query.from, query.from);
        QCOMPARE(saved.first().query.sortKey, QStringLiteral("attempts"));
        QVERIFY(saved.first().query.descending);
        QVERIFY(saved.first().query.idNumber.isEmpty()); // never stored
        QSqlQuery raw(fx.raw());
        QVERIFY(raw.exec(QStringLiteral("SELECT query FROM saved_filters")));
        while (raw.next())
            QVERIFY(!raw.value(0).toString().contains(query.idNumber));

        query.outcome = QStringLiteral("202"); // saving under the same name replaces it
        QVERIFY(store->saveFilter(StoreFixture::actor(), QStringLiteral("mismatches"), query).ok());
        QCOMPARE(store->savedFilters(StoreFixture::actor()).valueOr({}).first().query.outcome, QStringLiteral("202"));
        QCOMPARE(store->deleteFilter(reviewerB(), QStringLiteral("mismatches")).error(), ErrorCode::NotFound);
        QVERIFY(store->deleteFilter(StoreFixture::actor(), QStringLiteral("mismatches")).ok());
        QVERIFY(store->savedFilters(StoreFixture::actor()).valueOr({ SavedFilter() }).isEmpty());
        QCOMPARE(store->savedFilters(reviewerB()).valueOr({}).size(), 1);
    }

    void badFiltersNameTheKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown key") << QStringLiteral("colour") << QStringLiteral("red");
        QTest::newRow("date") << QStringLiteral("from") << QStringLiteral("2026-13-01");
        QTest::newRow("outcome") << QStringLiteral("outcome") << QStringLiteral("great");
        QTest::newRow("empty error kind") << QStringLiteral("outcome") << QStringLiteral("error:");
        QTest::newRow("subcode") << QStringLiteral("subcode") << QStringLiteral("201");
        QTest::newRow("review") << QStringLiteral("review") << QStringLiteral("done");
        QTest::newRow("training") << QStringLiteral("training") << QStringLiteral("maybe");
        QTest::newRow("sort") << QStringLiteral("sort") << QStringLiteral("colour");
    }
    void badFiltersNameTheKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        HistoryQuery query;
        const Result<void> set = query.set(key, value);
        QCOMPARE(set.error(), ErrorCode::InvalidArgument);
        QVERIFY2(set.message().contains(key), qPrintable(set.message()));
        QVERIFY(!query.hasFilter());
        QCOMPARE(query.sortKey, QStringLiteral("time"));
    }

    // A history made before schema version 7 gets its error kinds, codes and RequestIds from its case_completed
    // events when it is opened, and still verifies.
    void migrationFillsColumnsFromEvents_data() { StoreFixture::addBackendRows(); }
    void migrationFillsColumnsFromEvents()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        QList<CaseSummary> before;
        {
            auto store = fx.open(&clock);
            QVERIFY(store);
            seed(*store, clock);
            if (QTest::currentTestFailed())
                return;
            before = everything(*store);
        }
        QVERIFY(fx.undoSchemas7To10());
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE meta SET value = '6' WHERE key = 'schema_version'")));

        auto store = fx.open(&clock);
        QVERIFY(store);
        const QList<CaseSummary> after = everything(*store);
        QCOMPARE(after.size(), before.size());
        int withRequest = 0;
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).errorKind, before.at(i).errorKind);
            QCOMPARE(after.at(i).errorCode, before.at(i).errorCode);
            QCOMPARE(after.at(i).requestId, before.at(i).requestId);
            withRequest += after.at(i).requestId.isEmpty() ? 0 : 1;
        }
        QCOMPARE(withRequest, 29);
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
    }

    void datesAreLocalDaysWithInclusiveEnd()
    {
        HistoryQuery query;
        QVERIFY(query.set(QStringLiteral("from"), QStringLiteral("2026-03-01")).ok());
        QVERIFY(query.set(QStringLiteral("to"), QStringLiteral("2026-03-31")).ok());
        QCOMPARE(query.from, QDateTime(QDate(2026, 3, 1), QTime(0, 0)).toUTC());
        QCOMPARE(query.to, QDateTime(QDate(2026, 4, 1), QTime(0, 0)).toUTC());
        const Result<HistoryQuery> back = HistoryQuery::fromJson(query.toJson());
        QVERIFY(back);
        QCOMPARE(back->from, query.from);
        QCOMPARE(back->to, query.to);
    }
};

QTEST_GUILESS_MAIN(TestHistoryBrowser)
#include "TestHistoryBrowser.moc"
