#pragma once

#include "api/VerificationResult.h"

#include <QCoreApplication>
#include <QList>
#include <QNetworkReply>
#include <QSslError>

// The one place where QNetworkReply errors become VerificationResult errors. ApiClient asks it whenever no readable
// HTTP answer arrived (or the transfer broke or was aborted on purpose).
class NetworkErrorMap
{
    Q_DECLARE_TR_FUNCTIONS(NetworkErrorMap)
public:
    // Why ApiClient aborted a reply itself, if it did: QNetworkReply reports all of these as OperationCanceledError.
    enum class Abort
    {
        None,
        Timeout,
        Cancelled,
        Oversized,
    };

    // viaProxy: the attempt went to a proxy and ended before its request left. Qt's HTTP stack reports the proxy's
    // own failures (refused, closed, protocol) as UnknownNetworkError, so then that code is a ProxyError.
    static VerificationResult::Error toError(
        QNetworkReply::NetworkError code, Abort abort = Abort::None, bool viaProxy = false);
    // True for errors of the connection itself (codes 1-199: connection, TLS, proxy), where any HTTP status seen
    // belongs to an incomplete answer. Content, protocol and server errors (4xx/5xx) carry a readable answer instead.
    static bool isTransportError(QNetworkReply::NetworkError code);
    // "Timeout", "Cancelled" and the like as a status: Cancelled for Abort::Cancelled, NetworkError otherwise.
    static VerificationResult::Status statusFor(VerificationResult::Error error);
    // The TLS errors in plain text ("The certificate is self-signed, and untrusted; ..."), for the result's detail.
    static QString describeSslErrors(const QList<QSslError>& errors);
    // A complete result for a transport failure: status, error and detail (reply error text plus TLS errors).
    static VerificationResult toResult(QNetworkReply::NetworkError code,
        Abort abort,
        const QString& errorString,
        const QList<QSslError>& sslErrors,
        bool viaProxy = false);
};
