#include "base/PrivateFiles.h"
#include "batch/BatchJournal.h"
#include "batch/BatchRegistry.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// The workstation's record of the batches begun, by input digest and history: what it finds, what it keeps, and that
// a damaged file only forgets.
class TestBatchRegistry : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("r%1/batches.json").arg(++m_files)); }

    static BatchRegistry::Entry entry(const QString& id, const QByteArray& digest, const QString& history, int minute)
    {
        return { id,
            digest,
            history,
            QStringLiteral("/tmp/%1.csv").arg(id),
            QDateTime(QDate(2026, 12, 1), QTime(9, minute), Qt::UTC) };
    }

private slots:
    void finds_data()
    {
        QTest::addColumn<QByteArray>("digest");
        QTest::addColumn<QString>("history");
        QTest::addColumn<QString>("except");
        QTest::addColumn<QString>("found"); // batch id, empty: none
        QTest::newRow("the same list, the same history: the latest")
            << QByteArray("aa") << QStringLiteral("h1") << QString() << QStringLiteral("b3");
        QTest::newRow("the batch being resumed is not an earlier one")
            << QByteArray("aa") << QStringLiteral("h1") << QStringLiteral("b3") << QStringLiteral("b1");
        QTest::newRow("another history") << QByteArray("aa") << QStringLiteral("h9") << QString() << QString();
        QTest::newRow("another list") << QByteArray("cc") << QStringLiteral("h1") << QString() << QString();
        QTest::newRow("the same list in the other history")
            << QByteArray("aa") << QStringLiteral("h2") << QString() << QStringLiteral("b2");
    }
    void finds()
    {
        QFETCH(QByteArray, digest);
        QFETCH(QString, history);
        QFETCH(QString, except);
        QFETCH(QString, found);
        BatchRegistry registry(freshPath());
        QVERIFY(!registry.earlier(digest, history, except));
        // b3 recorded before b1 but begun after it: "latest" is by start, not by order in the file.
        for (const BatchRegistry::Entry& e : { entry(QStringLiteral("b3"), "aa", QStringLiteral("h1"), 30),
                 entry(QStringLiteral("b1"), "aa", QStringLiteral("h1"), 10),
                 entry(QStringLiteral("b2"), "aa", QStringLiteral("h2"), 20),
                 entry(QStringLiteral("b4"), "bb", QStringLiteral("h1"), 40) })
            QVERIFY(registry.claim(e, false).warning.isEmpty());
        const std::optional<BatchRegistry::Entry> earlier = BatchRegistry(registry).earlier(digest, history, except);
        QCOMPARE(earlier ? earlier->batchId : QString(), found);
        if (earlier)
            QCOMPARE(earlier->outputPath, QStringLiteral("/tmp/%1.csv").arg(found));
    }

    // claim() checks and records under one lock: a second batch of the same list in the same history is refused and
    // not recorded; the same batch resumed in another history is a second entry, not a move; forget() undoes one.
    void claimsAndForgets()
    {
        BatchRegistry registry(freshPath());
        const BatchRegistry::Entry first = entry(QStringLiteral("b1"), "aa", QStringLiteral("h1"), 10);
        BatchRegistry::Claim claim = registry.claim(first, true);
        QVERIFY2(claim.warning.isEmpty(), qPrintable(claim.warning));
        QVERIFY(!claim.earlier);
        QVERIFY(registry.claim(first, true).earlier == std::nullopt); // the same batch again: itself is not earlier

        claim = registry.claim(entry(QStringLiteral("b2"), "aa", QStringLiteral("h1"), 20), true);
        QVERIFY(claim.earlier);
        QCOMPARE(claim.earlier->batchId, QStringLiteral("b1"));
        QVERIFY(!registry.earlier("aa", QStringLiteral("h1"), QStringLiteral("b1"))); // b2 was not recorded

        // b1's journal taken to another history (the same --out, another --db): h1 still remembers the list.
        QVERIFY(!registry.claim(entry(QStringLiteral("b1"), "aa", QStringLiteral("h2"), 30), true).earlier);
        QCOMPARE(registry.earlier("aa", QStringLiteral("h1"), QString())->batchId, QStringLiteral("b1"));
        QCOMPARE(registry.earlier("aa", QStringLiteral("h2"), QString())->batchId, QStringLiteral("b1"));

        QVERIFY(registry.forget(QStringLiteral("b1"), QStringLiteral("h1")).ok());
        QVERIFY(!registry.earlier("aa", QStringLiteral("h1"), QString()));
        QVERIFY(registry.earlier("aa", QStringLiteral("h2"), QString()));
    }

    // The message says whether the earlier batch can still be resumed: its own journal beside its results (not
    // missing, not another batch's).
    void saysWhetherItResumes()
    {
        const QString id = QStringLiteral("0123456789abcdef0123456789abcdef");
        BatchRegistry::Entry earlier = entry(id, "aa", QStringLiteral("h1"), 10);
        earlier.outputPath = m_dir.filePath(QStringLiteral("results.csv"));
        QVERIFY(BatchRegistry::alreadyBegun(earlier, false).contains(QStringLiteral("cannot be resumed")));
        QVERIFY(BatchRegistry::alreadyBegun(earlier, false).contains(QStringLiteral("billed again")));
        QVERIFY(BatchRegistry::alreadyBegun(earlier, true).contains(QStringLiteral("nothing is billed")));
        BatchJournal journal;
        journal.batchId = QStringLiteral("fedcba9876543210fedcba9876543210");
        journal.inputSha256 = "bb";
        journal.startedAt = earlier.startedAt;
        QVERIFY(journal.save(earlier.outputPath).ok()); // another batch's journal there now
        QVERIFY(BatchRegistry::alreadyBegun(earlier, false).contains(QStringLiteral("cannot be resumed")));
        journal.batchId = id;
        QVERIFY(journal.save(earlier.outputPath).ok());
        QVERIFY(BatchRegistry::alreadyBegun(earlier, false).contains(QStringLiteral("resumes")));
        QVERIFY(BatchRegistry::alreadyBegun(earlier, false).contains(earlier.outputPath));
    }

    // A batch recorded again (each run of a resumed batch) is one entry; beyond `kept` the oldest go.
    void keepsTheLatest()
    {
        const QString path = freshPath();
        BatchRegistry registry(path);
        QVERIFY(registry.claim(entry(QStringLiteral("first"), "00", QStringLiteral("h"), 0), false).warning.isEmpty());
        for (int i = 0; i < BatchRegistry::kept; ++i) {
            BatchRegistry::Entry e = entry(QStringLiteral("b%1").arg(i), QByteArray::number(i), QStringLiteral("h"), 1);
            e.startedAt = e.startedAt.addSecs(i);
            QVERIFY(registry.claim(e, false).warning.isEmpty());
            if (i == 0)
                QVERIFY(registry.claim(e, false).warning.isEmpty()); // again: replaced, not added
        }
        QVERIFY(!registry.earlier("00", QStringLiteral("h"), QString())); // the oldest went
        QVERIFY(registry.earlier("0", QStringLiteral("h"), QString()));
        QVERIFY(registry.earlier(QByteArray::number(BatchRegistry::kept - 1), QStringLiteral("h"), QString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\"batchId\""), BatchRegistry::kept);
        QVERIFY(PrivateFiles::isPrivate(path));
    }

    // A damaged or foreign file is set aside (batches.json.bad), the person is told that the lists it held are no
    // longer remembered, and a new one is begun.
    void damagedFileIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("cut short") << QByteArray("[{\"batchId\":\"b1\",\"listSha256\":\"aa\",\"histo");
        QTest::newRow("not an array") << QByteArray("{\"batchId\":\"b1\"}");
        QTest::newRow("empty") << QByteArray();
    }
    void damagedFileIsSetAside()
    {
        QFETCH(QByteArray, content);
        const QString path = freshPath();
        QVERIFY(PrivateFiles::makeDirFor(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        file.close();
        BatchRegistry registry(path);
        QVERIFY(!registry.earlier("aa", QStringLiteral("h1"), QString()));
        const BatchRegistry::Claim claim =
            registry.claim(entry(QStringLiteral("b2"), "aa", QStringLiteral("h1"), 5), true);
        QVERIFY2(claim.warning.contains(QStringLiteral("set aside")), qPrintable(claim.warning));
        QVERIFY(!claim.earlier);
        QFile aside(path + QStringLiteral(".bad"));
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), content);
        QCOMPARE(registry.earlier("aa", QStringLiteral("h1"), QString())->batchId, QStringLiteral("b2"));
        // The new file is whole: no warning the next time.
        QVERIFY(registry.claim(entry(QStringLiteral("b3"), "bb", QStringLiteral("h1"), 6), true).warning.isEmpty());

        // Damaged again: set aside beside the first, which is kept.
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write("[") == 1);
        file.close();
        const BatchRegistry::Claim again =
            registry.claim(entry(QStringLiteral("b4"), "cc", QStringLiteral("h1"), 7), true);
        QVERIFY2(again.warning.contains(path + QStringLiteral(".bad.2")), qPrintable(again.warning));
        aside.close();
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QCOMPARE(aside.readAll(), content);
        QFile second(path + QStringLiteral(".bad.2"));
        QVERIFY(second.open(QIODevice::ReadOnly));
        QCOMPARE(second.readAll(), QByteArray("["));
    }

    // An entry without its history is skipped, the others kept: that is not damage.
    void entryWithoutItsHistoryIsSkipped()
    {
        const QString path = freshPath();
        QVERIFY(PrivateFiles::makeDirFor(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[{\"batchId\":\"b1\",\"listSha256\":\"aa\",\"startedAt\":\"2026-12-01T09:00:00.000Z\"},"
                   "{\"batchId\":\"b2\",\"listSha256\":\"aa\",\"historyId\":\"h1\",\"output\":\"/tmp/x.csv\","
                   "\"startedAt\":\"2026-12-01T09:00:00.000Z\"}]");
        file.close();
        BatchRegistry registry(path);
        QCOMPARE(registry.earlier("aa", QStringLiteral("h1"), QString())->batchId, QStringLiteral("b2"));
        QVERIFY(registry.claim(entry(QStringLiteral("b3"), "cc", QStringLiteral("h1"), 7), true).warning.isEmpty());
    }

    // A symbolic link where the registry belongs is neither followed nor replaced: the file it leads to is left as it
    // was, the check still runs (from nothing), and the person is told.
    void symbolicLinkIsNotFollowed()
    {
        const QString path = freshPath();
        QVERIFY(PrivateFiles::makeDirFor(path));
        const QString target = m_dir.filePath(QStringLiteral("elsewhere.txt"));
        QFile other(target);
        QVERIFY(other.open(QIODevice::WriteOnly) && other.write("not the registry") > 0);
        other.close();
        QVERIFY(QFile::link(target, path));
        BatchRegistry registry(path);
        const BatchRegistry::Claim claim =
            registry.claim(entry(QStringLiteral("b1"), "aa", QStringLiteral("h1"), 5), true);
        QVERIFY2(claim.warning.contains(QStringLiteral("symbolic link")), qPrintable(claim.warning));
        QVERIFY(other.open(QIODevice::ReadOnly));
        QCOMPARE(other.readAll(), QByteArray("not the registry"));
        QVERIFY(QFileInfo(path).isSymLink());
    }
};

QTEST_GUILESS_MAIN(TestBatchRegistry)
#include "TestBatchRegistry.moc"
