#include "BatchStart.h"

#include "base/Language.h"
#include "batch/BatchInput.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>

BatchStart::BatchStart(BatchStart&&) noexcept = default;
BatchStart& BatchStart::operator=(BatchStart&&) noexcept = default;
BatchStart::~BatchStart() = default;

namespace {

// What the batch at the output left to send, as its journal says ("3 rows not sent and 2 rows that failed"), or that
// it did not end.
QString whatIsLeft(const BatchJournal& there)
{
    QStringList parts;
    if (there.leftNotSent > 0)
        parts.append(BatchStart::tr("%n row(s) not sent", nullptr, there.leftNotSent));
    if (there.leftFailed > 0)
        parts.append(BatchStart::tr("%n row(s) that failed without being billed", nullptr, there.leftFailed));
    if (parts.isEmpty())
        return BatchStart::tr("it did not end (it was stopped at once, killed, or the computer went down)");
    return QLocale().createSeparatedList(parts);
}

QString otherBatchUnsettled(const QString& outputPath, const BatchJournal& there)
{
    const QString when = QLocale().toString(there.startedAt.toLocalTime(), QLocale::ShortFormat);
    const QString output = QDir::toNativeSeparators(outputPath);
    const QString journal = QDir::toNativeSeparators(BatchJournal::pathFor(outputPath));
    if (!there.settled.has_value()) // written by an older build, which did not say
        return Language::joinSentences({ BatchStart::tr("Nothing was sent."),
            BatchStart::tr("%1 holds the results of a batch of another list, begun on %2, whose journal %3 was "
                           "written by an earlier version, which did not record whether that batch ended; this batch "
                           "would replace it.")
                .arg(output, when, journal),
            BatchStart::tr("If that batch ended or is no longer needed, delete %1; otherwise resume it with its own "
                           "list, or choose another results file.")
                .arg(journal) });
    return Language::joinSentences({ BatchStart::tr("Nothing was sent."),
        BatchStart::tr("%1 holds the results of a batch of another list, begun on %2, that has work left: %3. Its "
                       "journal %4 lets that list resume without sending an answered row again; this batch would "
                       "replace it.")
            .arg(output, when, whatIsLeft(there), journal),
        BatchStart::tr("Resume that batch with its own list, or choose another results file. If that batch is no "
                       "longer needed, delete %1.")
            .arg(journal) });
}

} // namespace

BatchStart BatchStart::begin(
    const BatchInput& input, const QByteArray& data, const Options& options, const QDateTime& now)
{
    BatchStart start;
    const auto refuse = [&start](const Refused& why) {
        start.m_refusal = why.refusal;
        start.m_message = why.message;
        start.m_lock.reset();
        return std::move(start);
    };
    start.m_options = options;
    start.m_lock = BatchJournal::lockFor(options.outputPath);
    if (!start.m_lock)
        return refuse({ Refusal::Busy,
            tr("Another batch is writing %1 right now; nothing was sent. Wait for it to end, or choose another "
               "results file.")
                .arg(QDir::toNativeSeparators(options.outputPath)) });
    const QByteArray list = input.listDigest();
    const std::optional<BatchJournal> there = BatchJournal::at(options.outputPath);
    bool resumed = false;
    start.m_journal = BatchJournal::forInput(options.outputPath, data, list, now, &resumed);
    if (const std::optional<Refused> kept = journalKept(options, there, start.m_journal, resumed))
        return refuse(*kept);
    start.m_journalBefore = there;
    if (start.m_journal.historyId.isEmpty()) // a new batch, or a journal of an older build: from now on it says
        start.m_journal.historyId = options.historyId;
    // A new list after a settled batch at this output, in the same history (a list corrected or extended): its rows
    // that were in that batch's list take their earlier MerchantBizId, so their answers are found, not bought again.
    // --again asks for every row to be sent.
    if (!resumed && !options.again && there && there->historyId == options.historyId)
        start.m_journal.carried = there->cases;
    // Recorded before anything is sent. A resumed batch sends no answered row again: nothing to check.
    if (!resumed && !options.historyId.isEmpty()) {
        if (const std::optional<Refused> begun = start.claim(list, options))
            return refuse(*begun);
    }
    start.m_settledBefore = start.m_journal.settled;
    start.m_journal.settled = false; // until this run ends with nothing left (a kill leaves it so)
    if (const Result<void> saved = start.m_journal.save(options.outputPath); !saved) {
        start.release(0);
        return refuse({ Refusal::JournalNotWritten, saved.message() });
    }
    return start;
}

