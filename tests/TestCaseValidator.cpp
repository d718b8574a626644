#include "domain/CaseValidator.h"

#include <QTest>

// ID numbers are synthetic; their check characters were computed by an independent Python script. "Today" is fixed.
namespace {

const QDate today(2026, 11, 25);

// Born 1980-05-12 (Chaoyang, Beijing; fictitious). 35 at the 2015-06-01 start -> 20 years.
const QString base = QStringLiteral("110105198005121231");
// GB 11643-1999 Appendix A example, born 1949-12-31.
const QString gbExample = QStringLiteral("11010519491231002X");

CaseInput validCase()
{
    CaseInput input;
    input.name = QStringLiteral("测试甲");
    input.idNumber = base;
    input.validityStart = QDate(2015, 6, 1);
    input.validityEnd = QDate(2035, 6, 1);
    return input;
}

QStringList codes(const QList<ValidationIssue>& issues)
{
    QStringList out;
    for (const ValidationIssue& issue : issues)
        out.append(issue.code);
    out.sort();
    return out;
}

} // namespace

class TestCaseValidator : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("end");
        QTest::addColumn<bool>("longTerm");
        QTest::addColumn<QString>("scene");
        QTest::addColumn<QString>("bizId");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QStringList>("expected");

        const CaseInput v = validCase();
        const QString n = v.name;
        const QDate s = v.validityStart;
        const QDate e = v.validityEnd;
        const QString none;
        auto row = [&](const char* title,
                       const QString& name,
                       const QString& id,
                       const QDate& start,
                       const QDate& end,
                       bool longTerm,
                       const QStringList& expected) {
            QTest::newRow(title) << name << id << start << end << longTerm << none << none << none << expected;
        };
        auto params = [&](const char* title,
                          const QString& scene,
                          const QString& bizId,
                          const QString& userId,
                          const QStringList& expected) {
            QTest::newRow(title) << n << base << s << e << false << scene << bizId << userId << expected;
        };
        const QStringList ok;
        auto c = [](std::initializer_list<const char*> list) {
            QStringList out;
            for (const char* code : list)
                out.append(QString::fromLatin1(code));
            return out;
        };

        // Valid cases.
        row("valid 20-year card", n, base, s, e, false, ok);
        row("GB example, long-term at 60", n, gbExample, QDate(2010, 3, 15), QDate(), true, ok);
        row("lower-case x", n, QStringLiteral("11010519491231002x"), QDate(2010, 3, 15), QDate(), true, ok);
        row("spaces inside the number", n, QStringLiteral(" 110105 19491231 002X "), QDate(2010, 3, 15), {}, true, ok);
        const QString fullWidth = QStringLiteral("\uFF11\uFF11\uFF10\uFF11\uFF10\uFF15198005121231");
        row("full-width digits", n, fullWidth, s, e, false, ok);
        row("long-term ignores end date", n, gbExample, QDate(2010, 3, 15), QDate(2001, 1, 1), true, ok);
        row("start today", n, base, today, QDate(), true, ok);

        // Name.
        row("name empty", QString(), base, s, e, false, c({ "name.empty" }));
        row("name blank", QStringLiteral("  \t "), base, s, e, false, c({ "name.empty" }));
        row("name 64 characters", QString(64, QChar(0x6D4B)), base, s, e, false, ok);
        row("name 65 characters", QString(65, QChar(0x6D4B)), base, s, e, false, c({ "name.length" }));
        row("name with digit", QStringLiteral("张三1"), base, s, e, false, c({ "name.chars" }));
        row("name with full-width digit", QStringLiteral("张三\uFF11"), base, s, e, false, c({ "name.chars" }));
        row("name with control character", QStringLiteral("张\u0001三"), base, s, e, false, c({ "name.chars" }));
        row("name with @", QStringLiteral("zhang@san"), base, s, e, false, c({ "name.chars" }));
        row("name of separators only", QStringLiteral("·-."), base, s, e, false, c({ "name.chars" }));
        row("name with middle dot", QStringLiteral("阿依古丽·买买提"), base, s, e, false, ok);
        row("name with bullet normalised", QStringLiteral("阿依古丽\u2022买买提"), base, s, e, false, ok);
        row("name with katakana dot normalised", QStringLiteral("阿依古丽\u30FB买买提"), base, s, e, false, ok);
        row("latin name with separators", QStringLiteral("John O'Neil-Smith Jr."), base, s, e, false, ok);
        row("name outside the BMP", QStringLiteral("测\U00020000"), base, s, e, false, ok);
        row("name with ideographic variation selector", QStringLiteral("葛\U000E0100亮"), base, s, e, false, ok);
        const QStringList spaced = c({ "warn.name_space_between_han" });
        row("space between Chinese characters", QStringLiteral("李 明"), base, s, e, false, spaced);
        row("full-width space between them", QStringLiteral("李\u3000明"), base, s, e, false, spaced);
        row("next line (U+0085) between them", QStringLiteral("李\u0085明"), base, s, e, false, spaced);
        row("space after a middle dot", QStringLiteral("阿依古丽· 买买提"), base, s, e, false, ok);
        row("space between Chinese and Latin", QStringLiteral("李 John"), base, s, e, false, ok);
        row("zero-width space", QStringLiteral("李\u200B明"), base, s, e, false, c({ "name.chars" }));

        // ID number.
        row("id empty", n, QString(), s, e, false, c({ "id.empty" }));
        row("id 15 digits", n, QStringLiteral("110105800512123"), s, e, false, c({ "id.legacy15" }));
        row("id 17 digits", n, QStringLiteral("11010519800512123"), s, e, false, c({ "id.length" }));
        row("id 19 characters", n, QStringLiteral("1101051980051212311"), s, e, false, c({ "id.length" }));
        row("id 15 with X", n, QStringLiteral("11010580051212X"), s, e, false, c({ "id.length" }));
        row("id letter inside", n, QStringLiteral("11010519491231A02X"), s, e, false, c({ "id.format" }));
        row("id X not last", n, QStringLiteral("1101051949123100X2"), s, e, false, c({ "id.format" }));
        row("id Arabic-Indic digit", n, QStringLiteral("11010519800512123\u0661"), s, e, false, c({ "id.format" }));
        row("Hong Kong permit", n, QStringLiteral("810000199001011230"), s, e, false, c({ "id.permit" }));
        row("Macao permit", n, QStringLiteral("820000199001011240"), s, e, false, c({ "id.permit" }));
        row("Taiwan permit", n, QStringLiteral("830000199001011250"), s, e, false, c({ "id.permit" }));
        row("province 99", n, QStringLiteral("990105198005121235"), s, e, false, c({ "id.province" }));
        row("province 16", n, QStringLiteral("160105198005121230"), s, e, false, c({ "id.province" }));
        row("province 71", n, QStringLiteral("710105198005121233"), s, e, false, c({ "id.province" }));
        row("birth 30 Feb", n, QStringLiteral("110105198002301237"), s, e, false, c({ "id.birthdate" }));
        row("birth month 13", n, QStringLiteral("110105198013121231"), s, e, false, c({ "id.birthdate" }));
        row("birth in the future", n, QStringLiteral("110105202701011238"), s, e, false, c({ "id.birth_future" }));
        row("check digit wrong", n, QStringLiteral("110105198005121232"), s, e, false, c({ "id.checksum" }));
        row("X instead of digit", n, QStringLiteral("11010519800512123X"), s, e, false, c({ "id.checksum" }));
        row("digits swapped", n, QStringLiteral("110105198005211231"), s, e, false, c({ "id.checksum" }));
        const QString badProvinceAndCheck = QStringLiteral("990105198005121231");
        row("province and checksum", n, badProvinceAndCheck, s, e, false, c({ "id.checksum", "id.province" }));

        // Validity dates.
        row("start missing", n, base, QDate(), e, false, c({ "start.required" }));
        row("start tomorrow", n, base, today.addDays(1), QDate(2046, 11, 26), false, c({ "start.future" }));
        const QString born2010 = QStringLiteral("110105201006011231"); // born 2010-06-01
        const QStringList beforeBirth = c({ "start.before_birth" });
        row("start before birth", n, born2010, QDate(2009, 1, 1), QDate(2014, 1, 1), false, beforeBirth);
        row("end missing", n, base, s, QDate(), false, c({ "end.required" }));
        row("end equals start", n, base, s, s, false, c({ "end.not_after_start" }));
        row("end before start", n, base, s, s.addDays(-1), false, c({ "end.not_after_start" }));

        // Request parameters.
        params("scene code valid", QStringLiteral("Desk_01"), none, none, ok);
        params("scene code 10", QStringLiteral("ABCDEFGHIJ"), none, none, ok);
        params("scene code 11", QStringLiteral("ABCDEFGHIJK"), none, none, c({ "scene.format" }));
        params("scene code hyphen", QStringLiteral("desk-1"), none, none, c({ "scene.format" }));
        params("scene code Chinese", QStringLiteral("场景"), none, none, c({ "scene.format" }));
        params("biz id 32", none, QString(32, QLatin1Char('a')), none, ok);
        params("biz id 33", none, QString(33, QLatin1Char('a')), none, c({ "bizid.format" }));
        params("biz id hyphen", none, QStringLiteral("case-0001"), none, c({ "bizid.format" }));
        params("biz id an ID number", none, QStringLiteral("110105199003074528"), none, c({ "bizid.id_number" }));
        params(
            "biz id an ID number ending x", none, QStringLiteral("11010519900307451x"), none, c({ "bizid.id_number" }));
        params("biz id 18 digits, another checksum",
            none,
            QStringLiteral("110105199003074521"),
            none,
            c({ "bizid.id_number" }));
        params("biz id 17 digits", none, QStringLiteral("11010519900307452"), none, ok);
        params("biz id 19 digits", none, QStringLiteral("1101051990030745281"), none, ok);
        params("biz id 17 digits and a letter", none, QStringLiteral("11010519900307452A"), none, ok);
        params("user id 128", none, none, QString(128, QLatin1Char('u')), ok);
        params("user id 129", none, none, QString(129, QLatin1Char('u')), c({ "userid.length" }));
        params("user id e-mail", none, none, QStringLiteral("someone@example.com"), ok);

        // Warnings. Term bands by age on the start date.
        const QStringList termMismatch = c({ "warn.term_mismatch" });
        row("10 years at 40", n, base, QDate(2020, 6, 1), QDate(2030, 6, 1), false, termMismatch);
        row("20 years at 60", n, gbExample, QDate(2010, 3, 15), QDate(2030, 3, 15), false, termMismatch);
        row("long-term at 35", n, base, s, QDate(), true, c({ "warn.long_term_under_46" }));
        row("long-term at 45", n, base, QDate(2026, 5, 11), QDate(), true, c({ "warn.long_term_under_46" }));
        row("long-term at 46", n, base, QDate(2026, 5, 12), QDate(), true, ok);
        row("month-day differs", n, base, s, QDate(2035, 6, 2), false, c({ "warn.month_day" }));
        const QString born2005 = QStringLiteral("110105200506011233"); // born 2005-06-01: 16 on 2021-06-01
        row("age 16 -> 10 years", n, born2005, QDate(2021, 6, 1), QDate(2031, 6, 1), false, ok);
        row("age 15 -> 5 years, not 10", n, born2005, QDate(2021, 5, 31), QDate(2031, 5, 31), false, termMismatch);
        const QString born1990 = QStringLiteral("110105199003101231"); // born 1990-03-10: 26 on 2016-03-10
        row("age 26 -> 20 years", n, born1990, QDate(2016, 3, 10), QDate(2036, 3, 10), false, ok);
        const QString born1970 = QStringLiteral("110105197007011234"); // born 1970-07-01: 45 on 2016-06-30
        row("age 45 -> 20 years", n, born1970, QDate(2016, 6, 30), QDate(2036, 6, 30), false, ok);
        // Born 2000-01-01: 20 on 2020-02-29, 10 years to a non-leap year.
        const QString born2000 = QStringLiteral("110105200001011238");
        const QStringList monthDay = c({ "warn.month_day" });
        row("29 Feb start -> 28 Feb", n, born2000, QDate(2020, 2, 29), QDate(2030, 2, 28), false, ok);
        row("29 Feb start -> 1 Mar", n, born2000, QDate(2020, 2, 29), QDate(2030, 3, 1), false, ok);
        row("29 Feb start -> 2 Mar", n, born2000, QDate(2020, 2, 29), QDate(2030, 3, 2), false, monthDay);
        row("start before 2004", n, gbExample, QDate(2003, 5, 1), QDate(), true, c({ "warn.start_before_2004" }));
        // 25 on 2006-01-10 -> 10 years, ended 2016.
        row("expired", n, base, QDate(2006, 1, 10), QDate(2016, 1, 10), false, c({ "warn.expired" }));
        row("ends today is not expired", n, base, QDate(2006, 11, 25), QDate(2026, 11, 25), false, ok);

        // Several fields at once.
        const QStringList three = c({ "id.checksum", "name.empty", "start.future" });
        const QString badCheck = QStringLiteral("110105198005121232");
        row("empty name, bad checksum, future start", {}, badCheck, today.addDays(3), today.addYears(20), false, three);
    }

    void rules()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QFETCH(QDate, start);
        QFETCH(QDate, end);
        QFETCH(bool, longTerm);
        QFETCH(QString, scene);
        QFETCH(QString, bizId);
        QFETCH(QString, userId);
        QFETCH(QStringList, expected);

        CaseInput input;
        input.name = name;
        input.idNumber = id;
        input.validityStart = start;
        input.validityEnd = end;
        input.longTerm = longTerm;
        input.sceneCode = scene;
        input.merchantBizId = bizId;
        input.merchantUserId = userId;

        const QList<ValidationIssue> issues = CaseValidator::check(input, today);
        QCOMPARE(codes(issues), expected);

        bool anyBlocking = false;
        for (const ValidationIssue& issue : issues) {
            QCOMPARE(issue.blocking, !issue.code.startsWith(QLatin1String("warn.")));
            QVERIFY2(!issue.message.isEmpty(), qPrintable(issue.code));
            anyBlocking = anyBlocking || issue.blocking;
        }
        QCOMPARE(CaseValidator::hasBlocking(issues), anyBlocking);
    }

    void messagesNameTheirField()
    {
        // One case that triggers an issue on every field; each message mentions its field's label.
        CaseInput input;
        input.idNumber = QStringLiteral("110105198005121232");
        input.sceneCode = QStringLiteral("too-long-scene");
        input.merchantBizId = QStringLiteral("not valid!");
        input.merchantUserId = QString(200, QLatin1Char('u'));
        const QList<ValidationIssue> issues = CaseValidator::check(input, today);
        QCOMPARE(codes(issues),
            QStringList({ QStringLiteral("bizid.format"),
                QStringLiteral("end.required"),
                QStringLiteral("id.checksum"),
                QStringLiteral("name.empty"),
                QStringLiteral("scene.format"),
                QStringLiteral("start.required"),
                QStringLiteral("userid.length") }));
        for (const ValidationIssue& issue : issues)
            QVERIFY2(issue.message.contains(CaseValidator::fieldLabel(issue.field)), qPrintable(issue.message));

        // Warnings name their field too.
        CaseInput warned = validCase();
        warned.validityStart = QDate(2003, 6, 1);
        warned.validityEnd = QDate(2023, 6, 2);
        const QList<ValidationIssue> warnings = CaseValidator::check(warned, today);
        QCOMPARE(codes(warnings),
            QStringList({ QStringLiteral("warn.expired"),
                QStringLiteral("warn.month_day"),
                QStringLiteral("warn.start_before_2004"),
                QStringLiteral("warn.term_mismatch") }));
        for (const ValidationIssue& issue : warnings) {
            QVERIFY(!issue.blocking);
            QVERIFY2(issue.message.contains(CaseValidator::fieldLabel(issue.field)), qPrintable(issue.message));
        }
    }

    void termMismatchMentions223()
    {
        CaseInput input = validCase();
        input.validityEnd = QDate(2025, 6, 1);
        input.validityStart = QDate(2015, 6, 1);
        const QList<ValidationIssue> issues = CaseValidator::check(input, QDate(2020, 1, 1));
        QCOMPARE(codes(issues), QStringList { QStringLiteral("warn.term_mismatch") });
        QVERIFY(issues.first().message.contains(QLatin1String("223")));
        QCOMPARE(issues.first().field, CaseField::ValidityEnd);
    }

    void checksumMessageDoesNotRevealTheCheckCharacter()
    {
        // Correct would be ...1231; the message must not help anyone complete a fabricated number.
        CaseInput input = validCase();
        input.idNumber = QStringLiteral("110105198005121232");
        const QList<ValidationIssue> issues = CaseValidator::check(input, today);
        QCOMPARE(issues.size(), 1);
        const QString message = issues.first().message;
        for (const QChar c : message)
            QVERIFY2(!c.isDigit() && c != u'X', qPrintable(message));
    }

    void fieldLabels()
    {
        QCOMPARE(CaseValidator::fieldLabel(CaseField::Name), QStringLiteral("Name"));
        QCOMPARE(CaseValidator::fieldLabel(CaseField::IdNumber), QStringLiteral("ID number"));
        QCOMPARE(CaseValidator::fieldLabel(CaseField::ValidityStart), QStringLiteral("Valid from"));
        QCOMPARE(CaseValidator::fieldLabel(CaseField::ValidityEnd), QStringLiteral("Valid until"));
        QCOMPARE(CaseValidator::fieldLabel(CaseField::SceneCode), QStringLiteral("Scene code"));
        QCOMPARE(CaseValidator::fieldLabel(CaseField::MerchantBizId), QStringLiteral("Merchant business ID"));
        QCOMPARE(CaseValidator::fieldLabel(CaseField::MerchantUserId), QStringLiteral("Merchant user ID"));
    }

    void normalizeName_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trim") << QStringLiteral("  张三 ") << QStringLiteral("张三");
        QTest::newRow("inner white space") << QStringLiteral("John \t Doe") << QStringLiteral("John Doe");
        QTest::newRow("bullet") << QStringLiteral("阿依古丽\u2022买买提") << QStringLiteral("阿依古丽\u00B7买买提");
        QTest::newRow("katakana middle dot")
            << QStringLiteral("阿依古丽\u30FB买买提") << QStringLiteral("阿依古丽\u00B7买买提");
        QTest::newRow("half-width katakana dot")
            << QStringLiteral("阿依古丽\uFF65买买提") << QStringLiteral("阿依古丽\u00B7买买提");
        QTest::newRow("middle dot kept") << QStringLiteral("阿依古丽\u00B7买买提")
                                         << QStringLiteral("阿依古丽\u00B7买买提");
        QTest::newRow("compatibility ideograph") << QStringLiteral("\uF9E1华") << QStringLiteral("李华");
        QTest::newRow("combining accent") << QStringLiteral("Jose\u0301") << QStringLiteral("Jos\u00E9");
        QTest::newRow("variation selector") << QStringLiteral("李\uFE00华") << QStringLiteral("李华");
        QTest::newRow("ideographic variation selector") << QStringLiteral("葛\U000E0100亮 ") << QStringLiteral("葛亮");
        QTest::newRow("selector beside a space") << QStringLiteral("John \uFE0F Doe") << QStringLiteral("John Doe");
        QTest::newRow("next line is white space") << QStringLiteral("李\u0085明") << QStringLiteral("李 明");
        QTest::newRow("Greek ano teleia")
            << QStringLiteral("阿依古丽\u0387买买提") << QStringLiteral("阿依古丽\u00B7买买提");
    }
    void normalizeName()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QCOMPARE(CaseValidator::normalizeName(raw), expected);
    }
};

QTEST_GUILESS_MAIN(TestCaseValidator)
#include "TestCaseValidator.moc"
