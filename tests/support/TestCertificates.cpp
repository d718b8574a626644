#include "TestCertificates.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

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

Cert newCertificate(EVP_PKEY* subjectKey, const char* commonName, qint64 notBeforeSecs, qint64 notAfterSecs)
{
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return {};
    Bignum serial(BN_new());
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1
        || !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())))
        return {};
    if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), static_cast<long>(notBeforeSecs))
        || !X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(notAfterSecs)))
        return {};
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (X509_NAME_add_entry_by_txt(
            name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(commonName), -1, -1, 0)
        != 1)
        return {};
    if (X509_set_pubkey(cert.get(), subjectKey) != 1)
        return {};
    return cert;
}

bool addExtensions(X509* cert, X509* issuer, const QList<QPair<int, QByteArray>>& extensions)
{
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    for (const auto& [nid, value] : extensions) {
        Ext ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.constData()));
        if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
            return false;
    }
    return true;
}

QByteArray pemOf(X509* cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

QByteArray pemOf(EVP_PKEY* key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

} // namespace

struct TestCertificates::Private
{
    PKey caKey;
    Cert ca;
};

TestCertificates::TestCertificates()
    : d(std::make_unique<Private>())
{
    d->caKey.reset(EVP_EC_gen("P-256"));
    if (!d->caKey)
        return;
    d->ca = newCertificate(d->caKey.get(), "eKYC Desk test CA", -3600, 24 * 3600);
    const bool ok = d->ca && X509_set_issuer_name(d->ca.get(), X509_get_subject_name(d->ca.get())) == 1
        && addExtensions(d->ca.get(),
            d->ca.get(),
            { { NID_basic_constraints, "critical,CA:TRUE,pathlen:0" },
                { NID_key_usage, "critical,keyCertSign,cRLSign" },
                { NID_subject_key_identifier, "hash" } })
        && X509_sign(d->ca.get(), d->caKey.get(), EVP_sha256()) > 0;
    if (!ok) {
        d->ca.reset();
        return;
    }
    m_ca = QSslCertificate(pemOf(d->ca.get()), QSsl::Pem);
}

TestCertificates::~TestCertificates() = default;

TestCertificates::Issued TestCertificates::issue(
    const QString& subjectAltName, qint64 notBeforeSecs, qint64 notAfterSecs) const
{
    if (!d->ca)
        return Issued();
    const PKey key(EVP_EC_gen("P-256"));
    if (!key)
        return Issued();
    const Cert cert = newCertificate(key.get(), "eKYC Desk test server", notBeforeSecs, notAfterSecs);
    const bool ok = cert && X509_set_issuer_name(cert.get(), X509_get_subject_name(d->ca.get())) == 1
        && addExtensions(cert.get(),
            d->ca.get(),
            { { NID_basic_constraints, "critical,CA:FALSE" },
                { NID_key_usage, "critical,digitalSignature" },
                { NID_ext_key_usage, "serverAuth" },
                { NID_subject_alt_name, subjectAltName.toLatin1() } })
        && X509_sign(cert.get(), d->caKey.get(), EVP_sha256()) > 0;
    if (!ok)
        return Issued();
    return { QSslCertificate(pemOf(cert.get()), QSsl::Pem), QSslKey(pemOf(key.get()), QSsl::Ec) };
}
