#include "api/ApiClient.h"
#include "crypto/Random.h"
#include "crypto/SandboxCa.h"
#include "sandbox/SandboxFixtures.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using Status = VerificationResult::Status;
using Error = VerificationResult::Error;

namespace {

VerificationRequest personRequest()
{
    const SandboxFixtures::Person& p = SandboxFixtures::people().first();
    VerificationRequest r;
    r.merchantBizId = QString::fromLatin1(Random::system().hex32());
    r.docName = p.docName;
    r.docNo = p.docNo;
    r.validityStartDate = p.validityStartDate;
    r.validityEndDate = p.validityEndDate;
    return r;
}

// A header block of about `bytes` in `fields` fields, without the status line and the empty line that ends it.
QByteArray headerBlock(qint64 bytes, int fields)
{
    QByteArray block = "Content-Type: application/json\r\nContent-Length: 1000000000\r\n";
    const qint64 each = qMax<qint64>(16, bytes / fields);
    for (int i = 0; block.size() < bytes; ++i) {
        const QByteArray name = "X-Padding-" + QByteArray::number(i) + ": ";
        block += name + QByteArray(qMax<qint64>(1, each - name.size() - 2), 'a') + "\r\n";
    }
    return block;
}

// Answers the first request on a TLS connection with `head` and then an endless body, a chunk whenever the last one
// has gone out to the network (so only as fast as the client reads); counts every byte written.
class StreamingAnswer : public QObject
{
public:
    StreamingAnswer(QSslSocket* socket, QByteArray head, qint64* written)
        : QObject(socket)
        , m_socket(socket)
        , m_head(std::move(head))
        , m_written(written)
    {
        connect(socket, &QSslSocket::readyRead, this, [this] { readRequest(); });
        connect(socket, &QSslSocket::encryptedBytesWritten, this, [this](qint64) { writeMore(); });
    }

private:
    void readRequest()
    {
        m_request += m_socket->readAll();
        if (m_answering || !m_request.contains("\r\n\r\n"))
            return;
        m_answering = true;
        *m_written += m_socket->write(m_head);
    }
    void writeMore()
    {
        if (!m_answering || m_socket->bytesToWrite() > 0 || m_socket->encryptedBytesToWrite() > 0
            || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        *m_written += m_socket->write(QByteArray(64 * 1024, '{'));
    }

    QSslSocket* m_socket;
    QByteArray m_head;
    qint64* m_written;
    QByteArray m_request;
    bool m_answering = false;
};

} // namespace

// Small purpose-built servers that do what the sandbox never does: huge response headers over real TLS (with the
// sandbox's certificate machinery), and plain HTTP on an https:// endpoint.
class TestHostileServers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SandboxCa m_ca;

    ClientConfig configFor(quint16 port) const
    {
        ClientConfig c;
        c.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port));
        c.extraCaCertificates = { m_ca.caCertificate() };
        c.timeoutMs = 120000; // far beyond the test's own wait: an answer that only ends by timing out fails the test
        c.rateLimitQps = 0;
        return c;
    }

    static VerificationResult run(ApiClient& client)
    {
        std::optional<VerificationResult> result;
        QObject::connect(
            &client, &ApiClient::finished, &client, [&](quint64, const VerificationResult& r) { result = r; });
        client.verify(personRequest());
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000); }();
        return result.value_or(VerificationResult());
    }

private slots:
    void initTestCase() { QVERIFY2(m_ca.ensure(m_dir.filePath(QStringLiteral("ca"))), qPrintable(m_ca.errorString())); }

    // Response headers are capped at 64 KiB in all, as the body is: beyond it (or beyond what Qt's parser takes at
    // all) the attempt ends at once with a specific error, the body that follows is not read, and nothing is retried.
    void hugeHeadersAreRefused_data()
    {
        QTest::addColumn<qint64>("bytes");
        QTest::addColumn<int>("fields");
        QTest::newRow("70 KiB in 90 fields") << qint64(70 * 1024) << 90;
        QTest::newRow("one field of 200 KiB") << qint64(200 * 1024) << 1;
        QTest::newRow("1 MiB in 10,000 fields") << qint64(1024 * 1024) << 10000;
    }
    void hugeHeadersAreRefused()
    {
        QFETCH(qint64, bytes);
        QFETCH(int, fields);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificateChain({ m_ca.serverCertificate(), m_ca.caCertificate() });
        tls.setPrivateKey(m_ca.serverKey());
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        QSslServer server;
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QByteArray head = "HTTP/1.1 200 OK\r\n" + headerBlock(bytes, fields) + "\r\n";
        qint64 written = 0;
        bool closed = false;
        connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&] {
            while (auto* socket = qobject_cast<QSslSocket*>(server.nextPendingConnection())) {
                socket->setParent(&server);
                new StreamingAnswer(socket, head, &written);
                connect(socket, &QTcpSocket::disconnected, &server, [&closed] { closed = true; });
            }
        });

        ApiClient client(configFor(server.serverPort()), Credentials::training());
        const VerificationResult r = run(client);
        QCOMPARE(r.error, Error::OversizedResponse);
        QCOMPARE(r.status, Status::NetworkError);
        QVERIFY(r.requestSent);
        QVERIFY(r.mayHaveBeenBilled()); // recorded as outcome unknown, like an oversized body
        QCOMPARE(r.attempts, 1);
        QVERIFY2(r.detail.contains(QLatin1String("headers")), qPrintable(r.detail));
        QVERIFY2(r.detail.contains(QLatin1String("64 KiB")), qPrintable(r.detail));
        // The read stopped: the client went away after the header block, long before the endless body's 1 GB.
        QTRY_VERIFY_WITH_TIMEOUT(closed, 30000);
        QVERIFY2(written < head.size() + 32 * 1024 * 1024, qPrintable(QString::number(written)));
    }

    // An https:// endpoint whose server answers in plain HTTP: explained as such, never as a certificate problem.
    void plainHttpOnAnHttpsUrl_data()
    {
        QTest::addColumn<bool>("greetFirst");
        QTest::newRow("answers the ClientHello") << false;
        QTest::newRow("speaks first") << true;
    }
    void plainHttpOnAnHttpsUrl()
    {
        QFETCH(bool, greetFirst);
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QByteArray answer = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n"
                                  "Connection: close\r\n\r\nBad Request";
        connect(&server, &QTcpServer::newConnection, &server, [&] {
            while (QTcpSocket* socket = server.nextPendingConnection()) {
                socket->setParent(&server);
                if (greetFirst)
                    socket->write(answer);
                connect(socket, &QTcpSocket::readyRead, socket, [socket, answer, greetFirst] {
                    socket->readAll();
                    if (!greetFirst)
                        socket->write(answer);
                    socket->disconnectFromHost();
                });
            }
        });

        ApiClient client(configFor(server.serverPort()), Credentials::training());
        const VerificationResult r = run(client);
        QCOMPARE(r.error, Error::TlsFailure);
        QCOMPARE(r.status, Status::NetworkError);
        QCOMPARE(r.attempts, 1); // not retried: it will not heal
        QVERIFY2(r.detail.contains(QLatin1String("plain HTTP, not TLS")), qPrintable(r.detail));
        QVERIFY2(r.explanation().contains(QLatin1String("plain HTTP, not TLS")), qPrintable(r.explanation()));
        QVERIFY2(!r.explanation().contains(QLatin1String("certificate")), qPrintable(r.explanation()));
    }
};

QTEST_GUILESS_MAIN(TestHostileServers)
#include "TestHostileServers.moc"
