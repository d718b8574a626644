#pragma once

#include <QByteArrayView>
#include <QHash>

#include <memory>
#include <vector>

// Bytes kept where they are for the arena's lifetime, in large blocks: what a verification's quarter of a million
// expected cases point into, without a heap allocation (and its header, and its free) per string. Neither copied nor
// moved: the views it hands out point into its own blocks, and a moved-from arena would write into the new owner's.
class TextArena
{
public:
    TextArena() = default;
    TextArena(const TextArena&) = delete;
    TextArena& operator=(const TextArena&) = delete;

    // A copy of s that lives as long as the arena.
    QByteArrayView keep(QByteArrayView s);
    // The same, shared with every earlier equal string: for the few distinct actors, states and codes.
    QByteArrayView intern(QByteArrayView s);

private:
    static constexpr qsizetype BlockSize = qsizetype { 256 } * 1024;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_free = nullptr;
    qsizetype m_left = 0;
    QHash<QByteArrayView, QByteArrayView> m_interned;
};
