#include "ChainVerifier.h"

#include "crypto/Crypto.h"
#include "crypto/PiiCipher.h"
#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"
#include "history/CaseProjection.h"
#include "history/ChainSigner.h"
#include "history/DashboardCheck.h"
#include "history/Migrations.h"
#include "history/ProjectionCheck.h"
#include "history/SqliteRows.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <functional>
#include <limits>

namespace {

// Holds the read snapshot for the whole verification and ends it (read only: rolled back).
class ReadSnapshot
{
public:
    ReadSnapshot(QSqlDatabase& db, bool enabled)
        : m_db(db)
    {
        if (!enabled)
            return;
        const bool postgres = db.driverName() == QLatin1String("QPSQL");
        QSqlQuery q(db);
        m_active = q.exec(
            postgres ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") : QStringLiteral("BEGIN"));
    }
    ~ReadSnapshot()
    {
        if (!m_active)
            return;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    QSqlDatabase& m_db;
    bool m_active = false;
};

// A time stamp column equal to the time of the event at seq (exactly from exactFromSeq on, before it within the
// slack; see ChainVerifier::projectionSlackMs); NULL or malformed never matches. parseTimestampMs accepts only the
// canonical "yyyy-MM-ddTHH:mm:ss.zzzZ", so an exact match is the same text as the event's ts.
bool timeMatches(QByteArrayView column, bool null, qint64 expectedMs, qint64 seq, qint64 exactFromSeq)
{
    const std::optional<qint64> t = null ? std::nullopt : CanonicalEvent::parseTimestampMs(column);
    if (!t)
        return false;
    const qint64 delta = qAbs(*t - expectedMs);
    return seq >= exactFromSeq ? delta == 0 : delta <= ChainVerifier::projectionSlackMs;
}

// The first seq whose case times are exact (see ChainVerifier::projectionSlackMs for the rule).
qint64 exactTimesFromSeq(QSqlDatabase& db, qint64 headSeq)
{
    int version = 0;
    QString value;
    bool haveValue = false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('schema_version', ?)"));
    q.bindValue(0, QLatin1String(Migrations::exactTimesKey));
    if (!q.exec())
        return 1;
    while (q.next()) {
        if (q.value(0).toString() == QLatin1String("schema_version")) {
            version = q.value(1).toString().toInt();
        } else {
            value = q.value(1).toString();
            haveValue = true;
        }
    }
    if (version < Migrations::exactTimesVersion && !haveValue)
        return headSeq + 1;
    bool ok = false;
    const qint64 from = value.toLongLong(&ok);
    return ok && from >= 1 && from <= headSeq + 1 ? from : 1;
}

// The integer in a column's text; fallback when NULL or not an integer.
qint64 integerOf(QByteArrayView text, bool null, qint64 fallback)
{
    qint64 value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !null && error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

// The columns of the cases table compareCases reads, in its order.
enum CaseColumn
{
    CaseId,
    CreatedAt,
    UpdatedAt,
    Actor,
    Workstation,
    MerchantBizId,
    SceneCode,
    State,
    SubCode,
    Passed,
    Training,
    Attempts,
    NameEnc,
    IdEnc,
    NameMasked,
    IdMasked,
    IdIndex,
    PurgedAt,
    ErrorKind,
    ErrorCode,
    RequestId,
    Outcome, // DashboardCheck::outcomeSql()
};

// The personal-data columns of a row against its case_created event's digest (and, with keys, the decrypted values).
QStringList piiDifferences(const SqliteRows::Row& row, const ExpectedCase& c, const CasePiiCheck& piiCheck)
{
    const QByteArrayView nameBlob = row.cells[NameEnc];
    const QByteArrayView idBlob = row.cells[IdEnc];
    const QByteArrayView nameMask = row.cells[NameMasked];
    const QByteArrayView idMask = row.cells[IdMasked];
    const QByteArrayView index = row.null[IdIndex] ? QByteArrayView() : row.cells[IdIndex];
    // v2 digests (schema version 9 on) cover the masks and the index too; v1 digests only the ciphertexts.
    const bool v2 = c.piiDigest.startsWith(CanonicalEvent::piiDigestV2Prefix);
    // The writer hashed the masks' QString as UTF-8; stored bytes that are not valid UTF-8 are read back through
    // QString as before, so only well-formed ones take the direct path.
    const bool wellFormed = nameMask.isValidUtf8() && idMask.isValidUtf8();
    const QByteArray recomputed = !v2 ? CanonicalEvent::piiDigest({ nameBlob.toByteArray(), idBlob.toByteArray() })
        : wellFormed                  ? CanonicalEvent::piiDigestV2(nameBlob, idBlob, nameMask, idMask, index)
                                      : CanonicalEvent::piiDigestV2(nameBlob.toByteArray(),
                         idBlob.toByteArray(),
                         QString::fromUtf8(nameMask),
                         QString::fromUtf8(idMask),
                         index.toByteArray());
    const qsizetype cipherPart = v2 ? qsizetype(sizeof CanonicalEvent::piiDigestV2Prefix) - 1 + 64 : recomputed.size();
    const auto cipherDigest = [cipherPart](
                                  QByteArrayView digest) { return digest.first(qMin(cipherPart, digest.size())); };
    if (row.null[NameEnc] || row.null[IdEnc] || cipherDigest(recomputed) != cipherDigest(c.piiDigest))
        return { QStringLiteral("name_enc/id_enc") }; // the masks cannot be judged against foreign ciphertext
    // A mask is empty exactly when what it masks is (a blob of an empty value is just the overhead); the blind
    // index exists exactly when the ID number does.
    const bool masksPresent = !row.null[NameMasked] && !row.null[IdMasked]
        && nameMask.isEmpty() == (nameBlob.size() <= PiiCipher::Overhead)
        && idMask.isEmpty() == (idBlob.size() <= PiiCipher::Overhead) && index.isEmpty() == idMask.isEmpty();
    if (!masksPresent || QByteArrayView(recomputed) != c.piiDigest
        || (piiCheck
            && !piiCheck(CasePii { QString::fromUtf8(row.cells[CaseId]),
                nameBlob.toByteArray(),
                idBlob.toByteArray(),
                QString::fromUtf8(nameMask),
                QString::fromUtf8(idMask),
                QString::fromLatin1(index) })))
        return { QStringLiteral("name_masked/id_masked/id_index") };
    return {};
}

// The columns of one row that differ from its expected projection; empty when it matches.
QStringList differences(const SqliteRows::Row& row,
    const ExpectedCase& c,
    const CasePiiCheck& piiCheck,
    qint64 exactFromSeq,
    bool callColumnsKept)
{
    QStringList columns;
    auto time = [&](int i, qint64 ms, qint64 seq) {
        return timeMatches(row.cells[i], row.null[i], ms, seq, exactFromSeq);
    };
    if (!time(CreatedAt, c.createdMs, c.createdSeq))
        columns << QStringLiteral("created_at");
    if (!time(UpdatedAt, c.updatedMs, c.updatedSeq))
        columns << QStringLiteral("updated_at");
    const std::pair<const char*, const QByteArrayView*> texts[] = { { "actor", &c.actor },
        { "workstation", &c.workstation },
        { "merchant_biz_id", &c.merchantBizId },
        { "scene_code", &c.sceneCode },
        { "state", &c.state },
        { "sub_code", &c.subCode } };
    for (int i = 0; i < 6; ++i) {
        if (row.cells[Actor + i] != *texts[i].second)
            columns << QLatin1String(texts[i].first);
    }
    // The application writes exactly 0 or 1 (passed may be NULL): any other value is an edit, even one a reader
    // would take for "true".
    if (integerOf(row.cells[Passed], row.null[Passed], -1) != c.passed || (row.null[Passed] != (c.passed < 0)))
        columns << QStringLiteral("passed");
    if (integerOf(row.cells[Training], row.null[Training], -1) != (c.training ? 1 : 0))
        columns << QStringLiteral("training");
    if (integerOf(row.cells[Attempts], row.null[Attempts], -1) != c.attempts)
        columns << QStringLiteral("attempts");
    const std::pair<const char*, const QByteArrayView*> callColumns[] = {
        { "error_kind", &c.errorKind }, { "error_code", &c.errorCode }, { "request_id", &c.requestId }
    };
    for (int i = 0; i < 3 && callColumnsKept; ++i) {
        if (row.cells[ErrorKind + i] != *callColumns[i].second)
            columns << QLatin1String(callColumns[i].first);
    }
    if (c.purgedMs >= 0) {
        if (!time(PurgedAt, c.purgedMs, c.purgedSeq))
            columns << QStringLiteral("purged_at");
        const std::pair<const char*, int> erased[] = { { "name_enc", NameEnc },
            { "id_enc", IdEnc },
            { "name_masked", NameMasked },
            { "id_masked", IdMasked },
            { "id_index", IdIndex } };
        for (const auto& [name, column] : erased) {
            if (!row.null[column] && !row.cells[column].isEmpty())
                columns << QLatin1String(name);
        }
        return columns;
    }
    if (!row.null[PurgedAt])
        columns << QStringLiteral("purged_at");
    return columns + piiDifferences(row, c, piiCheck);
}

// Reads the cases table once and compares every row with the projection rebuilt from the events. Marks the report
// broken at the lowest case_created seq of any differing case. Counts the dashboard's hours on the way (*recount).
void compareCases(QSqlDatabase& db,
    QHash<QByteArrayView, ExpectedCase>& cases,
    const CasePiiCheck& piiCheck,
    int schemaVersion,
    ChainReport& report,
    DashboardCheck::Recount* recount)
{
    auto mismatch = [&](qint64 seq, const QString& caseId, const QString& reason) {
        ProjectionCheck::markBroken(report, seq, caseId, reason);
    };
    // A history older than schema version 7 (read as it is, unmigrated) has no error and RequestId columns.
    const bool callColumnsKept = schemaVersion >= 7;
    const QByteArray sql = QByteArrayLiteral("SELECT case_id, created_at, updated_at, actor, workstation, "
                                             "merchant_biz_id, scene_code, state, sub_code, passed, training, "
                                             "attempts, name_enc, id_enc, name_masked, id_masked, id_index, "
                                             "purged_at, ")
        + (callColumnsKept ? QByteArrayLiteral("error_kind, error_code, request_id") : QByteArrayLiteral("'', '', ''"))
        + ", " + DashboardCheck::outcomeSql().toUtf8() + QByteArrayLiteral(" FROM cases");
    QString readError;
    const bool read = SqliteRows::forEachOrQt(
        db,
        sql.constData(),
        {},
        [&](const SqliteRows::Row& row) {
            ++report.casesChecked;
            recount->add({ row.cells[Training],
                row.cells[CreatedAt],
                row.cells[Actor],
                static_cast<int>(integerOf(row.cells[Outcome], row.null[Outcome], -1)) });
            const auto it = cases.find(row.cells[CaseId]);
            if (it == cases.end()) {
                const QString caseId = QString::fromUtf8(row.cells[CaseId]);
                mismatch(report.headSeq,
                    caseId,
                    ChainVerifier::tr("The case record %1 has no case_created event: it was inserted outside the "
                                      "application.")
                        .arg(caseId));
                return true;
            }
            if (it->seen) { // a duplicate key can only come from a table rebuilt without its primary key
                const QString caseId = QString::fromUtf8(row.cells[CaseId]);
                mismatch(it->createdSeq,
                    caseId,
                    ChainVerifier::tr("The case record %1 appears twice in the cases table: a copy was inserted "
                                      "outside the application.")
                        .arg(caseId));
                return true;
            }
            it->seen = true;
            const QStringList columns = differences(row, *it, piiCheck, report.exactTimesFromSeq, callColumnsKept);
            if (!columns.isEmpty()) {
                const QString caseId = QString::fromUtf8(row.cells[CaseId]);
                mismatch(it->createdSeq,
                    caseId,
                    ChainVerifier::tr("The case record %1 does not match its events (%2): the cases table was "
                                      "edited.")
                        .arg(caseId, columns.join(QStringLiteral(", "))));
            }
            return true;
        },
        &readError);
    if (!read) {
        mismatch(report.headSeq, QString(), ChainVerifier::tr("Cannot read the case records: %1").arg(readError));
        return;
    }
    for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
        if (!it->seen)
            mismatch(it->createdSeq,
                QString::fromUtf8(it.key()),
                ChainVerifier::tr("The case record %1 is missing from the cases table: it was deleted.")
                    .arg(QString::fromUtf8(it.key())));
    }
}

} // namespace

QJsonObject ChainAnchor::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format"),
        isSigned() ? QStringLiteral("ekyc-desk-anchor/2") : QStringLiteral("ekyc-desk-anchor/1"));
    o.insert(QStringLiteral("historyId"), historyId);
    o.insert(QStringLiteral("seq"), seq);
    o.insert(QStringLiteral("hash"), QString::fromLatin1(hash));
    o.insert(QStringLiteral("exportedAt"), QString::fromLatin1(CanonicalEvent::timestamp(exportedAt)));
    if (isSigned()) {
        o.insert(QStringLiteral("publicKey"), QString::fromLatin1(publicKey));
        o.insert(QStringLiteral("keyFingerprint"), QString::fromLatin1(ChainSigner::fingerprint(publicKey)));
        o.insert(QStringLiteral("signature"), QString::fromLatin1(signature));
    }
    return o;
}

