#pragma once

#include "sandbox/SandboxRequestParser.h"
#include "sandbox/SandboxService.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QSslSocket;
class SandboxServer;

// One HTTPS connection of the training sandbox: a small HTTP/1.1 server. SandboxRequestParser reads each request
// (request line and headers with CRLF or bare LF line ends; a Content-Length or chunked body; its limits and refusals
// are listed there), SandboxService answers it, and the answer goes out with Date, Content-Length and Connection:
// keep-alive, so one connection serves any number of requests in turn (pipelined requests wait their turn, also
// behind a slow answer). "Expect: 100-continue" gets "100 Continue" once the head is read, for either kind of body.
//
// A refused request (400, 413, 431, 501) is answered and the connection closes. A 413 whose body is still arriving
// reads and drops it first (the rest of its Content-Length, or of a chunked body, up to maxDrainBytes, until the
// client has been quiet for half a second or the request's deadline), so that the client sees the answer, not a
// reset. Connection: close, or HTTP/1.0 without keep-alive,
// closes after the answer.
//
// Deadlines (SandboxServer's setters): a request must be complete within requestDeadlineMs of its first byte, however
// slowly its bytes trickle in; otherwise it is answered 408 and the connection closes. A connection with no request in
// progress is closed idleTimeoutMs after its last answer (or after it was accepted); only an answer restarts that
// time, so bytes that make no request (empty lines) do not keep it open. The TLS handshake has
// SandboxServer::handshakeTimeoutMs. A client that does not read its answers is not answered further once 256 KiB
// wait to go out (nor read from: TCP pushes back), and is cut off at the request deadline; a connection closing with
// answers still unread is cut off after the same time.
class SandboxConnection : public QObject
{
    Q_OBJECT
public:
    SandboxConnection(QSslSocket* socket, SandboxServer* server);
    ~SandboxConnection() override;

    // Closes the connection at once (server shutdown).
    void abort();

    static QByteArray reasonPhrase(int status);

private:
    void readIncoming();
    void processBuffer();
    // Answers one complete request; false when later requests must wait (slow answer) or the connection is gone.
    bool handle(const SignerV3::Request& request, bool keepAlive);
    void timeOut();
    void updateTimers();
    void fail(int status, const QString& code, const QString& message);
    void write(const SandboxResponse& response, bool keepAlive);
    // Answers waiting to go out beyond the limit: the client is not reading them.
    bool writeBlocked() const;
    // Closes once the answers have gone out, or cuts the connection off if they do not within the request deadline.
    void closeGently();

    QSslSocket* m_socket;
    SandboxServer* m_server;
    SandboxRequestParser m_parser;
    QByteArray m_buffer; // bytes received and not yet taken by a complete request
    QTimer m_idle;
    QTimer m_deadline;
    qint64 m_drain = 0; // bytes of a refused body still to drop before closing
    bool m_waiting = false; // a slow answer is pending; later requests wait
    bool m_closing = false;
};
