#include "domain/CaseValidator.h"
#include "domain/FictitiousPeople.h"
#include "domain/IdNumber.h"

#include "FakeRandom.h"

#include <QSet>
#include <QTest>

namespace {

const QDate today(2026, 11, 25);

QString describe(const FictitiousPerson& p, const QList<ValidationIssue>& issues)
{
    QStringList codes;
    for (const ValidationIssue& issue : issues)
        codes.append(issue.code);
    return QStringLiteral("%1 %2 %3..%4 long-term=%5: %6")
        .arg(p.name,
            p.idNumber,
            p.validityStart.toString(Qt::ISODate),
            p.validityEnd.toString(Qt::ISODate),
            p.longTerm ? QStringLiteral("yes") : QStringLiteral("no"),
            codes.join(QLatin1Char(',')));
}

CaseInput toCase(const FictitiousPerson& p)
{
    CaseInput input;
    input.name = p.name;
    input.idNumber = p.idNumber;
    input.validityStart = p.validityStart;
    input.validityEnd = p.validityEnd;
    input.longTerm = p.longTerm;
    return input;
}

} // namespace

class TestFictitiousPeople : public QObject
{
    Q_OBJECT

private slots:
    void makeIdNumber()
    {
        // GB 11643-1999 Appendix A.
        QCOMPARE(FictitiousPeople::makeIdNumber(QStringLiteral("110105"), QDate(1949, 12, 31), 2),
            QStringLiteral("11010519491231002X"));
        QCOMPARE(FictitiousPeople::makeIdNumber(QStringLiteral("440304"), QDate(1985, 11, 11), 456),
            QStringLiteral("440304198511114561"));
        QCOMPARE(FictitiousPeople::makeIdNumber(QStringLiteral("11010"), QDate(1985, 11, 11), 456), QString());
    }

    void fiveHundredPassTheValidator_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("2026-11-25") << today << quint64(0x9E3779B97F4A7C15ull);
        QTest::newRow("2026-11-25, other seed") << today << quint64(7);
        QTest::newRow("leap day 2028-02-29") << QDate(2028, 2, 29) << quint64(11);
        QTest::newRow("2004-06-01") << QDate(2004, 6, 1) << quint64(13);
        QTest::newRow("2045-01-01") << QDate(2045, 1, 1) << quint64(17);
    }
    void fiveHundredPassTheValidator()
    {
        QFETCH(QDate, today);
        QFETCH(quint64, seed);
        FakeRandom random(seed);
        FictitiousPeople people(random);
        QSet<QString> ids;
        int longTerm = 0;
        int dotted = 0;
        for (int i = 0; i < 500; ++i) {
            const FictitiousPerson p = people.next(today);
            const QList<ValidationIssue> issues = CaseValidator::check(toCase(p), today);
            QVERIFY2(issues.isEmpty(), qPrintable(describe(p, issues)));

            QVERIFY(IdNumber::hasValidChecksum(p.idNumber));
            QVERIFY(IdNumber::isKnownProvince(p.idNumber));
            const QDate birth = IdNumber::birthDate(p.idNumber);
            QVERIFY(birth >= QDate(1940, 1, 1) && birth <= QDate(2015, 12, 31) && birth <= today);
            QVERIFY(p.validityStart >= QDate(2004, 1, 1) && p.validityStart <= today);
            QCOMPARE(p.longTerm, !p.validityEnd.isValid());
            QCOMPARE(p.longTerm, IdNumber::ageOn(birth, p.validityStart) >= 46);
            QVERIFY(p.longTerm || p.validityEnd >= today);
            QVERIFY2(p.name.startsWith(QChar(0x6D4B)) || p.name.startsWith(QChar(0x8BD5))
                    || p.name.startsWith(QChar(0x6F14)) || p.name.startsWith(QChar(0x793A))
                    || p.name.startsWith(QChar(0x6837)) || p.name.startsWith(QChar(0x4F8B))
                    || p.name.startsWith(QChar(0x5047)) || p.name.startsWith(QChar(0x865A)),
                qPrintable(p.name));
            ids.insert(p.idNumber);
            longTerm += p.longTerm ? 1 : 0;
            dotted += p.name.contains(QChar(0x00B7)) ? 1 : 0;
        }
        QCOMPARE(ids.size(), 500);
        if (today.year() >= 2026) {
            // A spread of cards, not one kind: both long-term and dated, some transliterated-style names.
            QVERIFY(longTerm > 0 && longTerm < 500);
            QVERIFY(dotted > 0);
        }
    }

    void deterministic()
    {
        FakeRandom a(99);
        FakeRandom b(99);
        FakeRandom c(100);
        FictitiousPeople pa(a);
        FictitiousPeople pb(b);
        FictitiousPeople pc(c);
        int differences = 0;
        for (int i = 0; i < 50; ++i) {
            const FictitiousPerson x = pa.next(today);
            const FictitiousPerson y = pb.next(today);
            const FictitiousPerson z = pc.next(today);
            QCOMPARE(x.name, y.name);
            QCOMPARE(x.idNumber, y.idNumber);
            QCOMPARE(x.validityStart, y.validityStart);
            QCOMPARE(x.validityEnd, y.validityEnd);
            QCOMPARE(x.longTerm, y.longTerm);
            differences += x.idNumber != z.idNumber ? 1 : 0;
        }
        QVERIFY(differences > 40);
    }

    void extremeRandomValuesStillValidAndDistinct_data()
    {
        QTest::addColumn<double>("unit");
        QTest::newRow("always 0") << 0.0;
        QTest::newRow("always 0.5") << 0.5;
        QTest::newRow("always just below 1") << 0.999999;
    }
    void extremeRandomValuesStillValidAndDistinct()
    {
        QFETCH(double, unit);
        FakeRandom random;
        random.fixedUnit = unit;
        FictitiousPeople people(random);
        QSet<QString> ids;
        for (int i = 0; i < 1200; ++i) {
            const FictitiousPerson p = people.next(today);
            const QList<ValidationIssue> issues = CaseValidator::check(toCase(p), today);
            QVERIFY2(issues.isEmpty(), qPrintable(describe(p, issues)));
            ids.insert(p.idNumber);
        }
        QCOMPARE(ids.size(), 1200);
    }
};

QTEST_GUILESS_MAIN(TestFictitiousPeople)
#include "TestFictitiousPeople.moc"
