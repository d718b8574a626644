#include "crypto/KeyVault.h"
#include "crypto/SecretStore.h"

#include "crypto/Random.h"

#include <QTest>

// The real OS keychain: QtKeychain -> libsecret -> gnome-keyring, in a private session started by
// tests/keychain/run-in-keyring.sh (registered with ctest as TestKeychainVault, label "store").
class TestKeychainVault : public QObject
{
    Q_OBJECT

private:
    QStringList m_accounts;

    QString freshAccount()
    {
        m_accounts << QStringLiteral("ekyc-desk-test-") + QString::fromLatin1(Random::system().hex32());
        return m_accounts.constLast();
    }

    static KeyVault::Options options(SecretStore* keychain, const QString& passphrase = QString())
    {
        KeyVault::Options o;
        o.keychain = keychain;
        o.passphrase = passphrase;
        return o;
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("EKYC_KEYRING_SESSION"))
            QSKIP("run through tests/keychain/run-in-keyring.sh, which starts a throw-away gnome-keyring session");
    }

    void cleanupTestCase()
    {
        KeychainSecretStore keychain;
        for (const QString& account : std::as_const(m_accounts))
            keychain.remove(account, nullptr);
    }

    void rawSecretRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QByteArray everyByte(256, Qt::Uninitialized);
        for (int i = 0; i < 256; ++i)
            everyByte[i] = static_cast<char>(i);
        QTest::newRow("every byte value") << everyByte;
        QTest::newRow("key entry shape") << QByteArray(1, '\x01') + Random::system().bytes(64);
        QTest::newRow("utf-8 text") << QStringLiteral("张三的密钥").toUtf8();
    }
    void rawSecretRoundTrip()
    {
        QFETCH(QByteArray, secret);
        KeychainSecretStore keychain;
        const QString account = freshAccount();
        QString error;

        QVERIFY(!keychain.read(account, &error).has_value());
        QCOMPARE(keychain.lastStatus(), SecretStore::Status::NotFound);

        QVERIFY2(keychain.write(account, secret, &error), qPrintable(error));
        QCOMPARE(keychain.lastStatus(), SecretStore::Status::Ok);
        // A second store object: nothing is cached in the first one.
        KeychainSecretStore other;
        const auto back = other.read(account, &error);
        QVERIFY2(back.has_value(), qPrintable(error));
        QCOMPARE(*back, secret);

        QVERIFY2(keychain.remove(account, &error), qPrintable(error));
        QVERIFY(!other.read(account, &error).has_value());
        QCOMPARE(other.lastStatus(), SecretStore::Status::NotFound);
        // Removing what is not there is not an error.
        QVERIFY2(keychain.remove(account, &error), qPrintable(error));
    }

    void createThenReopenFromKeychainWithoutPassphrase()
    {
        const QString historyId = freshAccount();
        KeyVault::Result created;
        {
            KeychainSecretStore keychain;
            created = KeyVault::create(historyId, options(&keychain));
        }
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(created.source, QStringLiteral("keychain"));
        QVERIFY(created.keys.isValid());

        KeychainSecretStore keychain;
        const KeyVault::Result opened = KeyVault::open(historyId, created.keyRecord, options(&keychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("keychain"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
        QCOMPARE(opened.keys.indexKey, created.keys.indexKey);

        // Without the keychain entry and without a passphrase there is no way in, and no new key either.
        QString error;
        QVERIFY2(keychain.remove(historyId, &error), qPrintable(error));
        const KeyVault::Result missing = KeyVault::open(historyId, created.keyRecord, options(&keychain));
        QCOMPARE(missing.error, KeyVault::Error::KeyMissing);
        QVERIFY(missing.keys.dataKey.isEmpty());
    }

    void keychainAndPassphraseTogether()
    {
        const QString historyId = freshAccount();
        const QString passphrase = QStringLiteral("keyring test passphrase");
        KeychainSecretStore keychain;
        const KeyVault::Result created = KeyVault::create(historyId, options(&keychain, passphrase));
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(created.source, QStringLiteral("keychain"));

        KeyVault::Result opened = KeyVault::open(historyId, created.keyRecord, options(&keychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("keychain"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);

        // The entry lost (another workstation, a wiped keyring): the passphrase still opens the same keys.
        QString error;
        QVERIFY2(keychain.remove(historyId, &error), qPrintable(error));
        opened = KeyVault::open(historyId, created.keyRecord, options(&keychain, passphrase));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("passphrase"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
        QCOMPARE(opened.keys.indexKey, created.keys.indexKey);
    }
};

QTEST_GUILESS_MAIN(TestKeychainVault)
#include "TestKeychainVault.moc"
