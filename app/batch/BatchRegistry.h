#pragma once

#include "base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The batches begun on this workstation, by the SHA-256 of their input and the history they were recorded in. A
// batch's journal (BatchJournal, beside its output) is what makes it resumable; without it (deleted, or the same list
// given another output) the list would be sent, and billed, again as a new batch. The registry remembers it, so that
// the CLI and the app ask first (batch --again; the app's "verify this list again" box).
//
// A small private file in the app's data folder (batches.json, 0600) holding no personal data: the input's digest,
// the history's id, the output's path, the batch's id and start. The latest 500 batches are kept; processes take
// turns (batches.json.lock).
class BatchRegistry
{
    Q_DECLARE_TR_FUNCTIONS(BatchRegistry)
public:
    struct Entry
    {
        QString batchId;
        QByteArray inputSha256; // hex
        QString historyId;
        QString outputPath; // absolute
        QDateTime startedAt; // UTC
    };
    static constexpr int kept = 500;

    explicit BatchRegistry(QString path = defaultPath());
    static QString defaultPath();

    // The latest batch of this input recorded in this history, other than exceptBatchId (the batch being resumed).
    std::optional<Entry> earlier(
        const QByteArray& inputSha256, const QString& historyId, const QString& exceptBatchId) const;
    // Adds entry, or replaces the one with its batchId; the oldest beyond `kept` go.
    Result<void> record(const Entry& entry);

    // What the CLI and the app say about an earlier batch of the same list (in training nothing is billed).
    static QString alreadyVerified(const Entry& earlier, bool training);

private:
    QList<Entry> read() const;

    QString m_path;
};
