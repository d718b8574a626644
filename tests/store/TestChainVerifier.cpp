#include "domain/FictitiousPeople.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"
#include "history/ChainSigner.h"
#include "history/ChainVerifier.h"
#include "history/Migrations.h"

#include "FakeClock.h"
#include "FakeRandom.h"
#include "StoreFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

// seed() the history; a test whose seeding failed stops there.
#define SEED_OR_RETURN(store, clock)                                                                                   \
    do {                                                                                                               \
        seed((store), (clock));                                                                                        \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

// Every kind of tampering with the stored events and with the cases projection, done the way someone with direct
// database access would (triggers dropped first), on both backends; each is reported at the first broken seq (for a
// case record: its case_created event).
class TestChainVerifier : public QObject
{
    Q_OBJECT

private:
    // A fake clock that moves 7 ms every time it is read: a write that read it twice would give its case record a
    // time other than its event's.
    class TickingClock : public FakeClock
    {
    public:
        QDateTime nowUtc() const override { return FakeClock::nowUtc().addMSecs(7 * ++m_reads); }

    private:
        mutable qint64 m_reads = 0;
    };

    static QString caseAtSeq(StoreFixture& fx, int seq)
    {
        QSqlQuery q(fx.raw());
        q.prepare(QStringLiteral("SELECT case_id FROM events WHERE seq = ?"));
        q.bindValue(0, seq);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    // Moves a time column of one case record by deltaMs, the way someone with database access would.
    static bool shiftTime(StoreFixture& fx, const QString& column, const QString& caseId, qint64 deltaMs)
    {
        QSqlQuery q(fx.raw());
        q.prepare(QStringLiteral("SELECT %1 FROM cases WHERE case_id = ?").arg(column));
        q.bindValue(0, caseId);
        if (!q.exec() || !q.next())
            return false;
        const QDateTime t = CanonicalEvent::parseTimestamp(q.value(0).toString());
        if (!t.isValid())
            return false;
        q.finish();
        QSqlQuery u(fx.raw());
        u.prepare(QStringLiteral("UPDATE cases SET %1 = ? WHERE case_id = ?").arg(column));
        u.bindValue(0, QString::fromLatin1(CanonicalEvent::timestamp(t.addMSecs(deltaMs))));
        u.bindValue(1, caseId);
        return u.exec() && u.numRowsAffected() == 1;
    }

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
            const QString caseId = store.createCase(StoreFixture::actor(), r).valueOr(QString());
            QVERIFY(!caseId.isEmpty());
            clock.advance(3);
            QVERIFY(store.record(StoreFixture::actor(), caseId, Events::AttemptSent()).valueOr(0) > 0);
            clock.advance(3);
            QVERIFY(store
                        .completeCase(StoreFixture::actor(),
                            caseId,
                            StoreFixture::completion(QLatin1String(CaseState::completed), true, QStringLiteral("200")))
                        .ok());
        }
        QVERIFY(
            store.record(StoreFixture::actor(), QString(), Events::SettingsChanged { { QStringLiteral("rate") }, {} })
                .valueOr(0)
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
        QTest::addColumn<QString>("reasonContains");
        const QString lastHash = QStringLiteral("(SELECT hash FROM events WHERE seq = 9)");
        // The cases of seed(), by the seq of their case_created event: 1, 4 and 7.
        auto caseAt = [](int seq) { return QStringLiteral("(SELECT case_id FROM events WHERE seq = %1)").arg(seq); };
        // Sets columns of the case created at `to` to those of the case created at `from`.
        auto copyColumns = [&](const QStringList& columns, int from, int to) {
            QStringList sets;
            for (const QString& c : columns)
                sets << QStringLiteral("%1 = (SELECT %1 FROM cases WHERE case_id = %2)").arg(c, caseAt(from));
            return QStringLiteral("UPDATE cases SET %1 WHERE case_id = %2")
                .arg(sets.join(QStringLiteral(", ")), caseAt(to));
        };
        for (const QString& b : StoreFixture::backends()) {
            auto row = [&](const char* name,
                           const QStringList& sql,
                           bool anchor,
                           qint64 broken,
                           const QString& reason = QString()) {
                QTest::newRow(qPrintable(b + QStringLiteral(":") + QLatin1String(name)))
                    << b << sql << anchor << broken << reason;
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
            // The head's signature (ChainSigner) no longer matches: found without an anchor.
            row("delete last row and fix head, no anchor",
                { QStringLiteral("UPDATE chain_head SET seq = 9, hash = %1 WHERE id = 1").arg(lastHash),
                    QStringLiteral("DELETE FROM events WHERE seq = 10") },
                false,
                9,
                QStringLiteral("does not carry the history's signature"));
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
            row("wholesale rewrite, no anchor",
                { QStringLiteral("REWRITE") },
                false,
                10,
                QStringLiteral("does not carry the history's signature"));
            row("wholesale rewrite, anchored", { QStringLiteral("REWRITE") }, true, 10);

            // The cases projection (history list, ID search, reveal, purge) against the events.
            row("cases: edit sub_code and passed",
                { QStringLiteral("UPDATE cases SET sub_code = '223', passed = 0 WHERE case_id = %1").arg(caseAt(4)) },
                false,
                4,
                QStringLiteral("(sub_code, passed)"));
            // Values a reader would take for the same truth are still edits: the application writes only 0 and 1.
            row("cases: passed set to 2",
                { QStringLiteral("UPDATE cases SET passed = 2 WHERE case_id = %1").arg(caseAt(4)) },
                false,
                4,
                QStringLiteral("(passed)"));
            row("cases: training set to 7",
                { QStringLiteral("UPDATE cases SET training = 7 WHERE case_id = %1").arg(caseAt(4)) },
                false,
                4,
                QStringLiteral("(training)"));
            row("cases: edit request_id",
                { QStringLiteral("UPDATE cases SET request_id = 'forged-request' WHERE case_id = %1").arg(caseAt(4)) },
                false,
                4,
                QStringLiteral("(request_id)"));
            row("cases: edit error_kind and error_code",
                { QStringLiteral("UPDATE cases SET error_kind = 'Timeout', error_code = 'X' WHERE case_id = %1")
                        .arg(caseAt(1)) },
                false,
                1,
                QStringLiteral("(error_kind, error_code)"));
            row("cases: edit state",
                { QStringLiteral("UPDATE cases SET state = 'failed' WHERE case_id = %1").arg(caseAt(7)) },
                false,
                7,
                QStringLiteral("(state)"));
            row("cases: edit attempts",
                { QStringLiteral("UPDATE cases SET attempts = 0 WHERE case_id = %1").arg(caseAt(1)) },
                false,
                1,
                QStringLiteral("(attempts)"));
            row("cases: edit actor and scene",
                { QStringLiteral("UPDATE cases SET actor = 'mallory', scene_code = 'X' WHERE case_id = %1")
                        .arg(caseAt(4)) },
                false,
                4,
                QStringLiteral("(actor, scene_code)"));
            row("cases: delete a row",
                { QStringLiteral("DELETE FROM cases WHERE case_id = %1").arg(caseAt(7)) },
                false,
                7,
                QStringLiteral("was deleted"));
            row("cases: insert a row",
                { QStringLiteral(
                    "INSERT INTO cases (case_id, created_at, updated_at, actor, workstation, "
                    "merchant_biz_id, scene_code, state, sub_code, passed, training, attempts) "
                    "SELECT 'forged-case', created_at, updated_at, actor, workstation, merchant_biz_id, "
                    "scene_code, state, sub_code, passed, training, attempts FROM cases WHERE case_id = %1")
                        .arg(caseAt(1)) },
                false,
                10,
                QStringLiteral("forged-case has no case_created event"));
            row("cases: copy another case's ciphertext, masks and index",
                { copyColumns({ QStringLiteral("name_enc"),
                                  QStringLiteral("id_enc"),
                                  QStringLiteral("name_masked"),
                                  QStringLiteral("id_masked"),
                                  QStringLiteral("id_index") },
                    1,
                    4) },
                false,
                4,
                QStringLiteral("(name_enc/id_enc)"));
            row("cases: copy another case's masks and index",
                { copyColumns(
                    { QStringLiteral("name_masked"), QStringLiteral("id_masked"), QStringLiteral("id_index") }, 7, 4) },
                false,
                4,
                QStringLiteral("(name_masked/id_masked/id_index)"));
            // The masks and the index are covered by the case_created event's PII digest (v2): found without keys.
            row("cases: move masked ID numbers between cases",
                { copyColumns({ QStringLiteral("id_masked") }, 4, 1),
                    copyColumns({ QStringLiteral("id_masked") }, 7, 4) },
                false,
                1,
                QStringLiteral("(name_masked/id_masked/id_index)"));
            row("cases: edit a masked name",
                { QStringLiteral("UPDATE cases SET name_masked = name_masked || '*' WHERE case_id = %1")
                        .arg(caseAt(7)) },
                false,
                7,
                QStringLiteral("(name_masked/id_masked/id_index)"));
            row("cases: edit a masked ID number",
                { QStringLiteral("UPDATE cases SET id_masked = '110101**********00' WHERE case_id = %1")
                        .arg(caseAt(7)) },
                false,
                7,
                QStringLiteral("(name_masked/id_masked/id_index)"));
            row("cases: move blind index values between cases",
                { copyColumns({ QStringLiteral("id_index") }, 4, 1),
                    copyColumns({ QStringLiteral("id_index") }, 7, 4) },
                false,
                1,
                QStringLiteral("(name_masked/id_masked/id_index)"));
            row("cases: backdate created_at",
                { QStringLiteral("UPDATE cases SET created_at = '2026-10-01T09:00:00.000Z' WHERE case_id = %1")
                        .arg(caseAt(1)) },
                false,
                1,
                QStringLiteral("(created_at)"));
            row("cases: clear the masks of an unpurged case",
                { QStringLiteral("UPDATE cases SET name_masked = NULL, id_masked = NULL, id_index = NULL "
                                 "WHERE case_id = %1")
                        .arg(caseAt(7)) },
                false,
                7,
                QStringLiteral("(name_masked/id_masked/id_index)"));
            row("cases: purge outside the application",
                { QStringLiteral("UPDATE cases SET name_enc = NULL, id_enc = NULL, name_masked = NULL, "
                                 "id_masked = NULL, id_index = NULL, purged_at = '2026-11-25T09:00:18.000Z' "
                                 "WHERE case_id = %1")
                        .arg(caseAt(4)) },
                false,
                4,
                QStringLiteral("(purged_at, name_enc/id_enc)"));
            // The dashboard's hourly counts against the cases (which match their events): found at the head.
            row("dashboard: add to a count",
                { QStringLiteral("UPDATE dashboard_hours SET n_passed = n_passed + 1") },
                false,
                10,
                QStringLiteral("dashboard_hours table was edited"));
            row("dashboard: move a count",
                { QStringLiteral("UPDATE dashboard_hours SET n_223 = n_223 + n_passed, n_passed = 0") },
                false,
                10,
                QStringLiteral("dashboard_hours table was edited"));
            row("dashboard: delete the hours", { QStringLiteral("DELETE FROM dashboard_hours") }, false, 10);
            row("dashboard: add an hour",
                { QStringLiteral("INSERT INTO dashboard_hours (training, hour, actor, n_passed) "
                                 "VALUES (0, '2020-01-01T00', 'mallory', 5)") },
                false,
                10,
                QStringLiteral("2020-01-01T00:00 (UTC) of mallory"));
            row("dashboard: an hour whose counts add up to nothing",
                { QStringLiteral("INSERT INTO dashboard_hours (training, hour, actor, n_passed, n_other) "
                                 "VALUES (0, '2020-01-01T00', 'mallory', 5, -5)") },
                false,
                10,
                QStringLiteral("2020-01-01T00:00 (UTC) of mallory"));
            // The checks a version skips are never skipped for a version lowered below what the tables show.
            row("meta: schema version lowered below signing",
                { QStringLiteral("UPDATE meta SET value = '8' WHERE key = 'schema_version'") },
                false,
                1,
                QStringLiteral("schema version (8) is lower than its tables show (10)"));
            row("meta: schema version lowered below manual review",
                { QStringLiteral("UPDATE meta SET value = '5' WHERE key = 'schema_version'") },
                false,
                1,
                QStringLiteral("schema version (5) is lower than its tables show (10)"));
            if (b == QLatin1String("sqlite"))
                row("cases: a record twice, the table rebuilt without its key",
                    { QStringLiteral("CREATE TABLE cases_copy AS SELECT * FROM cases"),
                        QStringLiteral("DROP TABLE cases"),
                        QStringLiteral("ALTER TABLE cases_copy RENAME TO cases"),
                        QStringLiteral("INSERT INTO cases SELECT * FROM cases WHERE case_id = %1").arg(caseAt(4)) },
                    false,
                    4,
                    QStringLiteral("appears twice"));
            row("dashboard: an hour of zeros is no difference",
                { QStringLiteral("INSERT INTO dashboard_hours (training, hour, actor) "
                                 "VALUES (0, '2020-01-01T00', 'mallory')") },
                false,
                0);
            row("cases: two records edited, the first is reported",
                { QStringLiteral("UPDATE cases SET sub_code = '202' WHERE case_id = %1").arg(caseAt(7)),
                    QStringLiteral("UPDATE cases SET passed = 0 WHERE case_id = %1").arg(caseAt(4)) },
                false,
                4,
                QStringLiteral("In all, 2 case records"));
        }
    }

    void tampering()
    {
        QFETCH(QStringList, sql);
        QFETCH(bool, useAnchor);
        QFETCH(qint64, firstBroken);
        QFETCH(QString, reasonContains);
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        SEED_OR_RETURN(*store, clock);
        const ChainAnchor anchor = store->head().valueOr({});
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
        // Without the keys (audit verify with no passphrase) every row is found at the same place.
        const ChainReport keyless =
            ChainVerifier::verify(fx.raw(), useAnchor ? std::optional(anchor) : std::nullopt, store->historyId());
        QCOMPARE(keyless.ok, report.ok);
        QCOMPARE(keyless.firstBrokenSeq, report.firstBrokenSeq);
        if (firstBroken == 0) {
            QVERIFY2(report.ok, qPrintable(report.reason));
            QCOMPARE(report.firstBrokenSeq, 0);
        } else {
            QVERIFY(!report.ok);
            QCOMPARE(report.firstBrokenSeq, firstBroken);
            QVERIFY(!report.reason.isEmpty());
            QVERIFY2(report.reason.contains(reasonContains), qPrintable(report.reason));
        }
        QCOMPARE(report.anchorChecked, useAnchor && report.ok);
        if (report.ok)
            QCOMPARE(report.casesChecked, 3);
    }

    // A signed history made to look older: its tables taken back to version 6 and its schema version with them, so
    // that no signature would be checked. The checkpoint in its chain gives it away, at the checkpoint.
    void checkpointInAnUnsignedHistory_data() { StoreFixture::addBackendRows(); }
    void checkpointInAnUnsignedHistory()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        SEED_OR_RETURN(*store, clock);
        QVERIFY(store->setCheckpointInterval(StoreFixture::reader(), ChainSigner::MinCheckpointInterval).ok());
        QCOMPARE(store->lastSeq(), 11); // the change is itself a checkpoint
        QVERIFY(store->verifyChain().ok);
        QVERIFY(fx.undoSchemas7To10());
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE meta SET value = '6' WHERE key = 'schema_version'")));
        const ChainReport report = ChainVerifier::verify(fx.raw());
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBrokenSeq, 11);
        QVERIFY2(report.reason.contains(QLatin1String("only a signed history holds")), qPrintable(report.reason));
    }

    // A chain longer than the reader's chunks (4,096 rows): the hashes are computed on either thread, chunk by chunk
    // (SqliteRows::Annotate), and the projection spans chunks; an edit deep in it is still found at its place.
    void longChainAcrossChunks_data()
    {
        QTest::addColumn<QString>("backend");
        // %1: the seq of an event in the third chunk, or (caseEdit) its case id, quoted; empty: untouched.
        QTest::addColumn<QString>("edit");
        QTest::addColumn<bool>("caseEdit"); // the edit is of that event's case record
        for (const QString& b : StoreFixture::backends()) {
            QTest::addRow("%s: untouched", qPrintable(b)) << b << QString() << false;
            QTest::addRow("%s: payload edited late", qPrintable(b))
                << b << QStringLiteral("UPDATE events SET payload = '{\"n\":2}' WHERE seq = %1") << false;
            QTest::addRow("%s: late case record edited", qPrintable(b))
                << b << QStringLiteral("UPDATE cases SET sub_code = '223' WHERE case_id = %1") << true;
        }
    }
    void longChainAcrossChunks()
    {
        QFETCH(QString, edit);
        QFETCH(bool, caseEdit);
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        FakeRandom random(7);
        FictitiousPeople people(random);
        constexpr int cases = 3000; // three events each, and a checkpoint every 1,000 events
        for (int batch = 0; batch < cases / 100; ++batch) {
            QVERIFY(store->beginBatch().ok());
            for (int i = 0; i < 100; ++i) {
                const FictitiousPerson p = people.next(QDate(2026, 11, 25));
                CaseRecord r;
                r.merchantBizId = QStringLiteral("long%1-%2").arg(batch).arg(i);
                r.name = p.name;
                r.idNumber = p.idNumber;
                const QString caseId = store->createCase(StoreFixture::actor(), r).valueOr(QString());
                QVERIFY(!caseId.isEmpty());
                QVERIFY(store->record(StoreFixture::actor(), caseId, Events::AttemptSent()).valueOr(0) > 0);
                QVERIFY(
                    store
                        ->completeCase(StoreFixture::actor(),
                            caseId,
                            StoreFixture::completion(QLatin1String(CaseState::completed), true, QStringLiteral("200")))
                        .ok());
                clock.advance(1);
            }
            QVERIFY(store->commitBatch().ok());
        }
        QVERIFY(store->head().valueOr({}).seq > 2 * 4096);
        if (edit.isEmpty()) {
            const ChainReport report = ChainVerifier::verify(fx.raw(), std::nullopt, store->historyId());
            QVERIFY2(report.ok, qPrintable(report.reason));
            QCOMPARE(report.casesChecked, cases);
            return;
        }
        // An event of the third chunk that belongs to a case (not a checkpoint).
        qint64 seq = 2 * 4096 + 100;
        while (caseAtSeq(fx, static_cast<int>(seq)).isEmpty())
            ++seq;
        const QString caseId = caseAtSeq(fx, static_cast<int>(seq));
        qint64 createdSeq = 0;
        {
            QSqlQuery q(fx.raw());
            q.prepare(QStringLiteral("SELECT MIN(seq) FROM events WHERE case_id = ?"));
            q.bindValue(0, caseId);
            QVERIFY(q.exec() && q.next());
            createdSeq = q.value(0).toLongLong();
        }
        QVERIFY(fx.dropAppendOnlyGuards());
        QVERIFY(fx.execRaw(caseEdit ? edit.arg(QLatin1Char('\'') + caseId + QLatin1Char('\'')) : edit.arg(seq)));
        const ChainReport report = ChainVerifier::verify(fx.raw(), std::nullopt, store->historyId());
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBrokenSeq, caseEdit ? createdSeq : seq);
    }

    // The purge lists the cases it erased and judges their age by the case_created event, so a backdated
    // created_at column erases nothing early; the purged records verify.
    void purgeThenVerify_data() { StoreFixture::addBackendRows(); }
    void purgeThenVerify()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        SEED_OR_RETURN(*store, clock);
        clock.advance(qint64(40) * 24 * 3600 * 1000);
        CaseRecord r;
        r.merchantBizId = QStringLiteral("recent");
        r.name = QStringLiteral("Recent Person");
        r.idNumber = QStringLiteral("11010519491231002X");
        const QString recent = store->createCase(StoreFixture::actor(), r).valueOr(QString());
        QVERIFY(!recent.isEmpty());
        const qint64 recentSeq = store->lastSeq();
        const QDateTime cutoff = clock.nowUtc().addDays(-30);

        QCOMPARE(store->purgeOlderThan(StoreFixture::reader(), cutoff).valueOr(-1), 3);
        ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.casesChecked, 4);
        const QList<AuditEvent> purges = [&] {
            QList<AuditEvent> found;
            const Result<void> read = store->forEachEvent([&](const AuditEvent& e) {
                if (e.kind == QLatin1String(EventKind::retentionPurge))
                    found << e;
                return true;
            });
            if (!read)
                found.clear();
            return found;
        }();
        QCOMPARE(purges.size(), 1);
        const QJsonArray ids = purges.first().payloadObject().value(QStringLiteral("caseIds")).toArray();
        QCOMPARE(ids.size(), 3);
        QVERIFY(!ids.contains(recent));

        // Backdating the column does not make the recent case old enough...
        QVERIFY(
            fx.execRaw(QStringLiteral("UPDATE cases SET created_at = '2026-01-01T00:00:00.000Z' WHERE case_id = '%1'")
                           .arg(recent)));
        QCOMPARE(store->purgeOlderThan(StoreFixture::reader(), cutoff).valueOr(-1), 0);
        QVERIFY(!store->caseSummary(StoreFixture::reader(), recent)->purged);
        QCOMPARE(store->findByIdNumber(StoreFixture::reader(), r.idNumber).valueOr({}).size(), 1);
        // ...and verify reports it.
        report = store->verifyChain();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBrokenSeq, recentSeq);
        QCOMPARE(report.brokenCaseId, recent);
        QVERIFY2(report.reason.contains(QStringLiteral("(created_at)")), qPrintable(report.reason));
    }

    // A retention_purge event written before events listed their cases ({cases, cutoff} only): the purged set is the
    // cases created before the cut-off.
    void legacyPurgeEventVerifies_data() { StoreFixture::addBackendRows(); }
    void legacyPurgeEventVerifies()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        SEED_OR_RETURN(*store, clock);
        clock.advance(qint64(40) * 24 * 3600 * 1000);
        const QString cutoff = QString::fromLatin1(CanonicalEvent::timestamp(clock.nowUtc().addDays(-30)));
        const QString now = QString::fromLatin1(CanonicalEvent::timestamp(clock.nowUtc()));
        // What the older purge did: erase by the created_at column, then record {cases, cutoff}.
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE cases SET name_enc = NULL, id_enc = NULL, name_masked = NULL, "
                                          "id_masked = NULL, id_index = NULL, purged_at = '%1' WHERE created_at < '%2'")
                               .arg(now, cutoff)));
        QVERIFY(store
                    ->record(StoreFixture::reader(),
                        QString(),
                        StoreFixture::event(QLatin1String(EventKind::retentionPurge),
                            { { QStringLiteral("cases"), 3 }, { QStringLiteral("cutoff"), cutoff } }))
                    .valueOr(0)
            > 0);
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.casesChecked, 3);
    }

    // Schema version 3: case records cannot be deleted, and on PostgreSQL neither table can be truncated. A history
    // at version 2 gets the guards when it is opened.
    void projectionGuards_data() { StoreFixture::addBackendRows(); }
    void projectionGuards()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        const bool postgres = backend == QLatin1String("postgresql");
        {
            QSqlDatabase db = fx.raw();
            QString error;
            QVERIFY2(Migrations::run(db, postgres, &error, Migrations::steps().mid(0, 2)), qPrintable(error));
            QCOMPARE(Migrations::currentVersion(db, postgres, &error), 2);
        }
        FakeClock clock;
        auto store = fx.open(&clock);
        QVERIFY(store);
        QSqlDatabase db = fx.raw();
        QString error;
        QCOMPARE(Migrations::currentVersion(db, postgres, &error), Migrations::latestVersion());
        SEED_OR_RETURN(*store, clock);
        QVERIFY(!fx.execRaw(QStringLiteral("DELETE FROM cases"), &error));
        QVERIFY2(error.contains(QStringLiteral("never deleted")), qPrintable(error));
        if (postgres) {
            QVERIFY(!fx.execRaw(QStringLiteral("TRUNCATE events"), &error));
            QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
            QVERIFY(!fx.execRaw(QStringLiteral("TRUNCATE cases"), &error));
            QVERIFY2(error.contains(QStringLiteral("never deleted")), qPrintable(error));
        }
        // The purge only updates case records, so it passes the guards.
        clock.advance(qint64(40) * 24 * 3600 * 1000);
        QCOMPARE(store->purgeOlderThan(StoreFixture::reader(), clock.nowUtc().addDays(-30)).valueOr(-1), 3);
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.count, 12); // 10, the purge and its signed checkpoint
    }

    // Every write reads the clock once: even with a clock that moves on every read, each case record's created_at,
    // updated_at and purged_at are the ts of its case_created, last and retention_purge event, to the millisecond
    // and in the same text on both backends.
    void everyWriteUsesOneTime_data() { StoreFixture::addBackendRows(); }
    void everyWriteUsesOneTime()
    {
        TickingClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        SEED_OR_RETURN(*store, clock);
        QVERIFY(store->revealCase(StoreFixture::actor(), caseAtSeq(fx, 4), QStringLiteral("complaint 17")));
        QVERIFY(store->exportAnchor(StoreFixture::reader()));
        clock.advance(qint64(40) * 24 * 3600 * 1000);
        QCOMPARE(store->purgeOlderThan(StoreFixture::reader(), clock.nowUtc().addDays(-30)).valueOr(-1), 3);
        QVERIFY(store
                    ->record(StoreFixture::reader(),
                        caseAtSeq(fx, 7),
                        StoreFixture::event(EventKind::attemptSent, { { QStringLiteral("attempt"), 2 } }))
                    .valueOr(0)
            > 0);

        QSqlQuery q(fx.raw());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT ts) FROM events")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 16); // with the signed checkpoints of the anchor and the purge
        QCOMPARE(q.value(1).toInt(), 14); // the clock really moved between writes (a checkpoint shares its write's)
        q.finish();
        QVERIFY(q.exec(QStringLiteral(
            "SELECT c.case_id, c.created_at, c.updated_at, c.purged_at, "
            "(SELECT ts FROM events e WHERE e.case_id = c.case_id AND e.kind = 'case_created'), "
            "(SELECT ts FROM events e WHERE e.case_id = c.case_id ORDER BY e.seq DESC LIMIT 1), "
            "(SELECT ts FROM events e WHERE e.kind = 'retention_purge') FROM cases c ORDER BY c.created_at")));
        int rows = 0;
        int purged = 0;
        while (q.next()) {
            ++rows;
            QCOMPARE(q.value(1).toString(), q.value(4).toString());
            QCOMPARE(q.value(2).toString(), q.value(5).toString());
            if (!q.value(3).isNull()) {
                ++purged;
                QCOMPARE(q.value(3).toString(), q.value(6).toString());
            }
        }
        QCOMPARE(rows, 3);
        QCOMPARE(purged, 3);
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.exactTimesFromSeq, 1);
    }

    // In a history written with one time per write, a case time moved by any amount is reported: 2 s, or 1 ms.
    void shiftedTimeReported_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("column");
        QTest::addColumn<qint64>("deltaMs");
        QTest::addColumn<int>("caseSeq"); // the case_created seq of the shifted case
        for (const QString& b : StoreFixture::backends()) {
            auto row = [&](const char* name, const char* column, qint64 delta, int seq) {
                QTest::newRow(qPrintable(b + QStringLiteral(":") + QLatin1String(name)))
                    << b << QString::fromLatin1(column) << delta << seq;
            };
            row("created_at +2 s", "created_at", 2000, 1);
            row("created_at -2 s", "created_at", -2000, 4);
            row("updated_at +1 ms", "updated_at", 1, 7);
            row("purged_at -2 s", "purged_at", -2000, 1);
        }
    }
    void shiftedTimeReported()
    {
        QFETCH(QString, column);
        QFETCH(qint64, deltaMs);
        QFETCH(int, caseSeq);
        TickingClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        SEED_OR_RETURN(*store, clock);
        clock.advance(qint64(40) * 24 * 3600 * 1000);
        QCOMPARE(store->purgeOlderThan(StoreFixture::reader(), clock.nowUtc().addDays(-30)).valueOr(-1), 3);
        QVERIFY(store->verifyChain().ok);

        const QString caseId = caseAtSeq(fx, caseSeq);
        QVERIFY(shiftTime(fx, column, caseId, deltaMs));
        const ChainReport report = store->verifyChain();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBrokenSeq, caseSeq);
        QCOMPARE(report.brokenCaseId, caseId);
        QCOMPARE(report.brokenCases, 1);
        QVERIFY2(report.reason.contains(QStringLiteral("(%1)").arg(column)), qPrintable(report.reason));
        QCOMPARE(report.exactTimesFromSeq, 1);
    }

    // A history written before schema version 4 had case times a few ms off their events. Simulated: a history at
    // version 3 whose case records were moved by raw SQL. It verifies with the slack before and after the migration,
    // which records the first exact seq; events from there on are compared exactly; a time moved beyond the slack
    // is reported even in the old part; and a removed meta value is read as "exact everywhere".
    void oldStyleHistoryVerifies_data() { StoreFixture::addBackendRows(); }
    void oldStyleHistoryVerifies()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        const QString key = QLatin1String(Migrations::exactTimesKey);
        FakeClock clock;
        {
            auto store = fx.open(&clock);
            QVERIFY(store);
            SEED_OR_RETURN(*store, clock);
        }
        // Back to version 3, with the offsets the two clock readings of that version produced.
        QVERIFY(fx.execRaw(QStringLiteral("DELETE FROM meta WHERE key = '%1'").arg(key)));
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE meta SET value = '3' WHERE key = 'schema_version'")));
        QVERIFY(fx.execRaw(QStringLiteral("DROP TABLE accounts"))); // version 5's
        for (const char* table : { "reviews", "review_texts", "review_reasons" }) // version 6's
            QVERIFY(fx.execRaw(QStringLiteral("DROP TABLE %1").arg(QLatin1String(table))));
        QVERIFY(fx.execRaw(QStringLiteral("DELETE FROM meta WHERE key LIKE 'review_%'")));
        QVERIFY(fx.undoSchemas7To10());
        const QString old1 = caseAtSeq(fx, 1);
        const QString old4 = caseAtSeq(fx, 4);
        const QString old7 = caseAtSeq(fx, 7);
        QVERIFY(shiftTime(fx, QStringLiteral("created_at"), old1, -4));
        QVERIFY(shiftTime(fx, QStringLiteral("updated_at"), old1, -2));
        QVERIFY(shiftTime(fx, QStringLiteral("created_at"), old4, -30));
        QVERIFY(shiftTime(fx, QStringLiteral("updated_at"), old7, -1));

        // `audit verify` reads a version-3 history as it is: every time within the slack.
        {
            const ChainReport report = ChainVerifier::verify(fx.raw());
            QVERIFY2(report.ok, qPrintable(report.reason));
            QCOMPARE(report.exactTimesFromSeq, 11);
        }
        auto store = fx.open(&clock); // runs migration 4: exact from the next seq on
        QVERIFY(store);
        {
            QSqlQuery q(fx.raw());
            q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
            q.bindValue(0, key);
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("11"));
        }
        CaseRecord r;
        r.merchantBizId = QStringLiteral("after-upgrade");
        r.name = QStringLiteral("Recent Person");
        r.idNumber = QStringLiteral("11010519491231002X");
        const QString recent = store->createCase(StoreFixture::actor(), r).valueOr(QString());
        QVERIFY(!recent.isEmpty());
        QCOMPARE(store->lastSeq(), 11);
        clock.advance(5);
        // A new event on an old case: its updated_at is now exact.
        QVERIFY(store->record(StoreFixture::actor(), old4, Events::AttemptSent()).valueOr(0) > 0);
        ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.exactTimesFromSeq, 11);
        QCOMPARE(report.casesChecked, 4);

        // Within the slack before the first exact seq (old1's created_at, seq 1): still accepted.
        QVERIFY(shiftTime(fx, QStringLiteral("created_at"), old1, 20 * 1000));
        QVERIFY(store->verifyChain().ok);
        // The same 2 s on the old case's new event, and on the new case, are reported.
        QVERIFY(shiftTime(fx, QStringLiteral("updated_at"), old4, 2000));
        QVERIFY(shiftTime(fx, QStringLiteral("created_at"), recent, 2000));
        report = store->verifyChain();
        QVERIFY(!report.ok);
        QCOMPARE(report.brokenCases, 2);
        QCOMPARE(report.firstBrokenSeq, 4);
        QVERIFY2(report.reason.contains(QStringLiteral("(updated_at)")), qPrintable(report.reason));
        QVERIFY(shiftTime(fx, QStringLiteral("updated_at"), old4, -2000));
        QVERIFY(shiftTime(fx, QStringLiteral("created_at"), recent, -2000));
        QVERIFY(store->verifyChain().ok);
        // Beyond the slack, an old time is reported too.
        QVERIFY(shiftTime(fx, QStringLiteral("updated_at"), old7, -2 * ChainVerifier::projectionSlackMs));
        report = store->verifyChain();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBrokenSeq, 7);
        QVERIFY(shiftTime(fx, QStringLiteral("updated_at"), old7, 2 * ChainVerifier::projectionSlackMs));
        QVERIFY(store->verifyChain().ok);

        // The meta value removed, or moved beyond the head: exact everywhere, so the old offsets show.
        for (const QString& sql : { QStringLiteral("DELETE FROM meta WHERE key = '%1'").arg(key),
                 QStringLiteral("INSERT INTO meta (key, value) VALUES ('%1', '99')").arg(key) }) {
            QVERIFY(fx.execRaw(sql));
            report = store->verifyChain();
            QVERIFY(!report.ok);
            QCOMPARE(report.exactTimesFromSeq, 1);
            QCOMPARE(report.firstBrokenSeq, 1);
            QVERIFY2(report.reason.contains(QStringLiteral("(created_at, updated_at)")), qPrintable(report.reason));
        }
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
        QVERIFY(store
                    ->record(StoreFixture::actor(),
                        QString(),
                        StoreFixture::event(QLatin1String(EventKind::settingsChanged),
                            { { QStringLiteral("changed"), QJsonArray { QStringLiteral("api/timeoutSeconds") } } }))
                    .valueOr(0)
            > 0);
        ChainAnchor anchor = store->head().valueOr({});
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
        QVERIFY(store
                    ->record(StoreFixture::actor(),
                        QString(),
                        StoreFixture::event(QLatin1String(EventKind::settingsChanged),
                            { { QStringLiteral("changed"), QJsonArray { QStringLiteral("api/timeoutSeconds") } } }))
                    .valueOr(0)
            > 0);
        const QByteArray before = store->head().valueOr({}).hash;
        const auto anchor = store->exportAnchor(StoreFixture::reader());
        QVERIFY(anchor);
        QCOMPARE(anchor->seq, 1);
        QCOMPARE(anchor->hash, before);
        QVERIFY(anchor->isSigned());
        QCOMPARE(anchor->publicKey, store->signingKey());
        QCOMPARE(store->head().valueOr({}).seq, 3); // anchor_exported and its checkpoint
        const ChainReport report = store->verifyChain(*anchor);
        QVERIFY2(report.ok, qPrintable(report.reason));
        QVERIFY(report.anchorChecked);
    }
};

QTEST_GUILESS_MAIN(TestChainVerifier)
#include "TestChainVerifier.moc"
