#include "api/CredentialChain.h"
#include "api/KeychainCredentials.h"
#include "crypto/SecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The AccessKey entered in Settings through the real OS keychain: QtKeychain -> libsecret -> gnome-keyring, in a
// private session started by tests/keychain/run-in-keyring.sh (registered with ctest as TestKeychainCredentials).
// The chain runs with an empty environment and no home folder, so the keychain is the only source.
class TestKeychainCredentials : public QObject
{
    Q_OBJECT

private:
    static QString keyId() { return QStringLiteral("LTAIkeychainReal01"); }
    static QString secret() { return QStringLiteral("MARKER-SECRET-keychain-real-9d2e"); }
    static QString token() { return QStringLiteral("MARKER-TOKEN-keychain-real+/a=="); }

    static CredentialChain::Inputs keychainOnly(SecretStore* keychain)
    {
        CredentialChain::Inputs inputs;
        inputs.keychain = keychain;
        return inputs;
    }

    static void verifyNoSecret(const QString& text)
    {
        QVERIFY2(!text.contains(QStringLiteral("MARKER-")), qPrintable(text));
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
        (void)CredentialChain::removeFromKeychain(keychain);
    }

    // Runs first, before anything in this process has reached the session bus: D-Bus points at a socket that does not
    // exist and there is no X display to autolaunch one, so the real backend has nowhere to go.
    void noKeychainService()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray savedBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(dir.filePath(QStringLiteral("no-bus"))));
        qunsetenv("DISPLAY");

        KeychainSecretStore keychain;
        const Result<void> saved = CredentialChain::saveToKeychain(keychain, keyId(), secret(), token());
        const Result<ResolvedCredentials> resolved = CredentialChain::resolve(keychainOnly(&keychain));
        qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus);

        QCOMPARE(saved.error(), ErrorCode::KeychainUnavailable);
        QVERIFY2(
            saved.message().contains(QStringLiteral("No keychain service is available")), qPrintable(saved.message()));
        QVERIFY2(saved.message().contains(QStringLiteral("was not saved")), qPrintable(saved.message()));
        verifyNoSecret(saved.message());
        QCOMPARE(resolved.error(), ErrorCode::KeychainUnavailable);
        QVERIFY2(resolved.message().contains(QStringLiteral("No keychain service is available")),
            qPrintable(resolved.message()));
        verifyNoSecret(resolved.message());
    }

    void saveResolveRemove()
    {
        KeychainSecretStore keychain;
        const Result<void> saved = CredentialChain::saveToKeychain(keychain, keyId(), secret(), token());
        QVERIFY2(saved.ok(), qPrintable(saved.message()));

        // A second store object: nothing is cached in the first one.
        KeychainSecretStore other;
        const Result<ResolvedCredentials> resolved = CredentialChain::resolve(keychainOnly(&other));
        QVERIFY2(resolved.ok(), qPrintable(resolved.message()));
        QCOMPARE(resolved->credentials.accessKeyId(), keyId());
        QCOMPARE(resolved->credentials.secretForSigning(), secret().toUtf8());
        QCOMPARE(resolved->credentials.securityToken(), token());
        QCOMPARE(resolved->credentials.source(), KeychainCredentials::sourceName());
        QCOMPARE(resolved->tried.size(), 4);
        verifyNoSecret(resolved->credentials.describe());
        for (const ResolvedCredentials::Tried& tried : resolved->tried)
            verifyNoSecret(tried.source + tried.reason);

        const Result<void> removed = CredentialChain::removeFromKeychain(keychain);
        QVERIFY2(removed.ok(), qPrintable(removed.message()));
        QString error;
        QVERIFY(!other.read(KeychainCredentials::secretAccount(), &error).has_value());
        QCOMPARE(other.lastStatus(), SecretStore::Status::NotFound);
        const Result<ResolvedCredentials> gone = CredentialChain::resolve(keychainOnly(&other));
        QCOMPARE(gone.error(), ErrorCode::NotFound);
        QVERIFY2(gone.message().contains(QStringLiteral("no AccessKey saved in Settings")), qPrintable(gone.message()));
    }
};

QTEST_GUILESS_MAIN(TestKeychainCredentials)
#include "TestKeychainCredentials.moc"
