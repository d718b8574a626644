#include "history/AuditStore.h"
#include "history/SqliteRows.h"

#include "StoreFixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

Q_DECLARE_METATYPE(SqliteRows::AnnotateOn)

// SqliteRows reads a query's rows as bytes, on SQLite straight from its API a few thousand rows ahead on a thread of
// its own, on PostgreSQL through Qt. An annotation (work per row before the visitor sees it, the chain verification's
// hashing) must reach the visitor as one more cell, in order, for every row and across the reader's chunks, whichever
// thread made it: on SQLite the reader's while the visitor is well behind and the caller's otherwise (the first chunk,
// read while the visitor waits, always on the caller's), or all on one side when asked; on PostgreSQL always the
// caller's. A visitor that stops ends the reading.
class TestSqliteRows : public QObject
{
    Q_OBJECT

    // What the annotation appends for a row: its n and its text, reversed.
    static std::string annotationOf(QByteArrayView n, QByteArrayView text)
    {
        std::string out(n.data(), static_cast<size_t>(n.size()));
        out.push_back(':');
        for (qsizetype i = text.size() - 1; i >= 0; --i)
            out.push_back(text[i]);
        return out;
    }

    // A temporary table rows_probe of rows (n, text): n from 1, text NULL for every seventh row.
    static bool fillProbe(QSqlDatabase& db, int rows)
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE TEMPORARY TABLE rows_probe (n INTEGER NOT NULL, text TEXT)"))
            || !db.transaction() || !q.prepare(QStringLiteral("INSERT INTO rows_probe VALUES (?, ?)"))) {
            qWarning("%s", qPrintable(q.lastError().text()));
            return false;
        }
        for (int n = 1; n <= rows; ++n) {
            q.addBindValue(n);
            q.addBindValue(n % 7 == 0 ? QVariant(QMetaType::fromType<QString>())
                                      : QVariant(QStringLiteral("row %1 · 第%1行").arg(n)));
            if (!q.exec()) {
                qWarning("%s", qPrintable(q.lastError().text()));
                return false;
            }
        }
        return db.commit();
    }

