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

// The chain verification recounts the dashboard's hours from the case records it reads (DashboardCheck::Recount,
// each record's count judged by the database through DashboardCheck::outcomeSql()) instead of by a GROUP BY of its own;
// the dashboard is kept by the conditions of Dashboard::outcomeConditions. Both must put every case record in the
// same count, NULLs and values the application never writes included (on SQLite, values of another type): each row
// puts one record into a scratch table and checks that the conditions, the CASE expression and the recount agree
// with the count the row names.
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
        QTest::addColumn<QVariant>("state"); // a QByteArray is bound as a blob
        QTest::addColumn<QVariant>("passed"); // an invalid QVariant: NULL
        QTest::addColumn<QVariant>("subCode");
        QTest::addColumn<int>("column"); // Dashboard::countColumns(): passed, 202, 223, other answer, failed, ...
        struct Variant
        {
            const char* name;
            QVariant state;
            QVariant passed;
            QVariant subCode;
            int column;
            bool sqliteOnly; // a value PostgreSQL's typed columns cannot hold
        };
        const QVariant null;
        const auto text = [](const char* s) { return QVariant(QString::fromLatin1(s)); };
        const Variant variants[] = {
            { "200 passed", text(CaseState::completed), 1, text("200"), 0, false },
            { "202", text(CaseState::completed), 0, text("202"), 1, false },
            { "223 after review", text(CaseState::reviewed), 0, text("223"), 2, false },
            { "passed NULL, 202", text(CaseState::completed), null, text("202"), 1, false },
            { "passed NULL, other SubCode", text(CaseState::completed), null, text("999"), 3, false },
            { "not passed, empty SubCode", text(CaseState::completed), 0, text(""), 3, false },
            { "not passed, SubCode NULL", text(CaseState::completed), 0, null, -1, false },
            { "passed, SubCode NULL", text(CaseState::completed), 1, null, 0, false },
            { "reviewed and passed, 223", text(CaseState::reviewed), 1, text("223"), 0, false },
            { "passed 2 (never written)", text(CaseState::completed), 2, text("202"), -1, false },
            { "failed", text(CaseState::failed), null, text(""), 4, false },
            { "refused", text(CaseState::refused), null, text(""), 5, false },
            { "outcome unknown", text(CaseState::outcomeUnknown), null, text(""), 6, false },
            { "pending", text(CaseState::pending), null, text(""), 7, false },
            { "pending with a stray SubCode", text(CaseState::pending), 1, text("200"), 7, false },
            { "unknown state", text("archived"), 1, text("200"), -1, false },
            { "state in capitals", text("COMPLETED"), 1, text("200"), -1, false },
            { "state NULL", null, 1, text("200"), -1, false },
            { "state as a blob", QVariant(QByteArray(CaseState::completed)), 1, text("200"), -1, true },
            { "SubCode as a blob", text(CaseState::completed), 0, QVariant(QByteArray("202")), 3, true },
            { "passed as a blob", text(CaseState::completed), QVariant(QByteArray("1")), text("200"), -1, true },
            { "passed as text", text(CaseState::completed), text("yes"), text("200"), -1, true },
            { "passed 1.5", text(CaseState::completed), 1.5, text("200"), -1, true },
        };
        for (const QString& backend : StoreFixture::backends()) {
            for (const Variant& v : variants) {
                if (!v.sqliteOnly || backend == QLatin1String("sqlite"))
                    QTest::addRow("%s, %s", qPrintable(backend), v.name)
                        << backend << v.state << v.passed << v.subCode << v.column;
            }
        }
    }

    void sameCountAsTheDatabase()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QFETCH(QVariant, state);
        QFETCH(QVariant, passed);
        QFETCH(QVariant, subCode);
        QFETCH(int, column);
        QSqlDatabase db = store->database();
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("CREATE TEMPORARY TABLE recount_probe (training INTEGER NOT NULL, created_at "
                                       "TEXT NOT NULL, actor TEXT NOT NULL, state TEXT, passed INTEGER, "
                                       "sub_code TEXT)")),
            qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO recount_probe VALUES (1, '2026-03-01T08:15:00.000Z', 'li.na', "
                                         "?, ?, ?)")));
        const auto bound = [](const QVariant& v) { return v.isValid() ? v : QVariant(QMetaType::fromType<int>()); };
        q.addBindValue(bound(state));
        q.addBindValue(bound(passed));
        q.addBindValue(bound(subCode));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));

        QCOMPARE(sqlColumn(db), column); // the dashboard's own conditions
        DashboardCheck::Recount recount;
        QString error;
        const QByteArray sql =
            "SELECT training, created_at, actor, " + DashboardCheck::outcomeSql().toUtf8() + " FROM recount_probe";
        QVERIFY2(SqliteRows::forEachOrQt(
                     db,
                     sql.constData(),
                     {},
                     [&recount](const SqliteRows::Row& row) {
                         recount.add({ row.cells[0], row.cells[1], row.cells[2], row.cells[3].toInt() });
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
