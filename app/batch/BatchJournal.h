#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QLockFile;

// What makes a batch resumable: a small file beside its output (<output>.batch.json) that names the batch, the
// SHA-256 of its input and when it began. It is written before the first row is sent. Started again with the same
// input and output, the batch finds it and takes the same id, so every row gets the same MerchantBizId as before and
// the history says which rows were already answered. A different input (or no journal) starts a new batch: the same
// list verified again next month is a new batch, not a resumed one (but the rows it shares with the list verified
// before at this output take their earlier MerchantBizIds: cases, carried). BatchStart does not let a different list
// replace a journal that is not settled.
struct BatchJournal
{
    Q_DECLARE_TR_FUNCTIONS(BatchJournal)
public:
    QString batchId; // 32 hex characters
    QByteArray inputSha256; // hex, of the file's bytes
    QByteArray listSha256; // hex, BatchInput::listDigest(): the rows as they would be sent (empty in older journals)
    QDateTime startedAt; // UTC
    // The history the batch records its cases in (AuditStore::historyId); empty in journals of older builds. Its
    // answers are only there: resumed with another history, every answered row would be sent again.
    QString historyId;
    // Whether running the batch again would send anything: true once a run ended with every row answered, refused
    // or unknown (not sent again without --retry-unknown), or a new batch sent nothing; false while it runs (so
    // after a kill too) and after a run that left rows not sent or failed. Unset in a journal of an older build,
    // which did not say.
    std::optional<bool> settled;
    // What the last run left to send (when it ended unsettled): rows not sent, rows failed without being billed.
    int leftNotSent = 0;
    int leftFailed = 0;
    // The rows this batch recorded, by PiiVault::caseIndex (keyed by the history: no name or number in it) -> their
    // MerchantBizId; written when a run ends. A new list at this output, in the same history, takes over the
    // MerchantBizId of each of its rows found here (carried), so a list corrected or extended and run again finds
    // the earlier answers in the history instead of sending those rows, and billing them, again.
    QHash<QByteArray, QString> cases;
    static constexpr qsizetype maxCases = 200000; // two of the largest lists
    QHash<QByteArray, QString> carried; // the cases of the batch this one followed at this output
    bool resumed = false; // found beside the output (forInput), not new; not saved

    static QString pathFor(const QString& outputPath);
    // The journal beside this output, if there is a valid one (resumed set), whatever its input.
    static std::optional<BatchJournal> at(const QString& outputPath);
    // The journal of a batch of this list at this output: the one found there when it is this list's (the same rows
    // as they would be sent, whatever the file's line ends, quoting or column order; for a journal of an older build,
    // the same bytes), else a new one (a fresh id; not written yet). resumed says which.
    static BatchJournal forInput(const QString& outputPath,
        const QByteArray& input,
        const QByteArray& listSha256,
        const QDateTime& now,
        bool* resumed);
    Result<void> save(const QString& outputPath) const;
    // A batch's results file as OutputFile::check takes it (field names it in the message), and its journal beside
    // it too: neither may be the history, the input or in the app's folders; and the results file is not itself
    // named as a journal (another batch's would be overwritten with results).
    static Result<void> checkOutput(
        const QString& field, const QString& outputPath, const QStringList& history, const QStringList& inputs);

    // Held while a batch runs with this output (<output>.batch.json.lock), so that a second run of it (a cron job
    // overlapping, a second terminal) is refused instead of racing the first for the same rows and results. Null when
    // another live process holds it; a lock left by a process that died is taken over.
    static std::unique_ptr<QLockFile> lockFor(const QString& outputPath);

    // The MerchantBizId a row without one of its own gets: the same for the same batch and row, 32 hex characters.
    QString merchantBizIdFor(int rowNumber) const;
};
