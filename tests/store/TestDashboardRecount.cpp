#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/Dashboard.h"
#include "history/DashboardCheck.h"
#include "history/SqliteRows.h"

#include "StoreFixture.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QTest>

// The chain verification recounts the dashboard's hours from the case records it reads (DashboardCheck::Recount)
// instead of asking the database to; the dashboard itself is kept by SQL (Dashboard::outcomeConditions). Both must
// put every case record in the same count, NULLs and values the application never writes included: each row puts
// one record into a scratch table on each backend and checks that the database's own conditions and the recount
// agree with the count the row names.
class TestDashboardRecount : public QObject
{
    Q_OBJECT

    // The count (index into Dashboard::countColumns()) the database's conditions put the scratch row in, -1 for none,
    // -2 when more than one holds (never expected).
    static int sqlColumn(QSqlDatabase db)
    {
        QStringList flags;
        for (const QString& condition : Dashboard::outcomeConditions(QString()))
            flags << QStringLiteral("CASE WHEN %1 THEN 1 ELSE 0 END").arg(condition);
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT %1 FROM recount_probe").arg(flags.join(QLatin1String(", ")))) || !q.next())
            return -3;
        int column = -1;
        for (int i = 0; i < flags.size(); ++i) {
            if (q.value(i).toInt() == 1)
                column = column == -1 ? i : -2;
        }
        return column;
    }

private slots:
    void sameCountAsTheDatabase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QVariant>("passed"); // an invalid QVariant: NULL
        QTest::addColumn<QString>("subCode");
        QTest::addColumn<int>("column"); // Dashboard::countColumns(): passed, 202, 223, other answer, failed, ...
        struct Variant
        {
            const char* name;
            const char* state;
            QVariant passed;
            const char* subCode;
            int column;
        };
        const Variant variants[] = {
            { "200 passed", CaseState::completed, 1, "200", 0 },
            { "202", CaseState::completed, 0, "202", 1 },
            { "223 after review", CaseState::reviewed, 0, "223", 2 },
            { "passed NULL, 202", CaseState::completed, QVariant(), "202", 1 },
            { "passed NULL, other SubCode", CaseState::completed, QVariant(), "999", 3 },
            { "not passed, empty SubCode", CaseState::completed, 0, "", 3 },
            { "reviewed and passed, 223", CaseState::reviewed, 1, "223", 0 },
            { "passed 2 (never written)", CaseState::completed, 2, "202", -1 },
            { "failed", CaseState::failed, QVariant(), "", 4 },
            { "refused", CaseState::refused, QVariant(), "", 5 },
            { "outcome unknown", CaseState::outcomeUnknown, QVariant(), "", 6 },
            { "pending", CaseState::pending, QVariant(), "", 7 },
            { "pending with a stray SubCode", CaseState::pending, 1, "200", 7 },
            { "unknown state", "archived", 1, "200", -1 },
            { "state in capitals", "COMPLETED", 1, "200", -1 },
        };
        for (const QString& backend : StoreFixture::backends()) {
            for (const Variant& v : variants)
                QTest::addRow("%s, %s", qPrintable(backend), v.name)
                    << backend << QString::fromLatin1(v.state) << v.passed << QString::fromLatin1(v.subCode)
                    << v.column;
        }
    }

    void sameCountAsTheDatabase()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QFETCH(QString, state);
        QFETCH(QVariant, passed);
        QFETCH(QString, subCode);
        QFETCH(int, column);
        QSqlDatabase db = store->database();
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("CREATE TEMPORARY TABLE recount_probe (training INTEGER NOT NULL, created_at "
                                       "TEXT NOT NULL, actor TEXT NOT NULL, state TEXT NOT NULL, passed INTEGER, "
                                       "sub_code TEXT NOT NULL)")),
            qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO recount_probe VALUES (1, '2026-03-01T08:15:00.000Z', 'li.na', "
                                         "?, ?, ?)")));
        q.addBindValue(state);
        q.addBindValue(passed.isValid() ? passed : QVariant(QMetaType::fromType<int>()));
        q.addBindValue(subCode);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

        QCOMPARE(sqlColumn(db), column);

        DashboardCheck::Recount recount;
        QString error;
        QVERIFY2(SqliteRows::forEachOrQt(
                     db,
                     "SELECT training, created_at, actor, state, passed, sub_code FROM recount_probe",
                     {},
                     [&recount](const SqliteRows::Row& row) {
                         recount.add({ row.cells[0],
                             row.cells[1],
                             row.cells[2],
                             row.cells[3],
                             row.cells[4],
                             row.null[4],
                             row.cells[5] });
                         return true;
                     },
                     &error),
            qPrintable(error));
        QCOMPARE(recount.hours().size(), 1);
        QCOMPARE(recount.hours().cbegin().key(),
            QByteArray("1\x1f"
                       "2026-03-01T08\x1f"
                       "li.na"));
        const QList<qint64> counts = recount.hours().cbegin().value();
        QCOMPARE(counts.size(), Dashboard::countColumns().size());
        for (int i = 0; i < counts.size(); ++i)
            QCOMPARE(counts.at(i), i == column ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(TestDashboardRecount)
#include "TestDashboardRecount.moc"
