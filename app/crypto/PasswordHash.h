#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class Random;

// Account passwords, as the history stores them: scrypt (RFC 7914, OpenSSL) with a fresh 16-byte salt per hash, in a
// self-describing text ("scrypt$ln=15$r=8$p=1$<salt base64>$<hash base64>"), checked in constant time. The password
// itself is never kept.
class PasswordHash
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHash)
public:
    static constexpr int MinimumLength = 10;
    // scrypt cost of new hashes: N = 2^15, r = 8, p = 1 (32 MiB, tens of milliseconds).
    static constexpr int DefaultLogN = 15;

    // Empty when the password is acceptable, else why not (translated): at least MinimumLength characters, not
    // only spaces, not the user name.
    static QString weakness(const QString& password, const QString& userName);

    static QByteArray hash(const QString& password, Random& random, int logN = DefaultLogN);
    // False for a wrong password and for an encoded hash that does not parse or asks for an absurd cost.
    static bool verify(const QString& password, const QByteArray& encoded);
    // Spends about the time verify() spends, for a user name that has no account (no timing oracle).
    static void verifyNothing(const QString& password);
};
