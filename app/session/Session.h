#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "session/VerificationService.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class AuditStore;
class Settings;

// A running eKYC Desk, as the GUI and the CLI both use it: the settings read once, the verification service in
// training or live mode, the audit history with its keys unlocked, and the actor. Built by Session::create only.
class Session
{
    Q_DECLARE_TR_FUNCTIONS(Session)
public:
    // Why a session could not be built; the message says it in words.
    enum class Error
    {
        None,
        BadSettings, // a setting or command-line value is not valid (CLI exit 3)
        NoCredentials, // live mode without an AccessKey (CLI exit 3)
        SandboxFailed, // training mode: the sandbox did not start (CLI exit 3)
        HistoryUnavailable, // the history or its keys cannot be opened (CLI exit 6)
        Cancelled, // the person quit the passphrase prompt
    };

    struct Failure
    {
        Error error = Error::None;
        QString message;
    };

    // Opens the history at a location (empty: the default); ErrorCode::Cancelled when the person quit. The GUI asks
    // through dialogs, the CLI on the terminal.
    using HistoryOpener = std::function<Result<std::unique_ptr<AuditStore>>(const QString& location)>;

    struct Request
    {
        bool training = false; // else live mode, which needs an AccessKey in the environment
        QString historyLocation; // empty: the setting history/location
        QString endpoint; // empty: the settings' endpoint
        QString caFile; // empty: the settings' extra CA file
        QString longTermValue; // empty: the setting api/longTermValue
        bool openHistory = true; // false: no history (a dry run that sends nothing)
        HistoryOpener openHistoryWith;
    };

    // The one start-up path: reads and validates the settings (the long-term value included), builds the service
    // (starting the sandbox in training mode), opens the history and records configuration changes in it.
    static std::unique_ptr<Session> create(Settings& settings, const Request& request, Failure* failure);
    ~Session();

    Settings& settings() const { return m_settings; }
    VerificationService& verification() const { return *m_service; }
    AuditStore* history() const { return m_history.get(); }
    const Actor& actor() const { return m_actor; }
    bool isTraining() const { return m_service->isTraining(); }

private:
    explicit Session(Settings& settings);
    bool configure(const Request& request, Failure* failure);
    bool openHistory(const Request& request, Failure* failure);

    Settings& m_settings;
    Actor m_actor;
    std::unique_ptr<AuditStore> m_history;
    std::unique_ptr<VerificationService> m_service;
};
