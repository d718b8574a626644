#include "domain/Masking.h"

#include <QTest>

class TestMasking : public QObject
{
    Q_OBJECT

private slots:
    void idNumber_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("GB example") << QStringLiteral("11010519491231002X") << QStringLiteral("1101**********002X");
        QTest::newRow("digit check") << QStringLiteral("110105198005121231") << QStringLiteral("1101**********1231");
        QTest::newRow("15 digits") << QStringLiteral("110105491231002") << QStringLiteral("***************");
        QTest::newRow("17 characters") << QStringLiteral("11010519491231002") << QString(17, QLatin1Char('*'));
        QTest::newRow("19 characters") << QStringLiteral("11010519491231002X1") << QString(19, QLatin1Char('*'));
        QTest::newRow("short") << QStringLiteral("1234") << QStringLiteral("****");
        QTest::newRow("empty") << QString() << QString();
    }
    void idNumber()
    {
        QFETCH(QString, id);
        QFETCH(QString, expected);
        QCOMPARE(Masking::idNumber(id), expected);
    }

    void name_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("two characters") << QStringLiteral("张三") << QStringLiteral("张*");
        QTest::newRow("one character") << QStringLiteral("张") << QStringLiteral("张");
        // Length-preserving: 8 characters including the middle dot.
        QTest::newRow("middle dot") << QStringLiteral("阿依古丽·买买提") << QStringLiteral("阿*******");
        QTest::newRow("latin") << QStringLiteral("John Doe") << QStringLiteral("J*******");
        QTest::newRow("outside the BMP first") << QStringLiteral("\U00020000测") << QStringLiteral("\U00020000*");
        QTest::newRow("outside the BMP later") << QStringLiteral("测\U00020000") << QStringLiteral("测*");
        QTest::newRow("empty") << QString() << QString();
    }
    void name()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        QCOMPARE(Masking::name(name), expected);
    }
};

QTEST_GUILESS_MAIN(TestMasking)
#include "TestMasking.moc"
