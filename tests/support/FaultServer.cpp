#include "FaultServer.h"

#include <QDateTime>
#include <QLocale>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

#include <sys/socket.h>

namespace {

const char bufferProperty[] = "faultServerBuffer";
const char answeredProperty[] = "faultServerAnswered";

// The Content-Length of a request head (without the empty line), 0 when it has none.
qint64 contentLength(const QByteArray& head)
{
    for (const QByteArray& line : head.split('\n')) {
        const int colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
            return line.mid(colon + 1).trimmed().toLongLong();
    }
    return 0;
}

bool flushed(QTcpSocket* socket)
{
    const auto* tls = qobject_cast<QSslSocket*>(socket);
    return socket->bytesToWrite() == 0 && (!tls || tls->encryptedBytesToWrite() == 0);
}

// Ends the connection the way the answer says, once everything written has reached the kernel: a reset discards
// what it has not sent yet, and the point of a reset in the middle of the body is that the body's start arrived.
void endWhenFlushed(QTcpSocket* socket, FaultServer::Answer::Then then)
{
    if (then == FaultServer::Answer::Then::KeepOpen)
        return;
    socket->flush();
    if (!flushed(socket)) {
        auto* tls = qobject_cast<QSslSocket*>(socket);
        auto retry = std::make_shared<QMetaObject::Connection>();
        const auto again = [socket, then, retry] {
            QObject::disconnect(*retry);
            endWhenFlushed(socket, then);
        };
        *retry = tls ? QObject::connect(tls, &QSslSocket::encryptedBytesWritten, socket, again)
                     : QObject::connect(socket, &QTcpSocket::bytesWritten, socket, again);
        return;
    }
    if (then == FaultServer::Answer::Then::Close) {
        socket->disconnectFromHost();
        return;
    }
    const linger immediately { 1, 0 };
    ::setsockopt(static_cast<int>(socket->socketDescriptor()),
        SOL_SOCKET,
        SO_LINGER,
        &immediately,
        static_cast<socklen_t>(sizeof immediately));
    socket->abort();
}

} // namespace

FaultServer::Answer FaultServer::http(
    int status, const QByteArray& reason, const QByteArray& body, const QByteArray& contentType)
{
    const QByteArray date =
        QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1()
        + " GMT";
    Answer a;
    a.bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nDate: " + date + "\r\n\r\n" + body;
    return a;
}

FaultServer::Answer FaultServer::passed()
{
    return http(200,
        "OK",
        R"({"RequestId":"F0000000-0000-4000-8000-000000000200","Code":"Success","Message":"success",)"
        R"("Result":{"Passed":"Y","SubCode":"200"}})");
}

FaultServer::Answer FaultServer::silence()
{
    Answer a;
    a.silent = true;
    return a;
}

FaultServer::FaultServer(QObject* parent)
    : QObject(parent)
{
}

FaultServer::~FaultServer() = default;

bool FaultServer::listenTls(const QList<QSslCertificate>& chain, const QSslKey& key)
{
    auto* server = new QSslServer(this);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    server->setSslConfiguration(tls);
    // Counted when the TCP connection arrives, before its handshake (which the client may refuse).
    connect(server, &QSslServer::startedEncryptionHandshake, this, [this] { ++m_connections; });
    connect(server, &QTcpServer::pendingConnectionAvailable, this, [this, server] {
        while (QTcpSocket* socket = server->nextPendingConnection())
            accept(socket);
    });
    m_server = server;
    if (!m_server->listen(QHostAddress::LocalHost)) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

bool FaultServer::listenPlain()
{
    m_plain = true;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server->nextPendingConnection()) {
            ++m_connections;
            accept(socket);
        }
    });
    if (!m_server->listen(QHostAddress::LocalHost)) {
        m_error = m_server->errorString();
        return false;
    }
    return true;
}

quint16 FaultServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl FaultServer::url() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(port()));
}

void FaultServer::accept(QTcpSocket* socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, [this, socket = QPointer<QTcpSocket>(socket)] {
        if (socket)
            readFrom(socket);
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    if (socket->bytesAvailable() > 0)
        readFrom(socket);
}

FaultServer::Answer FaultServer::nextAnswer()
{
    if (m_answers.isEmpty())
        return silence();
    return m_answers.at(qMin<qsizetype>(m_requests - 1, m_answers.size() - 1));
}

void FaultServer::readFrom(QTcpSocket* socket)
{
    QByteArray buffer = socket->property(bufferProperty).toByteArray() + socket->readAll();
    if (m_plain) {
        // Whatever arrives first (a TLS ClientHello) is answered in plain HTTP; a complete HTTP request never comes.
        if (!socket->property(answeredProperty).toBool()) {
            socket->setProperty(answeredProperty, true);
            answer(socket, m_answers.isEmpty() ? silence() : m_answers.constFirst());
        }
        return;
    }
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const qint64 total = end + 4 + contentLength(buffer.left(end));
        if (buffer.size() < total)
            break;
        buffer.remove(0, total);
        ++m_requests;
        answer(socket, nextAnswer());
        if (socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
    socket->setProperty(bufferProperty, buffer);
}

void FaultServer::answer(QTcpSocket* socket, const Answer& answer)
{
    if (answer.thenStopListening)
        m_server->close(); // the connections open stay; new ones are refused
    if (answer.silent)
        return;
    socket->write(answer.bytes);
    endWhenFlushed(socket, answer.then);
}
