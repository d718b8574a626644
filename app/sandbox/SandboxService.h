#pragma once

#include "api/Credentials.h"
#include "api/SignerV3.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QQueue>
#include <QSet>
#include <QString>

class Clock;
class Random;

// What the sandbox answers to one request. The HTTP layer (SandboxConnection) adds Date, Content-Length and
// Connection; everything else is decided here.
struct SandboxResponse
{
    enum class Action
    {
        Respond, // write the answer now
        RespondLater, // write the answer after the server's slow-response delay
        Abort, // drop the connection without answering
    };
    Action action = Action::Respond;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // always includes Content-Type
    QByteArray body;
    // The body's Code ("Success" or the error code), for logs and tests; empty when there is no JSON body.
    QString code;

    QByteArray header(const QByteArray& name) const;
};

// The API logic of the training sandbox, without any networking: from a parsed HTTP request (SignerV3::Request:
// method, path, decoded query, headers, body) to an answer. It mirrors the provider's gateway and
// Id2MetaPeriodVerifyIntl: action/version, V3 signature (training AccessKey only), clock skew, nonce replay, then
// parameters and the fixture table or a fault trigger (SandboxFixtures.h).
//
// Checks run in this order; the first failure answers:
//   method/path      POST / only                    405 UnsupportedHTTPMethod / 404 InvalidUri.NotFound
//   x-acs-action     Id2MetaPeriodVerifyIntl        404 InvalidAction.NotFound
//   x-acs-version    2022-08-09                     400 InvalidVersion
//   Authorization    ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…, and host, x-acs-action,
//                    x-acs-version, x-acs-date, x-acs-signature-nonce, x-acs-content-sha256 (and
//                    x-acs-security-token when sent) among the signed headers and present
//                                                   400 IncompleteSignature
//   AccessKeyId      the training key id            404 InvalidAccessKeyId.NotFound
//   x-acs-date       yyyy-MM-ddTHH:mm:ssZ           400 InvalidTimeStamp.Format
//                    within 15 minutes of now       400 InvalidTimeStamp.Expired
//   body hash        x-acs-content-sha256 equals the hex SHA-256 of the body
//                                                   400 SignatureDoesNotMatch (we chose this code over the
//                                                       gateway's rarer ContentSHA256NotMatch, so clients need
//                                                       only one mapping; the Message says which hash differs)
//   signature        HMAC over the canonical request 400 SignatureDoesNotMatch, Message carries the server's
//                                                       string-to-sign
//   nonce            not among the last 10000 seen  400 SignatureNonceUsed
//   parameters       form body, then query string (body wins)
//                                                   400 MissingParameter / InvalidParameter
// So the connection test's probe, which names no person, gets MissingParameter only once its signature, AccessKey and
// time stamp pass. The real gateway is taken to check in the same order; the provider does not document it.
class SandboxService
{
public:
    SandboxService(Clock& clock, Random& random);
    // The one AccessKey it accepts: the public training key unless another is set (a test's marker key, to follow a
    // secret through a live-mode flow).
    void setAccessKey(const Credentials& key) { m_key = key; }

    SandboxResponse handle(const SignerV3::Request& request);

    static constexpr int nonceMemory = 10000;
    static constexpr qint64 maxClockSkewSeconds = qint64 { 15 } * 60;
    static inline const QByteArray action = QByteArrayLiteral("Id2MetaPeriodVerifyIntl");
    static inline const QByteArray version = QByteArrayLiteral("2022-08-09");

    // application/x-www-form-urlencoded: pairs split on '&' and the first '=', '+' as space, percent-decoded as
    // UTF-8. Also used for the query string.
    static QList<QPair<QString, QString>> parseForm(const QByteArray& encoded);

    // An error answer in the provider's shape: {"RequestId","Code","Message","HostId","Recommend"}; HostId is the
    // request's host header.
    SandboxResponse error(const SignerV3::Request& request, int status, const QString& code, const QString& message);

private:
    SandboxResponse success(const QString& passed, const QString& subCode);
    QString newRequestId();
    bool checkSignature(const SignerV3::Request& request, SandboxResponse& failure);
    bool checkParameters(const SignerV3::Request& request, QHash<QString, QString>& params, SandboxResponse& failure);
    SandboxResponse answer(const SignerV3::Request& request, const QHash<QString, QString>& params);
    void rememberNonce(const QByteArray& nonce);

    Clock& m_clock;
    Random& m_random;
    Credentials m_key = Credentials::training();
    QSet<QByteArray> m_nonces;
    QQueue<QByteArray> m_nonceOrder;
    QSet<QString> m_throttledOnce; // MerchantBizIds already throttled by the throttleOnce trigger
    QSet<QString> m_failedOnce; // MerchantBizIds already failed by the serverErrorOnce trigger
};
