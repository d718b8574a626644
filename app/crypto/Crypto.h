#pragma once

#include <QByteArray>
#include <QString>

// The OpenSSL primitives the core needs, behind one small interface. Nothing here logs its inputs.
namespace Crypto {

QByteArray sha256(const QByteArray& data);
QByteArray sha256Hex(const QByteArray& data);
QByteArray hmacSha256(const QByteArray& key, const QByteArray& data);
// HKDF-SHA256 (RFC 5869): length bytes (at most 255 * 32) derived from key with salt and info, to give each use of
// a key its own key.
QByteArray hkdfSha256(const QByteArray& key, const QByteArray& salt, const QByteArray& info, int length = 32);
// Compares two MACs or digests in constant time (for equal lengths).
bool constantTimeEquals(const QByteArray& a, const QByteArray& b);
// The OpenSSL library in use at run time, as it names itself ("OpenSSL 3.0.15 3 Sep 2024"), for the About box.
QString openSslVersion();

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
