#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>

// GB 11643-1999 citizen identity numbers (second-generation resident ID cards): 6-digit address code, 8-digit birth
// date, 3-digit order code, ISO 7064 MOD 11-2 check character. Pure functions, no state.
class IdNumber
{
    Q_DECLARE_TR_FUNCTIONS(IdNumber)
public:
    // Trims, removes inner white space (including the ideographic space), maps full-width digits and X to ASCII and
    // lower-case x to X. Does not validate.
    static QString normalize(const QString& raw);
    // A full-width digit (U+FF10..U+FF19, as a Chinese input method types it) as its ASCII digit; any other character
    // as it is. Dates typed beside the number are read the same way.
    static QChar asciiDigit(QChar c);
    // The check character for 17 ASCII digits (ISO 7064 MOD 11-2); QChar() when the input is not 17 digits.
    static QChar checkCharacter(QStringView first17);
    // True for an 18-character ^\d{17}[\dX]$ number whose last character is the correct check character.
    static bool hasValidChecksum(const QString& normalized);
    // The birth date in characters 7-14; an invalid QDate when the number is too short or the date is not real.
    static QDate birthDate(const QString& normalized);
    // The first two digits are one of the 34 mainland province-level codes (11-15, 21-23, 31-37, 41-46, 50-54, 61-65).
    static bool isKnownProvince(const QString& normalized);
    // Prefix 81, 82 or 83: residence permits for Hong Kong, Macao and Taiwan residents (not mainland ID cards).
    static bool isPermitNumber(const QString& normalized);
    // Age in whole years on the given day; a 29 February birthday counts on 1 March in non-leap years.
    // -1 when either date is invalid or day is before birth.
    static int ageOn(const QDate& birth, const QDate& day);
};
