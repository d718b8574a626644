#include "Random.h"

#include <openssl/rand.h>

#include <cstring>
#include <stdexcept>

double Random::unit()
{
    const QByteArray raw = bytes(8);
    quint64 value = 0;
    std::memcpy(&value, raw.constData(), sizeof value);
    return static_cast<double>(value >> 11) / static_cast<double>(quint64(1) << 53);
}

QByteArray Random::hex32()
{
    return bytes(16).toHex();
}

Random& Random::system()
{
    static SystemRandom random;
    return random;
}

QByteArray SystemRandom::bytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), count) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return out;
}
