#pragma once

#include <QByteArray>

// scrypt (RFC 7914): PBKDF2-HMAC-SHA256 through OpenSSL around the memory-hard ROMix, which is computed here with
// SSE2 (four 32-bit lanes per Salsa20 row) on x86-64, where OpenSSL 3.0 uses portable C word by word: the same output
// for the same parameters (RFC 7914's vectors and OpenSSL's own result are the tests) in about 70 % of the time
// (tests/bench/bench_kdf), so unlocking a history costs less without lowering its cost parameters. Elsewhere OpenSSL
// computes all of it.
namespace Scrypt {

// The derived key of length bytes; throws std::invalid_argument for parameters RFC 7914 does not allow (n not a
// power of two above 1 or not below 2^(16 r), r or p zero, p * r from 2^30) or this implementation cannot hold (n
// above 2^32, 128 r p above INT_MAX), and std::runtime_error when the memory cannot be had.
QByteArray derive(const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length);

// The same through OpenSSL's own scrypt, whole: the reference the tests and the benchmark compare with.
QByteArray deriveWithOpenSsl(
    const QByteArray& password, const QByteArray& salt, quint64 n, quint32 r, quint32 p, int length);

} // namespace Scrypt
