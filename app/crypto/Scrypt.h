#pragma once

#include <QByteArray>

// scrypt (RFC 7914): PBKDF2-HMAC-SHA256 through OpenSSL around the memory-hard ROMix, which is computed here with
// SIMD on x86-64 (four 32-bit lanes per Salsa20 row: SSE2, or AVX-512VL where the processor has it, whose one-
// instruction rotations shorten the chain each Salsa20 step waits on), where OpenSSL 3.0 uses portable C word by word.
// The same output for the same parameters (RFC 7914's vectors and OpenSSL's own result are the tests, for every
// kernel). Measured with tests/bench/bench_kdf: SSE2 in about 70 % of OpenSSL's time on an earlier machine; on an AMD
// EPYC with AVX-512, SSE2 took 1.3 times OpenSSL's time and AVX-512VL about the same as OpenSSL. Elsewhere OpenSSL
// computes all of it.
namespace Scrypt {

// Who computes ROMix.
enum class Kernel
{
    OpenSsl, // OpenSSL's scrypt, whole
    Sse2, // x86-64
    Avx512, // x86-64 with AVX-512F and AVX-512VL
};
bool runs(Kernel kernel); // built in and supported by this processor
// The one derive() uses: AVX-512VL, else SSE2, else OpenSSL, the first that runs here. A fixed order, not a
// measurement: where measured, the kernel chosen was faster than OpenSSL (SSE2, an earlier machine) or as fast
// (AVX-512VL on an AMD EPYC, where SSE2 alone was slower than OpenSSL); a processor without AVX-512 on which
// OpenSSL's portable C beats SSE2 would be better served by OpenSSL (tests/bench/bench_kdf shows each).
Kernel preferred();

// The derived key of length bytes, computed by preferred(); throws std::invalid_argument for parameters RFC 7914 does
// not allow (n not a power of two above 1 or not below 2^(16 r), r or p zero, p * r from 2^30) or this implementation
// cannot hold (n above 2^32, 128 r p above INT_MAX), and std::runtime_error when the memory cannot be had.
QByteArray derive(const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length);

// The same, computed by the given kernel; std::invalid_argument too when it does not run here (runs()).
QByteArray deriveWith(
    Kernel kernel, const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length);

// The same through OpenSSL's own scrypt, whole: the reference the tests and the benchmark compare with.
QByteArray deriveWithOpenSsl(
    const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length);

} // namespace Scrypt