std::optional<ChainAnchor> ChainAnchor::fromJson(const QByteArray& json, QString* error, bool* altered)
{
    if (altered)
        *altered = false;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject o = doc.object();
    const QString format = o.value(QStringLiteral("format")).toString();
    const bool signedFormat = format == QLatin1String("ekyc-desk-anchor/2");
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()
        || (!signedFormat && format != QLatin1String("ekyc-desk-anchor/1"))) {
        if (error)
            *error = tr("The anchor file is not an eKYC Desk anchor (format ekyc-desk-anchor/1 or /2).");
        return std::nullopt;
    }
    ChainAnchor anchor;
    anchor.historyId = o.value(QStringLiteral("historyId")).toString();
    anchor.seq = o.value(QStringLiteral("seq")).toInteger(-1);
    anchor.hash = o.value(QStringLiteral("hash")).toString().toLatin1();
    anchor.exportedAt = CanonicalEvent::parseTimestamp(o.value(QStringLiteral("exportedAt")).toString());
    if (anchor.seq < 0 || anchor.hash.size() != 64) {
        if (error)
            *error = tr("The anchor file has no valid seq and hash.");
        return std::nullopt;
    }
    if (!signedFormat)
        return anchor;
    anchor.publicKey = o.value(QStringLiteral("publicKey")).toString().toLatin1();
    anchor.signature = o.value(QStringLiteral("signature")).toString().toLatin1();
    const QByteArray message =
        ChainSigner::checkpointMessage(anchor.historyId, anchor.seq, anchor.hash, anchor.exportedAt);
    if (!anchor.exportedAt.isValid() || !ChainSigner::verify(anchor.publicKey, message, anchor.signature)
        || o.value(QStringLiteral("keyFingerprint")).toString().toLatin1()
            != ChainSigner::fingerprint(anchor.publicKey)) {
        if (error)
            *error = tr("The anchor's signature does not match its content: the anchor file was altered.");
        if (altered)
            *altered = true;
        return std::nullopt;
    }
    return anchor;
}

