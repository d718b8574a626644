#pragma once

#include "api/ApiClient.h"
#include "batch/BatchInput.h"
#include "batch/BatchJournal.h"
#include "batch/BatchOutcome.h"
#include "history/BatchBegun.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <atomic>
#include <memory>

class HistoryWriter;
class VerificationCall;
class VerificationService;
struct Actor;
struct CaseSummary;
struct VerificationResult;

// A batch verification on a VerificationService that has a history: every row that passed the pre-check becomes a
// case recorded before it is sent, exactly as a single verification (VerificationService::submit), several at a
// time up to maxInFlight over the client's kept-alive connections and within its rate limit.
//
// Resumable. Each row's MerchantBizId is its own (the file's) or the journal's (BatchJournal::merchantBizIdFor), so
// before sending anything a resumed run (BatchJournal::resumed) asks the history, on its writer thread, for the latest
// case of every row (a new batch has none):
//   - answered (completed, reviewed): not sent again; the outcome comes from the history;
//   - failed or refused by the service, or created but never sent (no attempt recorded): not billed, so sent again
//     (as a new case linked to the earlier one, under the same MerchantBizId);
//   - sent without an answer (outcome unknown, or pending with an attempt): may have been billed, so listed as
//     Unknown and not sent again, unless retryUnknown.
//
// Calls in flight: as many as the rate limit keeps busy at the answers' latency (rate × latency, plus one), at most
// maxInFlight, so that a call recorded as sent never waits long for its slot: a batch killed at any moment leaves only
// the calls really in flight as unknown. A call leaves its slot when nothing more of it goes out
// (VerificationCall::sendingEnded), so the next row is sent while the last one's outcome is still being recorded. As
// many cases again are recorded ahead of their turn and held (VerificationCall::holdUntilReleased), so that a free slot
// sends the next row without waiting for the history to record its case; a held case has no attempt, so a run killed or
// cancelled before its turn sends it again when resumed, like any case created but never sent.
//
// Throttling (403/429 Throttling*) slows the whole batch: the rate limit halves and fewer calls run at once; after a
// run of answers without throttling they grow back towards the configured limit.
//
// If the history stops recording, nothing more is sent and stopReason() says why. cancel() sends nothing more; the
// calls in flight finish (their answers may be billed and are recorded).
class BatchRun : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int maxInFlight = ApiClient::maxConcurrentCalls(); // each on a connection of its own
        bool retryUnknown = false;
        // Recorded in the history before anything is sent (BatchStart::configure), so that every workstation
        // sharing it sees the list begun. With checkEarlier, a list another batch began in that history stops the
        // run before anything is sent (earlierInHistory()).
        std::optional<BatchBegun> claim;
        bool checkEarlier = false;
    };
    struct Counts
    {
        int total = 0;
        int finished = 0; // rows with their outcome (refused rows and earlier answers included)
        int passed = 0;
        int notPassed = 0;
        int refused = 0;
        int errors = 0;
        int unknown = 0;
        int notSent = 0;
        int fromHistory = 0; // answered by an earlier run
        int sent = 0; // submitted by this run
        int throttled = 0; // attempts answered with throttling
    };

    BatchRun(VerificationService& service,
        const BatchInput& input,
        BatchJournal journal,
        Options options,
        QObject* parent = nullptr);
    ~BatchRun() override;

    void start();
    void cancel();
    void cancel(const QString& reason); // as cancel(), saying why (stopReason())
    bool isFinished() const { return m_finished; }
    // Finished with every row answered, refused or unknown: nothing left that running the batch again would send
    // (unknown rows only with --retry-unknown).
    bool isSettled() const;
    QString stopReason() const { return m_stopReason; }
    // The actor's role may not verify (the history recorded the refusal); nothing was sent.
    bool notPermitted() const { return m_notPermitted; }
    // The run stopped because the audit history could not record or be read (stopReason() says why): the rows not
    // yet sent were not sent, whatever became of the others.
    bool historyFailed() const { return m_historyFailed; }
    // Another batch of the same list was begun in the history (on this workstation or another): nothing was sent,
    // and stopReason() says who began it, where and when.
    const std::optional<BatchBegun>& earlierInHistory() const { return m_earlierInHistory; }

    const QList<BatchRow>& rows() const { return m_rows; }
    const QList<BatchOutcome>& outcomes() const { return m_outcomes; }
    Counts counts() const;
    // The rate limit now applied (queries per second; 0: none), after throttling adjustments.
    double currentQps() const;
    // "12/40 rows · 4.1/s · 0:07 left · passed 9 · not passed 1 · refused 1 · errors 0 · unknown 1", then
    // " · not sent 28" once a stopped batch has rows it did not send, translated: the CLI's progress line and the app's
    // status under the progress bar. perSecond: rows answered per second so far.
    static QString progressText(const Counts& counts, double perSecond);
    // Rows this run has answered per second since start() (0 in its first fifth of a second, unless it is over); for
    // display only.
    double answeredPerSecond() const;
    // The rows recorded in the history by their case index (BatchJournal::cases), once the run has begun.
    QHash<QByteArray, QString> cases() const;
    // Rows that took the MerchantBizId of the same case in the list this batch followed at its output and were
    // settled from the history (not sent).
    int carriedRows() const;

