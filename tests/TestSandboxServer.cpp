#include "SandboxRequest.h"
#include "api/Credentials.h"
#include "api/SignerV3.h"
#include "crypto/Random.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using Parameters = QList<QPair<QString, QString>>;

// End to end over real TLS: QNetworkAccessManager trusts the sandbox CA on the request (setCaCertificates), and
// never ignores SSL errors.
class TestSandboxServer : public QObject
{
    Q_OBJECT

private:
    struct Answer
    {
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QNetworkReply* reply = nullptr; // deleted later; valid until the event loop runs again
    };

    QTemporaryDir m_dir;
    SandboxServer m_server;

    static QList<QPair<QString, QString>> params(const QString& name,
        const QString& docNo,
        const QString& start,
        const QString& end,
        const QString& bizId = QStringLiteral("e0c34a77f5ac40a5aa5e6ed20c35abcd"))
    {
        return { { QStringLiteral("ProductCode"), QStringLiteral("eKYC_Date_MIN") },
            { QStringLiteral("MerchantBizId"), bizId },
            { QStringLiteral("DocType"), QStringLiteral("00000001") },
            { QStringLiteral("DocName"), name },
            { QStringLiteral("DocNo"), docNo },
            { QStringLiteral("ValidityStartDate"), start },
            { QStringLiteral("ValidityEndDate"), end } };
    }

    static QList<QPair<QString, QString>> trigger(const QString& name)
    {
        return params(
            name, QStringLiteral("110101199003071233"), QStringLiteral("20200610"), QStringLiteral("20400610"));
    }

    // A request signed exactly as the provider's SDKs sign it.
    static QNetworkRequest signedRequest(const QUrl& url,
        const QByteArray& body,
        const QList<QSslCertificate>& ca,
        const Credentials& credentials = Credentials::training())
    {
        const SignerV3::Request r =
            SandboxRequest::signedFor(url.host().toUtf8() + ':' + QByteArray::number(url.port()), body, credentials);
        QNetworkRequest request(url);
        for (const auto& [name, value] : r.headers)
            request.setRawHeader(name, value);
        if (!ca.isEmpty()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(ca);
            request.setSslConfiguration(tls);
        }
        return request;
    }

    static Answer post(QNetworkAccessManager& nam, const QNetworkRequest& request, const QByteArray& body)
    {
        Answer a;
        QNetworkReply* reply = nam.post(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(20000))
            qWarning("no answer");
        a.error = reply->error();
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        a.json = QJsonDocument::fromJson(a.body).object();
        a.reply = reply;
        reply->deleteLater();
        return a;
    }

