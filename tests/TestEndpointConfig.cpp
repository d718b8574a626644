#include "api/EndpointConfig.h"
#include "base/Settings.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestEndpointConfig : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("url");
        QTest::newRow("default") << QString() << true
                                 << QStringLiteral("https://cloudauth-intl.cn-hongkong.aliyuncs.com/");
        QTest::newRow("internet") << QStringLiteral("hk-internet") << true
                                  << QStringLiteral("https://cloudauth-intl.cn-hongkong.aliyuncs.com/");
        QTest::newRow("vpc") << QStringLiteral("hk-vpc") << true
                             << QStringLiteral("https://cloudauth-intl-vpc.cn-hongkong.aliyuncs.com/");
        QTest::newRow("custom with port")
            << QStringLiteral("https://127.0.0.1:8443") << true << QStringLiteral("https://127.0.0.1:8443/");
        QTest::newRow("plain http refused") << QStringLiteral("http://example.com/") << false << QString();
        QTest::newRow("garbage refused") << QStringLiteral("not a url") << false << QString();
        QTest::newRow("ftp refused") << QStringLiteral("ftp://example.com/") << false << QString();
        // A password in the endpoint would be recorded with every case: refused, and never quoted.
        QTest::newRow("user and password refused")
            << QStringLiteral("https://user:PASS-MARKER@example.com/") << false << QString();
        QTest::newRow("user name refused") << QStringLiteral("https://user@example.com/") << false << QString();
        QTest::newRow("invalid URL with password refused")
            << QStringLiteral("https://user:PASS-MARKER@exa mple.com/") << false << QString();
    }

    void resolve()
    {
        QFETCH(QString, choice);
        QFETCH(bool, ok);
        QFETCH(QString, url);
        QUrl resolved;
        QString error;
        QCOMPARE(EndpointConfig::resolveEndpoint(choice, &resolved, &error), ok);
        if (ok)
            QCOMPARE(resolved.toString(), url);
        else
            QVERIFY(error.startsWith(QLatin1String("Endpoint:")));
        QVERIFY2(!error.contains(QLatin1String("PASS-MARKER")), qPrintable(error));
        if (choice.contains(u'@') && !choice.contains(u' ')) {
            QVERIFY2(error.contains(QLatin1String("api/customEndpoint")), qPrintable(error));
            QVERIFY2(error.contains(QLatin1String("PGPASSWORD")), qPrintable(error));
        }
    }

    void caFile()
    {
        QTemporaryDir dir;
        QList<QSslCertificate> certs;
        QString error;
        QVERIFY(!EndpointConfig::loadCaFile(dir.filePath(QStringLiteral("missing.pem")), &certs, &error));
        QVERIFY(error.startsWith(QLatin1String("CA file:")));

        QFile junk(dir.filePath(QStringLiteral("junk.pem")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a certificate");
        junk.close();
        QVERIFY(!EndpointConfig::loadCaFile(junk.fileName(), &certs, &error));
        QVERIFY(error.contains(QLatin1String("no PEM certificate")));
    }

    void settingsDefaultsAndOverrides()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("s.ini")));
        QCOMPARE(settings.value(Settings::longTermValue), QStringLiteral("长期"));
        QCOMPARE(settings.value(Settings::rateLimitQps), 10.0);

        ClientConfig config;
        QString error;
        QVERIFY(EndpointConfig::fromSettings(settings, &config, &error));
        QCOMPARE(config.endpoint, ClientConfig::hongKongInternet());
        QCOMPARE(config.rateLimitQps, 10.0);

        settings.setValue(Settings::endpointKind, QStringLiteral("custom"));
        settings.setValue(Settings::customEndpoint, QStringLiteral("https://127.0.0.1:9443/"));
        settings.setValue(Settings::rateLimitQps, 2.5);
        settings.setValue(Settings::timeoutSeconds, 7);
        QVERIFY(EndpointConfig::fromSettings(settings, &config, &error));
        QCOMPARE(config.endpoint.port(), 9443);
        QCOMPARE(config.rateLimitQps, 2.5);
        QCOMPARE(config.timeoutMs, 7000);

        // 0 lifts the limit, as README says; it was clamped to 0.1 QPS, one call every 11 s.
        settings.setValue(Settings::rateLimitQps, 0.0);
        QVERIFY(EndpointConfig::fromSettings(settings, &config, &error));
        QCOMPARE(config.rateLimitQps, 0.0);
        settings.setValue(Settings::rateLimitQps, 0.05);
        QVERIFY(EndpointConfig::fromSettings(settings, &config, &error));
        QCOMPARE(config.rateLimitQps, 0.1);

        settings.setValue(Settings::customEndpoint, QStringLiteral("http://127.0.0.1:9443/"));
        QVERIFY(!EndpointConfig::fromSettings(settings, &config, &error));
    }

    // Garbage in the settings file reaches the client as the defaults, not as 0 (which was a 1 s timeout and
    // 0.1 QPS after clamping).
    void garbageSettingsGiveDefaults()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("s.ini")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[api]\ntimeoutSeconds=abc\nrateLimitQps=ten\nmaxAttempts=\n");
        file.close();
        const Settings settings(file.fileName());
        for (const char* key : { "timeoutSeconds", "rateLimitQps", "maxAttempts" })
            QTest::ignoreMessage(
                QtWarningMsg, QRegularExpression(QStringLiteral("^Setting api/") + QLatin1String(key)));
        ClientConfig config;
        QString error;
        QVERIFY2(EndpointConfig::fromSettings(settings, &config, &error), qPrintable(error));
        QCOMPARE(config.timeoutMs, 20000);
        QCOMPARE(config.rateLimitQps, 10.0);
        QCOMPARE(config.maxAttempts, 4);
        QCOMPARE(settings.warnings().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestEndpointConfig)
#include "TestEndpointConfig.moc"
