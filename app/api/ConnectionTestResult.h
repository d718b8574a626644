#pragma once

#include "api/VerificationResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

class Credentials;

// What one connection test (ConnectionTest) found out, as a value: the outcome, in plain words what it proves and
// what it leaves unconfirmed, and the service's own answer. It names where the AccessKey came from and the key id
// masked, never the secret.
struct ConnectionTestResult
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(ConnectionTestResult)
public:
    enum class Outcome
    {
        // The gateway got past the signature and the time stamp and refused the missing parameter
        // (MissingParameter, InvalidParameter): the AccessKey and the clock work.
        Accepted,
        SignatureRefused, // SignatureDoesNotMatch, IncompleteSignature
        AccessKeyUnknown, // InvalidAccessKeyId.NotFound
        AccessKeyDisabled, // InvalidAccessKeyId.Inactive
        PermissionMissing, // Forbidden.RAMUserAccessDenied, Forbidden.RAM…, …NoPermission…
        NotActivated, // Forbidden.AccountAccessDenied (not activated, or overdue), Forbidden.UserVerification
        ClockSkew, // InvalidTimeStamp.Expired, RequestTimeTooSkewed
        OtherAnswer, // any other answer, read or not: its code and message as the service sent them
        TlsFailure, // the certificate did not verify (or the endpoint is not https://)
        ProxyFailure,
        HostNotFound, // DNS
        ConnectionFailed, // refused, reset, timed out
    };
    Q_ENUM(Outcome)

    Outcome outcome = Outcome::OtherAnswer;
    QString explanation; // one translated paragraph: what happened and what to do
    QString proves; // translated: what this answer proves
    QString unconfirmed; // translated: what stays unconfirmed
    QUrl endpoint;
    QString credentialSource; // Credentials::sourceName(): "environment variables", "training mode", …
    QString accessKeyId; // masked (Credentials::maskedKeyId)
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString requestId;
    QString code; // as the service sent it
    QString message; // as the service sent it
    QString detail; // the transport error or why the answer could not be read
    // This computer's clock minus the service's (its Date header), when an answer carried one.
    std::optional<qint64> clockOffsetSeconds;

    static Outcome classify(const VerificationResult& result);
    // The whole result of the call that sent the probe; localNow is this computer's time when the answer came.
    static ConnectionTestResult from(const VerificationResult& result,
        const QUrl& endpoint,
        const Credentials& credentials,
        const QDateTime& localNow);

    // No answer came back: TLS, proxy, DNS, connection.
    bool isNetworkFailure() const;
    // ekyc-desk-cli test-connection: 0 accepted; 4 the service refused (signature, key, permission, activation,
    // clock) or answered something else; 5 network, TLS, DNS or proxy failure (3, bad arguments, is decided earlier).
    int exitCode() const;
    // outcome, explanation, proves, unconfirmed, endpoint, credentialSource, accessKeyId, httpStatus, requestId, code,
    // message, detail, clockOffsetSeconds (null when unknown).
    QJsonObject toJson() const;
};
