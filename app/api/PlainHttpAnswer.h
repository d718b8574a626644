#pragma once

#include <QString>

// An https:// endpoint whose server speaks plain HTTP: the TLS handshake fails on the first bytes of an HTTP answer,
// which OpenSSL reports as a record of an unknown version. Told apart here, so that it is explained as a wrong scheme
// or port, not as a certificate problem.
namespace PlainHttpAnswer {

// Whether Qt's text for a failed handshake (QNetworkReply::errorString) is OpenSSL's for a plain HTTP answer.
bool seenIn(const QString& errorText);

} // namespace PlainHttpAnswer
