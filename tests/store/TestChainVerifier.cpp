#include "audit/AuditStore.h"
#include "audit/CanonicalEvent.h"
#include "audit/ChainVerifier.h"
#include "cases/FictitiousPeople.h"

#include "FakeClock.h"
#include "FakeRandom.h"
#include "StoreFixture.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

// Every kind of tampering with the stored events, done the way someone with direct database access would (triggers
// dropped first), on both backends; each is reported at the first broken seq.
class TestChainVerifier : public QObject
{
    Q_OBJECT

private:
    // 10 events: 3 cases (created, attempt, completed) and one settings change.
    static void seed(AuditStore& store, FakeClock& clock)
    {
        FakeRandom random(99);
        FictitiousPeople people(random);
        for (int i = 0; i < 3; ++i) {
            const FictitiousPerson p = people.next(QDate(2026, 11, 25));
            CaseRecord r;
            r.merchantBizId = QStringLiteral("biz%1").arg(i);
            r.name = p.name;
            r.idNumber = p.idNumber;
            const QString caseId = store.createCase(r);
            QVERIFY(!caseId.isEmpty());
            clock.advance(3);
            QVERIFY(
                store.appendEvent(caseId, QLatin1String(EventKind::attemptSent), { { QStringLiteral("n"), 1 } }) > 0);
            clock.advance(3);
            QVERIFY(store.completeCase(caseId, QLatin1String(CaseState::completed), true, QStringLiteral("200"), {}));
        }
        QVERIFY(store.appendEvent(QString(),
                    QLatin1String(EventKind::settingsChanged),
                    { { QStringLiteral("key"), QStringLiteral("rate") } })
            > 0);
    }

