#include "domain/FreeTextMasking.h"

#include <QTest>

// What a service's Message or an error text keeps of the person it quotes: masks only.
class TestFreeTextMasking : public QObject
{
    Q_OBJECT

private slots:
    void mask_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("idNumber");
        QTest::addColumn<QString>("expected");
        const QString name = QStringLiteral("王小明");
        const QString id = QStringLiteral("110101199003071233");
        QTest::newRow("nothing personal") << QStringLiteral("Request was denied due to api flow control.") << name << id
                                          << QStringLiteral("Request was denied due to api flow control.");
        QTest::newRow("echoed parameters") << QStringLiteral("DocName=王小明, DocNo=110101199003071233") << name << id
                                           << QStringLiteral("DocName=王**, DocNo=1101**********1233");
        QTest::newRow("name inside Chinese text")
            << QStringLiteral("姓名王小明与证件不符") << name << id << QStringLiteral("姓名王**与证件不符");
        QTest::newRow("another person's ID number, X")
            << QStringLiteral("see 33010620120418208X") << name << id << QStringLiteral("see 3301**********208X");
        QTest::newRow("lower-case x") << QStringLiteral("no=11010519491231002x;") << name << id
                                      << QStringLiteral("no=1101**********002x;");
        QTest::newRow("two numbers") << QStringLiteral("110101199003071233/440305200507013166") << name << id
                                     << QStringLiteral("1101**********1233/4403**********3166");
        QTest::newRow("own 15-digit number")
            << QStringLiteral("DocNo 110105491231002 unknown") << name << QStringLiteral("110105491231002")
            << QStringLiteral("DocNo *************** unknown");
        QTest::newRow("17 digits are no ID number")
            << QStringLiteral("order 12345678901234567") << name << id << QStringLiteral("order 12345678901234567");
        QTest::newRow("Latin name as a word, any case")
            << QStringLiteral("LI HUA is not Li Huang; limit") << QStringLiteral("Li Hua") << id
            << QStringLiteral("L***** is not Li Huang; limit");
        QTest::newRow("short Latin name inside words")
            << QStringLiteral("Invalid: An cannot pass") << QStringLiteral("An") << id
            << QStringLiteral("Invalid: A* cannot pass");
        QTest::newRow("one-character name stays")
            << QStringLiteral("张 and 张三") << QStringLiteral("张") << id << QStringLiteral("张 and 张三");
        QTest::newRow("empty text") << QString() << name << id << QString();
    }
    void mask()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(QString, idNumber);
        QFETCH(QString, expected);
        QCOMPARE(FreeTextMasking::mask(text, name, idNumber), expected);
    }

    // What a note of the team keeps: the case's own name and ID number masked, everything else as typed.
    void maskPerson_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("idNumber");
        QTest::addColumn<QString>("expected");
        const QString id = QStringLiteral("110101199003071233");
        QTest::newRow("own name and number") << QStringLiteral("Called 王小明 about 110101199003071233") << id
                                             << QStringLiteral("Called 王** about 1101**********1233");
        QTest::newRow("own number, lower-case x")
            << QStringLiteral("no. 11010519491231002x") << QStringLiteral("11010519491231002X")
            << QStringLiteral("no. 1101**********002X");
        QTest::newRow("another person's number stays")
            << QStringLiteral("mother 310104198511202043") << id << QStringLiteral("mother 310104198511202043");
        QTest::newRow("a long order number stays")
            << QStringLiteral("order 1234567890123456789") << id << QStringLiteral("order 1234567890123456789");
        QTest::newRow("name in a file name")
            << QStringLiteral("王小明-card.jpg") << id << QStringLiteral("王**-card.jpg");
        QTest::newRow("empty") << QString() << id << QString();
    }
    void maskPerson()
    {
        QFETCH(QString, text);
        QFETCH(QString, idNumber);
        QFETCH(QString, expected);
        QCOMPARE(FreeTextMasking::maskPerson(text, QStringLiteral("王小明"), idNumber), expected);
    }
};

QTEST_GUILESS_MAIN(TestFreeTextMasking)
#include "TestFreeTextMasking.moc"
