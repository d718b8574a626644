#include "Session.h"

#include "api/CredentialChain.h"
#include "api/EndpointConfig.h"
#include "api/FileRateBudget.h"
#include "base/Clock.h"
#include "base/Settings.h"
#include "history/AuditStore.h"
#include "session/ConfigurationAudit.h"
#include "session/HistoryRateBudget.h"
#include "session/TrainingHistory.h"

Session::Session(Settings& settings)
    : m_settings(settings)
    , m_actor(Actor::localUser())
    , m_service(std::make_unique<VerificationService>())
{
}

Session::~Session()
{
    m_service->setHistory(nullptr);
    m_service.reset(); // before the history it records into and the budget it books from
}

std::unique_ptr<Session> Session::create(Settings& settings, const Request& request, Failure* failure)
{
    std::unique_ptr<Session> session = prepare(settings, request, failure);
    if (!session || !session->open(request, failure))
        return nullptr;
    return session;
}

std::unique_ptr<Session> Session::prepare(Settings& settings, const Request& request, Failure* failure)
{
    std::unique_ptr<Session> session(new Session(settings));
    if (!session->configure(request, failure))
        return nullptr;
    return session;
}

bool Session::open(const Request& request, Failure* failure)
{
    if (request.preconnect > 0 && m_service->client())
        m_service->client()->preconnect(request.preconnect);
    if (request.openHistory && !openHistory(request, failure))
        return false;
    // The training sandbox's certificates loaded meanwhile (configure()): the window was painted without waiting.
    if (!m_service->startSandbox()) {
        *failure = { Error::SandboxFailed, m_service->errorString() };
        return false;
    }
    shareRateBudget();
    return true;
}

void Session::shareRateBudget()
{
    const bool training = isTraining();
    if (m_history && m_history->isPostgres())
        m_rateBudget = std::make_unique<HistoryRateBudget>(
            *m_history, training ? QStringLiteral("training") : QStringLiteral("live"));
    else
        m_rateBudget = std::make_unique<FileRateBudget>(FileRateBudget::defaultPath(training), Clock::system());
    m_service->setRateBudget(m_rateBudget.get());
}

bool Session::configure(const Request& request, Failure* failure)
{
    auto fail = [failure](Error error, const QString& message) {
        *failure = { error, message };
        return false;
    };
    VerificationService::Options options;
    options.training = request.training;
    // Training talks to the built-in sandbox only: an endpoint given with it would be ignored, unseen.
    if (request.training && !request.endpoint.isEmpty())
        return fail(Error::BadSettings,
            tr("Training uses the built-in sandbox: leave out --endpoint (or leave out --training to use %1).")
                .arg(EndpointConfig::forDisplay(request.endpoint)));
    // ... and it trusts the sandbox's own certificate: a CA file given with it would be read, then dropped, unseen.
    if (request.training && !request.caFile.isEmpty())
        return fail(Error::BadSettings,
            tr("Training uses the built-in sandbox and trusts its own certificate: leave out --ca-file."));
    QString error;
    // In training mode the sandbox is the endpoint: the endpoint settings are not used, so not checked either.
    if ((!EndpointConfig::fromSettings(m_settings, &options.client, &error) && !request.training)
        || (!request.endpoint.isEmpty()
            && !EndpointConfig::resolveEndpoint(request.endpoint, &options.client.endpoint, &error))
        || (!request.caFile.isEmpty()
            && !EndpointConfig::loadCaFile(request.caFile, &options.client.extraCaCertificates, &error)))
        return fail(Error::BadSettings, error);
    options.longTermValue =
        request.longTermValue.isEmpty() ? m_settings.value(Settings::longTermValue) : request.longTermValue;
    if (!Settings::longTermValue.accepts(options.longTermValue))
        return fail(Error::BadSettings,
            tr("The long-term value must be 长期 or long-term, not \"%1\".").arg(options.longTermValue));
    if (!options.training) {
        const bool keychainKey = !m_settings.value(Settings::keychainAccessKey).isEmpty();
        const Result<ResolvedCredentials> resolved =
            CredentialChain::resolve(CredentialChain::Inputs::system(keychainKey ? request.keychain : nullptr));
        if (!resolved)
            return fail(Error::NoCredentials, resolved.message());
        options.credentials = resolved->credentials;
        m_credentialWarnings = resolved->warnings;
    }
    if (!m_service->configure(options, VerificationService::SandboxStart::Later)) {
        return fail(options.training ? Error::SandboxFailed : Error::NoCredentials, m_service->errorString());
    }
    return true;
}

Actor Session::trainee()
{
    Actor actor = Actor::localUser();
    actor.name = QStringLiteral("trainee");
    actor.role = QLatin1String(Role::reviewer);
    return actor;
}

Result<Actor> Session::ownerOf(AuditStore& history, bool training)
{
    const Result<bool> accounts = history.hasAccounts();
    if (!accounts)
        return accounts.failure();
    if (*accounts)
        return ::Failure(ErrorCode::SignInFailed, tr("This history has accounts: sign in to use it."));
    if (training)
        return trainee();
    Actor owner = Actor::localUser();
    owner.role = QLatin1String(Role::supervisor);
    return owner;
}

Session::HistoryChoice Session::historyFor(const Settings& settings, bool training, const QString& historyLocation)
{
    if (training && historyLocation.isEmpty())
        return { TrainingHistory::defaultPath(), true };
    return { historyLocation.isEmpty() ? settings.value(Settings::historyLocation) : historyLocation, false };
}

bool Session::openHistory(const Request& request, Failure* failure)
{
    const bool training = isTraining();
    const HistoryChoice choice = historyFor(m_settings, training, request.historyLocation);
    Result<std::unique_ptr<AuditStore>> opened = choice.trainingDefault
        ? (request.openTrainingHistoryWith ? request.openTrainingHistoryWith(choice.location)
                                           : TrainingHistory::open(choice.location))
        : request.openHistoryWith(choice.location);
    if (!opened) {
        *failure = { opened.error() == ErrorCode::Cancelled ? Error::Cancelled : Error::HistoryUnavailable,
            opened.message() };
        return false;
    }
    m_history = std::move(*opened);
    const Result<Actor> actor = request.signIn ? request.signIn(*m_history) : ownerOf(*m_history, training);
    if (!actor) {
        Error error = Error::HistoryUnavailable;
        if (actor.error() == ErrorCode::Cancelled)
            error = Error::Cancelled;
        else if (actor.error() == ErrorCode::SignInFailed)
            error = Error::SignInFailed;
        *failure = { error, actor.message() };
        return false;
    }
    m_actor = *actor;
    const Result<void> recorded =
        ConfigurationAudit::record(*m_history, m_actor, m_settings, m_service->credentials(), m_service->isTraining());
    if (!recorded) {
        *failure = { Error::HistoryUnavailable, recorded.message() };
        return false;
    }
    m_service->setActor(m_actor);
    m_service->setHistory(m_history.get());
    if (!m_service->replaySpool()) {
        *failure = { Error::HistoryUnavailable, m_service->errorString() };
        return false;
    }
    return true;
}
