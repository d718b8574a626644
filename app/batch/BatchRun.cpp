#include "BatchRun.h"

#include "api/ApiClient.h"
#include "base/Access.h"
#include "base/Language.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "session/HistoryWriter.h"
#include "session/VerificationCall.h"
#include "session/VerificationService.h"

#include <QLocale>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <memory>
#include <utility>

namespace {

// The product's limit, used as the starting point when a batch without a limit is throttled.
constexpr double productQps = 10.0;
constexpr double minRateFactor = 1.0 / 64;
// Answers without throttling before the rate grows again, and by how much.
constexpr int calmAnswersToGrow = 10;
constexpr double growth = 1.25;
// A row's own MerchantBizId counts as answered by a case of it recorded after the batch was claimed in the history
// (BatchClaim::headSeq: the history's order). A batch whose claim does not say (claimed by an older version, or in a
// table without the column, or claimed only when resumed, or not claimed) falls back to the cases' times, from this
// long before the batch began: each case's time is its workstation's clock, and a workstation sharing the history may
// be behind the one that began the list (a PC whose clock keeps local time is 8 hours off in China). An answer it
// recorded must not look older than the batch and be sent, and billed, again.
constexpr qint64 clockSkewAllowedSeconds = qint64 { 24 } * 3600;

using Latest = Result<QHash<QString, CaseSummary>>;

// What the writer thread finds before a batch sends anything: each row's case index, and the latest case of each
// MerchantBizId that may already have one.
struct Lookup
{
    QList<QByteArray> indexes; // per row; empty for refused rows
    Latest latest = QHash<QString, CaseSummary>();
    // The batch's record in the history (Options::claim): the earlier batch of the list found there, or why the
    // record could not be kept.
    Result<BatchClaim> claimed = BatchClaim();
};

// What to look up for a row: its MerchantBizId, from when (the file's own ids count only from the batch's start: the
// same id in an older, unrelated case does not make a row answered), and for a row that took the id of the list this
// batch followed, its ID number: only a case of the same card counts.
struct Wanted
{
    QString bizId;
    bool sinceStart = false;
    QString idNumber;
};

// Where the batch's own cases begin: after the chain's event afterSeq, else (-1) from the time from.
struct BatchSince
{
    qint64 afterSeq = -1;
    QDateTime from;
};

// The latest case of each MerchantBizId, whoever recorded it (another reviewer may have begun the list), on the
// writer thread. A cancel ends it once it has looked up the first rowsBeforeCancel rows (a list of any usual size is
// looked up whole, so that its earlier answers are reported; a huge one stops within a second or so): the rows not
// looked up are not sent (BatchRun::resolve).
Latest findLatest(AuditStore* store,
    const QString& openError,
    const Actor& actor,
    const QList<Wanted>& wanted,
    const BatchSince& since,
    const std::atomic_bool& cancelled)
{
    if (!store)
        return Failure(ErrorCode::Unavailable, openError);
    constexpr int rowsBeforeCancel = 1000;
    QHash<QString, CaseSummary> latest;
    int looked = 0;
    for (const Wanted& each : wanted) {
        if (cancelled && looked >= rowsBeforeCancel)
            break;
        ++looked;
        HistoryQuery query;
        query.merchantBizId = each.bizId;
        query.idNumber = each.idNumber;
        if (each.sinceStart && since.afterSeq >= 0)
            query.afterSeq = since.afterSeq;
        else if (each.sinceStart)
            query.from = since.from;
        const Result<std::optional<CaseSummary>> found = store->latestSent(actor, query);
        if (!found)
            return found.failure();
        if (*found)
            latest.insert(each.bizId, **found);
    }
    return latest;
}

} // namespace

BatchRun::BatchRun(
    VerificationService& service, const BatchInput& input, BatchJournal journal, Options options, QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_rows(input.rows())
    , m_outcomes(m_rows.size())
    , m_journal(std::move(journal))
    , m_options(std::move(options))
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        BatchRow& row = m_rows[i];
        if (row.input.merchantBizId.isEmpty())
            row.input.merchantBizId = m_journal.merchantBizIdFor(row.number);
        else
            m_bizIdGiven.insert(static_cast<int>(i));
        m_outcomes[i].merchantBizId = row.input.merchantBizId;
        if (row.refused()) {
            BatchOutcome refused = m_outcomes[i];
            refused.kind = BatchOutcome::Kind::Refused;
            QStringList reasons;
            for (const ValidationIssue& each : row.issues) {
                if (each.blocking)
                    reasons.append(each.message);
            }
            refused.explanation = reasons.join(u' ');
            settle(static_cast<int>(i), refused);
        } else {
            m_rowOf.insert(row.input.merchantBizId, static_cast<int>(i));
        }
    }
}

