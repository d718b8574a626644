#include "IdNumber.h"

#include <array>

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allDigits(QStringView text)
{
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

int digitsValue(QStringView text)
{
    int value = 0;
    for (const QChar c : text)
        value = value * 10 + (c.unicode() - u'0');
    return value;
}

} // namespace

QString IdNumber::normalize(const QString& raw)
{
    QString out;
    out.reserve(raw.size());
    for (QChar c : raw) {
        if (c.isSpace())
            continue;
        c = asciiDigit(c);
        const char16_t u = c.unicode();
        if (u == 0xFF38 || u == 0xFF58 || u == u'x') // full-width X / x, ASCII x
            c = QChar(u'X');
        out.append(c);
    }
    return out;
}

QChar IdNumber::asciiDigit(QChar c)
{
    const char16_t u = c.unicode();
    return u >= 0xFF10 && u <= 0xFF19 ? QChar(u'0' + (u - 0xFF10)) : c;
}

QChar IdNumber::checkCharacter(QStringView first17)
{
    // Weights 2^(17-i) mod 11 for i = 0..16; S mod 11 maps to the check character below.
    static constexpr std::array<int, 17> weights { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    static constexpr char16_t checks[] = u"10X98765432";
    if (first17.size() != 17 || !allDigits(first17))
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17[i].unicode() - u'0') * weights[static_cast<size_t>(i)];
    return QChar(checks[sum % 11]);
}

bool IdNumber::hasValidChecksum(const QString& normalized)
{
    if (normalized.size() != 18)
        return false;
    const QChar expected = checkCharacter(QStringView(normalized).left(17));
    return !expected.isNull() && normalized.at(17) == expected;
}

QDate IdNumber::birthDate(const QString& normalized)
{
    if (normalized.size() < 14)
        return {};
    const QStringView digits = QStringView(normalized).mid(6, 8);
    if (!allDigits(digits))
        return {};
    const QDate date(digitsValue(digits.left(4)), digitsValue(digits.mid(4, 2)), digitsValue(digits.mid(6, 2)));
    return date.isValid() ? date : QDate();
}

bool IdNumber::isKnownProvince(const QString& normalized)
{
    if (normalized.size() < 2 || !allDigits(QStringView(normalized).left(2)))
        return false;
    const int code = digitsValue(QStringView(normalized).left(2));
    return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) || (code >= 31 && code <= 37)
        || (code >= 41 && code <= 46) || (code >= 50 && code <= 54) || (code >= 61 && code <= 65);
}

bool IdNumber::isPermitNumber(const QString& normalized)
{
    return normalized.startsWith(QLatin1String("81")) || normalized.startsWith(QLatin1String("82"))
        || normalized.startsWith(QLatin1String("83"));
}

int IdNumber::ageOn(const QDate& birth, const QDate& day)
{
    if (!birth.isValid() || !day.isValid() || day < birth)
        return -1;
    int years = day.year() - birth.year();
    QDate birthday;
    if (birth.month() == 2 && birth.day() == 29 && !QDate::isLeapYear(day.year()))
        birthday = QDate(day.year(), 3, 1);
    else
        birthday = QDate(day.year(), birth.month(), birth.day());
    if (day < birthday)
        --years;
    return years;
}
