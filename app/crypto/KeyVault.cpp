#include "KeyVault.h"

#include "crypto/Crypto.h"
#include "crypto/PiiCipher.h"
#include "crypto/Random.h"
#include "crypto/Scrypt.h"
#include "crypto/SecretStore.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/crypto.h>

#include <cmath>
#include <stdexcept>

namespace {

constexpr int SaltSize = 16;
constexpr int KeySize = 32;
constexpr char KeychainEntryVersion = 0x01;
// Bounds for the scrypt parameters read from a record, so a damaged record cannot ask for absurd memory or time.
constexpr quint64 MaxScryptN = quint64(1) << 20;
constexpr quint32 MaxScryptR = 32;
constexpr quint32 MaxScryptP = 16;
constexpr quint64 MaxScryptMemory = quint64(1) << 30;

const QString SourceKeychain = QStringLiteral("keychain");
const QString SourcePassphrase = QStringLiteral("passphrase");

// Wipes a buffer this function owns (call on locals that hold key material).
void wipe(QByteArray& data)
{
    if (!data.isEmpty())
        OPENSSL_cleanse(data.data(), static_cast<size_t>(data.size()));
    data.clear();
}

QByteArray keyCheck(const QByteArray& material)
{
    return Crypto::hmacSha256(material, QByteArrayLiteral("eKYC Desk key check v1")).toHex();
}

QByteArray wrapAad(const QString& historyId)
{
    return QByteArrayLiteral("eKYC Desk key wrap v1|") + historyId.toUtf8();
}

QByteArray passphraseBytes(const QString& passphrase)
{
    // NFC, so the same passphrase typed on different systems gives the same bytes.
    return passphrase.normalized(QString::NormalizationForm_C).toUtf8();
}

KeyVault::Result failure(KeyVault::Error error, const QString& detail = QString())
{
    KeyVault::Result result;
    result.error = error;
    result.message = KeyVault::errorMessage(error);
    if (!detail.isEmpty())
        result.message += QLatin1Char(' ') + detail;
    return result;
}

struct ScryptParams
{
    quint64 n = KeyVault::DefaultScryptN;
    quint32 r = KeyVault::DefaultScryptR;
    quint32 p = KeyVault::DefaultScryptP;
};

QByteArray deriveWrappingKey(const QString& passphrase, const QByteArray& salt, const ScryptParams& params)
{
    QByteArray password = passphraseBytes(passphrase);
    QByteArray key;
    try {
        key = Scrypt::derive(password, salt, params.n, params.r, params.p, KeySize);
    } catch (...) {
        wipe(password);
        throw;
    }
    wipe(password);
    return key;
}

bool readUInt(const QJsonObject& object, const QString& name, quint64 max, quint64* out)
{
    const QJsonValue value = object.value(name);
    if (!value.isDouble())
        return false;
    const double number = value.toDouble();
    if (number < 1 || number > static_cast<double>(max) || std::floor(number) != number)
        return false;
    *out = static_cast<quint64>(number);
    return true;
}

bool readBase64(const QJsonObject& object, const QString& name, QByteArray* out)
{
    const QJsonValue value = object.value(name);
    if (!value.isString())
        return false;
    auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = *decoded;
    return true;
}

} // namespace

QString KeyVault::passphraseFromEnvironment()
{
    return qEnvironmentVariable("EKYC_DESK_PASSPHRASE");
}

