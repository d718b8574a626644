#include "history/AuditStore.h"
#include "history/HistoryLocation.h"
#include "history/Migrations.h"

#include "StoreFixture.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

// The versioned schema on both backends: a new history ends at the latest version, reopening changes nothing, a
// failing step is rolled back completely, a newer schema is refused.
class TestMigrations : public QObject
{
    Q_OBJECT

private:
    static QString metaValue(StoreFixture& fx, const QString& key)
    {
        QSqlQuery q(fx.raw());
        q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
        q.bindValue(0, key);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    static bool tableExists(StoreFixture& fx, const QString& table)
    {
        QSqlQuery q(fx.raw());
        q.prepare(fx.backend() == QLatin1String("sqlite")
                ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?")
                : QStringLiteral("SELECT COUNT(*) FROM information_schema.tables WHERE "
                                 "table_schema = current_schema() AND table_name = ?"));
        q.bindValue(0, table);
        return q.exec() && q.next() && q.value(0).toInt() == 1;
    }

private slots:
    void fromEmptyAndIdempotentReopen_data() { StoreFixture::addBackendRows(); }
    void fromEmptyAndIdempotentReopen()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        QString historyId;
        {
            auto store = fx.open();
            QVERIFY(store);
            historyId = store->historyId();
            QVERIFY(!QUuid::fromString(historyId).isNull());
            QVERIFY(store
                        ->record(StoreFixture::actor(),
                            QString(),
                            StoreFixture::event(QLatin1String(EventKind::settingsChanged),
                                { { QStringLiteral("changed"), QJsonArray { QStringLiteral("api/timeoutSeconds") } } }))
                        .valueOr(0)
                > 0);
        }
        QCOMPARE(metaValue(fx, QStringLiteral("schema_version")), QString::number(Migrations::latestVersion()));
        QCOMPARE(metaValue(fx, QStringLiteral("history_id")), historyId);
        QVERIFY(!metaValue(fx, QStringLiteral("key_record")).isEmpty());
        QVERIFY(!metaValue(fx, QStringLiteral("created_at")).isEmpty());
        // A new history writes exact case times from its first event on (see Migrations::exactTimesVersion).
        QCOMPARE(metaValue(fx, QLatin1String(Migrations::exactTimesKey)), QStringLiteral("1"));
        for (const char* table : { "meta", "events", "cases", "chain_head" })
            QVERIFY2(tableExists(fx, QLatin1String(table)), table);
        for (int i = 0; i < 2; ++i) {
            auto store = fx.open();
            QVERIFY(store);
            QCOMPARE(store->historyId(), historyId);
            const ChainReport report = store->verifyChain();
            QVERIFY(report.ok);
            QCOMPARE(report.count, 1);
        }
        QCOMPARE(metaValue(fx, QStringLiteral("schema_version")), QString::number(Migrations::latestVersion()));
    }

    void failingStepRollsBack_data() { StoreFixture::addBackendRows(); }
    void failingStepRollsBack()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        const QList<Migrations::Step> steps = {
            { 1,
                { QStringLiteral("CREATE TABLE first_table (a INTEGER)") },
                { QStringLiteral("CREATE TABLE first_table (a INTEGER)") } },
            { 2,
                { QStringLiteral("CREATE TABLE second_table (b INTEGER)"), QStringLiteral("THIS IS NOT SQL") },
                { QStringLiteral("CREATE TABLE second_table (b INTEGER)"), QStringLiteral("THIS IS NOT SQL") } },
        };
        QSqlDatabase db = fx.raw();
        const bool postgres = backend == QLatin1String("postgresql");
        QString error;
        QVERIFY(!Migrations::run(db, postgres, &error, steps));
        QVERIFY(error.contains(QStringLiteral("version 2")));
        QCOMPARE(Migrations::currentVersion(db, postgres, &error), 1);
        QVERIFY(tableExists(fx, QStringLiteral("first_table")));
        QVERIFY(!tableExists(fx, QStringLiteral("second_table")));
        // Fixed step 2 runs on the next attempt.
        QList<Migrations::Step> fixed = steps;
        fixed[1].sqlite.removeLast();
        fixed[1].postgres.removeLast();
        QVERIFY2(Migrations::run(db, postgres, &error, fixed), qPrintable(error));
        QCOMPARE(Migrations::currentVersion(db, postgres, &error), 2);
        QVERIFY(tableExists(fx, QStringLiteral("second_table")));
    }

    void newerSchemaRefused_data() { StoreFixture::addBackendRows(); }
    void newerSchemaRefused()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        {
            auto store = fx.open();
            QVERIFY(store);
        }
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE meta SET value = '99' WHERE key = 'schema_version'")));
        QString error;
        QVERIFY(!fx.open(nullptr, QString(), &error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    }

    void locationParsing_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<int>("backend");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("schema");
        const int pg = static_cast<int>(HistoryLocation::Backend::Postgres);
        const int invalid = static_cast<int>(HistoryLocation::Backend::Invalid);
        QTest::newRow("full url") << QStringLiteral("postgresql://ekyc:p%40ss@db.example:6543/audit?schema=team_a")
                                  << pg << QStringLiteral("ekyc") << QStringLiteral("p@ss")
                                  << QStringLiteral("db.example") << 6543 << QStringLiteral("audit")
                                  << QStringLiteral("team_a");
        QTest::newRow("default port") << QStringLiteral("postgres://u@10.0.0.5/h") << pg << QStringLiteral("u")
                                      << QString() << QStringLiteral("10.0.0.5") << 5432 << QStringLiteral("h")
                                      << QString();
        QTest::newRow("bad schema") << QStringLiteral("postgresql://u@h/d?schema=a;drop") << invalid << QString()
                                    << QString() << QString() << 0 << QString() << QString();
        QTest::newRow("other scheme") << QStringLiteral("mysql://u@h/d") << invalid << QString() << QString()
                                      << QString() << 0 << QString() << QString();
    }
    void locationParsing()
    {
        QFETCH(QString, location);
        QFETCH(int, backend);
        const HistoryLocation parsed = HistoryLocation::parse(location);
        QCOMPARE(static_cast<int>(parsed.backend), backend);
        if (!parsed.isValid()) {
            QVERIFY(!parsed.error.isEmpty());
            return;
        }
        QTEST(parsed.user, "user");
        QTEST(parsed.password, "password");
        QTEST(parsed.host, "host");
        QTEST(parsed.port, "port");
        QTEST(parsed.databaseName, "database");
        QTEST(parsed.schema, "schema");
        QVERIFY(!parsed.displayName().contains(QStringLiteral("p@ss")));
    }

    void defaultLocationIsSqliteUnderAppData()
    {
        const HistoryLocation parsed = HistoryLocation::parse(QString());
        QCOMPARE(parsed.backend, HistoryLocation::Backend::Sqlite);
        QVERIFY(parsed.path.endsWith(QStringLiteral("/history.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
