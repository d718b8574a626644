#include "FictitiousPeople.h"

#include "crypto/Random.h"
#include "domain/CardTerm.h"
#include "domain/IdNumber.h"

#include <QVarLengthArray>

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

// Order codes per day of birth: the 3 digits before the check character.
constexpr int ordersPerDay = 1000;
// Days of birth are counted from 1940-01-01: under 2^dayBits up to 2015.
constexpr int dayBits = 20;

quint64 dayKey(int address, int day)
{
    return (static_cast<quint64>(address) << dayBits) | static_cast<quint64>(day);
}

int dayOf(quint64 dayKey)
{
    return static_cast<int>(dayKey & ((quint64(1) << dayBits) - 1));
}

quint64 orderKey(quint64 dayKey, int order)
{
    return dayKey * ordersPerDay + static_cast<quint64>(order);
}

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

int FictitiousPeople::freeDay(int address, int day, int lastDay)
{
    const int found = freeDayFrom(address, day, lastDay);
    if (found <= lastDay)
        return found;
    // Taken up to the last day of birth: on from the first. Some 23 million numbers per address: one is free.
    return freeDayFrom(address, 0, lastDay);
}

int FictitiousPeople::freeDayFrom(int address, int day, int lastDay)
{
    QVarLengthArray<Day*, 8> passed;
    for (;;) {
        ++m_lookups;
        const auto it = m_days.find(dayKey(address, day));
        if (it == m_days.end() || it->taken < ordersPerDay)
            break;
        passed.append(&*it);
        day = it->next;
        if (day > lastDay) // possible when an earlier call had a later today
            break;
    }
    for (Day* full : passed)
        full->next = day;
    return day;
}

int FictitiousPeople::freeOrder(quint64 dayKey, int order)
{
    QVarLengthArray<quint64, 8> passed;
    for (;;) {
        ++m_lookups;
        const auto it = m_nextOrder.constFind(orderKey(dayKey, order));
        if (it == m_nextOrder.constEnd())
            break;
        passed.append(it.key());
        order = *it;
    }
    for (const quint64 key : passed)
        m_nextOrder[key] = order;
    return order;
}

void FictitiousPeople::take(quint64 dayKey, int order)
{
    m_nextOrder.insert(orderKey(dayKey, order), (order + 1) % ordersPerDay);
    Day& day = m_days[dayKey];
    if (++day.taken == ordersPerDay)
        day.next = dayOf(dayKey) + 1;
}

FictitiousPerson FictitiousPeople::next(const QDate& today)
{
    FictitiousPerson person;

    // Name.
    if (uniform(0, 9) == 0) {
        person.name = QString::fromUtf8(pick(dottedNames));
    } else {
        // One draw after the other, in a fixed order: the operands of + are evaluated in an order the compiler
        // chooses (GCC drew the given name first, clang the surname), and the sequence is pinned per seed.
        const char* givenName = pick(givenNames);
        const char* surname = pick(surnames);
        person.name = QString::fromUtf8(surname) + QString::fromUtf8(givenName);
    }

    // Birth date in 1940..2015, never after today.
    const QDate firstBirth(1940, 1, 1);
    const QDate lastBirth = std::min(QDate(2015, 12, 31), today);
    QDate birth = firstBirth.addDays(uniform(0, static_cast<int>(firstBirth.daysTo(lastBirth))));

    // A unique number: when it is taken, the next order code of that day (round past 999 to 0, back to the one
    // drawn); when the whole day is taken, the same search on the next day of birth (after the last, the first).
    const int address = uniform(0, static_cast<int>(addressCodes.size()) - 1);
    const int drawnOrder = uniform(0, ordersPerDay - 1);
    const int day =
        freeDay(address, static_cast<int>(firstBirth.daysTo(birth)), static_cast<int>(firstBirth.daysTo(lastBirth)));
    const int order = freeOrder(dayKey(address, day), drawnOrder);
    take(dayKey(address, day), order);
    birth = firstBirth.addDays(day);
    person.idNumber = makeIdNumber(QString::fromLatin1(addressCodes[static_cast<size_t>(address)]), birth, order);

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
