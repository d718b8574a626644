#pragma once

#include <QCoreApplication>
#include <QString>

class AuditStore;

// What ExportVerifier found. The statuses are in the order the checks run; the first failure ends the check.
struct ExportCheck
{
    enum class Status
    {
        Ok,
        ManifestUnreadable, // no manifest at that path, or it cannot be read
        ManifestAltered, // not a manifest as eKYC Desk writes it, its HMAC does not match, or it contradicts its file
        FileAltered, // the file is missing, or its size or SHA-256 differs from the manifest's
        ChainBroken, // an events export whose rows do not chain (an edited, removed or reordered row)
        HistoryMismatch, // the history no longer holds what was exported (or never recorded the export)
        ExportChainBroken, // the export before this one is not the one its manifest names, or its manifest is gone
    };

    Status status = Status::Ok;
    QString message; // translated: what broke, and where
    qint64 rows = 0; // rows in the file
    QString file; // the name of the file the manifest describes (beside it), once the manifest was read
    bool historyChecked = false; // the HMAC, the range and the export chain were checked against the history

    bool ok() const { return status == Status::Ok; }
};

// Checks an export against its manifest: the file's size and SHA-256 and row count, and for an events export the
// chain inside it (each row's hash recomputed from its canonical fields and the previous row's hash, from the
// manifest's prevHash to its lastHash). With the history it came from (the keys are needed for the HMAC), also the
// manifest's HMAC, that the history still holds the exported range with the same hashes and the chain head named in
// the manifest, that an export_made event records this manifest, and the export chain: the export recorded before
// it names the manifest hash this manifest gives as previous, and that manifest, when it was written into the same
// folder, is still there unchanged.
class ExportVerifier
{
    Q_DECLARE_TR_FUNCTIONS(ExportVerifier)
public:
    static ExportCheck verify(const QString& manifestPath, AuditStore* store = nullptr);
};
