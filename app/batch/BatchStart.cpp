#include "BatchStart.h"

#include "base/Language.h"
#include "batch/BatchInput.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>

BatchStart::BatchStart(BatchStart&&) noexcept = default;
BatchStart& BatchStart::operator=(BatchStart&&) noexcept = default;
BatchStart::~BatchStart() = default;

namespace {

QString otherBatchUnsettled(const QString& outputPath, const BatchJournal& there)
{
    const QString when = QLocale().toString(there.startedAt.toLocalTime(), QLocale::ShortFormat);
    const QString journal = QDir::toNativeSeparators(BatchJournal::pathFor(outputPath));
    return Language::joinSentences({ BatchStart::tr("Nothing was sent."),
        BatchStart::tr("%1 holds the results of a batch of another list, begun on %2, that left rows to resume (not "
                       "sent, not answered or failed, or the batch did not end). Its journal %3 lets that list resume "
                       "without sending an answered row again; this batch would replace it.")
            .arg(QDir::toNativeSeparators(outputPath), when, journal),
        BatchStart::tr("Resume that batch with its own list, or choose another results file. If that batch is no "
                       "longer needed, delete %1.")
            .arg(journal) });
}

} // namespace

BatchStart BatchStart::begin(
    const BatchInput& input, const QByteArray& data, const Options& options, const QDateTime& now)
{
    BatchStart start;
    const auto refuse = [&start](Refusal refusal, const QString& message) {
        start.m_refusal = refusal;
        start.m_message = message;
        start.m_lock.reset();
        return std::move(start);
    };
    start.m_outputPath = options.outputPath;
    start.m_lock = BatchJournal::lockFor(options.outputPath);
    if (!start.m_lock)
        return refuse(Refusal::Busy,
            tr("Another batch is writing %1 right now; nothing was sent. Wait for it to end, or choose another "
               "results file.")
                .arg(QDir::toNativeSeparators(options.outputPath)));
    const QByteArray list = input.listDigest();
    const std::optional<BatchJournal> there = BatchJournal::at(options.outputPath);
    bool resumed = false;
    start.m_journal = BatchJournal::forInput(options.outputPath, data, list, now, &resumed);
    if (!resumed && there && !there->settled)
        return refuse(Refusal::OtherBatchUnsettled, otherBatchUnsettled(options.outputPath, *there));
    if (!resumed && !options.historyId.isEmpty()) {
        // Recorded before anything is sent. A resumed batch sends no answered row again: nothing to check.
        const BatchRegistry::Entry entry { start.m_journal.batchId,
            list,
            options.historyId,
            QFileInfo(options.outputPath).absoluteFilePath(),
            start.m_journal.startedAt };
        BatchRegistry registry;
        const BatchRegistry::Claim claim = registry.claim(entry, !options.again);
        start.m_warning = claim.warning;
        if (claim.unavailable && !options.again)
            return refuse(Refusal::Unchecked,
                Language::joinSentences({ tr("Nothing was sent."),
                    claim.warning,
                    tr("Without it this list cannot be checked against the batches begun before.") }));
        if (claim.earlier)
            return refuse(Refusal::AlreadyBegun,
                Language::joinSentences(
                    { tr("Nothing was sent."), BatchRegistry::alreadyBegun(*claim.earlier, options.training) }));
        if (!claim.unavailable)
            start.m_claimed = entry;
    }
    start.m_journal.settled = false; // until this run ends with nothing left
    if (const Result<void> saved = start.m_journal.save(options.outputPath); !saved) {
        start.finished(0, false);
        return refuse(Refusal::JournalNotWritten, saved.message());
    }
    return start;
}

void BatchStart::finished(int sent, bool settled)
{
    if (settled && m_lock && !m_outputPath.isEmpty()) {
        m_journal.settled = true;
        (void)m_journal.save(m_outputPath); // if it cannot be saved, another list is refused here: the safe side
    }
    // A batch that sent nothing after all (every row refused, not permitted, cancelled at once) does not hold the
    // list back.
    if (m_claimed && sent == 0)
        (void)BatchRegistry().forget(m_claimed->batchId, m_claimed->historyId);
    m_claimed.reset();
    m_lock.reset();
}
