#include "crypto/KeyVault.h"
#include "crypto/PiiCipher.h"
#include "crypto/Scrypt.h"
#include "crypto/SecretStore.h"

#include "MemorySecretStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

// KeyVault with the passphrase path (no keychain), the keychain path through an in-memory stand-in, and the real
// QtKeychain store on a machine where no secret service can be reached. The real keychain itself is exercised by
// tests/keychain/TestKeychainVault.cpp inside a private gnome-keyring session.
class TestKeyVault : public QObject
{
    Q_OBJECT

private:
    using RecordEdit = std::function<void(QJsonObject&)>;

    static const QString& passphrase()
    {
        static const QString value = QStringLiteral("correct horse battery staple");
        return value;
    }

    static KeyVault::Options withPassphrase(const QString& pass, SecretStore* keychain = nullptr)
    {
        KeyVault::Options options;
        options.keychain = keychain;
        options.passphrase = pass;
        return options;
    }

    static QJsonObject parse(const QByteArray& record) { return QJsonDocument::fromJson(record).object(); }
    static QByteArray serialize(const QJsonObject& object)
    {
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    static void verifyUsableKeys(const HistoryKeys& keys)
    {
        QVERIFY(keys.isValid());
        QCOMPARE(keys.dataKey.size(), 32);
        QCOMPARE(keys.indexKey.size(), 32);
        QVERIFY(keys.dataKey != keys.indexKey);
        // They work as the store will use them.
        const PiiCipher cipher(keys.dataKey);
        QCOMPARE(cipher.decrypt(cipher.encrypt("张三", "aad"), "aad").value_or(QByteArray()),
            QStringLiteral("张三").toUtf8());
        QCOMPARE(BlindIndex::compute(keys.indexKey, QStringLiteral("11010519491231002X")).size(), 64);
    }

    static void verifyNoSecretIn(const QByteArray& record, const HistoryKeys& keys)
    {
        for (const QByteArray& key : { keys.dataKey, keys.indexKey, keys.dataKey + keys.indexKey }) {
            QVERIFY(!record.contains(key));
            QVERIFY(!record.contains(key.toHex()));
            QVERIFY(!record.contains(key.toBase64()));
            QVERIFY(!record.contains(key.left(8).toHex()));
        }
        QVERIFY(!record.contains(passphrase().toUtf8()));
    }

    static void verifyFailure(const KeyVault::Result& result, KeyVault::Error expected)
    {
        QCOMPARE(result.error, expected);
        QVERIFY(!result.ok());
        QVERIFY(result.message.startsWith(KeyVault::errorMessage(expected)));
        QVERIFY(!result.message.isEmpty());
        QVERIFY(result.keys.dataKey.isEmpty());
        QVERIFY(result.keys.indexKey.isEmpty());
        QVERIFY(result.source.isEmpty());
    }

private slots:
    // ---- passphrase path --------------------------------------------------------------------------------------

    void passphraseRoundTrip_data()
    {
        QTest::addColumn<QString>("pass");
        QTest::newRow("ascii") << passphrase();
        QTest::newRow("chinese") << QStringLiteral("审计历史的通行短语");
        QTest::newRow("one character") << QStringLiteral("x");
        QTest::newRow("spaces around") << QStringLiteral("  spaced out  ");
        QTest::newRow("long") << QString(500, QLatin1Char('p'));
    }
    void passphraseRoundTrip()
    {
        QFETCH(QString, pass);
        const KeyVault::Result created = KeyVault::create(QStringLiteral("history-A"), withPassphrase(pass));
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(created.source, QStringLiteral("passphrase"));
        QVERIFY(created.message.isEmpty());
        verifyUsableKeys(created.keys);
        verifyNoSecretIn(created.keyRecord, created.keys);

        const KeyVault::Result opened =
            KeyVault::open(QStringLiteral("history-A"), created.keyRecord, withPassphrase(pass));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("passphrase"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
        QCOMPARE(opened.keys.indexKey, created.keys.indexKey);
        QCOMPARE(opened.keyRecord, created.keyRecord);
    }

    void recordStatesItsParameters()
    {
        const KeyVault::Result created = KeyVault::create(QStringLiteral("history-B"), withPassphrase(passphrase()));
        QVERIFY(created.ok());
        const QJsonObject record = parse(created.keyRecord);
        QCOMPARE(record.value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(record.value(QStringLiteral("historyId")).toString(), QStringLiteral("history-B"));
        QCOMPARE(record.value(QStringLiteral("keyCheck")).toString().size(), 64);
        QVERIFY(!record.contains(QStringLiteral("keychain")));
        const QJsonObject wrap = record.value(QStringLiteral("passphrase")).toObject();
        QCOMPARE(wrap.value(QStringLiteral("kdf")).toString(), QStringLiteral("scrypt"));
        QCOMPARE(wrap.value(QStringLiteral("N")).toInteger(), qint64(32768));
        QCOMPARE(wrap.value(QStringLiteral("r")).toInteger(), qint64(8));
        QCOMPARE(wrap.value(QStringLiteral("p")).toInteger(), qint64(1));
        QCOMPARE(QByteArray::fromBase64(wrap.value(QStringLiteral("salt")).toString().toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(wrap.value(QStringLiteral("wrapped")).toString().toLatin1()).size(),
            PiiCipher::Overhead + 64);
    }

    void everyCreateMakesFreshKeysAndSalt()
    {
        const KeyVault::Result a = KeyVault::create(QStringLiteral("history-C"), withPassphrase(passphrase()));
        const KeyVault::Result b = KeyVault::create(QStringLiteral("history-C"), withPassphrase(passphrase()));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a.keys.dataKey != b.keys.dataKey);
        QVERIFY(a.keys.indexKey != b.keys.indexKey);
        const auto salt = [](const KeyVault::Result& r) {
            return parse(r.keyRecord).value(QStringLiteral("passphrase")).toObject().value(QStringLiteral("salt"));
        };
        QVERIFY(salt(a) != salt(b));
    }

    void raisedScryptCostInRecordIsHonoured()
    {
        // A record written later with a higher cost still opens: open() reads N, r and p from the record.
        const KeyVault::Result created = KeyVault::create(QStringLiteral("history-D"), withPassphrase(passphrase()));
        QJsonObject record = parse(created.keyRecord);
        QJsonObject wrap = record.value(QStringLiteral("passphrase")).toObject();
        wrap.insert(QStringLiteral("N"), 65536);
        record.insert(QStringLiteral("passphrase"), wrap);
        // Same keys wrapped with the new cost: derive exactly what a newer version would write.
        const QByteArray salt = QByteArray::fromBase64(wrap.value(QStringLiteral("salt")).toString().toLatin1());
        const QByteArray kek = Scrypt::derive(passphrase().toUtf8(), salt, 65536, 8, 1, 32);
        const QByteArray wrapped = PiiCipher(kek).encrypt(
            created.keys.dataKey + created.keys.indexKey, QByteArrayLiteral("eKYC Desk key wrap v1|history-D"));
        wrap.insert(QStringLiteral("wrapped"), QString::fromLatin1(wrapped.toBase64()));
        record.insert(QStringLiteral("passphrase"), wrap);
        const KeyVault::Result opened =
            KeyVault::open(QStringLiteral("history-D"), serialize(record), withPassphrase(passphrase()));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
    }

    void wrongPassphraseIsRejected_data()
    {
        QTest::addColumn<QString>("given");
        QTest::newRow("different") << QStringLiteral("wrong passphrase");
        QTest::newRow("case differs") << QStringLiteral("Correct horse battery staple");
        QTest::newRow("trailing space") << passphrase() + QLatin1Char(' ');
        QTest::newRow("prefix") << passphrase().left(10);
        QTest::newRow("chinese") << QStringLiteral("错误的通行短语");
    }
    void wrongPassphraseIsRejected()
    {
        QFETCH(QString, given);
        const KeyVault::Result created = KeyVault::create(QStringLiteral("history-E"), withPassphrase(passphrase()));
        QVERIFY(created.ok());
        const KeyVault::Result opened =
            KeyVault::open(QStringLiteral("history-E"), created.keyRecord, withPassphrase(given));
        verifyFailure(opened, KeyVault::Error::WrongPassphrase);
        QVERIFY(opened.message.contains(QStringLiteral("passphrase")));
        QVERIFY(opened.message.contains(QStringLiteral("no new key")));
    }

    void passphraseIsUnicodeNormalized()
    {
        // "é" typed precomposed on one system and decomposed on another is the same passphrase.
        const QString composed = QStringLiteral("caf\u00e9 密码");
        const QString decomposed = QStringLiteral("cafe\u0301 密码");
        QVERIFY(composed != decomposed);
        const KeyVault::Result created = KeyVault::create(QStringLiteral("history-F"), withPassphrase(composed));
        const KeyVault::Result opened =
            KeyVault::open(QStringLiteral("history-F"), created.keyRecord, withPassphrase(decomposed));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
    }

    void missingPassphrase()
    {
        const KeyVault::Result noWay = KeyVault::create(QStringLiteral("history-G"), withPassphrase(QString()));
        verifyFailure(noWay, KeyVault::Error::PassphraseRequired);
        QVERIFY(noWay.keyRecord.isEmpty());
        QVERIFY(noWay.message.contains(QStringLiteral("EKYC_DESK_PASSPHRASE")));

        const KeyVault::Result created = KeyVault::create(QStringLiteral("history-G"), withPassphrase(passphrase()));
        verifyFailure(KeyVault::open(QStringLiteral("history-G"), created.keyRecord, withPassphrase(QString())),
            KeyVault::Error::PassphraseRequired);
    }

    void tamperedWrappedKeyReadsAsWrongPassphrase()
    {
        // The GCM tag is the key check: a damaged wrapped key cannot be told from a wrong passphrase, and never
        // yields other keys.
        const KeyVault::Result created = KeyVault::create(QStringLiteral("history-H"), withPassphrase(passphrase()));
        QJsonObject record = parse(created.keyRecord);
        QJsonObject wrap = record.value(QStringLiteral("passphrase")).toObject();
        QByteArray wrapped = QByteArray::fromBase64(wrap.value(QStringLiteral("wrapped")).toString().toLatin1());
        wrapped[20] = static_cast<char>(wrapped.at(20) ^ 0x01);
        wrap.insert(QStringLiteral("wrapped"), QString::fromLatin1(wrapped.toBase64()));
        record.insert(QStringLiteral("passphrase"), wrap);
        verifyFailure(KeyVault::open(QStringLiteral("history-H"), serialize(record), withPassphrase(passphrase())),
            KeyVault::Error::WrongPassphrase);
    }

    void corruptRecord_data()
    {
        QTest::addColumn<RecordEdit>("edit");
        QTest::addColumn<QByteArray>("raw"); // when not empty, used instead of the edited record
        const RecordEdit none = [](QJsonObject&) {};
        const auto setWrap = [](const QString& field, const QJsonValue& value) -> RecordEdit {
            return [field, value](QJsonObject& record) {
                QJsonObject wrap = record.value(QStringLiteral("passphrase")).toObject();
                if (value.isUndefined())
                    wrap.remove(field);
                else
                    wrap.insert(field, value);
                record.insert(QStringLiteral("passphrase"), wrap);
            };
        };
        const auto set = [](const QString& field, const QJsonValue& value) -> RecordEdit {
            return [field, value](QJsonObject& record) {
                if (value.isUndefined())
                    record.remove(field);
                else
                    record.insert(field, value);
            };
        };
        QTest::newRow("empty") << none << QByteArray(" ");
        QTest::newRow("not json") << none << QByteArrayLiteral("{\"version\":1,");
        QTest::newRow("json array") << none << QByteArrayLiteral("[1,2,3]");
        QTest::newRow("version 2") << set(QStringLiteral("version"), 2) << QByteArray();
        QTest::newRow("version missing") << set(QStringLiteral("version"), QJsonValue::Undefined) << QByteArray();
        QTest::newRow("version as text") << set(QStringLiteral("version"), QStringLiteral("1")) << QByteArray();
        QTest::newRow("other history") << set(QStringLiteral("historyId"), QStringLiteral("history-X")) << QByteArray();
        QTest::newRow("key check missing") << set(QStringLiteral("keyCheck"), QJsonValue::Undefined) << QByteArray();
        QTest::newRow("key check altered")
            << set(QStringLiteral("keyCheck"), QString(64, QLatin1Char('0'))) << QByteArray();
        QTest::newRow("no key source") << set(QStringLiteral("passphrase"), QJsonValue::Undefined) << QByteArray();
        QTest::newRow("passphrase not an object")
            << set(QStringLiteral("passphrase"), QStringLiteral("x")) << QByteArray();
        QTest::newRow("keychain not an object") << set(QStringLiteral("keychain"), QJsonArray()) << QByteArray();
        QTest::newRow("kdf pbkdf2") << setWrap(QStringLiteral("kdf"), QStringLiteral("pbkdf2")) << QByteArray();
        QTest::newRow("N not a power of two") << setWrap(QStringLiteral("N"), 30000) << QByteArray();
        QTest::newRow("N absurd") << setWrap(QStringLiteral("N"), 1 << 30) << QByteArray();
        QTest::newRow("N fractional") << setWrap(QStringLiteral("N"), 32768.5) << QByteArray();
        QTest::newRow("r zero") << setWrap(QStringLiteral("r"), 0) << QByteArray();
        QTest::newRow("p huge") << setWrap(QStringLiteral("p"), 1000) << QByteArray();
        QTest::newRow("r missing") << setWrap(QStringLiteral("r"), QJsonValue::Undefined) << QByteArray();
        QTest::newRow("salt not base64") << setWrap(QStringLiteral("salt"), QStringLiteral("!!not base64!!"))
                                         << QByteArray();
        QTest::newRow("salt short") << setWrap(QStringLiteral("salt"), QStringLiteral("AAAA")) << QByteArray();
        QTest::newRow("wrapped truncated")
            << setWrap(QStringLiteral("wrapped"), QStringLiteral("AQID")) << QByteArray();
        QTest::newRow("wrapped missing") << setWrap(QStringLiteral("wrapped"), QJsonValue::Undefined) << QByteArray();
    }
    void corruptRecord()
    {
        QFETCH(RecordEdit, edit);
        QFETCH(QByteArray, raw);
        const KeyVault::Result created = KeyVault::create(QStringLiteral("history-I"), withPassphrase(passphrase()));
        QVERIFY(created.ok());
        QJsonObject record = parse(created.keyRecord);
        edit(record);
        const QByteArray damaged = raw.isEmpty() ? serialize(record) : raw;
        verifyFailure(KeyVault::open(QStringLiteral("history-I"), damaged, withPassphrase(passphrase())),
            KeyVault::Error::CorruptRecord);
    }

    void errorMessagesSayWhatToDo_data()
    {
        QTest::addColumn<KeyVault::Error>("error");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("required") << KeyVault::Error::PassphraseRequired << QStringLiteral("EKYC_DESK_PASSPHRASE");
        QTest::newRow("wrong") << KeyVault::Error::WrongPassphrase << QStringLiteral("try again");
        QTest::newRow("keychain") << KeyVault::Error::KeychainUnavailable << QStringLiteral("passphrase");
        QTest::newRow("missing") << KeyVault::Error::KeyMissing << QStringLiteral("keychain");
        QTest::newRow("corrupt") << KeyVault::Error::CorruptRecord << QStringLiteral("backup");
    }
    void errorMessagesSayWhatToDo()
    {
        QFETCH(KeyVault::Error, error);
        QFETCH(QString, mentions);
        QVERIFY(KeyVault::errorMessage(error).contains(mentions));
        QVERIFY(KeyVault::errorMessage(KeyVault::Error::None).isEmpty());
    }

    void passphraseFromEnvironment()
    {
        const QByteArray saved = qgetenv("EKYC_DESK_PASSPHRASE");
        qputenv("EKYC_DESK_PASSPHRASE", QStringLiteral("环境 passphrase").toUtf8());
        QCOMPARE(KeyVault::passphraseFromEnvironment(), QStringLiteral("环境 passphrase"));
        qunsetenv("EKYC_DESK_PASSPHRASE");
        QVERIFY(KeyVault::passphraseFromEnvironment().isEmpty());
        if (!saved.isNull())
            qputenv("EKYC_DESK_PASSPHRASE", saved);
    }

    // ---- keychain path (in-memory stand-in for the OS keychain) -----------------------------------------------

    void keychainOnly()
    {
        MemorySecretStore keychain;
        const KeyVault::Result created =
            KeyVault::create(QStringLiteral("history-K"), withPassphrase(QString(), &keychain));
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(created.source, QStringLiteral("keychain"));
        verifyUsableKeys(created.keys);
        verifyNoSecretIn(created.keyRecord, created.keys);
        QCOMPARE(keychain.entries.size(), 1);
        QCOMPARE(keychain.entries.value(QStringLiteral("history-K")),
            QByteArray(1, '\x01') + created.keys.dataKey + created.keys.indexKey);
        const QJsonObject record = parse(created.keyRecord);
        QVERIFY(!record.contains(QStringLiteral("passphrase")));
        QCOMPARE(record.value(QStringLiteral("keychain")).toObject().value(QStringLiteral("account")).toString(),
            QStringLiteral("history-K"));
        QCOMPARE(record.value(QStringLiteral("keychain")).toObject().value(QStringLiteral("service")).toString(),
            QStringLiteral("eKYC Desk"));

        const KeyVault::Result opened =
            KeyVault::open(QStringLiteral("history-K"), created.keyRecord, withPassphrase(QString(), &keychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("keychain"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
        QCOMPARE(opened.keys.indexKey, created.keys.indexKey);
        QCOMPARE(keychain.reads, 1);

        // The entry gone and no passphrase: an error, never a new key.
        keychain.entries.clear();
        verifyFailure(
            KeyVault::open(QStringLiteral("history-K"), created.keyRecord, withPassphrase(passphrase(), &keychain)),
            KeyVault::Error::KeyMissing);
        // The record says the keychain holds the keys, and this run uses none.
        verifyFailure(KeyVault::open(QStringLiteral("history-K"), created.keyRecord, withPassphrase(passphrase())),
            KeyVault::Error::KeychainUnavailable);
        keychain.available = false;
        verifyFailure(
            KeyVault::open(QStringLiteral("history-K"), created.keyRecord, withPassphrase(QString(), &keychain)),
            KeyVault::Error::KeychainUnavailable);
    }

    void keychainAndPassphrase()
    {
        MemorySecretStore keychain;
        const KeyVault::Result created =
            KeyVault::create(QStringLiteral("history-L"), withPassphrase(passphrase(), &keychain));
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(created.source, QStringLiteral("keychain"));
        const QJsonObject record = parse(created.keyRecord);
        QVERIFY(record.contains(QStringLiteral("keychain")));
        QVERIFY(record.contains(QStringLiteral("passphrase")));

        // Keychain first, without asking for the passphrase.
        KeyVault::Result opened =
            KeyVault::open(QStringLiteral("history-L"), created.keyRecord, withPassphrase(QString(), &keychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("keychain"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);

        // On another workstation (no keychain, or not this entry) the passphrase opens the same keys.
        opened = KeyVault::open(QStringLiteral("history-L"), created.keyRecord, withPassphrase(passphrase()));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("passphrase"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
        QCOMPARE(opened.keys.indexKey, created.keys.indexKey);

        // Another workstation's keychain: without the passphrase nothing opens, a wrong one is refused, and the
        // first unlock with the right one caches the keys there, so the next start needs no passphrase.
        MemorySecretStore otherKeychain;
        verifyFailure(
            KeyVault::open(QStringLiteral("history-L"), created.keyRecord, withPassphrase(QString(), &otherKeychain)),
            KeyVault::Error::PassphraseRequired);
        verifyFailure(
            KeyVault::open(
                QStringLiteral("history-L"), created.keyRecord, withPassphrase(QStringLiteral("nope"), &otherKeychain)),
            KeyVault::Error::WrongPassphrase);
        opened = KeyVault::open(
            QStringLiteral("history-L"), created.keyRecord, withPassphrase(passphrase(), &otherKeychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("passphrase"));
        opened =
            KeyVault::open(QStringLiteral("history-L"), created.keyRecord, withPassphrase(QString(), &otherKeychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("keychain"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
    }

    void keychainEntryOfAnotherHistoryIsNotUsed()
    {
        // The keychain holds keys under this account, but not the ones the record was made with.
        MemorySecretStore keychain;
        const KeyVault::Result created =
            KeyVault::create(QStringLiteral("history-M"), withPassphrase(passphrase(), &keychain));
        const KeyVault::Result replaced =
            KeyVault::create(QStringLiteral("history-M"), withPassphrase(QString(), &keychain));
        QVERIFY(created.ok() && replaced.ok());

        verifyFailure(
            KeyVault::open(QStringLiteral("history-M"), created.keyRecord, withPassphrase(QString(), &keychain)),
            KeyVault::Error::PassphraseRequired);
        const KeyVault::Result opened =
            KeyVault::open(QStringLiteral("history-M"), created.keyRecord, withPassphrase(passphrase(), &keychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("passphrase"));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);

        // A damaged entry is not used either.
        keychain.entries.insert(QStringLiteral("history-M"), QByteArray(65, '\x01'));
        verifyFailure(
            KeyVault::open(QStringLiteral("history-M"), replaced.keyRecord, withPassphrase(QString(), &keychain)),
            KeyVault::Error::KeyMissing);
    }

    void keychainFailsAtCreate()
    {
        MemorySecretStore keychain;
        keychain.available = false;
        verifyFailure(KeyVault::create(QStringLiteral("history-N"), withPassphrase(QString(), &keychain)),
            KeyVault::Error::KeychainUnavailable);
        const KeyVault::Result created =
            KeyVault::create(QStringLiteral("history-N"), withPassphrase(passphrase(), &keychain));
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(created.source, QStringLiteral("passphrase"));
        QVERIFY(!parse(created.keyRecord).contains(QStringLiteral("keychain")));
        // Later the keychain works again: the passphrase opens the history once and the keys are cached there.
        keychain.available = true;
        KeyVault::Result opened =
            KeyVault::open(QStringLiteral("history-N"), created.keyRecord, withPassphrase(passphrase(), &keychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("passphrase"));
        opened = KeyVault::open(QStringLiteral("history-N"), created.keyRecord, withPassphrase(QString(), &keychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.source, QStringLiteral("keychain"));
    }

    // ---- the real QtKeychain store where no secret service runs -------------------------------------------------

    void realKeychainWithoutSecretService()
    {
        // Point D-Bus at a socket that does not exist and leave no X display to autolaunch one, so the real
        // QtKeychain backend has nowhere to go, whatever session this test is started from.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray savedBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
        const QByteArray savedDisplay = qgetenv("DISPLAY");
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(dir.filePath(QStringLiteral("no-bus"))));
        qunsetenv("DISPLAY");

        KeychainSecretStore keychain;
        QString error;
        QVERIFY(!keychain.write(QStringLiteral("ekyc-desk-test-history-R"), "s3cr3t-value-xyz", &error));
        QCOMPARE(keychain.lastStatus(), SecretStore::Status::Unavailable);
        QVERIFY(error.startsWith(KeychainSecretStore::unavailableMessage()));
        QVERIFY(!error.contains(QStringLiteral("s3cr3t")));
        error.clear();
        QVERIFY(!keychain.read(QStringLiteral("ekyc-desk-test-history-R"), &error).has_value());
        QCOMPARE(keychain.lastStatus(), SecretStore::Status::Unavailable);
        QVERIFY(!error.isEmpty());

        // No passphrase: a clear error.
        const KeyVault::Result refused =
            KeyVault::create(QStringLiteral("ekyc-desk-test-history-R"), withPassphrase(QString(), &keychain));
        verifyFailure(refused, KeyVault::Error::KeychainUnavailable);
        QVERIFY(refused.keyRecord.isEmpty());

        // With a passphrase: falls back to it, and the history opens again with it.
        const KeyVault::Result created =
            KeyVault::create(QStringLiteral("ekyc-desk-test-history-R"), withPassphrase(passphrase(), &keychain));
        QVERIFY2(created.ok(), qPrintable(created.message));
        QCOMPARE(created.source, QStringLiteral("passphrase"));
        QVERIFY(!parse(created.keyRecord).contains(QStringLiteral("keychain")));
        const KeyVault::Result opened = KeyVault::open(
            QStringLiteral("ekyc-desk-test-history-R"), created.keyRecord, withPassphrase(passphrase(), &keychain));
        QVERIFY2(opened.ok(), qPrintable(opened.message));
        QCOMPARE(opened.keys.dataKey, created.keys.dataKey);
        QCOMPARE(opened.keys.indexKey, created.keys.indexKey);

        // A record that says "keychain" cannot be opened here without the passphrase.
        QJsonObject keychainRecord = parse(created.keyRecord);
        keychainRecord.insert(QStringLiteral("keychain"),
            QJsonObject { { QStringLiteral("service"), QStringLiteral("eKYC Desk") },
                { QStringLiteral("account"), QStringLiteral("ekyc-desk-test-history-R") } });
        verifyFailure(KeyVault::open(QStringLiteral("ekyc-desk-test-history-R"),
                          serialize(keychainRecord),
                          withPassphrase(QString(), &keychain)),
            KeyVault::Error::PassphraseRequired);
        const KeyVault::Result fallback = KeyVault::open(QStringLiteral("ekyc-desk-test-history-R"),
            serialize(keychainRecord),
            withPassphrase(passphrase(), &keychain));
        QVERIFY2(fallback.ok(), qPrintable(fallback.message));
        QCOMPARE(fallback.source, QStringLiteral("passphrase"));

        if (savedBus.isNull())
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        else
            qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus);
        if (!savedDisplay.isNull())
            qputenv("DISPLAY", savedDisplay);
    }
};

QTEST_GUILESS_MAIN(TestKeyVault)
#include "TestKeyVault.moc"