BatchRun::~BatchRun()
{
    // Gone before its turn came (a dialog closed meanwhile): the held calls end, never sent; the calls in flight
    // finish and are recorded. Stopped first: a held call that ends at once (the history already closed) sends
    // nothing more from here.
    m_stopped = true;
    cancelHeld();
    restoreRate();
}

void BatchRun::restoreRate()
{
    // The client is the session's: its next verification (or batch) starts at the configured rate, not at the
    // slowed one this batch's throttling left.
    if (!m_started || m_rateFactor == 1.0)
        return;
    m_rateFactor = 1.0;
    if (ApiClient* client = ownClient())
        client->rateLimiter().setRate(m_configuredQps, m_configuredBurst);
}

ApiClient* BatchRun::ownClient() const
{
    // A settings change between calls replaces the service's client (applyPendingOptions): the new one has the
    // rate the person just chose, which the batch neither slows down nor sets back.
    ApiClient* current = m_service.client();
    return current && current == m_client ? current : nullptr;
}

void BatchRun::cancelHeld()
{
    const QList<int> held = m_held;
    for (const int index : held) {
        if (VerificationCall* call = m_calls.value(index))
            call->cancel();
    }
}

void BatchRun::start()
{
    if (m_started)
        return;
    m_started = true;
    m_elapsed.start();
    ApiClient* client = m_service.client();
    HistoryWriter* writer = m_service.writer();
    if (!client) {
        stop(tr("The verification service is not configured."));
        return;
    }
    if (!writer) {
        stopForHistory(tr("The verification service has no history: a batch records every case before it is sent."));
        return;
    }
    m_client = client;
    m_configuredQps = client->rateLimiter().qps();
    m_configuredBurst = client->rateLimiter().burst();
    connect(client, &ApiClient::attemptFinished, this, [this](quint64, int, const VerificationResult& result) {
        attemptFinished(result);
    });
    QStringList keys;
    for (const BatchRow& row : std::as_const(m_rows))
        keys.append(row.refused() ? QString() : BatchInput::caseKey(row.input));
    const Actor actor = m_service.actor();
    const std::optional<BatchBegun> claim = m_options.claim;
    const bool checkEarlier = m_options.checkEarlier;
    const std::shared_ptr<std::atomic_bool> recorded = m_claimRecorded;
    m_lookupPending = true;
    writer->run<Lookup>(
        [writer, keys, actor, claim, checkEarlier, recorded](AuditStore* store) {
            Lookup lookup;
            if (!store) {
                lookup.latest = Failure(ErrorCode::Unavailable, writer->openError());
                return lookup;
            }
            if (claim) {
                lookup.claimed = store->claimBatch(actor, *claim, checkEarlier);
                *recorded = lookup.claimed && lookup.claimed->recorded;
            }
            if (lookup.claimed && !lookup.claimed->earlier)
                lookup.indexes = store->caseIndexes(keys);
            return lookup;
        },
        this,
        [this, writer, actor](const Lookup& lookup) {
            if (m_finished)
                return; // cancelled meanwhile: nothing was sent, and its record is forgotten (forgetClaimIfUnsent)
            m_lookupPending = false; // cancelled meanwhile: the lookup goes on, so that earlier answers are reported
            if (m_stopped && (!lookup.claimed || lookup.claimed->earlier)) {
                stop(m_stopReason); // cancelled: said as such, not as a refusal or another workstation's batch
                return;
            }
            if (!lookup.claimed) {
                m_notPermitted = lookup.claimed.error() == ErrorCode::PermissionDenied;
                const QString reason = tr("Nothing was sent: the batch cannot be recorded in the audit history: %1")
                                           .arg(lookup.claimed.message());
                if (m_notPermitted)
                    stop(reason);
                else
                    stopForHistory(reason);
                return;
            }
            if (lookup.claimed->earlier) {
                m_earlierInHistory = lookup.claimed->earlier;
                stop(alreadyBegun(*m_earlierInHistory, m_service.isTraining()));
                return;
            }
            if (!lookup.latest) {
                stopForHistory(tr("The audit history cannot tell which rows were already answered: %1")
                                   .arg(lookup.latest.message()));
                return;
            }
            // A resumed batch claimed only now (begun by an older version, or its claim forgotten after a run that
            // sent nothing) recorded its earlier cases before its claim: the head says nothing of them.
            m_claimHeadSeq = lookup.claimed->recorded && m_journal.resumed ? -1 : lookup.claimed->headSeq;
            lookEarlier(writer, actor, lookup.indexes);
        });
}

