#include "PiiCipher.h"

#include "crypto/Crypto.h"
#include "crypto/Random.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace {

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* bytes(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

const unsigned char* bytes(const char* data)
{
    return reinterpret_cast<const unsigned char*>(data);
}

unsigned char* bytes(char* data)
{
    return reinterpret_cast<unsigned char*>(data);
}

} // namespace

PiiCipher::PiiCipher(const QByteArray& dataKey)
    // A private copy, so the destructor wipes a buffer this object owns.
    : m_key(dataKey.constData(), dataKey.size())
{
    if (m_key.size() != KeySize) {
        OPENSSL_cleanse(m_key.data(), static_cast<size_t>(m_key.size()));
        throw std::invalid_argument("PiiCipher needs a 32-byte key");
    }
}

PiiCipher::~PiiCipher()
{
    // data() detaches when a copy of this cipher still shares the key; the last owner wipes the real buffer.
    if (!m_key.isEmpty())
        OPENSSL_cleanse(m_key.data(), static_cast<size_t>(m_key.size()));
}

QByteArray PiiCipher::encrypt(const QByteArray& plaintext, const QByteArray& aad) const
{
    const QByteArray nonce = Random::system().bytes(NonceSize);
    QByteArray blob(Overhead + plaintext.size(), Qt::Uninitialized);
    blob[0] = FormatVersion;
    std::copy(nonce.cbegin(), nonce.cend(), blob.begin() + 1);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    unsigned char* out = bytes(blob.data()) + 1 + NonceSize;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) != 1
        || EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) != 1
        || (!aad.isEmpty()
            && EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(aad), static_cast<int>(aad.size())) != 1)
        || (!plaintext.isEmpty()
            && EVP_EncryptUpdate(ctx.get(), out, &length, bytes(plaintext), static_cast<int>(plaintext.size())) != 1)
        || EVP_EncryptFinal_ex(ctx.get(), out + plaintext.size(), &length) != 1
        || EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, TagSize, out + plaintext.size()) != 1)
        throw std::runtime_error("AES-256-GCM encryption failed");
    return blob;
}

std::optional<QByteArray> PiiCipher::decrypt(const QByteArray& blob, const QByteArray& aad) const
{
    if (blob.size() < Overhead || blob.at(0) != FormatVersion)
        return std::nullopt;
    const qsizetype textSize = blob.size() - Overhead;
    const char* nonce = blob.constData() + 1;
    const char* ciphertext = nonce + NonceSize;
    QByteArray tag(ciphertext + textSize, TagSize);
    QByteArray plaintext(textSize, Qt::Uninitialized);

    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    const bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, NonceSize, nullptr) == 1
        && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(m_key), bytes(nonce)) == 1
        && (aad.isEmpty()
            || EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(aad), static_cast<int>(aad.size())) == 1)
        && (textSize == 0
            || EVP_DecryptUpdate(
                   ctx.get(), bytes(plaintext.data()), &length, bytes(ciphertext), static_cast<int>(textSize))
                == 1)
        && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, TagSize, tag.data()) == 1
        && EVP_DecryptFinal_ex(ctx.get(), bytes(plaintext.data()) + textSize, &length) == 1;
    if (!ok) {
        // Never hand out unauthenticated plaintext, not even in memory that lingers.
        if (!plaintext.isEmpty())
            OPENSSL_cleanse(plaintext.data(), static_cast<size_t>(plaintext.size()));
        return std::nullopt;
    }
    return plaintext;
}

namespace BlindIndex {

QByteArray compute(const QByteArray& indexKey, const QString& normalizedIdNumber)
{
    if (indexKey.isEmpty())
        throw std::invalid_argument("BlindIndex needs a key");
    return Crypto::hmacSha256(indexKey, normalizedIdNumber.toUtf8()).toHex();
}

} // namespace BlindIndex
