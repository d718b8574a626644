#include "history/AuditStore.h"
#include "history/SqliteRows.h"

#include "StoreFixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <mutex>
#include <set>
#include <thread>

Q_DECLARE_METATYPE(SqliteRows::AnnotateOn)

// SqliteRows reads a query's rows as bytes, on SQLite straight from its API a few thousand rows ahead on a thread of
// its own, on PostgreSQL through Qt. An annotation (work per row before the visitor sees it, the chain verification's
// hashing) must reach the visitor as one more cell, in order, for every row and across the reader's chunks, whichever
// thread made it: on SQLite the reader's while the visitor is behind and the caller's otherwise (the first chunk,
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
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("CREATE TEMPORARY TABLE rows_probe (n INTEGER NOT NULL, text TEXT)")),
            qPrintable(q.lastError().text()));
        QVERIFY(db.transaction());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO rows_probe VALUES (?, ?)")));
        for (int n = 1; n <= rows; ++n) {
            q.addBindValue(n);
            q.addBindValue(n % 7 == 0 ? QVariant(QMetaType::fromType<QString>())
                                      : QVariant(QStringLiteral("row %1 · 第%1行").arg(n)));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(db.commit());

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
};

QTEST_GUILESS_MAIN(TestSqliteRows)
#include "TestSqliteRows.moc"
