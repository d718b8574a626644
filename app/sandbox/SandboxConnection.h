#pragma once

#include "sandbox/SandboxService.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QSslSocket;
class SandboxServer;

// One HTTPS connection of the training sandbox: a small HTTP/1.1 server. It reads the request line, the headers and
// a Content-Length body, hands the request to SandboxService and writes the answer with Date, Content-Length and
// Connection: keep-alive, so one connection serves any number of requests in turn (pipelined requests wait their
// turn). A request over 64 KiB (headers and body) answers 413 and closes; a malformed one (bad request line or
// header, chunked encoding, bad Content-Length) answers 400 and closes. Connection: close, or HTTP/1.0 without
// keep-alive, closes after the answer. A 413 whose body is still arriving reads and drops it first (up to
// maxDrainBytes), so that the client sees the answer, not a reset. An idle connection is closed after two minutes.
class SandboxConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype maxRequestBytes = 64 * 1024;
    static constexpr int idleTimeoutMs = 120000;
    // A refused body up to this size is read and dropped after the 413, so that the client can read the answer.
    static constexpr qint64 maxDrainBytes = 4 * 1024 * 1024;

    SandboxConnection(QSslSocket* socket, SandboxServer* server);
    ~SandboxConnection() override;

    // Closes the connection at once (server shutdown).
    void abort();

    static QByteArray reasonPhrase(int status);

private:
    void readIncoming();
    void processBuffer();
    void fail(int status, const QString& code, const QString& message);
    void write(const SandboxResponse& response, bool keepAlive);

    QSslSocket* m_socket;
    SandboxServer* m_server;
    QByteArray m_buffer;
    QByteArray m_host; // host header of the request being handled, for error bodies
    QTimer m_idle;
    qint64 m_drain = 0; // bytes of a refused body still to drop before closing
    bool m_waiting = false; // a slow answer is pending; later requests wait
    bool m_closing = false;
    bool m_sentContinue = false;
};
