#include "history/CaseId.h"

#include <QSet>
#include <QTest>
#include <QUuid>

// CaseId::create: a UUID of version 7 (RFC 9562) whose first 48 bits are the creation time in milliseconds, so that
// ids sort in the order their cases were made, with the rest random.
class TestCaseId : public QObject
{
    Q_OBJECT

private slots:
    void layout_data()
    {
        QTest::addColumn<qint64>("unixMs");
        QTest::addColumn<QString>("timeHex"); // the first 12 hex digits, dashes left out
        QTest::newRow("epoch") << qint64(0) << QStringLiteral("000000000000");
        QTest::newRow("2026-11-25 09:00 UTC") << qint64(1795597200000) << QStringLiteral("01a211eeea80");
        QTest::newRow("largest 48-bit") << ((qint64(1) << 48) - 1) << QStringLiteral("ffffffffffff");
        QTest::newRow("before 1970 reads as 1970") << qint64(-5) << QStringLiteral("000000000000");
    }

    void layout()
    {
        QFETCH(qint64, unixMs);
        QFETCH(QString, timeHex);
        const QString id = CaseId::create(unixMs);
        QCOMPARE(id.size(), 36);
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
        QCOMPARE(QString(id).remove(u'-').left(12), timeHex);
        QCOMPARE(id.at(14), QLatin1Char('7')); // version (Qt 6.4's QUuid::version() knows only 1 to 5)
        QVERIFY2(QStringLiteral("89ab").contains(id.at(19)), qPrintable(id)); // variant 10xx
        QCOMPARE(id, id.toLower());
    }

    // Later ids sort after earlier ones as plain strings (what the indexes compare); ids of one millisecond differ.
    void laterSortsAfter()
    {
        QString previous;
        QSet<QString> seen;
        for (qint64 ms = 1795597200000; ms < 1795597200000 + 300; ++ms) {
            for (int i = 0; i < 10; ++i) {
                const QString id = CaseId::create(ms);
                QVERIFY2(!seen.contains(id), qPrintable(id));
                seen.insert(id);
                if (i == 0) {
                    QVERIFY2(previous < id, qPrintable(previous + u' ' + id));
                    previous = id;
                }
            }
        }
        QCOMPARE(seen.size(), 3000);
    }

    // The random part really varies: 74 bits, of which the 16 hex digits after the version differ between two ids.
    void randomPartVaries()
    {
        const QString a = CaseId::create(1795597200000).mid(15);
        const QString b = CaseId::create(1795597200000).mid(15);
        QVERIFY(a != b);
    }
};

QTEST_GUILESS_MAIN(TestCaseId)
#include "TestCaseId.moc"
