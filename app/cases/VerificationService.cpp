#include "VerificationService.h"

#include "sandbox/SandboxServer.h"
#include "util/Clock.h"
#include "util/Random.h"

VerificationService::VerificationService(QObject* parent)
    : QObject(parent)
{
}

VerificationService::~VerificationService() = default;

bool VerificationService::configure(const Options& options)
{
    m_error.clear();
    m_client.reset();
    m_sandbox.reset();
    m_options = options;
    ClientConfig config = options.client;
    Credentials credentials = options.credentials;
    if (options.training) {
        m_sandbox = std::make_unique<SandboxServer>();
        if (!m_sandbox->start()) {
            m_error = tr("The training sandbox could not start: %1").arg(m_sandbox->errorString());
            m_sandbox.reset();
            return false;
        }
        config.endpoint = m_sandbox->url();
        config.extraCaCertificates = m_sandbox->caCertificates();
        credentials = Credentials::training();
    } else if (!credentials.isValid()) {
        m_error = tr("No AccessKey found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET "
                     "(and ALIBABA_CLOUD_SECURITY_TOKEN for STS), or use training mode.");
        return false;
    }
    m_options.client = config;
    m_client = std::make_unique<ApiClient>(config, credentials);
    connect(m_client.get(), &ApiClient::attemptStarted, this, [this](quint64 id, int attempt, const QString&) {
        emit attemptStarted(id, attempt);
    });
    connect(m_client.get(), &ApiClient::finished, this, &VerificationService::finished);
    return true;
}

QDate VerificationService::today()
{
    // Card dates are mainland-China dates: "today" is the date in China Standard Time (UTC+8).
    return Clock::system().nowUtc().toOffsetFromUtc(8 * 3600).date();
}

QList<ValidationIssue> VerificationService::precheck(const CaseInput& input) const
{
    return CaseValidator::check(input, today());
}

VerificationRequest VerificationService::buildRequest(const CaseInput& input) const
{
    return VerificationRequest::fromCase(input, m_options.longTermValue, Random::system());
}

quint64 VerificationService::submit(const CaseInput& input, bool warningsAcknowledged)
{
    if (!m_client) {
        m_error = tr("The verification service is not configured.");
        return 0;
    }
    const QList<ValidationIssue> issues = precheck(input);
    if (CaseValidator::hasBlocking(issues)) {
        m_error = tr("The case was refused locally; nothing was sent or billed.");
        return 0;
    }
    if (!issues.isEmpty() && !warningsAcknowledged) {
        m_error = tr("The case has warnings that must be acknowledged before a billed call.");
        return 0;
    }
    const VerificationRequest request = buildRequest(input);
    const quint64 id = m_client->verify(request);
    emit submitted(id, request.merchantBizId);
    return id;
}

void VerificationService::cancel(quint64 callId)
{
    if (m_client)
        m_client->cancel(callId);
}
