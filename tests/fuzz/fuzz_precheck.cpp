// The local pre-check (app/domain): CaseValidator over a whole case, IdNumber and CardTerm over its parts. Input, one
// field a line: name, ID number, validity start, validity end, long-term ("1"), scene code, MerchantUserId,
// MerchantBizId, today. A date is YYYYMMDD, or "J" and a Julian day number (any day QDate can hold).
#include "FuzzSupport.h"

#include "domain/CardTerm.h"
#include "domain/CaseValidator.h"
#include "domain/IdNumber.h"

namespace {

QDate dateOf(const QByteArray& field)
{
    if (field.startsWith('J'))
        return QDate::fromJulianDay(field.mid(1).toLongLong());
    return QDate::fromString(QString::fromUtf8(field), QStringLiteral("yyyyMMdd"));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayList f = Fuzz::lines(Fuzz::bytes(data, size), 9);
    CaseInput input;
    input.name = QString::fromUtf8(f.at(0));
    input.idNumber = QString::fromUtf8(f.at(1));
    input.validityStart = dateOf(f.at(2));
    input.validityEnd = dateOf(f.at(3));
    input.longTerm = f.at(4) == "1";
    input.sceneCode = QString::fromUtf8(f.at(5));
    input.merchantUserId = QString::fromUtf8(f.at(6));
    input.merchantBizId = QString::fromUtf8(f.at(7));
    const QDate today = f.at(8).isEmpty() ? QDate(2026, 6, 1) : dateOf(f.at(8));

    const QList<ValidationIssue> issues = CaseValidator::check(input, today);
    for (const ValidationIssue& issue : issues)
        Fuzz::check(!issue.code.isEmpty() && !issue.message.isEmpty(), "every issue has a code and a message");
    const QString name = CaseValidator::normalizeName(input.name);
    Fuzz::check(CaseValidator::normalizeName(name) == name, "normalizeName is idempotent");

    const QString id = IdNumber::normalize(input.idNumber);
    Fuzz::check(IdNumber::normalize(id) == id, "IdNumber::normalize is idempotent");
    if (IdNumber::hasValidChecksum(id)) {
        Fuzz::check(id.size() == 18, "a valid number has 18 characters");
        Fuzz::check(IdNumber::checkCharacter(QStringView(id).left(17)) == id.at(17), "the check character is the last");
    }
    const QDate birth = IdNumber::birthDate(id);
    (void)IdNumber::isKnownProvince(id);
    (void)IdNumber::isPermitNumber(id);
    const int age = IdNumber::ageOn(birth, input.validityStart);
    Fuzz::check(age >= -1, "an age is -1 or more");
    (void)CardTerm::termYears(age);
    (void)CardTerm::expectedEnd(birth, input.validityStart);
    (void)CardTerm::monthDayMatches(input.validityStart, input.validityEnd);
    if (!CaseValidator::hasBlocking(issues)) {
        Fuzz::check(IdNumber::hasValidChecksum(id), "a case without blocking issues has a valid ID number");
        Fuzz::check(input.validityStart.isValid(), "a case without blocking issues has a start date");
    }
    return 0;
}
