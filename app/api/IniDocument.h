#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

// A strict reader for INI files such as the provider's credentials.ini (QSettings' INI format would change some values:
// it unescapes backslashes, splits at commas and reads "@" prefixes and %-escapes).
// Accepted: "[section]" headers; "key = value" or "key: value" lines; whole-line comments starting with # or ;; an
// inline comment after white space (" # ..."); a value wrapped in matching double or single quotes. Keys and section
// names are case-sensitive. Anything else — a key before the first section, a line without "=" or ":", an empty key,
// an unterminated quote, a repeated section or key — is an error naming the file and the line, never its content,
// which may hold a secret.
class IniDocument
{
    Q_DECLARE_TR_FUNCTIONS(IniDocument)
public:
    using Section = QHash<QString, QString>;

    static Result<IniDocument> parse(const QByteArray& text, const QString& shownPath);

    bool hasSection(const QString& name) const { return m_sections.contains(name); }
    // The value of key in section; a null QString when either is absent.
    QString value(const QString& section, const QString& key) const { return m_sections.value(section).value(key); }

private:
    friend class IniParser;
    QHash<QString, Section> m_sections;
};
