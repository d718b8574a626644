#include "VerificationCall.h"

#include "session/VerificationService.h"

VerificationCall::VerificationCall(VerificationService* service, VerificationRequest request, Actor actor)
    : QObject(service)
    , m_service(service)
    , m_request(std::move(request))
    , m_actor(std::move(actor))
{
}

VerificationCall::~VerificationCall()
{
    if (!m_finished && m_service)
        m_service->forget(this);
}

void VerificationCall::cancel()
{
    if (!m_finished && m_service)
        m_service->cancel(this);
}

void VerificationCall::finishWithoutRetry()
{
    if (!m_finished && m_service)
        m_service->finishWithoutRetry(this);
}

void VerificationCall::holdUntilReleased()
{
    if (!m_finished && m_apiId == 0)
        m_held = true;
}

void VerificationCall::release()
{
    if (!m_held)
        return;
    m_held = false;
    if (m_parked && m_service) {
        m_parked = false;
        m_service->startCall(this);
    }
}
