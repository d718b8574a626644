#include "crypto/KeyVault.h"
#include "history/AuditStore.h"
#include "history/ChainSigner.h"
#include "history/ChainVerifier.h"

#include "ChainForgery.h"
#include "FakeClock.h"
#include "StoreFixture.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

// The history's checkpoint interval (ChainSigner): a supervisor sets it, the change is a signed checkpoint carrying
// the new value, every writer of the history follows it from its next write, and the verifier holds the chain to it,
// so a checkpoint the shorter interval made due cannot be dropped, and the interval cannot be stretched, by someone
// without the key. On SQLite and PostgreSQL.
class TestCheckpointInterval : public QObject
{
    Q_OBJECT

    static bool recordOne(AuditStore& store)
    {
        return store.record(StoreFixture::actor(), QString(), Events::SettingsChanged { { QStringLiteral("n") }, {} })
            .ok();
    }

    static bool recordMany(AuditStore& store, int count)
    {
        for (int i = 0; i < count; ++i) {
            if (!recordOne(store))
                return false;
        }
        return true;
    }

    // Events 1..14, then the interval set to 10 by a supervisor: the checkpoint that carries it is event 15.
    static bool startWithIntervalTen(AuditStore& store)
    {
        return recordMany(store, 14) && store.setCheckpointInterval(StoreFixture::reader(), 10).ok();
    }

    static QList<qint64> checkpointSeqs(StoreFixture& fx)
    {
        QList<qint64> seqs;
        QSqlQuery q(fx.raw());
        q.exec(QStringLiteral("SELECT seq FROM events WHERE kind = 'checkpoint' ORDER BY seq"));
        while (q.next())
            seqs.append(q.value(0).toLongLong());
        return seqs;
    }

    // The history's owner (who has the keys) rewrites the checkpoint at seq as version 9 wrote it: no interval, the v1
    // message. The chain is re-hashed from there and the head signed again, so only the checkpoint's form differs.
    static bool resignWithoutInterval(StoreFixture& fx, qint64 seq)
    {
        QSqlQuery meta(fx.raw());
        QString historyId;
        QByteArray record;
        if (!meta.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('history_id', 'key_record')")))
            return false;
        while (meta.next()) {
            if (meta.value(0).toString() == QLatin1String("history_id"))
                historyId = meta.value(1).toString();
            else
                record = QByteArray::fromBase64(meta.value(1).toString().toLatin1());
        }
        const KeyVault::Result unlocked = KeyVault::open(historyId, record, StoreFixture::keys());
        if (!unlocked.ok())
            return false;
        const ChainSigner signer(historyId, unlocked.keys);
        QList<AuditEvent> events = ChainForgery::readEvents(fx);
        AuditEvent& checkpoint = events[seq - 1];
        QJsonObject payload = checkpoint.payloadObject();
        payload.remove(QStringLiteral("interval"));
        const QByteArray signedHash = events.at(seq - 2).hash;
        payload.insert(QStringLiteral("signature"),
            QString::fromLatin1(signer.signCheckpoint(seq - 1, signedHash, checkpoint.ts)));
        checkpoint.payload = AuditEvent::compactJson(payload);
        if (!ChainForgery::writeChain(fx, events))
            return false;
        return fx.execRaw(QStringLiteral("UPDATE chain_head SET signature = '%1'")
                              .arg(QString::fromLatin1(signer.signHead(events.size(), events.constLast().hash))));
    }

private slots:
    // Who may set it and to what; an unchanged value writes nothing.
    void setting_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("role");
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<int>("expectedCode"); // ErrorCode
        QTest::addColumn<qint64>("inForce");
        for (const QString& b : StoreFixture::backends()) {
            auto row = [&](const char* name, const char* role, qint64 interval, ErrorCode code, qint64 inForce) {
                QTest::newRow(qPrintable(b + u':' + QLatin1String(name)))
                    << b << QString::fromLatin1(role) << interval << int(code) << inForce;
            };
            row("supervisor, 500", Role::supervisor, 500, ErrorCode::None, 500);
            row("supervisor, the lowest", Role::supervisor, ChainSigner::MinCheckpointInterval, ErrorCode::None, 10);
            row("supervisor, the highest", Role::supervisor, 100000, ErrorCode::None, 100000);
            row("supervisor, too low", Role::supervisor, 9, ErrorCode::InvalidArgument, 1000);
            row("supervisor, too high", Role::supervisor, 100001, ErrorCode::InvalidArgument, 1000);
            row("supervisor, zero", Role::supervisor, 0, ErrorCode::InvalidArgument, 1000);
            row("supervisor, unchanged", Role::supervisor, 1000, ErrorCode::None, 1000);
            row("reviewer", Role::reviewer, 500, ErrorCode::PermissionDenied, 1000);
            row("auditor", Role::auditor, 500, ErrorCode::PermissionDenied, 1000);
        }
    }