std::optional<BatchStart::Refused> BatchStart::journalKept(
    const Options& options, const std::optional<BatchJournal>& there, const BatchJournal& ours, bool resumed)
{
    if (!there && QFileInfo(BatchJournal::pathFor(options.outputPath)).exists()) {
        const QString journal = QDir::toNativeSeparators(BatchJournal::pathFor(options.outputPath));
        return Refused { Refusal::OtherBatchUnsettled,
            Language::joinSentences({ tr("Nothing was sent."),
                tr("The journal %1 beside the results cannot be read: it is damaged, or not a batch's journal. It "
                   "may be all that lets an earlier batch resume without sending its answered rows again.")
                    .arg(journal),
                tr("If no batch needs it, delete %1; otherwise choose another results file.").arg(journal) }) };
    }
    if (!resumed && there && !there->settled.value_or(false))
        return Refused { Refusal::OtherBatchUnsettled, otherBatchUnsettled(options.outputPath, *there) };
    if (resumed && !ours.historyId.isEmpty() && ours.historyId != options.historyId)
        return Refused { Refusal::OtherHistory,
            Language::joinSentences({ tr("Nothing was sent."),
                tr("The batch of this list at %1 records its cases in another audit history (another --db, or "
                   "training and live): its answers are not in this one, so every answered row would be sent, and "
                   "billed, again.")
                    .arg(QDir::toNativeSeparators(options.outputPath)),
                tr("Resume it with the history it began in, or choose another results file.") }) };
    return std::nullopt;
}

std::optional<BatchStart::Refused> BatchStart::claim(const QByteArray& list, const Options& options)
{
    const BatchRegistry::Entry entry { m_journal.batchId,
        list,
        options.historyId,
        QFileInfo(options.outputPath).absoluteFilePath(),
        m_journal.startedAt };
    BatchRegistry registry;
    const BatchRegistry::Claim claim = registry.claim(entry, !options.again);
    // Without the workstation's record the history's own (BatchRun::Options::claim) still checks the list.
    if (!claim.warning.isEmpty())
        m_warning = Language::joinSentences({ claim.warning,
            claim.unavailable ? tr("This list is checked against the batches recorded in the audit history only.")
                              : QString() });
    if (claim.earlier)
        return Refused { Refusal::AlreadyBegun,
            Language::joinSentences(
                { tr("Nothing was sent."), BatchRegistry::alreadyBegun(*claim.earlier, options.training) }) };
    if (!claim.unavailable)
        m_claimed = entry;
    return std::nullopt;
}

void BatchStart::configure(BatchRun::Options& options) const
{
    options.checkEarlier = !m_options.again;
    options.claim.reset();
    // A resumed batch too: it is recorded already when it began here, else (stopped or refused before its record
    // was written, begun by an older version) it is checked now, before it sends anything.
    if (m_options.historyId.isEmpty() || m_journal.listSha256.isEmpty() || m_options.outputPath.isEmpty())
        return;
    BatchBegun ours;
    ours.batchId = m_journal.batchId;
    ours.listSha256 = m_journal.listSha256;
    ours.outputPath = QFileInfo(m_options.outputPath).absoluteFilePath();
    ours.startedAt = m_journal.startedAt;
    ours.training = m_options.training;
    options.claim = ours;
}

void BatchStart::finished(const BatchRun& run, bool resultsWritten)
{
    const BatchRun::Counts counts = run.counts();
    if (run.earlierInHistory()) {
        // Refused before anything was sent: the output's journal is put back as it was, so that the same command
        // is not taken later for this batch's resumption, which would skip the check.
        if (m_lock && !m_options.outputPath.isEmpty()) {
            if (m_journalBefore)
                (void)m_journalBefore->save(m_options.outputPath);
            else
                QFile::remove(BatchJournal::pathFor(m_options.outputPath));
        }
        release(0);
        return;
    }
    if (m_lock && !m_options.outputPath.isEmpty()) {
        if (counts.sent == 0)
            // Nothing sent: a new batch has nothing to resume; a resumed one is as it was.
            m_journal.settled = m_journal.resumed ? m_settledBefore.value_or(false) || run.isSettled() : true;
        else
            m_journal.settled = run.isSettled() && resultsWritten;
        // Every case this output's batches recorded stays findable: the list followed (carried), the earlier runs of
        // this one, and this run (the newest wins). A list that sent nothing, or only some of the rows, in between
        // does not make a later one send the others again.
        QHash<QByteArray, QString> cases = m_journal.carried;
        cases.insert(m_journal.cases);
        cases.insert(run.cases());
        if (cases.size() <= BatchJournal::maxCases)
            m_journal.cases = std::move(cases);
        else // beyond the cap (lists of lists), this run's rows and the earlier runs' of this batch
            m_journal.cases.insert(run.cases());
        m_journal.leftNotSent = counts.notSent;
        m_journal.leftFailed = counts.errors;
        // If it cannot be saved, the journal says "not settled" and another list is refused here: the safe side.
        (void)m_journal.save(m_options.outputPath);
    }
    release(counts.sent);
}

void BatchStart::release(int sent)
{
    // A batch that sent nothing after all (every row refused, not permitted, cancelled at once) does not hold the
    // list back.
    if (m_claimed && sent == 0)
        (void)BatchRegistry().forget(m_claimed->batchId, m_claimed->historyId);
    m_claimed.reset();
    m_lock.reset();
}
