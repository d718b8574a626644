#include "ConnectionTestResult.h"

#include "api/Credentials.h"
#include "api/PlainHttpAnswer.h"

#include <QJsonValue>
#include <QMetaEnum>

// Which codes mean what. The provider documents MissingParameter, InvalidParameter, Forbidden.RAMUserAccessDenied
// and Forbidden.AccountAccessDenied for Id2MetaPeriodVerifyIntl, and SignatureDoesNotMatch, IncompleteSignature,
// InvalidAccessKeyId.NotFound, SignatureNonceUsed, InvalidTimeStamp.Expired and Forbidden.UserVerification for its
// gateway. InvalidAccessKeyId.Inactive, the other Forbidden.RAM… and …NoPermission… codes and RequestTimeTooSkewed
// are what the provider's other gateways answer for the same problems; they are read the same way here, and any code
// not listed is shown as the service sent it.

using Outcome = ConnectionTestResult::Outcome;
using Error = VerificationResult::Error;

namespace {

bool is(const QString& code, const char* name)
{
    return code.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
}

bool startsWith(const QString& code, const char* prefix)
{
    return code.startsWith(QLatin1String(prefix), Qt::CaseInsensitive);
}

// Codes ResponseParser does not type (Error::OtherApiError).
Outcome classifyOtherCode(const QString& code)
{
    if (startsWith(code, "Forbidden.RAM") || code.contains(QLatin1String("NoPermission"), Qt::CaseInsensitive))
        return Outcome::PermissionMissing;
    if (is(code, "Forbidden.UserVerification"))
        return Outcome::NotActivated;
    if (is(code, "RequestTimeTooSkewed"))
        return Outcome::ClockSkew;
    return Outcome::OtherAnswer;
}

Outcome classifyAnswer(const VerificationResult& result)
{
    switch (result.error) {
    case Error::MissingParameter:
    case Error::InvalidParameter:
        return Outcome::Accepted;
    case Error::SignatureDoesNotMatch:
    case Error::IncompleteSignature:
        return Outcome::SignatureRefused;
    case Error::InvalidAccessKeyId:
        return result.code.contains(QLatin1String("Inactive"), Qt::CaseInsensitive) ? Outcome::AccessKeyDisabled
                                                                                    : Outcome::AccessKeyUnknown;
    case Error::RamUserAccessDenied:
        return Outcome::PermissionMissing;
    case Error::AccountAccessDenied:
        return Outcome::NotActivated;
    case Error::TimestampExpired:
        // InvalidTimeStamp.Format is this program's mistake, not the clock's.
        return result.code.endsWith(QLatin1String(".Format"), Qt::CaseInsensitive) ? Outcome::OtherAnswer
                                                                                   : Outcome::ClockSkew;
    case Error::OtherApiError:
        return classifyOtherCode(result.code);
    default:
        return Outcome::OtherAnswer;
    }
}

// "host" or "host:port" when the port is not 443.
QString where(const QUrl& endpoint)
{
    const int port = endpoint.port(443);
    return port == 443 ? endpoint.host() : QStringLiteral("%1:%2").arg(endpoint.host()).arg(port);
}

QString clockSentence(const std::optional<qint64>& offsetSeconds)
{
    if (!offsetSeconds)
        return QString();
    const qint64 minutes = qAbs(*offsetSeconds + (*offsetSeconds < 0 ? -30 : 30)) / 60;
    return *offsetSeconds >= 0
        ? ConnectionTestResult::tr(" This computer's clock is about %1 minutes ahead of the service's.").arg(minutes)
        : ConnectionTestResult::tr(" This computer's clock is about %1 minutes behind the service's.").arg(minutes);
}

QString connectionFailure(const ConnectionTestResult& r, Error error)
{
    const QString host = where(r.endpoint);
    if (error == Error::ConnectionRefused)
        return ConnectionTestResult::tr("The connection to %1 was refused: nothing accepts connections there. Check "
                                        "the endpoint and its port, and any firewall.")
            .arg(host);
    if (error == Error::Timeout)
        return ConnectionTestResult::tr("%1 did not answer within the time limit. Check the network connection, any "
                                        "firewall and the proxy settings.")
            .arg(host);
    return ConnectionTestResult::tr("The connection to %1 broke before an answer arrived (%2). Check the network "
                                    "connection, any firewall and the proxy settings.")
        .arg(host, r.detail);
}

QString otherAnswer(const ConnectionTestResult& r)
{
    const QString host = where(r.endpoint);
    if (r.code.isEmpty())
        return ConnectionTestResult::tr("%1 answered HTTP %2, but not in the provider's format (%3). Check that the "
                                        "endpoint is an ID Verification endpoint and that no proxy or captive portal "
                                        "answers in its place.")
            .arg(host)
            .arg(r.httpStatus)
            .arg(r.detail);
    return ConnectionTestResult::tr("The service at %1 answered HTTP %2 with the code %3 and the message \"%4\" (as "
                                    "it sent them). From this answer the test cannot tell whether the AccessKey and "
                                    "the clock work; look the code up in the provider's documentation, with the "
                                    "RequestId.")
        .arg(host)
        .arg(r.httpStatus)
        .arg(r.code, r.message);
}

// The paragraph for an answer of the service's gateway.
QString answerExplanation(const ConnectionTestResult& r, const QString& key)
{
    const QString host = where(r.endpoint);
    switch (r.outcome) {
    case Outcome::Accepted:
        return ConnectionTestResult::tr("The service at %1 accepted the signature made with %2 and the request's time "
                                        "stamp, then refused the request as expected, because it names no person "
                                        "(%3). No verification was made and nothing was billed.")
            .arg(host, key, r.code);
    case Outcome::SignatureRefused:
        return ConnectionTestResult::tr("The service at %1 refused the request's signature (%2): the AccessKey secret "
                                        "does not match the ID of %3, or something on the way changed the signed "
                                        "headers. Enter the secret again (without spaces), or create a new AccessKey "
                                        "in the RAM console if the secret is lost.")
            .arg(host, r.code, key);
    case Outcome::AccessKeyUnknown:
        return ConnectionTestResult::tr("The service at %1 does not know the AccessKey ID of %2 (%3). Check the ID "
                                        "for typing errors, and that the key still exists in the RAM console.")
            .arg(host, key, r.code);
    case Outcome::AccessKeyDisabled:
        return ConnectionTestResult::tr("The service at %1 knows the AccessKey of %2, but it is disabled (%3). "
                                        "Enable it in the RAM console, or use another AccessKey.")
            .arg(host, key, r.code);
    case Outcome::PermissionMissing:
        return ConnectionTestResult::tr("The service at %1 accepted the AccessKey of %2 but refused it this call "
                                        "(%3): the RAM user has no permission for ID Verification. Ask the account "
                                        "administrator to grant the AliyunAntCloudAuthFullAccess policy to this RAM "
                                        "user.")
            .arg(host, key, r.code);
    case Outcome::NotActivated:
        return ConnectionTestResult::tr("The service at %1 identified the account of %2 but refused the call (%3): "
                                        "ID Verification is not activated for this Alibaba Cloud account, or the "
                                        "account has an overdue payment. Ask the account administrator to activate ID "
                                        "Verification or settle the payment.")
            .arg(host, key, r.code);
    case Outcome::ClockSkew:
        return ConnectionTestResult::tr("The service at %1 refused the request's time stamp (%2): this computer's "
                                        "clock is too far from the service's time (the gateway allows about 15 "
                                        "minutes). Turn on automatic time synchronisation, check the time zone, then "
                                        "test again.")
                   .arg(host, r.code)
            + clockSentence(r.clockOffsetSeconds);
    default:
        return otherAnswer(r);
    }
}

QString networkExplanation(const ConnectionTestResult& r, Error error)
{
    switch (r.outcome) {
    case Outcome::TlsFailure:
        if (PlainHttpAnswer::seenIn(r.detail))
            return ConnectionTestResult::tr("The server at %1 answered in plain HTTP, not TLS: check the endpoint "
                                            "URL's scheme and port.")
                .arg(where(r.endpoint));
        return ConnectionTestResult::tr(
            "The secure connection to %1 failed (%2). Certificate errors are never ignored. "
            "Check the endpoint; behind a proxy that inspects TLS, add its CA certificate "
            "as the extra CA file.")
            .arg(where(r.endpoint), r.detail);
    case Outcome::ProxyFailure:
        return ConnectionTestResult::tr("The proxy on the way to %1 failed or refused the connection (%2). Check the "
                                        "system proxy settings (the https_proxy and no_proxy environment variables, "
                                        "or the desktop's proxy settings).")
            .arg(where(r.endpoint), r.detail);
    case Outcome::HostNotFound:
        return ConnectionTestResult::tr("The host name %1 could not be found (DNS). Check the endpoint for typing "
                                        "errors, the network connection and the DNS settings; the hk-vpc endpoint "
                                        "resolves only inside Alibaba Cloud's Hong Kong network.")
            .arg(r.endpoint.host());
    default:
        return connectionFailure(r, error);
    }
}

QString provesFor(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Accepted:
        return ConnectionTestResult::tr("The endpoint is reachable over a verified TLS connection, the AccessKey ID "
                                        "exists and is enabled, the secret matches it, and this computer's clock is "
                                        "within the gateway's tolerance.");
    case Outcome::PermissionMissing:
    case Outcome::NotActivated:
        return ConnectionTestResult::tr("The endpoint is reachable over a verified TLS connection, and the AccessKey, "
                                        "its secret and this computer's clock were accepted: the gateway refuses a "
                                        "permission or an account only once it knows who signed.");
    case Outcome::TlsFailure:
        return ConnectionTestResult::tr("A server answers at that address, but it could not prove that it is the "
                                        "service.");
    case Outcome::ProxyFailure:
    case Outcome::HostNotFound:
    case Outcome::ConnectionFailed:
        return ConnectionTestResult::tr("Nothing about the service: the request got no answer.");
    default:
        return ConnectionTestResult::tr("The endpoint is reachable over a verified TLS connection and answers.");
    }
}

