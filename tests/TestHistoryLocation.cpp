#include "MemorySecretStore.h"
#include "history/HistoryLocation.h"

#include <QTest>

// The PostgreSQL password of a history location: kept in the keychain under an account named after the location,
// taken only when the URL has none, never for SQLite.
class TestHistoryLocation : public QObject
{
    Q_OBJECT

private slots:
    void passwordAccountNamesTheLocation_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("account");
        QTest::newRow("postgresql") << QStringLiteral("postgresql://ekyc@db.example.test:5433/audit")
                                    << QStringLiteral("history-password:ekyc@db.example.test:5433/audit");
        QTest::newRow("default port, schema") << QStringLiteral("postgres://ekyc@db.example.test/audit?schema=desk")
                                              << QStringLiteral("history-password:ekyc@db.example.test:5432/audit");
        QTest::newRow("sqlite") << QStringLiteral("/srv/ekyc/history.sqlite") << QString();
    }
    void passwordAccountNamesTheLocation()
    {
        QFETCH(QString, location);
        QFETCH(QString, account);
        QCOMPARE(HistoryLocation::parse(location).passwordAccount(), account);
    }

    void passwordComesFromTheKeychainOnlyWhenTheUrlHasNone()
    {
        MemorySecretStore keychain;
        keychain.entries.insert(QStringLiteral("history-password:ekyc@db.example.test:5432/audit"), "kept-pw");

        HistoryLocation plain = HistoryLocation::parse(QStringLiteral("postgresql://ekyc@db.example.test/audit"));
        QVERIFY(plain.takePasswordFrom(keychain));
        QCOMPARE(plain.password, QStringLiteral("kept-pw"));
        QVERIFY(!plain.displayName().contains(QLatin1String("kept-pw")));

        HistoryLocation withPassword =
            HistoryLocation::parse(QStringLiteral("postgresql://ekyc:url-pw@db.example.test/audit"));
        QVERIFY(!withPassword.takePasswordFrom(keychain));
        QCOMPARE(withPassword.password, QStringLiteral("url-pw"));

        HistoryLocation other = HistoryLocation::parse(QStringLiteral("postgresql://other@db.example.test/audit"));
        QVERIFY(!other.takePasswordFrom(keychain)); // none kept: PGPASSWORD and ~/.pgpass still apply
        QVERIFY(other.password.isEmpty());

        keychain.available = false;
        HistoryLocation noKeychain = HistoryLocation::parse(QStringLiteral("postgresql://ekyc@db.example.test/audit"));
        QVERIFY(!noKeychain.takePasswordFrom(keychain));
        QVERIFY(noKeychain.password.isEmpty());

        HistoryLocation sqlite = HistoryLocation::parse(QStringLiteral("/srv/ekyc/history.sqlite"));
        const int reads = keychain.reads;
        QVERIFY(!sqlite.takePasswordFrom(keychain));
        QCOMPARE(keychain.reads, reads);
    }
};

QTEST_GUILESS_MAIN(TestHistoryLocation)
#include "TestHistoryLocation.moc"
