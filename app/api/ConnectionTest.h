#pragma once

#include "api/ApiClient.h"
#include "api/ConnectionTestResult.h"
#include "api/Credentials.h"
#include "api/SignerV3.h"
#include "api/VerificationRequest.h"

#include <QObject>

class Clock;
class Random;

// "Test connection": one signed call that cannot be billed, read and reported in plain words. It sends
// Id2MetaPeriodVerifyIntl with ProductCode, DocType and a MerchantBizId but no name, no ID number and no dates, so the
// service must refuse it for a missing parameter before any verification. An answer of MissingParameter (or
// InvalidParameter) means the gateway got past the signature and the time stamp: the AccessKey, its secret and the
// clock work. That reading relies on the gateway checking the signature before the parameters, an order the provider
// does not document; the result says so. One attempt, never retried; nothing is recorded in the audit history.
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    // config: the endpoint, its extra CAs and the time limit; the test makes one attempt whatever config.maxAttempts
    // says. credentials: the ones a verification would use (their source is reported, never the secret).
    ConnectionTest(ClientConfig config, Credentials credentials, QObject* parent = nullptr);
    ConnectionTest(
        ClientConfig config, Credentials credentials, Clock& clock, Random& random, QObject* parent = nullptr);

    // The request the test sends: ProductCode, DocType and a fresh MerchantBizId, nothing about a person.
    static VerificationRequest probe(Random& random);

    // Sends the probe. finished() follows once, later, never from inside start(). Ignored while a test runs.
    void start();
    bool isRunning() const { return m_callId != 0; }

signals:
    // The signed request, just before it is sent (it carries the signature, never the secret).
    void requestSigned(const SignerV3::Request& request);
    void finished(const ConnectionTestResult& result);

private:
    void finish(quint64 callId, const VerificationResult& result);

    Credentials m_credentials;
    Clock& m_clock;
    Random& m_random;
    ApiClient* m_client;
    quint64 m_callId = 0;
};