    Answer verify(QNetworkAccessManager& nam, const QList<QPair<QString, QString>>& parameters)
    {
        const QByteArray body = SignerV3::encodeParameters(parameters);
        return post(nam, signedRequest(m_server.url(), body, m_server.caCertificates()), body);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(0, m_dir.path()), qPrintable(m_server.errorString()));
        QCOMPARE(m_server.url().scheme(), QStringLiteral("https"));
        QCOMPARE(m_server.url().host(), QStringLiteral("127.0.0.1"));
    }

    void caIsCreatedAndReused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.filePath(QStringLiteral("sandbox"));
        SandboxServer first;
        QVERIFY2(first.start(0, data), qPrintable(first.errorString()));
        for (const char* name : { "ca.pem", "server.pem", "server.key" })
            QVERIFY(QFile::exists(data + QLatin1Char('/') + QLatin1String(name)));
        QCOMPARE(first.caCertificatePath(), data + QStringLiteral("/ca.pem"));
        QCOMPARE(QFile::permissions(data + QStringLiteral("/server.key"))
                & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
            QFileDevice::Permissions());
        QCOMPARE(first.caCertificates().size(), 1);
        const QSslCertificate ca = first.caCertificates().constFirst();
        QVERIFY(ca.isSelfSigned());
        first.stop();

        SandboxServer second;
        QVERIFY2(second.start(0, data), qPrintable(second.errorString()));
        QCOMPARE(second.caCertificates().constFirst(), ca);

        // The reused CA still works over TLS.
        QNetworkAccessManager nam;
        const QByteArray body = SignerV3::encodeParameters(trigger(QStringLiteral("王小明")));
        const Answer a = post(nam, signedRequest(second.url(), body, second.caCertificates()), body);
        QCOMPARE(a.error, QNetworkReply::NoError);
        QCOMPARE(a.status, 200);
        second.stop();

        // An unreadable set is replaced by a new one.
        QFile caFile(data + QStringLiteral("/ca.pem"));
        QVERIFY(caFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        caFile.write("-----BEGIN CERTIFICATE-----\ngarbage\n-----END CERTIFICATE-----\n");
        caFile.close();
        SandboxServer third;
        QVERIFY2(third.start(0, data), qPrintable(third.errorString()));
        QVERIFY(!third.caCertificates().constFirst().isNull());
        QVERIFY(third.caCertificates().constFirst() != ca);
        const QSslCertificate thirdCa = third.caCertificates().constFirst();
        third.stop();

        // A server certificate that the CA did not sign (here: the one of another sandbox) is replaced too.
        QVERIFY(QFile::remove(data + QStringLiteral("/server.pem")));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("server.pem")), data + QStringLiteral("/server.pem")));
        SandboxServer fourth;
        QVERIFY2(fourth.start(0, data), qPrintable(fourth.errorString()));
        QVERIFY(fourth.caCertificates().constFirst() != thirdCa);
    }

    void serverCertificateNamesLoopback()
    {
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_server.caCertificates());
        socket.setSslConfiguration(tls);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server.url().port());
        QVERIFY2(encrypted.wait(10000), qPrintable(socket.errorString()));
        const QSslCertificate leaf = socket.peerCertificate();
        const auto names = leaf.subjectAlternativeNames();
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QCOMPARE(leaf.publicKey().algorithm(), QSsl::Ec);
        QVERIFY(leaf.expiryDate() > QDateTime::currentDateTimeUtc());
    }

    void untrustedClientFails()
    {
        const int before = m_server.connectionsAccepted();
        QNetworkAccessManager nam;
        const QByteArray body = SignerV3::encodeParameters(trigger(QStringLiteral("王小明")));
        // No CA on the request: the system store does not know the sandbox CA.
        const Answer a = post(nam, signedRequest(m_server.url(), body, {}), body);
        QCOMPARE(a.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(a.status, 0);
        QCOMPARE(m_server.connectionsAccepted(), before);
    }

    void answers_data()
    {
        QTest::addColumn<Parameters>("parameters");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("passed");
        QTest::addColumn<QString>("subCode");

        namespace F = SandboxFixtures;
        const F::Person& p = F::people().constFirst();
        const QString& start = p.validityStartDate;
        const QString& end = p.validityEndDate;
        const QString notOnFile = QStringLiteral("11010119900307124X");
        // Passed and SubCode only come with a business answer (HTTP 200).
        auto row = [](const char* title,
                       const Parameters& parameters,
                       int status,
                       const char* code,
                       const char* passed = "",
                       const char* subCode = "") {
            QTest::newRow(title) << parameters << status << code << passed << subCode;
        };
        row("200 passed", params(p.docName, p.docNo, start, end), 200, "Success", "Y", "200");
        row("202 not found", params(p.docName, notOnFile, start, end), 200, "Success", "N", "202");
        row("223 mismatch", params(QStringLiteral("王大明"), p.docNo, start, end), 200, "Success", "N", "223");
        row("missing", params(p.docName, QString(), start, end), 400, "MissingParameter");
        row("throttled", trigger(F::throttleAlways), 403, "Throttling.Api");
        row("internal error", trigger(F::serverErrorAlways), 500, "InternalError");
        row("unavailable", trigger(F::unavailable), 503, "ServiceUnavailable");
        row("ram denied", trigger(F::ramDenied), 403, "Forbidden.RAMUserAccessDenied");
    }

    void answers()
    {
        QFETCH(Parameters, parameters);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, passed);
        QFETCH(QString, subCode);

        QNetworkAccessManager nam;
        const Answer a = verify(nam, parameters);
        QCOMPARE(a.status, status);
        QCOMPARE(a.reply->header(QNetworkRequest::ContentTypeHeader).toString(),
            QStringLiteral("application/json;charset=utf-8"));
        QVERIFY(a.reply->hasRawHeader("Date"));
        QCOMPARE(a.json.value(QStringLiteral("Code")).toString(), code);
        QVERIFY(!a.json.value(QStringLiteral("RequestId")).toString().isEmpty());
        if (status == 200) {
            const QJsonObject result = a.json.value(QStringLiteral("Result")).toObject();
            QCOMPARE(result.value(QStringLiteral("Passed")).toString(), passed);
            QCOMPARE(result.value(QStringLiteral("SubCode")).toString(), subCode);
        } else {
            QVERIFY(a.error != QNetworkReply::NoError);
            QVERIFY(!a.json.value(QStringLiteral("Message")).toString().isEmpty());
        }
        if (code == QLatin1String("Throttling.Api"))
            QVERIFY(a.reply->rawHeader("x-ratelimit-user-api").contains("TimeLeft:"));
    }

    void wrongSecretIsRejected()
    {
        QNetworkAccessManager nam;
        const QByteArray body = SignerV3::encodeParameters(trigger(QStringLiteral("王小明")));
        const Credentials wrong(Credentials::training().accessKeyId(), QStringLiteral("not-the-secret"), {}, {});
        const Answer a = post(nam, signedRequest(m_server.url(), body, m_server.caCertificates(), wrong), body);
        QCOMPARE(a.status, 400);
        QCOMPARE(a.json.value(QStringLiteral("Code")).toString(), QStringLiteral("SignatureDoesNotMatch"));
        QVERIFY(a.json.value(QStringLiteral("Message")).toString().contains(QStringLiteral("ACS3-HMAC-SHA256\n")));
    }

    void keepAliveUsesOneConnection()
    {
        SandboxServer server;
        QTemporaryDir dir;
        QVERIFY2(server.start(0, dir.path()), qPrintable(server.errorString()));
        QNetworkAccessManager nam;
        const SandboxFixtures::Person& p = SandboxFixtures::people().at(1);
        for (int i = 0; i < 5; ++i) {
            const QByteArray body =
                SignerV3::encodeParameters(params(p.docName, p.docNo, p.validityStartDate, p.validityEndDate));
            const Answer a = post(nam, signedRequest(server.url(), body, server.caCertificates()), body);
            QCOMPARE(a.status, 200);
            QCOMPARE(a.reply->rawHeader("Connection").toLower(), QByteArray("keep-alive"));
        }
        QCOMPARE(server.connectionsAccepted(), 1);
        QCOMPARE(server.requestsServed(), 5);
    }

    void resetTriggerDropsConnection()
    {
        QNetworkAccessManager nam;
        const int served = m_server.requestsServed();
        const Answer a = verify(nam, trigger(SandboxFixtures::reset));
        QVERIFY(a.error != QNetworkReply::NoError);
        QVERIFY(a.error != QNetworkReply::OperationCanceledError);
        QCOMPARE(a.status, 0);
        QVERIFY(a.body.isEmpty());
        QCOMPARE(m_server.requestsServed(), served);
    }

    void slowTriggerAnswersLater()
    {
        m_server.setSlowResponseMs(200);
        QNetworkAccessManager nam;
        const QByteArray body = SignerV3::encodeParameters(trigger(SandboxFixtures::slow));
        QNetworkReply* reply = nam.post(signedRequest(m_server.url(), body, m_server.caCertificates()), body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(finished.wait(20000));
        // The answer is held back by the server's timer: at least the configured delay passes.
        QVERIFY(timer.elapsed() >= 150);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(json.value(QStringLiteral("Result")).toObject().value(QStringLiteral("Passed")).toString(),
            QStringLiteral("Y"));
        reply->deleteLater();
        m_server.setSlowResponseMs(5000);
    }

    // Each complete request is logged with the time it had been read, the action and the answer; refused (malformed)
    // requests are not. A slow answer is logged at arrival, not when it goes out.
    void requestLogRecordsArrivals()
    {
        SandboxServer server;
        QTemporaryDir dir;
        server.setSlowResponseMs(300);
        QVERIFY2(server.start(0, dir.path()), qPrintable(server.errorString()));
        QSignalSpy logged(&server, &SandboxServer::requestLogged);
        QNetworkAccessManager nam;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        for (const QString& name : { QStringLiteral("王小明"), SandboxFixtures::throttleAlways }) {
            const QByteArray body = SignerV3::encodeParameters(trigger(name));
            post(nam, signedRequest(server.url(), body, server.caCertificates()), body);
        }
        QSslSocket garbage;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(server.caCertificates());
        garbage.setSslConfiguration(tls);
        QSignalSpy closed(&garbage, &QSslSocket::disconnected);
        garbage.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.url().port());
        garbage.write("HELLO\r\n\r\n");
        QVERIFY(closed.wait(10000));
        const QByteArray slowBody = SignerV3::encodeParameters(trigger(SandboxFixtures::slow));
        post(nam, signedRequest(server.url(), slowBody, server.caCertificates()), slowBody);
        const QDateTime answered = QDateTime::currentDateTimeUtc();

        const QList<SandboxServer::LoggedRequest> log = server.requestLog();
        QCOMPARE(log.size(), 3);
        QCOMPARE(logged.count(), 3);
        QCOMPARE(log.at(0).status, 200);
        QCOMPARE(log.at(0).code, QStringLiteral("Success"));
        QCOMPARE(log.at(1).status, 403);
        QCOMPARE(log.at(1).code, QStringLiteral("Throttling.Api"));
        for (const SandboxServer::LoggedRequest& entry : log) {
            QCOMPARE(entry.action, QStringLiteral("Id2MetaPeriodVerifyIntl"));
            QCOMPARE(entry.method, QByteArray("POST"));
            QCOMPARE(entry.path, QByteArray("/"));
            QCOMPARE(entry.arrived.timeSpec(), Qt::UTC);
            QVERIFY(entry.arrived >= before && entry.arrived <= answered);
        }
        QVERIFY(log.at(0).arrived <= log.at(1).arrived && log.at(1).arrived <= log.at(2).arrived);
        // The slow answer took at least 300 ms to arrive; its entry holds its arrival.
        QVERIFY(log.at(2).arrived.msecsTo(answered) >= 250);
        const QJsonObject line = QJsonDocument::fromJson(log.at(1).toJsonLine()).object();
        QCOMPARE(line.value(QStringLiteral("ms")).toInteger(), log.at(1).arrived.toMSecsSinceEpoch());
        QCOMPARE(line.value(QStringLiteral("status")).toInt(), 403);
        QCOMPARE(line.value(QStringLiteral("action")).toString(), QStringLiteral("Id2MetaPeriodVerifyIntl"));
        QVERIFY(!log.at(1).toJsonLine().contains('\n'));
    }

    void malformedAndOversizedAnswers()
    {
        QNetworkAccessManager nam;
        const Answer bad = verify(nam, trigger(SandboxFixtures::malformed));
        QCOMPARE(bad.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(bad.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);

        const Answer big = verify(nam, trigger(SandboxFixtures::oversized));
        QCOMPARE(big.status, 200);
        QCOMPARE(big.body.size(), SandboxFixtures::oversizedBodyBytes);
        QJsonDocument::fromJson(big.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }

    void oversizedRequestIs413()
    {
        QNetworkAccessManager nam;
        auto parameters = trigger(QStringLiteral("王小明"));
        parameters.append({ QStringLiteral("MerchantUserId"), QString(70 * 1024, QLatin1Char('a')) });
        const QByteArray body = SignerV3::encodeParameters(parameters);
        const Answer a = post(nam, signedRequest(m_server.url(), body, m_server.caCertificates()), body);
        QCOMPARE(a.status, 413);
        QCOMPARE(a.json.value(QStringLiteral("Code")).toString(), QStringLiteral("RequestEntityTooLarge"));
    }

    void rawHttpOverTls_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArrayList>("statusLines");

        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << QByteArrayList { "HTTP/1.1 400 Bad Request" };
        QTest::newRow("bad header") << QByteArray("POST / HTTP/1.1\r\nno colon here\r\n\r\n")
                                    << QByteArrayList { "HTTP/1.1 400 Bad Request" };
        // A chunked body is read (TestSandboxHttp has the details); unsigned, it is answered by the API checks.
        QTest::newRow("chunked") << QByteArray(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                 << QByteArrayList { "HTTP/1.1 404 Not Found" };
        QTest::newRow("huge header") << QByteArray("GET / HTTP/1.1\r\nX-Fill: " + QByteArray(70 * 1024, 'a'))
                                     << QByteArrayList { "HTTP/1.1 431 Request Header Fields Too Large" };
        // Two requests in one write: both answered, in order, on the same connection.
        QTest::newRow("pipelined") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                                                 "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                                   << QByteArrayList { "HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 404 Not Found" };
    }

    void rawHttpOverTls()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArrayList, statusLines);

        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_server.caCertificates());
        socket.setSslConfiguration(tls);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server.url().port());
        QVERIFY2(encrypted.wait(10000), qPrintable(socket.errorString()));
        socket.write(request);
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).count("HTTP/1.1 ") >= statusLines.size(), 10000);
        qsizetype from = 0;
        for (const QByteArray& line : statusLines) {
            const qsizetype at = received.indexOf(line, from);
            QVERIFY2(at >= 0, received.left(300).constData());
            from = at + line.size();
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "TestSandboxServer.moc"