void BatchRun::lookEarlier(HistoryWriter* writer, const Actor& actor, const QList<QByteArray>& indexes)
{
    // A row of the list the batch followed at this output takes that row's MerchantBizId (a row whose file gives the
    // same id keeps it), so its earlier case is found below; not when another row of this list has that id.
    for (qsizetype i = 0; i < m_rows.size() && i < indexes.size(); ++i) {
        const int row = static_cast<int>(i);
        m_caseIndex.insert(row, indexes[i]);
        const QString earlierId = m_journal.carried.value(indexes[i]);
        const bool given = m_bizIdGiven.contains(row);
        if (m_rows[i].refused() || earlierId.isEmpty() || (given && m_rows[i].input.merchantBizId != earlierId)
            || m_rowOf.value(earlierId, row) != row)
            continue;
        m_rowOf.remove(m_rows[i].input.merchantBizId);
        m_rows[i].input.merchantBizId = earlierId;
        m_outcomes[i].merchantBizId = earlierId;
        m_rowOf.insert(earlierId, row);
        m_carried.insert(row);
    }
    QList<Wanted> wanted;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const int row = static_cast<int>(i);
        // A new batch's own MerchantBizIds carry its fresh id, and the file's count only from its start: only its
        // carried rows can have an earlier case.
        if (m_rows[i].refused() || (!m_journal.resumed && !m_carried.contains(row)))
            continue;
        if (m_carried.contains(row))
            wanted.append({ m_rows[i].input.merchantBizId, false, m_rows[i].input.idNumber });
        else
            wanted.append({ m_rows[i].input.merchantBizId, m_bizIdGiven.contains(row), QString() });
    }
    if (wanted.isEmpty()) {
        resolve({});
        return;
    }
    const BatchSince since { m_claimHeadSeq, m_journal.startedAt.addSecs(-clockSkewAllowedSeconds) };
    m_lookupPending = true;
    writer->run<Latest>(
        [writer, actor, wanted, since, cancelled = m_lookupCancelled](
            AuditStore* store) { return findLatest(store, writer->openError(), actor, wanted, since, *cancelled); },
        this,
        [this](const Latest& latest) {
            m_lookupPending = false;
            if (!latest) {
                stopForHistory(
                    tr("The audit history cannot tell which rows were already answered: %1").arg(latest.message()));
                return;
            }
            resolve(*latest);
        });
}

int BatchRun::carriedRows() const
{
    return static_cast<int>(
        std::count_if(m_carried.begin(), m_carried.end(), [this](int row) { return m_outcomes[row].fromHistory; }));
}

QHash<QByteArray, QString> BatchRun::cases() const
{
    QHash<QByteArray, QString> cases;
    for (auto it = m_caseIndex.cbegin(); it != m_caseIndex.cend(); ++it) {
        const BatchOutcome::Kind kind = m_outcomes[it.key()].kind;
        // Recorded in the history (answered, failed, unknown): a later list finds it there. Rows never sent are
        // sent by that list as its own.
        if (!it.value().isEmpty() && kind != BatchOutcome::Kind::Refused && kind != BatchOutcome::Kind::NotSent
            && kind != BatchOutcome::Kind::Waiting)
            cases.insert(it.value(), m_rows[it.key()].input.merchantBizId);
    }
    return cases;
}

