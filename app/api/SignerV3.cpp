#include "SignerV3.h"

#include "api/Credentials.h"
#include "crypto/Crypto.h"

#include <algorithm>
#include <numeric>

namespace SignerV3 {

namespace {

bool isSigned(const QByteArray& lowerName)
{
    if (lowerName == "host" || lowerName == "content-type")
        return true;
    return lowerName.startsWith("x-acs-") && lowerName != "x-acs-signature";
}

// Lower-case names of the signed headers with trimmed values, sorted by name.
QList<QPair<QByteArray, QByteArray>> signedHeaders(const Request& request)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const auto& [name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (isSigned(lower))
            out.append({ lower, value.trimmed() });
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

} // namespace

QByteArray Request::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void Request::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& [key, existing] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({ name, value });
}

QByteArray percentEncode(const QString& value)
{
    static const char hex[] = "0123456789ABCDEF";
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() * 3);
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-'
            || u == '_' || u == '.' || u == '~';
        if (unreserved) {
            out.append(c);
        } else {
            out.append('%');
            out.append(hex[u >> 4]);
            out.append(hex[u & 0x0F]);
        }
    }
    return out;
}

QByteArray encodeParameters(const QList<QPair<QString, QString>>& parameters)
{
    QList<QPair<QByteArray, QByteArray>> encoded;
    encoded.reserve(parameters.size());
    for (const auto& [name, value] : parameters)
        encoded.append({ percentEncode(name), percentEncode(value) });
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const auto& [name, value] : encoded) {
        if (!out.isEmpty())
            out.append('&');
        out.append(name).append('=').append(value);
    }
    return out;
}

namespace {

QByteArray namesOf(const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QByteArray names;
    for (const auto& header : headers) {
        if (!names.isEmpty())
            names.append(';');
        names.append(header.first);
    }
    return names;
}

QByteArray canonicalRequest(
    const Request& request, const QList<QPair<QByteArray, QByteArray>>& headers, const QByteArray& names)
{
    QByteArray payloadHash = request.header("x-acs-content-sha256");
    if (payloadHash.isEmpty())
        payloadHash = Crypto::sha256Hex(request.body);
    const QByteArray query = encodeParameters(request.query);
    QByteArray out;
    out.reserve(request.method.size() + request.path.size() + query.size() + names.size() * 2 + payloadHash.size() + 256
        + std::accumulate(headers.begin(), headers.end(), qsizetype(0), [](qsizetype sum, const auto& header) {
              return sum + header.first.size() + header.second.size() + 2;
          }));
    out.append(request.method.toUpper()).append('\n').append(request.path).append('\n').append(query).append('\n');
    for (const auto& [name, value] : headers)
        out.append(name).append(':').append(value).append('\n');
    out.append('\n').append(names).append('\n').append(payloadHash);
    return out;
}

} // namespace

QByteArray signedHeaderNames(const Request& request)
{
    return namesOf(signedHeaders(request));
}

QByteArray canonicalRequest(const Request& request)
{
    const QList<QPair<QByteArray, QByteArray>> headers = signedHeaders(request);
    return canonicalRequest(request, headers, namesOf(headers));
}

QByteArray stringToSign(const QByteArray& canonicalRequest)
{
    return QByteArray(algorithm) + '\n' + Crypto::sha256Hex(canonicalRequest);
}

QByteArray signature(const QByteArray& secret, const QByteArray& stringToSign)
{
    return Crypto::hmacSha256(secret, stringToSign).toHex();
}

QByteArray authorization(const QString& accessKeyId, const QByteArray& signedHeaders, const QByteArray& signature)
{
    return QByteArray(algorithm) + " Credential=" + accessKeyId.toUtf8() + ",SignedHeaders=" + signedHeaders
        + ",Signature=" + signature;
}

void sign(Request& request, const Credentials& credentials)
{
    request.setHeader("x-acs-content-sha256", Crypto::sha256Hex(request.body));
    if (!credentials.securityToken().isEmpty())
        request.setHeader("x-acs-security-token", credentials.securityToken().toUtf8());
    // The signed headers are sorted once, for the canonical request and for the Authorization header.
    const QList<QPair<QByteArray, QByteArray>> headers = signedHeaders(request);
    const QByteArray names = namesOf(headers);
    const QByteArray sig =
        signature(credentials.secretForSigning(), stringToSign(canonicalRequest(request, headers, names)));
    request.setHeader("Authorization", authorization(credentials.accessKeyId(), names, sig));
}

} // namespace SignerV3
