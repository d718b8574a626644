#pragma once

#include "api/ApiClient.h"
#include "api/VerificationResult.h"
#include "base/Actor.h"
#include "base/Result.h"
#include "crypto/SandboxCa.h"
#include "domain/CaseInput.h"
#include "domain/CaseValidator.h"
#include "session/RecordedCase.h"
#include "session/VerificationCall.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <future>
#include <memory>
#include <optional>

class AuditStore;
class Clock;
class HistoryWriter;
class Random;
struct CaseSummary;
class SandboxServer;
class SharedRateBudget;
struct CaseRecord;

// What the GUI and the CLI call to verify a case: local pre-check, then (once the audit history exists) the case is
// saved before the network call, then the signed call through ApiClient, then the outcome is recorded.
// Widgets never touch ApiClient or SQL directly.
class VerificationService : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool training = true; // embedded sandbox + training AccessKey
        ClientConfig client; // endpoint etc.; in training mode the endpoint and CA are the sandbox's
        Credentials credentials; // ignored in training mode
        QString longTermValue = QString::fromUtf8(VerificationRequest::defaultLongTermValue);
        // Time (timeouts, back-off, rate limit, signature dates) and randomness (nonces, jitter) of the client;
        // nullptr: the system's. Tests pass fakes. Not owned.
        Clock* clock = nullptr;
        Random* random = nullptr;
    };

    explicit VerificationService(QObject* parent = nullptr);
    ~VerificationService() override;

    // In training mode, when the sandbox starts: at once, or (Later) its certificates load on a thread of their own
    // and startSandbox() starts it (the GUI's first frame does not wait for them).
    enum class SandboxStart
    {
        Now,
        Later
    };
    // Starts the sandbox in training mode (or its certificates loading, Later). Returns false with errorString() when
    // it cannot.
    bool configure(const Options& options, SandboxStart start = SandboxStart::Now);
    // After configure(..., Later): waits for the certificates, starts the sandbox and makes the client (until then
    // nothing can be submitted). True at once when nothing waits; false with errorString() when it cannot start.
    bool startSandbox();
    bool sandboxStarting() const { return m_sandboxCa.valid(); }
    // Changes the running service's endpoint, CA, limits, long-term value and credentials (settings changed while
    // the application runs; configure() again would restart the sandbox). Training stays training, with the sandbox
    // as its endpoint and its public key; the clock and randomness stay. A call in flight is never touched: while
    // one runs, the new options wait (hasPendingOptions()) and apply once no call is in flight, before the next call
    // is sent. False with errorString() in live mode without valid credentials; nothing changes then.
    bool reconfigure(const Options& options);
    bool hasPendingOptions() const { return m_pendingOptions.has_value(); }
    QString errorString() const { return m_error; }
    // What replaySpool() set aside, said for the person at the desk (empty when nothing was): the history is opened
    // before a window or a command can listen, so they ask for it once it is open.
    QString spoolNotice() const { return m_spoolNotice; }
    // The words of a notice that records of the spool were set aside (count), in badPath.
    static QString setAsideNotice(int count, const QString& badPath);
    bool isTraining() const { return m_options.training; }
    const Options& options() const { return m_options; }
    // The credentials given (in training mode the sandbox's public key is used instead).
    const Credentials& credentials() const { return m_options.credentials; }
    ApiClient* client() const { return m_client.get(); }
    SandboxServer* sandbox() const { return m_sandbox.get(); }

    // The date the pre-check calls today: the date in China Standard Time (UTC+8), where card dates live.
    static QDate today();
    // The audit history every case and attempt is recorded in (not owned; nullptr: nothing is recorded). With a
    // history, a case is written before its network call, and a case that cannot be written is not sent.
    // Writes go through a HistoryWriter: its own instance of the history on a thread of its own.
    void setHistory(AuditStore* history);
    AuditStore* history() const { return m_history; }
    // Who the history records for the cases submitted from now on (default: Actor::localUser()).
    void setActor(const Actor& actor) { m_actor = actor; }
    const Actor& actor() const { return m_actor; }
    // The history's writer thread (nullptr without a history).
    HistoryWriter* writer() const { return m_writer.get(); }
    // Where the rate limit's slots come from (FileRateBudget, HistoryRateBudget); not owned, kept across
    // reconfigure(). nullptr: this process's own limit.
    void setRateBudget(SharedRateBudget* budget);
    // Writes what waits in the history's spool (answers the history could not record) into the history. False with
    // errorString() when it still cannot; submit() calls it first and sends nothing new until it succeeds.
    bool replaySpool();

    // Local checks only; nothing is sent.
    QList<ValidationIssue> precheck(const CaseInput& input) const;
    // The parameters that would be sent for this case (MerchantBizId generated when the case has none).
    VerificationRequest buildRequest(const CaseInput& input) const;
    // A recorded case taken up again, on the writer thread (the reveal is an audited write): done gets it on
    // context's thread. See RecordedCase::forReverification (reason: recorded with the reveal, default
    // "re-verification") and RecordedCase::forRetry (the same MerchantBizId). The records are the current actor's.
    void caseForReverification(
        const QString& caseId, const QString& reason, QObject* context, std::function<void(Result<RecordedCase>)> done);
    void caseForRetry(const QString& caseId, QObject* context, std::function<void(Result<RecordedCase>)> done);
    // Refuses with InvalidArgument when precheck has a blocking issue, or a warning and !warningsAcknowledged
    // (Unavailable when the service is not configured). Otherwise returns the call at once, before anything happens:
    // the case is recorded on the writer thread (call->recorded() follows), then sent, each attempt recorded before
    // it leaves; call->finished() comes once, after the outcome was recorded (or spooled: result.unrecorded). A case
    // the history refuses ends as NotRecorded. With reverifyOf, the new case is linked to that earlier case by a
    // reverify_link event. The call's records are the current actor's.
    Result<VerificationCall*> submit(
        const CaseInput& input, bool warningsAcknowledged, const QString& reverifyOf = QString());

