#include "Scrypt.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>

#if defined(__x86_64__)
#include <emmintrin.h>
#define EKYC_SCRYPT_SSE2 1
#endif

namespace {

// RFC 7914's limits (N < 2^(128 r / 8), p r < 2^30), N within 32 bits (Integerify reads the low word; the key vault
// asks for far less), and what this implementation can hold: B (128 r p bytes) is handed to PBKDF2 as an int, and V
// (128 r N bytes) must fit in memory's address range. OpenSSL refuses the same.
void validate(quint64 n, quint32 r, quint32 p, int length)
{
    if (length <= 0)
        throw std::invalid_argument("scrypt output length must be positive");
    if (n < 2 || (n & (n - 1)) != 0 || n > (quint64(1) << 32))
        throw std::invalid_argument("scrypt N must be a power of two from 2 to 2^32");
    if (r == 0 || p == 0 || quint64(r) * p >= (quint64(1) << 30))
        throw std::invalid_argument("scrypt r and p must be positive with r * p below 2^30");
    if (16 * quint64(r) < 64 && n >= (quint64(1) << (16 * r)))
        throw std::invalid_argument("scrypt N must be below 2^(16 r)");
    if (128 * quint64(r) * p > quint64(std::numeric_limits<int>::max()))
        throw std::invalid_argument("scrypt r * p is too large");
    if (n + 2 > std::numeric_limits<size_t>::max() / (128 * quint64(r)))
        throw std::invalid_argument("scrypt N * r is too large");
}

#ifdef EKYC_SCRYPT_SSE2

void pbkdf2(const QByteArray& password, const unsigned char* salt, size_t saltSize, unsigned char* out, size_t size)
{
    if (PKCS5_PBKDF2_HMAC(password.constData(),
            static_cast<int>(password.size()),
            salt,
            static_cast<int>(saltSize),
            1,
            EVP_sha256(),
            static_cast<int>(size),
            out)
        != 1)
        throw std::runtime_error("PBKDF2-HMAC-SHA256 failed");
}

// A 64-byte Salsa20 block is held as four rows of four words in diagonal order, so that both the column and the row
// rounds work on whole rows: row 0 = (x0, x5, x10, x15), row 1 = (x4, x9, x14, x3), row 2 = (x8, x13, x2, x7),
// row 3 = (x12, x1, x6, x11). XOR, copying and the block order of BlockMix do not care about the order of the words,
// and x0 (Integerify) keeps its place.
constexpr int diagonal[16] = { 0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11 };

void toDiagonal(const unsigned char* bytes, __m128i* rows)
{
    quint32 words[16];
    std::memcpy(words, bytes, sizeof words); // little-endian, as x86-64 is
    quint32 ordered[16];
    for (int k = 0; k < 16; ++k)
        ordered[k] = words[diagonal[k]];
    std::memcpy(rows, ordered, sizeof ordered);
    OPENSSL_cleanse(words, sizeof words);
    OPENSSL_cleanse(ordered, sizeof ordered);
}

void fromDiagonal(const __m128i* rows, unsigned char* bytes)
{
    quint32 ordered[16];
    std::memcpy(ordered, rows, sizeof ordered);
    quint32 words[16];
    for (int k = 0; k < 16; ++k)
        words[diagonal[k]] = ordered[k];
    std::memcpy(bytes, words, sizeof words);
    OPENSSL_cleanse(words, sizeof words);
    OPENSSL_cleanse(ordered, sizeof ordered);
}

template <int Bits> inline __m128i rotl(__m128i x)
{
    return _mm_or_si128(_mm_slli_epi32(x, Bits), _mm_srli_epi32(x, 32 - Bits));
}

// x = Salsa20/8(x xor in), in diagonal order.
inline void salsaXor(__m128i x[4], const __m128i* in)
{
    x[0] = _mm_xor_si128(x[0], in[0]);
    x[1] = _mm_xor_si128(x[1], in[1]);
    x[2] = _mm_xor_si128(x[2], in[2]);
    x[3] = _mm_xor_si128(x[3], in[3]);
    __m128i a = x[0];
    __m128i b = x[1];
    __m128i c = x[2];
    __m128i d = x[3];
    for (int round = 0; round < 8; round += 2) {
        // Column round: quarter-rounds on (x0, x4, x8, x12), (x5, x9, x13, x1), (x10, x14, x2, x6), (x15, x3, x7, x11).
        b = _mm_xor_si128(b, rotl<7>(_mm_add_epi32(a, d)));
        c = _mm_xor_si128(c, rotl<9>(_mm_add_epi32(b, a)));
        d = _mm_xor_si128(d, rotl<13>(_mm_add_epi32(c, b)));
        a = _mm_xor_si128(a, rotl<18>(_mm_add_epi32(d, c)));
        // Row round on the rows turned so that (x0, x1, x2, x3) and the others line up: b holds the fourth words, c
        // the third, d the second.
        b = _mm_shuffle_epi32(b, 0x93);
        c = _mm_shuffle_epi32(c, 0x4e);
        d = _mm_shuffle_epi32(d, 0x39);
        d = _mm_xor_si128(d, rotl<7>(_mm_add_epi32(a, b)));
        c = _mm_xor_si128(c, rotl<9>(_mm_add_epi32(d, a)));
        b = _mm_xor_si128(b, rotl<13>(_mm_add_epi32(c, d)));
        a = _mm_xor_si128(a, rotl<18>(_mm_add_epi32(b, c)));
        b = _mm_shuffle_epi32(b, 0x39);
        c = _mm_shuffle_epi32(c, 0x4e);
        d = _mm_shuffle_epi32(d, 0x93);
    }
    x[0] = _mm_add_epi32(x[0], a);
    x[1] = _mm_add_epi32(x[1], b);
    x[2] = _mm_add_epi32(x[2], c);
    x[3] = _mm_add_epi32(x[3], d);
}

// out = BlockMix(in xor mask) over 2r blocks of four rows (mask may be null); out's even blocks first, then the odd.
void blockMix(const __m128i* in, const __m128i* mask, __m128i* out, quint32 r)
{
    const size_t last = (2 * size_t { r } - 1) * 4;
    __m128i x[4];
    __m128i t[4];
    for (int k = 0; k < 4; ++k)
        x[k] = mask ? _mm_xor_si128(in[last + k], mask[last + k]) : in[last + k];
    for (size_t i = 0; i < 2 * size_t { r }; ++i) {
        const __m128i* block = in + i * 4;
        if (mask) {
            for (int k = 0; k < 4; ++k)
                t[k] = _mm_xor_si128(block[k], mask[i * 4 + k]);
            block = t;
        }
        salsaXor(x, block);
        __m128i* target = out + ((i % 2 == 0) ? i / 2 : r + i / 2) * 4;
        for (int k = 0; k < 4; ++k)
            target[k] = x[k];
    }
}

// RFC 7914's ROMix over one 128r-byte block b, in place, with v (128 r n bytes) as its memory: v[0] is the block,
// each v[i + 1] the BlockMix of v[i] (written in place, no copy), then n mixes of x with a v[j] that x chooses.
void roMix(unsigned char* b, quint32 r, quint64 n, __m128i* v, __m128i* x, __m128i* y)
{
    const size_t rows = 8 * size_t { r }; // 16-byte rows per 128r bytes
    for (size_t block = 0; block < 2 * size_t { r }; ++block)
        toDiagonal(b + block * 64, v + block * 4);
    for (quint64 i = 0; i + 1 < n; ++i)
        blockMix(v + i * rows, nullptr, v + (i + 1) * rows, r);
    blockMix(v + (n - 1) * rows, nullptr, x, r);
    const size_t lastBlock = (2 * size_t { r } - 1) * 4;
    for (quint64 i = 0; i < n; ++i) {
        const auto j = static_cast<quint64>(static_cast<quint32>(_mm_cvtsi128_si32(x[lastBlock]))) & (n - 1);
        blockMix(x, v + j * rows, y, r);
        std::swap(x, y);
    }
    for (size_t block = 0; block < 2 * size_t { r }; ++block)
        fromDiagonal(x + block * 4, b + block * 64);
}

// 16-byte aligned memory for the rows, wiped before it is given back (it holds what the password became). Plain
// pages: asking for huge ones (madvise) saved another 15 ms a derivation here but now and then stalled one for as long
// while the kernel compacted memory to find them.
class Rows
{
public:
    explicit Rows(size_t count)
        : m_bytes(count * sizeof(__m128i))
        , m_rows(static_cast<__m128i*>(::operator new (m_bytes, std::align_val_t { alignof(__m128i) })))
    {
    }
    ~Rows()
    {
        OPENSSL_cleanse(m_rows, m_bytes);
        ::operator delete (m_rows, std::align_val_t { alignof(__m128i) });
    }
    Rows(const Rows&) = delete;
    Rows& operator=(const Rows&) = delete;
    __m128i* get() const { return m_rows; }

private:
    size_t m_bytes;
    __m128i* m_rows;
};

#endif

} // namespace