signals:
    void progress();
    void finished();

private:
    // With each row's case index: carries the MerchantBizIds of the list this batch followed (BatchJournal::carried),
    // then finds the earlier cases of the rows that may have one, then resolve().
    void lookEarlier(HistoryWriter* writer, const Actor& actor, const QList<QByteArray>& indexes);
    void resolve(const QHash<QString, CaseSummary>& latest);
    void sendMore();
    void submitRow(int index); // records the row's case, held
    void releaseRow(int index); // sends it
    void cancelHeld(); // the held calls end, never sent
    void callFinished(int index, VerificationCall* call);
    void attemptFinished(const VerificationResult& result);
    void setRateFactor(double factor);
    void restoreRate(); // the client's rate as the batch found it
    ApiClient* ownClient() const; // the client the batch started with, while it is still the service's
    int inFlightLimit() const;
    void stop(const QString& reason);
    void stopForHistory(const QString& reason); // stop, because of the history (historyFailed())
    void finishIfDone();
    // A batch recorded in the history that sent nothing after all does not hold its list back.
    void forgetClaimIfUnsent();
    // Translated: the list was begun before by that batch (training: nothing was billed).
    static QString alreadyBegun(const BatchBegun& earlier, bool training);
    // Every change of a row's outcome goes through settle(), which keeps the counts (m_tally) in step: counts() is
    // asked at every answer, and counting all rows each time made a long batch quadratic.
    void settle(int index, const BatchOutcome& outcome);
    static void tally(Counts& counts, const BatchOutcome& outcome, int sign);

    VerificationService& m_service;
    QList<BatchRow> m_rows;
    QList<BatchOutcome> m_outcomes;
    Counts m_tally; // of m_outcomes: all but total, sent and throttled
    QHash<int, QString> m_reverifyOf; // row index -> the earlier case it is sent again for
    QHash<QString, int> m_rowOf; // MerchantBizId -> row index
    QSet<int> m_bizIdGiven; // rows whose MerchantBizId the file gave (not the journal's)
    QHash<int, int> m_sendSeq; // row index -> the order it was sent in
    BatchJournal m_journal;
    QHash<int, QByteArray> m_caseIndex; // row index -> PiiVault::caseIndex (empty for refused rows)
    QSet<int> m_carried; // rows that took the MerchantBizId of the list this batch followed
    Options m_options;
    QList<int> m_queue; // rows still to send
    QList<int> m_held; // rows submitted and held, in order
    // row index -> its call, until it finished; guarded: the service owns its calls and may be gone first
    QHash<int, QPointer<VerificationCall>> m_calls;
    QSet<int> m_released; // rows of m_calls released (sent) and still sending: the calls in flight
    int m_sent = 0;
    int m_throttled = 0;
    int m_slowedAtSeq = -1; // calls sent before the last slow-down do not slow it down again
    int m_calmAnswers = 0; // answers without throttling since the last change of rate
    double m_configuredQps = 0;
    double m_rateFactor = 1.0;
    double m_configuredBurst = 1.0;
    QPointer<ApiClient> m_client; // the service's client when the batch started
    bool m_lookupPending = false; // the history is being asked which rows were answered before (stop() waits for it)
    double m_latencyMs = 0; // moving average of the answers' latency
    bool m_started = false;
    QElapsedTimer m_elapsed;
    bool m_stopped = false;
    bool m_finished = false;
    bool m_notPermitted = false;
    bool m_historyFailed = false;
    // Whether options.claim was recorded in the history by this run: set on the writer thread by the claim, read
    // there by the forget posted behind it.
    std::shared_ptr<std::atomic_bool> m_claimRecorded = std::make_shared<std::atomic_bool>(false);
    // Set by stop(): the history lookup of earlier answers ends at its next row.
    std::shared_ptr<std::atomic_bool> m_lookupCancelled = std::make_shared<std::atomic_bool>(false);
    qint64 m_claimHeadSeq = -1; // BatchClaim::headSeq: where the batch's own cases begin in the history
    std::optional<BatchBegun> m_earlierInHistory;
    QString m_stopReason;
};
