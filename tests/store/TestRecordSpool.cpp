#include "StoreFixture.h"

#include "history/AuditEvent.h"
#include "history/RecordSpool.h"

#include <QFile>
#include <QFileInfo>
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
        // A supervisor: records without an actor replay as the replayer's, on a case another reviewer created.
        return Actor { QStringLiteral("reviewer-z"), QStringLiteral("supervisor"), QStringLiteral("ws-other") };
    }

    // What a call that failed without an answer leaves in the spool: its attempt_failed, then its completion.
    static bool spoolFailedAttempt(RecordSpool& spool, const QString& caseId, QString* error)
    {
        return spool.addEvent(StoreFixture::actor(),
            caseId,
            StoreFixture::event(EventKind::attemptFailed, { { QStringLiteral("attempt"), 1 } }),
            error);
    }
    static bool spoolFailedCompletion(RecordSpool& spool, const QString& caseId, QString* error)
    {
        return spool.addCompletion(StoreFixture::actor(),
            caseId,
            StoreFixture::completion(QStringLiteral("failed"), std::nullopt, QString()),
            error);
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
        QVERIFY(spoolFailedAttempt(spool, caseId, &error));
        QVERIFY(spoolFailedCompletion(spool, caseId, &error));
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
        QVERIFY(spoolFailedAttempt(spool, caseId, &error));
        QVERIFY(appendRaw(spool.path(), "{\"op\":\"event\",\"caseId\":\""));
        QVERIFY(spoolFailedCompletion(spool, caseId, &error));
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

    // Records spooled by the version before typed events (no actor; a completion with its state beside the payload)
    // are replayed as the replayer's; a record whose event does not parse is set aside in <spool>.bad, not retried
    // forever in front of the records behind it.
    void olderAndUnreadableRecords_data() { StoreFixture::addBackendRows(); }
    void olderAndUnreadableRecords()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const QString caseId = newCase(*store);
        RecordSpool spool(RecordSpool::pathFor(*store));
        const QByteArray unreadable = "{\"op\":\"event\",\"caseId\":\"" + caseId.toLatin1()
            + "\",\"id\":\"r1\",\"kind\":\"attempt_sent\",\"payload\":{},\"at\":\"2026-12-01T10:00:00.000Z\"}\n";
        const QByteArray olderCompletion = "{\"op\":\"complete\",\"caseId\":\"" + caseId.toLatin1()
            + "\",\"id\":\"r2\",\"state\":\"outcome_unknown\",\"subCode\":\"\",\"payload\":{\"httpStatus\":0},"
              "\"at\":\"2026-12-01T10:00:01.000Z\"}\n";
        QVERIFY(appendRaw(spool.path(), unreadable + olderCompletion));

        QString error;
        QCOMPARE(spool.replay(*store, replayer(), &error), 1);
        QVERIFY(spool.isEmpty());
        QCOMPARE(StoreFixture::kindsOf(*store, caseId),
            QStringList({ QStringLiteral("case_created"), QStringLiteral("case_completed") }));
        const CaseSummary summary = *store->caseSummary(StoreFixture::reader(), caseId);
        QCOMPARE(summary.state, QStringLiteral("outcome_unknown"));
        QVERIFY(!summary.passed.has_value());
        const AuditEvent completed = store->eventsForCase(StoreFixture::reader(), caseId).valueOr({}).constLast();
        QCOMPARE(completed.actor, replayer().name); // no actor was spooled with it
        QVERIFY(completed.payloadObject().value(QStringLiteral("passed")).isNull());
        QFile bad(spool.path() + QStringLiteral(".bad"));
        QVERIFY(bad.open(QIODevice::ReadOnly));
        QCOMPARE(bad.readAll(), unreadable);
        QVERIFY(store->verifyChain().ok);
    }
};

QTEST_GUILESS_MAIN(TestRecordSpool)
#include "TestRecordSpool.moc"