QString unconfirmedFor(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Accepted:
        return ConnectionTestResult::tr("Whether this AccessKey may call ID Verification (the "
                                        "AliyunAntCloudAuthFullAccess policy) and whether ID Verification is "
                                        "activated for the account: the gateway stopped at the missing parameter. "
                                        "This reading also relies on the gateway checking the signature before the "
                                        "parameters, an order the provider does not document.");
    case Outcome::PermissionMissing:
        return ConnectionTestResult::tr("Whether ID Verification is activated for the account: the permission was "
                                        "refused first.");
    case Outcome::NotActivated:
        return ConnectionTestResult::tr("Whether the RAM user has the AliyunAntCloudAuthFullAccess policy: the "
                                        "account was refused first.");
    case Outcome::ClockSkew:
        return ConnectionTestResult::tr("Whether the AccessKey secret matches its ID, the permission "
                                        "(AliyunAntCloudAuthFullAccess) and the activation of ID Verification: set "
                                        "the clock and test again.");
    case Outcome::SignatureRefused:
    case Outcome::AccessKeyUnknown:
    case Outcome::AccessKeyDisabled:
        return ConnectionTestResult::tr("The clock, the permission (AliyunAntCloudAuthFullAccess) and the activation "
                                        "of ID Verification: the gateway stops at the first problem. Correct it and "
                                        "test again.");
    default:
        return ConnectionTestResult::tr("The AccessKey, the clock, the permission (AliyunAntCloudAuthFullAccess) and "
                                        "the activation of ID Verification were not tested.");
    }
}

} // namespace

