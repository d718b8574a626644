#include "ExportVerifier.h"

#include "crypto/Crypto.h"
#include "export/Csv.h"
#include "export/ExportManifest.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using Status = ExportCheck::Status;

ExportCheck failed(Status status, const QString& message)
{
    ExportCheck check;
    check.status = status;
    check.message = message;
    return check;
}

std::optional<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

AuditEvent eventFrom(const QJsonObject& row)
{
    AuditEvent e;
    e.seq = row.value(QStringLiteral("seq")).toVariant().toLongLong();
    e.ts = CanonicalEvent::parseTimestamp(row.value(QStringLiteral("ts")).toString());
    e.actor = row.value(QStringLiteral("actor")).toString();
    e.workstation = row.value(QStringLiteral("workstation")).toString();
    e.caseId = row.value(QStringLiteral("case_id")).toString();
    e.kind = row.value(QStringLiteral("kind")).toString();
    e.payload = row.value(QStringLiteral("payload")).toString().toUtf8();
    e.piiDigest = row.value(QStringLiteral("pii_digest")).toString().toLatin1();
    e.prevHash = row.value(QStringLiteral("prev_hash")).toString().toLatin1();
    e.hash = row.value(QStringLiteral("hash")).toString().toLatin1();
    return e;
}

// The rows of an export file as objects keyed by column (CSV cells unneutralised, as text).
Result<QList<QJsonObject>> rowsOf(const QByteArray& data, const ExportManifest& m)
{
    QList<QJsonObject> rows;
    if (m.fileFormat == QLatin1String("jsonl")) {
        for (const QByteArray& line : data.split('\n')) {
            if (line.isEmpty())
                continue;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (!doc.isObject())
                return Failure(
                    ErrorCode::Corrupt, ExportVerifier::tr("Line %1 is not a JSON object.").arg(rows.size() + 1));
            rows.append(doc.object());
        }
        return rows;
    }
    const Result<QList<QStringList>> records = Csv::parse(data);
    if (!records)
        return records.failure();
    const QStringList header = records->value(0);
    for (qsizetype i = 1; i < records->size(); ++i) {
        const QStringList& cells = records->at(i);
        if (cells.size() != header.size())
            return Failure(ErrorCode::Corrupt,
                ExportVerifier::tr("Row %1 has %2 cells, the header %3.").arg(i).arg(cells.size()).arg(header.size()));
        QJsonObject row;
        for (qsizetype c = 0; c < header.size(); ++c)
            row.insert(header.at(c), Csv::unneutralise(cells.at(c)));
        rows.append(row);
    }
    return rows;
}

// One verification: the manifest, its file, and optionally the history.
class Verification
{
public:
    Verification(const QString& manifestPath, AuditStore* store)
        : m_manifestPath(manifestPath)
        , m_store(store)
    {
    }

    ExportCheck run()
    {
        ExportCheck check = readManifest();
        if (check.ok() && m_store)
            check = checkMac();
        if (check.ok())
            check = checkFile();
        if (check.ok() && m_manifest.what == QLatin1String("events"))
            check = checkChain();
        if (check.ok() && m_store)
            check = checkHistory();
        if (check.ok() && m_store)
            check = checkExportChain();
        check.rows = m_events.isEmpty() ? m_rowCount : m_events.size();
        check.file = m_manifest.file;
        check.historyChecked = check.ok() && m_store;
        return check;
    }

private:
    ExportCheck readManifest()
    {
        const std::optional<QByteArray> bytes = readFile(m_manifestPath);
        if (!bytes)
            return failed(
                Status::ManifestUnreadable, ExportVerifier::tr("Cannot read the manifest %1.").arg(m_manifestPath));
        const Result<ExportManifest> manifest = ExportManifest::parse(*bytes);
        if (!manifest)
            return failed(Status::ManifestAltered, manifest.message());
        m_manifest = *manifest;
        // The manifest describes the file it is named after, and only that one: another export's genuine manifest
        // copied over this one's (or a symbolic link to it) would otherwise vouch for its own file, never reading the
        // one beside it. So the name given is what counts, not where a link leads.
        const QString name = QFileInfo(m_manifestPath).fileName();
        if (name != ExportManifest::pathFor(m_manifest.file))
            return failed(Status::ManifestAltered,
                ExportVerifier::tr("The manifest %1 describes the file %2: a manifest is named after its file "
                                   "(%3), so this one was renamed or copied over another.")
                    .arg(name, m_manifest.file, ExportManifest::pathFor(m_manifest.file)));
        return {};
    }

