#include "MemorySecretStore.h"
#include "history/HistoryLocation.h"

#include <QTest>

// The PostgreSQL password of a history location: kept in the keychain under an account named after the location,
// taken only when the URL has none, never for SQLite; and the TLS a connection to it asks for.
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

    // A server elsewhere only over TLS that verifies it: verify-full unless the URL asks for verify-ca; a mode that
    // verifies nothing is refused, naming sslmode. On this machine the URL's mode (or libpq's default) stands.
    void transportIsVerifiedOffThisMachine_data()
    {
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("options"); // connectOptions joined by ';', or "refused"
        const QString none = QStringLiteral("connect_timeout=10");
        QTest::newRow("remote, no mode") << QStringLiteral("postgresql://ekyc@db.example.test/audit")
                                         << none + QStringLiteral(";sslmode=verify-full");
        QTest::newRow("remote address, no mode") << QStringLiteral("postgresql://ekyc@192.0.2.7:5433/audit")
                                                 << none + QStringLiteral(";sslmode=verify-full");
        QTest::newRow("remote verify-ca, root cert")
            << QStringLiteral(
                   "postgresql://ekyc@db.example.test/audit?sslmode=verify-ca&sslrootcert=/etc/team%20ca/it's.pem")
            << none + QStringLiteral(";sslmode=verify-ca;sslrootcert='/etc/team ca/it\\'s.pem'");
        for (const char* mode : { "disable", "allow", "prefer", "require" })
            QTest::addRow("remote %s", mode)
                << QStringLiteral("postgresql://ekyc@db.example.test/audit?sslmode=%1").arg(QLatin1String(mode))
                << QStringLiteral("refused");
        QTest::newRow("remote, unknown mode")
            << QStringLiteral("postgresql://ekyc@db.example.test/audit?sslmode=on") << QStringLiteral("refused");
        QTest::newRow("root cert with ;")
            << QStringLiteral("postgresql://ekyc@db.example.test/a?sslrootcert=/x;y") << QStringLiteral("refused");
        QTest::newRow("loopback, no mode") << QStringLiteral("postgresql://ekyc@127.0.0.1:55433/audit") << none;
        QTest::newRow("loopback disable") << QStringLiteral("postgresql://ekyc@127.0.0.1/audit?sslmode=disable")
                                          << none + QStringLiteral(";sslmode=disable");
        QTest::newRow("localhost require") << QStringLiteral("postgres://ekyc@LocalHost/audit?sslmode=require")
                                           << none + QStringLiteral(";sslmode=require");
        QTest::newRow("ipv6 loopback") << QStringLiteral("postgresql://ekyc@[::1]:5432/audit") << none;
        QTest::newRow("localhost-like name") << QStringLiteral("postgresql://ekyc@localhost.example.test/audit")
                                             << none + QStringLiteral(";sslmode=verify-full");
    }
    void transportIsVerifiedOffThisMachine()
    {
        QFETCH(QString, location);
        QFETCH(QString, options);
        const HistoryLocation parsed = HistoryLocation::parse(location);
        if (options == QLatin1String("refused")) {
            QVERIFY(!parsed.isValid());
            QVERIFY2(
                parsed.error.contains(QLatin1String("sslmode")) || parsed.error.contains(QLatin1String("sslrootcert")),
                qPrintable(parsed.error));
            return;
        }
        QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
        QCOMPARE(parsed.connectOptions().join(u';'), options);
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