Outcome ConnectionTestResult::classify(const VerificationResult& result)
{
    switch (result.error) {
    case Error::TlsFailure:
        return Outcome::TlsFailure;
    case Error::ProxyError:
        return Outcome::ProxyFailure;
    case Error::HostNotFound:
        return Outcome::HostNotFound;
    case Error::ConnectionRefused:
    case Error::ConnectionReset:
    case Error::Timeout:
    case Error::OtherNetworkError:
    case Error::Cancelled:
        return Outcome::ConnectionFailed;
    default:
        return classifyAnswer(result);
    }
}

ConnectionTestResult ConnectionTestResult::from(
    const VerificationResult& result, const QUrl& endpoint, const Credentials& credentials, const QDateTime& localNow)
{
    ConnectionTestResult r;
    r.outcome = classify(result);
    r.endpoint = endpoint;
    r.credentialSource = credentials.sourceName();
    r.accessKeyId = credentials.maskedKeyId();
    r.httpStatus = result.httpStatus;
    r.requestId = result.requestId;
    r.code = result.code;
    r.message = result.message;
    r.detail = result.detail;
    if (result.serverDate.isValid() && localNow.isValid())
        r.clockOffsetSeconds = result.serverDate.secsTo(localNow);
    r.explanation =
        r.isNetworkFailure() ? networkExplanation(r, result.error) : answerExplanation(r, credentials.describe());
    r.proves = provesFor(r.outcome);
    r.unconfirmed = unconfirmedFor(r.outcome);
    return r;
}

bool ConnectionTestResult::isNetworkFailure() const
{
    return outcome == Outcome::TlsFailure || outcome == Outcome::ProxyFailure || outcome == Outcome::HostNotFound
        || outcome == Outcome::ConnectionFailed;
}

int ConnectionTestResult::exitCode() const
{
    if (outcome == Outcome::Accepted)
        return 0;
    return isNetworkFailure() ? 5 : 4;
}

QJsonObject ConnectionTestResult::toJson() const
{
    return {
        { QStringLiteral("outcome"),
            QString::fromLatin1(QMetaEnum::fromType<Outcome>().valueToKey(static_cast<int>(outcome))) },
        { QStringLiteral("explanation"), explanation },
        { QStringLiteral("proves"), proves },
        { QStringLiteral("unconfirmed"), unconfirmed },
        { QStringLiteral("endpoint"), endpoint.toString(QUrl::RemoveUserInfo) },
        { QStringLiteral("credentialSource"), credentialSource },
        { QStringLiteral("accessKeyId"), accessKeyId },
        { QStringLiteral("httpStatus"), httpStatus },
        { QStringLiteral("requestId"), requestId },
        { QStringLiteral("code"), code },
        { QStringLiteral("message"), message },
        { QStringLiteral("detail"), detail },
        { QStringLiteral("clockOffsetSeconds"),
            clockOffsetSeconds ? QJsonValue(*clockOffsetSeconds) : QJsonValue(QJsonValue::Null) },
    };
}
