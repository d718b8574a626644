#include "crypto/Crypto.h"

#include <QTest>

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
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "TestCrypto.moc"
