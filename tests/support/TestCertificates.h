#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <memory>

// A throw-away CA kept in memory, and server certificates it signs with the names and validity a test chooses: for
// purpose-built TLS servers that present a certificate the client must refuse (issued for another host, expired, not
// yet valid) while the CA itself is trusted. EC P-256, SHA-256, made with OpenSSL. Unlike SandboxCa, the CA key is
// kept (in memory only) so that it can sign more than one certificate; nothing is written to disk.
class TestCertificates
{
public:
    struct Issued
    {
        QSslCertificate certificate;
        QSslKey key;
        bool isNull() const { return certificate.isNull() || key.isNull(); }
    };

    TestCertificates();
    ~TestCertificates();
    TestCertificates(const TestCertificates&) = delete;
    TestCertificates& operator=(const TestCertificates&) = delete;

    // Null when OpenSSL could not make the CA.
    QSslCertificate caCertificate() const { return m_ca; }
    // A server certificate for subjectAltName (OpenSSL syntax: "IP:127.0.0.1,DNS:localhost"), valid from now +
    // notBeforeSecs to now + notAfterSecs (negative: in the past). Null on failure.
    Issued issue(const QString& subjectAltName, qint64 notBeforeSecs, qint64 notAfterSecs) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
    QSslCertificate m_ca;
};