QString ChainAnchor::fileName() const
{
    return QStringLiteral("anchor-%1.json").arg(seq, 12, 10, QLatin1Char('0'));
}

QList<ChainAnchor> ChainAnchor::readDirectory(const QString& dir, const QString& historyId, QStringList* errors)
{
    QList<ChainAnchor> anchors;
    for (const QString& folder : { dir, QDir(dir).filePath(historyId) }) {
        const QDir d(folder);
        if (!d.exists())
            continue;
        const QStringList names = d.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
        for (const QString& name : names) {
            QFile file(d.filePath(name));
            QString error;
            std::optional<ChainAnchor> anchor =
                file.open(QIODevice::ReadOnly) ? fromJson(file.read(qint64 { 64 } * 1024), &error) : std::nullopt;
            if (!anchor) {
                if (errors)
                    errors->append(QStringLiteral("%1: %2").arg(
                        QDir::toNativeSeparators(file.fileName()), error.isEmpty() ? file.errorString() : error));
                continue;
            }
            if (anchor->historyId == historyId)
                anchors.append(*anchor);
        }
    }
    std::sort(anchors.begin(), anchors.end(), [](const ChainAnchor& a, const ChainAnchor& b) { return a.seq < b.seq; });
    return anchors;
}

ChainReport ChainVerifier::verify(
    const QSqlDatabase& db, const std::optional<ChainAnchor>& anchor, const QString& historyId)
{
    Options options;
    options.anchor = anchor;
    options.historyId = historyId;
    return verify(db, options);
}

