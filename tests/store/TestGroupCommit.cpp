#include "StoreFixture.h"

#include "history/AuditEvent.h"
#include "history/RecordSpool.h"
#include "session/HistoryWriter.h"

#include <QSemaphore>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <optional>

// The writer thread's group commit (HistoryThread::runGrouped): writes queued together commit together, each result
// is handed back only once its write is durable, and a group with a refused write runs again one job at a time, so
// that nothing is written twice, spooled twice or reported before its commit.
class TestGroupCommit : public QObject
{
    Q_OBJECT

    // Holds the writer thread until release(), so that what is posted meanwhile queues up behind it.
    class Gate
    {
    public:
        explicit Gate(HistoryWriter& writer)
        {
            writer.run<int>(
                [open = m_open](AuditStore*) {
                    open->acquire();
                    return 0;
                },
                nullptr,
                [](int) {});
        }
        ~Gate() { release(); }
        void release()
        {
            if (!m_released)
                m_open->release();
            m_released = true;
        }

    private:
        // Shared with the job: the thread may still be leaving acquire() when the gate is gone.
        std::shared_ptr<QSemaphore> m_open = std::make_shared<QSemaphore>();
        bool m_released = false;
    };

    static CaseRecord caseRecord(int n)
    {
        CaseRecord record;
        record.name = QStringLiteral("王小明");
        record.idNumber = QStringLiteral("11010519491231002X");
        record.merchantBizId = QStringLiteral("group-%1").arg(n);
        return record;
    }

    // Posts a grouped case creation; its id lands in ids[n] (or "error: ..."), and committed[n] says whether the
    // main thread's own connection already saw the case when the result arrived.
    static void postCreate(
        HistoryWriter& writer, AuditStore& reader, QObject* context, int n, QStringList* ids, QList<bool>* committed)
    {
        writer.runGrouped<QString>(
            [&writer, n](AuditStore* store) -> QString {
                const Result<QString> id = store->createCase(StoreFixture::actor(), caseRecord(n));
                if (!id)
                    writer.abandonGroup(store);
                return id ? *id : QStringLiteral("error: ") + id.message();
            },
            context,
            [&reader, n, ids, committed](const QString& id) {
                (*ids)[n] = id;
                (*committed)[n] = !StoreFixture::kindsOf(reader, id).isEmpty();
            });
    }

    static int countKind(AuditStore& store, const QStringList& caseIds, const QString& kind)
    {
        int count = 0;
        for (const QString& id : caseIds)
            count += static_cast<int>(StoreFixture::kindsOf(store, id).count(kind));
        return count;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Writes queued together: one group, one commit; every result arrives after that commit, in the order posted.
    void queuedWritesCommitTogether_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("jobs");
        for (const QString& backend : StoreFixture::backends()) {
            for (const int jobs : { 2, 17, HistoryThread::MaxGroup + 3 })
                QTest::addRow("%s, %d jobs", qPrintable(backend), jobs) << backend << jobs;
        }
    }
    void queuedWritesCommitTogether()
    {
        QFETCH(int, jobs);
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QStringList ids(jobs);
        QList<bool> committed(jobs, false);
        QList<int> order;
        {
            HistoryWriter writer(*store);
            {
                Gate gate(writer);
                for (int n = 0; n < jobs; ++n)
                    postCreate(writer, *store, this, n, &ids, &committed);
                gate.release();
            }
            QTRY_VERIFY_WITH_TIMEOUT(!ids.contains(QString()), 120000);
            const HistoryThread::GroupStats stats = writer.groupStats();
            // More than MaxGroup jobs make a second group; fewer than two are never grouped.
            const qint64 groups = (jobs + HistoryThread::MaxGroup - 1) / HistoryThread::MaxGroup;
            QCOMPARE(stats.groups, groups);
            QCOMPARE(stats.jobs, static_cast<qint64>(jobs));
            QCOMPARE(stats.rerun, qint64(0));
        }
        for (int n = 0; n < jobs; ++n) {
            QVERIFY2(!ids[n].startsWith(QStringLiteral("error")), qPrintable(ids[n]));
            QVERIFY2(committed[n], "a result was handed back before its write was committed");
        }
        QCOMPARE(countKind(*store, ids, QStringLiteral("case_created")), jobs);
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QVERIFY(report.headSigned);
        QCOMPARE(report.count, static_cast<qint64>(jobs));
    }

    // Makes the database itself refuse every reverify_link event, inside the write's transaction.
    static bool refuseLinksInTheDatabase(AuditStore& store, const QString& backend)
    {
        QSqlQuery q(store.database());
        if (backend == QLatin1String("sqlite"))
            return q.exec(QStringLiteral("CREATE TRIGGER refuse_link BEFORE INSERT ON events "
                                         "WHEN NEW.kind = 'reverify_link' BEGIN SELECT RAISE(ABORT, 'refused'); END"));
        return q.exec(QStringLiteral("CREATE FUNCTION refuse_link() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                                     "IF NEW.kind = 'reverify_link' THEN RAISE EXCEPTION 'refused'; END IF; "
                                     "RETURN NEW; END $$"))
            && q.exec(QStringLiteral("CREATE TRIGGER refuse_link BEFORE INSERT ON events FOR EACH ROW "
                                     "EXECUTE FUNCTION refuse_link()"));
    }

