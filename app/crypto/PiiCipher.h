#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// Encrypts personal data (name, ID number) for the audit history: AES-256-GCM through OpenSSL EVP with a fresh
// 96-bit random nonce (OpenSSL RAND via Random::system()) for every value.
//
// Blob layout (stable, stored in the database):
//   0x01 (format version) | nonce (12 bytes) | ciphertext (same length as the plaintext) | GCM tag (16 bytes)
// The associated data (aad) is authenticated but not stored: the caller binds a value to its context (for example
// the history id, the event id and the field name), so a blob copied to another row or field does not decrypt.
class PiiCipher
{
public:
    static constexpr int KeySize = 32;
    static constexpr int NonceSize = 12;
    static constexpr int TagSize = 16;
    static constexpr char FormatVersion = 0x01;
    // The size of the blob for an empty plaintext: version + nonce + tag.
    static constexpr int Overhead = 1 + NonceSize + TagSize;

    // dataKey must be exactly 32 bytes; anything else throws std::invalid_argument.
    explicit PiiCipher(const QByteArray& dataKey);
    ~PiiCipher();
    PiiCipher(const PiiCipher&) = default;
    PiiCipher& operator=(const PiiCipher&) = default;

    // Throws std::runtime_error only if OpenSSL itself fails.
    QByteArray encrypt(const QByteArray& plaintext, const QByteArray& aad) const;
    // std::nullopt on any tampering, a wrong key, a wrong aad, a truncated blob or an unknown format version.
    std::optional<QByteArray> decrypt(const QByteArray& blob, const QByteArray& aad) const;

private:
    QByteArray m_key;
};

// A keyed, deterministic index over ID numbers, so an exact ID number can be searched without decrypting anything.
namespace BlindIndex {

// Lowercase hex of HMAC-SHA256(indexKey, UTF-8 of normalizedIdNumber): 64 characters. The caller normalises the ID
// number first (trimmed, upper-case check character), so equal numbers give equal indexes. indexKey must not be
// empty (std::invalid_argument).
QByteArray compute(const QByteArray& indexKey, const QString& normalizedIdNumber);

} // namespace BlindIndex
