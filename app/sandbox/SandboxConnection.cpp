#include "SandboxConnection.h"

#include "sandbox/SandboxServer.h"

#include <QDateTime>
#include <QLocale>
#include <QSslSocket>
#include <QTimeZone>

SandboxConnection::SandboxConnection(QSslSocket* socket, SandboxServer* server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
{
    m_socket->setParent(this);
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] { m_socket->disconnectFromHost(); });
    connect(m_socket, &QSslSocket::readyRead, this, &SandboxConnection::readIncoming);
    connect(m_socket, &QSslSocket::disconnected, this, &QObject::deleteLater);
    m_idle.start();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &SandboxConnection::readIncoming, Qt::QueuedConnection);
}

SandboxConnection::~SandboxConnection() = default;

void SandboxConnection::abort()
{
    m_closing = true;
    m_socket->abort();
    deleteLater();
}

QByteArray SandboxConnection::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

void SandboxConnection::readIncoming()
{
    if (m_drain > 0) {
        // The rest of a refused request body: read and dropped, so the client sees the 413 and not a reset.
        m_drain -= m_socket->skip(m_drain);
        if (m_drain <= 0)
            m_socket->disconnectFromHost();
        return;
    }
    if (m_closing)
        return;
    m_buffer.append(m_socket->readAll());
    m_idle.start();
    // Pipelined requests queue up behind a slow answer, but not without bound.
    if (m_waiting && m_buffer.size() > 4 * maxRequestBytes) {
        abort();
        return;
    }
    processBuffer();
}

void SandboxConnection::fail(int status, const QString& code, const QString& message)
{
    SignerV3::Request request;
    request.headers = { { "host", m_host } };
    write(m_server->m_service->error(request, status, code, message), false);
}

void SandboxConnection::processBuffer()
{
    while (!m_waiting && !m_closing && !m_buffer.isEmpty()) {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (m_buffer.size() > maxRequestBytes)
                fail(413, QStringLiteral("RequestEntityTooLarge"), QStringLiteral("The request exceeds 64 KiB."));
            return;
        }
        const qsizetype bodyStart = headerEnd + 4;
        if (bodyStart > maxRequestBytes) {
            fail(413, QStringLiteral("RequestEntityTooLarge"), QStringLiteral("The request exceeds 64 KiB."));
            return;
        }
        m_host.clear();

        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || requestLine[0].isEmpty() || !requestLine[1].startsWith('/')
            || (requestLine[2] != "HTTP/1.1" && requestLine[2] != "HTTP/1.0")) {
            fail(400, QStringLiteral("BadRequest"), QStringLiteral("Malformed HTTP request line."));
            return;
        }
        SignerV3::Request request;
        request.method = requestLine[0];
        const QByteArray target = requestLine[1];
        const qsizetype question = target.indexOf('?');
        request.path = question < 0 ? target : target.left(question);
        if (question >= 0)
            request.query = SandboxService::parseForm(target.mid(question + 1));

        qint64 contentLength = -1;
        bool bad = false;
        for (qsizetype i = 1; i < lines.size() && !bad; ++i) {
            const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t') || line.left(colon).contains(' ')) {
                bad = true;
                break;
            }
            const QByteArray name = line.left(colon);
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append({ name, value });
            if (name.compare("host", Qt::CaseInsensitive) == 0)
                m_host = value;
            if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
                bad = true;
            if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
                bool ok = false;
                const qint64 length = value.toLongLong(&ok);
                bad = !ok || length < 0 || value.startsWith('+') || (contentLength >= 0 && contentLength != length);
                contentLength = length;
            }
        }
        if (bad) {
            fail(400,
                QStringLiteral("BadRequest"),
                QStringLiteral("Malformed HTTP header, bad Content-Length, or Transfer-Encoding (not supported)."));
            return;
        }
        if (contentLength < 0)
            contentLength = 0;
        if (bodyStart + contentLength > maxRequestBytes) {
            if (contentLength <= maxDrainBytes)
                m_drain = bodyStart + contentLength - m_buffer.size();
            fail(413, QStringLiteral("RequestEntityTooLarge"), QStringLiteral("The request exceeds 64 KiB."));
            return;
        }
        if (m_buffer.size() < bodyStart + contentLength) {
            if (!m_sentContinue && request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        m_sentContinue = false;
        request.body = m_buffer.mid(bodyStart, contentLength);
        m_buffer.remove(0, bodyStart + contentLength);

        const QByteArray connection = request.header("connection").toLower();
        const bool keepAlive =
            requestLine[2] == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");
        ++m_server->m_received;
        emit m_server->requestReceived();
        const SandboxResponse response = m_server->m_service->handle(request);
        switch (response.action) {
        case SandboxResponse::Action::Abort:
            abort();
            return;
        case SandboxResponse::Action::RespondLater:
            m_waiting = true;
            QTimer::singleShot(m_server->m_slowMs, this, [this, response, keepAlive] {
                m_waiting = false;
                write(response, keepAlive);
                processBuffer();
            });
            return;
        case SandboxResponse::Action::Respond:
            write(response, keepAlive);
            break;
        }
    }
}

void SandboxConnection::write(const SandboxResponse& response, bool keepAlive)
{
    if (m_closing)
        return;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto& [name, value] : response.headers)
        out.append(name).append(": ").append(value).append("\r\n");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    out.append("Date: ")
        .append(QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1())
        .append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(response.body.size())).append("\r\n");
    out.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
    out.append("\r\n").append(response.body);
    m_socket->write(out);
    ++m_server->m_requests;
    m_idle.start();
    if (!keepAlive) {
        m_closing = true;
        m_buffer.clear();
        if (m_drain <= 0)
            m_socket->disconnectFromHost();
    }
}
