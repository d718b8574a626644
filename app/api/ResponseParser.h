#pragma once

#include "api/VerificationResult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QPair>

// Turns one HTTP answer (status, headers, body) of Id2MetaPeriodVerifyIntl into a VerificationResult: the business
// answer (Code success + Result.Passed/SubCode) or a typed error. Pure function of its inputs, so it is tested
// row by row without a network.
class ResponseParser
{
    Q_DECLARE_TR_FUNCTIONS(ResponseParser)
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // merchantBizId, attempts and latencyMs are left for the caller to fill in.
    static VerificationResult parse(
        int httpStatus, const Headers& headers, const QByteArray& body, qint64 maxResponseBytes = qint64 { 64 } * 1024);

    // Maps a service or gateway error Code (compared case-insensitively) to a typed error; OtherApiError if unknown.
    static VerificationResult::Error errorForCode(const QString& code);
    // The throttling hint the provider's SDKs honour: the larger TimeLeft (ms) of the x-ratelimit-user-api and
    // x-ratelimit-user headers ("Limit:1,Remain:0,TimeLeft:2000,Reset:1234"); 0 when absent.
    static qint64 throttlingTimeLeftMs(const Headers& headers);
    // An HTTP Date header (IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT") as UTC; invalid when it cannot be read.
    static QDateTime parseHttpDate(const QByteArray& value);
    // Case-insensitive header lookup; empty when absent.
    static QByteArray header(const Headers& headers, const QByteArray& name);
};
