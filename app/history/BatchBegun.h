#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QtGlobal>

#include <optional>

// A batch begun in a history (AuditStore::claimBatch): what any workstation sharing the history needs to see that a
// list was already begun. The history keeps the list's digest only as a keyed index; the rest is ids, names, a time
// and a path.
struct BatchBegun
{
    QString batchId;
    QByteArray listSha256;
    QString outputPath; // absolute, on the workstation that began it
    QDateTime startedAt; // UTC
    QString actor; // filled by the history from the actor that claims it
    QString workstation;
    // A training batch (nothing billed) and a live one are apart: a history that holds both (--training --db) does not
    // let one hold the other's list back.
    bool training = false;
};

// What AuditStore::claimBatch found: another batch of the list begun earlier (nothing recorded then), or whether this
// claim recorded the batch (false when it was recorded already: a run resumed).
struct BatchClaim
{
    std::optional<BatchBegun> earlier;
    bool recorded = false;
    // The seq of the chain's last event when this batch was first claimed: every case the batch recorded after its
    // claim came after it, whatever the clocks of the workstations that recorded them said (a run before the claim
    // was written, by an older version or one that sent nothing and forgot it, recorded its cases before it). -1 when
    // not known (claimed by an older version, or in a table this role could not add the column to); not set with
    // earlier.
    qint64 headSeq = -1;
};