    ExportCheck checkMac() const
    {
        if (m_manifest.historyId != m_store->historyId())
            return failed(Status::HistoryMismatch,
                ExportVerifier::tr("The export comes from history %1, not from this one (%2).")
                    .arg(m_manifest.historyId, m_store->historyId()));
        if (!Crypto::constantTimeEquals(m_store->manifestMac(m_manifest.signedBytes()), m_manifest.hmac))
            return failed(Status::ManifestAltered,
                ExportVerifier::tr("The manifest was changed: its HMAC does not match its contents."));
        return {};
    }

    ExportCheck checkFile()
    {
        const QString path = QFileInfo(m_manifestPath).dir().filePath(m_manifest.file);
        const std::optional<QByteArray> data = readFile(path);
        if (!data)
            return failed(Status::FileAltered, ExportVerifier::tr("The exported file %1 is missing.").arg(path));
        if (data->size() != m_manifest.fileBytes || Crypto::sha256Hex(*data) != m_manifest.fileSha256)
            return failed(Status::FileAltered,
                ExportVerifier::tr("The file %1 was changed: its size or SHA-256 differs from the manifest's.")
                    .arg(path));
        if (m_manifest.fileFormat == QLatin1String("pdf")) {
            m_rowCount = m_manifest.rows;
            return {};
        }
        const Result<QList<QJsonObject>> rows = rowsOf(*data, m_manifest);
        if (!rows)
            return failed(Status::ManifestAltered,
                ExportVerifier::tr("The file %1 does not read as its manifest says: %2").arg(path, rows.message()));
        m_rowCount = rows->size();
        if (m_rowCount != m_manifest.rows)
            return failed(Status::ManifestAltered,
                ExportVerifier::tr("The manifest says %1 rows; the file it describes has %2.")
                    .arg(m_manifest.rows)
                    .arg(m_rowCount));
        if (m_manifest.what == QLatin1String("events")) {
            for (const QJsonObject& row : *rows)
                m_events.append(eventFrom(row));
        }
        return {};
    }

    ExportCheck checkChain() const
    {
        const ExportManifest& m = m_manifest;
        QByteArray prev = m.prevHash;
        qint64 seq = m.firstSeq;
        for (const AuditEvent& e : m_events) {
            if (e.seq != seq || e.prevHash != prev || CanonicalEvent::chainHash(prev, e) != e.hash)
                return failed(Status::ChainBroken,
                    ExportVerifier::tr(
                        "The chain inside the file breaks at event %1 (row %2): it was changed, removed or "
                        "moved.")
                        .arg(seq)
                        .arg(seq - m.firstSeq + 1));
            prev = e.hash;
            ++seq;
        }
        const bool ends = m_events.isEmpty() ? m.lastSeq == 0 : (seq - 1 == m.lastSeq && prev == m.lastHash);
        if (!ends || (!m_events.isEmpty() && m_events.first().hash != m.firstHash))
            return failed(Status::ChainBroken,
                ExportVerifier::tr("The file's events do not run from event %1 to event %2 as the manifest says.")
                    .arg(m.firstSeq)
                    .arg(m.lastSeq));
        return {};
    }

