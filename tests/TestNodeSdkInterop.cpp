#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// The provider's official Node SDK (@alicloud/openapi-client, tests/node/call-sandbox.js) against the sandbox: its
// own V3 signing and its own HTTP stack, which sends the body chunked. Skipped only when node or
// tests/node/node_modules is missing (packaging/dev installs both before the tests).
class TestNodeSdkInterop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxServer m_server;
    QString m_node;
    const QString m_nodeDir = QStringLiteral(EKYC_SOURCE_DIR "/tests/node");

private slots:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (m_node.isEmpty())
            QSKIP("node is not installed (packaging/dev installs it)");
        if (!QFile::exists(m_nodeDir + QStringLiteral("/node_modules/@alicloud/openapi-client/package.json")))
            QSKIP("tests/node/node_modules is missing: run npm ci in tests/node (packaging/dev test does)");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(0, m_dir.path()), qPrintable(m_server.errorString()));
    }

    void callsThroughTheSdk_data()
    {
        QTest::addColumn<QStringList>("caseArguments");
        QTest::addColumn<int>("statusCode");
        QTest::addColumn<QString>("code"); // the body's Code, or the SDK's error code
        QTest::addColumn<QString>("subCode");

        namespace F = SandboxFixtures;
        const F::Person& p = F::people().constFirst();
        auto person = [](const QString& name, const QString& docNo, const QString& start, const QString& end) {
            return QStringList { QStringLiteral("--name"),
                name,
                QStringLiteral("--doc-no"),
                docNo,
                QStringLiteral("--start"),
                start,
                QStringLiteral("--end"),
                end };
        };
        const QStringList consistent = person(p.docName, p.docNo, p.validityStartDate, p.validityEndDate);
        QTest::newRow("200 consistent") << consistent << 200 << QStringLiteral("Success") << QStringLiteral("200");
        QTest::newRow("202 not found") << person(
            p.docName, QStringLiteral("11010119900307124X"), p.validityStartDate, p.validityEndDate)
                                       << 200 << QStringLiteral("Success") << QStringLiteral("202");
        QTest::newRow("223 mismatch") << person(
            QStringLiteral("王大明"), p.docNo, p.validityStartDate, p.validityEndDate)
                                      << 200 << QStringLiteral("Success") << QStringLiteral("223");
        const auto longTerm = std::find_if(F::people().cbegin(), F::people().cend(), [](const F::Person& candidate) {
            return candidate.validityEndDate.isEmpty();
        });
        QVERIFY(longTerm != F::people().cend());
        QTest::newRow("200 long-term card")
            << person(longTerm->docName, longTerm->docNo, longTerm->validityStartDate, F::longTermChinese) << 200
            << QStringLiteral("Success") << QStringLiteral("200");
        QTest::newRow("wrong secret") << consistent
                + QStringList { QStringLiteral("--secret"), QStringLiteral("wrong") }
                                      << 400 << QStringLiteral("SignatureDoesNotMatch") << QString();
        QTest::newRow("throttled") << person(F::throttleAlways, p.docNo, p.validityStartDate, p.validityEndDate) << 403
                                   << QStringLiteral("Throttling.Api") << QString();
    }

    void callsThroughTheSdk()
    {
        QFETCH(QStringList, caseArguments);
        QFETCH(int, statusCode);
        QFETCH(QString, code);
        QFETCH(QString, subCode);

        const int before = m_server.requestsReceived();
        QProcess node;
        node.setWorkingDirectory(m_nodeDir);
        QSignalSpy finished(&node, &QProcess::finished);
        node.start(m_node,
            QStringList { QStringLiteral("call-sandbox.js"),
                QStringLiteral("--endpoint"),
                QStringLiteral("127.0.0.1:%1").arg(m_server.url().port()),
                QStringLiteral("--ca"),
                m_server.caCertificatePath() }
                + caseArguments);
        QVERIFY(finished.wait(60000)); // the in-process sandbox answers while this waits
        const QByteArray out = node.readAllStandardOutput();
        const QByteArray err = node.readAllStandardError();
        const QJsonObject result = QJsonDocument::fromJson(out).object();
        QVERIFY2(!result.isEmpty(), (out + err).constData());
        // One request per call: the SDK does not retry, and the sandbox read its chunked body.
        QCOMPARE(m_server.requestsReceived(), before + 1);
        QCOMPARE(m_server.requestLog().constLast().status, statusCode);
        if (subCode.isEmpty()) {
            QCOMPARE(node.exitCode(), 1);
            const QJsonObject error = result.value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
            QCOMPARE(error.value(QStringLiteral("statusCode")).toInt(), statusCode);
            return;
        }
        QCOMPARE(node.exitCode(), 0);
        QCOMPARE(result.value(QStringLiteral("statusCode")).toInt(), statusCode);
        const QJsonObject body = result.value(QStringLiteral("body")).toObject();
        QCOMPARE(body.value(QStringLiteral("Code")).toString(), code);
        const QJsonObject answer = body.value(QStringLiteral("Result")).toObject();
        QCOMPARE(answer.value(QStringLiteral("SubCode")).toString(), subCode);
        QCOMPARE(answer.value(QStringLiteral("Passed")).toString(),
            QLatin1String(subCode == QLatin1String("200") ? "Y" : "N"));
    }
};

QTEST_GUILESS_MAIN(TestNodeSdkInterop)
#include "TestNodeSdkInterop.moc"