QString KeyVault::errorMessage(Error error)
{
    switch (error) {
    case Error::None:
        return QString();
    case Error::PassphraseRequired:
        return tr("This audit history needs its passphrase. Enter it when asked, or give it in the "
                  "EKYC_DESK_PASSPHRASE environment variable for scripts and scheduled jobs.");
    case Error::WrongPassphrase:
        return tr("The passphrase does not unlock this audit history. Check it (including keyboard layout and "
                  "Caps Lock) and try again. Nothing was decrypted and no new key was made.");
    case Error::KeychainUnavailable:
        return tr("No keychain service is available to hold the key of this audit history. Unlock the system "
                  "keychain, or use a passphrase instead (EKYC_DESK_PASSPHRASE for scripts).");
    case Error::KeyMissing:
        return tr("The key of this audit history is not in the keychain of this user account, and the history has "
                  "no passphrase. Open it as the user and on the workstation that created it, or restore the "
                  "keychain entry.");
    case Error::CorruptRecord:
        return tr("The key record of this audit history is damaged or comes from a newer version of eKYC Desk, so "
                  "the history cannot be decrypted. Restore the history database from a backup.");
    }
    return QString();
}

KeyVault::Result KeyVault::create(const QString& historyId, const Options& options)
{
    if (historyId.isEmpty())
        throw std::invalid_argument("KeyVault::create needs a history id");

    HistoryKeys keys { Random::system().bytes(KeySize), Random::system().bytes(KeySize) };
    QByteArray material = keys.dataKey + keys.indexKey;

    QJsonObject record;
    record.insert(QStringLiteral("version"), RecordVersion);
    record.insert(QStringLiteral("historyId"), historyId);
    record.insert(QStringLiteral("keyCheck"), QString::fromLatin1(keyCheck(material)));

    bool inKeychain = false;
    QString keychainError;
    if (options.keychain) {
        QByteArray entry = KeychainEntryVersion + material;
        inKeychain = options.keychain->write(historyId, entry, &keychainError);
        wipe(entry);
        if (inKeychain) {
            record.insert(QStringLiteral("keychain"),
                QJsonObject { { QStringLiteral("service"), KeychainSecretStore::serviceName() },
                    { QStringLiteral("account"), historyId } });
        }
    }

    if (!options.passphrase.isEmpty()) {
        const ScryptParams cost;
        const QByteArray salt = Random::system().bytes(SaltSize);
        QByteArray wrappingKey = deriveWrappingKey(options.passphrase, salt, cost);
        const QByteArray wrapped = PiiCipher(wrappingKey).encrypt(material, wrapAad(historyId));
        wipe(wrappingKey);
        record.insert(QStringLiteral("passphrase"),
            QJsonObject { { QStringLiteral("kdf"), QStringLiteral("scrypt") },
                { QStringLiteral("N"), static_cast<double>(cost.n) },
                { QStringLiteral("r"), static_cast<double>(cost.r) },
                { QStringLiteral("p"), static_cast<double>(cost.p) },
                { QStringLiteral("salt"), QString::fromLatin1(salt.toBase64()) },
                { QStringLiteral("wrapped"), QString::fromLatin1(wrapped.toBase64()) } });
    } else if (!inKeychain) {
        wipe(material);
        return options.keychain ? failure(Error::KeychainUnavailable, keychainError)
                                : failure(Error::PassphraseRequired);
    }
    wipe(material);

    Result result;
    result.keys = keys;
    result.keyRecord = QJsonDocument(record).toJson(QJsonDocument::Compact);
    result.source = inKeychain ? SourceKeychain : SourcePassphrase;
    return result;
}

