#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// The outcome of one verification call (after any retries), as a value.
struct VerificationResult
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(VerificationResult)
public:
    enum class Status
    {
        Passed, // Code success, Result.Passed Y (SubCode 200)
        NotPassed, // Code success, Result.Passed N (SubCode 202, 223, or an unrecognised one)
        ApiError, // an error Code from the service or its gateway; nothing billed
        NetworkError, // transport, TLS, timeout (before the request left), malformed or oversized answer
        Cancelled, // before the request left
        // The request was sent and no answer arrived (timeout, reset, cancelled): the service may have processed
        // and billed it. Never retried automatically; a retry reuses the MerchantBizId.
        OutcomeUnknown,
        // The audit history could not record the attempt, so it was not sent (nothing billed).
        NotRecorded,
    };
    Q_ENUM(Status)

    enum class Error
    {
        None,
        MissingParameter,
        InvalidParameter,
        RamUserAccessDenied,
        AccountAccessDenied,
        Throttling,
        SignatureDoesNotMatch,
        IncompleteSignature,
        InvalidAccessKeyId,
        SignatureNonceUsed,
        TimestampExpired,
        InternalError,
        ServiceUnavailable,
        OtherApiError,
        MalformedResponse,
        OversizedResponse,
        Timeout,
        HostNotFound,
        ConnectionRefused,
        ConnectionReset,
        TlsFailure,
        ProxyError,
        OtherNetworkError,
        Cancelled,
        HistoryUnavailable, // the audit history refused a write (disk full, database down)
    };
    Q_ENUM(Error)

    Status status = Status::NetworkError;
    Error error = Error::None;
    int httpStatus = 0; // 0 when no HTTP answer arrived
    QString requestId;
    QString code; // as the service sent it
    QString message; // as the service sent it
    bool passed = false;
    QString subCode; // "200", "202", "223", or empty
    QString merchantBizId;
    int attempts = 0;
    qint64 latencyMs = 0; // of the last attempt
    QString detail; // transport error text or parse problem; never contains a secret
    QDateTime serverDate; // the response Date header, for clock-skew warnings
    // Throttling only: the server's TimeLeft hint (x-ratelimit-user-api / x-ratelimit-user), 0 when absent.
    qint64 retryAfterMs = 0;
    // Transport errors: whether the request had left (upload progress or an answer seen) when the attempt ended.
    bool requestSent = false;
    // The answer (or outcome) could not be written to the audit history; it waits in the history's spool.
    bool unrecorded = false;

    // A business answer (200/202/223 or any SubCode) is billed and must never be retried.
    bool isBusinessAnswer() const { return status == Status::Passed || status == Status::NotPassed; }
    // Throttling, 5xx and transport errors that cannot have been billed may be retried; nothing else.
    bool isRetryable() const;
    // An answer, or a request that left without one: the provider may bill it.
    bool mayHaveBeenBilled() const;

    // Plain-language explanation for the reviewer, translated: the SubCode meaning, or the error and its fix.
    QString explanation() const;
    // For 202/223/unrecognised: what to do next (confirm with the person, then manual review). Empty otherwise.
    QString guidance() const;
    static QString subCodeExplanation(const QString& subCode);
    static QString subCodeGuidance(const QString& subCode);
    static QString errorExplanation(Error error);
    QString outcomeUnknownReason() const; // why an OutcomeUnknown has no answer, translated

    // CLI exit code: 0 passed; 2 not passed (202/223, or an undocumented SubCode with Passed N, whose explanation
    // says to escalate); 4 API error, including an answer that could not be read; 5 network/TLS error before the
    // request left; 6 not recorded (nothing sent, or an answer the history could not record); 7 outcome unknown, may
    // have been billed (3 is a local refusal, decided earlier).
    int exitCode() const;
    // requestId, code, message, passed, subCode, merchantBizId, httpStatus, explanation (+ error, attempts, status,
    // mayHaveBeenBilled).
    QJsonObject toJson() const;
    // The names toJson gives the error (empty for none: JSON null there) and the status, e.g. "Timeout", "Ok".
    QString errorKey() const;
    QString statusKey() const;
};
