#include "SandboxServer.h"

#include "base/Clock.h"
#include "crypto/Random.h"
#include "crypto/SandboxCa.h"
#include "sandbox/SandboxConnection.h"
#include "sandbox/SandboxService.h"

#include <QDir>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>

SandboxServer::SandboxServer(QObject* parent)
    : QObject(parent)
{
}

SandboxServer::~SandboxServer()
{
    stop();
}

QString SandboxServer::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("sandbox"));
}

bool SandboxServer::start(quint16 port, const QString& dataDir)
{
    SandboxCa ca;
    if (!ca.ensure(dataDir.isEmpty() ? defaultDataDir() : dataDir)) {
        stop();
        m_error = ca.errorString();
        return false;
    }
    return start(ca, port);
}

bool SandboxServer::start(const SandboxCa& ca, quint16 port)
{
    stop();
    m_error.clear();
    m_ca = { ca.caCertificate() };
    m_caPath = ca.caCertificatePath();

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain({ ca.serverCertificate(), ca.caCertificate() });
    tls.setPrivateKey(ca.serverKey());
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients do not present certificates
    tls.setProtocol(QSsl::TlsV1_2OrLater);

    m_service = std::make_unique<SandboxService>(Clock::system(), Random::system());
    m_connections = 0;
    m_requests = 0;
    m_received = 0;
    m_refused = 0;
    m_handshakesFailed = 0;
    m_handshakesBegun = 0;
    m_log.clear();
    m_server = new QSslServer(this);
    m_server->setSslConfiguration(tls);
    m_server->setHandshakeTimeout(handshakeTimeoutMs);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &SandboxServer::acceptConnections);
    // Full: refused before the handshake, so that a client knows for certain that nothing it sent was read (its call
    // fails as not billed and may be retried) instead of losing an encrypted connection it may have written to.
    connect(m_server, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket* socket) {
        if (m_open < m_maxConnections)
            return;
        ++m_refused;
        socket->abort();
        socket->deleteLater(); // the server forgets it once it is gone (not only at its handshake timeout)
    });
    connect(m_server, &QSslServer::errorOccurred, this, [this] { ++m_handshakesFailed; });
    connect(m_server, &QSslServer::startedEncryptionHandshake, this, [this] { ++m_handshakesBegun; });
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_error = tr("The training sandbox cannot listen on 127.0.0.1:%1: %2").arg(port).arg(m_server->errorString());
        delete m_server;
        m_server = nullptr;
        return false;
    }
    return true;
}

void SandboxServer::acceptConnections()
{
    while (m_server && m_server->hasPendingConnections()) {
        auto* socket = qobject_cast<QSslSocket*>(m_server->nextPendingConnection());
        if (!socket)
            continue;
        if (m_open >= m_maxConnections) {
            ++m_refused;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_connections;
        new SandboxConnection(socket, this);
    }
}

void SandboxServer::logRequest(const LoggedRequest& entry)
{
    m_log.append(entry);
    if (m_log.size() > requestLogMemory)
        m_log.removeFirst();
    emit requestLogged(entry);
}

QByteArray SandboxServer::LoggedRequest::toJsonLine() const
{
    QJsonObject o;
    o.insert(QStringLiteral("ms"), arrived.toMSecsSinceEpoch());
    o.insert(QStringLiteral("time"), arrived.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("method"), QString::fromLatin1(method));
    o.insert(QStringLiteral("path"), QString::fromLatin1(path));
    o.insert(QStringLiteral("action"), action);
    o.insert(QStringLiteral("code"), code);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void SandboxServer::stop()
{
    if (m_server) {
        m_server->close();
        delete m_server;
        m_server = nullptr;
    }
    for (SandboxConnection* connection : findChildren<SandboxConnection*>(Qt::FindDirectChildrenOnly))
        delete connection;
}

void SandboxServer::setAccessKey(const Credentials& key)
{
    if (m_service)
        m_service->setAccessKey(key);
}

QUrl SandboxServer::url() const
{
    if (!m_server || !m_server->isListening())
        return {};
    return QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(m_server->serverPort()));
}

QList<QSslCertificate> SandboxServer::caCertificates() const
{
    return m_ca;
}

QString SandboxServer::caCertificatePath() const
{
    return m_caPath;
}
