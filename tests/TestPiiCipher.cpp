#include "crypto/PiiCipher.h"

#include <QSet>
#include <QTest>

#include <stdexcept>

// Known answers come from independent implementations: the AES-256-GCM row is test case 16 of the GCM
// specification (McGrew & Viega), cross-checked with Python's `cryptography` package; the blind-index rows were
// computed with Python's hmac module.
class TestPiiCipher : public QObject
{
    Q_OBJECT

private:
    static QByteArray key(char seed)
    {
        QByteArray k(PiiCipher::KeySize, Qt::Uninitialized);
        for (int i = 0; i < k.size(); ++i)
            k[i] = static_cast<char>(seed + i);
        return k;
    }
    static QByteArray sequentialKey() { return key(0); }

    static void addPlaintextRows()
    {
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("empty") << QByteArray() << QByteArrayLiteral("history-1|event-7|name");
        QTest::newRow("empty, no aad") << QByteArray() << QByteArray();
        QTest::newRow("one byte") << QByteArrayLiteral("x") << QByteArrayLiteral("aad");
        QTest::newRow("chinese name") << QStringLiteral("张三").toUtf8() << QByteArrayLiteral("history-1|event-7|name");
        QTest::newRow("chinese name, no aad") << QStringLiteral("欧阳娜娜").toUtf8() << QByteArray();
        QTest::newRow("id number") << QByteArrayLiteral("11010519491231002X") << QByteArrayLiteral("id");
        QTest::newRow("binary with zeros") << QByteArray("\0\x01\xff\0\x80", 5) << QByteArray("\0", 1);
        QTest::newRow("16 bytes (one block)") << QByteArray(16, 'a') << QByteArrayLiteral("aad");
        QTest::newRow("4 KiB") << QByteArray(4096, '\x5a') << QByteArray(300, 'b');
    }

private slots:
    void roundTrip_data() { addPlaintextRows(); }
    void roundTrip()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const PiiCipher cipher(key(1));
        const QByteArray blob = cipher.encrypt(plaintext, aad);
        QCOMPARE(blob.size(), plaintext.size() + PiiCipher::Overhead);
        QCOMPARE(blob.at(0), PiiCipher::FormatVersion);
        if (plaintext.size() >= 4)
            QVERIFY(!blob.contains(plaintext));
        const auto back = cipher.decrypt(blob, aad);
        QVERIFY(back.has_value());
        QCOMPARE(*back, plaintext);
        // A second cipher object with the same key reads it too (nothing hides in the object).
        QCOMPARE(PiiCipher(key(1)).decrypt(blob, aad).value_or(QByteArrayLiteral("<none>")), plaintext);
    }

    void chineseTextSurvivesAsUtf8()
    {
        const QString name = QStringLiteral("司马相如");
        const PiiCipher cipher(key(2));
        const auto back = cipher.decrypt(cipher.encrypt(name.toUtf8(), "name"), "name");
        QVERIFY(back.has_value());
        QCOMPARE(QString::fromUtf8(*back), name);
    }

    void samePlaintextEncryptsDifferently_data() { addPlaintextRows(); }
    void samePlaintextEncryptsDifferently()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const PiiCipher cipher(key(3));
        const QByteArray first = cipher.encrypt(plaintext, aad);
        const QByteArray second = cipher.encrypt(plaintext, aad);
        QVERIFY(first != second);
        // Fresh nonce each time.
        QVERIFY(first.mid(1, PiiCipher::NonceSize) != second.mid(1, PiiCipher::NonceSize));
        QCOMPARE(cipher.decrypt(first, aad).value_or(QByteArrayLiteral("<none>")), plaintext);
        QCOMPARE(cipher.decrypt(second, aad).value_or(QByteArrayLiteral("<none>")), plaintext);
    }

    void noncesDoNotRepeat()
    {
        const PiiCipher cipher(key(4));
        QSet<QByteArray> nonces;
        for (int i = 0; i < 1000; ++i)
            nonces.insert(cipher.encrypt("same", "aad").mid(1, PiiCipher::NonceSize));
        QCOMPARE(nonces.size(), 1000);
    }

    void everySingleBitFlipIsRejected_data() { addPlaintextRows(); }
    void everySingleBitFlipIsRejected()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const PiiCipher cipher(key(5));
        const QByteArray blob = cipher.encrypt(plaintext, aad);
        for (int bit = 0; bit < blob.size() * 8; ++bit) {
            QByteArray tampered = blob;
            tampered[bit / 8] = static_cast<char>(tampered.at(bit / 8) ^ (1 << (bit % 8)));
            if (cipher.decrypt(tampered, aad).has_value())
                QFAIL(qPrintable(QStringLiteral("flipping bit %1 was not detected").arg(bit)));
        }
    }

    void wrongAadIsRejected_data()
    {
        QTest::addColumn<QByteArray>("aadUsed");
        QTest::addColumn<QByteArray>("aadGiven");
        QTest::newRow("other field") << QByteArrayLiteral("h1|e7|name") << QByteArrayLiteral("h1|e7|idNumber");
        QTest::newRow("other event") << QByteArrayLiteral("h1|e7|name") << QByteArrayLiteral("h1|e8|name");
        QTest::newRow("aad dropped") << QByteArrayLiteral("h1|e7|name") << QByteArray();
        QTest::newRow("aad added") << QByteArray() << QByteArrayLiteral("h1|e7|name");
        QTest::newRow("case differs") << QByteArrayLiteral("name") << QByteArrayLiteral("Name");
        QTest::newRow("trailing zero byte") << QByteArrayLiteral("name") << QByteArray("name\0", 5);
    }
    void wrongAadIsRejected()
    {
        QFETCH(QByteArray, aadUsed);
        QFETCH(QByteArray, aadGiven);
        const PiiCipher cipher(key(6));
        const QByteArray blob = cipher.encrypt(QStringLiteral("张三").toUtf8(), aadUsed);
        QVERIFY(cipher.decrypt(blob, aadUsed).has_value());
        QVERIFY(!cipher.decrypt(blob, aadGiven).has_value());
    }

    void wrongKeyIsRejected_data()
    {
        QTest::addColumn<QByteArray>("otherKey");
        QByteArray oneBit = key(7);
        oneBit[31] = static_cast<char>(oneBit.at(31) ^ 1);
        QTest::newRow("last bit differs") << oneBit;
        QTest::newRow("other key") << key(8);
        QTest::newRow("all zero") << QByteArray(32, '\0');
    }
    void wrongKeyIsRejected()
    {
        QFETCH(QByteArray, otherKey);
        const QByteArray blob = PiiCipher(key(7)).encrypt(QByteArrayLiteral("11010519491231002X"), "id");
        QVERIFY(!PiiCipher(otherKey).decrypt(blob, "id").has_value());
    }

    void truncatedOrExtendedBlobIsRejected_data() { addPlaintextRows(); }
    void truncatedOrExtendedBlobIsRejected()
    {
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, aad);
        const PiiCipher cipher(key(9));
        const QByteArray blob = cipher.encrypt(plaintext, aad);
        for (qsizetype length = 0; length < blob.size(); ++length) {
            if (cipher.decrypt(blob.left(length), aad).has_value())
                QFAIL(qPrintable(QStringLiteral("a blob cut to %1 bytes was accepted").arg(length)));
        }
        QVERIFY(!cipher.decrypt(blob + '\0', aad).has_value());
        QVERIFY(!cipher.decrypt(blob.mid(1), aad).has_value());
    }

    void knownAnswer()
    {
        // GCM specification, test case 16 (AES-256, 96-bit IV, with AAD), laid out as a PiiCipher blob.
        const QByteArray k = QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray blob = QByteArray::fromHex(
            "01"
            "cafebabefacedbaddecaf888"
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e63"
            "93ba7a0abcc9f662"
            "76fc6ece0f4e1768cddf8853bb2d551b");
        const QByteArray aad = QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        const QByteArray expected = QByteArray::fromHex(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5"
            "aa0de657ba637b39");
        QCOMPARE(PiiCipher(k).decrypt(blob, aad).value_or(QByteArrayLiteral("<none>")), expected);

        // Zero nonce, UTF-8 "张三", no aad (Python cryptography AESGCM).
        const QByteArray chinese =
            QByteArray::fromHex("01000000000000000000000000eb00153a0da5a1d56e25a5f21dc59199ff816d6cef04");
        QCOMPARE(PiiCipher(sequentialKey()).decrypt(chinese, QByteArray()).value_or(QByteArrayLiteral("<none>")),
            QStringLiteral("张三").toUtf8());
    }

    void unknownFormatVersionIsRejected()
    {
        const PiiCipher cipher(key(10));
        QByteArray blob = cipher.encrypt("value", "aad");
        blob[0] = 0x02;
        QVERIFY(!cipher.decrypt(blob, "aad").has_value());
    }

    void keyMustBe32Bytes_data()
    {
        QTest::addColumn<int>("size");
        QTest::newRow("empty") << 0;
        QTest::newRow("16 (AES-128)") << 16;
        QTest::newRow("31") << 31;
        QTest::newRow("33") << 33;
        QTest::newRow("64") << 64;
    }
    void keyMustBe32Bytes()
    {
        QFETCH(int, size);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)PiiCipher(QByteArray(size, 'k')));
    }

    void copiedCipherStillWorksAfterOriginalIsGone()
    {
        QByteArray blob;
        std::optional<PiiCipher> copy;
        {
            const PiiCipher original(key(11));
            blob = original.encrypt("value", "aad");
            copy.emplace(original);
        }
        QCOMPARE(copy->decrypt(blob, "aad").value_or(QByteArrayLiteral("<none>")), QByteArrayLiteral("value"));
    }

    void blindIndexKnownAnswer_data()
    {
        QTest::addColumn<QString>("idNumber");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("id number") << QStringLiteral("11010519491231002X")
                                   << QByteArrayLiteral(
                                          "a66755453b106dcea0cfa264214ae59ff1e8b067f3e5f3aa8085e1d8757880eb");
        QTest::newRow("chinese") << QStringLiteral(
            "张三") << QByteArrayLiteral("f816bf03f906c81a577a6e55c71fb0f25258befe2deafb9334b12c0a9a74d804");
    }
    void blindIndexKnownAnswer()
    {
        QFETCH(QString, idNumber);
        QFETCH(QByteArray, expected);
        QCOMPARE(BlindIndex::compute(sequentialKey(), idNumber), expected);
    }

    void blindIndexIsDeterministicAndKeyDependent_data()
    {
        QTest::addColumn<QString>("idNumber");
        QTest::newRow("18 digits, X") << QStringLiteral("11010519491231002X");
        QTest::newRow("18 digits") << QStringLiteral("440524188001010014");
        QTest::newRow("passport-like") << QStringLiteral("E12345678");
        QTest::newRow("empty") << QString();
    }
    void blindIndexIsDeterministicAndKeyDependent()
    {
        QFETCH(QString, idNumber);
        const QByteArray first = BlindIndex::compute(key(12), idNumber);
        QCOMPARE(first.size(), 64);
        QCOMPARE(first, first.toLower());
        QCOMPARE(BlindIndex::compute(key(12), idNumber), first);
        QCOMPARE(BlindIndex::compute(QByteArray(key(12)), QString(idNumber)), first);
        QVERIFY(BlindIndex::compute(key(13), idNumber) != first);
        QVERIFY(BlindIndex::compute(key(12), idNumber + QLatin1Char('0')) != first);
        if (!idNumber.isEmpty())
            QVERIFY(!first.contains(idNumber.toUtf8().toHex()));
    }

    void blindIndexNeedsKey()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)BlindIndex::compute(QByteArray(), QStringLiteral("1")));
    }
};

QTEST_GUILESS_MAIN(TestPiiCipher)
#include "TestPiiCipher.moc"
