#include "domain/IdNumber.h"

#include <QTest>

// Check characters were computed by an independent script (Python, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
// S mod 11 -> "10X98765432"), not by this code. Every number is synthetic.
class TestIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void checkCharacter_data()
    {
        QTest::addColumn<QString>("first17");
        QTest::addColumn<QString>("expected"); // empty: QChar()

        // GB 11643-1999 Appendix A: S = 167, 167 mod 11 = 2 -> X.
        QTest::newRow("GB appendix example") << QStringLiteral("11010519491231002") << QStringLiteral("X");
        QTest::newRow("S=187 -> 1") << QStringLiteral("11010519800512123") << QStringLiteral("1");
        QTest::newRow("S=189 -> X") << QStringLiteral("11010519800512124") << QStringLiteral("X");
        QTest::newRow("S=71 -> 7") << QStringLiteral("31010120120101001") << QStringLiteral("7");
        QTest::newRow("S=81 -> 8") << QStringLiteral("11010520000101123") << QStringLiteral("8");
        QTest::newRow("S=264 -> 1") << QStringLiteral("44030419851111456") << QStringLiteral("1");
        QTest::newRow("S=88 -> 1") << QStringLiteral("11010519000101123") << QStringLiteral("1");
        QTest::newRow("S=315 -> 5") << QStringLiteral("99010519800512123") << QStringLiteral("5");
        QTest::newRow("all zeros S=0 -> 1") << QStringLiteral("00000000000000000") << QStringLiteral("1");
        QTest::newRow("16 digits") << QStringLiteral("1101051949123100") << QString();
        QTest::newRow("18 digits") << QStringLiteral("110105194912310021") << QString();
        QTest::newRow("letter inside") << QStringLiteral("1101051949123100A") << QString();
        QTest::newRow("full-width digit") << QStringLiteral("1101051949123100\uFF12") << QString();
        QTest::newRow("empty") << QString() << QString();
    }
    void checkCharacter()
    {
        QFETCH(QString, first17);
        QFETCH(QString, expected);
        const QChar check = IdNumber::checkCharacter(first17);
        if (expected.isEmpty())
            QVERIFY(check.isNull());
        else
            QCOMPARE(check, expected.at(0));
    }

    void normalize_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unchanged") << QStringLiteral("11010519491231002X") << QStringLiteral("11010519491231002X");
        QTest::newRow("lower-case x") << QStringLiteral("11010519491231002x") << QStringLiteral("11010519491231002X");
        QTest::newRow("outer and inner spaces")
            << QStringLiteral("  110105 19491231 002X\t") << QStringLiteral("11010519491231002X");
        QTest::newRow("ideographic space")
            << QStringLiteral("110105\u300019491231002X") << QStringLiteral("11010519491231002X");
        QTest::newRow("full-width digits and x")
            << QStringLiteral("\uFF11\uFF11\uFF10\uFF11\uFF10\uFF1519491231002\uFF58")
            << QStringLiteral("11010519491231002X");
        QTest::newRow("other characters kept") << QStringLiteral("1101-0519") << QStringLiteral("1101-0519");
        QTest::newRow("empty") << QString() << QString();
    }
    void normalize()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QCOMPARE(IdNumber::normalize(raw), expected);
    }

    void checksum_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("GB example") << QStringLiteral("11010519491231002X") << true;
        QTest::newRow("GB example, digit instead of X") << QStringLiteral("110105194912310021") << false;
        QTest::newRow("lower-case x not normalised") << QStringLiteral("11010519491231002x") << false;
        QTest::newRow("computed 1") << QStringLiteral("110105198005121231") << true;
        QTest::newRow("one digit changed") << QStringLiteral("110105198005121331") << false;
        QTest::newRow("two digits swapped") << QStringLiteral("110105198005211231") << false;
        QTest::newRow("17 characters") << QStringLiteral("11010519800512123") << false;
    }
    void checksum()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(IdNumber::hasValidChecksum(id), valid);
    }

    void birthDate_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("GB example") << QStringLiteral("11010519491231002X") << QDate(1949, 12, 31);
        QTest::newRow("29 Feb in a leap year") << QStringLiteral("110105200002291235") << QDate(2000, 2, 29);
        QTest::newRow("29 Feb 1900 (not leap)") << QStringLiteral("110105190002291235") << QDate();
        QTest::newRow("30 Feb") << QStringLiteral("110105198002301237") << QDate();
        QTest::newRow("month 13") << QStringLiteral("110105198013121231") << QDate();
        QTest::newRow("month 00") << QStringLiteral("110105198000011236") << QDate();
        QTest::newRow("too short") << QStringLiteral("1101051980") << QDate();
    }
    void birthDate()
    {
        QFETCH(QString, id);
        QFETCH(QDate, expected);
        QCOMPARE(IdNumber::birthDate(id), expected);
    }

    void province_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("permit");
        const QStringList known { QStringLiteral("11"),
            QStringLiteral("15"),
            QStringLiteral("21"),
            QStringLiteral("23"),
            QStringLiteral("31"),
            QStringLiteral("37"),
            QStringLiteral("41"),
            QStringLiteral("46"),
            QStringLiteral("50"),
            QStringLiteral("54"),
            QStringLiteral("61"),
            QStringLiteral("65") };
        for (const QString& p : known)
            QTest::addRow("known %s", qPrintable(p)) << p << true << false;
        const QStringList unknown { QStringLiteral("10"),
            QStringLiteral("16"),
            QStringLiteral("20"),
            QStringLiteral("24"),
            QStringLiteral("38"),
            QStringLiteral("47"),
            QStringLiteral("55"),
            QStringLiteral("66"),
            QStringLiteral("71"),
            QStringLiteral("91"),
            QStringLiteral("99") };
        for (const QString& p : unknown)
            QTest::addRow("unknown %s", qPrintable(p)) << p << false << false;
        for (const QString& p : { QStringLiteral("81"), QStringLiteral("82"), QStringLiteral("83") })
            QTest::addRow("permit %s", qPrintable(p)) << p << false << true;
    }
    void province()
    {
        QFETCH(QString, prefix);
        QFETCH(bool, known);
        QFETCH(bool, permit);
        const QString id = prefix + QStringLiteral("010519800512123");
        QCOMPARE(IdNumber::isKnownProvince(id), known);
        QCOMPARE(IdNumber::isPermitNumber(id), permit);
    }

    void ageOn_data()
    {
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<int>("age");
        QTest::newRow("day before birthday") << QDate(1980, 5, 12) << QDate(2026, 5, 11) << 45;
        QTest::newRow("on birthday") << QDate(1980, 5, 12) << QDate(2026, 5, 12) << 46;
        QTest::newRow("day of birth") << QDate(2010, 6, 1) << QDate(2010, 6, 1) << 0;
        QTest::newRow("29 Feb, 28 Feb non-leap") << QDate(2000, 2, 29) << QDate(2017, 2, 28) << 16;
        QTest::newRow("29 Feb, 1 Mar non-leap") << QDate(2000, 2, 29) << QDate(2017, 3, 1) << 17;
        QTest::newRow("29 Feb, 28 Feb leap") << QDate(2000, 2, 29) << QDate(2016, 2, 28) << 15;
        QTest::newRow("29 Feb, 29 Feb leap") << QDate(2000, 2, 29) << QDate(2016, 2, 29) << 16;
        QTest::newRow("before birth") << QDate(2000, 1, 1) << QDate(1999, 12, 31) << -1;
        QTest::newRow("invalid birth") << QDate() << QDate(2026, 1, 1) << -1;
    }
    void ageOn()
    {
        QFETCH(QDate, birth);
        QFETCH(QDate, day);
        QFETCH(int, age);
        QCOMPARE(IdNumber::ageOn(birth, day), age);
    }
};

QTEST_GUILESS_MAIN(TestIdNumber)
#include "TestIdNumber.moc"
