#pragma once

#include <QByteArray>

// Randomness as the core sees it: nonces, MerchantBizIds and back-off jitter. Tests inject a seeded fake.
class Random
{
public:
    virtual ~Random() = default;

    virtual QByteArray bytes(int count) = 0;
    // Uniform in [0, 1).
    virtual double unit();
    // 32 lowercase hex characters (128 random bits): the shape of a MerchantBizId or a signature nonce.
    QByteArray hex32();

    static Random& system();
};

// Cryptographically secure bytes from OpenSSL's RAND_bytes.
class SystemRandom : public Random
{
public:
    QByteArray bytes(int count) override;
};
