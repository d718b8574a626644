#include "crypto/Crypto.h"
#include "domain/FictitiousPeople.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"
#include "history/ChainSigner.h"
#include "history/ChainVerifier.h"
#include "history/Dashboard.h"

#include "ChainForgery.h"
#include "FakeClock.h"
#include "FakeRandom.h"
#include "StoreFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

// Tamper evidence against an insider who can write to the database but has neither the passphrase nor the keychain
// entry: every forgery that re-computes the hash chain is caught by the signed head and checkpoints (ChainSigner),
// without keys, on both backends (triggers dropped first). What only an external trust root can catch (a key swapped
// in and everything re-signed, a roll-back to an older signed copy) is caught by a signed anchor, the anchor folder or
// the keys, and is shown undetected without them.
class TestChainSignatures : public QObject
{
    Q_OBJECT

    using Events_ = QList<AuditEvent>;
    using Forgery = std::function<bool(StoreFixture&, Events_&)>;

    // 17 events: 3 cases (1-9), an anchor (10 anchor_exported naming 9, 11 its checkpoint), a settings change (12),
    // a fourth case (13-15), a second anchor (16 naming 15, 17 its checkpoint).
    struct Seeded
    {
        ChainAnchor first;
        ChainAnchor second;
        QString headAt12; // "seq|hash|signature" of the head after event 12, for a roll-back
    };

