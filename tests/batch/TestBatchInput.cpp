#include "api/VerificationResult.h"
#include "batch/BatchInput.h"
#include "batch/BatchJournal.h"
#include "batch/BatchOutcome.h"

#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

// The batch file as a person or a spreadsheet writes it: the header in any order, a BOM or none, long-term cards,
// row problems named by field, and whole-file refusals (not UTF-8, unknown or missing columns).
class TestBatchInput : public QObject
{
    Q_OBJECT

    static QDate today() { return QDate(2026, 12, 1); }

private slots:
    void readsRows_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("end");
        QTest::addColumn<bool>("longTerm");
        QTest::addColumn<QString>("scene");
        QTest::addColumn<QString>("bizId");

        const QByteArray row = "王小明,110101199003071233,20200610,20400610";
        QTest::newRow("plain") << QByteArray("name,id_number,start,end\r\n" + row + "\r\n") << QStringLiteral("王小明")
                               << QDate(2020, 6, 10) << QDate(2040, 6, 10) << false << QString() << QString();
        QTest::newRow("bom, LF, last line without end")
            << QByteArray("\xEF\xBB\xBFname,id_number,start,end\n" + row) << QStringLiteral("王小明")
            << QDate(2020, 6, 10) << QDate(2040, 6, 10) << false << QString() << QString();
        QTest::newRow("any order, optional columns, header case and spaces")
            << QByteArray(" Merchant_Biz_Id ,end,SCENE,start,id_number,name,user_id\r\n"
                          "abc123,20400610,onboard,20200610,110101199003071233,王小明,u@example.com\r\n")
            << QStringLiteral("王小明") << QDate(2020, 6, 10) << QDate(2040, 6, 10) << false
            << QStringLiteral("onboard") << QStringLiteral("abc123");
        QTest::newRow("long-term in Chinese")
            << QByteArray("name,id_number,start,end\n赵长青,510107196001150017,20100520,长期\n")
            << QStringLiteral("赵长青") << QDate(2010, 5, 20) << QDate() << true << QString() << QString();
        QTest::newRow("long-term in English")
            << QByteArray("name,id_number,start,end\n赵长青,510107196001150017,20100520,Long-Term\n")
            << QStringLiteral("赵长青") << QDate(2010, 5, 20) << QDate() << true << QString() << QString();
        QTest::newRow("quoted cells") << QByteArray(
            "name,id_number,start,end\n\"阿依古丽·买买提\",\"650102199509091524\",20180102,20280102\n")
                                      << QStringLiteral("阿依古丽·买买提") << QDate(2018, 1, 2) << QDate(2028, 1, 2)
                                      << false << QString() << QString();
        QTest::newRow("old Mac line ends (a lone CR)")
            << QByteArray("name,id_number,start,end\r" + row + "\r") << QStringLiteral("王小明") << QDate(2020, 6, 10)
            << QDate(2040, 6, 10) << false << QString() << QString();
        QTest::newRow("full-width digits in the dates (a Chinese input method)") << QByteArray(
            "name,id_number,start,end\n王小明,110101199003071233,２０２００６１０,\xE3\x80\x80２０４００６１０\n")
                                                                                 << QStringLiteral("王小明")
                                                                                 << QDate(2020, 6, 10)
                                                                                 << QDate(2040, 6, 10) << false
                                                                                 << QString() << QString();
        QTest::newRow("empty values after the last column (as spreadsheets write them)")
            << QByteArray("name,id_number,start,end\r\n" + row + ",, \r\n") << QStringLiteral("王小明")
            << QDate(2020, 6, 10) << QDate(2040, 6, 10) << false << QString() << QString();
        QTest::newRow("empty names after the last column of the header too")
            << QByteArray("name,id_number,start,end,, \r\n" + row + ",,\r\n") << QStringLiteral("王小明")
            << QDate(2020, 6, 10) << QDate(2040, 6, 10) << false << QString() << QString();
    }
    void readsRows()
    {
        QFETCH(QByteArray, csv);
        const Result<BatchInput> input = BatchInput::parse(csv, today());
        QVERIFY2(input.ok(), qPrintable(input.message()));
        QCOMPARE(input->rows().size(), 1);
        const BatchRow& row = input->rows().first();
        QCOMPARE(row.number, 1);
        QCOMPARE(row.line, 2);
        QTEST(row.input.name, "name");
        QTEST(row.input.validityStart, "start");
        QTEST(row.input.validityEnd, "end");
        QTEST(row.input.longTerm, "longTerm");
        QTEST(row.input.sceneCode, "scene");
        QTEST(row.input.merchantBizId, "bizId");
        QVERIFY(!row.refused());
    }

    void refusesRowsNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("code");

        QTest::newRow("checksum") << QByteArray("王小明,110101199003071234,20200610,20400610")
                                  << static_cast<int>(CaseField::IdNumber) << QStringLiteral("id.checksum");
        QTest::newRow("start not a date")
            << QByteArray("王小明,110101199003071233,2020-06-10,20400610") << static_cast<int>(CaseField::ValidityStart)
            << QStringLiteral("start.format");
        QTest::newRow("end not a date") << QByteArray("王小明,110101199003071233,20200610,20401310")
                                        << static_cast<int>(CaseField::ValidityEnd) << QStringLiteral("end.format");
        QTest::newRow("end not a date, in full-width digits")
            << QByteArray("王小明,110101199003071233,20200610,２０４０１３１０")
            << static_cast<int>(CaseField::ValidityEnd) << QStringLiteral("end.format");
        QTest::newRow("name empty") << QByteArray(",110101199003071233,20200610,20400610")
                                    << static_cast<int>(CaseField::Name) << QStringLiteral("name.empty");
        QTest::newRow("end missing") << QByteArray("王小明,110101199003071233,20200610,")
                                     << static_cast<int>(CaseField::ValidityEnd) << QStringLiteral("end.required");
    }
    void refusesRowsNamingTheField()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, field);
        QFETCH(QString, code);
        const Result<BatchInput> input = BatchInput::parse("name,id_number,start,end\n李华,310104198511202043,20190315,"
                                                           "20390315\n"
                + line + "\n王小明,110101199003071233,20200610,20400610",
            today());
        QVERIFY2(input.ok(), qPrintable(input.message()));
        QCOMPARE(input->rows().size(), 3);
        QCOMPARE(input->refusedCount(), 1);
        const BatchRow& bad = input->rows()[1];
        QVERIFY(bad.refused());
        QCOMPARE(bad.line, 3);
        QVERIFY(!bad.issues.isEmpty());
        QCOMPARE(static_cast<int>(bad.issues.first().field), field);
        QCOMPARE(bad.issues.first().code, code);
        QVERIFY(bad.issues.first().message.contains(CaseValidator::fieldLabel(bad.issues.first().field)));
        QVERIFY(!input->rows()[0].refused());
        QVERIFY(!input->rows()[2].refused());
    }

    void repeatedMerchantBizIdIsRefused()
    {
        const Result<BatchInput> input = BatchInput::parse("name,id_number,start,end,merchant_biz_id\n"
                                                           "王小明,110101199003071233,20200610,20400610,same1\n"
                                                           "李华,310104198511202043,20190315,20390315,same1\n",
            today());
        QVERIFY(input.ok());
        QVERIFY(!input->rows()[0].refused());
        QVERIFY(input->rows()[1].refused());
        QCOMPARE(input->rows()[1].issues.first().code, QStringLiteral("bizid.repeated"));
    }

    // A row with the same case as an earlier one (the name, ID number and dates as they would be sent) is refused,
    // naming the row that is sent: two calls would be billed twice. Scene, user id and MerchantBizId do not make it
    // another case.
    void repeatedCaseIsRefused_data()
    {
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<bool>("repeated");
        const QByteArray head = "王小明,110101199003071233,20200610,";
        QTest::newRow("the same") << head + "20400610,,," << true;
        QTest::newRow("spaces, a full-width digit")
            << QByteArray(" 王小明 ,1101011990030７1233 ,20200610,20400610,,,") << true;
        QTest::newRow("another scene and MerchantBizId") << head + "20400610,branch,,ownid2" << true;
        QTest::newRow("another user id") << head + "20400610,,user7," << true;
        QTest::newRow("another end date") << head + "20400611,,," << false;
        QTest::newRow("another name") << QByteArray("王小名,110101199003071233,20200610,20400610,,,") << false;
        QTest::newRow("refused for its own reason") << head + "2040-06-10,,," << false;
    }
    void repeatedCaseIsRefused()
    {
        QFETCH(QByteArray, second);
        QFETCH(bool, repeated);
        const Result<BatchInput> input = BatchInput::parse("name,id_number,start,end,scene,user_id,merchant_biz_id\n"
                                                           "王小明,110101199003071233,20200610,20400610,,,ownid1\n"
                                                           "李华,310104198511202043,20190315,20390315,,,\n"
                + second + '\n',
            today());
        QVERIFY2(input.ok(), qPrintable(input.message()));
        QCOMPARE(input->rows().size(), 3);
        QVERIFY(!input->rows()[0].refused());
        const BatchRow& row = input->rows()[2];
        const auto found = std::find_if(row.issues.begin(), row.issues.end(), [](const ValidationIssue& issue) {
            return issue.code == QLatin1String("case.repeated");
        });
        QCOMPARE(found != row.issues.end(), repeated);
        if (!repeated)
            return;
        QVERIFY(row.refused());
        QCOMPARE(found->field, CaseField::IdNumber);
        QVERIFY2(
            found->message.contains(QStringLiteral("row 1")) && found->message.startsWith(QStringLiteral("ID number")),
            qPrintable(found->message));
        QCOMPARE(input->refusedCount(), 1);
    }

    // A compatibility ideograph (U+F9E1) is the same character as the unified one (李): the same case, sent once.
    void compatibilityIdeographIsTheSameCase()
    {
        const Result<BatchInput> input = BatchInput::parse("name,id_number,start,end\n"
                                                           "李华,310104198511202043,20190315,20390315\n"
                                                           "\xEF\xA7\xA1华,310104198511202043,20190315,20390315\n",
            today());
        QVERIFY2(input.ok(), qPrintable(input.message()));
        QVERIFY(!input->rows()[0].refused());
        QVERIFY(input->rows()[1].refused());
        QCOMPARE(input->rows()[1].issues.first().code, QStringLiteral("case.repeated"));
    }

    void warningsAreCounted()
    {
        // A 20-year card for someone who was 14 when it was issued: a plausibility warning, not a refusal.
        const Result<BatchInput> input =
            BatchInput::parse("name,id_number,start,end\n刘洋,33010620120418208X,20230901,20430901\n", today());
        QVERIFY(input.ok());
        QCOMPARE(input->refusedCount(), 0);
        QCOMPARE(input->warningCount(), 1);
        QVERIFY(input->rows().first().hasWarning());
    }

    void defaultSceneFillsEmptyOnes()
    {
        const Result<BatchInput> input = BatchInput::parse("name,id_number,start,end,scene\n"
                                                           "王小明,110101199003071233,20200610,20400610,\n"
                                                           "李华,310104198511202043,20190315,20390315,own\n",
            today(),
            QStringLiteral("dflt"));
        QVERIFY(input.ok());
        QCOMPARE(input->rows()[0].input.sceneCode, QStringLiteral("dflt"));
        QCOMPARE(input->rows()[1].input.sceneCode, QStringLiteral("own"));
    }

    // The list's digest (what the batch registry remembers) is the rows as they would be sent: an Excel re-save
    // (CRLF, a byte-order mark, quotes, a final blank line), another column order or spaces around values are the same
    // list; a changed value or another row order is not.
    void listDigest_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<bool>("same");
        QTest::newRow("the same bytes") << QByteArray("name,id_number,start,end\n王小明,110101199003071233,20200610,"
                                                      "20400610\n测试乙,11010519491231002X,20100101,长期\n")
                                        << true;
        QTest::newRow("CRLF and a byte-order mark") << QByteArray(
            "\xEF\xBB\xBFname,id_number,start,end\r\n王小明,110101199003071233,20200610,20400610\r\n测试乙,"
            "11010519491231002X,20100101,长期\r\n") << true;
        QTest::newRow("quoted, no final line end")
            << QByteArray("\"name\",\"id_number\",\"start\",\"end\"\n\"王小明\",\"110101199003071233\",\"20200610\","
                          "\"20400610\"\n\"测试乙\",\"11010519491231002X\",\"20100101\",\"长期\"")
            << true;
        QTest::newRow("another column order, spaces, lower-case x") << QByteArray(
            "end,start,id_number,name\n20400610 , 20200610,110101199003071233, "
            "王小明\n长期,20100101,11010519491231002x,测试乙\n") << true;
        QTest::newRow("rows of only commas, as spreadsheets end exports") << QByteArray(
            "name,id_number,start,end\n王小明,110101199003071233,20200610,20400610\n,,,\n测试乙,"
            "11010519491231002X,20100101,长期\n,,,\n , ,,\n") << true;
        QTest::newRow("full-width digits in a date") << QByteArray(
            "name,id_number,start,end\n王小明,110101199003071233,20200610,２０４００６１０\n测试乙,11010519491231002X,"
            "20100101,"
            "长期\n") << true;
        QTest::newRow("long-term spelled in English") << QByteArray(
            "name,id_number,start,end\n王小明,110101199003071233,20200610,20400610\n测试乙,11010519491231002X,20100101,"
            "long-term\n") << true;
        QTest::newRow("another end date") << QByteArray("name,id_number,start,end\n王小明,110101199003071233,20200610,"
                                                        "20400611\n测试乙,11010519491231002X,20100101,长期\n")
                                          << false;
        QTest::newRow("the rows swapped") << QByteArray("name,id_number,start,end\n测试乙,11010519491231002X,20100101,"
                                                        "长期\n王小明,110101199003071233,20200610,20400610\n")
                                          << false;
        QTest::newRow("a row fewer") << QByteArray(
            "name,id_number,start,end\n王小明,110101199003071233,20200610,20400610\n")
                                     << false;
        QTest::newRow("a scene given") << QByteArray("name,id_number,start,end,scene\n王小明,110101199003071233,"
                                                     "20200610,20400610,A1\n测试乙,11010519491231002X,20100101,长期,\n")
                                       << false;
    }
    void listDigest()
    {
        QFETCH(QByteArray, csv);
        QFETCH(bool, same);
        const Result<BatchInput> reference =
            BatchInput::parse("name,id_number,start,end\n王小明,110101199003071233,20200610,"
                              "20400610\n测试乙,11010519491231002X,20100101,长期\n",
                today());
        const Result<BatchInput> input = BatchInput::parse(csv, today());
        QVERIFY2(reference.ok() && input.ok(), qPrintable(input.message()));
        QCOMPARE(reference->listDigest().size(), 64);
        QCOMPARE(input->listDigest() == reference->listDigest(), same);
    }

    // A row's line is the line its record starts on, as an editor numbers them: a quoted value with line breaks and
    // blank lines count. rows: the lines of the rows read, in order.
    void rowsKnowTheirLines_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QList<int>>("lines");
        const QByteArray second = "李华,310104198511202043,20190315,20390315";
        QTest::newRow("a name on two lines (LF)")
            << QByteArray("name,id_number,start,end\n\"王\n小明\",110101199003071233,20200610,20400610\n" + second)
            << QList<int> { 2, 4 };
        QTest::newRow("a name on three lines (CRLF)") << QByteArray(
            "name,id_number,start,end\r\n\"王\r\n小\r\n明\",110101199003071233,20200610,20400610\r\n" + second + "\r\n")
                                                      << QList<int> { 2, 5 };
        QTest::newRow("old Mac line ends, in a value too")
            << QByteArray("name,id_number,start,end\r\"王\r小明\",110101199003071233,20200610,20400610\r" + second)
            << QList<int> { 2, 4 };
        QTest::newRow("blank lines between") << QByteArray(
            "name,id_number,start,end\n\n王小明,110101199003071233,20200610,20400610\n,,,\n\n" + second + "\n\n")
                                             << QList<int> { 3, 6 };
    }
    void rowsKnowTheirLines()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QList<int>, lines);
        const Result<BatchInput> input = BatchInput::parse(csv, today());
        QVERIFY2(input.ok(), qPrintable(input.message()));
        QList<int> read;
        for (const BatchRow& row : input->rows())
            read.append(row.line);
        QCOMPARE(read, lines);
    }

    // At most maxRows rows, however many blank lines (as a spreadsheet may leave) come with them.
    void rowLimitCountsRowsNotLines_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("the limit, and blank lines") << int(BatchInput::maxRows) << true;
        QTest::newRow("one row more") << int(BatchInput::maxRows) + 1 << false;
    }
    void rowLimitCountsRowsNotLines()
    {
        QFETCH(int, rows);
        QFETCH(bool, accepted);
        QByteArray csv = "name,id_number,start,end\n";
        csv.reserve(rows * 48 + 5000);
        for (int i = 0; i < rows; ++i)
            csv += "王小明,110101199003071233,20200610,20400610\n";
        for (int i = 0; i < 1000; ++i)
            csv += ",,,\n\n";
        const Result<BatchInput> input = BatchInput::parse(csv, today());
        QCOMPARE(input.ok(), accepted);
        if (accepted)
            QCOMPARE(input->rows().size(), rows);
        else
            QVERIFY2(input.message().contains(QString::number(BatchInput::maxRows)), qPrintable(input.message()));
    }

    void refusesTheWholeFile_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("says");

        // 王小明 in GBK: not UTF-8.
        QTest::newRow("GBK") << QByteArray("name,id_number,start,end\n\xCD\xF5\xD0\xA1\xC3\xF7,110101199003071233,"
                                           "20200610,20400610\n")
                             << QStringLiteral("GBK");
        QTest::newRow("unknown column") << QByteArray("name,id_nuber,start,end\n") << QStringLiteral("id_nuber");
        QTest::newRow("missing column") << QByteArray("name,id_number,start\n") << QStringLiteral("\"end\"");
        QTest::newRow("repeated column") << QByteArray("name,id_number,start,end,name\n") << QStringLiteral("twice");
        QTest::newRow("no header line") << QByteArray("王小明,110101199003071233,20200610,20400610\n")
                                        << QStringLiteral("Column 1 of the first line is not a column name");
        QTest::newRow("no header line, a one-word name in pinyin")
            << QByteArray("Wang,110101199003071233,20200610,20400610\n")
            << QStringLiteral("Column 1 of the first line is not a column name");
        QTest::newRow("a mistyped column name")
            << QByteArray("nmae,id_number,start,end\n") << QStringLiteral("\"nmae\"");
        QTest::newRow("no header line, a name in pinyin")
            << QByteArray("Wang Xiaoming,110101199003071233,20200610,20400610\n")
            << QStringLiteral("Column 1 of the first line is not a column name");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("bad CSV") << QByteArray("name,id_number,start,end\n\"open,1,2,3\n") << QStringLiteral("CSV");
        QTest::newRow("a value more than the header")
            << QByteArray("name,id_number,start,end\n王小明,110101199003071233,20200610,20400610\n"
                          "Wang, Xiaoming,110101199003071233,20200610,20400610\n")
            << QStringLiteral("Line 3 has 5 values but the header names 4 columns");
        QTest::newRow("a value under a column the header leaves unnamed")
            << QByteArray("name,id_number,start,end,\n王小明,110101199003071233,20200610,20400610,13800138000\n")
            << QStringLiteral("Line 2 has 5 values but the header names 4 columns");
        QTest::newRow("a value more than the header, after a name on two lines")
            << QByteArray("name,id_number,start,end\n\"王\n小明\",110101199003071233,20200610,20400610\n"
                          "Wang, Xiaoming,110101199003071233,20200610,20400610\n")
            << QStringLiteral("Line 4 has 5 values but the header names 4 columns");
    }
    void refusesTheWholeFile()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, says);
        const Result<BatchInput> input = BatchInput::parse(csv, today());
        QVERIFY(!input.ok());
        QCOMPARE(input.error(), ErrorCode::InvalidArgument);
        QVERIFY2(input.message().contains(says), qPrintable(input.message()));
        // Whatever the first line holds, the refusal (shown, printed) quotes no person.
        QVERIFY(!input.message().contains(QStringLiteral("王小明")));
        QVERIFY(!input.message().contains(QStringLiteral("Xiaoming")));
        QVERIFY(!input.message().contains(QStringLiteral("Wang")));
        QVERIFY(!input.message().contains(QStringLiteral("110101199003071233")));
    }

    // A cell read as a date that is not one is quoted only when it looks like a date: in a row whose columns are not
    // in the header's order it may be the ID number or the name, and the message goes to the screen and the results.
    void aBadDateQuotesNoPerson_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("a date written otherwise")
            << QByteArray("王小明,110101199003071233,2020-06-10,20400610") << QStringLiteral("\"2020-06-10\"");
        QTest::newRow("the ID number where the start is")
            << QByteArray("王小明,20200610,110101199003071233,20400610") << QString();
        QTest::newRow("the name where the end is")
            << QByteArray("20400610,110101199003071233,20200610,王小明") << QString();
        QTest::newRow("a phone number where the start is")
            << QByteArray("王小明,110101199003071233,13800138000,20400610") << QString();
    }
    void aBadDateQuotesNoPerson()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, quoted);
        const Result<BatchInput> input = BatchInput::parse("name,id_number,start,end\n" + line + '\n', today());
        QVERIFY2(input.ok(), qPrintable(input.message()));
        const BatchRow& row = input->rows().first();
        QVERIFY(row.refused());
        int dateIssues = 0;
        for (const ValidationIssue& each : row.issues) {
            QVERIFY2(!each.message.contains(QStringLiteral("王小明"))
                    && !each.message.contains(QStringLiteral("110101199003071233"))
                    && !each.message.contains(QStringLiteral("13800138000")),
                qPrintable(each.message));
            if (each.code == QLatin1String("start.format") || each.code == QLatin1String("end.format")) {
                ++dateIssues;
                QVERIFY2(quoted.isEmpty() || each.message.contains(quoted), qPrintable(each.message));
            }
        }
        QCOMPARE(dateIssues, 1);
    }

    // The same list at the same output resumes the same batch (same MerchantBizIds), also from a file saved again
    // with other bytes (the same rows); another list starts anew. A journal of an older build (the file's digest
    // only) still resumes the same bytes.
    void journalResumesOnlyTheSameList()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("results.csv"));
        const QDateTime now = QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        bool resumed = true;
        const BatchJournal first = BatchJournal::forInput(out, "input one", "list one", now, &resumed);
        QVERIFY(!resumed);
        QVERIFY(!first.resumed);
        QVERIFY(first.save(out).ok());
        const BatchJournal again = BatchJournal::forInput(out, "input one", "list one", now.addSecs(600), &resumed);
        QVERIFY(resumed);
        QVERIFY(again.resumed);
        QCOMPARE(again.batchId, first.batchId);
        QCOMPARE(again.startedAt, now);
        QCOMPARE(again.merchantBizIdFor(7), first.merchantBizIdFor(7));
        QVERIFY(first.merchantBizIdFor(7) != first.merchantBizIdFor(8));
        QCOMPARE(first.merchantBizIdFor(7).size(), 32);
        const BatchJournal resaved = BatchJournal::forInput(out, "input one\r\n", "list one", now, &resumed);
        QVERIFY(resumed);
        QCOMPARE(resaved.batchId, first.batchId);
        const BatchJournal other = BatchJournal::forInput(out, "input two", "list two", now, &resumed);
        QVERIFY(!resumed);
        QVERIFY(!other.resumed);
        QVERIFY(other.batchId != first.batchId);

        BatchJournal older = first; // as an older build wrote it: no list digest
        older.listSha256.clear();
        QVERIFY(older.save(out).ok());
        QCOMPARE(BatchJournal::forInput(out, "input one", "list one", now, &resumed).batchId, first.batchId);
        QVERIFY(resumed);
        QVERIFY(BatchJournal::forInput(out, "input two", "list one", now, &resumed).batchId != first.batchId);
        QVERIFY(!resumed);
    }

    // A row's outcome says what the history says of its case: an answer that could not be read (malformed,
    // oversized) may have been billed, so it is unknown (not sent again), never an error (which says: not billed,
    // run again to send it).
    void outcomeOfAResult_data()
    {
        using S = VerificationResult::Status;
        using E = VerificationResult::Error;
        QTest::addColumn<S>("status");
        QTest::addColumn<E>("error");
        QTest::addColumn<QString>("kind");
        QTest::newRow("passed") << S::Passed << E::None << QStringLiteral("passed");
        QTest::newRow("not passed") << S::NotPassed << E::None << QStringLiteral("not_passed");
        QTest::newRow("sent, no answer") << S::OutcomeUnknown << E::Timeout << QStringLiteral("unknown");
        QTest::newRow("a malformed answer") << S::NetworkError << E::MalformedResponse << QStringLiteral("unknown");
        QTest::newRow("an oversized answer") << S::NetworkError << E::OversizedResponse << QStringLiteral("unknown");
        QTest::newRow("refused before sending") << S::NetworkError << E::ConnectionRefused << QStringLiteral("error");
        QTest::newRow("throttled") << S::ApiError << E::Throttling << QStringLiteral("error");
        QTest::newRow("a bad parameter") << S::ApiError << E::InvalidParameter << QStringLiteral("error");
        QTest::newRow("not recorded") << S::NotRecorded << E::HistoryUnavailable << QStringLiteral("error");
    }
    void outcomeOfAResult()
    {
        QFETCH(VerificationResult::Status, status);
        QFETCH(VerificationResult::Error, error);
        QFETCH(QString, kind);
        VerificationResult result;
        result.status = status;
        result.error = error;
        if (status == VerificationResult::Status::Passed || status == VerificationResult::Status::NotPassed)
            result.subCode =
                status == VerificationResult::Status::Passed ? QStringLiteral("200") : QStringLiteral("223");
        QCOMPARE(BatchOutcome::kindKey(BatchOutcome::fromResult(result, QStringLiteral("case-1")).kind), kind);
    }
};

QTEST_GUILESS_MAIN(TestBatchInput)
#include "TestBatchInput.moc"
