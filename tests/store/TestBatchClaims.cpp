#include "FakeClock.h"
#include "StoreFixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

// The batches begun in a history (AuditStore::claimBatch): what lets a workstation see that a list was begun on
// another one sharing the history, on SQLite (a file on a share, or several people on one machine) and PostgreSQL.
class TestBatchClaims : public QObject
{
    Q_OBJECT

    static BatchBegun batch(const QString& id, const QByteArray& list, const QDateTime& at)
    {
        BatchBegun b;
        b.batchId = id;
        b.listSha256 = list;
        b.outputPath = QStringLiteral("/srv/lists/%1-results.csv").arg(id);
        b.startedAt = at;
        return b;
    }

    static Actor on(const QString& name, const QString& workstation)
    {
        return Actor { name, QStringLiteral("reviewer"), workstation };
    }

private slots:
    void anEarlierBatchOfTheListIsFound_data() { StoreFixture::addBackendRows(); }
    void anEarlierBatchOfTheListIsFound()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        const std::unique_ptr<AuditStore> a = fixture.open();
        const std::unique_ptr<AuditStore> b = fixture.open();
        QVERIFY(a && b);
        const Actor anna = on(QStringLiteral("anna"), QStringLiteral("ws-a"));
        const Actor bo = on(QStringLiteral("bo"), QStringLiteral("ws-b"));
        const QByteArray list(64, 'a');
        const QByteArray other(64, 'b');
        const QDateTime t0 = QDateTime(QDate(2026, 12, 1), QTime(9, 0, 0, 123), Qt::UTC);
        const qint64 headBefore = a->head()->seq;

