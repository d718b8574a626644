#include "Scrypt.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <cstring>
#include <limits>
#include <new>
#include <stdexcept>

#if defined(__x86_64__)
#include <immintrin.h>
#include <sys/mman.h>
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

// The kernels: SSE2 everywhere on x86-64; with AVX-512VL the rotations are one instruction (vprold) instead of
// three, which shortens the Salsa20 chain that each step waits on (about a fifth less time where measured).
#define EKYC_SCRYPT_TARGET
#define EKYC_SCRYPT_ROTL(x, bits) _mm_or_si128(_mm_slli_epi32((x), (bits)), _mm_srli_epi32((x), 32 - (bits)))
namespace sse2 {
#include "ScryptKernel.inc"
} // namespace sse2
#undef EKYC_SCRYPT_TARGET
#undef EKYC_SCRYPT_ROTL

#define EKYC_SCRYPT_TARGET __attribute__((target("avx512f,avx512vl")))
#define EKYC_SCRYPT_ROTL(x, bits) _mm_rol_epi32((x), (bits))
namespace avx512 {
#include "ScryptKernel.inc"
} // namespace avx512
#undef EKYC_SCRYPT_TARGET
#undef EKYC_SCRYPT_ROTL

// Memory for the rows, wiped before it is given back (it holds what the password became). Mapped with its pages
// populated at once: one call instead of a page fault per 4 KiB (8,192 for the key vault's 32 MiB, about 3 ms of a
// derivation). Plain pages: asking for huge ones (madvise) saved another 15 ms but now and then stalled a derivation
// for as long while the kernel compacted memory to find them. Under AddressSanitizer from the heap instead, so that
// the sanitizer sees every access of the kernels.
#if defined(__SANITIZE_ADDRESS__)
#define EKYC_SCRYPT_HEAP_ROWS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EKYC_SCRYPT_HEAP_ROWS 1
#endif
#endif

class Rows
{
public:
    explicit Rows(size_t count)
        : m_bytes(count * sizeof(__m128i))
    {
#ifdef EKYC_SCRYPT_HEAP_ROWS
        m_rows = static_cast<__m128i*>(::operator new (m_bytes, std::align_val_t { alignof(__m128i) }));
#else
#ifdef MAP_POPULATE
        constexpr int populate = MAP_POPULATE;
#else
        constexpr int populate = 0;
#endif
        void* mapped = mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | populate, -1, 0);
        if (mapped == MAP_FAILED)
            throw std::runtime_error("not enough memory for scrypt");
        m_rows = static_cast<__m128i*>(mapped);
#endif
    }
    ~Rows()
    {
        OPENSSL_cleanse(m_rows, m_bytes);
#ifdef EKYC_SCRYPT_HEAP_ROWS
        ::operator delete (m_rows, std::align_val_t { alignof(__m128i) });
#else
        munmap(m_rows, m_bytes);
#endif
    }
    Rows(const Rows&) = delete;
    Rows& operator=(const Rows&) = delete;
    __m128i* get() const
    {
        return m_rows;
    }

private:
    size_t m_bytes;
    __m128i* m_rows = nullptr;
};

bool hasAvx512()
{
    static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl");
    return has;
}

QByteArray deriveSimd(Scrypt::Kernel kernel,
    const QByteArray& password,
    const QByteArray& salt,
    quint64 n,
    quint32 r,
    quint32 p,
    int length)
{
    const size_t blockBytes = 128 * size_t { r };
    const size_t rows = blockBytes / sizeof(__m128i);
    const Rows blocks(rows * p); // B: p blocks of 128r bytes
    const Rows work(rows * (n + 2)); // V (n blocks), then X and Y
    auto* b = reinterpret_cast<unsigned char*>(blocks.get());
    pbkdf2(password, reinterpret_cast<const unsigned char*>(salt.constData()), size_t(salt.size()), b, blockBytes * p);
    const auto roMix = kernel == Scrypt::Kernel::Avx512 ? avx512::roMix : sse2::roMix;
    for (quint32 i = 0; i < p; ++i)
        roMix(b + i * blockBytes, r, n, work.get(), work.get() + n * rows, work.get() + (n + 1) * rows);
    QByteArray out(length, Qt::Uninitialized);
    try {
        pbkdf2(password, b, blockBytes * p, reinterpret_cast<unsigned char*>(out.data()), size_t(length));
    } catch (...) {
        OPENSSL_cleanse(out.data(), size_t(length));
        throw;
    }
    return out;
}

#endif

} // namespace

bool Scrypt::runs(Kernel kernel)
{
    if (kernel == Kernel::OpenSsl)
        return true;
#ifdef EKYC_SCRYPT_SSE2
    return kernel == Kernel::Sse2 || (kernel == Kernel::Avx512 && hasAvx512());
#else
    return false;
#endif
}

Scrypt::Kernel Scrypt::preferred()
{
    if (runs(Kernel::Avx512))
        return Kernel::Avx512;
    return runs(Kernel::Sse2) ? Kernel::Sse2 : Kernel::OpenSsl;
}

QByteArray Scrypt::derive(
    const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length)
{
    return deriveWith(preferred(), password, salt, n, r, p, length);
}

QByteArray Scrypt::deriveWith(
    Kernel kernel, const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length)
{
    validate(n, r, p, length);
    if (!runs(kernel))
        throw std::invalid_argument("this scrypt kernel does not run on this processor");
#ifdef EKYC_SCRYPT_SSE2
    if (kernel != Kernel::OpenSsl)
        return deriveSimd(kernel, password, salt, n, r, p, length);
#endif
    return deriveWithOpenSsl(password, salt, n, r, p, length);
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
