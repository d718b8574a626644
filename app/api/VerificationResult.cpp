#include "VerificationResult.h"

#include "api/PlainHttpAnswer.h"

#include <QJsonValue>
#include <QMetaEnum>

bool VerificationResult::isRetryable() const
{
    // Every business answer is billed: never again.
    if (isBusinessAnswer() || status == Status::Cancelled || status == Status::OutcomeUnknown
        || status == Status::NotRecorded)
        return false;
    switch (error) {
    case Error::Throttling:
    case Error::InternalError:
    case Error::ServiceUnavailable:
    case Error::Timeout:
    case Error::ConnectionReset:
        // Only while the request had not left; after that the status is OutcomeUnknown (handled above).
        return !requestSent;
    case Error::ConnectionRefused:
        return true;
    case Error::OtherApiError:
        // Any other 5xx from the service or its gateway is a server-side fault that may heal; but behind a 502 or
        // a 504 the service may have processed the request (ResponseParser makes those OutcomeUnknown).
        return httpStatus >= 500 && httpStatus <= 599 && httpStatus != 502 && httpStatus != 504;
    default:
        // HostNotFound, TLS failures and proxy errors will not heal in seconds; parameter, permission and
        // signature errors never heal by themselves; a malformed or oversized 200 may have been billed.
        return false;
    }
}

QString VerificationResult::outcomeUnknownReason() const
{
    if (httpStatus == 502 || httpStatus == 504)
        return tr("the service's gateway answered HTTP %1, without the outcome").arg(httpStatus);
    switch (error) {
    case Error::Cancelled:
        return tr("cancelled");
    case Error::Timeout:
        return tr("timed out");
    case Error::SignatureNonceUsed:
        return tr("the network resent the request, and the service had seen it");
    default:
        return tr("connection lost");
    }
}

bool VerificationResult::mayHaveBeenBilled() const
{
    return isBusinessAnswer() || status == Status::OutcomeUnknown || error == Error::MalformedResponse
        || error == Error::OversizedResponse;
}

QString VerificationResult::explanation() const
{
    if (isBusinessAnswer())
        return subCodeExplanation(subCode);
    if (status == Status::OutcomeUnknown && (httpStatus == 502 || httpStatus == 504))
        return tr("Outcome unknown: the service's gateway passed the request on and answered HTTP %1 without its "
                  "outcome. The service may have processed and billed it, so it was not retried automatically. Look "
                  "the case up in the Alibaba Cloud console by its MerchantBizId, or retry it with the same "
                  "MerchantBizId.")
            .arg(httpStatus);
    if (status == Status::OutcomeUnknown)
        return tr("Outcome unknown: the request was sent but no answer arrived (%1). The service may have processed "
                  "and billed it, so it was not retried automatically. Look the case up in the Alibaba Cloud console "
                  "by its MerchantBizId, or retry it with the same MerchantBizId.")
            .arg(outcomeUnknownReason());
    if (status == Status::NotRecorded)
        return errorExplanation(Error::HistoryUnavailable);
    if (status == Status::Cancelled)
        return errorExplanation(Error::Cancelled);
    if (error == Error::TlsFailure && PlainHttpAnswer::seenIn(detail))
        return tr("The server answered in plain HTTP, not TLS: check the endpoint URL's scheme and port. Nothing was "
                  "sent.");
    return errorExplanation(error);
}

QString VerificationResult::guidance() const
{
    if (status == Status::OutcomeUnknown)
        return tr("Before retrying, look for this MerchantBizId in the Alibaba Cloud console: if the service has a "
                  "record of it, the call was billed and its result is there. Otherwise retry; the retry keeps the "
                  "MerchantBizId, so two records at the provider stay recognisable as one case.");
    if (status != Status::NotPassed)
        return QString();
    return subCodeGuidance(subCode);
}

QString VerificationResult::subCodeExplanation(const QString& subCode)
{
    if (subCode == QLatin1String("200"))
        return tr("The information is consistent. Verification passed.");
    if (subCode == QLatin1String("202"))
        return tr("The identity cannot be found in the official database. The information may be wrong or "
                  "fraudulent.");
    if (subCode == QLatin1String("223"))
        return tr("The name and ID number do not match, or the validity start or end date does not match the "
                  "official database. The information may be wrong or fraudulent.");
    return tr("Unrecognised result – escalate to a supervisor");
}

QString VerificationResult::subCodeGuidance(const QString& subCode)
{
    if (subCode == QLatin1String("202") || subCode == QLatin1String("223"))
        return tr("Ask the person to confirm the information and try again. If they confirm it is correct, route "
                  "the case to manual review.");
    if (subCode == QLatin1String("200"))
        return QString();
    return tr("Do not decide the case on this result: the service returned a result code this version does not "
              "know. Escalate the case to a supervisor.");
}

