#include "TextArena.h"

#include <cstring>

QByteArrayView TextArena::keep(QByteArrayView s)
{
    if (s.isEmpty())
        return QByteArrayView("", 0);
    if (s.size() > BlockSize / 4) { // a long one gets a block of its own; the current block stays open
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(static_cast<size_t>(s.size())));
        std::memcpy(m_blocks.back().get(), s.data(), static_cast<size_t>(s.size()));
        return QByteArrayView(m_blocks.back().get(), s.size());
    }
    if (s.size() > m_left) {
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(static_cast<size_t>(BlockSize)));
        m_free = m_blocks.back().get();
        m_left = BlockSize;
    }
    char* kept = m_free;
    std::memcpy(kept, s.data(), static_cast<size_t>(s.size()));
    m_free += s.size();
    m_left -= s.size();
    return QByteArrayView(kept, s.size());
}

QByteArrayView TextArena::intern(QByteArrayView s)
{
    const auto it = m_interned.constFind(s);
    if (it != m_interned.constEnd())
        return *it;
    const QByteArrayView kept = keep(s);
    m_interned.insert(kept, kept);
    return kept;
}
