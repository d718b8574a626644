#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// A batch begun in a history (AuditStore::claimBatch): what any workstation sharing the history needs to see that a
// list was already begun. No personal data: the list's digest (BatchInput::listDigest, hex), ids, names and a path.
struct BatchBegun
{
    QString batchId;
    QByteArray listSha256;
    QString outputPath; // absolute, on the workstation that began it
    QDateTime startedAt; // UTC
    QString actor; // filled by the history from the actor that claims it
    QString workstation;
};