namespace {

// What the history says about its signing (schema version 9 on).
struct Signing
{
    int schemaVersion = 0;
    QString historyId;
    QByteArray publicKey; // hex
    qint64 signedFromSeq = 1;
    QByteArray headSignature;
    qint64 headInterval = 0; // chain_head.checkpoint_interval (schema version 10 on), what writers follow
    // The first seq written by schema version 10 (meta.interval_from_seq): every checkpoint from there on carries and
    // signs the interval. Beyond any seq before the migration.
    qint64 intervalFromSeq = std::numeric_limits<qint64>::max();
};

Signing readSigning(QSqlDatabase& db)
{
    Signing s;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('schema_version', 'history_id', "
                              "'signing_key', 'signed_from_seq', '%1')")
                   .arg(QLatin1String(Migrations::intervalFromSeqKey)))) {
        while (q.next()) {
            const QString key = q.value(0).toString();
            const QString value = q.value(1).toString();
            if (key == QLatin1String("schema_version"))
                s.schemaVersion = value.toInt();
            else if (key == QLatin1String("history_id"))
                s.historyId = value;
            else if (key == QLatin1String(ChainSigner::MetaKey))
                s.publicKey = value.toLatin1();
            else if (key == QLatin1String(Migrations::intervalFromSeqKey))
                s.intervalFromSeq = qMax<qint64>(1, value.toLongLong());
            else
                s.signedFromSeq = qMax<qint64>(1, value.toLongLong());
        }
    }
    if (s.schemaVersion >= Migrations::signedVersion) {
        QSqlQuery head(db);
        if (head.exec(QStringLiteral("SELECT signature FROM chain_head WHERE id = 1")) && head.next())
            s.headSignature = head.value(0).toString().toLatin1();
    }
    if (s.schemaVersion >= Migrations::checkpointIntervalVersion) {
        QSqlQuery head(db);
        if (head.exec(QStringLiteral("SELECT checkpoint_interval FROM chain_head WHERE id = 1")) && head.next())
            s.headInterval = head.value(0).toLongLong();
    }
    return s;
}

// An anchor's claim before the walk: from this history, within it, signed by its key.
QString anchorRefusal(const ChainAnchor& anchor, const QString& historyId, const Signing& signing, qint64 recordedSeq)
{
    if (!historyId.isEmpty() && !anchor.historyId.isEmpty() && anchor.historyId != historyId)
        return ChainVerifier::tr("The anchor belongs to another history (%1, this one is %2).")
            .arg(anchor.historyId, historyId);
    if (anchor.isSigned()
        && (anchor.publicKey != signing.publicKey
            || !ChainSigner::verify(anchor.publicKey,
                ChainSigner::checkpointMessage(anchor.historyId, anchor.seq, anchor.hash, anchor.exportedAt),
                anchor.signature)))
        return ChainVerifier::tr("The anchor of event %1 was signed by another key (%2) than this history's (%3): "
                                 "the history's signing key was replaced, or the anchor is not from this history.")
            .arg(anchor.seq)
            .arg(ChainSigner::displayFingerprint(anchor.publicKey),
                signing.publicKey.isEmpty() ? ChainVerifier::tr("none")
                                            : ChainSigner::displayFingerprint(signing.publicKey));
    // An anchor is confirmed only by the event it names: one beyond the head, or at seq 0 with any hash but the
    // genesis hash, names nothing in this history.
    if (anchor.seq > recordedSeq)
        return ChainVerifier::tr("The anchor names event %1, but the history ends at event %2: the anchor was not "
                                 "found (it is not from this history, or events at the end were deleted).")
            .arg(anchor.seq)
            .arg(recordedSeq);
    if (anchor.seq == 0 && anchor.hash != CanonicalEvent::genesisHash())
        return ChainVerifier::tr("The anchor names event 0 with a hash that is not the empty history's: it matches "
                                 "nothing.");
    return {};
}

// What a checkpoint that holds says about the interval.
struct CheckpointClaim
{
    qint64 interval = ChainSigner::DefaultCheckpointInterval; // in force from it on
    bool changesSetting = false; // reason "setting": the one kind that may change the interval
};