signals:
    // Every call, as QNetworkAccessManager::finished(QNetworkReply*) reports every reply: for whoever watches all
    // of them (status, dashboards, tests). The call's own signals come first.
    void submitted(VerificationCall* call, const QString& merchantBizId); // from submit(), before it returns
    void recorded(VerificationCall* call, const QString& caseId);
    void attemptStarted(VerificationCall* call, int attempt);
    void finished(VerificationCall* call, const VerificationResult& result);
    // Writing to the audit history failed after the call started; the message names what was not recorded and
    // where it is kept (the spool) until the history is back.
    void historyError(const QString& message);
    // Something the history did that the user must know of, though nothing failed: records of the spool set aside
    // (not written) when a case's replay did; those set aside when the history was opened: spoolNotice().
    void historyNotice(const QString& message);
    // The checkpoints written with the calls could not be copied to the anchor folder (setting
    // history/anchorDirectory): the history is intact, its outside copies are missing.
    void anchorError(const QString& message);
    // The checkpoints written with the calls were copied to the anchor folder (after each one that was due).
    void anchorsCopied();

private:
    friend class VerificationCall;
    void cancel(VerificationCall* call);
    void finishWithoutRetry(VerificationCall* call);
    void forget(VerificationCall* call); // a call deleted before it finished
    void takeUp(QObject* context,
        std::function<void(Result<RecordedCase>)> done,
        std::function<Result<RecordedCase>(AuditStore&)> work);
    CaseRecord caseRecord(
        const VerificationRequest& request, const QStringList& warnings, const QString& reverifyOf) const;
    void startCall(VerificationCall* call);
    // Builds the client for options (in training mode on the running sandbox).
    void makeClient(const Options& options);
    // Applies options waiting for the calls in flight, once there is none.
    void applyPendingOptions();
    // VerificationRecording.cpp: the writes of a call, on the writer thread, and their answers here.
    void createCase(VerificationCall* call, const CaseRecord& record, const QString& reverifyOf);
    void caseCreated(VerificationCall* call, const QString& caseId, const QString& error);
    void recordAttempt(VerificationCall* call, int attempt, ApiClient::Proceed proceed);
    void recordAttemptFinished(VerificationCall* call, int attempt, const VerificationResult& result);
    void completeCall(VerificationCall* call, const VerificationResult& result); // records the outcome, then finishCall
    void endSending(VerificationCall* call); // emits its sendingEnded(), once
    void finishCall(VerificationCall* call, VerificationResult result);
    void reportUnrecorded(int outcome, const QString& error, const QString& spoolPath);

    Options m_options;
    std::optional<Options> m_pendingOptions;
    Actor m_actor;
    AuditStore* m_history = nullptr;
    std::unique_ptr<HistoryWriter> m_writer;
    // The case each caseForRetry took up, as recorded: the next submit of that very case (every field the same) with
    // it as reverifyOf keeps its MerchantBizId even when its shape is refused for new cases
    // (CaseValidator::keepingRecordedMerchantBizId); used once.
    QHash<QString, CaseInput> m_retries;
    QString m_error;
    QString m_spoolNotice;
    std::unique_ptr<SandboxServer> m_sandbox;
    std::future<SandboxCa> m_sandboxCa; // configure(..., Later) until startSandbox()
    std::unique_ptr<ApiClient> m_client;
    SharedRateBudget* m_rateBudget = nullptr;
};