void BatchRun::resolve(const QHash<QString, CaseSummary>& latest)
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_outcomes[i].kind != BatchOutcome::Kind::Waiting)
            continue;
        const auto found = latest.constFind(m_rows[i].input.merchantBizId);
        if (found == latest.cend()) {
            m_queue.append(static_cast<int>(i));
            continue;
        }
        const CaseSummary& earlier = *found;
        const bool answered =
            earlier.state == QLatin1String(CaseState::completed) || earlier.state == QLatin1String(CaseState::reviewed);
        const bool neverSent = earlier.state == QLatin1String(CaseState::pending) && earlier.attempts == 0;
        const bool notBilled = earlier.state == QLatin1String(CaseState::failed)
            || earlier.state == QLatin1String(CaseState::refused) || neverSent;
        if (answered) {
            settle(static_cast<int>(i), BatchOutcome::fromCase(earlier));
        } else if (notBilled || m_options.retryUnknown) {
            // The link is recorded on the earlier case, which only who may verify that case may do: a reviewer
            // resuming another's list sends the row as a case of their own, under the same MerchantBizId.
            const Actor& me = m_service.actor();
            if (Access::allows(me.role, Access::Operation::VerifyCase, me.name, earlier.actor))
                m_reverifyOf.insert(static_cast<int>(i), earlier.caseId);
            m_queue.append(static_cast<int>(i));
        } else {
            BatchOutcome outcome = m_outcomes[i];
            outcome.kind = BatchOutcome::Kind::Unknown;
            outcome.caseId = earlier.caseId;
            outcome.requestId = earlier.requestId;
            outcome.errorKind = earlier.errorKind; // as the run that sent it said (ConnectionReset, Timeout, ...)
            outcome.errorCode = earlier.errorCode;
            outcome.fromHistory = true;
            outcome.explanation = m_carried.contains(static_cast<int>(i))
                ? tr("Sent by the batch verified before with these results, without an answer: it may have been "
                     "billed, so it was not sent again. Look it up by its MerchantBizId, or run the batch again with "
                     "--retry-unknown.")
                : tr("Sent by an earlier run of this batch without an answer: it may have been billed, so it was not "
                     "sent again. Look it up by its MerchantBizId, or run the batch again with --retry-unknown.");
            settle(static_cast<int>(i), outcome);
        }
    }
    emit progress();
    if (m_stopped) {
        stop(m_stopReason); // stopped while the history was read: the rows it would send are not sent
        return;
    }
    sendMore();
}

int BatchRun::inFlightLimit() const
{
    const int limit = qMax(1, m_options.maxInFlight);
    const double qps = currentQps();
    if (qps <= 0)
        return limit;
    // Before the first answer the latency is unknown: one call finds it out.
    const double busy = qps * m_latencyMs / 1000.0;
    return qBound(1, static_cast<int>(std::ceil(busy)) + 1, limit);
}

void BatchRun::sendMore()
{
    const auto holdMore = [this] {
        while (!m_stopped && !m_queue.isEmpty() && m_held.size() < inFlightLimit())
            submitRow(m_queue.takeFirst());
    };
    holdMore();
    while (!m_stopped && !m_held.isEmpty() && m_released.size() < inFlightLimit())
        releaseRow(m_held.takeFirst());
    holdMore();
    finishIfDone();
}

void BatchRun::submitRow(int index)
{
    const Result<VerificationCall*> call = m_service.submit(m_rows[index].input, true, m_reverifyOf.value(index));
    if (!call) {
        BatchOutcome notSent = m_outcomes[index];
        notSent.kind = BatchOutcome::Kind::NotSent;
        notSent.explanation = call.message();
        settle(index, notSent);
        m_notPermitted = call.error() == ErrorCode::PermissionDenied;
        if (m_notPermitted || call.error() == ErrorCode::Unavailable) // Unavailable: the service is not configured
            stop(call.message());
        emit progress();
        return;
    }
    VerificationCall* running = *call;
    running->holdUntilReleased();
    m_held.append(index);
    m_calls.insert(index, running);
    // The call is ours once finished; it is deleted then even when the run is gone (a dialog closed meanwhile).
    connect(running, &VerificationCall::finished, running, &QObject::deleteLater);
    // Its connection is free: the next row goes out while this one's outcome is being recorded. Queued: never inside
    // the client's signal, and after the outcome's record was posted, so that it is written before the next attempt.
    connect(
        running,
        &VerificationCall::sendingEnded,
        this,
        [this, index] {
            if (m_released.remove(index))
                sendMore();
        },
        Qt::QueuedConnection);
    connect(running, &VerificationCall::finished, this, [this, index, running] { callFinished(index, running); });
}

void BatchRun::releaseRow(int index)
{
    m_released.insert(index);
    m_sendSeq.insert(index, m_sent++);
    if (VerificationCall* call = m_calls.value(index))
        call->release();
}

