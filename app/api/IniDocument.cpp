#include "IniDocument.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

// Reads the lines one at a time into the document; the first error stops it.
class IniParser
{
public:
    explicit IniParser(const QString& shownPath)
        : m_shownPath(shownPath)
    {
    }

    Result<IniDocument> parse(const QString& text)
    {
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            QString line = lines.at(i);
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
            const Result<void> read = parseLine(line.trimmed(), i + 1);
            if (!read)
                return read.failure();
        }
        return m_document;
    }

private:
    Result<void> parseLine(const QString& line, int number)
    {
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            return {};
        if (line.startsWith(QLatin1Char('[')))
            return parseSection(line, number);
        return parseEntry(line, number);
    }

    Result<void> parseSection(const QString& line, int number)
    {
        const qsizetype close = line.indexOf(QLatin1Char(']'));
        const QString name = close < 0 ? QString() : line.mid(1, close - 1).trimmed();
        if (name.isEmpty() || !isCommentOrEmpty(line.mid(close + 1)))
            return error(number, IniDocument::tr("a section header must be [name]"));
        // The name is the file's text (it may hold a secret): the message names the line it first appeared on.
        if (const auto first = m_sectionLines.constFind(name); first != m_sectionLines.cend())
            return error(number, IniDocument::tr("this section already began on line %1").arg(*first));
        m_document.m_sections.insert(name, IniDocument::Section());
        m_sectionLines.insert(name, number);
        m_keyLines.clear();
        m_section = name;
        return {};
    }

    Result<void> parseEntry(const QString& line, int number)
    {
        static const QRegularExpression delimiter(QStringLiteral("[=:]"));
        const qsizetype at = line.indexOf(delimiter);
        const QString key = at < 0 ? QString() : line.left(at).trimmed();
        if (key.isEmpty())
            return error(number, IniDocument::tr("expected key = value"));
        if (m_section.isNull())
            return error(number, IniDocument::tr("a key comes before any [section]"));
        IniDocument::Section& section = m_document.m_sections[m_section];
        if (const auto first = m_keyLines.constFind(key); first != m_keyLines.cend())
            return error(number, IniDocument::tr("this key was already given on line %1").arg(*first));
        const Result<QString> value = parseValue(line.mid(at + 1).trimmed(), number);
        if (!value)
            return value.failure();
        section.insert(key, *value);
        m_keyLines.insert(key, number);
        return {};
    }

    Result<QString> parseValue(const QString& text, int number)
    {
        if (text.startsWith(QLatin1Char('"')) || text.startsWith(QLatin1Char('\''))) {
            const qsizetype close = text.indexOf(text.at(0), 1);
            if (close < 0 || !isCommentOrEmpty(text.mid(close + 1)))
                return error(number, IniDocument::tr("a quoted value must end with its quote"));
            return text.mid(1, close - 1);
        }
        static const QRegularExpression inlineComment(QStringLiteral("\\s[#;]"));
        const qsizetype comment = text.indexOf(inlineComment);
        return (comment < 0 ? text : text.left(comment)).trimmed();
    }

    static bool isCommentOrEmpty(const QString& rest)
    {
        const QString trimmed = rest.trimmed();
        return trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';'));
    }

    // Names the file and the line, never the line's content.
    Failure error(int number, const QString& what) const
    {
        return Failure(ErrorCode::InvalidArgument,
            IniDocument::tr("%1, line %2: %3.").arg(m_shownPath, QString::number(number), what));
    }

    QString m_shownPath;
    QString m_section;
    QHash<QString, int> m_sectionLines; // section -> the line it began on
    QHash<QString, int> m_keyLines; // key of the current section -> its line
    IniDocument m_document;
};

Result<IniDocument> IniDocument::parse(const QByteArray& text, const QString& shownPath)
{
    QString decoded = QString::fromUtf8(text);
    if (decoded.startsWith(QChar(0xFEFF)))
        decoded.remove(0, 1);
    return IniParser(shownPath).parse(decoded);
}
