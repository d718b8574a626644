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
class SecretStore;
class Settings;
class SharedRateBudget;

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
        Cancelled, // the person quit the passphrase prompt or the sign-in
        SignInFailed, // nobody signed in to a history that has accounts (CLI exit 8)
    };

    struct Failure
    {
        Error error = Error::None;
        QString message;
    };

    // Opens the history at a location (empty: the default); ErrorCode::Cancelled when the person quit. The GUI asks
    // through dialogs, the CLI on the terminal.
    using HistoryOpener = std::function<Result<std::unique_ptr<AuditStore>>(const QString& location)>;
    // Who acts, once the history is open: the GUI asks with dialogs, the CLI takes --user. ErrorCode::Cancelled when
    // the person quits, SignInFailed when the sign-in failed.
    using SignIn = std::function<Result<Actor>(AuditStore& history)>;

    struct Request
    {
        bool training = false; // else live mode, which needs an AccessKey (CredentialChain)
        // Empty: in live mode the setting history/location; in training mode the training history
        // (TrainingHistory::defaultPath(), no passphrase), never the live one.
        QString historyLocation;
        QString endpoint; // empty: the settings' endpoint
        QString caFile; // empty: the settings' extra CA file
        QString longTermValue; // empty: the setting api/longTermValue
        bool openHistory = true; // false: no history (a dry run that sends nothing)
        HistoryOpener openHistoryWith;
        // Opens the training history at its path (unset: TrainingHistory::open); the GUI does it off its thread.
        HistoryOpener openTrainingHistoryWith;
        SignIn signIn; // unset: ownerOf()
        SecretStore* keychain = nullptr; // for the AccessKey saved in Settings (CredentialChain), when one was saved
        // Connections to open to the endpoint while the history opens (ApiClient::preconnect: TLS only, nothing is
        // sent before the history has recorded the case); 0: none. Live mode only (the training sandbox starts
        // after the history).
        int preconnect = 0;
    };

    // Who acts without a sign-in: on the default training history the trainee (a reviewer); on a history without
    // accounts its local owner (the operating-system user, a supervisor); on a history with accounts nobody
    // (SignInFailed).
    static Result<Actor> ownerOf(AuditStore& history, bool training);
    static Actor trainee();

    // The history open() opens: in training without a location, the training history (its key file beside it);
    // else the location asked for, or the setting's. For a caller that begins that open ahead (the CLI's batch).
    struct HistoryChoice
    {
        QString location;
        bool trainingDefault = false;
    };
    static HistoryChoice historyFor(const Settings& settings, bool training, const QString& historyLocation);

    // The one start-up path: reads and validates the settings (the long-term value included), builds the service
    // (starting the sandbox in training mode), opens the history and records configuration changes in it.
    static std::unique_ptr<Session> create(Settings& settings, const Request& request, Failure* failure);
    // The same path in two steps, for a window shown before the history is open: prepare() reads and validates the
    // settings and builds the service (in training mode the sandbox's certificates start loading on a thread of their
    // own); open() then opens the history (when request.openHistory), signs in, records configuration changes in it,
    // starts the training sandbox (Error::SandboxFailed when it cannot) and shares the rate budget. Nothing is sent
    // before open() succeeded: the service records every case in the history first.
    static std::unique_ptr<Session> prepare(Settings& settings, const Request& request, Failure* failure);
    bool open(const Request& request, Failure* failure);
    ~Session();

    Settings& settings() const { return m_settings; }
    VerificationService& verification() const { return *m_service; }
    AuditStore* history() const { return m_history.get(); }
    const Actor& actor() const { return m_actor; }
    bool isTraining() const { return m_service->isTraining(); }
    // Where the AccessKey came from and what the chain noticed (a credentials file open to others, ...).
    QStringList credentialWarnings() const { return m_credentialWarnings; }
    // The rate budget every sender shares: the team's in a PostgreSQL history, else this workstation's file.
    SharedRateBudget* rateBudget() const { return m_rateBudget.get(); }

private:
    explicit Session(Settings& settings);
    bool configure(const Request& request, Failure* failure);
    bool openHistory(const Request& request, Failure* failure);
    void shareRateBudget();

    Settings& m_settings;
    Actor m_actor;
    QStringList m_credentialWarnings;
    std::unique_ptr<AuditStore> m_history;
    std::unique_ptr<SharedRateBudget> m_rateBudget;
    std::unique_ptr<VerificationService> m_service;
};