    // Recomputes the whole chain after changing one payload, as a forger who knows the algorithm would.
    static bool rewriteEverything(StoreFixture& fx)
    {
        QList<AuditEvent> events;
        {
            QSqlQuery q(fx.raw());
            if (!q.exec(QStringLiteral("SELECT %1 FROM events ORDER BY seq").arg(AuditEvent::columns())))
                return false;
            while (q.next())
                events.append(AuditEvent::fromRow(q)); // prev_hash and hash are recomputed below
        }
        QByteArray prev = CanonicalEvent::genesisHash();
        for (AuditEvent& e : events) {
            if (e.seq == 2)
                e.payload = "{\"n\":2}";
            e.prevHash = prev;
            e.hash = CanonicalEvent::chainHash(prev, e);
            prev = e.hash;
            QSqlQuery u(fx.raw());
            u.prepare(QStringLiteral("UPDATE events SET payload = ?, prev_hash = ?, hash = ? WHERE seq = ?"));
            u.bindValue(0, QString::fromUtf8(e.payload));
            u.bindValue(1, QString::fromLatin1(e.prevHash));
            u.bindValue(2, QString::fromLatin1(e.hash));
            u.bindValue(3, e.seq);
            if (!u.exec())
                return false;
        }
        QSqlQuery h(fx.raw());
        h.prepare(QStringLiteral("UPDATE chain_head SET hash = ? WHERE id = 1"));
        h.bindValue(0, QString::fromLatin1(prev));
        return h.exec();
    }

private slots:
    void tampering_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("sql"); // "REWRITE" = recompute the whole chain
        QTest::addColumn<bool>("useAnchor");
        QTest::addColumn<qint64>("firstBroken"); // 0: the tampering is not detectable this way (and verify says OK)
        const QString lastHash = QStringLiteral("(SELECT hash FROM events WHERE seq = 9)");
        for (const QString& b : StoreFixture::backends()) {
            auto row = [&](const char* name, const QStringList& sql, bool anchor, qint64 broken) {
                QTest::newRow(qPrintable(b + QStringLiteral(":") + QLatin1String(name)))
                    << b << sql << anchor << broken;
            };
            row("untouched", {}, false, 0);
            row("untouched, anchored", {}, true, 0);
            row("edit payload", { QStringLiteral("UPDATE events SET payload = '{\"n\":2}' WHERE seq = 5") }, false, 5);
            row("edit ts",
                { QStringLiteral("UPDATE events SET ts = '2026-11-25T09:00:00.004Z' WHERE seq = 6") },
                false,
                6);
            row("edit actor", { QStringLiteral("UPDATE events SET actor = 'mallory' WHERE seq = 2") }, false, 2);
            row("edit kind", { QStringLiteral("UPDATE events SET kind = 'case_completed' WHERE seq = 8") }, false, 8);
            row("edit pii digest", { QStringLiteral("UPDATE events SET pii_digest = '' WHERE seq = 4") }, false, 4);
            row("delete middle row", { QStringLiteral("DELETE FROM events WHERE seq = 5") }, false, 5);
            row("delete first row", { QStringLiteral("DELETE FROM events WHERE seq = 1") }, false, 1);
            row("delete last row", { QStringLiteral("DELETE FROM events WHERE seq = 10") }, false, 10);
            row("delete last row and fix head, no anchor",
                { QStringLiteral("UPDATE chain_head SET seq = 9, hash = %1 WHERE id = 1").arg(lastHash),
                    QStringLiteral("DELETE FROM events WHERE seq = 10") },
                false,
                0);
            row("delete last row and fix head, anchored",
                { QStringLiteral("UPDATE chain_head SET seq = 9, hash = %1 WHERE id = 1").arg(lastHash),
                    QStringLiteral("DELETE FROM events WHERE seq = 10") },
                true,
                10);
            row("insert forged row",
                { QStringLiteral(
                    "INSERT INTO events (seq, ts, actor, workstation, case_id, kind, payload, pii_digest, "
                    "prev_hash, hash) SELECT 11, ts, actor, workstation, '', 'login', '{}', '', hash, hash "
                    "FROM events WHERE seq = 10") },
                false,
                11);
            row("insert forged row in a gap",
                { QStringLiteral("DELETE FROM events WHERE seq = 7"),
                    QStringLiteral(
                        "INSERT INTO events (seq, ts, actor, workstation, case_id, kind, payload, pii_digest, "
                        "prev_hash, hash) SELECT 7, ts, actor, workstation, '', 'login', '{}', '', hash, hash "
                        "FROM events WHERE seq = 6") },
                false,
                7);
            row("swap two rows' seq",
                { QStringLiteral("UPDATE events SET seq = -1 WHERE seq = 3"),
                    QStringLiteral("UPDATE events SET seq = 3 WHERE seq = 7"),
                    QStringLiteral("UPDATE events SET seq = 7 WHERE seq = -1") },
                false,
                3);
            row("wholesale rewrite, no anchor", { QStringLiteral("REWRITE") }, false, 0);
            row("wholesale rewrite, anchored", { QStringLiteral("REWRITE") }, true, 10);
        }
    }

    void tampering()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, sql);
        QFETCH(bool, useAnchor);
        QFETCH(qint64, firstBroken);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        auto store = fx.open(&clock);
        QVERIFY(store);
        seed(*store, clock);
        if (QTest::currentTestFailed())
            return;
        const ChainAnchor anchor = store->head();
        QCOMPARE(anchor.seq, 10);
        QVERIFY(store->verifyChain().ok);

        QVERIFY(fx.dropAppendOnlyGuards());
        for (const QString& statement : sql) {
            if (statement == QLatin1String("REWRITE"))
                QVERIFY(rewriteEverything(fx));
            else
                QVERIFY(fx.execRaw(statement));
        }

        const ChainReport report = store->verifyChain(useAnchor ? std::optional(anchor) : std::nullopt);
        if (firstBroken == 0) {
            QVERIFY2(report.ok, qPrintable(report.reason));
            QCOMPARE(report.firstBrokenSeq, 0);
        } else {
            QVERIFY(!report.ok);
            QCOMPARE(report.firstBrokenSeq, firstBroken);
            QVERIFY(!report.reason.isEmpty());
        }
        QCOMPARE(report.anchorChecked, useAnchor && report.ok);
    }

    void anchorRoundTrip()
    {
        ChainAnchor a;
        a.historyId = QStringLiteral("8d7c3a52-0000-4000-8000-000000000001");
        a.seq = 42;
        a.hash = QByteArray(64, 'a');
        a.exportedAt = QDateTime(QDate(2026, 11, 25), QTime(9, 0, 1, 234), QTimeZone::utc());
        QString error;
        const auto back = ChainAnchor::fromJson(QJsonDocument(a.toJson()).toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->seq, 42);
        QCOMPARE(back->hash, a.hash);
        QCOMPARE(back->historyId, a.historyId);
        QCOMPARE(back->exportedAt, a.exportedAt);
        QVERIFY(!ChainAnchor::fromJson("{\"seq\":1}", &error));
        QVERIFY(!error.isEmpty());
    }

    void anchorFromAnotherHistory()
    {
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, QStringLiteral("sqlite"));
        auto store = fx.open();
        QVERIFY(store);
        QVERIFY(store->appendEvent(QString(), QLatin1String(EventKind::login), {}) > 0);
        ChainAnchor anchor = store->head();
        anchor.historyId = QStringLiteral("another-history");
        const ChainReport report = store->verifyChain(anchor);
        QVERIFY(!report.ok);
        QVERIFY(report.reason.contains(QStringLiteral("another history")));
    }

    void exportAnchorRecordsEvent()
    {
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, QStringLiteral("sqlite"));
        auto store = fx.open();
        QVERIFY(store);
        QVERIFY(store->appendEvent(QString(), QLatin1String(EventKind::login), {}) > 0);
        const QByteArray before = store->headHash();
        const auto anchor = store->exportAnchor();
        QVERIFY(anchor);
        QCOMPARE(anchor->seq, 1);
        QCOMPARE(anchor->hash, before);
        QCOMPARE(store->head().seq, 2);
        const ChainReport report = store->verifyChain(anchor);
        QVERIFY2(report.ok, qPrintable(report.reason));
        QVERIFY(report.anchorChecked);
    }
};

QTEST_GUILESS_MAIN(TestChainVerifier)
#include "TestChainVerifier.moc"
