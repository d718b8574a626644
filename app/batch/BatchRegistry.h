#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

// The batches begun by this user on this workstation, by the digest of their list (BatchInput::listDigest: the rows as
// they would be sent, whatever the file's line ends, quoting or column order) and the history they were recorded in. A
// batch's journal (BatchJournal, beside its output) is what makes it resumable; without it (deleted, or the same list
// given another output) the list would be sent, and billed, again as a new batch. The registry remembers it, so that
// the CLI and the app ask first (batch --again; the app's "verify this list again" box).
//
// A small private file in the app's data folder (batches.json, 0600) holding no personal data: the list's digest,
// the history's id, the output's path, the batch's id and start. The latest 500 batches are kept. Every change is made
// under a lock (batches.json.lock), so two processes starting the same list at once cannot both pass the check.
class BatchRegistry
{
    Q_DECLARE_TR_FUNCTIONS(BatchRegistry)
public:
    struct Entry
    {
        QString batchId;
        QByteArray listSha256; // hex, BatchInput::listDigest()
        QString historyId;
        QString outputPath; // absolute
        QDateTime startedAt; // UTC
    };
    static constexpr int kept = 500;

    explicit BatchRegistry(QString path = defaultPath());
    static QString defaultPath();

    // The latest batch of this input recorded in this history, other than exceptBatchId (the batch being resumed).
    std::optional<Entry> earlier(
        const QByteArray& listSha256, const QString& historyId, const QString& exceptBatchId) const;
    struct Claim
    {
        std::optional<Entry> earlier; // another batch of the list in the history: entry was not recorded
        QString warning; // the registry was damaged (set aside), or could not be locked or written; translated
        bool unavailable = false; // could not be locked or written: entry is not recorded, and the check was unsure
    };
    // Under the lock: when checkEarlier and earlier() finds another batch of entry's list in entry's history, that
    // batch, and nothing is recorded; otherwise entry is recorded (replacing the same batch in the same history).
    // When the file cannot be locked or written, says so in warning and checks without the lock.
    Claim claim(const Entry& entry, bool checkEarlier);
    // Removes a batch that sent nothing after all (refused, cancelled before its first row), so that it does not
    // hold the list back.
    Result<void> forget(const QString& batchId, const QString& historyId);

    // What the CLI and the app say about an earlier batch of the same list (in training nothing is billed), including
    // whether that batch can still be resumed (its own journal beside its results).
    static QString alreadyBegun(const Entry& earlier, bool training);

private:
    // The entries; *damaged when the file is there but not a registry (a symbolic link is not read at all).
    QList<Entry> read(bool* damaged = nullptr) const;
    Result<void> write(const QList<Entry>& entries);
    // Runs change on the entries under the lock and writes what it leaves. A symbolic link at the path is refused; a
    // damaged file is set aside as batches.json.bad (asidePath()), and *notice says so.
    Result<void> locked(const std::function<void(QList<Entry>&)>& change, QString* notice);
    static constexpr int maxSetAside = 9;
    // Where a damaged file goes: the first of .bad, .bad.2, ... .bad.9 not taken (the last one when all are).
    QString asidePath() const;

    QString m_path;
};