// A checkpoint event: it signs the event before it (seq, hash) at its own time, with the history's key, and the
// checkpoint interval it carries (v2; one written before schema version 10 carries none and implies the default;
// from then on one must be carried). nullopt when it does not hold.
std::optional<CheckpointClaim> checkpointHolds(
    const RawEvent& e, const QByteArray& previousHash, const Signing& signing)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(e.tsMs, QTimeZone::utc());
    const QJsonObject payload = e.payloadObject();
    const QByteArray hash = payload.value(QStringLiteral("hash")).toString().toLatin1();
    const qint64 seq = payload.value(QStringLiteral("seq")).toInteger(-1);
    const QByteArray key = payload.value(QStringLiteral("key")).toString().toLatin1();
    const QByteArray signature = payload.value(QStringLiteral("signature")).toString().toLatin1();
    const QJsonValue carried = payload.value(QStringLiteral("interval"));
    const qint64 interval = carried.isUndefined() ? 0 : carried.toInteger(-1);
    if (interval != 0 ? !ChainSigner::isValidCheckpointInterval(interval) : e.seq >= signing.intervalFromSeq)
        return std::nullopt;
    const bool holds = seq == e.seq - 1 && hash == previousHash && !signing.publicKey.isEmpty()
        && key == signing.publicKey
        && ChainSigner::verify(
            key, ChainSigner::checkpointMessage(signing.historyId, seq, hash, at, interval), signature);
    if (!holds)
        return std::nullopt;
    return CheckpointClaim { interval != 0 ? interval : ChainSigner::DefaultCheckpointInterval,
        payload.value(QStringLiteral("reason")).toString() == QLatin1String(ChainSigner::settingReason) };
}

// Where and why the chain is broken.
struct Broken
{
    qint64 seq = 0;
    QString reason;
};
using Verdict = std::optional<Broken>;

// The schema version the history's tables show: each version from 5 on added a table or a column, so its presence
// means the migration ran. Read from the catalogue (a failing probe would end a PostgreSQL snapshot).
int versionShownByTables(QSqlDatabase& db)
{
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    QSqlQuery q(db);
    const bool read = q.exec(postgres ? QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                                                       "WHERE table_schema = current_schema()")
                                      : QStringLiteral("SELECT m.name, p.name FROM sqlite_master m, "
                                                       "pragma_table_info(m.name) p WHERE m.type = 'table'"));
    QSet<QString> columns;
    while (read && q.next())
        columns.insert(q.value(0).toString() + u'.' + q.value(1).toString());
    static const std::pair<int, const char*> added[] = { { Migrations::checkpointIntervalVersion,
                                                             "chain_head.checkpoint_interval" },
        { Migrations::signedVersion, "chain_head.signature" },
        { 8, "dashboard_hours.hour" },
        { 7, "cases.error_kind" },
        { 6, "reviews.case_id" },
        { 5, "accounts.name" } };
    for (const auto& [version, column] : added) {
        if (columns.contains(QLatin1String(column)))
            return version;
    }
    return 0;
}

// Before the walk: meta.schema_version decides which checks apply (signatures from 9 on, reviews from 6, ...), so one
// lowered below what the tables show would have them skipped.
Verdict checkSchemaVersion(QSqlDatabase& db, int recorded)
{
    const int shown = versionShownByTables(db);
    if (recorded >= shown)
        return std::nullopt;
    return Broken { 1,
        ChainVerifier::tr("The history's schema version (%1) is lower than its tables show (%2): it was lowered "
                          "outside the application, so that the checks added since would be skipped.")
            .arg(recorded)
            .arg(shown) };
}

// Before the walk: the history's signing key is there (schema version 9 on) and is the one the caller's keys make.
Verdict checkSigningKey(const Signing& signing, bool signedHistory, const QByteArray& expected, qint64 recordedSeq)
{
    if (signedHistory && signing.publicKey.isEmpty())
        return Broken { recordedSeq,
            ChainVerifier::tr("The history has no signing key (meta.signing_key): it was removed outside the "
                              "application, so nothing written can be told from a forgery.") };
    if (!expected.isEmpty() && signedHistory && signing.publicKey != expected)
        return Broken { 1,
            ChainVerifier::tr("The history's signing key (%1) is not the one its keys make (%2): the key was "
                              "replaced, and everything it signed may be forged.")
                .arg(ChainSigner::displayFingerprint(signing.publicKey), ChainSigner::displayFingerprint(expected)) };
    return std::nullopt;
}

// The anchors given (Options::anchor and Options::anchors) by the seq they name, each judged before the walk.
struct Anchors
{
    QHash<qint64, ChainAnchor> bySeq;
    qint64 lowest = -1;
};

Verdict gatherAnchors(const ChainVerifier::Options& options,
    const QString& historyId,
    const Signing& signing,
    qint64 recordedSeq,
    Anchors* out)
{
    QList<ChainAnchor> given = options.anchors;
    if (options.anchor)
        given.prepend(*options.anchor);
    for (const ChainAnchor& anchor : std::as_const(given)) {
        if (const QString refusal = anchorRefusal(anchor, historyId, signing, recordedSeq); !refusal.isEmpty())
            return Broken { anchor.seq, refusal };
        if (out->bySeq.contains(anchor.seq) && out->bySeq.value(anchor.seq).hash != anchor.hash)
            return Broken { anchor.seq,
                ChainVerifier::tr("Two anchors name event %1 with different hashes.").arg(anchor.seq) };
        out->bySeq.insert(anchor.seq, anchor);
        out->lowest = out->lowest < 0 ? anchor.seq : qMin(out->lowest, anchor.seq);
    }
    return std::nullopt;
}

