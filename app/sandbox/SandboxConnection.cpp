#include "SandboxConnection.h"

#include "sandbox/SandboxServer.h"

#include <QDateTime>
#include <QLocale>
#include <QSslSocket>
#include <QTimeZone>

namespace {

// Pipelined requests queue up behind a slow answer, but not without bound.
constexpr qsizetype maxQueuedBytes = qsizetype { 256 } * 1024;
// While a refused body is dropped, the connection closes once the client has sent nothing for this long.
constexpr int drainQuietMs = 500;

} // namespace

SandboxConnection::SandboxConnection(QSslSocket* socket, SandboxServer* server)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
{
    ++m_server->m_open;
    m_socket->setParent(this);
    m_idle.setSingleShot(true);
    m_idle.setInterval(server->idleTimeoutMs());
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(server->requestDeadlineMs());
    // Only an idle connection is closed: a request in progress has its deadline, a slow answer its own timer.
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_buffer.isEmpty() && !m_waiting)
            closeGently();
    });
    connect(&m_deadline, &QTimer::timeout, this, &SandboxConnection::timeOut);
    // Read no further ahead than a queue's worth: what the connection does not take stays with TCP, which pushes
    // back on the client.
    m_socket->setReadBufferSize(maxQueuedBytes);
    connect(m_socket, &QSslSocket::readyRead, this, &SandboxConnection::readIncoming);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] {
        if (!m_closing && !writeBlocked() && (!m_buffer.isEmpty() || m_socket->bytesAvailable() > 0))
            readIncoming();
    });
    connect(m_socket, &QSslSocket::disconnected, this, &QObject::deleteLater);
    m_idle.start();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &SandboxConnection::readIncoming, Qt::QueuedConnection);
}

SandboxConnection::~SandboxConnection()
{
    --m_server->m_open;
}

void SandboxConnection::abort()
{
    m_closing = true;
    m_idle.stop();
    m_deadline.stop();
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
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
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
            closeGently();
        else
            m_idle.start();
        return;
    }
    if (m_closing)
        return;
    if (writeBlocked()) {
        updateTimers();
        return;
    }
    m_buffer.append(m_socket->readAll());
    if (m_waiting && m_buffer.size() > maxQueuedBytes) {
        abort();
        return;
    }
    processBuffer();
}

// A request still incomplete at its deadline is answered 408; a drain that outlasts it just ends.
void SandboxConnection::timeOut()
{
    if (m_closing || m_drain > 0) {
        m_drain = 0;
        closeGently();
        return;
    }
    if (writeBlocked()) { // requests pile up unanswered while the client reads nothing
        abort();
        return;
    }
    fail(408,
        QStringLiteral("RequestTimeout"),
        QStringLiteral("The request was not complete within %1 ms of its first byte.").arg(m_deadline.interval()));
}

// The deadline runs while a request is being read (its first byte has arrived). The idle timer is restarted only by
// an answer, so bytes that make no request (such as empty lines) do not keep a connection open.
void SandboxConnection::updateTimers()
{
    if (m_closing)
        return;
    if (m_waiting || m_buffer.isEmpty())
        m_deadline.stop();
    else if (!m_deadline.isActive())
        m_deadline.start();
}

void SandboxConnection::fail(int status, const QString& code, const QString& message)
{
    SignerV3::Request request;
    request.headers = { { "host", m_parser.host() } };
    write(m_server->m_service->error(request, status, code, message), false);
}

void SandboxConnection::processBuffer()
{
    while (!m_waiting && !m_closing && !m_buffer.isEmpty() && !writeBlocked()) {
        // A new request's deadline starts with its first byte, before it is parsed.
        updateTimers();
        const SandboxRequestParser::Outcome outcome = m_parser.parse(m_buffer);
        if (outcome == SandboxRequestParser::Outcome::NeedMore) {
            if (m_parser.takeContinue())
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        }
        if (outcome == SandboxRequestParser::Outcome::Failed) {
            const SandboxRequestParser::Failure& failure = m_parser.failure();
            m_drain = failure.drain;
            fail(failure.status, failure.code, failure.message);
            return;
        }
        m_deadline.stop();
        if (!handle(m_parser.request(), m_parser.keepAlive()))
            break;
    }
    updateTimers();
}

bool SandboxConnection::handle(const SignerV3::Request& request, bool keepAlive)
{
    SandboxServer::LoggedRequest entry;
    entry.arrived = QDateTime::currentDateTimeUtc();
    entry.method = request.method;
    entry.path = request.path;
    entry.action = QString::fromLatin1(request.header("x-acs-action"));
    ++m_server->m_received;
    emit m_server->requestReceived();
    const SandboxResponse response = m_server->m_service->handle(request);
    entry.status = response.action == SandboxResponse::Action::Abort ? 0 : response.status;
    entry.code = response.code;
    m_server->logRequest(entry);
    switch (response.action) {
    case SandboxResponse::Action::Abort:
        abort();
        return false;
    case SandboxResponse::Action::RespondLater:
        m_waiting = true;
        QTimer::singleShot(m_server->m_slowMs, this, [this, response, keepAlive] {
            m_waiting = false;
            write(response, keepAlive);
            processBuffer();
        });
        return false;
    case SandboxResponse::Action::Respond:
        write(response, keepAlive);
        break;
    }
    return true;
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
        m_idle.stop();
        if (m_drain <= 0) {
            m_deadline.stop();
            closeGently();
            return;
        }
        m_idle.setInterval(drainQuietMs);
        m_idle.start();
        if (!m_deadline.isActive())
            m_deadline.start();
    }
}

bool SandboxConnection::writeBlocked() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() > maxQueuedBytes;
}

void SandboxConnection::closeGently()
{
    m_socket->disconnectFromHost();
    // A client that reads nothing more would keep it half-closed for good, holding a place of the connection limit.
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        QTimer::singleShot(m_server->requestDeadlineMs(), this, &SandboxConnection::abort);
}
