#include "crypto/Crypto.h"

#include <QTest>

#include <stdexcept>

// The primitives of crypto/Crypto.h against published vectors.
class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    // RFC 5869, appendix A, test cases 1 and 3 (SHA-256).
    void hkdfSha256_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<QByteArray>("info");
        QTest::addColumn<int>("length");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("rfc5869 case 1") << QByteArray(22, '\x0b') << QByteArray::fromHex("000102030405060708090a0b0c")
                                        << QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9") << 42
                                        << QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                                                      "34007208d5b887185865");
        QTest::newRow("rfc5869 case 3, no salt, no info")
            << QByteArray(22, '\x0b') << QByteArray() << QByteArray() << 42
            << QByteArray("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    void hkdfSha256()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, salt);
        QFETCH(QByteArray, info);
        QFETCH(int, length);
        QFETCH(QByteArray, expected);
        QCOMPARE(Crypto::hkdfSha256(key, salt, info, length).toHex(), expected);
    }

    // RFC 8032, section 7.1, tests 1 to 3 (Ed25519): the public key from the seed, the signature, and its check.
    void ed25519_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::addColumn<QByteArray>("publicKey");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("test 1, empty message")
            << QByteArray("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")
            << QByteArray("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a") << QByteArray()
            << QByteArray("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e3970"
                          "1cf9b46bd25bf5f0595bbe24655141438e7a100b");
        QTest::newRow("test 2, one byte")
            << QByteArray("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb")
            << QByteArray("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c") << QByteArray("72")
            << QByteArray("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613"
                          "d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    void ed25519()
    {
        QFETCH(QByteArray, seed);
        QFETCH(QByteArray, publicKey);
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, signature);
        const QByteArray rawSeed = QByteArray::fromHex(seed);
        const QByteArray rawMessage = QByteArray::fromHex(message);
        QCOMPARE(Crypto::ed25519PublicKey(rawSeed).toHex(), publicKey);
        QCOMPARE(Crypto::ed25519Sign(rawSeed, rawMessage).toHex(), signature);
        QVERIFY(Crypto::ed25519Verify(QByteArray::fromHex(publicKey), rawMessage, QByteArray::fromHex(signature)));
        // One bit changed in the message, the signature or the key, or a key of the wrong length: refused.
        QByteArray otherMessage = rawMessage;
        otherMessage.append('x');
        QVERIFY(!Crypto::ed25519Verify(QByteArray::fromHex(publicKey), otherMessage, QByteArray::fromHex(signature)));
        QByteArray badSignature = QByteArray::fromHex(signature);
        badSignature[10] = static_cast<char>(badSignature.at(10) ^ 1);
        QVERIFY(!Crypto::ed25519Verify(QByteArray::fromHex(publicKey), rawMessage, badSignature));
        QByteArray badKey = QByteArray::fromHex(publicKey);
        badKey[0] = static_cast<char>(badKey.at(0) ^ 1);
        QVERIFY(!Crypto::ed25519Verify(badKey, rawMessage, QByteArray::fromHex(signature)));
        QVERIFY(!Crypto::ed25519Verify(
            QByteArray::fromHex(publicKey).left(31), rawMessage, QByteArray::fromHex(signature)));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, Crypto::ed25519Sign(rawSeed.left(31), rawMessage));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "TestCrypto.moc"
