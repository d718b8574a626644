#include "NetworkErrorMap.h"

#include "api/PlainHttpAnswer.h"

#include <QStringList>

#include <algorithm>

VerificationResult::Error NetworkErrorMap::toError(QNetworkReply::NetworkError code, Abort abort, bool viaProxy)
{
    using E = VerificationResult::Error;
    switch (abort) {
    case Abort::Timeout:
        return E::Timeout;
    case Abort::Cancelled:
        return E::Cancelled;
    case Abort::Oversized:
        return E::OversizedResponse;
    case Abort::None:
        break;
    }
    switch (code) {
    case QNetworkReply::NoError:
        return E::None;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        // OperationCanceledError, not aborted by ApiClient: Qt's own transfer timeout, or the manager going away.
        return E::Timeout;
    case QNetworkReply::HostNotFoundError:
        return E::HostNotFound;
    case QNetworkReply::ConnectionRefusedError:
        return E::ConnectionRefused;
    case QNetworkReply::RemoteHostClosedError:
        return E::ConnectionReset;
    case QNetworkReply::SslHandshakeFailedError:
        return E::TlsFailure;
    case QNetworkReply::UnknownNetworkError:
        return viaProxy ? E::ProxyError : E::OtherNetworkError;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return E::ProxyError;
    default:
        return E::OtherNetworkError;
    }
}

bool NetworkErrorMap::isTransportError(QNetworkReply::NetworkError code)
{
    const int value = static_cast<int>(code);
    return value >= 1 && value <= 199;
}

VerificationResult::Status NetworkErrorMap::statusFor(VerificationResult::Error error)
{
    return error == VerificationResult::Error::Cancelled ? VerificationResult::Status::Cancelled
                                                         : VerificationResult::Status::NetworkError;
}

QString NetworkErrorMap::describeSslErrors(const QList<QSslError>& errors)
{
    QStringList texts;
    for (const QSslError& error : errors) {
        QString text = error.errorString();
        if (!error.certificate().isNull()) {
            const QStringList cn = error.certificate().subjectInfo(QSslCertificate::CommonName);
            if (!cn.isEmpty())
                text += QStringLiteral(" (") + cn.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
        if (!texts.contains(text))
            texts.append(text);
    }
    return texts.join(QStringLiteral("; "));
}

VerificationResult NetworkErrorMap::toResult(QNetworkReply::NetworkError code,
    Abort abort,
    const QString& errorString,
    const QList<QSslError>& sslErrors,
    bool viaProxy)
{
    VerificationResult result;
    result.error = toError(code, abort, viaProxy);
    if (result.error == VerificationResult::Error::None)
        result.error = VerificationResult::Error::OtherNetworkError;
    result.status = statusFor(result.error);
    switch (abort) {
    case Abort::Timeout:
        result.detail = tr("No complete answer within the time limit.");
        break;
    case Abort::Cancelled:
        result.detail = tr("Cancelled.");
        break;
    case Abort::Oversized:
        result.detail = tr("The answer exceeded the size limit and was not read.");
        break;
    case Abort::None:
        result.detail = errorString;
        break;
    }
    if (code == QNetworkReply::SslHandshakeFailedError && PlainHttpAnswer::seenIn(errorString))
        result.detail =
            tr("The server answered in plain HTTP, not TLS: check the URL's scheme and port (%1).").arg(errorString);
    if (!sslErrors.isEmpty()) {
        // A TLS verification failure is a TLS failure whatever error code Qt reported with it.
        if (abort == Abort::None)
            result.error = VerificationResult::Error::TlsFailure;
        result.detail = tr("%1 TLS errors: %2").arg(result.detail, describeSslErrors(sslErrors)).trimmed();
        // A certificate from the future usually means a clock that is behind, here rather than at the server.
        const bool notYetValid = std::any_of(sslErrors.cbegin(), sslErrors.cend(), [](const QSslError& error) {
            return error.error() == QSslError::CertificateNotYetValid;
        });
        if (notYetValid)
            result.detail += QLatin1Char(' ')
                + tr("A certificate that is not valid yet often means that this computer's date and time are wrong: "
                     "check them.");
    }
    return result;
}
