#include "base/PrivateFiles.h"
#include "batch/BatchRegistry.h"

#include <QFile>
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

    // The message says whether the earlier batch can still be resumed: its journal beside its results.
    void saysWhetherItResumes()
    {
        BatchRegistry::Entry earlier = entry(QStringLiteral("b1"), "aa", QStringLiteral("h1"), 10);
        earlier.outputPath = m_dir.filePath(QStringLiteral("results.csv"));
        QVERIFY(BatchRegistry::alreadyBegun(earlier, false).contains(QStringLiteral("cannot be resumed")));
        QVERIFY(BatchRegistry::alreadyBegun(earlier, false).contains(QStringLiteral("billed again")));
        QVERIFY(BatchRegistry::alreadyBegun(earlier, true).contains(QStringLiteral("nothing is billed")));
        QFile journal(earlier.outputPath + QStringLiteral(".batch.json"));
        QVERIFY(journal.open(QIODevice::WriteOnly));
        journal.close();
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

    // A damaged or foreign file forgets what it held (the next batch of a list is a new one) and is replaced whole.
    void damagedFileForgets_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("cut short") << QByteArray("[{\"batchId\":\"b1\",\"inputSha256\":\"aa\",\"histo");
        QTest::newRow("not an array") << QByteArray("{\"batchId\":\"b1\"}");
        QTest::newRow("an entry without its history")
            << QByteArray("[{\"batchId\":\"b1\",\"inputSha256\":\"aa\",\"startedAt\":\"2026-12-01T09:00:00.000Z\"}]");
    }
    void damagedFileForgets()
    {
        QFETCH(QByteArray, content);
        const QString path = freshPath();
        QVERIFY(PrivateFiles::makeDirFor(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        file.close();
        BatchRegistry registry(path);
        QVERIFY(!registry.earlier("aa", QStringLiteral("h1"), QString()));
        QVERIFY(registry.claim(entry(QStringLiteral("b2"), "aa", QStringLiteral("h1"), 5), false).warning.isEmpty());
        QCOMPARE(registry.earlier("aa", QStringLiteral("h1"), QString())->batchId, QStringLiteral("b2"));
    }
};

QTEST_GUILESS_MAIN(TestBatchRegistry)
#include "TestBatchRegistry.moc"
