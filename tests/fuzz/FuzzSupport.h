#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What the libFuzzer targets share: the input as bytes, split into text fields, and a check that stops the run with
// a message (libFuzzer keeps the input that made it stop).
namespace Fuzz {

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

// The input's lines (split at '\n', a trailing '\r' kept), each as UTF-8 text; missing fields are empty.
inline QByteArrayList lines(const QByteArray& input, qsizetype atLeast)
{
    QByteArrayList out = input.split('\n');
    while (out.size() < atLeast)
        out.append(QByteArray());
    return out;
}

inline void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz: property broken: %s\n", what);
        std::abort();
    }
}

} // namespace Fuzz
