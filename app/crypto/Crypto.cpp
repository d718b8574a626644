#include "Crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>
#include <stdexcept>

namespace Crypto {

QByteArray sha256(const QByteArray& data)
{
    // One call, no context on the heap: the signer hashes twice per request.
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), out, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
}

QByteArray sha256Hex(const QByteArray& data)
{
    return sha256(data).toHex();
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(),
            key.constData(),
            static_cast<int>(key.size()),
            reinterpret_cast<const unsigned char*>(data.constData()),
            static_cast<size_t>(data.size()),
            out,
            &length))
        throw std::runtime_error("HMAC-SHA256 failed");
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
}

QByteArray hkdfSha256(const QByteArray& key, const QByteArray& salt, const QByteArray& info, int length)
{
    if (length < 0 || length > 255 * 32)
        throw std::invalid_argument("HKDF-SHA256: length out of range");
    const QByteArray prk = hmacSha256(salt.isEmpty() ? QByteArray(32, '\0') : salt, key); // extract
    QByteArray out;
    QByteArray block;
    for (int i = 1; out.size() < length; ++i) { // expand
        block = hmacSha256(prk, block + info + QByteArray(1, static_cast<char>(i)));
        out.append(block);
    }
    return out.left(length);
}

bool constantTimeEquals(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxDeleter
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

const unsigned char* bytes(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

Pkey ed25519PrivateKey(const QByteArray& seed)
{
    Pkey key(seed.size() == 32 ? EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(seed), 32) : nullptr);
    if (!key)
        throw std::runtime_error("Ed25519: not a private key");
    return key;
}

} // namespace

QByteArray ed25519PublicKey(const QByteArray& seed)
{
    const Pkey key = ed25519PrivateKey(seed);
    QByteArray out(32, '\0');
    size_t length = 32;
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(out.data()), &length) != 1
        || length != 32)
        throw std::runtime_error("Ed25519: no public key");
    return out;
}

QByteArray ed25519Sign(const QByteArray& seed, const QByteArray& message)
{
    const Pkey key = ed25519PrivateKey(seed);
    const MdCtx ctx(EVP_MD_CTX_new());
    QByteArray out(64, '\0');
    size_t length = 64;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1
        || EVP_DigestSign(ctx.get(),
               reinterpret_cast<unsigned char*>(out.data()),
               &length,
               bytes(message),
               static_cast<size_t>(message.size()))
            != 1
        || length != 64)
        throw std::runtime_error("Ed25519: signing failed");
    return out;
}

bool ed25519Verify(const QByteArray& publicKey, const QByteArray& message, const QByteArray& signature)
{
    if (publicKey.size() != 32 || signature.size() != 64)
        return false;
    const Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(publicKey), 32));
    const MdCtx ctx(EVP_MD_CTX_new());
    return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1
        && EVP_DigestVerify(ctx.get(), bytes(signature), 64, bytes(message), static_cast<size_t>(message.size())) == 1;
}

QString openSslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

struct Sha256::Private
{
    EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256()
    : d(new Private)
{
    d->ctx = EVP_MD_CTX_new();
    if (!d->ctx || EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 init failed");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(d->ctx);
    delete d;
}

void Sha256::add(const QByteArray& data)
{
    add(data.constData(), data.size());
}

void Sha256::add(const char* data, qsizetype size)
{
    if (size > 0 && EVP_DigestUpdate(d->ctx, data, static_cast<size_t>(size)) != 1)
        throw std::runtime_error("SHA-256 update failed");
}

QByteArray Sha256::result()
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(d->ctx, out, &length) != 1)
        throw std::runtime_error("SHA-256 final failed");
    EVP_DigestInit_ex(d->ctx, EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
}

} // namespace Crypto
