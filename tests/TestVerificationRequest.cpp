#include "api/VerificationRequest.h"
#include "domain/CaseInput.h"

#include "FakeRandom.h"

#include <QRegularExpression>
#include <QTest>
#include <QUrl>

#include <algorithm>

// Expected bodies, digests and FakeRandom outputs were computed independently in Python (urllib.parse.quote with
// safe="-_.~", hashlib.sha256, and a re-implementation of FakeRandom's xorshift), not by this code.
namespace {

const QString firstHex = QStringLiteral("ad763674ec79cfea8b8e1503fd9e1fff"); // FakeRandom(), first hex32()
const QString secondHex = QStringLiteral("b8754f196def1adebde4133f2d7d37f5"); // the next one
const QString userHash = QStringLiteral("72497f475e4f76d0b28f57c73a084ece576d170874eba3ee2609d9afe4b71aab");

using Parameters = QList<QPair<QString, QString>>;

CaseInput longTermCase()
{
    CaseInput input;
    input.name = QStringLiteral(" 测试甲 ");
    input.idNumber = QStringLiteral(" 11010519491231002x ");
    input.validityStart = QDate(2010, 3, 15);
    input.validityEnd = QDate(2001, 1, 1); // ignored: long-term
    input.longTerm = true;
    input.sceneCode = QStringLiteral(" Desk_01 ");
    input.merchantUserId = QStringLiteral(" someone@example.com ");
    return input;
}

QString defaultLongTerm()
{
    return QString::fromUtf8(VerificationRequest::defaultLongTermValue);
}

} // namespace

class TestVerificationRequest : public QObject
{
    Q_OBJECT

private slots:
    void constants()
    {
        QCOMPARE(QByteArray(VerificationRequest::productCode), QByteArray("eKYC_Date_MIN"));
        QCOMPARE(QByteArray(VerificationRequest::docType), QByteArray("00000001"));
        QCOMPARE(QByteArray(VerificationRequest::action), QByteArray("Id2MetaPeriodVerifyIntl"));
        QCOMPARE(QByteArray(VerificationRequest::apiVersion), QByteArray("2022-08-09"));
        QCOMPARE(defaultLongTerm(), QStringLiteral("长期"));
    }

    void allNineParameters()
    {
        FakeRandom random;
        const VerificationRequest request = VerificationRequest::fromCase(longTermCase(), defaultLongTerm(), random);
        Parameters params = request.parameters();
        std::sort(params.begin(), params.end());
        const Parameters expected {
            { QStringLiteral("DocName"), QStringLiteral("测试甲") },
            { QStringLiteral("DocNo"), QStringLiteral("11010519491231002X") },
            { QStringLiteral("DocType"), QStringLiteral("00000001") },
            { QStringLiteral("MerchantBizId"), firstHex },
            { QStringLiteral("MerchantUserId"), userHash },
            { QStringLiteral("ProductCode"), QStringLiteral("eKYC_Date_MIN") },
            { QStringLiteral("SceneCode"), QStringLiteral("Desk_01") },
            { QStringLiteral("ValidityEndDate"), QStringLiteral("长期") },
            { QStringLiteral("ValidityStartDate"), QStringLiteral("20100315") },
        };
        QCOMPARE(params, expected);
    }