// One pass over the events in seq order: each follows the one before, hashes to what it says, carries its
// checkpoints and matches the anchors that name it; the cases and reviews it implies are projected on the way.
class ChainWalk
{
public:
    ChainWalk(const Signing& signing, bool signedHistory, qint64 recordedSeq, const Anchors& anchors)
        : m_signing(signing)
        , m_signedHistory(signedHistory)
        , m_recordedSeq(recordedSeq)
        , m_anchors(anchors)
    {
        anchorsSeen = anchors.bySeq.contains(0) ? 1 : 0; // event 0 is the empty history: always met
    }

    Verdict step(RawEvent& e)
    {
        if (e.seq != expected) {
            if (e.seq > expected)
                return Broken { expected,
                    ChainVerifier::tr("Event %1 is missing (the next event is %2).").arg(expected).arg(e.seq) };
            return Broken { e.seq, ChainVerifier::tr("Event %1 is out of order.").arg(e.seq) };
        }
        const std::optional<qint64> tsMs = CanonicalEvent::parseTimestampMs(e.stored.ts);
        if (!tsMs)
            return Broken { e.seq, ChainVerifier::tr("Event %1 has a malformed time stamp.").arg(e.seq) };
        e.tsMs = *tsMs;
        if (e.prevHash != QByteArrayView(running))
            return Broken { e.seq,
                ChainVerifier::tr("Event %1 does not follow the event before it (previous hash mismatch): a row was "
                                  "deleted, inserted or moved.")
                    .arg(e.seq) };
        // The previous hash the event names is the verified one, so the hash computed after it is the chain's.
        if (e.computedHash.size() != 64 || e.hash != e.computedHash)
            return Broken { e.seq,
                ChainVerifier::tr("Event %1 was changed after it was written (hash mismatch).").arg(e.seq) };
        if (Verdict checkpoint = checkCheckpoint(e); checkpoint)
            return checkpoint;
        running.resize(e.computedHash.size()); // the same buffer event after event: no allocation per event
        std::memcpy(running.data(), e.computedHash.data(), static_cast<size_t>(e.computedHash.size()));
        ++count;
        projection.apply(e);
        if (const auto it = m_anchors.bySeq.constFind(e.seq); it != m_anchors.bySeq.constEnd()) {
            ++anchorsSeen;
            if (e.hash != QByteArrayView(it->hash))
                return Broken { e.seq,
                    ChainVerifier::tr("Event %1 differs from the exported anchor: the history was rewritten.")
                        .arg(e.seq) };
        }
        ++expected;
        return std::nullopt;
    }

    QByteArray running = CanonicalEvent::genesisHash();
    qint64 expected = 1;
    qint64 count = 0;
    qint64 checkpoints = 0;
    qint64 interval = ChainSigner::DefaultCheckpointInterval; // set by each checkpoint
    qint64 anchorsSeen = 0;
    CaseProjection projection;

private:
    // A checkpoint is due right after every event of a signed history (but the head) whose seq is a multiple of the
    // interval the last checkpoint set, and a checkpoint signs the event before it.
    Verdict checkCheckpoint(const RawEvent& e)
    {
        const bool isCheckpoint = e.stored.kind == QByteArrayView(EventKind::checkpoint);
        if (m_checkpointDueAfter > 0 && !isCheckpoint)
            return Broken { e.seq,
                ChainVerifier::tr("The checkpoint after event %1 is missing: it was removed and the chain rewritten.")
                    .arg(m_checkpointDueAfter) };
        m_checkpointDueAfter = 0;
        if (isCheckpoint && !m_signedHistory)
            return Broken { e.seq,
                ChainVerifier::tr("Event %1 is a checkpoint, which only a signed history holds, but the history says "
                                  "it was written before signing: its schema version or signing records were "
                                  "altered.")
                    .arg(e.seq) };
        if (isCheckpoint) {
            const std::optional<CheckpointClaim> holds = checkpointHolds(e, running, m_signing);
            if (!holds)
                return Broken { e.seq,
                    ChainVerifier::tr("The checkpoint at event %1 does not carry a valid signature of the history's "
                                      "key over the event before it: the events before it were rewritten, or the "
                                      "checkpoint was forged.")
                        .arg(e.seq) };
            // Only a change of the setting, signed as such, changes the interval: a writer misled by an edited
            // chain_head.checkpoint_interval signs the wrong value under another reason, and is reported here.
            if (holds->interval != interval && !holds->changesSetting)
                return Broken { e.seq,
                    ChainVerifier::tr("The checkpoint at event %1 carries the checkpoint interval %2, but %3 is in "
                                      "force and no change of the setting was signed: the interval was altered in "
                                      "the database.")
                        .arg(e.seq)
                        .arg(holds->interval)
                        .arg(interval) };
            ++checkpoints;
            interval = holds->interval;
        } else if (m_signedHistory && e.seq >= m_signing.signedFromSeq && e.seq % interval == 0
            && e.seq < m_recordedSeq) {
            m_checkpointDueAfter = e.seq;
        }
        return std::nullopt;
    }

