#include "CardTerm.h"

#include "domain/IdNumber.h"

namespace CardTerm {

int termYears(int ageAtIssue)
{
    if (ageAtIssue < 0)
        return -1;
    if (ageAtIssue < 16)
        return 5;
    if (ageAtIssue <= 25)
        return 10;
    if (ageAtIssue < longTermAge)
        return 20;
    return 0;
}

QDate expectedEnd(const QDate& birth, const QDate& start)
{
    const int years = termYears(IdNumber::ageOn(birth, start));
    return years > 0 ? start.addYears(years) : QDate();
}

bool monthDayMatches(const QDate& start, const QDate& end)
{
    if (!start.isValid() || !end.isValid())
        return false;
    if (start.month() == end.month() && start.day() == end.day())
        return true;
    if (start.month() == 2 && start.day() == 29 && !QDate::isLeapYear(end.year()))
        return (end.month() == 2 && end.day() == 28) || (end.month() == 3 && end.day() == 1);
    return false;
}

} // namespace CardTerm