QByteArray Scrypt::derive(
    const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length)
{
    validate(n, r, p, length);
#ifdef EKYC_SCRYPT_SSE2
    const size_t blockBytes = 128 * size_t { r };
    const size_t rows = blockBytes / sizeof(__m128i);
    std::unique_ptr<Rows> blocks; // B: p blocks of 128r bytes
    std::unique_ptr<Rows> work; // V (n blocks), then X and Y
    try {
        blocks = std::make_unique<Rows>(rows * p);
        work = std::make_unique<Rows>(rows * (n + 2));
    } catch (const std::bad_alloc&) {
        throw std::runtime_error("not enough memory for scrypt");
    }
    auto* b = reinterpret_cast<unsigned char*>(blocks->get());
    pbkdf2(password, reinterpret_cast<const unsigned char*>(salt.constData()), size_t(salt.size()), b, blockBytes * p);
    for (quint32 i = 0; i < p; ++i)
        roMix(b + i * blockBytes, r, n, work->get(), work->get() + n * rows, work->get() + (n + 1) * rows);
    QByteArray out(length, Qt::Uninitialized);
    try {
        pbkdf2(password, b, blockBytes * p, reinterpret_cast<unsigned char*>(out.data()), size_t(length));
    } catch (...) {
        OPENSSL_cleanse(out.data(), size_t(length));
        throw;
    }
    return out;
#else
    return deriveWithOpenSsl(password, salt, n, r, p, length);
#endif
}

