#include "api/Credentials.h"
#include "api/SignerV3.h"
#include "crypto/Crypto.h"

#include <QTest>

// Expected signatures in the data-driven rows were computed by an independent implementation (Python hashlib/hmac
// with urllib.parse.quote(safe="-_.~")), not by this code.
class TestSignerV3 : public QObject
{
    Q_OBJECT

private:
    static SignerV3::Request baseRequest(const QByteArray& host)
    {
        SignerV3::Request r;
        r.headers = { { "host", host },
            { "x-acs-action", "Id2MetaPeriodVerifyIntl" },
            { "x-acs-version", "2022-08-09" },
            { "x-acs-date", "2026-11-25T09:00:00Z" },
            { "x-acs-signature-nonce", "0123456789abcdef0123456789abcdef" },
            { "content-type", "application/x-www-form-urlencoded" } };
        return r;
    }

private slots:
    void providerWorkedExample()
    {
        SignerV3::Request r;
        r.method = "POST";
        r.path = "/";
        r.query = { { QStringLiteral("RegionId"), QStringLiteral("cn-shanghai") },
            { QStringLiteral("ImageId"), QStringLiteral("win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd") } };
        r.headers = { { "host", "ecs.cn-shanghai.aliyuncs.com" },
            { "x-acs-action", "RunInstances" },
            { "x-acs-version", "2014-05-26" },
            { "x-acs-date", "2023-10-26T10:22:32Z" },
            { "x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d" },
            { "x-acs-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" } };
        const QByteArray canonical = SignerV3::canonicalRequest(r);
        QCOMPARE(canonical,
            QByteArray("POST\n/\nImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai\n"
                       "host:ecs.cn-shanghai.aliyuncs.com\nx-acs-action:RunInstances\n"
                       "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
                       "x-acs-date:2023-10-26T10:22:32Z\nx-acs-signature-nonce:3156853299f313e23d1673dc12e1703d\n"
                       "x-acs-version:2014-05-26\n\n"
                       "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version\n"
                       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        const QByteArray toSign = SignerV3::stringToSign(canonical);
        QCOMPARE(
            toSign, QByteArray("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"));
        QCOMPARE(SignerV3::signature("YourAccessKeySecret", toSign),
            QByteArray("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));

        // The same through sign(), which adds Authorization.
        SignerV3::sign(
            r, Credentials(QStringLiteral("YourAccessKeyId"), QStringLiteral("YourAccessKeySecret"), {}, {}));
        QCOMPARE(r.header("Authorization"),
            QByteArray("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;"
                       "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                       "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"));
    }

    void vectors_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QString>("queryName");
        QTest::addColumn<QString>("queryValue");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("expected");

        const QByteArray hk = "cloudauth-intl.cn-hongkong.aliyuncs.com";
        QTest::newRow("chinese name") << hk << QString() << QString()
                                      << QByteArray("DocName=%E5%BC%A0%E4%B8%89&DocNo=11010519491231002X&"
                                                    "ProductCode=eKYC_Date_MIN")
                                      << QStringLiteral("secretA") << QString()
                                      << QByteArray("d09b7f6972105714a90fa87f1c3e324c520d319a3ea6680afded8d9b361de511");
        QTest::newRow("middle dot and long-term")
            << hk << QString() << QString()
            << QByteArray("DocName=%E9%98%BF%E4%BE%9D%E5%8F%A4%E4%B8%BD%C2%B7%E4%B9%B0%E4%B9%B0%E6%8F%90&"
                          "ValidityEndDate=%E9%95%BF%E6%9C%9F")
            << QStringLiteral("secretA") << QString()
            << QByteArray("88d9b6c93ce41128278c2b18bb8fb7c93b3394117f195a72fcce15a5d408d9c1");
        QTest::newRow("spaces star tilde")
            << hk << QStringLiteral("Note") << QStringLiteral("a b*c~d")
            << QByteArray("DocName=John%20Doe%2A~&SceneCode=a_b") << QStringLiteral("s p*c~") << QString()
            << QByteArray("9dc274e084c1383af37a6a1a3fa7cbca427d37caac1d09b7cc59243e"
                          "5f05c10e");
        QTest::newRow("empty body") << hk << QString() << QString() << QByteArray()
                                    << QStringLiteral("YourAccessKeySecret") << QString()
                                    << QByteArray("9add826008bd829f5de73f554ac4618522742fcd9fbdbd297799a5450a02206b");
        QTest::newRow("sts token") << hk << QString() << QString() << QByteArray("DocName=%E6%9D%8E%E5%9B%9B")
                                   << QStringLiteral("stsSecret") << QStringLiteral("CAIS+token/with=chars")
                                   << QByteArray("47627b404a45d616765b07c815048123565dc3547bbda5722591d9282a3b3cd9");
        QTest::newRow("host with port") << QByteArray("127.0.0.1:8443") << QString() << QString()
                                        << QByteArray("DocName=%E7%8E%8B%E4%BA%94") << QStringLiteral("k") << QString()
                                        << QByteArray("837a309f39e2b1bac38ba2ae1fe854ac0e961891dfbc41262bd1153070d2f"
                                                      "d18");
    }

    void vectors()
    {
        QFETCH(QByteArray, host);
        QFETCH(QString, queryName);
        QFETCH(QString, queryValue);
        QFETCH(QByteArray, body);
        QFETCH(QString, secret);
        QFETCH(QString, token);
        QFETCH(QByteArray, expected);

        SignerV3::Request r = baseRequest(host);
        if (!queryName.isEmpty())
            r.query = { { queryName, queryValue } };
        r.body = body;
        SignerV3::sign(r, Credentials(QStringLiteral("AKID"), secret, token, {}));
        const QByteArray auth = r.header("Authorization");
        QVERIFY2(auth.endsWith(",Signature=" + expected), auth.constData());
        QCOMPARE(r.header("x-acs-content-sha256"), Crypto::sha256Hex(body));
        QCOMPARE(r.header("x-acs-security-token"), token.toUtf8());
        QCOMPARE(auth.contains("x-acs-security-token"), !token.isEmpty());
    }

    void percentEncoding_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("unreserved kept") << QStringLiteral("AZaz09-_.~") << QByteArray("AZaz09-_.~");
        QTest::newRow("space") << QStringLiteral("a b") << QByteArray("a%20b");
        QTest::newRow("star") << QStringLiteral("*") << QByteArray("%2A");
        QTest::newRow("plus slash equals") << QStringLiteral("+/=") << QByteArray("%2B%2F%3D");
        QTest::newRow("chinese") << QStringLiteral("长期") << QByteArray("%E9%95%BF%E6%9C%9F");
        QTest::newRow("middle dot") << QStringLiteral("·") << QByteArray("%C2%B7");
        QTest::newRow("empty") << QString() << QByteArray();
    }

    void percentEncoding()
    {
        QFETCH(QString, input);
        QFETCH(QByteArray, expected);
        QCOMPARE(SignerV3::percentEncode(input), expected);
    }

    void signatureChangesWithEveryInput()
    {
        SignerV3::Request a = baseRequest("h");
        a.body = "DocName=x";
        SignerV3::Request b = a;
        b.body = "DocName=y";
        SignerV3::Request c = a;
        c.setHeader("x-acs-signature-nonce", "ffffffffffffffffffffffffffffffff");
        const Credentials creds(QStringLiteral("id"), QStringLiteral("secret"), {}, {});
        SignerV3::sign(a, creds);
        SignerV3::sign(b, creds);
        SignerV3::sign(c, creds);
        QVERIFY(a.header("Authorization") != b.header("Authorization"));
        QVERIFY(a.header("Authorization") != c.header("Authorization"));
    }

    void unsignedHeadersAreIgnored()
    {
        SignerV3::Request a = baseRequest("h");
        SignerV3::Request b = a;
        b.headers.append(qMakePair(QByteArray("User-Agent"), QByteArray("x")));
        b.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
        QCOMPARE(SignerV3::canonicalRequest(a), SignerV3::canonicalRequest(b));
        QCOMPARE(SignerV3::signedHeaderNames(b),
            QByteArray("content-type;host;x-acs-action;x-acs-date;x-acs-signature-nonce;x-acs-version"));
    }
};

QTEST_GUILESS_MAIN(TestSignerV3)
#include "TestSignerV3.moc"
