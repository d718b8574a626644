#pragma once

#include "batch/BatchJournal.h"
#include "batch/BatchRegistry.h"
#include "batch/BatchRun.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

class BatchInput;
class QLockFile;

// How a batch begins, for the CLI and the app alike, before anything is sent: the output's lock (one run per output
// at a time), the journal (resumed or new, and written), and the record of batches (BatchRegistry): the same list
// begun earlier in this history and not resumable here is refused unless `again` (when that record cannot be kept,
// a warning: the history's own record, BatchRun::Options::claim, still checks the list). Another list's batch that left
// rows to resume at this output is not replaced. Held while the batch runs; finished() lets the lock go, marks the
// journal settled when nothing is left to resume and forgets a new batch that sent nothing after all.
class BatchStart
{
    Q_DECLARE_TR_FUNCTIONS(BatchStart)
public:
    enum class Refusal
    {
        None,
        Busy, // another run holds the output
        AlreadyBegun, // the same list, earlier, in this history (ask: again)
        JournalNotWritten,
        // The output holds the journal of another list's batch that has rows left to resume: this batch would
        // replace it, and that list could then only be verified again as a new batch, billed again.
        OtherBatchUnsettled,
        // The batch at the output records its cases in another history (another --db, training and live): its
        // answers are not in this one, so resuming it here would send every answered row again.
        OtherHistory,
    };
    struct Options
    {
        QString outputPath;
        QString historyId; // empty: no history, nothing to check against
        bool again = false;
        bool training = false; // for the messages (nothing is billed), and the history keeps its batches apart
    };

    static BatchStart begin(const BatchInput& input,
        const QByteArray& data,
        const Options& options,
        const QDateTime& now = QDateTime::currentDateTimeUtc());
    BatchStart(BatchStart&&) noexcept;
    BatchStart& operator=(BatchStart&&) noexcept;
    ~BatchStart();

    Refusal refusal() const { return m_refusal; }
    // Translated: why it was refused (nothing was sent); the caller adds how to go ahead (--again, the box).
    QString message() const { return m_message; }
    // Translated: the record of batches was damaged and set aside, or could not be kept; the batch goes ahead.
    QString warning() const { return m_warning; }
    const BatchJournal& journal() const { return m_journal; }
    bool resumed() const { return m_journal.resumed; }

    // Sets what the run records in the history before it sends anything (BatchRun::Options::claim), so that another
    // workstation sharing the history sees the list begun (nothing without a history or a list digest: a journal of
    // an older version), and whether an earlier batch of the list found there stops the run (unless again; a batch
    // recorded there already goes on).
    void configure(BatchRun::Options& options) const;

    // The run has ended; resultsWritten: its results file is. A run stopped because the history holds an earlier
    // batch of the list (BatchRun::earlierInHistory) leaves everything as it was before begin(): the journal that was
    // at the output (or none), and no record of this batch. The journal then says whether anything is left to
    // send (BatchJournal::settled), so that another list may take this output once nothing is.
    void finished(const BatchRun& run, bool resultsWritten);

private:
    struct Refused
    {
        Refusal refusal = Refusal::None;
        QString message;
    };

    BatchStart() = default;
    // Whether the journal at the output must be kept from this list: unreadable, another list's unsettled batch, or
    // this list's batch in another history. there: the journal found; resumed: this list's own.
    static std::optional<Refused> journalKept(
        const Options& options, const std::optional<BatchJournal>& there, const BatchJournal& ours, bool resumed);
    // Records a new batch of list in the record of batches; refused when the same list was begun before in this
    // history (unless again).
    std::optional<Refused> claim(const QByteArray& list, const Options& options);
    // Lets the lock go and forgets a new batch that sent nothing.
    void release(int sent);

    Refusal m_refusal = Refusal::None;
    QString m_message;
    QString m_warning;
    BatchJournal m_journal;
    Options m_options;
    std::optional<bool> m_settledBefore; // a resumed journal's, for a run that sends nothing
    std::unique_ptr<QLockFile> m_lock;
    std::optional<BatchRegistry::Entry> m_claimed; // a new batch recorded, while it may still send nothing
    std::optional<BatchJournal> m_journalBefore; // the journal begin() found at the output
};