    static void addCase(AuditStore& store, FakeClock& clock, FictitiousPeople& people, int i)
    {
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

    static Seeded seed(StoreFixture& fx, AuditStore& store, FakeClock& clock)
    {
        Seeded s;
        FakeRandom random(7);
        FictitiousPeople people(random);
        for (int i = 0; i < 3; ++i)
            addCase(store, clock, people, i);
        s.first = store.exportAnchor(StoreFixture::reader()).valueOr({});
        clock.advance(5);
        if (!store.record(StoreFixture::actor(), QString(), Events::SettingsChanged { { QStringLiteral("rate") }, {} }))
            QTest::qFail("the settings change was not recorded", __FILE__, __LINE__);
        QSqlQuery q(fx.raw());
        if (q.exec(QStringLiteral("SELECT seq, hash, signature FROM chain_head")) && q.next())
            s.headAt12 = QStringList { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() }.join(u'|');
        addCase(store, clock, people, 3);
        s.second = store.exportAnchor(StoreFixture::reader()).valueOr({});
        return s;
    }

    static void setPayload(AuditEvent& e, const QJsonObject& payload) { e.payload = AuditEvent::compactJson(payload); }

    // The forger's own key, used to re-sign everything (meta, checkpoints, head) after editing event 5.
    static bool resignWithOwnKey(StoreFixture& fx, Events_& events)
    {
        HistoryKeys own { QByteArray(32, '\x11'), QByteArray(32, '\x22') };
        QString historyId;
        {
            QSqlQuery q(fx.raw());
            if (q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'history_id'")) && q.next())
                historyId = q.value(0).toString();
        }
        const ChainSigner forger(historyId, own);
        setPayload(events[4], { { QStringLiteral("n"), 5 } });
        QByteArray prev = CanonicalEvent::genesisHash();
        for (AuditEvent& e : events) {
            if (e.kind == QLatin1String(EventKind::checkpoint)) {
                QJsonObject p = e.payloadObject();
                p.insert(QStringLiteral("hash"), QString::fromLatin1(prev));
                p.insert(QStringLiteral("key"), QString::fromLatin1(forger.publicKeyHex()));
                const qint64 interval = p.value(QStringLiteral("interval")).toInteger();
                p.insert(QStringLiteral("signature"),
                    QString::fromLatin1(forger.signCheckpoint(e.seq - 1, prev, e.ts, interval)));
                setPayload(e, p);
            }
            e.prevHash = prev;
            prev = CanonicalEvent::chainHash(prev, e);
        }
        if (!ChainForgery::writeChain(fx, events))
            return false;
        QSqlQuery m(fx.raw());
        m.prepare(QStringLiteral("UPDATE meta SET value = ? WHERE key = 'signing_key'"));
        m.bindValue(0, QString::fromLatin1(forger.publicKeyHex()));
        QSqlQuery h(fx.raw());
        h.prepare(QStringLiteral("UPDATE chain_head SET signature = ? WHERE id = 1"));
        h.bindValue(0, QString::fromLatin1(forger.signHead(events.size(), prev)));
        return m.exec() && h.exec();
    }

private slots:
    void tampering_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<QString>(
            "trust"); // "none", "anchor" (the first signed anchor), "anchors" (the folder), "keys"
        QTest::addColumn<qint64>("firstBroken"); // 0: not detectable this way (verify says OK)
        QTest::addColumn<QString>("reasonContains");
        for (const QString& b : StoreFixture::backends()) {
            auto row =
                [&](const char* name, const char* forgery, const char* trust, qint64 broken, const char* reason) {
                    QTest::newRow(
                        qPrintable(QStringLiteral("%1:%2 (%3)").arg(b, QLatin1String(name), QLatin1String(trust))))
                        << b << QString::fromLatin1(forgery) << QString::fromLatin1(trust) << broken
                        << QString::fromUtf8(reason);
                };
            row("untouched", "none", "none", 0, "");
            row("untouched", "none", "anchor", 0, "");
            row("untouched", "none", "anchors", 0, "");
            row("untouched", "none", "keys", 0, "");
            row("forged append, chained", "append", "none", 18, "does not carry the history's signature");
            row("forged append, chained", "append", "keys", 18, "does not carry the history's signature");
            row("rewrite after the last checkpoint", "edit13", "none", 17, "checkpoint at event 17");
            row("rewrite after the last checkpoint", "edit16", "none", 17, "checkpoint at event 17");
            row("rewrite before a checkpoint", "edit5", "none", 11, "checkpoint at event 11");
            row("rewrite before a checkpoint", "edit5", "anchor", 9, "differs from the exported anchor");
            row("dropped checkpoint, chain rewritten", "dropCheckpoint", "none", 16, "checkpoint at event 16");
            row("dropped checkpoint, row deleted", "deleteCheckpoint", "none", 11, "Event 11 is missing");
            row("forged checkpoint signature", "forgeCheckpoint", "none", 11, "checkpoint at event 11");
            row("checkpoint interval stretched in a checkpoint",
                "stretchInterval",
                "none",
                11,
                "checkpoint at event 11");
            row("checkpoint interval changed in the head", "headInterval", "none", 17, "checkpoint interval (100000)");
            row("head signature removed", "clearHeadSignature", "none", 17, "does not carry the history's signature");
            row("signing key removed", "dropKey", "none", 17, "no signing key");
            row("key replaced, everything re-signed", "resign", "none", 0, "");
            row("key replaced, everything re-signed", "resign", "anchor", 9, "signed by another key");
            row("key replaced, everything re-signed", "resign", "keys", 1, "not the one its keys make");
            row("roll-back to an older signed copy", "rollback", "none", 0, "");
            row("roll-back to an older signed copy", "rollback", "anchors", 16, "the anchor was not found");
        }
    }

    void tampering()
    {
        QFETCH(QString, forgery);
        QFETCH(QString, trust);
        QFETCH(qint64, firstBroken);
        QFETCH(QString, reasonContains);
        FakeClock clock;
        QTemporaryDir anchorDir;
        QVERIFY(anchorDir.isValid());
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        AuditStore::Options options;
        options.keys = StoreFixture::keys();
        options.clock = &clock;
        options.anchorDirectory = anchorDir.path();
        std::unique_ptr<AuditStore> store = StoreFixture::storeOf(AuditStore::open(fx.location(), options));
        QVERIFY(store);
        const Seeded seeded = seed(fx, *store, clock);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(store->head().valueOr({}).seq, 17);
        QVERIFY(seeded.first.isSigned());
        const ChainReport before = store->verifyChain();
        QVERIFY2(before.ok, qPrintable(before.reason));
        QVERIFY(before.headSigned);
        QCOMPARE(before.checkpoints, 2);
        QCOMPARE(before.publicKey, store->signingKey());

        QVERIFY(fx.dropAppendOnlyGuards());
        Events_ events = ChainForgery::readEvents(fx);
        QCOMPARE(events.size(), 17);
        if (forgery == QLatin1String("append")) {
            AuditEvent forged = events.at(14);
            forged.kind = QLatin1String(EventKind::reviewDecision);
            setPayload(forged, { { QStringLiteral("state"), QStringLiteral("reviewed") } });
            events.append(forged);
            QVERIFY(ChainForgery::writeChain(fx, events));
        } else if (forgery.startsWith(QLatin1String("edit"))) {
            const int seq = forgery.mid(4).toInt();
            setPayload(events[seq - 1], { { QStringLiteral("n"), seq } });
            QVERIFY(ChainForgery::writeChain(fx, events));
        } else if (forgery == QLatin1String("dropCheckpoint")) {
            events.removeAt(10);
            QVERIFY(ChainForgery::writeChain(fx, events));
        } else if (forgery == QLatin1String("deleteCheckpoint")) {
            QVERIFY(fx.execRaw(QStringLiteral("DELETE FROM events WHERE seq = 11")));
        } else if (forgery == QLatin1String("forgeCheckpoint")) {
            QJsonObject p = events.at(10).payloadObject();
            p.insert(QStringLiteral("signature"), QString(128, u'a'));
            setPayload(events[10], p);
            QVERIFY(ChainForgery::writeChain(fx, events));
        } else if (forgery == QLatin1String("stretchInterval")) {
            QJsonObject p = events.at(10).payloadObject();
            QCOMPARE(p.value(QStringLiteral("interval")).toInteger(), ChainSigner::DefaultCheckpointInterval);
            p.insert(QStringLiteral("interval"), ChainSigner::MaxCheckpointInterval);
            setPayload(events[10], p);
            QVERIFY(ChainForgery::writeChain(fx, events));
        } else if (forgery == QLatin1String("headInterval")) {
            QVERIFY(fx.execRaw(QStringLiteral("UPDATE chain_head SET checkpoint_interval = 100000")));
        } else if (forgery == QLatin1String("clearHeadSignature")) {
            QVERIFY(fx.execRaw(QStringLiteral("UPDATE chain_head SET signature = ''")));
        } else if (forgery == QLatin1String("dropKey")) {
            QVERIFY(fx.execRaw(QStringLiteral("DELETE FROM meta WHERE key = 'signing_key'")));
        } else if (forgery == QLatin1String("resign")) {
            QVERIFY(resignWithOwnKey(fx, events));
        } else if (forgery == QLatin1String("rollback")) {
            const QStringList head = seeded.headAt12.split(u'|');
            QCOMPARE(head.size(), 3);
            QVERIFY(fx.execRaw(QStringLiteral("DELETE FROM events WHERE seq > %1").arg(head.at(0))));
            QVERIFY(fx.execRaw(QStringLiteral("UPDATE chain_head SET seq = %1, hash = '%2', signature = '%3'")
                                   .arg(head.at(0), head.at(1), head.at(2))));
            // The case written after the copy was taken goes with it.
            QVERIFY(fx.execRaw(QStringLiteral("DELETE FROM cases WHERE case_id NOT IN (SELECT case_id FROM events "
                                              "WHERE kind = 'case_created')")));
            // And so does its dashboard: the copy holds the hourly counts of its own cases.
            QStringList sums;
            for (const QString& condition : Dashboard::outcomeConditions(QString()))
                sums << QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(condition);
            QVERIFY(fx.execRaw(QStringLiteral("DELETE FROM dashboard_hours")));
            QVERIFY(fx.execRaw(
                QStringLiteral("INSERT INTO dashboard_hours (training, hour, actor, %1) SELECT "
                               "training, substr(created_at, 1, 13), actor, %2 FROM cases GROUP BY "
                               "training, substr(created_at, 1, 13), actor")
                    .arg(Dashboard::countColumns().join(QStringLiteral(", ")), sums.join(QStringLiteral(", ")))));
        }

        ChainVerifier::Options verify;
        if (trust == QLatin1String("anchor"))
            verify.anchor = seeded.first;
        if (trust == QLatin1String("anchors")) {
            QStringList errors;
            verify.anchors = ChainAnchor::readDirectory(anchorDir.path(), store->historyId(), &errors);
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
            QCOMPARE(verify.anchors.size(), 2); // one per checkpoint, copied out as they were written
            QCOMPARE(verify.anchors.at(0).seq, 10);
            QCOMPARE(verify.anchors.at(1).seq, 16);
        }
        const ChainReport report =
            trust == QLatin1String("keys") ? store->verifyChain(verify) : ChainVerifier::verify(fx.raw(), verify);
        if (firstBroken == 0) {
            QVERIFY2(report.ok, qPrintable(report.reason));
        } else {
            QVERIFY2(!report.ok, "the forgery went unnoticed");
            QVERIFY2(report.reason.contains(reasonContains), qPrintable(report.reason));
            QCOMPARE(report.firstBrokenSeq, firstBroken);
        }
    }

    // A checkpoint follows every 1000th event, also inside one write batch; the verifier requires it.
    void checkpointEveryThousand_data() { StoreFixture::addBackendRows(); }
    void checkpointEveryThousand()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        QVERIFY(store->beginBatch().ok());
        for (int i = 0; i < 1998; ++i)
            QVERIFY(
                store->record(StoreFixture::actor(), QString(), Events::SettingsChanged { { QStringLiteral("n") }, {} })
                    .ok());
        QVERIFY(store->commitBatch().ok());
        QSqlQuery q(fx.raw());
        QVERIFY(q.exec(QStringLiteral("SELECT seq FROM events WHERE kind = 'checkpoint' ORDER BY seq")));
        QList<qint64> checkpoints;
        while (q.next())
            checkpoints.append(q.value(0).toLongLong());
        q.finish();
        QCOMPARE(checkpoints, (QList<qint64> { 1001 }));
        QVERIFY(store->record(StoreFixture::actor(), QString(), Events::SettingsChanged { { QStringLiteral("n") }, {} })
                    .ok());
        // Event 2000, outside a batch, is followed by its checkpoint in the same write.
        QCOMPARE(store->head().valueOr({}).seq, 2001);
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.checkpoints, 2);

