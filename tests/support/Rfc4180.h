#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// An independent reader of what exports write, for the tests: a small RFC 4180 state machine (not the product's
// Csv::parse) and a JSON Lines splitter. std::nullopt for input that breaks the grammar.
namespace Rfc4180 {

inline std::optional<QList<QStringList>> parse(const QByteArray& bytes)
{
    QByteArray data = bytes;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    const QString text = QString::fromUtf8(data);
    enum
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted
    } state = FieldStart;
    QList<QStringList> records;
    QStringList record;
    QString field;
    auto endField = [&] {
        record << field;
        field.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const bool crlf = c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n';
        if (state == Quoted) {
            if (c == u'"')
                state = QuoteInQuoted;
            else
                field += c;
            continue;
        }
        if (state == QuoteInQuoted && c == u'"') {
            field += c;
            state = Quoted;
            continue;
        }
        if (c == u',') {
            endField();
            state = FieldStart;
        } else if (crlf) {
            endField();
            records << record;
            record.clear();
            state = FieldStart;
            ++i;
        } else if (state == QuoteInQuoted) {
            return std::nullopt; // text after a closing quote
        } else if (c == u'"') {
            if (state != FieldStart)
                return std::nullopt;
            state = Quoted;
        } else {
            field += c;
            state = Unquoted;
        }
    }
    if (state == Quoted)
        return std::nullopt;
    if (state != FieldStart || !record.isEmpty()) {
        endField();
        records << record;
    }
    return records;
}

// Header row + records as objects keyed by column; the neutralising quote removed.
inline std::optional<QList<QJsonObject>> objects(const QByteArray& bytes)
{
    const std::optional<QList<QStringList>> records = parse(bytes);
    if (!records || records->isEmpty())
        return std::nullopt;
    QList<QJsonObject> out;
    const QStringList header = records->first();
    for (qsizetype r = 1; r < records->size(); ++r) {
        if (records->at(r).size() != header.size())
            return std::nullopt;
        QJsonObject o;
        for (qsizetype c = 0; c < header.size(); ++c) {
            QString cell = records->at(r).at(c);
            if (cell.startsWith(u'\''))
                cell.remove(0, 1);
            o.insert(header.at(c), cell);
        }
        out << o;
    }
    return out;
}

inline std::optional<QList<QJsonObject>> jsonLines(const QByteArray& bytes)
{
    if (bytes.startsWith("\xEF\xBB\xBF") || (!bytes.isEmpty() && !bytes.endsWith('\n')))
        return std::nullopt;
    QList<QJsonObject> out;
    for (const QByteArray& line : bytes.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return std::nullopt;
        out << doc.object();
    }
    return out;
}

} // namespace Rfc4180
