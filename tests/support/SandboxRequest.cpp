#include "SandboxRequest.h"

#include "crypto/Random.h"

#include <QDateTime>

SignerV3::Request SandboxRequest::signedFor(
    const QByteArray& host, const QByteArray& body, const Credentials& credentials)
{
    SignerV3::Request r;
    r.body = body;
    r.headers = { { "host", host },
        { "x-acs-action", "Id2MetaPeriodVerifyIntl" },
        { "x-acs-version", "2022-08-09" },
        { "x-acs-date", QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")).toLatin1() },
        { "x-acs-signature-nonce", Random::system().hex32() },
        { "content-type", "application/x-www-form-urlencoded" } };
    SignerV3::sign(r, credentials);
    return r;
}
