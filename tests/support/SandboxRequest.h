#pragma once

#include "api/Credentials.h"
#include "api/SignerV3.h"

#include <QByteArray>

// What the sandbox tests send by hand (raw sockets, QNetworkAccessManager): an Id2MetaPeriodVerifyIntl request with
// the body given, signed now (fresh date and nonce) for host ("127.0.0.1:PORT").
namespace SandboxRequest {

SignerV3::Request signedFor(
    const QByteArray& host, const QByteArray& body, const Credentials& credentials = Credentials::training());

} // namespace SandboxRequest
