#pragma once

#include <QByteArray>
#include <QString>

// The OpenSSL primitives the core needs, behind one small interface. Nothing here logs its inputs.
namespace Crypto {

QByteArray sha256(const QByteArray& data);
QByteArray sha256Hex(const QByteArray& data);
// SHA-256 of size bytes at data, 32 raw bytes into out (no allocation).
void sha256Into(const char* data, qsizetype size, unsigned char* out);
QByteArray hmacSha256(const QByteArray& key, const QByteArray& data);
// HKDF-SHA256 (RFC 5869): length bytes (at most 255 * 32) derived from key with salt and info, to give each use of
// a key its own key.
QByteArray hkdfSha256(const QByteArray& key, const QByteArray& salt, const QByteArray& info, int length = 32);
// Compares two MACs or digests in constant time (for equal lengths).
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);
// Ed25519 (RFC 8032) through OpenSSL: the public key (32 bytes) of a private key given as its 32-byte seed, a
// signature (64 bytes) of message, and its check. Throws std::runtime_error if OpenSSL refuses a seed.
QByteArray ed25519PublicKey(const QByteArray& seed);
QByteArray ed25519Sign(const QByteArray& seed, const QByteArray& message);
// False for a malformed key or signature as for a wrong one.
bool ed25519Verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature);
// An Ed25519 private key made once from its seed, for signing many messages: making the key (which derives its
// public half) costs as much as a signature. Throws std::runtime_error if OpenSSL refuses the seed.
class Ed25519Key
{
public:
    explicit Ed25519Key(const QByteArray& seed);
    ~Ed25519Key();
    Ed25519Key(const Ed25519Key&) = delete;
    Ed25519Key& operator=(const Ed25519Key&) = delete;

    QByteArray publicKey() const; // 32 bytes
    QByteArray sign(const QByteArray& message) const; // 64 bytes

private:
    struct Private;
    Private* d;
};
// The OpenSSL library in use at run time, as it names itself ("OpenSSL 3.0.15 3 Sep 2024"), for the About box.
QString openSslVersion();
// OpenSSL's bundle of the system's trusted CAs, one file: $SSL_CERT_FILE when set, else OpenSSL's own default
// (Debian: /usr/lib/ssl/cert.pem, the ca-certificates bundle). It may not exist.
QString defaultCaFile();

// Incremental SHA-256, for hashing large inputs in pieces.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void add(const QByteArray& data);
    void add(const char* data, qsizetype size);
    QByteArray result();

private:
    struct Private;
    Private* d;
};

} // namespace Crypto