    // The hash the history gives each event of the manifest's range, recomputed from its fields.
    ExportCheck checkHistory() const
    {
        const ExportManifest& m = m_manifest;
        if (Result<QByteArray> head = historyHash(m.headSeq); !head || *head != m.headHash)
            return failed(Status::HistoryMismatch,
                ExportVerifier::tr("The history no longer holds the chain head of the export (event %1).")
                    .arg(m.headSeq));
        if (!m.hasRange || m.firstSeq == 0)
            return {};
        EventRange range;
        range.firstSeq = m.firstSeq;
        range.lastSeq = m.lastSeq;
        QByteArray prev = m.prevHash;
        qsizetype i = 0;
        qint64 broken = 0;
        const Result<void> walked = m_store->forEachEvent(range, [&](const AuditEvent& e) {
            prev = CanonicalEvent::chainHash(prev, e);
            if (i >= m_events.size() || m_events.at(i).seq != e.seq || m_events.at(i).hash != prev)
                broken = e.seq;
            ++i;
            return broken == 0;
        });
        if (!walked || broken != 0 || i != m_events.size())
            return failed(Status::HistoryMismatch,
                ExportVerifier::tr("The history no longer matches the export at event %1: it was changed since.")
                    .arg(broken != 0 ? broken : m.firstSeq + i));
        return {};
    }

    // The stored hash of event seq recomputed over its fields, from its stored prev_hash (the genesis for 0).
    Result<QByteArray> historyHash(qint64 seq) const
    {
        if (seq == 0)
            return CanonicalEvent::genesisHash();
        EventRange one;
        one.firstSeq = seq;
        one.lastSeq = seq;
        QByteArray hash;
        const Result<void> read = m_store->forEachEvent(one, [&](const AuditEvent& e) {
            hash = CanonicalEvent::chainHash(e.prevHash, e) == e.hash ? e.hash : QByteArray();
            return false;
        });
        if (!read)
            return read.failure();
        return hash;
    }

    ExportCheck checkExportChain() const
    {
        const Result<QList<AuditEvent>> exports = m_store->exportEvents();
        if (!exports)
            return failed(Status::HistoryMismatch, exports.message());
        const QString hash = QString::fromLatin1(m_manifest.hash());
        QJsonObject previous;
        for (const AuditEvent& e : *exports) {
            const QJsonObject payload = e.payloadObject();
            const QString named = payload.value(QStringLiteral("manifestHash")).toString();
            if (named == hash)
                return checkPrevious(previous);
            if (!named.isEmpty())
                previous = payload;
        }
        return failed(Status::HistoryMismatch,
            ExportVerifier::tr("The history has no record of this export (no export_made event names its manifest)."));
    }

    ExportCheck checkPrevious(const QJsonObject& previous) const
    {
        const QString named = previous.value(QStringLiteral("manifestHash")).toString();
        if (named.toLatin1() != m_manifest.previousManifestHash)
            return failed(Status::ExportChainBroken,
                ExportVerifier::tr("The export chain is broken: the manifest names %1 as the export before it, the "
                                   "history %2.")
                    .arg(QString::fromLatin1(m_manifest.previousManifestHash), named));
        if (named.isEmpty())
            return {};
        const QString path = ExportManifest::pathFor(
            QFileInfo(m_manifestPath).dir().filePath(previous.value(QStringLiteral("file")).toString()));
        const std::optional<QByteArray> bytes = readFile(path);
        if (!bytes)
            return failed(Status::ExportChainBroken,
                ExportVerifier::tr("The manifest of the export before this one, %1, is missing.").arg(path));
        if (Crypto::sha256Hex(*bytes) != m_manifest.previousManifestHash)
            return failed(Status::ExportChainBroken,
                ExportVerifier::tr("The manifest of the export before this one, %1, was changed.").arg(path));
        return {};
    }

    QString m_manifestPath;
    AuditStore* m_store;
    ExportManifest m_manifest;
    QList<AuditEvent> m_events;
    qint64 m_rowCount = 0;
};

} // namespace

ExportCheck ExportVerifier::verify(const QString& manifestPath, AuditStore* store)
{
    return Verification(manifestPath, store).run();
}