    const Signing& m_signing;
    const bool m_signedHistory;
    const qint64 m_recordedSeq;
    const Anchors& m_anchors;
    qint64 m_checkpointDueAfter = 0; // the seq a checkpoint must follow, 0 when none is due
};

// After the walk: it ended at the recorded head, nothing lies beyond it, every anchor was met.
Verdict checkEnd(
    QSqlDatabase& db, const ChainWalk& walk, qint64 recordedSeq, const QByteArray& recordedHash, const Anchors& anchors)
{
    const qint64 lastSeq = walk.expected - 1;
    if (lastSeq != recordedSeq)
        return Broken { lastSeq + 1,
            ChainVerifier::tr("The chain head records %1 events but only %2 are present: events at the end were "
                              "deleted.")
                .arg(recordedSeq)
                .arg(lastSeq) };
    if (recordedHash != walk.running)
        return Broken { lastSeq, ChainVerifier::tr("The chain head does not match the last event %1.").arg(lastSeq) };
    // A forged tail beyond the recorded head.
    QSqlQuery extra(db);
    extra.prepare(QStringLiteral("SELECT MIN(seq) FROM events WHERE seq > ?"));
    extra.bindValue(0, recordedSeq);
    if (extra.exec() && extra.next() && !extra.value(0).isNull()) {
        // Another writer may have appended since we read the head; re-read it before judging.
        const qint64 beyond = extra.value(0).toLongLong();
        QSqlQuery again(db);
        if (again.exec(QStringLiteral("SELECT seq FROM chain_head WHERE id = 1")) && again.next()
            && again.value(0).toLongLong() < beyond)
            return Broken { beyond,
                ChainVerifier::tr("Event %1 lies beyond the chain head: it was inserted outside the application.")
                    .arg(beyond) };
    }
    // Only an anchor at a seq > 0 can be missed; those beyond the head were refused before the walk.
    if (walk.anchorsSeen < anchors.bySeq.size())
        return Broken { anchors.lowest,
            ChainVerifier::tr("An anchored event is no longer in the history: events were deleted.") };
    return std::nullopt;
}

// The dashboard's hourly counts against the cases (which matched their events): an edit shows as broken at the head.
void compareDashboard(QSqlDatabase& db, const DashboardCheck::Recount& recount, ChainReport& report)
{
    QString error;
    const std::optional<DashboardCheck::Difference> difference = DashboardCheck::firstDifference(db, recount, &error);
    if (!difference && error.isEmpty())
        return;
    report.ok = false;
    report.firstBrokenSeq = report.headSeq;
    report.reason = difference
        ? ChainVerifier::tr("The dashboard's counts for the hour %1:00 (UTC) of %2 (%3) do not match the case "
                            "records: the dashboard_hours table was edited.")
              .arg(difference->hour,
                  difference->actor,
                  difference->training ? ChainVerifier::tr("training") : ChainVerifier::tr("live"))
        : ChainVerifier::tr("Cannot read the dashboard's counts: %1").arg(error);
}

// 32 raw bytes from 64 lowercase hex digits (as the chain writes them); false for anything else. Runs once per event.
bool rawFromHex(QByteArrayView hex, unsigned char* raw)
{
    static constexpr auto values = [] {
        std::array<unsigned char, 256> table {};
        table.fill(0xff); // not a digit
        for (int c = '0'; c <= '9'; ++c)
            table[static_cast<size_t>(c)] = static_cast<unsigned char>(c - '0');
        for (int c = 'a'; c <= 'f'; ++c)
            table[static_cast<size_t>(c)] = static_cast<unsigned char>(c - 'a' + 10);
        return table;
    }();
    if (hex.size() != 64)
        return false;
    const auto* digits = reinterpret_cast<const unsigned char*>(hex.data());
    unsigned seen = 0; // every digit's value or'ed: above 0xf when any is not a digit
    for (qsizetype i = 0; i < 32; ++i) {
        const unsigned high = values[digits[2 * i]];
        const unsigned low = values[digits[2 * i + 1]];
        seen |= high | low;
        raw[i] = static_cast<unsigned char>((high << 4) | (low & 0xfu));
    }
    return seen <= 0xfu;
}

// The events up to lastSeq in seq order, each visited as the bytes of its columns (straight from SQLite's own API, a
// few thousand rows ahead, where it can; through Qt otherwise); stops when visit returns false. False (and *error) on
// a read error. Each event's chain hash after the previous hash it names (RawEvent::computedHash) is computed before
// the walk sees it, on the reading thread or this one, whichever has room (SqliteRows::Annotate): every event's hash
// depends only on its own row, and ChainWalk::step accepts it only once that named previous hash is the one the walk
// verified.
bool forEachEvent(QSqlDatabase& db, qint64 lastSeq, const std::function<bool(RawEvent&)>& visit, QString* error)
{
    static const char sql[] = "SELECT seq, ts, actor, workstation, case_id, kind, payload, pii_digest, prev_hash, hash "
                              "FROM events WHERE seq <= ? ORDER BY seq";
    auto annotate = [](const SqliteRows::Row& row, std::string* extra) {
        thread_local std::string scratch; // runs on two threads at once (SqliteRows::Annotate)
        const QByteArrayView* cells = row.cells;
        unsigned char previous[32];
        if (!rawFromHex(cells[8], previous))
            return; // no hash: the walk finds the previous hash wrong first
        char seqText[24];
        const auto seqEnd = std::to_chars(seqText, seqText + sizeof seqText, integerOf(cells[0], false, 0)).ptr;
        // canonical: the seq as parsed, whatever the column held
        const CanonicalEvent::Fields fields { QByteArrayView(seqText, seqEnd - seqText),
            cells[1],
            cells[2],
            cells[3],
            cells[4],
            cells[5],
            cells[6],
            cells[7] };
        char hex[64];
        unsigned char raw[32];
        CanonicalEvent::chainHashInto(previous, fields, scratch, hex, raw);
        extra->append(hex, sizeof hex);
    };
    auto visitRow = [&visit](const SqliteRows::Row& row) {
        const QByteArrayView* cells = row.cells;
        RawEvent e { integerOf(cells[0], false, 0),
            0,
            { cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7] },
            cells[8],
            cells[9],
            cells[10] };
        return visit(e);
    };
    // SQLite is read on a thread of its own while this one walks and projects; the hashing is shared between them.
    return SqliteRows::forEachOrQt(db, sql, { lastSeq }, visitRow, error, annotate);
}

} // namespace