    void formBody_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QDate>("end");
        QTest::addColumn<bool>("longTerm");
        QTest::addColumn<QString>("longTermValue");
        QTest::addColumn<QString>("bizId");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("middle dot, dated card")
            << QStringLiteral("阿依古丽·买买提") << QDate(2035, 6, 1) << false << defaultLongTerm()
            << QStringLiteral("caseA0001")
            << QByteArray("DocName=%E9%98%BF%E4%BE%9D%E5%8F%A4%E4%B8%BD%C2%B7%E4%B9%B0%E4%B9%B0%E6%8F%90&"
                          "DocNo=110105198005121231&DocType=00000001&MerchantBizId=caseA0001&"
                          "ProductCode=eKYC_Date_MIN&ValidityEndDate=20350601&ValidityStartDate=20150601");
        QTest::newRow("space and star, literal long-term")
            << QStringLiteral("John Doe*") << QDate() << true << QStringLiteral("long-term")
            << QStringLiteral(" caseA0002 ")
            << QByteArray("DocName=John%20Doe%2A&DocNo=110105198005121231&DocType=00000001&MerchantBizId=caseA0002&"
                          "ProductCode=eKYC_Date_MIN&ValidityEndDate=long-term&ValidityStartDate=20150601");
    }
    void formBody()
    {
        QFETCH(QString, name);
        QFETCH(QDate, end);
        QFETCH(bool, longTerm);
        QFETCH(QString, longTermValue);
        QFETCH(QString, bizId);
        QFETCH(QByteArray, expected);

        CaseInput input;
        input.name = name;
        input.idNumber = QStringLiteral("110105198005121231");
        input.validityStart = QDate(2015, 6, 1);
        input.validityEnd = end;
        input.longTerm = longTerm;
        input.merchantBizId = bizId;
        FakeRandom random;
        QCOMPARE(VerificationRequest::fromCase(input, longTermValue, random).formBody(), expected);
    }

    void formBodyWithOptionalParameters()
    {
        FakeRandom random;
        const VerificationRequest request = VerificationRequest::fromCase(longTermCase(), defaultLongTerm(), random);
        QCOMPARE(request.formBody(),
            QByteArray("DocName=%E6%B5%8B%E8%AF%95%E7%94%B2&DocNo=11010519491231002X&DocType=00000001&"
                       "MerchantBizId=ad763674ec79cfea8b8e1503fd9e1fff&"
                       "MerchantUserId=72497f475e4f76d0b28f57c73a084ece576d170874eba3ee2609d9afe4b71aab&"
                       "ProductCode=eKYC_Date_MIN&SceneCode=Desk_01&ValidityEndDate=%E9%95%BF%E6%9C%9F&"
                       "ValidityStartDate=20100315"));
    }

    void optionalParametersOmittedWhenEmpty()
    {
        CaseInput input = longTermCase();
        input.sceneCode = QStringLiteral("   ");
        input.merchantUserId = QStringLiteral("  ");
        FakeRandom random;
        const VerificationRequest request = VerificationRequest::fromCase(input, defaultLongTerm(), random);
        QStringList names;
        for (const auto& [name, value] : request.parameters())
            names.append(name);
        names.sort();
        QCOMPARE(names,
            QStringList({ QStringLiteral("DocName"),
                QStringLiteral("DocNo"),
                QStringLiteral("DocType"),
                QStringLiteral("MerchantBizId"),
                QStringLiteral("ProductCode"),
                QStringLiteral("ValidityEndDate"),
                QStringLiteral("ValidityStartDate") }));
        QVERIFY(!request.formBody().contains("SceneCode"));
        QVERIFY(!request.formBody().contains("MerchantUserId"));
    }

    void merchantUserIdIsHashed_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("e-mail") << QStringLiteral("someone@example.com") << userHash;
        QTest::newRow("e-mail, padded") << QStringLiteral("\t someone@example.com \n") << userHash;
        QTest::newRow("UTF-8") << QStringLiteral("用户12345")
                               << QStringLiteral("b6a0f1251bd62755bc0bff389766da2bb416d434f4b73b84984d09a6830ace0e");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("blank") << QStringLiteral("   ") << QString();
    }
    void merchantUserIdIsHashed()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QCOMPARE(VerificationRequest::desensitiseUserId(raw), expected);

        CaseInput input = longTermCase();
        input.merchantUserId = raw;
        FakeRandom random;
        const QByteArray body = VerificationRequest::fromCase(input, defaultLongTerm(), random).formBody();
        if (!raw.trimmed().isEmpty())
            QVERIFY(!body.contains(QUrl::toPercentEncoding(raw.trimmed()))); // the raw value never leaves
        QCOMPARE(body.contains("MerchantUserId=" + expected.toLatin1() + '&'), !expected.isEmpty());
    }

    void merchantBizIdGenerated()
    {
        FakeRandom random;
        CaseInput input = longTermCase();
        const VerificationRequest first = VerificationRequest::fromCase(input, defaultLongTerm(), random);
        const VerificationRequest second = VerificationRequest::fromCase(input, defaultLongTerm(), random);
        QCOMPARE(first.merchantBizId, firstHex);
        QCOMPARE(second.merchantBizId, secondHex);
        static const QRegularExpression shape(QStringLiteral("^[0-9a-f]{32}$"));
        QVERIFY(shape.match(first.merchantBizId).hasMatch());
        QVERIFY(shape.match(second.merchantBizId).hasMatch());

        // Deterministic for the same seed, different for another.
        FakeRandom again;
        QCOMPARE(VerificationRequest::fromCase(input, defaultLongTerm(), again).merchantBizId, firstHex);
        FakeRandom other(42);
        QVERIFY(VerificationRequest::fromCase(input, defaultLongTerm(), other).merchantBizId != firstHex);

        // The system random source has the same shape.
        QVERIFY(shape.match(VerificationRequest::fromCase(input, defaultLongTerm(), Random::system()).merchantBizId)
                    .hasMatch());
    }

    void merchantBizIdGivenIsKept()
    {
        FakeRandom random;
        CaseInput input = longTermCase();
        input.merchantBizId = QStringLiteral("  Case2026A  ");
        QCOMPARE(
            VerificationRequest::fromCase(input, defaultLongTerm(), random).merchantBizId, QStringLiteral("Case2026A"));
        // A given id draws nothing: the next generated one is still the first of the sequence.
        input.merchantBizId.clear();
        QCOMPARE(VerificationRequest::fromCase(input, defaultLongTerm(), random).merchantBizId, firstHex);
    }

    void longTermValue_data()
    {
        QTest::addColumn<bool>("longTerm");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default 长期") << true << defaultLongTerm() << QStringLiteral("长期");
        QTest::newRow("literal long-term") << true << QStringLiteral("long-term") << QStringLiteral("long-term");
        QTest::newRow("dated card ignores the setting")
            << false << QStringLiteral("long-term") << QStringLiteral("20350601");
    }
    void longTermValue()
    {
        QFETCH(bool, longTerm);
        QFETCH(QString, setting);
        QFETCH(QString, expected);
        CaseInput input;
        input.name = QStringLiteral("测试乙");
        input.idNumber = QStringLiteral("110105198005121231");
        input.validityStart = QDate(2015, 6, 1);
        input.validityEnd = QDate(2035, 6, 1);
        input.longTerm = longTerm;
        FakeRandom random;
        const VerificationRequest request = VerificationRequest::fromCase(input, setting, random);
        QCOMPARE(request.validityEndDate, expected);
        QCOMPARE(request.validityStartDate, QStringLiteral("20150601"));
    }

    void sendsWhatTheValidatorChecked()
    {
        // The validator accepts inner spaces and full-width digits in the ID number and look-alike dots in the name,
        // checking their normalised forms; the request should send exactly those forms.
        CaseInput input;
        input.name = QStringLiteral("阿依古丽\u2022买买提");
        input.idNumber = QStringLiteral("110105 19491231 002x");
        input.validityStart = QDate(2010, 3, 15);
        input.longTerm = true;
        FakeRandom random;
        const VerificationRequest request = VerificationRequest::fromCase(input, defaultLongTerm(), random);
        QCOMPARE(request.docNo, QStringLiteral("11010519491231002X"));
        QCOMPARE(request.docName, QStringLiteral("阿依古丽\u00B7买买提"));
    }
};

QTEST_GUILESS_MAIN(TestVerificationRequest)
#include "TestVerificationRequest.moc"