    // A refused write inside a group: the group is rolled back and its jobs run one by one. The good writes are
    // there exactly once, the refused record is spooled exactly once, and the chain is whole. Refused before its
    // transaction (by the history's rules) or inside it (by the database, which rolls the group back itself).
    void refusedWriteRunsAlone_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("byDatabase");
        for (const QString& backend : StoreFixture::backends()) {
            QTest::addRow("%s, refused by the rules", qPrintable(backend)) << backend << false;
            QTest::addRow("%s, refused by the database", qPrintable(backend)) << backend << true;
        }
    }
    void refusedWriteRunsAlone()
    {
        QFETCH(bool, byDatabase);
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const QString earlier = store->createCase(StoreFixture::actor(), caseRecord(99)).valueOr(QString());
        QVERIFY(!earlier.isEmpty());
        if (byDatabase)
            QVERIFY(refuseLinksInTheDatabase(*store, backend));
        QStringList ids(4);
        QList<bool> committed(4, false);
        std::optional<HistoryWriter::Written> refused;
        HistoryThread::GroupStats stats;
        {
            HistoryWriter writer(*store);
            {
                Gate gate(writer);
                postCreate(writer, *store, this, 0, &ids, &committed);
                postCreate(writer, *store, this, 1, &ids, &committed);
                // A case_completed is written by the history itself, never through record(): refused.
                const Events::Event refusedEvent = byDatabase
                    ? Events::Event(Events::ReverifyLink { QStringLiteral("later-case"), {} })
                    : Events::Event(StoreFixture::completion(QStringLiteral("completed"), true, {}));
                writer.runGrouped<HistoryWriter::Written>(
                    [&writer, earlier, refusedEvent](AuditStore* history) {
                        return writer.recordEvent(history, StoreFixture::actor(), earlier, refusedEvent);
                    },
                    this,
                    [&refused](const HistoryWriter::Written& written) { refused = written; });
                postCreate(writer, *store, this, 2, &ids, &committed);
                postCreate(writer, *store, this, 3, &ids, &committed);
                gate.release();
            }
            QTRY_VERIFY_WITH_TIMEOUT(refused.has_value() && !ids.contains(QString()), 120000);
            stats = writer.groupStats();
        }
        QCOMPARE(stats.groups, qint64(0));
        QCOMPARE(stats.rerun, qint64(1));
        QCOMPARE(refused->outcome, HistoryWriter::Outcome::Spooled);
        QCOMPARE(RecordSpool(RecordSpool::pathFor(*store)).size(), 1);
        for (int n = 0; n < ids.size(); ++n) {
            QVERIFY2(!ids[n].startsWith(QStringLiteral("error")), qPrintable(ids[n]));
            QVERIFY(committed[n]);
        }
        QCOMPARE(countKind(*store, ids, QStringLiteral("case_created")), ids.size());
        QCOMPARE(StoreFixture::kindsOf(*store, earlier), QStringList { QStringLiteral("case_created") });
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.count, qint64(5));
    }

    // A job posted with run() is a barrier: the grouped writes before it commit before it runs, those after it
    // after; it sees the first group's writes.
    void ungroupedJobSplitsGroups_data() { StoreFixture::addBackendRows(); }
    void ungroupedJobSplitsGroups()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QStringList ids(4);
        QList<bool> committed(4, false);
        int seenByBarrier = -1;
        HistoryThread::GroupStats stats;
        {
            HistoryWriter writer(*store);
            {
                Gate gate(writer);
                postCreate(writer, *store, this, 0, &ids, &committed);
                postCreate(writer, *store, this, 1, &ids, &committed);
                writer.run<int>(
                    [](AuditStore* history) {
                        return static_cast<int>(
                            history->queryCases(StoreFixture::reader(), {}, {}, 10).valueOr({}).rows.size());
                    },
                    this,
                    [&seenByBarrier](int seen) { seenByBarrier = seen; });
                postCreate(writer, *store, this, 2, &ids, &committed);
                postCreate(writer, *store, this, 3, &ids, &committed);
                gate.release();
            }
            QTRY_VERIFY_WITH_TIMEOUT(!ids.contains(QString()) && seenByBarrier >= 0, 120000);
            stats = writer.groupStats();
        }
        QCOMPARE(seenByBarrier, 2);
        QCOMPARE(stats.groups, qint64(2));
        QCOMPARE(stats.jobs, qint64(4));
        QVERIFY(store->verifyChain().ok);
    }
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "TestGroupCommit.moc"
