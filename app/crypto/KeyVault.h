#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class SecretStore;

// The two keys of one audit history: dataKey encrypts name and ID number (PiiCipher), indexKey makes the blind
// index (BlindIndex). 32 random bytes each, from OpenSSL RAND via Random::system().
struct HistoryKeys
{
    QByteArray dataKey;
    QByteArray indexKey;

    bool isValid() const { return dataKey.size() == 32 && indexKey.size() == 32; }
};

// Creates and unlocks the keys of an audit history. The keys live in the OS keychain (account = the history id,
// service "eKYC Desk") and/or are wrapped by a key derived from a passphrase (scrypt -> AES-256-GCM). The store
// keeps only the key record (JSON, no secret in clear) in its meta table.
//
// Key record, version 1:
//   {
//     "version": 1,
//     "historyId": "<the history id>",
//     "keyCheck": "<hex HMAC-SHA256(dataKey | indexKey, \"eKYC Desk key check v1\")>",
//     "keychain": { "service": "eKYC Desk", "account": "<history id>" },              (when the keychain holds them)
//     "passphrase": { "kdf": "scrypt", "N": 32768, "r": 8, "p": 1,                    (when a passphrase wraps them)
//                     "salt": "<base64, 16 bytes>",
//                     "wrapped": "<base64 PiiCipher blob of dataKey | indexKey, aad \"eKYC Desk key wrap v1|<id>\">" }
//   }
// The keychain entry is 0x01 | dataKey | indexKey (65 bytes). A wrong passphrase fails the GCM tag of "wrapped"; a
// keychain entry that does not belong to the record fails "keyCheck". Either way open() reports an error and never
// returns other keys than the ones create() made.
class KeyVault
{
    Q_DECLARE_TR_FUNCTIONS(KeyVault)
public:
    enum class Error
    {
        None,
        PassphraseRequired,
        WrongPassphrase,
        KeychainUnavailable,
        KeyMissing,
        CorruptRecord,
    };

    struct Options
    {
        SecretStore* keychain = nullptr; // nullptr: no keychain (CLI with --no-keychain, tests)
        QString passphrase; // from the GUI dialog, the terminal, or EKYC_DESK_PASSPHRASE
    };

    struct Result
    {
        Error error = Error::None;
        QString message; // empty on success; errorMessage(error), plus the keychain's detail when there is one
        HistoryKeys keys;
        QByteArray keyRecord; // create(): the record to save; open(): the record given
        QString source; // "keychain" | "passphrase"

        bool ok() const { return error == Error::None; }
    };

    // scrypt cost of new records. open() honours whatever the record states (within sane bounds).
    static constexpr quint64 DefaultScryptN = quint64(1) << 15;
    static constexpr quint32 DefaultScryptR = 8;
    static constexpr quint32 DefaultScryptP = 1;
    static constexpr int RecordVersion = 1;

    // Both functions report every expected failure in Result; they throw only on a programming error (an empty
    // history id: std::invalid_argument) or when OpenSSL itself fails (std::runtime_error). They block for one
    // scrypt derivation (about 30-100 ms) when a passphrase is used, and on the keychain (at most 10 s).
    //
    // A new history: makes fresh keys. Stores them in the keychain when it works; wraps them with the passphrase
    // whenever a passphrase is given; if neither works -> PassphraseRequired (no keychain given) or
    // KeychainUnavailable (the keychain failed). source "passphrase" while options.keychain was given means the
    // keychain refused the keys: the passphrase will be needed at every open.
    static Result create(const QString& historyId, const Options& options);
    // An existing history: keychain first (when the record says the keys are there), else the passphrase.
    // A missing passphrase -> PassphraseRequired; a wrong one -> WrongPassphrase (never garbage, never a new key).
    static Result open(const QString& historyId, const QByteArray& keyRecord, const Options& options);

    static QString passphraseFromEnvironment(); // EKYC_DESK_PASSPHRASE
    static QString errorMessage(Error error); // translated, says what to do
};
