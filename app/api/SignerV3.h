#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class Credentials;

// Alibaba Cloud request signature V3 (ACS3-HMAC-SHA256), built on OpenSSL.
namespace SignerV3 {

inline constexpr char algorithm[] = "ACS3-HMAC-SHA256";

// An HTTP request as the signer sees it: header names in any case, values untrimmed.
struct Request
{
    QByteArray method = "POST";
    QByteArray path = "/";
    QList<QPair<QString, QString>> query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray& name) const;
    void setHeader(const QByteArray& name, const QByteArray& value);
};

// Percent-encoding the provider canonicalises with: UTF-8, RFC 3986 unreserved kept, space as %20, '*' as %2A.
QByteArray percentEncode(const QString& value);
// name=value pairs sorted by encoded name (then value), joined by '&'; also the form body encoding.
QByteArray encodeParameters(const QList<QPair<QString, QString>>& parameters);
QByteArray canonicalRequest(const Request& request);
QByteArray signedHeaderNames(const Request& request);
QByteArray stringToSign(const QByteArray& canonicalRequest);
QByteArray signature(const QByteArray& secret, const QByteArray& stringToSign);
QByteArray authorization(const QString& accessKeyId, const QByteArray& signedHeaders, const QByteArray& signature);

// Adds x-acs-content-sha256 (hex SHA-256 of the body), x-acs-security-token when the credentials carry one, and
// Authorization. The caller sets host, x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce, content-type.
void sign(Request& request, const Credentials& credentials);

} // namespace SignerV3
