#include "FictitiousPeople.h"

#include "crypto/Random.h"
#include "domain/CardTerm.h"
#include "domain/IdNumber.h"

#include <algorithm>
#include <array>

namespace {

// Real county-level address codes (GB/T 2260), one or two per province-level region, so generated numbers carry a
// plausible prefix. The people are fictitious; only the format is real.
constexpr std::array<const char*, 24> addressCodes {
    "110101",
    "110105",
    "120101",
    "130102",
    "140105",
    "150102",
    "210102",
    "220102",
    "230102",
    "310101",
    "320102",
    "330106",
    "340102",
    "350102",
    "360102",
    "370102",
    "410102",
    "420102",
    "430102",
    "440103",
    "500103",
    "510104",
    "530102",
    "610113",
};

// Surnames and given names that read as "test / demo / sample / example": nobody is called this.
constexpr std::array<const char*, 8> surnames { "测", "试", "演", "示", "样", "例", "假", "虚" };
constexpr std::array<const char*, 16> givenNames {
    "一",
    "二",
    "三",
    "甲",
    "乙",
    "丙",
    "丁",
    "戊",
    "试一",
    "试二",
    "示例",
    "样本",
    "演示",
    "测甲",
    "虚拟",
    "假名",
};
// Some transliterated-style names with the middle dot U+00B7, as in minority and foreign names.
constexpr std::array<const char*, 4> dottedNames { "测试·样本", "演示·示例", "假名·虚拟", "样例·测甲" };

} // namespace

FictitiousPeople::FictitiousPeople(Random& random)
    : m_random(random)
{
}

template <typename Array> const char* FictitiousPeople::pick(const Array& items)
{
    return items[static_cast<size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
}

int FictitiousPeople::uniform(int low, int high)
{
    const int span = high - low + 1;
    if (span <= 1)
        return low;
    const int offset = static_cast<int>(m_random.unit() * span);
    return low + std::clamp(offset, 0, span - 1);
}

QString FictitiousPeople::makeIdNumber(const QString& address6, const QDate& birth, int order3)
{
    const QString first17 = address6 + birth.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(order3, 3, 10, QLatin1Char('0'));
    const QChar check = IdNumber::checkCharacter(first17);
    return check.isNull() ? QString() : first17 + check;
}

FictitiousPerson FictitiousPeople::next(const QDate& today)
{
    FictitiousPerson person;

    // Name.
    if (uniform(0, 9) == 0) {
        person.name = QString::fromUtf8(pick(dottedNames));
    } else {
        person.name = QString::fromUtf8(pick(surnames)) + QString::fromUtf8(pick(givenNames));
    }

    // Birth date in 1940..2015, never after today.
    const QDate firstBirth(1940, 1, 1);
    const QDate lastBirth = std::min(QDate(2015, 12, 31), today);
    QDate birth = firstBirth.addDays(uniform(0, static_cast<int>(firstBirth.daysTo(lastBirth))));

    // A unique number: on a clash try the next order codes, then the next day of birth.
    const QString address = QString::fromLatin1(pick(addressCodes));
    int order = uniform(0, 999);
    QString id = makeIdNumber(address, birth, order);
    for (int tries = 0; m_issued.contains(id); ++tries) {
        if (tries % 1000 == 999)
            birth = birth < lastBirth ? birth.addDays(1) : firstBirth;
        order = (order + 1) % 1000;
        id = makeIdNumber(address, birth, order);
    }
    m_issued.insert(id);
    person.idNumber = id;

    // The card held today: issued in 2004..today, not before birth, and still valid today.
    const QDate firstIssue = std::max(QDate(CardTerm::firstIssueYear, 1, 1), birth);
    QDate start = firstIssue.addDays(uniform(0, static_cast<int>(firstIssue.daysTo(today))));
    for (int tries = 0; tries < 8; ++tries) {
        const QDate end = CardTerm::expectedEnd(birth, start);
        if (!end.isValid() || end >= today)
            break;
        // Expired: a renewal would have been issued since; draw again from the later part of the range.
        start = start.addDays(uniform(0, static_cast<int>(start.daysTo(today))));
    }
    const QDate end = CardTerm::expectedEnd(birth, start);
    if (end.isValid() && end < today)
        start = today.addDays(-uniform(0, 30)); // bounded fallback; still after firstIssue in practice
    if (start < firstIssue)
        start = firstIssue;

    person.validityStart = start;
    person.validityEnd = CardTerm::expectedEnd(birth, start);
    person.longTerm = !person.validityEnd.isValid();
    return person;
}