ChainReport ChainVerifier::verify(QSqlDatabase db, const Options& options)
{
    const ReadSnapshot snapshot(db, options.snapshot);
    ChainReport report;
    report.headHash = CanonicalEvent::genesisHash();
    auto broken = [&report](const Broken& where) {
        report.ok = false;
        report.firstBrokenSeq = where.seq;
        report.reason = where.reason;
        return report;
    };

    // The recorded head, read first: anything appended while we walk lies beyond it and is not judged.
    QSqlQuery headQuery(db);
    if (!headQuery.exec(QStringLiteral("SELECT seq, hash FROM chain_head WHERE id = 1")) || !headQuery.next())
        return broken({ 1, tr("The chain head record is missing: %1").arg(headQuery.lastError().text()) });
    const qint64 recordedSeq = headQuery.value(0).toLongLong();
    const QByteArray recordedHash = headQuery.value(1).toString().toLatin1();
    headQuery.finish();

    Signing signing = readSigning(db);
    const QString historyId = options.historyId.isEmpty() ? signing.historyId : options.historyId;
    signing.historyId = historyId;
    report.publicKey = signing.publicKey;
    if (Verdict version = checkSchemaVersion(db, signing.schemaVersion); version)
        return broken(*version);
    const bool signedHistory = signing.schemaVersion >= Migrations::signedVersion;
    if (Verdict key = checkSigningKey(signing, signedHistory, options.expectedPublicKey, recordedSeq); key)
        return broken(*key);
    Anchors anchors;
    if (Verdict refused = gatherAnchors(options, historyId, signing, recordedSeq, &anchors); refused)
        return broken(*refused);

    ChainWalk walk(signing, signedHistory, recordedSeq, anchors);
    Verdict stepVerdict;
    QString readError;
    const bool read = forEachEvent(
        db,
        recordedSeq,
        [&](RawEvent& e) {
            stepVerdict = walk.step(e);
            return !stepVerdict;
        },
        &readError);
    report.count = walk.count;
    report.checkpoints = walk.checkpoints;
    if (stepVerdict)
        return broken(*stepVerdict);
    if (!read)
        return broken({ walk.expected, tr("Cannot read the events: %1").arg(readError) });
    if (Verdict end = checkEnd(db, walk, recordedSeq, recordedHash, anchors); end)
        return broken(*end);
    if (signedHistory && !signing.publicKey.isEmpty()) {
        if (!ChainSigner::verify(signing.publicKey,
                ChainSigner::headMessage(historyId, recordedSeq, recordedHash),
                signing.headSignature))
            return broken({ recordedSeq,
                tr("The chain head (event %1) does not carry the history's signature: events were appended, "
                   "rewritten or removed outside the application after the last signed write.")
                    .arg(recordedSeq) });
        report.headSigned = true;
    }
    // The interval writers follow, against the one the checkpoints signed: changed outside the application, it
    // would have writers leave out checkpoints (or the verifier miss them).
    if (signing.schemaVersion >= Migrations::checkpointIntervalVersion && signing.headInterval != walk.interval)
        return broken({ recordedSeq,
            tr("The chain head's checkpoint interval (%1) is not the one the last checkpoint signed (%2): it was "
               "changed outside the application.")
                .arg(signing.headInterval)
                .arg(walk.interval) });
    report.checkpointInterval = walk.interval;
    report.anchorChecked = !anchors.bySeq.isEmpty();
    report.anchorsChecked = anchors.bySeq.size();
    report.ok = true;
    report.headSeq = recordedSeq;
    report.headHash = walk.running;
    report.exactTimesFromSeq = exactTimesFromSeq(db, recordedSeq);
    DashboardCheck::Recount recount;
    compareCases(db, walk.projection.cases, options.piiCheck, signing.schemaVersion, report, &recount);
    ProjectionCheck::compareAll(db, walk.projection, signing.schemaVersion, report);
    // Said once every comparison ran, whichever of them named the first broken place.
    if (report.brokenCases > 1)
        report.reason += u' ' + tr("In all, %1 case records differ from their events.").arg(report.brokenCases);
    if (report.ok)
        compareDashboard(db, recount, report);
    if (!report.ok) {
        report.anchorChecked = false;
        report.anchorsChecked = 0;
    }
    return report;
}
