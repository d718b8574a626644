#pragma once

#include <QDate>

// Validity terms of second-generation resident ID cards (Law on Resident Identity Cards, Art. 5): by age at issue,
// under 16 -> 5 years, 16-25 -> 10, 26-45 -> 20, 46 and over -> long-term. The term starts on the issue date (the
// validity start date) and the end date keeps the start's month and day.
namespace CardTerm {

inline constexpr int longTermAge = 46;
// Second-generation cards were first issued in 2004.
inline constexpr int firstIssueYear = 2004;

// 5, 10 or 20; 0 for long-term (age 46 and over); -1 for a negative age.
int termYears(int ageAtIssue);
// start plus the term for that age (29 Feb -> 28 Feb in non-leap years); invalid QDate for a long-term card.
QDate expectedEnd(const QDate& birth, const QDate& start);
// end has the month and day of start; a 29 February start also accepts 28 February or 1 March in a non-leap year.
bool monthDayMatches(const QDate& start, const QDate& end);

} // namespace CardTerm