    void setting()
    {
        QFETCH(QString, role);
        QFETCH(qint64, interval);
        QFETCH(int, expectedCode);
        QFETCH(qint64, inForce);
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        QVERIFY(recordOne(*store));
        QCOMPARE(store->checkpointInterval().valueOr(0), ChainSigner::DefaultCheckpointInterval);
        const qint64 headBefore = store->head().valueOr({}).seq;

        const Actor who { QStringLiteral("someone"), role, QStringLiteral("ws-test") };
        const Result<void> set = store->setCheckpointInterval(who, interval);
        QCOMPARE(int(set.ok() ? ErrorCode::None : set.failure().code), expectedCode);
        if (expectedCode == int(ErrorCode::InvalidArgument))
            QVERIFY2(set.message().contains(QStringLiteral("10 to 100000")), qPrintable(set.message()));
        QCOMPARE(store->checkpointInterval().valueOr(0), inForce);

        // A change is one signed checkpoint carrying the new value; anything else writes no checkpoint.
        const bool changed = set.ok() && interval != ChainSigner::DefaultCheckpointInterval;
        QCOMPARE(checkpointSeqs(fx), changed ? QList<qint64> { headBefore + 1 } : QList<qint64> {});
        if (changed) {
            QSqlQuery q(fx.raw());
            QVERIFY(q.exec(QStringLiteral("SELECT payload, actor FROM events WHERE kind = 'checkpoint'")) && q.next());
            const QJsonObject payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
            QCOMPARE(payload.value(QStringLiteral("interval")).toInteger(), interval);
            QCOMPARE(payload.value(QStringLiteral("reason")).toString(), QStringLiteral("setting"));
            QCOMPARE(payload.value(QStringLiteral("seq")).toInteger(), headBefore);
            QCOMPARE(q.value(1).toString(), who.name);
        }
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.checkpointInterval, inForce);
        QCOMPARE(report.checkpoints, changed ? 1 : 0);
    }

    // Set to 10 by one writer: another writer of the same history, opened before the change, follows it from its
    // next write; the checkpoints land after events 20, 30, 40; the anchor folder gets each; keyless verify agrees.
    void everyWriterFollowsIt_data() { StoreFixture::addBackendRows(); }
    void everyWriterFollowsIt()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        QTemporaryDir anchors;
        QVERIFY(anchors.isValid());
        AuditStore::Options options;
        options.keys = StoreFixture::keys();
        options.clock = &clock;
        options.anchorDirectory = anchors.path();
        const std::unique_ptr<AuditStore> first = StoreFixture::storeOf(AuditStore::open(fx.location(), options));
        const std::unique_ptr<AuditStore> second = StoreFixture::storeOf(AuditStore::open(fx.location(), options));
        QVERIFY(first && second);
        QVERIFY(recordMany(*second, 14));
        QCOMPARE(checkpointSeqs(fx), QList<qint64> {}); // 14 events: none due at the default
        QVERIFY(first->setCheckpointInterval(StoreFixture::reader(), 10).ok()); // checkpoint 15, signing event 14
        for (int i = 0; i < 25; ++i)
            QVERIFY(recordOne(i % 2 ? *first : *second));
        // Checkpoint 15 carries the change; events 16..20, checkpoint 21; 22..30, checkpoint 31; 32..40, checkpoint
        // 41; 42, 43.
        QCOMPARE(checkpointSeqs(fx), (QList<qint64> { 15, 21, 31, 41 }));
        QCOMPARE(second->head().valueOr({}).seq, 43);
        const ChainReport report = ChainVerifier::verify(fx.raw());
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.checkpointInterval, 10);
        QCOMPARE(report.checkpoints, 4);
        const QStringList copied = QDir(QDir(anchors.path()).filePath(first->historyId()))
                                       .entryList({ QStringLiteral("anchor-*.json") }, QDir::Files, QDir::Name);
        QCOMPARE(copied.size(), 4);
        QStringList errors;
        ChainVerifier::Options withAnchors;
        withAnchors.anchors = ChainAnchor::readDirectory(anchors.path(), first->historyId(), &errors);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        const ChainReport anchored = ChainVerifier::verify(fx.raw(), withAnchors);
        QVERIFY2(anchored.ok, qPrintable(anchored.reason));
        QCOMPARE(anchored.anchorsChecked, 4);
    }

    // A writer misled by an edited chain_head.checkpoint_interval (a wider one, from a place where a checkpoint is due
    // under both) signs the wrong interval under the reason "interval": reported at that checkpoint, since only a
    // change of the setting may change it.
    void misledWriterIsReported_data() { StoreFixture::addBackendRows(); }
    void misledWriterIsReported()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        QVERIFY(startWithIntervalTen(*store));
        QVERIFY(recordMany(*store, 14));
        QCOMPARE(checkpointSeqs(fx), (QList<qint64> { 15, 21, 31 }));
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE chain_head SET checkpoint_interval = 20")));
        QVERIFY(recordMany(*store, 9)); // 32..40: due after 40 under 10 and under 20
        QCOMPARE(checkpointSeqs(fx), (QList<qint64> { 15, 21, 31, 41 }));
        const ChainReport report = ChainVerifier::verify(fx.raw());
        QVERIFY2(!report.ok, "the misled writer went unnoticed");
        QCOMPARE(report.firstBrokenSeq, 41);
        QVERIFY2(report.reason.contains(QStringLiteral("carries the checkpoint interval 20, but 10 is in force")),
            qPrintable(report.reason));
    }

    // A stored interval out of range reads as the default (writers follow it), verify reports the head, and a
    // supervisor mends it by setting the default again, which writes the signed change.
    void outOfRangeIntervalIsMended_data() { StoreFixture::addBackendRows(); }
    void outOfRangeIntervalIsMended()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        QVERIFY(recordOne(*store));
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE chain_head SET checkpoint_interval = 5")));
        QCOMPARE(store->checkpointInterval().valueOr(0), ChainSigner::DefaultCheckpointInterval);
        const ChainReport broken = ChainVerifier::verify(fx.raw());
        QVERIFY(!broken.ok);
        QVERIFY2(broken.reason.contains(QStringLiteral("checkpoint interval (5)")), qPrintable(broken.reason));
        QVERIFY(store->setCheckpointInterval(StoreFixture::reader(), ChainSigner::DefaultCheckpointInterval).ok());
        QCOMPARE(checkpointSeqs(fx), QList<qint64> { 2 });
        const ChainReport mended = ChainVerifier::verify(fx.raw());
        QVERIFY2(mended.ok, qPrintable(mended.reason));
    }

    // A history from before the interval was carried (schema version 9, its checkpoints signed without it) verifies
    // as it is and after the upgrade, when the interval can be set; but a checkpoint from the upgrade on that carries
    // no interval is refused, even one validly signed by the history's own key.
    void historyFromBeforeTheInterval_data() { StoreFixture::addBackendRows(); }
    void historyFromBeforeTheInterval()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        {
            auto store = fx.open(&clock);
            QVERIFY(store);
            QVERIFY(store->beginBatch().ok());
            QVERIFY(recordMany(*store, 1000));
            QVERIFY(store->commitBatch().ok());
        }
        QCOMPARE(checkpointSeqs(fx), QList<qint64> { 1001 });
        // As version 9 wrote it: the checkpoint without the interval, signed with the v1 message by the history's key.
        QVERIFY(fx.dropAppendOnlyGuards());
        QVERIFY(resignWithoutInterval(fx, 1001));
        QVERIFY(fx.execRaw(QStringLiteral("ALTER TABLE chain_head DROP COLUMN checkpoint_interval")));
        QVERIFY(fx.execRaw(QStringLiteral("DELETE FROM meta WHERE key = 'interval_from_seq'")));
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE meta SET value = '9' WHERE key = 'schema_version'")));
        const ChainReport old = ChainVerifier::verify(fx.raw());
        QVERIFY2(old.ok, qPrintable(old.reason));
        QCOMPARE(old.checkpoints, 1);
        QCOMPARE(old.checkpointInterval, ChainSigner::DefaultCheckpointInterval);

        {
            auto store = fx.open(&clock); // runs version 10: interval_from_seq = 1002
            QVERIFY(store);
            QVERIFY(store->exportAnchor(StoreFixture::reader())); // 1002 anchor_exported, checkpoint 1003 (1000)
            QVERIFY(store->setCheckpointInterval(StoreFixture::reader(), 10).ok()); // checkpoint 1004
            QVERIFY(recordMany(*store, 8)); // 1005..1010, checkpoint 1011, 1012, 1013
        }
        QCOMPARE(checkpointSeqs(fx), (QList<qint64> { 1001, 1003, 1004, 1011 }));
        const ChainReport upgraded = ChainVerifier::verify(fx.raw());
        QVERIFY2(upgraded.ok, qPrintable(upgraded.reason));
        QCOMPARE(upgraded.checkpoints, 4);
        QCOMPARE(upgraded.checkpointInterval, 10);

        QVERIFY(fx.dropAppendOnlyGuards());
        // Checkpoint 1003 in the old form would imply the interval in force (1000): only the upgrade point refuses it.
        QVERIFY(resignWithoutInterval(fx, 1003));
        const ChainReport refused = ChainVerifier::verify(fx.raw());
        QVERIFY(!refused.ok);
        QCOMPARE(refused.firstBrokenSeq, 1003);
        QVERIFY2(refused.reason.contains(QStringLiteral("checkpoint at event 1003 does not carry a valid signature")),
            qPrintable(refused.reason));
    }

    // Without the key: dropping a checkpoint only the shorter interval made due, or setting the interval back by
    // editing the checkpoint that carries it, is reported at the first broken place.
    void forgeriesAreReported_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<qint64>("firstBroken");
        QTest::addColumn<QString>("reasonContains");
        for (const QString& b : StoreFixture::backends()) {
            QTest::newRow(qPrintable(b + QStringLiteral(":drop the checkpoint after event 20")))
                << b << QStringLiteral("drop21") << qint64(21)
                << QStringLiteral("checkpoint after event 20 is missing");
            QTest::newRow(qPrintable(b + QStringLiteral(":interval set back to 1000 in its checkpoint")))
                << b << QStringLiteral("widen15") << qint64(15) << QStringLiteral("checkpoint at event 15");
            QTest::newRow(qPrintable(b + QStringLiteral(":the change left out, the rest re-chained")))
                << b << QStringLiteral("drop15") << qint64(20)
                << QStringLiteral("checkpoint at event 20 does not carry a valid signature");
            QTest::newRow(qPrintable(b + QStringLiteral(":the head's interval set back to 1000")))
                << b << QStringLiteral("head") << qint64(24) << QStringLiteral("interval (1000)");
        }
    }

    void forgeriesAreReported()
    {
        QFETCH(QString, forgery);
        QFETCH(qint64, firstBroken);
        QFETCH(QString, reasonContains);
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        QVERIFY(startWithIntervalTen(*store));
        QVERIFY(recordMany(*store, 8));
        QCOMPARE(checkpointSeqs(fx), (QList<qint64> { 15, 21 }));
        QCOMPARE(store->head().valueOr({}).seq, 24);
        const ChainReport before = ChainVerifier::verify(fx.raw());
        QVERIFY2(before.ok, qPrintable(before.reason));

        QVERIFY(fx.dropAppendOnlyGuards());
        QList<AuditEvent> events = ChainForgery::readEvents(fx);
        if (forgery == QLatin1String("drop21")) {
            events.removeAt(20);
            QVERIFY(ChainForgery::writeChain(fx, events));
        } else if (forgery == QLatin1String("widen15")) {
            QJsonObject p = events.at(14).payloadObject();
            p.insert(QStringLiteral("interval"), ChainSigner::DefaultCheckpointInterval);
            events[14].payload = AuditEvent::compactJson(p);
            QVERIFY(ChainForgery::writeChain(fx, events));
        } else if (forgery == QLatin1String("drop15")) {
            events.removeAt(14);
            QVERIFY(ChainForgery::writeChain(fx, events));
        } else {
            QVERIFY(fx.execRaw(QStringLiteral("UPDATE chain_head SET checkpoint_interval = 1000")));
        }
        const ChainReport report = ChainVerifier::verify(fx.raw());
        QVERIFY2(!report.ok, "the forgery went unnoticed");
        QVERIFY2(report.reason.contains(reasonContains), qPrintable(report.reason));
        QCOMPARE(report.firstBrokenSeq, firstBroken);
    }
};

QTEST_GUILESS_MAIN(TestCheckpointInterval)
#include "TestCheckpointInterval.moc"
