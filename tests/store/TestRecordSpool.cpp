#include "StoreFixture.h"

#include "crypto/Crypto.h"
#include "history/AuditEvent.h"
#include "history/RecordSpool.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

// The spool beside the history: what it could not take waits here, fsync'ed and private, and goes in once, in order.
class TestRecordSpool : public QObject
{
    Q_OBJECT

    static QString newCase(AuditStore& store)
    {
        CaseRecord record;
        record.name = QStringLiteral("王小明");
        record.idNumber = QStringLiteral("11010519491231002X");
        return store.createCase(StoreFixture::actor(), record).valueOr(QString());
    }

    // Who replays the spool: not who did what it holds.
    static Actor replayer()
    {
        return Actor { QStringLiteral("reviewer-z"), QStringLiteral("supervisor"), QStringLiteral("ws-other") };
    }

    // What a call that failed without an answer leaves in the spool: its attempt_failed, then its completion, sealed
    // by seal (AuditStore::recordSealer; empty: not sealed).
    static bool spoolFailedAttempt(
        const RecordSpool::Sealer& seal, RecordSpool& spool, const QString& caseId, QString* error)
    {
        return spool.addEvent(seal,
            StoreFixture::actor(),
            caseId,
            StoreFixture::event(EventKind::attemptFailed,
                { { QStringLiteral("attempt"), 1 },
                    { QStringLiteral("detail"), QStringLiteral("连接被重置 \u0001\t\"é\"") } }),
            error);
    }
    static bool spoolFailedCompletion(
        const RecordSpool::Sealer& seal, RecordSpool& spool, const QString& caseId, QString* error)
    {
        return spool.addCompletion(seal,
            StoreFixture::actor(),
            caseId,
            StoreFixture::completion(QStringLiteral("failed"), std::nullopt, QString()),
            error);
    }

    static QByteArray readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static bool appendRaw(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Append) && file.write(bytes) == bytes.size();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // A replay that wrote a record and stopped before removing it from the spool (a crash, a full disk for the
    // rewrite) does not write it a second time.
    void replayWritesEachRecordOnce_data() { StoreFixture::addBackendRows(); }
    void replayWritesEachRecordOnce()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const QString caseId = newCase(*store);
        RecordSpool spool(RecordSpool::pathFor(*store));
        QString error;
        QVERIFY(spoolFailedAttempt(store->recordSealer(), spool, caseId, &error));
        QVERIFY(spoolFailedCompletion(store->recordSealer(), spool, caseId, &error));
        QCOMPARE(QFileInfo(spool.path()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QFile::copy(spool.path(), spool.path() + QStringLiteral(".copy"));

        QCOMPARE(spool.replay(*store, replayer(), &error), 2);
        QVERIFY(spool.isEmpty());
        const QStringList once {
            QStringLiteral("case_created"), QStringLiteral("attempt_failed"), QStringLiteral("case_completed")
        };
        QCOMPARE(StoreFixture::kindsOf(*store, caseId), once);
        for (const AuditEvent& e :
            store->eventsForCase(StoreFixture::reader(), caseId).valueOr({})) { // recorded as the one who did it
            QCOMPARE(e.actor, StoreFixture::actor().name);
            QCOMPARE(e.workstation, StoreFixture::actor().workstation);
        }

        QVERIFY(QFile::rename(spool.path() + QStringLiteral(".copy"), spool.path())); // as if never removed
        QCOMPARE(spool.size(), 2);
        QCOMPARE(spool.replay(*store, replayer(), &error), 0);
        QVERIFY(spool.isEmpty());
        QCOMPARE(StoreFixture::kindsOf(*store, caseId), once);
        QVERIFY(store->verifyChain().ok);
    }

    // A line cut by a power loss during its append is set aside in <spool>.bad; it spoils neither the record
    // appended after it nor the replay.
    void cutLineIsSetAside_data() { StoreFixture::addBackendRows(); }
    void cutLineIsSetAside()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const QString caseId = newCase(*store);
        RecordSpool spool(RecordSpool::pathFor(*store));
        QString error;
        QVERIFY(spoolFailedAttempt(store->recordSealer(), spool, caseId, &error));
        QVERIFY(appendRaw(spool.path(), "{\"op\":\"event\",\"caseId\":\""));
        QVERIFY(spoolFailedCompletion(store->recordSealer(), spool, caseId, &error));
        QCOMPARE(spool.size(), 3);

        QCOMPARE(spool.replay(*store, replayer(), &error), 2);
        QVERIFY(spool.isEmpty());
        QCOMPARE(StoreFixture::kindsOf(*store, caseId),
            QStringList({ QStringLiteral("case_created"),
                QStringLiteral("attempt_failed"),
                QStringLiteral("case_completed") }));
        QFile bad(spool.path() + QStringLiteral(".bad"));
        QVERIFY(bad.open(QIODevice::ReadOnly));
        QCOMPARE(bad.readAll(),
            QByteArray("{\"op\":\"event\",\"caseId\":\""
                       "\n"));
    }

