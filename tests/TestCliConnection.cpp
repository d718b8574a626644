#include "CliRun.h"

#include "api/Credentials.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

// `ekyc-desk-cli test-connection` as a real process: against its own training sandbox, and in live mode (the
// AccessKey from the environment) against a sandbox run by this test, a closed port and a proxy that is not there.
using Env = QHash<QString, QString>;

class TestCliConnection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    SandboxServer m_sandbox;

    static Env key(const QString& secret)
    {
        return { { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), Credentials::training().accessKeyId() },
            { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret } };
    }

    static quint16 closedPort()
    {
        QTcpServer probe;
        return probe.listen(QHostAddress::LocalHost) ? probe.serverPort() : 0;
    }

    QStringList live(const QString& endpoint, bool trustSandbox = true) const
    {
        QStringList args {
            QStringLiteral("test-connection"), QStringLiteral("--json"), QStringLiteral("--endpoint"), endpoint
        };
        if (trustSandbox)
            args << QStringLiteral("--ca-file") << m_sandbox.caCertificatePath();
        return args;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandbox.start(0, m_dir.filePath(QStringLiteral("sandbox"))), qPrintable(m_sandbox.errorString()));
    }

    void testConnection_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<Env>("env");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("source");

        const QString secret = QString::fromUtf8(Credentials::training().secretForSigning());
        const QString sandbox = m_sandbox.url().toString();
        const quint16 port = closedPort();
        const QString closed = QStringLiteral("https://127.0.0.1:%1/").arg(port);
        const Env none;
        QTest::newRow("training") << QStringList { QStringLiteral("test-connection"),
            QStringLiteral("--training"),
            QStringLiteral("--json") }
                                  << none << 0 << "Accepted"
                                  << "MissingParameter" << Credentials::training().sourceName();
        QTest::newRow("live: key from the environment") << live(sandbox) << key(secret) << 0 << "Accepted"
                                                        << "MissingParameter"
                                                        << "environment variables";
        QTest::newRow("live: wrong secret")
            << live(sandbox) << key(QStringLiteral("wrong-secret-never-printed")) << 4 << "SignatureRefused"
            << "SignatureDoesNotMatch"
            << "environment variables";
        QTest::newRow("live: sandbox CA not trusted")
            << live(sandbox, false) << key(secret) << 5 << "TlsFailure" << QString() << "environment variables";
        QTest::newRow("live: closed port")
            << live(closed) << key(secret) << 5 << "ConnectionFailed" << QString() << "environment variables";
        // Loopback never goes through a proxy, so the proxy is tried for a name only it could resolve.
        Env proxied = key(secret);
        proxied.insert(QStringLiteral("https_proxy"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        proxied.insert(QStringLiteral("no_proxy"), QString());
        QTest::newRow("live: proxy not there")
            << live(QStringLiteral("https://connection-test.invalid/"), false) << proxied << 5 << "ProxyFailure"
            << QString() << "environment variables";
    }

    void testConnection()
    {
        QFETCH(QStringList, arguments);
        QFETCH(Env, env);
        QFETCH(int, exitCode);
        QFETCH(QString, outcome);
        QFETCH(QString, code);
        QFETCH(QString, source);

        const int received = m_sandbox.requestsReceived();
        const CliRun r = CliRun::run(arguments, m_home.path(), env);
        QVERIFY2(r.exitCode == exitCode, (r.out + r.err).constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("outcome")).toString(), outcome);
        QCOMPARE(json.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(json.value(QStringLiteral("credentialSource")).toString(), source);
        for (const char* field : { "explanation", "proves", "unconfirmed", "endpoint", "accessKeyId" })
            QVERIFY2(!json.value(QLatin1String(field)).toString().isEmpty(), field);
        QCOMPARE(json.value(QStringLiteral("requestId")).toString().isEmpty(), code.isEmpty());
        QCOMPARE(json.value(QStringLiteral("httpStatus")).toInt() != 0, !code.isEmpty());
        QVERIFY(json.value(QStringLiteral("warnings")).isArray());
        const bool viaThisSandbox = arguments.contains(m_sandbox.url().toString()) && !code.isEmpty();
        QCOMPARE(m_sandbox.requestsReceived() - received, viaThisSandbox ? 1 : 0);
        const QByteArray secret = env.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET")).toUtf8();
        for (const QByteArray& text : { r.out, r.err }) {
            QVERIFY(!text.contains(Credentials::training().secretForSigning()));
            QVERIFY(secret.isEmpty() || !text.contains(secret));
        }
        // Nothing is recorded: no history is opened or created.
        QDirIterator files(m_home.path(), { QStringLiteral("*.sqlite*") }, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY2(!files.hasNext(), qPrintable(files.hasNext() ? files.next() : QString()));
    }

    void humanOutputSaysWhatItProves()
    {
        const CliRun r =
            CliRun::run({ QStringLiteral("test-connection"), QStringLiteral("--training") }, m_home.path());
        // The exit code and stderr first: QTest cuts a long message, and the output alone said nothing of a run that
        // printed all of it and still did not exit 0 (seen once in a loaded full run, never again in 390 runs).
        QVERIFY2(r.exitCode == 0,
            ("exit " + QByteArray::number(r.exitCode) + ", stderr: " + r.err + "\n" + r.out).constData());
        for (const char* line : { "accepted the signature",
                 "Proves: ",
                 "Not confirmed: ",
                 "AliyunAntCloudAuthFullAccess",
                 "Code: MissingParameter (HTTP 400)",
                 "RequestId: ",
                 "AccessKey: " })
            QVERIFY2(r.out.contains(line), r.out.constData());
    }

    void refusedBeforeSending_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no AccessKey anywhere")
            << QStringList { QStringLiteral("test-connection"), QStringLiteral("--json") } << QString();
        QTest::newRow("--training with --endpoint") << QStringList { QStringLiteral("test-connection"),
            QStringLiteral("--json"),
            QStringLiteral("--training"),
            QStringLiteral("--endpoint"),
            QStringLiteral("hk-vpc") } << QStringLiteral("--endpoint");
        QTest::newRow("plain http") << QStringList { QStringLiteral("test-connection"),
            QStringLiteral("--json"),
            QStringLiteral("--endpoint"),
            QStringLiteral("http://127.0.0.1:1/") }
                                    << QStringLiteral("https://");
        QTest::newRow("extra argument") << QStringList {
            QStringLiteral("test-connection"), QStringLiteral("--json"), QStringLiteral("extra")
        } << QStringLiteral("extra");
    }

    void refusedBeforeSending()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const int received = m_sandbox.requestsReceived();
        const CliRun r = CliRun::run(arguments, m_home.path());
        QVERIFY2(r.exitCode == 3, (r.out + r.err).constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(json.value(QStringLiteral("refused")).toBool(), r.out.constData());
        QVERIFY2(json.value(QStringLiteral("message")).toString().contains(message), r.out.constData());
        QCOMPARE(m_sandbox.requestsReceived(), received);
    }

    void helpDocumentsExitCodes()
    {
        const CliRun help = CliRun::run({ QStringLiteral("test-connection"), QStringLiteral("--help") }, m_home.path());
        QCOMPARE(help.exitCode, 0);
        for (const char* text : { "--endpoint",
                 "--ca-file",
                 "--training",
                 "--json",
                 "0 signature and clock accepted",
                 "3 no credentials",
                 "4 the service refused",
                 "5 network",
                 "does not document" })
            QVERIFY2(help.out.contains(text), help.out.constData());
        const CliRun usage = CliRun::run({ QStringLiteral("--help") }, m_home.path());
        QVERIFY(usage.out.contains("test-connection"));
    }
};

QTEST_GUILESS_MAIN(TestCliConnection)
#include "TestCliConnection.moc"