        bool recorded = false;
        const auto claim = [&recorded](AuditStore& store, const Actor& actor, const BatchBegun& ours, bool check) {
            const Result<BatchClaim> r = store.claimBatch(actor, ours, check);
            if (!r)
                qWarning("claimBatch: %s", qPrintable(r.message()));
            recorded = r.ok() && r->recorded;
            return r.ok() ? r->earlier : std::optional<BatchBegun>(batch(QStringLiteral("failed"), {}, {}));
        };
        QVERIFY(!claim(*a, anna, batch(QStringLiteral("b1"), list, t0), true));
        QVERIFY(recorded);
        // Another workstation, the same list: the first batch, as it was recorded, and nothing recorded for b2.
        std::optional<BatchBegun> earlier = claim(*b, bo, batch(QStringLiteral("b2"), list, t0.addSecs(60)), true);
        QVERIFY(earlier);
        QCOMPARE(earlier->batchId, QStringLiteral("b1"));
        QCOMPARE(earlier->actor, QStringLiteral("anna"));
        QCOMPARE(earlier->workstation, QStringLiteral("ws-a"));
        QCOMPARE(earlier->outputPath, QStringLiteral("/srv/lists/b1-results.csv"));
        QCOMPARE(earlier->startedAt, t0);
        QVERIFY(!recorded);
        // The same batch again (resumed) goes on, recorded already; another list is not this one.
        QVERIFY(!claim(*a, anna, batch(QStringLiteral("b1"), list, t0), true));
        QVERIFY(!recorded);
        QVERIFY(!claim(*b, bo, batch(QStringLiteral("m1"), other, t0), true));
        QVERIFY(recorded);
        // Asked for (--again): recorded even so, and from then on the latest.
        QVERIFY(!claim(*b, bo, batch(QStringLiteral("b3"), list, t0.addSecs(120)), false));
        earlier = claim(*a, anna, batch(QStringLiteral("b4"), list, t0.addSecs(180)), true);
        QVERIFY(earlier);
        QCOMPARE(earlier->batchId, QStringLiteral("b3"));
        QCOMPARE(earlier->workstation, QStringLiteral("ws-b"));
        // b1 resumed: its own record lets it go on although b3 is newer.
        QVERIFY(!claim(*a, anna, batch(QStringLiteral("b1"), list, t0), true));
        // Only one's own batch is forgotten.
        QVERIFY(a->forgetBatch(anna, QStringLiteral("b3")).ok());
        QCOMPARE(
            claim(*a, anna, batch(QStringLiteral("b4"), list, t0.addSecs(180)), true)->batchId, QStringLiteral("b3"));
        // A batch that sent nothing is forgotten: the one before it is the latest again; forgetting them all frees
        // the list.
        QVERIFY(b->forgetBatch(bo, QStringLiteral("b3")).ok());
        earlier = claim(*a, anna, batch(QStringLiteral("b4"), list, t0.addSecs(180)), true);
        QVERIFY(earlier);
        QCOMPARE(earlier->batchId, QStringLiteral("b1"));
        QVERIFY(a->forgetBatch(anna, QStringLiteral("b1")).ok());
        QVERIFY(!claim(*a, anna, batch(QStringLiteral("b4"), list, t0.addSecs(180)), true));
        // The list is kept by a keyed index only: its plain digest, which anyone could compute from a guess of who
        // was in a short list, is nowhere in the table.
        QSqlQuery raw(fixture.raw());
        QVERIFY(raw.exec(QStringLiteral("SELECT list_index FROM batch_lists")));
        int rows = 0;
        while (raw.next()) {
            ++rows;
            const QString index = raw.value(0).toString();
            QVERIFY2(index.size() == 64 && index != QString::fromLatin1(list) && index != QString::fromLatin1(other),
                qPrintable(index));
        }
        QCOMPARE(rows, 2); // m1 and b4 (b2 was refused, b1 and b3 forgotten)
        // Keyed by the history: the same list has another index in another history.
        QVERIFY(raw.exec(QStringLiteral("SELECT list_index FROM batch_lists WHERE batch_id = 'b4'")) && raw.next());
        const QString here = raw.value(0).toString();
        const QString elsewhere = fixture.freshLocation();
        {
            const std::unique_ptr<AuditStore> c = fixture.open(nullptr, elsewhere);
            QVERIFY(c);
            QVERIFY(!claim(*c, anna, batch(QStringLiteral("b4"), list, t0), true) && recorded);
            // Training and live are apart: a training batch of the list does not hold the live one back.
            BatchBegun training = batch(QStringLiteral("t1"), list, t0);
            training.training = true;
            QVERIFY(!claim(*c, anna, training, true) && recorded);
        }
        if (backend == QLatin1String("sqlite")) {
            const QString name = QStringLiteral("batch-claims-elsewhere");
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(elsewhere);
                QVERIFY(db.open());
                QSqlQuery q(db);
                QVERIFY(q.exec(QStringLiteral("SELECT list_index FROM batch_lists WHERE batch_id = 'b4'")) && q.next());
                QVERIFY2(q.value(0).toString() != here, qPrintable(here));
            }
            QSqlDatabase::removeDatabase(name);
        }
        // Beside the chain: nothing was appended to it, and it verifies.
        const ChainReport chain = a->verifyChain();
        QVERIFY2(chain.ok, qPrintable(chain.reason));
        QCOMPARE(chain.headSeq, headBefore);
    }

    // Two workstations beginning the same list at the same moment: exactly one of them records it, for every list.
    void simultaneousClaimsLetOneThrough_data() { StoreFixture::addBackendRows(); }
    void simultaneousClaimsLetOneThrough()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        QVERIFY(fixture.open()); // the history exists before two workstations open it at once
        const QString location = fixture.location();
        constexpr int lists = 40;
        int through[2] = { 0, 0 };
        QString errors[2];
        QList<QThread*> threads;
        for (int t = 0; t < 2; ++t) {
            threads.append(QThread::create([&, t] {
                const std::unique_ptr<AuditStore> store = fixture.open(nullptr, location, &errors[t]);
                if (!store)
                    return;
                const Actor actor = on(QStringLiteral("user-%1").arg(t), QStringLiteral("ws-%1").arg(t));
                for (int i = 0; i < lists; ++i) {
                    const QByteArray list = QByteArray::number(i).rightJustified(64, '0');
                    const Result<BatchClaim> r = store->claimBatch(actor,
                        batch(QStringLiteral("t%1-l%2").arg(t).arg(i), list, QDateTime::currentDateTimeUtc()),
                        true);
                    if (!r) {
                        errors[t] = r.message();
                        return;
                    }
                    if (r->recorded != !r->earlier) {
                        errors[t] = QStringLiteral("recorded and refused at once");
                        return;
                    }
                    if (r->recorded)
                        ++through[t];
                }
            }));
            threads.last()->start();
        }
        for (QThread* thread : threads) {
            QVERIFY(thread->wait(120000));
            delete thread;
        }
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
        QCOMPARE(through[0] + through[1], lists);
    }

    // A batch's claim keeps the chain's head as it was when the batch was first claimed: the cases recorded after it
    // are the batch's, whatever the clocks of the workstations that recorded them said (BatchClaim::headSeq). A table
    // made by an older version, without the column, gets it from the history's owner; a batch recorded there before
    // does not know its head (-1) and falls back to the clocks.
    void aClaimKeepsTheHeadItWasFirstMadeAt_data() { StoreFixture::addBackendRows(); }
    void aClaimKeepsTheHeadItWasFirstMadeAt()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        const std::unique_ptr<AuditStore> store = fixture.open();
        QVERIFY(store);
        const Actor anna = on(QStringLiteral("anna"), QStringLiteral("ws-a"));
        const QDateTime t0 = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        const auto headSeqOf = [&](const QString& id, const QByteArray& list) {
            const Result<BatchClaim> r = store->claimBatch(anna, batch(id, list, t0), true);
            return r.ok() && !r->earlier ? r->headSeq : qint64 { -2 };
        };
        const auto newCase = [&] {
            CaseRecord r;
            r.merchantBizId = QStringLiteral("cust1");
            r.sceneCode = QStringLiteral("desk");
            r.training = true;
            r.name = QStringLiteral("王小明");
            r.idNumber = QStringLiteral("110101199003071233");
            return store->createCase(StoreFixture::actor(), r).ok();
        };
        QVERIFY(newCase());
        const qint64 first = store->head()->seq;
        QCOMPARE(headSeqOf(QStringLiteral("b1"), QByteArray(64, 'a')), first);
        QVERIFY(newCase());
        QVERIFY(store->head()->seq > first);
        QCOMPARE(headSeqOf(QStringLiteral("b1"), QByteArray(64, 'a')), first); // resumed: as first claimed

        // The table as an older version made it, with a batch of its own.
        QVERIFY(fixture.execRaw(QStringLiteral("DROP TABLE batch_lists")));
        QVERIFY(fixture.execRaw(QStringLiteral(
            "CREATE TABLE batch_lists (batch_id TEXT PRIMARY KEY, list_index TEXT NOT NULL, started_at TEXT NOT NULL, "
            "actor TEXT NOT NULL, workstation TEXT NOT NULL, output_path TEXT NOT NULL, training INTEGER NOT NULL)")));
        QVERIFY(fixture.execRaw(QStringLiteral("INSERT INTO batch_lists VALUES ('old', 'x', "
                                               "'2026-11-30T09:00:00.000Z', 'anna', 'ws-a', '/r.csv', 0)")));
        QCOMPARE(headSeqOf(QStringLiteral("old"), QByteArray(64, 'c')), qint64 { -1 });
        QCOMPARE(headSeqOf(QStringLiteral("b2"), QByteArray(64, 'd')), store->head()->seq);
        QCOMPARE(headSeqOf(QStringLiteral("old"), QByteArray(64, 'c')), qint64 { -1 });
    }

    // A resumed batch judges a row by the latest case of its MerchantBizId in the chain, not by the clocks: a case
    // answered on a workstation whose clock is eight hours behind is the latest, although its time says otherwise (by
    // time, the older, unbilled failure was taken, and the row sent and billed again).
    void theLatestCaseIsTheLatestInTheChain_data() { StoreFixture::addBackendRows(); }
    void theLatestCaseIsTheLatestInTheChain()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        FakeClock ahead(QDateTime(QDate(2026, 12, 1), QTime(17, 0), Qt::UTC));
        FakeClock behind(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
        const std::unique_ptr<AuditStore> first = fixture.open(&ahead);
        QVERIFY(first);
        const std::unique_ptr<AuditStore> second = fixture.open(&behind);
        QVERIFY(second);
        const auto newCase = [](AuditStore& store) {
            CaseRecord r;
            r.merchantBizId = QStringLiteral("cust1");
            r.name = QStringLiteral("王小明");
            r.idNumber = QStringLiteral("110101199003071233");
            return store.createCase(StoreFixture::actor(), r).valueOr(QString());
        };
        const QString failed = newCase(*first);
        QVERIFY(first
                    ->completeCase(StoreFixture::actor(),
                        failed,
                        StoreFixture::completion(QStringLiteral("failed"), std::nullopt, QString()))
                    .ok());
        const QString answered = newCase(*second);
        QVERIFY(second
                    ->completeCase(StoreFixture::actor(),
                        answered,
                        StoreFixture::completion(QStringLiteral("completed"), true, QStringLiteral("200")))
                    .ok());
        HistoryQuery query;
        query.merchantBizId = QStringLiteral("cust1");
        for (AuditStore* store : { first.get(), second.get() }) {
            const Result<std::optional<CaseSummary>> latest = store->latestSent(StoreFixture::actor(), query);
            QVERIFY2(latest, qPrintable(latest.message()));
            QVERIFY(latest->has_value());
            QCOMPARE((*latest)->caseId, answered);
        }
    }
};

QTEST_GUILESS_MAIN(TestBatchClaims)
#include "TestBatchClaims.moc"