KeyVault::Result KeyVault::open(const QString& historyId, const QByteArray& keyRecord, const Options& options)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(keyRecord, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return failure(Error::CorruptRecord);
    const QJsonObject record = document.object();
    if (record.value(QStringLiteral("version")).toInt(-1) != RecordVersion
        || record.value(QStringLiteral("historyId")).toString() != historyId || historyId.isEmpty())
        return failure(Error::CorruptRecord);
    const QByteArray expectedCheck = record.value(QStringLiteral("keyCheck")).toString().toLatin1();
    if (expectedCheck.size() != 64)
        return failure(Error::CorruptRecord);

    const bool hasKeychain = record.value(QStringLiteral("keychain")).isObject();
    const bool hasPassphrase = record.value(QStringLiteral("passphrase")).isObject();
    if ((!hasKeychain && !hasPassphrase) || (record.contains(QStringLiteral("keychain")) && !hasKeychain)
        || (record.contains(QStringLiteral("passphrase")) && !hasPassphrase))
        return failure(Error::CorruptRecord);

    // Parse the passphrase part before anything else, so a damaged record is reported as such in every case.
    ScryptParams cost;
    QByteArray salt;
    QByteArray wrapped;
    if (hasPassphrase) {
        const QJsonObject wrap = record.value(QStringLiteral("passphrase")).toObject();
        quint64 n = 0;
        quint64 r = 0;
        quint64 p = 0;
        if (wrap.value(QStringLiteral("kdf")).toString() != QStringLiteral("scrypt")
            || !readUInt(wrap, QStringLiteral("N"), MaxScryptN, &n) || n < 2 || (n & (n - 1)) != 0
            || !readUInt(wrap, QStringLiteral("r"), MaxScryptR, &r)
            || !readUInt(wrap, QStringLiteral("p"), MaxScryptP, &p) || quint64(128) * r * n > MaxScryptMemory
            || !readBase64(wrap, QStringLiteral("salt"), &salt) || salt.size() < SaltSize
            || !readBase64(wrap, QStringLiteral("wrapped"), &wrapped)
            || wrapped.size() != PiiCipher::Overhead + 2 * KeySize)
            return failure(Error::CorruptRecord);
        cost = ScryptParams { n, static_cast<quint32>(r), static_cast<quint32>(p) };
    }

    const auto succeed = [&](QByteArray& material, const QString& source) {
        Result result;
        result.keys = HistoryKeys { material.left(KeySize), material.mid(KeySize) };
        result.keyRecord = keyRecord;
        result.source = source;
        wipe(material);
        return result;
    };

    Error keychainError = Error::None;
    QString keychainDetail;
    bool keychainMismatch = false;
    // The keychain is asked whenever one is given: a workstation that unlocked this history with the passphrase
    // once keeps the keys there (see below), even if the history was created elsewhere.
    if (hasKeychain || options.keychain) {
        if (!options.keychain) {
            keychainError = Error::KeychainUnavailable;
        } else if (auto entry = options.keychain->read(historyId, &keychainDetail)) {
            QByteArray material = entry->mid(1);
            const bool matches = entry->size() == 1 + 2 * KeySize && entry->at(0) == KeychainEntryVersion
                && Crypto::constantTimeEquals(keyCheck(material), expectedCheck);
            wipe(*entry);
            if (matches)
                return succeed(material, SourceKeychain);
            wipe(material);
            keychainMismatch = true;
            keychainError = Error::KeyMissing;
            keychainDetail = tr("The keychain entry \"%1\" holds a different key than this history.").arg(historyId);
        } else {
            keychainError = options.keychain->lastStatus() == SecretStore::Status::NotFound
                ? Error::KeyMissing
                : Error::KeychainUnavailable;
        }
    }

    if (!hasPassphrase)
        return failure(keychainError, keychainDetail);
    if (options.passphrase.isEmpty())
        return failure(Error::PassphraseRequired);

    QByteArray wrappingKey = deriveWrappingKey(options.passphrase, salt, cost);
    auto material = PiiCipher(wrappingKey).decrypt(wrapped, wrapAad(historyId));
    wipe(wrappingKey);
    if (!material)
        return failure(Error::WrongPassphrase);
    if (!Crypto::constantTimeEquals(keyCheck(*material), expectedCheck)) {
        // The passphrase authenticated the wrapped keys, so the record itself was altered.
        wipe(*material);
        return failure(Error::CorruptRecord);
    }
    // Cache the keys in this workstation's keychain so the passphrase is asked rarely (best effort), unless the
    // keychain holds another key under this id, which is never overwritten.
    if (options.keychain && !keychainMismatch) {
        QByteArray entry = KeychainEntryVersion + *material;
        QString ignored;
        options.keychain->write(historyId, entry, &ignored);
        wipe(entry);
    }
    return succeed(*material, SourcePassphrase);
}
