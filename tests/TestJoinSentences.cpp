#include "base/Language.h"

#include <QTest>

// Translated sentences joined into one message: a space in English, none after a Chinese full stop or colon.
class TestJoinSentences : public QObject
{
    Q_OBJECT

private slots:
    void joins_data()
    {
        QTest::addColumn<QStringList>("sentences");
        QTest::addColumn<QString>("text");
        QTest::newRow("English") << QStringList { QStringLiteral("Nothing was sent."), QStringLiteral("Tick it.") }
                                 << QStringLiteral("Nothing was sent. Tick it.");
        QTest::newRow("Chinese") << QStringList { QStringLiteral("未发送任何内容。"), QStringLiteral("请勾选。") }
                                 << QStringLiteral("未发送任何内容。请勾选。");
        QTest::newRow("after a full-width colon and question mark")
            << QStringList { QStringLiteral("原因："), QStringLiteral("是否继续？"), QStringLiteral("是。") }
            << QStringLiteral("原因：是否继续？是。");
        QTest::newRow("Chinese after English") << QStringList { QStringLiteral("See --again."),
            QStringLiteral("未发送。") } << QStringLiteral("See --again. 未发送。");
        QTest::newRow("empty ones left out")
            << QStringList { QString(), QStringLiteral("One."), QString(), QStringLiteral("Two.") }
            << QStringLiteral("One. Two.");
        QTest::newRow("none") << QStringList {} << QString();
    }
    void joins()
    {
        QFETCH(QStringList, sentences);
        QFETCH(QString, text);
        QCOMPARE(Language::joinSentences(sentences), text);
    }
};

QTEST_GUILESS_MAIN(TestJoinSentences)
#include "TestJoinSentences.moc"
