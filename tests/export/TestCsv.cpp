#include "export/Csv.h"

#include "Rfc4180.h"

#include <QTest>

// The CSV of exports: RFC 4180 quoting, formula-injection neutralising, and reading back.
class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void byteOrderMarkIsSkippedOnce()
    {
        // A first cell that starts with U+FEFF, after the file's byte-order mark (found by fuzz_export_writers: the
        // decoder dropped it as a second mark).
        const QString cell = QString(QChar(0xFEFF)) + QChar(0xFEFF) + QStringLiteral("x");
        const Result<QList<QStringList>> back = Csv::parse(Csv::bom() + Csv::record({ cell }));
        QVERIFY2(back, qPrintable(back.message()));
        QCOMPARE(back->first().first(), cell);
    }

    void record_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("written");
        QTest::newRow("plain") << QStringLiteral("team0001") << QByteArray("team0001\r\n");
        QTest::newRow("empty") << QString() << QByteArray("\r\n");
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"\r\n");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"\r\n");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"\r\n");
        QTest::newRow("chinese") << QStringLiteral("王*") << QByteArray("王*\r\n");
        QTest::newRow("hyperlink") << QStringLiteral("=HYPERLINK(\"http://x.example\",\"y\")")
                                   << QByteArray("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\"\r\n");
        QTest::newRow("plus") << QStringLiteral("+1") << QByteArray("'+1\r\n");
        QTest::newRow("minus") << QStringLiteral("-1") << QByteArray("'-1\r\n");
        QTest::newRow("at") << QStringLiteral("@x") << QByteArray("'@x\r\n");
        QTest::newRow("tab") << QStringLiteral("\tx") << QByteArray("'\tx\r\n");
        QTest::newRow("cr") << QStringLiteral("\rx") << QByteArray("\"'\rx\"\r\n");
        QTest::newRow("single quote") << QStringLiteral("'x") << QByteArray("''x\r\n");
        QTest::newRow("inner equals") << QStringLiteral("a=b") << QByteArray("a=b\r\n");
    }

    void record()
    {
        QFETCH(QString, cell);
        QFETCH(QByteArray, written);
        QCOMPARE(Csv::record({ cell }), written);
        QByteArray fast; // the events export's byte-level path writes the same
        Csv::appendCell(fast, cell.toUtf8());
        QCOMPARE(fast + "\r\n", written);
        const Result<QList<QStringList>> back = Csv::parse(written);
        QVERIFY2(back, qPrintable(back.message()));
        QCOMPARE(back->size(), 1);
        QCOMPARE(Csv::unneutralise(back->first().first()), cell);
        const std::optional<QList<QStringList>> independent = Rfc4180::parse(written);
        QVERIFY(independent);
        QCOMPARE(independent->first(), back->first());
    }

    void parseRefuses_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("quote inside") << QByteArray("ab\"c\r\n");
        QTest::newRow("text after quote") << QByteArray("\"ab\"c\r\n");
        QTest::newRow("unterminated") << QByteArray("\"abc\r\n");
        QTest::newRow("a lone CR ends a line") << QByteArray("a,b\rc,d\r\n");
    }

    void parseRefuses()
    {
        QFETCH(QByteArray, data);
        const Result<QList<QStringList>> parsed = Csv::parse(data);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error(), ErrorCode::Corrupt);
    }

    // Where lone CRs are line ends (a list saved as "CSV (Macintosh)"), the same records as with CRLF; a CR inside
    // quotes stays in its cell.
    void loneCrEndsRecordsWhereAllowed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("CR only") << QByteArray("a,b\rc,d\r");
        QTest::newRow("CR, no final line end") << QByteArray("a,b\rc,d");
        QTest::newRow("mixed CR, LF and CRLF") << QByteArray("a,b\nc,d\r\n\r");
        QTest::newRow("quoted after a CR") << QByteArray("\"a\",b\r\"c\",d\r");
    }
    void loneCrEndsRecordsWhereAllowed()
    {
        QFETCH(QByteArray, data);
        const Result<QList<QStringList>> parsed = Csv::parse(data, Csv::LineEnds::AnyIncludingCr);
        QVERIFY2(parsed.ok(), qPrintable(parsed.message()));
        QList<QStringList> expected { { QStringLiteral("a"), QStringLiteral("b") },
            { QStringLiteral("c"), QStringLiteral("d") } };
        if (data.endsWith("\r\n\r"))
            expected.append(QStringList { QString() }); // an empty line, as with LF
        QCOMPARE(*parsed, expected);
        const Result<QList<QStringList>> inQuotes = Csv::parse("\"x\ry\"\rz\r", Csv::LineEnds::AnyIncludingCr);
        QVERIFY(inQuotes.ok());
        QCOMPARE(*inQuotes, (QList<QStringList> { { QStringLiteral("x\ry") }, { QStringLiteral("z") } }));
    }

    void bomIsSkipped()
    {
        const QByteArray data = Csv::bom() + Csv::record({ QStringLiteral("a"), QStringLiteral("b") });
        const Result<QList<QStringList>> parsed = Csv::parse(data);
        QVERIFY(parsed);
        QCOMPARE(parsed->first(), (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "TestCsv.moc"
