#pragma once

#include "util/Random.h"

// Deterministic bytes (a counter-seeded xorshift), so nonces, MerchantBizIds and jitter repeat run to run.
class FakeRandom : public Random
{
public:
    explicit FakeRandom(quint64 seed = 0x9E3779B97F4A7C15ull)
        : m_state(seed ? seed : 1)
    {
    }
    QByteArray bytes(int count) override
    {
        QByteArray out(count, Qt::Uninitialized);
        for (int i = 0; i < count; ++i) {
            m_state ^= m_state << 13;
            m_state ^= m_state >> 7;
            m_state ^= m_state << 17;
            out[i] = static_cast<char>(m_state & 0xFF);
        }
        return out;
    }
    // When set (>= 0), unit() returns this value instead of drawing bytes.
    double fixedUnit = -1;
    double unit() override { return fixedUnit >= 0 ? fixedUnit : Random::unit(); }

private:
    quint64 m_state;
};