    // A replay puts into the signed chain only what this history sealed: a record written by hand (or by a version
    // before seals), one whose actor was edited, one with a made-up seal, one sealed by another history or spooled
    // without the history's keys is set aside in <spool>.bad, as is a sealed record whose event does not parse or
    // that the desk never spools (a review decision); each
    // one set aside is recorded on its case, as the replayer's, with the SHA-256 of its line. The records around
    // them go in (one holds text in Chinese and a control character: sealed and checked over the same bytes).
    void onlyWhatTheHistorySealedIsReplayed_data() { StoreFixture::addBackendRows(); }
    void onlyWhatTheHistorySealedIsReplayed()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const QString caseId = newCase(*store);
        RecordSpool spool(RecordSpool::pathFor(*store));
        QString error;
        QVERIFY(spoolFailedAttempt(store->recordSealer(), spool, caseId, &error));

        QList<QByteArray> refused;
        refused << "{\"op\":\"complete\",\"caseId\":\"" + caseId.toLatin1()
                + "\",\"id\":\"r2\",\"state\":\"completed\",\"passed\":true,\"subCode\":\"200\",\"payload\":{},"
                  "\"at\":\"2026-12-01T10:00:01.000Z\"}";
        // A genuine record, spooled elsewhere, then given to a supervisor; with a made-up seal; sealed by another
        // history.
        RecordSpool elsewhere(spool.path() + QStringLiteral(".elsewhere"));
        QVERIFY(spoolFailedCompletion(store->recordSealer(), elsewhere, caseId, &error));
        const QJsonObject genuine = QJsonDocument::fromJson(readAll(elsewhere.path())).object();
        QVERIFY(genuine.contains(QStringLiteral("seal")));
        const auto compact = [](const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
        QJsonObject forged = genuine;
        forged.insert(QStringLiteral("actor"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("boss") },
                { QStringLiteral("role"), QStringLiteral("supervisor") },
                { QStringLiteral("workstation"), QStringLiteral("ws-1") } });
        refused << compact(forged);
        forged = genuine;
        forged.insert(QStringLiteral("seal"), QString(64, QLatin1Char('0')));
        refused << compact(forged);
        const std::unique_ptr<AuditStore> other = fx.open(nullptr, fx.freshLocation());
        QVERIFY(other);
        forged = genuine;
        forged.remove(QStringLiteral("seal"));
        forged.insert(QStringLiteral("seal"), QString::fromLatin1(other->recordSeal(compact(forged))));
        refused << compact(forged);
        for (const QByteArray& line : refused)
            QVERIFY(appendRaw(spool.path(), line + '\n'));
        // Spooled without the history's keys: kept for a person to read, never replayed.
        QVERIFY(spoolFailedCompletion({}, spool, caseId, &error));
        // Sealed, but no event: an attempt_sent without its fields.
        QJsonObject unreadable { { QStringLiteral("op"), QStringLiteral("event") },
            { QStringLiteral("caseId"), caseId },
            { QStringLiteral("id"), QStringLiteral("r6") },
            { QStringLiteral("kind"), QStringLiteral("attempt_sent") },
            { QStringLiteral("payload"), QJsonObject() },
            { QStringLiteral("actor"), genuine.value(QStringLiteral("actor")) },
            { QStringLiteral("at"), QStringLiteral("2026-12-01T10:00:02.000Z") } };
        unreadable.insert(QStringLiteral("seal"), QString::fromLatin1(store->recordSeal(compact(unreadable))));
        QVERIFY(appendRaw(spool.path(), compact(unreadable) + '\n'));
        // Sealed, and a valid review decision by the case's owner: the desk never spools one, so it is not replayed.
        QJsonObject decision { { QStringLiteral("op"), QStringLiteral("complete") },
            { QStringLiteral("caseId"), caseId },
            { QStringLiteral("id"), QStringLiteral("r7") },
            { QStringLiteral("kind"), QStringLiteral("review_decision") },
            { QStringLiteral("payload"),
                QJsonObject { { QStringLiteral("state"), QStringLiteral("reviewed") },
                    { QStringLiteral("passed"), true },
                    { QStringLiteral("subCode"), QStringLiteral("200") } } },
            { QStringLiteral("actor"), genuine.value(QStringLiteral("actor")) },
            { QStringLiteral("at"), QStringLiteral("2026-12-01T10:00:03.000Z") } };
        decision.insert(QStringLiteral("seal"), QString::fromLatin1(store->recordSeal(compact(decision))));
        QVERIFY(appendRaw(spool.path(), compact(decision) + '\n'));
        QVERIFY(spoolFailedCompletion(store->recordSealer(), spool, caseId, &error));
        QCOMPARE(spool.size(), 9);

