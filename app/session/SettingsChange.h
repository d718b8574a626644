#pragma once

#include "base/Result.h"
#include "session/VerificationService.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

class SecretStore;
class Settings;

// A change of settings made while the application runs (the settings dialog): who may make it, writing it, recording
// it, and what the running verification service takes from it.
class SettingsChange
{
    Q_DECLARE_TR_FUNCTIONS(SettingsChange)
public:
    struct Value
    {
        QString key; // a Settings key name
        QVariant value; // of the key's type
    };
    // Work that must succeed before anything is written, such as keeping a secret in the keychain; its error stops
    // the change.
    using Prepare = std::function<Result<void>()>;
    using Done = std::function<void(Result<QStringList>)>;

    // Writes values into settings if the service's actor may (service nullptr: nobody to ask or record; the form
    // alone, in tests). Personal values alone (the language) need no role;
    // any other needs Access::Operation::ChangeSettings, judged by the history on the service's writer thread (which
    // records a refusal as access_refused), or by the actor's role when there is no history. Then, on context's
    // thread: prepare (may be empty), the values are written and synced, announced (Settings::notifier), and
    // recorded as one settings_changed event naming the keys, never the values. done gets the keys written, or the
    // refusal (PermissionDenied) or prepare's error, and then nothing was written. The GUI thread never waits for
    // the history.
    static void apply(VerificationService* service,
        Settings& settings,
        const QList<Value>& values,
        const Prepare& prepare,
        QObject* context,
        const Done& done);

    // Whether a change of these keys concerns the verification service (endpoint, CA, limits, long-term value, the
    // AccessKey kept in the keychain).
    static bool concernsService(const QStringList& keys);
    // The service's options from the settings, the rest (clock, randomness, credentials) as in current. keychain
    // (may be nullptr): where the AccessKey saved in Settings is, read again when refreshCredentials.
    static Result<VerificationService::Options> serviceOptions(const Settings& settings,
        const VerificationService::Options& current,
        SecretStore* keychain,
        bool refreshCredentials);
    // serviceOptions, then VerificationService::reconfigure. A failure leaves the service as it was.
    static Result<void> applyToService(
        VerificationService& service, const Settings& settings, const QStringList& keys, SecretStore* keychain);

private:
    static void write(VerificationService* service,
        Settings& settings,
        const QList<Value>& values,
        const Prepare& prepare,
        const Done& done);
};
