#include "FakeClock.h"
#include "FakeRandom.h"
#include "api/Credentials.h"
#include "api/SignerV3.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using Parameters = QList<QPair<QString, QString>>;

// The sandbox's API logic without a network: every error code, every SubCode and the fault triggers, driven by a
// fake clock and seeded randomness. The slow and reset triggers are also exercised over TLS in TestSandboxServer.
class TestSandboxService : public QObject
{
    Q_OBJECT

private:
    static Parameters person(const SandboxFixtures::Person& p, const QString& end = QString())
    {
        return { { QStringLiteral("ProductCode"), QStringLiteral("eKYC_Date_MIN") },
            { QStringLiteral("MerchantBizId"), QStringLiteral("e0c34a77f5ac40a5aa5e6ed20c35abcd") },
            { QStringLiteral("DocType"), QStringLiteral("00000001") },
            { QStringLiteral("DocName"), p.docName },
            { QStringLiteral("DocNo"), p.docNo },
            { QStringLiteral("ValidityStartDate"), p.validityStartDate },
            { QStringLiteral("ValidityEndDate"), end.isEmpty() ? p.validityEndDate : end } };
    }
    static Parameters base() { return person(SandboxFixtures::people().constFirst()); }
    // base() with one parameter replaced, added, or (value null) removed.
    static Parameters with(const QString& name, const QString& value, Parameters p = base())
    {
        for (qsizetype i = 0; i < p.size(); ++i) {
            if (p[i].first == name) {
                if (value.isNull())
                    p.removeAt(i);
                else
                    p[i].second = value;
                return p;
            }
        }
        if (!value.isNull())
            p.append({ name, value });
        return p;
    }
    static const SandboxFixtures::Person& fixture(const QString& name)
    {
        for (const auto& p : SandboxFixtures::people()) {
            if (p.docName == name)
                return p;
        }
        qFatal("no fixture");
    }

    FakeClock m_clock;
    FakeRandom m_random;
    int m_nonce = 0;

