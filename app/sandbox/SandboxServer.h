#pragma once

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <memory>

class QSslServer;
class SandboxConnection;
class Credentials;
class SandboxService;

// The training sandbox: an in-process HTTPS server on loopback that speaks Id2MetaPeriodVerifyIntl like the real
// service (V3 signature check with the training AccessKey, parameter errors, 200/202/223 from SandboxFixtures, and
// fault triggers). Its private CA and server certificate are made with OpenSSL at first use and kept in dataDir.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(QObject* parent = nullptr);
    ~SandboxServer() override;

    // Listens on 127.0.0.1:port (0: any free port). dataDir holds ca.pem, server.pem, server.key (created when
    // missing); empty means <AppDataLocation>/sandbox. Returns false with errorString() on failure.
    bool start(quint16 port = 0, const QString& dataDir = QString());
    // The AccessKey the sandbox accepts (SandboxService::setAccessKey); call after start().
    void setAccessKey(const Credentials& key);
    void stop();
    QString errorString() const { return m_error; }

    QUrl url() const; // https://127.0.0.1:PORT/
    QList<QSslCertificate> caCertificates() const;
    QString caCertificatePath() const;

    // How long the slow-response trigger waits before answering (default 5000 ms).
    void setSlowResponseMs(int ms) { m_slowMs = ms; }
    int connectionsAccepted() const { return m_connections; }
    // Requests answered (a response written, error answers included).
    int requestsServed() const { return m_requests; }
    // Complete requests parsed (request line, headers and body), counted before any answer, so a test can tell
    // that a request has reached the sandbox even when its answer is slow. Malformed or oversized requests, answered
    // 400/413 without being parsed, are not counted.
    int requestsReceived() const { return m_received; }

signals:
    // Emitted after requestsReceived() has grown, before the request is handled.
    void requestReceived();

private:
    friend class SandboxConnection;
    void acceptConnections();

    QSslServer* m_server = nullptr;
    std::unique_ptr<SandboxService> m_service;
    QString m_error;
    QString m_dataDir;
    QString m_caPath;
    QList<QSslCertificate> m_ca;
    int m_slowMs = 5000;
    int m_connections = 0;
    int m_requests = 0;
    int m_received = 0;
};
