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
        return Actor { QStringLiteral("reviewer-z"), QStringLiteral("reviewer"), QStringLiteral("ws-other") };
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
        QVERIFY(spool.addEvent(StoreFixture::actor(),
            caseId,
            StoreFixture::event(EventKind::attemptFailed, { { QStringLiteral("attempt"), 1 } }),
            &error));
        QVERIFY(spool.addCompletion(StoreFixture::actor(),
            caseId,
            StoreFixture::completion(QStringLiteral("failed"), std::nullopt, QString()),
            &error));
        QCOMPARE(QFileInfo(spool.path()).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QFile::copy(spool.path(), spool.path() + QStringLiteral(".copy"));

        QCOMPARE(spool.replay(*store, replayer(), &error), 2);
        QVERIFY(spool.isEmpty());
        const QStringList once {
            QStringLiteral("case_created"), QStringLiteral("attempt_failed"), QStringLiteral("case_completed")
        };
        QCOMPARE(StoreFixture::kindsOf(*store, caseId), once);
        for (const AuditEvent& e : store->eventsForCase(caseId).valueOr({})) { // recorded as the one who did it
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
        QVERIFY(spool.addEvent(StoreFixture::actor(),
            caseId,
            StoreFixture::event(EventKind::attemptFailed, { { QStringLiteral("attempt"), 1 } }),
            &error));
        QVERIFY(appendRaw(spool.path(), "{\"op\":\"event\",\"caseId\":\""));
        QVERIFY(spool.addCompletion(StoreFixture::actor(),
            caseId,
            StoreFixture::completion(QStringLiteral("failed"), std::nullopt, QString()),
            &error));
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
};

QTEST_GUILESS_MAIN(TestRecordSpool)
#include "TestRecordSpool.moc"
