#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>

class QSslServer;
class SandboxCa;
class SandboxConnection;
class Credentials;
class SandboxService;

// The training sandbox: an in-process HTTPS server on loopback that speaks Id2MetaPeriodVerifyIntl like the real
// service (V3 signature check with the training AccessKey, parameter errors, 200/202/223 from SandboxFixtures, and
// fault triggers). Its private CA and server certificate are made with OpenSSL at first use and kept in dataDir.
// It serves at most maxConnections() connections at once: one more is closed before its TLS handshake (or, when
// several handshakes finished together, right after it), unanswered. How each connection reads its requests, and its
// deadlines, are told in SandboxConnection.h.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    // One complete request, as kept in requestLog().
    struct LoggedRequest
    {
        QDateTime arrived; // UTC, to the millisecond: when the request had been read completely
        QByteArray method;
        QByteArray path;
        QString action; // the x-acs-action header
        int status = 0; // the HTTP status answered; 0 when the connection was dropped without an answer
        QString code; // the answer's Code, e.g. "Success" or "Throttling.Api"

        // One JSON object on one line, without the line end:
        // {"action":"Id2MetaPeriodVerifyIntl","code":"Success","method":"POST","ms":1718000000123,"path":"/",
        //  "status":200,"time":"2024-06-10T06:13:20.123Z"}
        QByteArray toJsonLine() const;
    };
    // A TLS handshake not finished within this time is dropped.
    static constexpr int handshakeTimeoutMs = 10000;
    // requestLog() keeps the most recent entries up to this many.
    static constexpr int requestLogMemory = 10000;

    explicit SandboxServer(QObject* parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1:port (0: any free port). dataDir holds ca.pem, server.pem, server.key (created when
    // missing); empty means <AppDataLocation>/sandbox. Returns false with errorString() on failure.
    bool start(quint16 port = 0, const QString& dataDir = QString());
    // The same with certificates already loaded (SandboxCa::ensure, which may run on another thread: loading them is
    // most of the start's cost). Returns false with errorString() when it cannot listen.
    bool start(const SandboxCa& ca, quint16 port = 0);
    // <AppDataLocation>/sandbox: where start() keeps the certificates when no dataDir is given.
    static QString defaultDataDir();
    // The AccessKey the sandbox accepts (SandboxService::setAccessKey); call after start().
    void setAccessKey(const Credentials& key);
    void stop();
    QString errorString() const { return m_error; }

    QUrl url() const; // https://127.0.0.1:PORT/
    QList<QSslCertificate> caCertificates() const;
    QString caCertificatePath() const;

    // How long the slow-response trigger waits before answering (default 5000 ms).
    void setSlowResponseMs(int ms) { m_slowMs = ms; }
    // A request must be read completely within this time from its first byte: default 10 s. Applies to connections
    // accepted afterwards.
    void setRequestDeadlineMs(int ms) { m_deadlineMs = ms; }
    int requestDeadlineMs() const { return m_deadlineMs; }
    // A connection with no request in progress is closed after this time: default 2 min.
    void setIdleTimeoutMs(int ms) { m_idleMs = ms; }
    int idleTimeoutMs() const { return m_idleMs; }
    // Connections served at once: default 64.
    void setMaxConnections(int count) { m_maxConnections = count; }
    int maxConnections() const { return m_maxConnections; }
    int openConnections() const { return m_open; }
    // Connections closed at once because maxConnections() were open.
    int connectionsRefused() const { return m_refused; }
    // The complete requests received since start(), oldest first (the last requestLogMemory).
    QList<LoggedRequest> requestLog() const { return m_log; }
    int connectionsAccepted() const { return m_connections; }
    // TLS handshakes that ended in an error (a client that does not trust the sandbox's CA, or left mid-handshake):
    // such a connection is never accepted, nor counted above.
    int handshakesFailed() const { return m_handshakesFailed; }
    // Connections whose client began its TLS handshake (its first bytes read: Qt's startedEncryptionHandshake),
    // counted before the handshake ends or fails; a client that connects and leaves before sending anything is not.
    int handshakesBegun() const { return m_handshakesBegun; }
    // Requests answered (a response written, error answers included).
    int requestsServed() const { return m_requests; }
    // Complete requests parsed (request line, headers and body), counted before any answer, so a test can tell
    // that a request has reached the sandbox even when its answer is slow. Malformed or oversized requests, answered
    // 400/413 without being parsed, are not counted.
    int requestsReceived() const { return m_received; }

signals:
    // Emitted after requestsReceived() has grown, before the request is handled.
    void requestReceived();
    // Emitted when a complete request has been handled and added to requestLog().
    void requestLogged(const SandboxServer::LoggedRequest& entry);

private:
    friend class SandboxConnection;
    void acceptConnections();
    void logRequest(const LoggedRequest& entry);

    QSslServer* m_server = nullptr;
    std::unique_ptr<SandboxService> m_service;
    QString m_error;
    QString m_caPath;
    QList<QSslCertificate> m_ca;
    int m_slowMs = 5000;
    int m_connections = 0;
    int m_requests = 0;
    int m_received = 0;
    int m_deadlineMs = 10000;
    int m_idleMs = 120000;
    int m_maxConnections = 64;
    int m_open = 0;
    int m_refused = 0;
    int m_handshakesFailed = 0;
    int m_handshakesBegun = 0;
    QList<LoggedRequest> m_log;
};
