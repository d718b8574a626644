#pragma once

#include <QByteArrayView>

#include <optional>

// The top-level members of a small, flat JSON object, read in place: what the chain verification needs of its events'
// payloads (compact objects of ASCII strings, integers and booleans, written by QJsonDocument) without building a
// QJsonDocument for each of a million events.
//
// It accepts only what it reads exactly as QJsonDocument does: one object, with optional JSON whitespace around its
// tokens, whose keys and string values are printable ASCII without escapes, whose values are such strings, integers
// of at most 15 digits, true, false or null, with no key twice and at most MaxMembers members. Anything else (nested
// values, escapes, other bytes, fractions and exponents, malformed JSON) leaves it invalid, and the caller reads the
// payload with QJsonDocument instead; so an answer from a valid FlatJsonObject is always QJsonDocument's. The views it
// hands out point into json: they are valid while its bytes are.
class FlatJsonObject
{
public:
    static constexpr int MaxMembers = 16;

    explicit FlatJsonObject(QByteArrayView json);

    bool isValid() const { return m_valid; }
    int size() const { return m_count; } // members; 0 when invalid
    bool contains(QByteArrayView key) const { return find(key) != nullptr; }
    // The value of key when it is a string (its bytes: no escapes to undo); nullopt when missing or not a string.
    std::optional<QByteArrayView> string(QByteArrayView key) const;
    // The value of key when it is true or false; nullopt when missing or anything else.
    std::optional<bool> boolean(QByteArrayView key) const;

private:
    enum class Type : char
    {
        String,
        Integer,
        True,
        False,
        Null,
    };
    struct Member
    {
        QByteArrayView key;
        QByteArrayView value;
        Type type = Type::Null;
    };
    bool parse(QByteArrayView json);
    const Member* find(QByteArrayView key) const;

    Member m_members[MaxMembers];
    int m_count = 0;
    bool m_valid = false;
};
