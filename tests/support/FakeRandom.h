#pragma once

#include "crypto/XorShiftRandom.h"

// Deterministic bytes (a counter-seeded xorshift), so nonces, MerchantBizIds and jitter repeat run to run.
class FakeRandom : public XorShiftRandom
{
public:
    explicit FakeRandom(quint64 seed = 0x9E3779B97F4A7C15ull)
        : XorShiftRandom(seed ? seed : 1)
    {
    }
    // When set (>= 0), unit() returns this value instead of drawing bytes.
    double fixedUnit = -1;
    double unit() override { return fixedUnit >= 0 ? fixedUnit : Random::unit(); }
};
