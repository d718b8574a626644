#pragma once

#include "crypto/Random.h"

// Deterministic bytes from a xorshift64 generator: the same state gives the same bytes, run to run. For tests and
// synthetic histories (dev seed) only, never for the nonces or MerchantBizIds of real calls.
class XorShiftRandom : public Random
{
public:
    explicit XorShiftRandom(quint64 state) // not 0: a zero state stays zero
        : m_state(state)
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

private:
    quint64 m_state;
};