void BatchRun::callFinished(int index, VerificationCall* call)
{
    m_calls.remove(index);
    m_released.remove(index);
    const bool released = m_sendSeq.contains(index);
    if (!released)
        m_held.removeOne(index);
    const VerificationResult& result = call->result();
    if ((!released || result.attempts == 0) && result.status == VerificationResult::Status::Cancelled) {
        // Held when the run stopped, or released and not yet on its way (its case being recorded, its attempt waiting
        // for its rate slot): its case is recorded as never sent.
        BatchOutcome notSent = m_outcomes[index];
        notSent.kind = BatchOutcome::Kind::NotSent;
        notSent.caseId = call->caseId();
        notSent.explanation = m_stopReason;
        settle(index, notSent);
    } else {
        settle(index, BatchOutcome::fromResult(result, call->caseId()));
    }
    if (result.latencyMs > 0)
        m_latencyMs = m_latencyMs <= 0 ? static_cast<double>(result.latencyMs)
                                       : 0.8 * m_latencyMs + 0.2 * static_cast<double>(result.latencyMs);
    if (result.status == VerificationResult::Status::NotRecorded || result.unrecorded)
        stopForHistory(
            tr("The audit history stopped recording, so nothing more was sent: %1").arg(result.explanation()));
    if (result.isBusinessAnswer() && ++m_calmAnswers >= calmAnswersToGrow && m_rateFactor < 1.0) {
        m_calmAnswers = 0;
        setRateFactor(qMin(1.0, m_rateFactor * growth));
    }
    emit progress();
    sendMore();
}

void BatchRun::attemptFinished(const VerificationResult& result)
{
    if (result.error != VerificationResult::Error::Throttling)
        return;
    ++m_throttled;
    m_calmAnswers = 0;
    const int row = m_rowOf.value(result.merchantBizId, -1);
    const int seq = m_sendSeq.value(row, -1);
    // The calls already sent before the last slow-down were throttled by the old rate: one slow-down for them all.
    if (seq >= 0 && seq < m_slowedAtSeq)
        return;
    m_slowedAtSeq = m_sent;
    setRateFactor(qMax(minRateFactor, m_rateFactor / 2));
}

void BatchRun::setRateFactor(double factor)
{
    m_rateFactor = factor;
    if (ApiClient* client = ownClient())
        client->rateLimiter().setRate(currentQps());
}

double BatchRun::currentQps() const
{
    if (m_configuredQps <= 0 && m_rateFactor >= 1.0)
        return 0;
    const double base = m_configuredQps > 0 ? m_configuredQps : productQps;
    return base * m_rateFactor;
}

void BatchRun::cancel()
{
    cancel(tr("Cancelled: the rows not yet sent were not sent."));
}

void BatchRun::cancel(const QString& reason)
{
    stop(reason);
}

void BatchRun::stopForHistory(const QString& reason)
{
    if (!m_stopped)
        m_historyFailed = true;
    stop(reason);
}

void BatchRun::stop(const QString& reason)
{
    if (!m_stopped) {
        m_stopped = true;
        m_stopReason = reason;
    }
    *m_lookupCancelled = true;
    const auto notSent = [this](int index) {
        BatchOutcome outcome = m_outcomes[index];
        outcome.kind = BatchOutcome::Kind::NotSent;
        outcome.explanation = m_stopReason;
        settle(index, outcome);
    };
    for (const int index : std::as_const(m_queue))
        notSent(index);
    m_queue.clear();
    cancelHeld(); // each ends, never sent, through callFinished
    // A call on its way finishes its attempt, but is not sent again; one with nothing on its way (waiting for its
    // rate slot, or to retry after a throttled or failed attempt, unbilled) ends now, to be sent when the batch
    // resumes.
    const QSet<int> released = m_released; // a call that ends at once leaves m_released (callFinished)
    for (const int index : released) {
        if (VerificationCall* call = m_calls.value(index))
            call->finishWithoutRetry();
    }
    if (m_calls.isEmpty() && !m_lookupPending) {
        // Rows the history lookup never reached are not sent either. While it runs, it is waited for: rows
        // answered by an earlier run keep their outcome in the results (resolve() stops the rest).
        for (qsizetype i = 0; i < m_outcomes.size(); ++i) {
            if (m_outcomes[i].kind == BatchOutcome::Kind::Waiting)
                notSent(static_cast<int>(i));
        }
    }
    emit progress();
    finishIfDone();
}

void BatchRun::finishIfDone()
{
    if (m_finished || !m_calls.isEmpty() || !m_queue.isEmpty())
        return;
    if (m_tally.finished < m_rows.size())
        return; // the history has not answered yet
    m_finished = true;
    restoreRate();
    forgetClaimIfUnsent();
    emit finished();
}

