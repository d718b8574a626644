#include "SandboxCa.h"

#include "base/PrivateFiles.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSaveFile>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

struct OpenSslFree
{
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
    void operator()(X509* p) const { X509_free(p); }
    void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
    void operator()(BIO* p) const { BIO_free(p); }
    void operator()(BIGNUM* p) const { BN_free(p); }
};
using PKey = std::unique_ptr<EVP_PKEY, OpenSslFree>;
using Cert = std::unique_ptr<X509, OpenSslFree>;
using Ext = std::unique_ptr<X509_EXTENSION, OpenSslFree>;
using Bio = std::unique_ptr<BIO, OpenSslFree>;
using Bignum = std::unique_ptr<BIGNUM, OpenSslFree>;

const QString caFile = QStringLiteral("ca.pem");
const QString serverFile = QStringLiteral("server.pem");
const QString keyFile = QStringLiteral("server.key");
const QString lockFile = QStringLiteral("certificates.lock");
// Creating a set takes well under a second; a lock older than this was left by a process that died.
constexpr int lockWaitMs = 30000;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Writes a new file beside the old one and renames it into place (QSaveFile), so that a reader sees the old file or
// the new one, never half of one; the file gets the given permissions before it appears.
bool writeFile(const QString& path, const QByteArray& data, QFileDevice::Permissions permissions)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    if (!file.setPermissions(permissions) || file.write(data) != data.size()) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
}

Cert newCertificate(EVP_PKEY* subjectKey, const QString& commonName, int days)
{
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return {};
    Bignum serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return {};
    // Back-dated an hour against clock differences between processes.
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600)
        || !X509_time_adj_ex(X509_getm_notAfter(cert.get()), days, 0, nullptr))
        return {};
    X509_NAME* name = X509_get_subject_name(cert.get());
    const QByteArray cn = commonName.toUtf8();
    if (X509_NAME_add_entry_by_txt(
            name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>("eKYC Desk training sandbox"), -1, -1, 0)
            != 1
        || X509_NAME_add_entry_by_txt(
               name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(cn.constData()), -1, -1, 0)
            != 1)
        return {};
    if (X509_set_pubkey(cert.get(), subjectKey) != 1)
        return {};
    return cert;
}

bool addExtensions(X509* cert, X509* issuer, const QList<QPair<int, const char*>>& extensions)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    for (const auto& [nid, value] : extensions) {
        Ext ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
        if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
            return false;
    }
    return true;
}

QByteArray certificatePem(X509* cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

QByteArray privateKeyPem(EVP_PKEY* key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

Cert parseCertificate(const QByteArray& pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return Cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

PKey parseKey(const QByteArray& pem)
{
    Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return PKey(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

} // namespace

bool SandboxCa::ensure(const QString& dir)
{
    m_error.clear();
    m_created = false;
    if (load(dir))
        return true;
    if (!makeDir(dir))
        return false;
    // Processes starting at once on the same folder take turns: the first creates the set, the others load it.
    QLockFile lock(QDir(dir).filePath(lockFile));
    lock.setStaleLockTime(lockWaitMs);
    if (!lock.tryLock(lockWaitMs)) {
        m_error = tr("Another program keeps the training sandbox certificates in %1 locked.").arg(dir);
        return false;
    }
    if (load(dir))
        return true;
    if (!create(dir))
        return false;
    m_created = true;
    if (!load(dir)) {
        m_error = tr("The training sandbox certificates were created in %1 but cannot be read back.").arg(dir);
        return false;
    }
    return true;
}

bool SandboxCa::makeDir(const QString& dir)
{
    if (!PrivateFiles::makeDir(dir)) {
        m_error = tr("Cannot create the training sandbox folder %1.").arg(dir);
        return false;
    }
    return true;
}

bool SandboxCa::load(const QString& dir)
{
    const QDir d(dir);
    const QByteArray caPem = readAll(d.filePath(caFile));
    const QByteArray serverPem = readAll(d.filePath(serverFile));
    const QByteArray keyPem = readAll(d.filePath(keyFile));
    if (caPem.isEmpty() || serverPem.isEmpty() || keyPem.isEmpty())
        return false;

    // OpenSSL checks that the three belong together.
    const Cert ca = parseCertificate(caPem);
    const Cert server = parseCertificate(serverPem);
    const PKey key = parseKey(keyPem);
    if (!ca || !server || !key)
        return false;
    EVP_PKEY* caKey = X509_get0_pubkey(ca.get());
    if (!caKey || X509_verify(server.get(), caKey) != 1 || X509_check_private_key(server.get(), key.get()) != 1)
        return false;
    if (X509_check_ip_asc(server.get(), "127.0.0.1", 0) != 1)
        return false;

    const QSslCertificate qca(caPem, QSsl::Pem);
    const QSslCertificate qserver(serverPem, QSsl::Pem);
    const QSslKey qkey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (qca.isNull() || qserver.isNull() || qkey.isNull())
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QSslCertificate& c : { qca, qserver }) {
        if (c.effectiveDate() > now || c.expiryDate() < now.addDays(1))
            return false;
    }
    m_ca = qca;
    m_server = qserver;
    m_key = qkey;
    m_caPath = d.absoluteFilePath(caFile);
    return true;
}

bool SandboxCa::create(const QString& dir)
{
    const PKey caKey(EVP_EC_gen("P-256"));
    const PKey serverKey(EVP_EC_gen("P-256"));
    if (!caKey || !serverKey) {
        m_error = tr("OpenSSL could not generate the training sandbox keys.");
        return false;
    }
    const Cert ca = newCertificate(caKey.get(), QStringLiteral("eKYC Desk Training Sandbox CA"), caValidityDays);
    const Cert server = newCertificate(serverKey.get(), QStringLiteral("localhost"), serverValidityDays);
    bool ok = ca && server;
    ok = ok && X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get())) == 1
        && addExtensions(ca.get(),
            ca.get(),
            { { NID_basic_constraints, "critical,CA:TRUE,pathlen:0" },
                { NID_key_usage, "critical,keyCertSign,cRLSign" },
                { NID_subject_key_identifier, "hash" },
                { NID_authority_key_identifier, "keyid:always" } })
        && X509_sign(ca.get(), caKey.get(), EVP_sha256()) > 0;
    ok = ok && X509_set_issuer_name(server.get(), X509_get_subject_name(ca.get())) == 1
        && addExtensions(server.get(),
            ca.get(),
            { { NID_basic_constraints, "critical,CA:FALSE" },
                { NID_key_usage, "critical,digitalSignature" },
                { NID_ext_key_usage, "serverAuth" },
                { NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost" },
                { NID_subject_key_identifier, "hash" },
                { NID_authority_key_identifier, "keyid:always" } })
        && X509_sign(server.get(), caKey.get(), EVP_sha256()) > 0;
    if (!ok) {
        m_error = tr("OpenSSL could not create the training sandbox certificates.");
        return false;
    }

    const QByteArray caPem = certificatePem(ca.get());
    const QByteArray serverPem = certificatePem(server.get());
    const QByteArray keyPem = privateKeyPem(serverKey.get());
    const QDir d(dir);
    const auto publicFile =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const auto privateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (caPem.isEmpty() || serverPem.isEmpty() || keyPem.isEmpty()
        || !writeFile(d.filePath(keyFile), keyPem, privateFile)
        || !writeFile(d.filePath(serverFile), serverPem, publicFile)
        || !writeFile(d.filePath(caFile), caPem, publicFile)) {
        m_error = tr("Cannot write the training sandbox certificates to %1.").arg(dir);
        return false;
    }
    return true;
}