    // A request signed like the provider's SDKs sign it, then changed as `tamper` says.
    SignerV3::Request build(const Parameters& parameters, const QString& tamper)
    {
        SignerV3::Request r;
        r.body = SignerV3::encodeParameters(parameters);
        QDateTime date = m_clock.nowUtc();
        if (tamper == QLatin1String("skewPast"))
            date = date.addSecs(-16 * 60);
        if (tamper == QLatin1String("skewFuture"))
            date = date.addSecs(16 * 60);
        if (tamper == QLatin1String("skewTolerated"))
            date = date.addSecs(-14 * 60);
        r.headers = { { "host", "127.0.0.1:4443" },
            { "x-acs-action", "Id2MetaPeriodVerifyIntl" },
            { "x-acs-version", "2022-08-09" },
            { "x-acs-date", date.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toLatin1() },
            { "x-acs-signature-nonce", QByteArray::number(++m_nonce).rightJustified(32, '0') },
            { "content-type", "application/x-www-form-urlencoded" } };
        if (tamper == QLatin1String("badDateFormat"))
            r.setHeader("x-acs-date", date.toString(Qt::RFC2822Date).toLatin1());
        if (tamper == QLatin1String("queryOnly")) {
            r.query = parameters;
            r.body.clear();
        }
        if (tamper == QLatin1String("queryConflict")) {
            r.query = with(QStringLiteral("DocName"), QStringLiteral("别人"), parameters);
            r.query.append({ QStringLiteral("SceneCode"), QStringLiteral("fromQuery") });
        }

        const Credentials training = Credentials::training();
        Credentials credentials = training;
        if (tamper == QLatin1String("wrongSecret"))
            credentials = Credentials(training.accessKeyId(), QStringLiteral("not-the-secret"), {}, {});
        if (tamper == QLatin1String("unknownKey"))
            credentials = Credentials(QStringLiteral("LTAI5tUnknownKey"), QStringLiteral("whatever"), {}, {});
        if (tamper == QLatin1String("sts"))
            credentials = Credentials(training.accessKeyId(),
                QStringLiteral("training-secret-public-not-a-real-key"),
                QStringLiteral("CAIS-sts-token"),
                {});

        QByteArray heldBack;
        if (tamper == QLatin1String("unsignedNonce")) {
            heldBack = r.header("x-acs-signature-nonce");
            r.headers.removeIf([](const auto& h) { return h.first == "x-acs-signature-nonce"; });
        }
        SignerV3::sign(r, credentials);
        // Changes after signing.
        if (!heldBack.isEmpty())
            r.headers.append(qMakePair(QByteArray("X-Acs-Signature-Nonce"), heldBack)); // sent, but not signed
        if (tamper == QLatin1String("stsUnsigned"))
            r.setHeader("x-acs-security-token", "CAIS-sts-token");
        if (tamper == QLatin1String("noAuth"))
            r.headers.removeIf([](const auto& h) { return h.first == "Authorization"; });
        if (tamper == QLatin1String("garbledAuth"))
            r.setHeader("Authorization", "Bearer abc");
        if (tamper == QLatin1String("bodyTampered"))
            r.body.append("&MerchantUserId=x");
        if (tamper == QLatin1String("headerTampered"))
            r.setHeader("x-acs-date", date.addSecs(1).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toLatin1());
        if (tamper == QLatin1String("upperCaseHeaders")) {
            for (auto& h : r.headers)
                h.first = h.first.toUpper();
        }
        if (tamper == QLatin1String("get"))
            r.method = "GET";
        if (tamper == QLatin1String("path"))
            r.path = "/v1/verify";
        if (tamper == QLatin1String("action"))
            r.setHeader("x-acs-action", "Id2MetaVerifyIntl");
        if (tamper == QLatin1String("version"))
            r.setHeader("x-acs-version", "2019-03-07");
        return r;
    }

private slots:
    void fixturesHaveValidCheckCharacters()
    {
        static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        static const char checks[] = "10X98765432";
        QVERIFY(SandboxFixtures::people().size() >= 6);
        bool longTerm = false;
        bool middleDot = false;
        for (const auto& p : SandboxFixtures::people()) {
            QCOMPARE(p.docNo.size(), 18);
            int sum = 0;
            for (int i = 0; i < 17; ++i)
                sum += (p.docNo.at(i).unicode() - '0') * weights[i];
            QCOMPARE(p.docNo.at(17), QLatin1Char(checks[sum % 11]));
            longTerm = longTerm || p.isLongTerm();
            middleDot = middleDot || p.docName.contains(QChar(0x00B7));
        }
        QVERIFY(longTerm);
        QVERIFY(middleDot);
    }

