#include "DistinctCases.h"

#include "domain/FictitiousPeople.h"

#include <QDate>

SandboxFixtures::Person DistinctCases::unknown(int i, const QString& name)
{
    // Born in 1990 (a 20-year card issued in 2020 fits the age); 900 order codes a day, none of them a fixture's.
    const QDate birth = QDate(1990, 1, 1).addDays(i / 900);
    SandboxFixtures::Person person;
    person.docName = name.isEmpty() ? QStringLiteral("测试例") : name;
    person.docNo = FictitiousPeople::makeIdNumber(QStringLiteral("110105"), birth, 100 + i % 900);
    person.validityStartDate = QStringLiteral("20200610");
    person.validityEndDate = QStringLiteral("20400610");
    return person;
}

QByteArray DistinctCases::csvLine(const SandboxFixtures::Person& p)
{
    return (p.docName + u',' + p.docNo + u',' + p.validityStartDate + u','
        + (p.isLongTerm() ? SandboxFixtures::longTermChinese : p.validityEndDate))
        .toUtf8();
}
