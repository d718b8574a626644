#include "Crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>

namespace Crypto {

namespace {

// OpenSSL 3 looks an algorithm up in its provider tables at every use of EVP_sha256() or HMAC(): for the short
// inputs of a request signature or a chain hash that lookup costs more than the hashing. The algorithms are fetched
// once per process, and the SHA-256 and HMAC contexts once per thread (started or keyed again at each use).
struct MdFree
{
    void operator()(EVP_MD* md) const { EVP_MD_free(md); }
};
struct MacCtxFree
{
    void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};

const EVP_MD* sha256Algorithm()
{
    static const std::unique_ptr<EVP_MD, MdFree> md(EVP_MD_fetch(nullptr, "SHA2-256", nullptr));
    if (!md)
        throw std::runtime_error("SHA-256 is not available");
    return md.get();
}

struct MdCtxFree
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

EVP_MD_CTX* sha256Context()
{
    thread_local const std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx)
        throw std::runtime_error("SHA-256 is not available");
    return ctx.get();
}

EVP_MAC_CTX* newHmacSha256Context()
{
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
    EVP_MAC_free(mac); // the context holds its own reference
    char digest[] = "SHA2-256";
    const OSSL_PARAM params[] = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end() };
    if (ctx && EVP_MAC_CTX_set_params(ctx, params) != 1) {
        EVP_MAC_CTX_free(ctx);
        ctx = nullptr;
    }
    if (!ctx)
        throw std::runtime_error("HMAC-SHA256 is not available");
    return ctx;
}

EVP_MAC_CTX* hmacSha256Context()
{
    thread_local const std::unique_ptr<EVP_MAC_CTX, MacCtxFree> ctx(newHmacSha256Context());
    return ctx.get();
}

} // namespace

void sha256Into(const char* data, qsizetype size, unsigned char* out)
{
    // One context per thread, made once: the signer hashes twice per request, the chain once per event.
    EVP_MD_CTX* ctx = sha256Context();
    unsigned int length = 0;
    if (EVP_DigestInit_ex2(ctx, sha256Algorithm(), nullptr) != 1
        || EVP_DigestUpdate(ctx, data, static_cast<size_t>(size)) != 1 || EVP_DigestFinal_ex(ctx, out, &length) != 1
        || length != 32)
        throw std::runtime_error("SHA-256 failed");
}

QByteArray sha256(const QByteArray& data)
{
    QByteArray out(32, Qt::Uninitialized);
    sha256Into(data.constData(), data.size(), reinterpret_cast<unsigned char*>(out.data()));
    return out;
}

QByteArray sha256Hex(const QByteArray& data)
{
    return sha256(data).toHex();
}

QByteArray hmacSha256(const QByteArray& key, const QByteArray& data)
{
    EVP_MAC_CTX* ctx = hmacSha256Context();
    unsigned char out[EVP_MAX_MD_SIZE];
    size_t length = 0;
    static const unsigned char noKey = 0;
    const unsigned char* keyBytes = key.isEmpty() ? &noKey : reinterpret_cast<const unsigned char*>(key.constData());
    if (EVP_MAC_init(ctx, keyBytes, static_cast<size_t>(key.size()), nullptr) != 1
        || EVP_MAC_update(
               ctx, reinterpret_cast<const unsigned char*>(data.constData()), static_cast<size_t>(data.size()))
            != 1
        || EVP_MAC_final(ctx, out, &length, sizeof out) != 1)
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

QByteArray publicKeyOf(EVP_PKEY* key)
{
    QByteArray out(32, '\0');
    size_t length = 32;
    if (EVP_PKEY_get_raw_public_key(key, reinterpret_cast<unsigned char*>(out.data()), &length) != 1 || length != 32)
        throw std::runtime_error("Ed25519: no public key");
    return out;
}

QByteArray signWith(EVP_PKEY* key, const QByteArray& message)
{
    const MdCtx ctx(EVP_MD_CTX_new());
    QByteArray out(64, '\0');
    size_t length = 64;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key) != 1
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

} // namespace

QByteArray ed25519PublicKey(const QByteArray& seed)
{
    return publicKeyOf(ed25519PrivateKey(seed).get());
}

QByteArray ed25519Sign(const QByteArray& seed, const QByteArray& message)
{
    return signWith(ed25519PrivateKey(seed).get(), message);
}

struct Ed25519Key::Private
{
    Pkey key;
};

Ed25519Key::Ed25519Key(const QByteArray& seed)
    : d(new Private { ed25519PrivateKey(seed) })
{
}

Ed25519Key::~Ed25519Key()
{
    delete d;
}

QByteArray Ed25519Key::publicKey() const
{
    return publicKeyOf(d->key.get());
}

QByteArray Ed25519Key::sign(const QByteArray& message) const
{
    return signWith(d->key.get(), message);
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

QString defaultCaFile()
{
    const QString fromEnvironment = qEnvironmentVariable(X509_get_default_cert_file_env());
    return fromEnvironment.isEmpty() ? QString::fromLocal8Bit(X509_get_default_cert_file()) : fromEnvironment;
}

struct Sha256::Private
{
    EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256()
    : d(new Private)
{
    d->ctx = EVP_MD_CTX_new();
    if (!d->ctx || EVP_DigestInit_ex(d->ctx, sha256Algorithm(), nullptr) != 1)
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
    EVP_DigestInit_ex(d->ctx, sha256Algorithm(), nullptr);
    return QByteArray(reinterpret_cast<const char*>(out), static_cast<qsizetype>(length));
}

} // namespace Crypto