    void handle_data()
    {
        QTest::addColumn<Parameters>("parameters");
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("subCode"); // Passed follows: Y for 200, N otherwise
        QTest::addColumn<QString>("message"); // a part of Message, for errors

        namespace F = SandboxFixtures;
        const QString none;
        const QString ok = QStringLiteral("Success");
        const F::Person& longTerm = fixture(QStringLiteral("赵长青"));
        const F::Person& dot = fixture(QStringLiteral("阿依古丽·买买提"));
        const F::Person& x = fixture(QStringLiteral("刘洋"));

        // SubCodes.
        QTest::newRow("200 fixture") << base() << none << 200 << ok << "200" << none;
        QTest::newRow("200 long-term 长期")
            << person(longTerm, F::longTermChinese) << none << 200 << ok << "200" << none;
        QTest::newRow("200 long-term english")
            << person(longTerm, F::longTermEnglish) << none << 200 << ok << "200" << none;
        QTest::newRow("200 name with middle dot") << person(dot) << none << 200 << ok << "200" << none;
        QTest::newRow("200 check character X") << person(x) << none << 200 << ok << "200" << none;
        QTest::newRow("200 with SceneCode")
            << with(QStringLiteral("SceneCode"), QStringLiteral("desk_01")) << none << 200 << ok << "200" << none;
        QTest::newRow("200 parameters in query") << base() << "queryOnly" << 200 << ok << "200" << none;
        QTest::newRow("200 body wins over query") << base() << "queryConflict" << 200 << ok << "200" << none;
        QTest::newRow("200 STS token signed") << base() << "sts" << 200 << ok << "200" << none;
        QTest::newRow("200 header names in capitals") << base() << "upperCaseHeaders" << 200 << ok << "200" << none;
        QTest::newRow("200 date 14 min off") << base() << "skewTolerated" << 200 << ok << "200" << none;
        QTest::newRow("202 unknown DocNo") << with(QStringLiteral("DocNo"), QStringLiteral("11010519491231002X"))
                                           << none << 200 << ok << "202" << none;
        QTest::newRow("223 name differs")
            << with(QStringLiteral("DocName"), QStringLiteral("王晓明")) << none << 200 << ok << "223" << none;
        QTest::newRow("223 start differs") << with(QStringLiteral("ValidityStartDate"), QStringLiteral("20200611"))
                                           << none << 200 << ok << "223" << none;
        QTest::newRow("223 end differs") << with(QStringLiteral("ValidityEndDate"), QStringLiteral("20300610")) << none
                                         << 200 << ok << "223" << none;
        QTest::newRow("223 long-term card sent with a date")
            << person(longTerm, QStringLiteral("20300520")) << none << 200 << ok << "223" << none;
        QTest::newRow("223 dated card sent as long-term")
            << with(QStringLiteral("ValidityEndDate"), F::longTermChinese) << none << 200 << ok << "223" << none;

        // Parameters.
        for (const char* name :
            { "ProductCode", "MerchantBizId", "DocType", "DocName", "DocNo", "ValidityStartDate", "ValidityEndDate" }) {
            QTest::addRow("missing %s", name)
                << with(QLatin1String(name), QString()) << none << 400 << "MissingParameter" << none
                << QStringLiteral("The input parameter \"%1\" that is mandatory for processing this request "
                                  "is not supplied.")
                       .arg(QLatin1String(name));
        }
        QTest::newRow("blank DocName") << with(QStringLiteral("DocName"), QStringLiteral("  ")) << none << 400
                                       << "MissingParameter" << none << "\"DocName\"";
        const auto invalid = [&](const char* row, const QString& name, const QString& value) {
            QTest::newRow(row) << with(name, value) << none << 400 << "InvalidParameter" << none
                               << QStringLiteral("\"%1\"").arg(name);
        };
        invalid("ProductCode", QStringLiteral("ProductCode"), QStringLiteral("ID_2META"));
        invalid("DocType", QStringLiteral("DocType"), QStringLiteral("CHN01001"));
        invalid("SceneCode too long", QStringLiteral("SceneCode"), QStringLiteral("12345678901"));
        invalid("SceneCode hyphen", QStringLiteral("SceneCode"), QStringLiteral("desk-1"));
        invalid("MerchantBizId too long", QStringLiteral("MerchantBizId"), QString(33, QLatin1Char('a')));
        invalid("MerchantBizId hyphen", QStringLiteral("MerchantBizId"), QStringLiteral("e0c34a77-f5ac"));
        invalid("DocNo 17 digits", QStringLiteral("DocNo"), QStringLiteral("11010119900307123"));
        invalid("DocNo lowercase x", QStringLiteral("DocNo"), QStringLiteral("33010620120418208x"));
        invalid("DocNo 15 digits", QStringLiteral("DocNo"), QStringLiteral("110101900307123"));
        invalid(
            "DocNo full-width digits", QStringLiteral("DocNo"), QStringLiteral("１１０１０１１９９００３０７１２３３"));
        invalid("DocNo X inside", QStringLiteral("DocNo"), QStringLiteral("1101011990030712X3"));
        invalid("MerchantBizId accented letter", QStringLiteral("MerchantBizId"), QStringLiteral("caf\u00e9"));
        invalid("SceneCode full-width letter", QStringLiteral("SceneCode"), QStringLiteral("ｄesk"));
        invalid("start full-width digit", QStringLiteral("ValidityStartDate"), QStringLiteral("2020061０"));
        invalid("start month 13", QStringLiteral("ValidityStartDate"), QStringLiteral("20201301"));
        invalid("start with dashes", QStringLiteral("ValidityStartDate"), QStringLiteral("2020-06-10"));
        invalid("end not a date", QStringLiteral("ValidityEndDate"), QStringLiteral("forever"));
        invalid("end 00000000", QStringLiteral("ValidityEndDate"), QStringLiteral("00000000"));

        // Gateway: action, version, signature, time, nonce.
        QTest::newRow("GET") << base() << "get" << 405 << "UnsupportedHTTPMethod" << none << "GET";
        QTest::newRow("other path") << base() << "path" << 404 << "InvalidUri.NotFound" << none << none;
        QTest::newRow("other action") << base() << "action" << 404 << "InvalidAction.NotFound" << none << none;
        QTest::newRow("other version") << base() << "version" << 400 << "InvalidVersion" << none << none;
        QTest::newRow("no Authorization") << base() << "noAuth" << 400 << "IncompleteSignature" << none << none;
        QTest::newRow("garbled Authorization")
            << base() << "garbledAuth" << 400 << "IncompleteSignature" << none << none;
        QTest::newRow("nonce not signed")
            << base() << "unsignedNonce" << 400 << "IncompleteSignature" << none << "x-acs-signature-nonce";
        QTest::newRow("STS token not signed")
            << base() << "stsUnsigned" << 400 << "IncompleteSignature" << none << "x-acs-security-token";
        QTest::newRow("unknown AccessKeyId")
            << base() << "unknownKey" << 404 << "InvalidAccessKeyId.NotFound" << none << none;
        QTest::newRow("wrong secret") << base() << "wrongSecret" << 400 << "SignatureDoesNotMatch" << none
                                      << "server string to sign is:ACS3-HMAC-SHA256\n";
        QTest::newRow("signed header changed")
            << base() << "headerTampered" << 400 << "SignatureDoesNotMatch" << none << "server string to sign is:";
        QTest::newRow("body changed") << base() << "bodyTampered" << 400 << "SignatureDoesNotMatch" << none
                                      << "x-acs-content-sha256";
        QTest::newRow("date 16 min old") << base() << "skewPast" << 400 << "InvalidTimeStamp.Expired" << none << none;
        QTest::newRow("date 16 min ahead")
            << base() << "skewFuture" << 400 << "InvalidTimeStamp.Expired" << none << none;
        QTest::newRow("date not ISO 8601")
            << base() << "badDateFormat" << 400 << "InvalidTimeStamp.Format" << none << none;
        QTest::newRow("nonce replayed") << base() << "replay" << 400 << "SignatureNonceUsed" << none << none;

        // The connection test's probe names no person: its answer tells the signature, the key and the clock apart,
        // because those are checked before the parameters.
        Parameters probe = base();
        probe.removeIf([](const auto& p) {
            return p.first == QLatin1String("DocName") || p.first == QLatin1String("DocNo")
                || p.first.startsWith(QLatin1String("Validity"));
        });
        QTest::newRow("probe") << probe << none << 400 << "MissingParameter" << none << "\"DocName\"";
        QTest::newRow("probe, wrong secret")
            << probe << "wrongSecret" << 400 << "SignatureDoesNotMatch" << none << "server string to sign is:";
        QTest::newRow("probe, unknown AccessKeyId")
            << probe << "unknownKey" << 404 << "InvalidAccessKeyId.NotFound" << none << none;
        QTest::newRow("probe, date 16 min old")
            << probe << "skewPast" << 400 << "InvalidTimeStamp.Expired" << none << none;

        // Fault triggers (slow and reset are checked by action here and over TLS in TestSandboxServer).
        const auto trigger = [](const QString& name) { return with(QStringLiteral("DocName"), name); };
        QTest::newRow("throttled") << trigger(F::throttleAlways) << none << 403 << "Throttling.Api" << none << none;
        QTest::newRow("internal error") << trigger(F::serverErrorAlways) << none << 500 << "InternalError" << none
                                        << none;
        QTest::newRow("unavailable") << trigger(F::unavailable) << none << 503 << "ServiceUnavailable" << none << none;
        QTest::newRow("RAM user denied") << trigger(F::ramDenied) << none << 403 << "Forbidden.RAMUserAccessDenied"
                                         << none << "AliyunAntCloudAuthFullAccess";
        QTest::newRow("account denied") << trigger(F::accountDenied) << none << 403 << "Forbidden.AccountAccessDenied"
                                        << none << none;
        QTest::newRow("unknown SubCode") << trigger(F::unknownSubCode) << none << 200 << ok << "999" << none;
        QTest::newRow("malformed JSON") << trigger(F::malformed) << none << 200 << ok << none << none;
        QTest::newRow("oversized body") << trigger(F::oversized) << none << 200 << ok << "200" << none;
        QTest::newRow("slow") << trigger(F::slow) << none << 200 << ok << "200" << none;
        QTest::newRow("reset") << trigger(F::reset) << none << 0 << none << none << none;
        QTest::newRow("trigger needs valid DocNo")
            << with(QStringLiteral("DocNo"), QStringLiteral("123"), trigger(F::throttleAlways)) << none << 400
            << "InvalidParameter" << none << "\"DocNo\"";
    }

