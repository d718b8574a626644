#include "FreeTextMasking.h"

#include "domain/Masking.h"

#include <QRegularExpression>

namespace FreeTextMasking {

namespace {

QString maskIdNumbers(QString text)
{
    static const QRegularExpression idNumber(QStringLiteral("[0-9]{17}[0-9Xx]"));
    qsizetype from = 0;
    for (;;) {
        const QRegularExpressionMatch found = idNumber.match(text, from);
        if (!found.hasMatch())
            return text;
        text.replace(found.capturedStart(), found.capturedLength(), Masking::idNumber(found.captured()));
        from = found.capturedEnd();
    }
}

QString maskLiteral(
    QString text, const QString& value, const QString& masked, Qt::CaseSensitivity cs = Qt::CaseSensitive)
{
    if (value.isEmpty() || masked == value)
        return text;
    return text.replace(value, masked, cs);
}

bool isLatin1(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() > 0xff)
            return false;
    return true;
}

// A Latin name ("Li Hua") only as a whole word, in any case, so that "Li" does not mask the "li" of "limit"; a name
// in Chinese characters wherever it stands (Chinese text has no spaces between words).
QString maskName(const QString& text, const QString& name)
{
    const QString masked = Masking::name(name);
    if (name.isEmpty() || masked == name)
        return text;
    if (!isLatin1(name))
        return maskLiteral(text, name, masked);
    const QRegularExpression word(
        QStringLiteral("(?<![\\p{L}\\p{N}])%1(?![\\p{L}\\p{N}])").arg(QRegularExpression::escape(name)),
        QRegularExpression::CaseInsensitiveOption);
    return QString(text).replace(word, masked);
}

} // namespace

QString mask(const QString& text, const QString& name, const QString& idNumber)
{
    if (text.isEmpty())
        return text;
    QString out = maskLiteral(text, idNumber.trimmed(), Masking::idNumber(idNumber.trimmed()));
    out = maskIdNumbers(out);
    return maskName(out, name.trimmed());
}

QString maskPerson(const QString& text, const QString& name, const QString& idNumber)
{
    if (text.isEmpty())
        return text;
    const QString id = idNumber.trimmed();
    return maskName(maskLiteral(text, id, Masking::idNumber(id), Qt::CaseInsensitive), name.trimmed());
}

} // namespace FreeTextMasking