        int setAside = -1;
        QCOMPARE(spool.replay(*store, replayer(), &error, &setAside), 2);
        QCOMPARE(setAside, 7);
        QVERIFY(spool.isEmpty());
        const QString aside = QStringLiteral("spool_record_set_aside");
        QCOMPARE(StoreFixture::kindsOf(*store, caseId),
            QStringList({ QStringLiteral("case_created"), QStringLiteral("attempt_failed") }) + QStringList(7, aside)
                + QStringList { QStringLiteral("case_completed") });
        const QList<AuditEvent> events = store->eventsForCase(StoreFixture::reader(), caseId).valueOr({});
        QCOMPARE(events.constLast().actor, StoreFixture::actor().name);
        QCOMPARE(events.at(1).payloadObject().value(QStringLiteral("detail")).toString(),
            QStringLiteral("连接被重置 \u0001\t\"é\""));
        QCOMPARE(store->caseSummary(StoreFixture::reader(), caseId)->state, QStringLiteral("failed"));

        const QList<QByteArray> bad = readAll(spool.path() + QStringLiteral(".bad")).trimmed().split('\n');
        QCOMPARE(bad.size(), 7);
        QCOMPARE(bad.mid(0, 4), refused);
        QVERIFY(!bad.at(4).contains("\"seal\""));
        QCOMPARE(QJsonDocument::fromJson(bad.at(5)).object(), unreadable);
        QCOMPARE(QJsonDocument::fromJson(bad.at(6)).object(), decision);
        for (int i = 0; i < 7; ++i) {
            const AuditEvent& e = events.at(2 + i);
            QCOMPARE(e.actor, replayer().name);
            const QJsonObject p = e.payloadObject();
            QCOMPARE(p.value(QStringLiteral("reason")).toString(),
                i >= 5 ? QStringLiteral("unreadable") : QStringLiteral("unsealed"));
            QCOMPARE(p.value(QStringLiteral("lineSha256")).toString().toLatin1(), Crypto::sha256Hex(bad.at(i)));
        }
        QVERIFY(store->verifyChain().ok);
    }
};

QTEST_GUILESS_MAIN(TestRecordSpool)
#include "TestRecordSpool.moc"
