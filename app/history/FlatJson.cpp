#include "FlatJson.h"

namespace {

// A forward-only reader over the JSON text; every read either consumes what it names or fails.
class Cursor
{
public:
    explicit Cursor(QByteArrayView text)
        : m_at(text.data())
        , m_end(text.data() + text.size())
    {
    }

    bool atEnd() const { return m_at == m_end; }
    char peek() const { return m_at < m_end ? *m_at : '\0'; }

    void skipSpace()
    {
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\t' || *m_at == '\n' || *m_at == '\r'))
            ++m_at;
    }
    bool take(char c)
    {
        if (atEnd() || *m_at != c)
            return false;
        ++m_at;
        return true;
    }
    bool takeWord(QByteArrayView word)
    {
        if (m_end - m_at < word.size() || QByteArrayView(m_at, word.size()) != word)
            return false;
        m_at += word.size();
        return true;
    }
    // A string of printable ASCII without escapes; its bytes between the quotes.
    std::optional<QByteArrayView> string()
    {
        if (!take('"'))
            return std::nullopt;
        const char* start = m_at;
        while (m_at < m_end && *m_at != '"') {
            const auto c = static_cast<unsigned char>(*m_at);
            if (c < 0x20 || c > 0x7e || c == '\\')
                return std::nullopt;
            ++m_at;
        }
        if (atEnd())
            return std::nullopt;
        const QByteArrayView value(start, m_at - start);
        ++m_at; // the closing quote
        return value;
    }
    // -?(0|[1-9][0-9]*), at most 15 digits: an integer any reader holds exactly (its value is never asked for).
    std::optional<QByteArrayView> integer()
    {
        const char* start = m_at;
        take('-');
        const char* digits = m_at;
        while (m_at < m_end && *m_at >= '0' && *m_at <= '9')
            ++m_at;
        const qsizetype count = m_at - digits;
        if (count == 0 || count > 15 || (count > 1 && *digits == '0'))
            return std::nullopt;
        const char next = peek();
        if (!atEnd() && (next == '.' || next == 'e' || next == 'E'))
            return std::nullopt;
        return QByteArrayView(start, m_at - start);
    }

private:
    const char* m_at;
    const char* m_end;
};

} // namespace

FlatJsonObject::FlatJsonObject(QByteArrayView json)
{
    m_valid = parse(json);
    if (!m_valid)
        m_count = 0;
}

bool FlatJsonObject::parse(QByteArrayView json)
{
    Cursor in(json);
    in.skipSpace();
    if (!in.take('{'))
        return false;
    in.skipSpace();
    if (in.take('}')) {
        in.skipSpace();
        return in.atEnd();
    }
    for (;;) {
        const std::optional<QByteArrayView> key = in.string();
        if (!key || m_count == MaxMembers || find(*key))
            return false;
        in.skipSpace();
        if (!in.take(':'))
            return false;
        in.skipSpace();
        Member& member = m_members[m_count];
        member.key = *key;
        const char first = in.peek();
        std::optional<QByteArrayView> value;
        if (first == '"') {
            member.type = Type::String;
            value = in.string();
        } else if (first == 't' || first == 'f' || first == 'n') {
            const QByteArrayView word = first == 't' ? "true" : first == 'f' ? "false" : "null";
            member.type = first == 't' ? Type::True : first == 'f' ? Type::False : Type::Null;
            if (in.takeWord(word))
                value = word;
        } else {
            member.type = Type::Integer;
            value = in.integer();
        }
        if (!value)
            return false;
        member.value = *value;
        ++m_count;
        in.skipSpace();
        if (in.take('}'))
            break;
        if (!in.take(','))
            return false;
        in.skipSpace();
    }
    in.skipSpace();
    return in.atEnd();
}

const FlatJsonObject::Member* FlatJsonObject::find(QByteArrayView key) const
{
    for (int i = 0; i < m_count; ++i) {
        if (m_members[i].key == key)
            return &m_members[i];
    }
    return nullptr;
}

std::optional<QByteArrayView> FlatJsonObject::string(QByteArrayView key) const
{
    const Member* member = find(key);
    if (!member || member->type != Type::String)
        return std::nullopt;
    return member->value;
}

std::optional<bool> FlatJsonObject::boolean(QByteArrayView key) const
{
    const Member* member = find(key);
    if (!member || (member->type != Type::True && member->type != Type::False))
        return std::nullopt;
    return member->type == Type::True;
}