void BatchRun::forgetClaimIfUnsent()
{
    HistoryWriter* writer = m_service.writer();
    // A batch resumed after earlier runs recorded cases keeps its record, whatever this run sent.
    const bool earlierRuns = m_journal.resumed && !m_journal.cases.isEmpty();
    if (!m_options.claim || m_sent > 0 || earlierRuns || !writer)
        return;
    // Posted behind the claim, which may not have answered yet (a batch cancelled at once): the writer runs them in
    // order, so this sees whether the claim wrote the record; and it runs before the session closes.
    const QString batchId = m_options.claim->batchId;
    const Actor actor = m_service.actor();
    const std::shared_ptr<std::atomic_bool> recorded = m_claimRecorded;
    writer->run<bool>(
        [actor, batchId, recorded](AuditStore* store) {
            return store && recorded->exchange(false) && store->forgetBatch(actor, batchId).ok();
        },
        this,
        [](bool) {});
}

QString BatchRun::alreadyBegun(const BatchBegun& earlier, bool training)
{
    const QString when = QLocale().toString(earlier.startedAt.toLocalTime(), QLocale::ShortFormat);
    const QString begun = tr("This list was begun as a batch in this audit history on %1 by %2 on workstation %3, "
                             "with its results in %4.")
                              .arg(when, earlier.actor, earlier.workstation, earlier.outputPath);
    const QString billed = training
        ? tr("Nothing is billed in training, but its rows would be verified twice.")
        : tr("Its rows may have been sent, and billed, then: sending the list again would bill them again.");
    return Language::joinSentences({ tr("Nothing was sent."), begun, billed });
}

void BatchRun::tally(Counts& counts, const BatchOutcome& outcome, int sign)
{
    switch (outcome.kind) {
    case BatchOutcome::Kind::Waiting:
        return;
    case BatchOutcome::Kind::Refused:
        counts.refused += sign;
        break;
    case BatchOutcome::Kind::Passed:
        counts.passed += sign;
        break;
    case BatchOutcome::Kind::NotPassed:
        counts.notPassed += sign;
        break;
    case BatchOutcome::Kind::Error:
        counts.errors += sign;
        break;
    case BatchOutcome::Kind::Unknown:
        counts.unknown += sign;
        break;
    case BatchOutcome::Kind::NotSent:
        counts.notSent += sign;
        break;
    }
    counts.finished += sign;
    if (outcome.fromHistory)
        counts.fromHistory += sign;
}

void BatchRun::settle(int index, const BatchOutcome& outcome)
{
    tally(m_tally, m_outcomes[index], -1);
    m_outcomes[index] = outcome;
    tally(m_tally, outcome, +1);
}

bool BatchRun::isSettled() const
{
    return m_finished && !m_notPermitted && m_tally.errors == 0 && m_tally.notSent == 0
        && m_tally.finished == m_rows.size();
}

BatchRun::Counts BatchRun::counts() const
{
    Counts counts = m_tally;
    counts.total = static_cast<int>(m_rows.size());
    counts.sent = m_sent;
    counts.throttled = m_throttled;
    return counts;
}

QString BatchRun::progressText(const BatchRun::Counts& counts, double perSecond)
{
    // Rows a stopped batch did not send are not done, and it has no time left to count.
    const int done = counts.finished - counts.notSent;
    const int left = counts.total - done;
    QString eta = left == 0 ? QStringLiteral("0:00") : QStringLiteral("–");
    if (perSecond > 0 && left > 0 && counts.notSent == 0) {
        const qint64 seconds = std::llround(left / perSecond);
        eta = QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return tr("%1/%2 rows · %3/s · %4 left · passed %5 · not passed %6 · refused %7 · errors %8 · unknown %9")
               .arg(done)
               .arg(counts.total)
               .arg(perSecond, 0, 'f', 1)
               .arg(eta)
               .arg(counts.passed)
               .arg(counts.notPassed)
               .arg(counts.refused)
               .arg(counts.errors)
               .arg(counts.unknown)
        + (counts.notSent > 0 ? tr(" · not sent %1").arg(counts.notSent) : QString());
}

double BatchRun::answeredPerSecond() const
{
    const Counts now = counts();
    const double seconds = m_elapsed.isValid() ? static_cast<double>(m_elapsed.elapsed()) / 1000.0 : 0.0;
    const int answered = now.finished - now.fromHistory - now.refused - now.notSent;
    // Early on a rate says little; once the run is over it is the run's own.
    return seconds > 0.2 || (m_finished && seconds > 0) ? answered / seconds : 0.0;
}