    void handle()
    {
        QFETCH(Parameters, parameters);
        QFETCH(QString, tamper);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, subCode);
        QFETCH(QString, message);

        SandboxService service(m_clock, m_random);
        const SignerV3::Request request = build(parameters, tamper);
        if (tamper == QLatin1String("replay"))
            QCOMPARE(service.handle(request).status, 200);
        const SandboxResponse response = service.handle(request);

        namespace F = SandboxFixtures;
        const QString docName = [&] {
            for (const auto& [name, value] : parameters) {
                if (name == QLatin1String("DocName"))
                    return value;
            }
            return QString();
        }();
        const bool triggered = status != 400 && tamper.isEmpty();
        if (triggered && docName == F::reset) {
            QCOMPARE(response.action, SandboxResponse::Action::Abort);
            return;
        }
        QCOMPARE(response.action,
            triggered && docName == F::slow ? SandboxResponse::Action::RespondLater : SandboxResponse::Action::Respond);
        QCOMPARE(response.status, status);
        QCOMPARE(response.code, code);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json;charset=utf-8"));

        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(response.body, &error).object();
        if (triggered && docName == F::malformed) {
            QVERIFY(error.error != QJsonParseError::NoError);
            return;
        }
        QCOMPARE(error.error, QJsonParseError::NoError);
        if (triggered && docName == F::oversized)
            QCOMPARE(response.body.size(), F::oversizedBodyBytes);

