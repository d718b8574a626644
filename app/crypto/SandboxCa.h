#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

// The training sandbox's private CA and its server certificate, made with OpenSSL (EC P-256, SHA-256).
//
// ensure(dir) reuses dir/ca.pem, dir/server.pem and dir/server.key when all three load, belong together (the
// server certificate is signed by the CA and matches the key) and stay valid for at least another day; otherwise it
// makes a new set. The server certificate names IP:127.0.0.1 and DNS:localhost. The CA's private key is used once
// to sign the server certificate and then discarded, never written: a trusted ca.pem cannot be used to mint other
// certificates. server.key is written with mode 0600, the directory is created 0700.
//
// Safe when several processes start on the same empty folder at once: load-or-create runs under a QLockFile
// (dir/certificates.lock), so one of them creates the set and the others load it, and each file is written beside
// its final name and renamed into place (QSaveFile), so that a reader never sees half a file.
class SandboxCa
{
    Q_DECLARE_TR_FUNCTIONS(SandboxCa)
public:
    static constexpr int caValidityDays = 3650;
    static constexpr int serverValidityDays = 825;

    // Returns false with errorString() when the files can be neither loaded nor created.
    bool ensure(const QString& dir);

    QString errorString() const { return m_error; }
    // True when the last ensure() created new files (false: reused).
    bool created() const { return m_created; }

    QSslCertificate caCertificate() const { return m_ca; }
    QSslCertificate serverCertificate() const { return m_server; }
    QSslKey serverKey() const { return m_key; }
    QString caCertificatePath() const { return m_caPath; }

private:
    bool load(const QString& dir);
    bool makeDir(const QString& dir);
    bool create(const QString& dir);

    QSslCertificate m_ca;
    QSslCertificate m_server;
    QSslKey m_key;
    QString m_caPath;
    QString m_error;
    bool m_created = false;
};
