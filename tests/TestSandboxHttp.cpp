#include "SandboxRequest.h"
#include "api/Credentials.h"
#include "api/SignerV3.h"
#include "crypto/Random.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

#include <poll.h>
#include <sys/socket.h>

// The sandbox's HTTP/1.1 handling, byte for byte over real TLS (SandboxRequestParser in SandboxConnection): chunked
// bodies, header limits, line ends, deadlines and the connection limit.
class TestSandboxHttp : public QObject
{
    Q_OBJECT

public:
    enum class Chunking
    {
        OneChunk,
        ByteChunks,
        ExtensionsAndTrailers,
        PaddedUpperHex,
        BareLf,
    };
    Q_ENUM(Chunking)

private:
    QTemporaryDir m_dir;
    SandboxServer m_server;

    // A client of one connection that collects what it receives.
    struct Client
    {
        std::unique_ptr<QSslSocket> socket = std::make_unique<QSslSocket>();
        QByteArray received;

        bool connect(const SandboxServer& server)
        {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(server.caCertificates());
            socket->setSslConfiguration(tls);
            QObject::connect(
                socket.get(), &QSslSocket::readyRead, socket.get(), [this] { received += socket->readAll(); });
            QSignalSpy encrypted(socket.get(), &QSslSocket::encrypted);
            socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.url().port());
            return encrypted.wait(10000);
        }
        void writeBytewise(const QByteArray& data)
        {
            for (const char c : data) {
                socket->write(&c, 1);
                socket->flush();
            }
        }
        int statusLines() const { return int(received.count("HTTP/1.1 ")); }
    };

    static QByteArray chunked(const QByteArray& body, Chunking style)
    {
        const QByteArray crlf = style == Chunking::BareLf ? "\n" : "\r\n";
        QByteArray out;
        switch (style) {
        case Chunking::OneChunk:
        case Chunking::BareLf:
            out = QByteArray::number(body.size(), 16) + crlf + body + crlf;
            break;
        case Chunking::ByteChunks:
            for (const char c : body)
                out += "1" + crlf + c + crlf;
            break;
        case Chunking::ExtensionsAndTrailers:
            out = QByteArray::number(10, 16) + ";name=value;flag" + crlf + body.left(10) + crlf
                + QByteArray::number(body.size() - 10, 16) + " ; x=\"y\"" + crlf + body.mid(10) + crlf;
            return out + "0;last" + crlf + "X-Trailer: yes" + crlf + "X-Other: 1" + crlf + crlf;
        case Chunking::PaddedUpperHex:
            out = "000" + QByteArray::number(body.size(), 16).toUpper() + crlf + body + crlf;
            break;
        }
        return out + "0" + crlf + crlf;
    }

    // A verification of the first fixture person, signed like the SDKs sign it, with its body chunked.
    QByteArray chunkedVerification(Chunking style, const QByteArray& extraHeaders = {}) const
    {
        const SandboxFixtures::Person& p = SandboxFixtures::people().constFirst();
        const QByteArray body =
            SignerV3::encodeParameters({ { QStringLiteral("ProductCode"), QStringLiteral("eKYC_Date_MIN") },
                { QStringLiteral("MerchantBizId"), QStringLiteral("e0c34a77f5ac40a5aa5e6ed20c35abcd") },
                { QStringLiteral("DocType"), QStringLiteral("00000001") },
                { QStringLiteral("DocName"), p.docName },
                { QStringLiteral("DocNo"), p.docNo },
                { QStringLiteral("ValidityStartDate"), p.validityStartDate },
                { QStringLiteral("ValidityEndDate"), p.validityEndDate } });
        const SignerV3::Request r =
            SandboxRequest::signedFor("127.0.0.1:" + QByteArray::number(m_server.url().port()), body);
        const QByteArray crlf = style == Chunking::BareLf ? "\n" : "\r\n";
        QByteArray out = "POST / HTTP/1.1" + crlf;
        for (const auto& [name, value] : r.headers)
            out += name + ": " + value + crlf;
        out += "Transfer-Encoding: chunked" + crlf + extraHeaders;
        return out + crlf + chunked(body, style);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(0, m_dir.path()), qPrintable(m_server.errorString()));
    }

    void chunkedBodies_data()
    {
        QTest::addColumn<Chunking>("style");
        QTest::addColumn<bool>("bytewise");
        for (const Chunking style : { Chunking::OneChunk,
                 Chunking::ByteChunks,
                 Chunking::ExtensionsAndTrailers,
                 Chunking::PaddedUpperHex,
                 Chunking::BareLf }) {
            const QByteArray name = QMetaEnum::fromType<Chunking>().valueToKey(int(style));
            QTest::newRow(name + " at once") << style << false;
            QTest::newRow(name + " a byte at a time") << style << true;
        }
    }

    // Each chunked verification is answered 200/Passed, and a request pipelined behind it is answered next.
    void chunkedBodies()
    {
        QFETCH(Chunking, style);
        QFETCH(bool, bytewise);
        Client client;
        QVERIFY(client.connect(m_server));
        const int received = m_server.requestsReceived();
        const QByteArray data = chunkedVerification(style) + "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
        if (bytewise)
            client.writeBytewise(data);
        else
            client.socket->write(data);
        QTRY_VERIFY_WITH_TIMEOUT(client.statusLines() >= 2, 20000);
        QVERIFY2(client.received.startsWith("HTTP/1.1 200 OK\r\n"), client.received.left(400).constData());
        QVERIFY2(client.received.contains("\"Passed\":\"Y\""), client.received.left(600).constData());
        QVERIFY(client.received.indexOf("HTTP/1.1 405 Method Not Allowed") > client.received.indexOf("Passed"));
        QCOMPARE(m_server.requestsReceived(), received + 2);
        QCOMPARE(client.socket->state(), QAbstractSocket::ConnectedState);
    }

    void expectContinueWithChunkedBody()
    {
        Client client;
        QVERIFY(client.connect(m_server));
        const QByteArray request = chunkedVerification(Chunking::OneChunk, "Expect: 100-continue\r\n");
        const qsizetype headEnd = request.indexOf("\r\n\r\n") + 4;
        client.socket->write(request.left(headEnd));
        QTRY_VERIFY_WITH_TIMEOUT(client.received.contains("\r\n\r\n"), 10000);
        QCOMPARE(client.received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        client.socket->write(request.mid(headEnd));
        QTRY_VERIFY_WITH_TIMEOUT(client.received.contains("\"Passed\":\"Y\""), 10000);
        QCOMPARE(client.statusLines(), 2); // 100, then 200 (no second 100)
        QVERIFY(client.received.contains("HTTP/1.1 200 OK\r\n"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("statusLine");
        const QByteArray post = "POST / HTTP/1.1\r\nHost: x\r\n";
        const QByteArray te = "Transfer-Encoding: chunked\r\n\r\n";
        auto row = [](const char* name, const QByteArray& request, const char* status) {
            QTest::newRow(name) << request << QByteArray(status);
        };
        row("length and chunked", post + "Content-Length: 5\r\n" + te + "5\r\nhello\r\n0\r\n\r\n", "400 Bad Request");
        row("gzip", post + "Transfer-Encoding: gzip\r\n\r\n", "501 Not Implemented");
        row("gzip, chunked", post + "Transfer-Encoding: gzip, chunked\r\n\r\n", "501 Not Implemented");
        row("chunk size not hex", post + te + "zz\r\nhello\r\n0\r\n\r\n", "400 Bad Request");
        row("empty chunk size", post + te + "\r\nhello\r\n0\r\n\r\n", "400 Bad Request");
        row("data longer than size", post + te + "3\r\nhello\r\n0\r\n\r\n", "400 Bad Request");
        row("bad trailer", post + te + "0\r\nno colon\r\n\r\n", "400 Bad Request");
        row("huge chunk size", post + te + "FFFFFFFFFFFFFFFFFF\r\n", "413 Payload Too Large");
        row("chunk over 64 KiB", post + te + "10001\r\n", "413 Payload Too Large");
        QByteArray pieces;
        for (int i = 0; i < 9; ++i)
            pieces += "2000\r\n" + QByteArray(0x2000, 'a') + "\r\n";
        row("chunks over 64 KiB", post + te + pieces, "413 Payload Too Large");
        QByteArray raw;
        for (int i = 0; i < 3000; ++i)
            raw += "1;padding-to-make-the-raw-stream-long\r\na\r\n";
        row("raw chunked data over 80 KiB", post + te + raw, "413 Payload Too Large");
        row("head over 16 KiB", "GET / HTTP/1.1\r\nX-Fill: " + QByteArray(17 * 1024, 'a'), "431 Request Header");
        QByteArray lines = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 101; ++i)
            lines += "X-Line-" + QByteArray::number(i) + ": v\r\n";
        row("101 header lines", lines + "\r\n", "431 Request Header");
        // What a front end and the sandbox could read differently (request smuggling) is refused.
        row("HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n", "400 Bad Request");
        row("two Hosts", "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", "400 Bad Request");
        row("bare CR inside a header value", post + "X-A: a\rContent-Length: 5\r\n\r\n", "400 Bad Request");
        row("NUL inside a header value", post + "X-A: a" + QByteArray(1, '\0') + "b\r\n\r\n", "400 Bad Request");
        const char nulMethod[] = "G\0T / HTTP/1.1\r\nHost: x\r\n\r\n";
        row("NUL in the method", QByteArray(nulMethod, sizeof(nulMethod) - 1), "400 Bad Request");
        row("control character in the target", "GET /\x01 HTTP/1.1\r\nHost: x\r\n\r\n", "400 Bad Request");
        row("Content-Length -0", post + "Content-Length: -0\r\n\r\n", "400 Bad Request");
        row("Content-Length as a list", post + "Content-Length: 0, 0\r\n\r\n", "400 Bad Request");
        row("bare CR after a chunk size", post + te + "5\r\r\nhello\r\n0\r\n\r\n", "400 Bad Request");
        const char nulExtension[] = "5;x\0y\r\nhello\r\n0\r\n\r\n";
        row("NUL in a chunk extension",
            post + te + QByteArray(nulExtension, sizeof(nulExtension) - 1),
            "400 Bad Request");
        row("space before a chunk size", post + te + "  5\r\nhello\r\n0\r\n\r\n", "400 Bad Request");
        row("bare LF after a chunk extension", post + te + "5;a\nhello\r\n0\r\n\r\n", "400 Bad Request");
        row("HTTP/1.0 with Transfer-Encoding",
            "POST / HTTP/1.0\r\nHost: x\r\n" + te + "5\r\nhello\r\n0\r\n\r\n",
            "400 Bad Request");
    }

    // Each is answered with its status and the connection is closed.
    void refusals()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, statusLine);
        Client client;
        QVERIFY(client.connect(m_server));
        QSignalSpy closed(client.socket.get(), &QSslSocket::disconnected);
        client.socket->write(request);
        QVERIFY(closed.wait(10000));
        QVERIFY2(client.received.startsWith("HTTP/1.1 " + statusLine), client.received.left(300).constData());
        QVERIFY(client.received.contains("Connection: close\r\n"));
    }

    void accepted_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("statusLine");
        QByteArray lines = "GET / HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 99; ++i)
            lines += "X-Line-" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("100 header lines") << lines + "\r\n" << QByteArray("405 Method Not Allowed");
        // 64 KiB decoded in one chunk is within the limits; unsigned, the service answers it 404.
        QTest::newRow("64 KiB in one chunk")
            << "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10000\r\n" + QByteArray(0x10000, 'a')
                + "\r\n0\r\n\r\n"
            << QByteArray("404 Not Found");
        QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: x\n\n") << QByteArray("405 Method Not Allowed");
        QTest::newRow("mixed line ends") << QByteArray("POST /x HTTP/1.1\r\nHost: x\nContent-Length: 0\r\n\n")
                                         << QByteArray("404 Not Found");
        QTest::newRow("empty lines first")
            << QByteArray("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("405 Method Not Allowed");
        QTest::newRow("a tab and bytes over 0x7f in a header value")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\tb \xE7\x8E\x8B\r\n\r\n")
            << QByteArray("405 Method Not Allowed");
    }

    // Parsed and answered by the service, and the connection stays open.
    void accepted()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, statusLine);
        Client client;
        QVERIFY(client.connect(m_server));
        client.socket->write(request);
        QTRY_VERIFY_WITH_TIMEOUT(client.received.contains("\r\n\r\n{"), 10000);
        QVERIFY2(client.received.startsWith("HTTP/1.1 " + statusLine), client.received.left(300).constData());
        QCOMPARE(client.socket->state(), QAbstractSocket::ConnectedState);
    }

    // A request trickling in a byte at a time is cut off at its deadline (408), long before its last byte.
    void tricklingRequestIsClosedAtItsDeadline()
    {
        SandboxServer server;
        QTemporaryDir dir;
        server.setRequestDeadlineMs(300);
        QVERIFY2(server.start(0, dir.path()), qPrintable(server.errorString()));
        Client client;
        QVERIFY(client.connect(server));
        const QByteArray request = "GET / HTTP/1.1\r\nX-Slow: " + QByteArray(1000, 'a') + "\r\n\r\n";
        qsizetype sent = 0;
        QTimer trickle;
        trickle.setInterval(10);
        connect(&trickle, &QTimer::timeout, this, [&] {
            if (sent < request.size() && client.socket->state() == QAbstractSocket::ConnectedState)
                client.socket->write(request.mid(sent++, 1));
        });
        QSignalSpy closed(client.socket.get(), &QSslSocket::disconnected);
        trickle.start();
        QVERIFY(closed.wait(20000));
        trickle.stop();
        QVERIFY2(client.received.startsWith("HTTP/1.1 408 Request Timeout\r\n"), client.received.constData());
        QVERIFY2(sent < request.size(), QByteArray::number(sent).constData());
        QCOMPARE(server.requestsReceived(), 0);
    }

    // A connection that sends nothing is closed after the idle time; so is one idle after an answer, and one that sends
    // only empty lines.
    void idleConnectionIsClosed()
    {
        SandboxServer server;
        QTemporaryDir dir;
        server.setIdleTimeoutMs(200);
        QVERIFY2(server.start(0, dir.path()), qPrintable(server.errorString()));
        Client silent;
        QVERIFY(silent.connect(server));
        QSignalSpy silentClosed(silent.socket.get(), &QSslSocket::disconnected);
        QVERIFY(silentClosed.wait(10000));
        QVERIFY(silent.received.isEmpty());

        Client answered;
        QVERIFY(answered.connect(server));
        QSignalSpy answeredClosed(answered.socket.get(), &QSslSocket::disconnected);
        answered.socket->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(answeredClosed.wait(10000));
        QVERIFY(answered.received.startsWith("HTTP/1.1 405 "));
        QVERIFY(answered.received.contains("Connection: keep-alive\r\n"));

        // Empty lines make no request: they do not keep the connection open.
        Client blank;
        QVERIFY(blank.connect(server));
        QSignalSpy blankClosed(blank.socket.get(), &QSslSocket::disconnected);
        QTimer lines;
        connect(&lines, &QTimer::timeout, this, [&blank] { blank.socket->write("\r\n"); });
        lines.start(20);
        QVERIFY(blankClosed.wait(10000));
        lines.stop();
        QVERIFY(blank.received.isEmpty());
        QTRY_COMPARE(server.openConnections(), 0);
    }

    // A client that pipelines requests and reads none of the answers: once a queue's worth of answers waits to go
    // out, the sandbox answers no more (nor reads: TCP pushes back), and the connection is cut off at the request
    // deadline instead of holding its place of the connection limit for good.
    void clientThatDoesNotReadIsCutOff()
    {
        SandboxServer server;
        QTemporaryDir dir;
        server.setRequestDeadlineMs(300);
        QVERIFY2(server.start(0, dir.path()), qPrintable(server.errorString()));
        constexpr int pipelined = 20000; // about 5 MB of answers
        // The client on a thread of its own: it writes its requests as the connection takes them (it waits for room,
        // never for time) and reads nothing, so the server's answers pile up in TCP, then in the server, until the
        // server cuts it off; then it waits for the test to let it go.
        QSemaphore handshaken;
        QSemaphore release;
        bool connected = false;
        std::atomic<qintptr> descriptor { -1 };
        const quint16 port = server.url().port();
        const QList<QSslCertificate> ca = server.caCertificates();
        std::unique_ptr<QThread> client(QThread::create([&] {
            QSslSocket socket;
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(ca);
            socket.setSslConfiguration(tls);
            socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
            connected = socket.waitForEncrypted(10000);
            descriptor = socket.socketDescriptor();
            handshaken.release();
            if (connected) {
                QByteArray requests;
                for (int i = 0; i < pipelined; ++i)
                    requests += "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
                socket.write(requests);
                while (socket.state() == QAbstractSocket::ConnectedState
                    && socket.bytesToWrite() + socket.encryptedBytesToWrite() > 0) {
                    pollfd room { static_cast<int>(descriptor.load()), POLLOUT, 0 };
                    if (::poll(&room, 1, -1) < 0 || (room.revents & (POLLERR | POLLHUP)) != 0)
                        break; // cut off
                    socket.flush();
                }
            }
            release.acquire();
            socket.abort();
        }));
        client->start();
        const auto letGo = qScopeGuard([&] {
            if (descriptor >= 0)
                ::shutdown(static_cast<int>(descriptor.load()), SHUT_RDWR); // a client still waiting for room
            release.release();
            client->wait();
        });
        QTRY_VERIFY_WITH_TIMEOUT(handshaken.available() == 1, 20000);
        QVERIFY(connected);
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, 20000);
        QVERIFY2(server.requestsReceived() < pipelined, QByteArray::number(server.requestsReceived()).constData());
        QVERIFY(server.requestsReceived() > 0);
    }

    // Beyond maxConnections a new connection is closed at once; once one closes, the next is served.
    void connectionLimit()
    {
        SandboxServer server;
        QTemporaryDir dir;
        server.setMaxConnections(2);
        QVERIFY2(server.start(0, dir.path()), qPrintable(server.errorString()));
        Client first;
        Client second;
        QVERIFY(first.connect(server));
        QVERIFY(second.connect(server));
        QTRY_COMPARE(server.openConnections(), 2);

        Client third;
        QSignalSpy thirdClosed(third.socket.get(), &QSslSocket::disconnected);
        third.connect(server);
        QVERIFY(thirdClosed.count() > 0 || thirdClosed.wait(10000));
        QCOMPARE(server.connectionsRefused(), 1);
        QCOMPARE(server.connectionsAccepted(), 2);
        QCOMPARE(server.openConnections(), 2);

        first.socket->disconnectFromHost();
        QTRY_COMPARE(server.openConnections(), 1);
        Client fourth;
        QVERIFY(fourth.connect(server));
        fourth.socket->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(fourth.received.startsWith("HTTP/1.1 405 "), 10000);
        QCOMPARE(server.connectionsAccepted(), 3);
        QCOMPARE(server.connectionsRefused(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSandboxHttp)
#include "TestSandboxHttp.moc"