        QVERIFY(fx.dropAppendOnlyGuards());
        Events_ events = ChainForgery::readEvents(fx);
        events.removeAt(1000); // the checkpoint after event 1000, the rest re-chained
        QVERIFY(ChainForgery::writeChain(fx, events));
        const ChainReport forged = ChainVerifier::verify(fx.raw());
        QVERIFY(!forged.ok);
        QCOMPARE(forged.firstBrokenSeq, 1001);
        QVERIFY2(forged.reason.contains(QStringLiteral("checkpoint after event 1000 is missing")),
            qPrintable(forged.reason));
    }

    // A history whose recorded signing key is not the one its keys make is refused when opened, naming both keys.
    void replacedKeyRefusedAtOpen_data() { StoreFixture::addBackendRows(); }
    void replacedKeyRefusedAtOpen()
    {
        FakeClock clock;
        QByteArray own;
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        {
            auto store = fx.open(&clock);
            QVERIFY(store);
            own = store->signingKey();
        }
        const ChainSigner forger(
            QStringLiteral("other"), HistoryKeys { QByteArray(32, '\x11'), QByteArray(32, '\x22') });
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'signing_key'")
                               .arg(QString::fromLatin1(forger.publicKeyHex()))));
        AuditStore::Options options;
        options.keys = StoreFixture::keys();
        options.clock = &clock;
        const Result<std::unique_ptr<AuditStore>> reopened = AuditStore::open(fx.location(), options);
        QVERIFY(!reopened);
        QCOMPARE(reopened.failure().code, ErrorCode::Corrupt);
        QVERIFY2(reopened.message().contains(ChainSigner::displayFingerprint(forger.publicKeyHex()))
                && reopened.message().contains(ChainSigner::displayFingerprint(own)),
            qPrintable(reopened.message()));
    }

    // Anchors in the folder that were altered are refused as a whole, not skipped.
    void alteredAnchorFileRefused()
    {
        QTemporaryDir dir;
        ChainAnchor a;
        a.historyId = QStringLiteral("h");
        a.seq = 3;
        a.hash = QByteArray(64, 'a');
        a.exportedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        const ChainSigner signer(a.historyId, HistoryKeys { QByteArray(32, '\x01'), QByteArray(32, '\x02') });
        a.publicKey = signer.publicKeyHex();
        a.signature = signer.signCheckpoint(a.seq, a.hash, a.exportedAt);
        QByteArray json = QJsonDocument(a.toJson()).toJson();
        QString error;
        QVERIFY(ChainAnchor::fromJson(json, &error));
        json.replace("\"seq\": 3", "\"seq\": 2");
        QVERIFY(!ChainAnchor::fromJson(json, &error));
        QVERIFY(error.contains(QStringLiteral("altered")));
        QFile file(QDir(dir.path()).filePath(QStringLiteral("anchor-000000000002.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        QStringList errors;
        QVERIFY(ChainAnchor::readDirectory(dir.path(), a.historyId, &errors).isEmpty());
        QCOMPARE(errors.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChainSignatures)
#include "TestChainSignatures.moc"