QByteArray Scrypt::deriveWithOpenSsl(
    const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length)
{
    validate(n, r, p, length);
    // OpenSSL checks p*128*r + 32*r*(N+2)*4 bytes against maxmem; give it exactly what these parameters need.
    uint64_t maxMemory = quint64(p) * 128 * r + quint64(128) * r * (n + 2) + (quint64(1) << 20);
    uint64_t costN = n;
    uint32_t costR = r;
    uint32_t costP = p;
    EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    EVP_KDF_CTX* ctx = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    if (!ctx)
        throw std::runtime_error("scrypt is not available in OpenSSL");
    // OpenSSL only reads these buffers; OSSL_PARAM wants non-const pointers.
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_PASSWORD, const_cast<char*>(password.constData()), static_cast<size_t>(password.size())),
        OSSL_PARAM_construct_octet_string(
            OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.constData()), static_cast<size_t>(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &costN),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &costR),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &costP),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
        OSSL_PARAM_construct_end(),
    };
    QByteArray out(length, Qt::Uninitialized);
    const int ok =
        EVP_KDF_derive(ctx, reinterpret_cast<unsigned char*>(out.data()), static_cast<size_t>(length), params);
    EVP_KDF_CTX_free(ctx);
    if (ok != 1) {
        OPENSSL_cleanse(out.data(), static_cast<size_t>(out.size()));
        throw std::runtime_error("scrypt derivation failed");
    }
    return out;
}