QString VerificationResult::errorExplanation(Error error)
{
    switch (error) {
    case Error::None:
        return QString();
    case Error::MissingParameter:
        return tr("The service reports that a required parameter is missing. Check that the name, ID number and "
                  "validity dates are filled in; if they are, report this to support.");
    case Error::InvalidParameter:
        return tr("The service rejected a parameter as invalid. Check the name, ID number, validity dates and "
                  "scene code, correct them and try again.");
    case Error::RamUserAccessDenied:
        return tr("The AccessKey belongs to a RAM user that is not allowed to call ID Verification. Ask the account "
                  "administrator to grant the AliyunAntCloudAuthFullAccess policy to this RAM user.");
    case Error::AccountAccessDenied:
        return tr("The Alibaba Cloud account cannot use ID Verification: the service is not activated or the "
                  "account has an overdue payment. Ask the account administrator to activate ID Verification or "
                  "settle the overdue payment.");
    case Error::Throttling:
        return tr("The request was refused by throttling. The account's limit of 10 requests per second is shared "
                  "by all its users. Wait a moment and try again; if it keeps happening, lower this workstation's "
                  "rate limit setting.");
    case Error::SignatureDoesNotMatch:
        return tr("The service could not verify the request signature. Check that the AccessKey secret is correct "
                  "and that this computer's clock is set correctly.");
    case Error::IncompleteSignature:
        return tr("The service received an incomplete signature. Check the AccessKey secret and this computer's "
                  "clock; if both are right, report this to support.");
    case Error::InvalidAccessKeyId:
        return tr("The service does not know this AccessKey ID. Check the AccessKey ID, and that the key is still "
                  "enabled in the RAM console.");
    case Error::SignatureNonceUsed:
        return tr("The service saw this request's one-time nonce before. Try again; if it keeps happening, report "
                  "this to support.");
    case Error::TimestampExpired:
        return tr("The request's time stamp was too far from the service's time. Set this computer's clock "
                  "correctly (automatic time synchronisation) and try again.");
    case Error::InternalError:
        return tr("The service had an internal error; nothing was billed. Try again later; if it persists, report "
                  "it to Alibaba Cloud with the request ID.");
    case Error::ServiceUnavailable:
        return tr("The service is temporarily unavailable; nothing was billed. Try again in a few minutes.");
    case Error::OtherApiError:
        return tr("The service returned an error this version does not know. Read the code and message shown, and "
                  "report them to support if they are unclear.");
    case Error::MalformedResponse:
        return tr("The service's answer could not be read. Do not retry blindly: the call may have been billed. "
                  "Check the case in the Alibaba Cloud console by its MerchantBizId or report this to support.");
    case Error::OversizedResponse:
        return tr("The service's answer was larger than allowed and was not read. Check the endpoint setting; the "
                  "call may have been billed, so check the case in the Alibaba Cloud console.");
    case Error::Timeout:
        return tr("The service did not answer in time. Check the network connection and try again.");
    case Error::HostNotFound:
        return tr("The service's host name could not be found. Check the endpoint setting and the network or DNS "
                  "configuration.");
    case Error::ConnectionRefused:
        return tr("The connection to the service was refused. Check the endpoint setting and any firewall or proxy.");
    case Error::ConnectionReset:
        return tr("The connection to the service was closed unexpectedly. Check the network connection and try "
                  "again.");
    case Error::TlsFailure:
        return tr("The secure connection failed: the server certificate could not be verified. Check the endpoint, "
                  "the proxy, or the extra CA file setting. Certificate errors are never ignored.");
    case Error::ProxyError:
        return tr("The proxy server failed or refused the connection. Check the system proxy settings.");
    case Error::OtherNetworkError:
        return tr("A network error occurred. Check the network connection and try again.");
    case Error::Cancelled:
        return tr("The verification was cancelled before an answer arrived.");
    case Error::HistoryUnavailable:
        return tr("Not recorded — the audit history is unavailable, so nothing more was sent. Check the disk space "
                  "or the database server, then verify the case again.");
    }
    return QString();
}

int VerificationResult::exitCode() const
{
    switch (status) {
    case Status::Passed:
        return 0;
    case Status::NotPassed:
        return 2;
    case Status::ApiError:
        return 4;
    case Status::OutcomeUnknown:
        return 9;
    case Status::NotRecorded:
        return 6;
    case Status::NetworkError:
    case Status::Cancelled:
        // An answer arrived but could not be read: the service answered (and may have billed), so it is an API
        // matter to escalate, not a connection to retry.
        return error == Error::MalformedResponse || error == Error::OversizedResponse ? 4 : 5;
    }
    return 5;
}

QJsonObject VerificationResult::toJson() const
{
    QJsonObject out;
    out.insert(QStringLiteral("requestId"), requestId);
    out.insert(QStringLiteral("code"), code);
    out.insert(QStringLiteral("message"), message);
    out.insert(QStringLiteral("passed"), passed);
    out.insert(QStringLiteral("subCode"), subCode);
    out.insert(QStringLiteral("merchantBizId"), merchantBizId);
    out.insert(QStringLiteral("httpStatus"), httpStatus);
    out.insert(QStringLiteral("explanation"), explanation());
    out.insert(QStringLiteral("error"), error == Error::None ? QJsonValue(QJsonValue::Null) : QJsonValue(errorKey()));
    out.insert(QStringLiteral("attempts"), attempts);
    out.insert(QStringLiteral("status"), statusKey());
    out.insert(QStringLiteral("mayHaveBeenBilled"), mayHaveBeenBilled());
    return out;
}

QString VerificationResult::errorKey() const
{
    if (error == Error::None)
        return {};
    return QString::fromLatin1(QMetaEnum::fromType<Error>().valueToKey(static_cast<int>(error)));
}

QString VerificationResult::statusKey() const
{
    return QString::fromLatin1(QMetaEnum::fromType<Status>().valueToKey(static_cast<int>(status)));
}
