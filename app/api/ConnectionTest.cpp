#include "ConnectionTest.h"

#include "base/Clock.h"
#include "crypto/Random.h"

namespace {

ClientConfig oneAttempt(ClientConfig config)
{
    config.maxAttempts = 1;
    return config;
}

} // namespace

ConnectionTest::ConnectionTest(ClientConfig config, Credentials credentials, QObject* parent)
    : ConnectionTest(std::move(config), std::move(credentials), Clock::system(), Random::system(), parent)
{
}

ConnectionTest::ConnectionTest(
    ClientConfig config, Credentials credentials, Clock& clock, Random& random, QObject* parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_clock(clock)
    , m_random(random)
    , m_client(new ApiClient(oneAttempt(std::move(config)), std::move(credentials), clock, random, this))
{
    connect(m_client, &ApiClient::attemptSigned, this, [this](quint64 callId, int, const SignerV3::Request& request) {
        if (callId == m_callId)
            emit requestSigned(request);
    });
    connect(m_client, &ApiClient::finished, this, &ConnectionTest::finish);
}

VerificationRequest ConnectionTest::probe(Random& random)
{
    VerificationRequest request;
    request.merchantBizId = QString::fromLatin1(random.hex32());
    return request;
}

void ConnectionTest::start()
{
    if (isRunning())
        return;
    m_callId = m_client->verify(probe(m_random));
}

void ConnectionTest::finish(quint64 callId, const VerificationResult& result)
{
    if (callId != m_callId)
        return;
    m_callId = 0;
    emit finished(ConnectionTestResult::from(result, m_client->config().endpoint, m_credentials, m_clock.nowUtc()));
}
