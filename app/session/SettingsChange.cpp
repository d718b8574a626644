#include "SettingsChange.h"

#include "api/CredentialChain.h"
#include "api/EndpointConfig.h"
#include "base/Access.h"
#include "base/Settings.h"
#include "history/AuditStore.h"
#include "session/ConfigurationAudit.h"
#include "session/HistoryWriter.h"

#include <QPointer>

namespace {

bool allPersonal(const QList<SettingsChange::Value>& values)
{
    for (const SettingsChange::Value& value : values) {
        if (!Settings::isPersonal(value.key))
            return false;
    }
    return true;
}

QStringList keysOf(const QList<SettingsChange::Value>& values)
{
    QStringList keys;
    for (const SettingsChange::Value& value : values)
        keys.append(value.key);
    return keys;
}

// Records the change on the writer thread; a refused write is reported like any other that failed.
void record(VerificationService& service, const Actor& actor, const QStringList& keys)
{
    HistoryWriter* writer = service.writer();
    if (!writer)
        return;
    QPointer<VerificationService> guard(&service);
    writer->run<Result<qint64>>(
        [actor, keys](AuditStore* store) -> Result<qint64> {
            if (!store)
                return Failure(ErrorCode::Unavailable, QString());
            return store->record(actor, QString(), Events::SettingsChanged { keys, {} });
        },
        &service,
        [guard](const Result<qint64>& written) {
            if (!written && guard && !written.message().isEmpty())
                emit guard->historyError(written.message());
        });
}

} // namespace

void SettingsChange::apply(VerificationService* service,
    Settings& settings,
    const QList<Value>& values,
    const Prepare& prepare,
    QObject* context,
    const Done& done)
{
    const Actor actor = service ? service->actor() : Actor();
    HistoryWriter* writer = service ? service->writer() : nullptr;
    if (values.isEmpty() || allPersonal(values) || !writer) {
        if (service && !values.isEmpty() && !allPersonal(values)
            && !Access::allows(actor.role, Access::Operation::ChangeSettings, actor.name, QString())) {
            done(Failure(
                ErrorCode::PermissionDenied, Access::refusal(actor.role, Access::Operation::ChangeSettings, false)));
            return;
        }
        write(service, settings, values, prepare, done);
        return;
    }
    QPointer<VerificationService> guard(service);
    writer->run<Result<Actor>>(
        [actor](AuditStore* store) -> Result<Actor> {
            if (!store)
                return Failure(ErrorCode::Unavailable, tr("The audit history is not available: settings not changed."));
            return store->authorize(actor, Access::Operation::ChangeSettings);
        },
        context,
        [guard, &settings, values, prepare, done](const Result<Actor>& authorized) {
            if (!authorized) {
                done(authorized.failure());
                return;
            }
            if (!guard) {
                done(Failure(ErrorCode::Unavailable, tr("The application is closing: settings not changed.")));
                return;
            }
            write(guard, settings, values, prepare, done);
        });
}

void SettingsChange::write(VerificationService* service,
    Settings& settings,
    const QList<Value>& values,
    const Prepare& prepare,
    const Done& done)
{
    if (prepare) {
        if (const Result<void> prepared = prepare(); !prepared) {
            done(prepared.failure());
            return;
        }
    }
    for (const Value& value : values)
        settings.setValueByName(value.key, value.value);
    const QStringList keys = keysOf(values);
    if (service && service->history())
        ConfigurationAudit::remember(settings, service->history()->historyId());
    settings.sync();
    if (service)
        record(*service, service->actor(), keys);
    settings.announce(keys);
    done(keys);
}

bool SettingsChange::concernsService(const QStringList& keys)
{
    for (const char* name : { Settings::endpointKind.name,
             Settings::customEndpoint.name,
             Settings::extraCaFile.name,
             Settings::longTermValue.name,
             Settings::rateLimitQps.name,
             Settings::timeoutSeconds.name,
             Settings::maxAttempts.name,
             Settings::keychainAccessKey.name }) {
        if (keys.contains(QLatin1String(name)))
            return true;
    }
    return false;
}

Result<VerificationService::Options> SettingsChange::serviceOptions(const Settings& settings,
    const VerificationService::Options& current,
    SecretStore* keychain,
    bool refreshCredentials)
{
    VerificationService::Options options = current;
    ClientConfig config = current.client;
    config.extraCaCertificates.clear();
    QString error;
    // In training mode the sandbox stays the endpoint: only the limits are taken, so a bad endpoint does not matter.
    if (!EndpointConfig::fromSettings(settings, &config, &error) && !current.training)
        return Failure(ErrorCode::InvalidArgument, error);
    options.client.timeoutMs = config.timeoutMs;
    options.client.maxAttempts = config.maxAttempts;
    options.client.rateLimitQps = config.rateLimitQps;
    if (!current.training) {
        options.client.endpoint = config.endpoint;
        options.client.extraCaCertificates = config.extraCaCertificates;
    }
    options.longTermValue = settings.value(Settings::longTermValue);
    if (refreshCredentials && !current.training) {
        const bool saved = !settings.value(Settings::keychainAccessKey).isEmpty();
        const Result<ResolvedCredentials> resolved =
            CredentialChain::resolve(CredentialChain::Inputs::system(saved ? keychain : nullptr));
        if (!resolved)
            return resolved.failure();
        options.credentials = resolved->credentials;
    }
    return options;
}

Result<void> SettingsChange::applyToService(
    VerificationService& service, const Settings& settings, const QStringList& keys, SecretStore* keychain)
{
    if (!concernsService(keys))
        return {};
    const bool refresh = keys.contains(QLatin1String(Settings::keychainAccessKey.name));
    const Result<VerificationService::Options> options = serviceOptions(settings, service.options(), keychain, refresh);
    if (!options)
        return options.failure();
    if (!service.reconfigure(*options))
        return Failure(ErrorCode::InvalidArgument, service.errorString());
    return {};
}