private slots:
    void annotationReachesTheVisitor_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("stopAfter"); // 0: visit every row
        QTest::addColumn<SqliteRows::AnnotateOn>("annotateOn");
        const std::pair<const char*, SqliteRows::AnnotateOn> sides[] = { { "shared", SqliteRows::AnnotateOn::Either },
            { "on the reader", SqliteRows::AnnotateOn::Reader },
            { "on the visitor", SqliteRows::AnnotateOn::Visitor } };
        for (const QString& backend : StoreFixture::backends()) {
            for (const auto& [side, on] : sides) {
                QTest::addRow("%s, %s, no rows", qPrintable(backend), side) << backend << 0 << 0 << on;
                QTest::addRow("%s, %s, one row", qPrintable(backend), side) << backend << 1 << 0 << on;
                QTest::addRow("%s, %s, several chunks", qPrintable(backend), side) << backend << 9000 << 0 << on;
                QTest::addRow("%s, %s, visitor stops in the second chunk", qPrintable(backend), side)
                    << backend << 9000 << 5000 << on;
            }
        }
    }

    void annotationReachesTheVisitor()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QFETCH(int, rows);
        QFETCH(int, stopAfter);
        QFETCH(SqliteRows::AnnotateOn, annotateOn);
        QSqlDatabase db = store->database();
        QVERIFY(fillProbe(db, rows));

        const std::thread::id caller = std::this_thread::get_id();
        std::mutex mutex;
        std::set<std::thread::id> annotatingThreads;
        int annotated = 0;
        int firstAnnotatedOnCaller = -1; // 1: the first row was annotated on the caller's thread
        const SqliteRows::Annotate annotate = [&](const SqliteRows::Row& row, std::string* extra) {
            const std::lock_guard lock(mutex);
            annotatingThreads.insert(std::this_thread::get_id());
            if (row.cells[0] == QByteArrayView("1"))
                firstAnnotatedOnCaller = std::this_thread::get_id() == caller ? 1 : 0;
            ++annotated;
            extra->append(annotationOf(row.cells[0], row.cells[1]));
        };
        int visited = 0;
        bool allMatch = true;
        QString error;
        const bool read = SqliteRows::forEachOrQt(
            db,
            "SELECT n, text FROM rows_probe ORDER BY n",
            {},
            [&](const SqliteRows::Row& row) {
                ++visited;
                allMatch = allMatch && row.columns == 3 && row.cells[0].toInt() == visited && !row.null[2]
                    && row.cells[2] == QByteArrayView(annotationOf(row.cells[0], row.cells[1]))
                    && row.null[1] == (visited % 7 == 0);
                return stopAfter == 0 || visited < stopAfter;
            },
            &error,
            annotate,
            annotateOn);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(visited, stopAfter == 0 ? rows : stopAfter);
        QVERIFY(allMatch);
        // Every visited row was annotated; a reader ahead of a visitor that stopped may have annotated more.
        QVERIFY(annotated >= visited && annotated <= rows);
        if (rows == 0)
            return;
        const bool postgres = fx.backend() == QLatin1String("postgresql");
        annotatingThreads.erase(caller);
        // On SQLite the chunk read while the visitor waits for the first one is the visitor's to annotate.
        QCOMPARE(firstAnnotatedOnCaller, postgres || annotateOn != SqliteRows::AnnotateOn::Reader ? 1 : 0);
        // Besides the caller, at most the reader annotated: on SQLite always when asked to, never when told not to.
        QVERIFY(annotatingThreads.size() <= 1);
        if (postgres || annotateOn == SqliteRows::AnnotateOn::Visitor)
            QVERIFY(annotatingThreads.empty());
        else if (annotateOn == SqliteRows::AnnotateOn::Reader)
            QCOMPARE(annotatingThreads.size(), size_t { 1 });
    }

    // Shared (Either): the reader annotates only once the visitor is well behind. A visitor held at the first row
    // lets the reader queue chunk after chunk; the reader must then annotate the next one itself, and the visitor is
    // let go as soon as it does (the wait's bound only turns a reader that never does into a failure, not a hang).
    // Every row still arrives in order with its annotation, and the first chunks were the visitor's.
    void readerAnnotatesWhenTheVisitorIsBehind()
    {
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, QStringLiteral("sqlite"));
        auto store = fx.open(nullptr);
        QVERIFY(store);
        QSqlDatabase db = store->database();
        const int rows = 30000; // seven chunks of 4,096 and a part
        QVERIFY(fillProbe(db, rows));

        const std::thread::id caller = std::this_thread::get_id();
        std::mutex mutex;
        std::condition_variable readerAnnotated;
        int firstOnReader = 0; // the n of the first row the reader annotated
        const SqliteRows::Annotate annotate = [&](const SqliteRows::Row& row, std::string* extra) {
            if (std::this_thread::get_id() != caller) {
                const std::lock_guard lock(mutex);
                if (firstOnReader == 0)
                    firstOnReader = row.cells[0].toInt();
                readerAnnotated.notify_all();
            }
            extra->append(annotationOf(row.cells[0], row.cells[1]));
        };
        int visited = 0;
        bool allMatch = true;
        QString error;
        const bool read = SqliteRows::forEachOrQt(
            db,
            "SELECT n, text FROM rows_probe ORDER BY n",
            {},
            [&](const SqliteRows::Row& row) {
                if (++visited == 1) {
                    std::unique_lock lock(mutex);
                    readerAnnotated.wait_for(lock, std::chrono::seconds(60), [&] { return firstOnReader != 0; });
                }
                allMatch = allMatch && row.cells[0].toInt() == visited
                    && row.cells[2] == QByteArrayView(annotationOf(row.cells[0], row.cells[1]));
                return true;
            },
            &error,
            annotate,
            SqliteRows::AnnotateOn::Either);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(visited, rows);
        QVERIFY(allMatch);
        // The reader starts annotating at the first row of a chunk, once three read chunks wait: at the fourth chunk
        // when the held visitor had not yet taken the first one off the queue, else at the fifth.
        QVERIFY2(
            firstOnReader == 3 * 4096 + 1 || firstOnReader == 4 * 4096 + 1, qPrintable(QString::number(firstOnReader)));
    }
};

QTEST_GUILESS_MAIN(TestSqliteRows)
#include "TestSqliteRows.moc"