        static const QRegularExpression uuid(
            QStringLiteral("^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$"));
        const QString requestId = json.value(QStringLiteral("RequestId")).toString();
        QVERIFY2(uuid.match(requestId).hasMatch(), qPrintable(requestId));
        QCOMPARE(response.header("x-acs-request-id"), requestId.toLatin1());
        QCOMPARE(json.value(QStringLiteral("Code")).toString(), code);
        if (status == 200) {
            QCOMPARE(json.value(QStringLiteral("Message")).toString(), QStringLiteral("success"));
            const QJsonObject result = json.value(QStringLiteral("Result")).toObject();
            QCOMPARE(result.value(QStringLiteral("Passed")).toString(),
                subCode == QLatin1String("200") ? QStringLiteral("Y") : QStringLiteral("N"));
            QCOMPARE(result.value(QStringLiteral("SubCode")).toString(), subCode);
        } else {
            QVERIFY(!json.contains(QStringLiteral("Result")));
            QVERIFY2(json.value(QStringLiteral("Message")).toString().contains(message),
                qPrintable(json.value(QStringLiteral("Message")).toString()));
            QCOMPARE(json.value(QStringLiteral("HostId")).toString(), QStringLiteral("127.0.0.1:4443"));
            QVERIFY(json.value(QStringLiteral("Recommend")).toString().contains(code));
        }
        if (code == QLatin1String("Throttling.Api")) {
            QCOMPARE(response.header("x-ratelimit-user-api"),
                "Limit:10,Remain:0,TimeLeft:" + QByteArray::number(F::throttleTimeLeftMs));
        }
        // The secret never appears in an answer.
        QVERIFY(!response.body.contains(Credentials::training().secretForSigning()));
    }

    void onceTriggers_data()
    {
        QTest::addColumn<QString>("docName");
        QTest::addColumn<int>("firstStatus");
        QTest::addColumn<QString>("firstCode");
        QTest::newRow("throttle once") << SandboxFixtures::throttleOnce << 403 << "Throttling.Api";
        QTest::newRow("server error once") << SandboxFixtures::serverErrorOnce << 500 << "InternalError";
    }

    void onceTriggers()
    {
        QFETCH(QString, docName);
        QFETCH(int, firstStatus);
        QFETCH(QString, firstCode);

        SandboxService service(m_clock, m_random);
        const Parameters first = with(QStringLiteral("DocName"), docName);
        const Parameters other = with(QStringLiteral("MerchantBizId"), QStringLiteral("another1"), first);
        SandboxResponse r = service.handle(build(first, {}));
        QCOMPARE(r.status, firstStatus);
        QCOMPARE(r.code, firstCode);
        // The retry with the same MerchantBizId (and a fresh nonce) succeeds, and keeps succeeding.
        for (int i = 0; i < 2; ++i) {
            r = service.handle(build(first, {}));
            QCOMPARE(r.status, 200);
            QCOMPARE(QJsonDocument::fromJson(r.body)[QStringLiteral("Result")][QStringLiteral("SubCode")].toString(),
                QStringLiteral("200"));
        }
        // Another MerchantBizId fails once too.
        QCOMPARE(service.handle(build(other, {})).status, firstStatus);
        QCOMPARE(service.handle(build(other, {})).status, 200);
    }

    void nonceMemoryIsBounded()
    {
        SandboxService service(m_clock, m_random);
        const SignerV3::Request firstRequest = build(with(QStringLiteral("DocName"), QStringLiteral("x")), {});
        QCOMPARE(service.handle(firstRequest).status, 200);
        QCOMPARE(service.handle(firstRequest).code, QStringLiteral("SignatureNonceUsed"));
        for (int i = 0; i < SandboxService::nonceMemory; ++i)
            QCOMPARE(service.handle(build(with(QStringLiteral("DocName"), QStringLiteral("x")), {})).status, 200);
        // Pushed out of the window of the last 10000 nonces.
        QCOMPARE(service.handle(firstRequest).status, 200);
    }

    void clockSkewFollowsTheClock()
    {
        SandboxService service(m_clock, m_random);
        const SignerV3::Request request = build(base(), {});
        m_clock.advance(15 * 60 * 1000 + 1000);
        QCOMPARE(service.handle(request).code, QStringLiteral("InvalidTimeStamp.Expired"));
    }

    void parseForm_data()
    {
        QTest::addColumn<QByteArray>("encoded");
        QTest::addColumn<Parameters>("expected");
        const auto p = [](const char* n, const QString& v) { return QPair<QString, QString>(QLatin1String(n), v); };
        QTest::newRow("plain") << QByteArray("a=1&b=2")
                               << Parameters { p("a", QStringLiteral("1")), p("b", QStringLiteral("2")) };
        QTest::newRow("plus is space") << QByteArray("DocName=John+Doe")
                                       << Parameters { p("DocName", QStringLiteral("John Doe")) };
        QTest::newRow("%20 is space") << QByteArray("DocName=John%20Doe")
                                      << Parameters { p("DocName", QStringLiteral("John Doe")) };
        QTest::newRow("%2B is plus") << QByteArray("a=1%2B1") << Parameters { p("a", QStringLiteral("1+1")) };
        QTest::newRow("UTF-8") << QByteArray("DocName=%E5%BC%A0%C2%B7%E4%B8%89")
                               << Parameters { p("DocName", QStringLiteral("张·三")) };
        QTest::newRow("empty value and bare name")
            << QByteArray("a=&b") << Parameters { p("a", QString()), p("b", QString()) };
        QTest::newRow("empty pairs skipped") << QByteArray("&&a=1&") << Parameters { p("a", QStringLiteral("1")) };
        QTest::newRow("'=' in value") << QByteArray("a=b=c") << Parameters { p("a", QStringLiteral("b=c")) };
        QTest::newRow("round trip of the signer's encoding")
            << SignerV3::encodeParameters({ p("DocName", QStringLiteral("阿依古丽·买买提 *~")) })
            << Parameters { p("DocName", QStringLiteral("阿依古丽·买买提 *~")) };
    }

    void parseForm()
    {
        QFETCH(QByteArray, encoded);
        QFETCH(Parameters, expected);
        const Parameters actual = SandboxService::parseForm(encoded);
        QCOMPARE(actual.size(), expected.size());
        for (qsizetype i = 0; i < actual.size(); ++i) {
            QCOMPARE(actual[i].first, expected[i].first);
            QCOMPARE(actual[i].second, expected[i].second);
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxService)
#include "TestSandboxService.moc"
