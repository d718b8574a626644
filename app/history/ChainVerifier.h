#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// A head hash exported out of the app ("anchored"), to detect a wholesale rewrite or a roll-back of the history later.
// Since schema version 9 an anchor is signed by the history's key (ChainSigner::checkpointMessage over historyId,
// seq, hash and exportedAt) and carries the public key; every checkpoint can be written out as one.
struct ChainAnchor
{
    Q_DECLARE_TR_FUNCTIONS(ChainAnchor)
public:
    QString historyId;
    qint64 seq = 0;
    QByteArray hash; // hex
    QDateTime exportedAt; // UTC
    QByteArray publicKey; // hex; empty for an unsigned (format 1) anchor
    QByteArray signature; // hex

    bool isSigned() const { return !signature.isEmpty(); }
    // Format 2 (signed): {"format":"ekyc-desk-anchor/2","historyId":..,"seq":..,"hash":..,"exportedAt":..,
    // "publicKey":..,"keyFingerprint":..,"signature":..}; format 1 without the last three.
    QJsonObject toJson() const;
    // Refuses a signed anchor whose signature does not match its own content and key (*altered set: tamper
    // evidence, not a usage error).
    static std::optional<ChainAnchor> fromJson(const QByteArray& json, QString* error, bool* altered = nullptr);
    // The anchors of historyId in a folder and in its subfolder named after the history (AuditStore::Options::
    // anchorDirectory), in seq order; unreadable or foreign files are reported in *errors.
    static QList<ChainAnchor> readDirectory(const QString& dir, const QString& historyId, QStringList* errors);
    // The file name a checkpoint's anchor is written under: anchor-<seq, 12 digits>.json
    QString fileName() const;
};

struct ChainReport
{
    bool ok = false;
    qint64 count = 0; // events walked
    qint64 headSeq = 0;
    QByteArray headHash; // hex; the genesis hash for an empty history
    qint64 firstBrokenSeq = 0; // 0 when ok
    QString reason; // translated, empty when ok
    bool anchorChecked = false;
    qint64 anchorsChecked = 0; // anchors confirmed (the one anchor, or those of Options::anchors)
    // The signatures (schema version 9 on): the head's, and every checkpoint's on the way.
    bool headSigned = false; // the head carries a valid signature of the history's key
    qint64 checkpoints = 0; // checkpoint events verified
    qint64 checkpointInterval = 0; // the one in force at the head, as the last checkpoint signed it
    QByteArray publicKey; // hex, from meta.signing_key; empty for a history from before signing
    // The cases projection, compared with what the events say (only when the chain itself verified).
    qint64 casesChecked = 0; // rows of the cases table read
    qint64 brokenCases = 0; // case records (rows, reviews, notes) that are missing, extra or differ from their events
    QString brokenCaseId; // the first of them (lowest case_created seq), empty when none
    // Case times written by events from this seq on are compared exactly; earlier ones (written before schema
    // version 4) within ChainVerifier::projectionSlackMs. headSeq + 1 when no event is compared exactly.
    qint64 exactTimesFromSeq = 1;
};

// The personal-data columns of one unpurged case record, for a check that needs the history's keys.
struct CasePii
{
    QString caseId;
    QByteArray nameEnc;
    QByteArray idEnc;
    QString nameMasked;
    QString idMasked;
    QString idIndex; // empty for NULL
};
// True when the masks and the blind index belong to the decrypted name and ID number.
using CasePiiCheck = std::function<bool(const CasePii&)>;

// Walks the events table in seq order and recomputes the chain (see CanonicalEvent). Detects an edited field
// (hash mismatch), a deleted, inserted or reordered row (seq gap or prev_hash mismatch), a deleted or forged tail
// (disagreement with the chain_head row) and, with an anchor, a rewrite that re-hashed everything after the anchor.
//
// Then checks the cases projection (what the history list, ID-number search, reveal and the purge read) against the
// verified events: each case's expected row is rebuilt from its events (case_created: created_at, actor, workstation,
// merchant_biz_id, scene_code, training, pii_digest; attempt_sent: attempts; case_completed and review_decision:
// state, passed, sub_code; retention_purge: purged, erased PII; every event of the case: updated_at) and compared
// with every row of the cases table. A missing, extra or differing row breaks the history. The ciphertexts of an
// unpurged case must hash to the case_created pii_digest, its masks and blind index must be present exactly when
// the data they mask is, and a purged case must have no ciphertext, masks or index. With a CasePiiCheck (the store
// has the keys) the masks and index are also compared with the decrypted values.
//
// Signatures (schema version 9 on, see ChainSigner): the chain head must carry a valid signature of the key in
// meta.signing_key over its seq and hash, and every checkpoint event must sign the event before it with that key;
// from meta.signed_from_seq on, a checkpoint must follow every event whose seq is a multiple of the checkpoint interval
// in force (the one the last checkpoint carried and signed; ChainSigner::DefaultCheckpointInterval before any did),
// and from schema version 10 on chain_head.checkpoint_interval must equal it. A signed anchor must carry the
// history's key and a valid signature.
//
// Everything is read in one snapshot (a read transaction), so a concurrent writer never looks like tampering.
class ChainVerifier
{
    Q_DECLARE_TR_FUNCTIONS(ChainVerifier)
public:
    struct Options
    {
        std::optional<ChainAnchor> anchor;
        QList<ChainAnchor> anchors; // more anchors (audit verify --anchors DIR), each checked like anchor
        QString historyId; // to refuse an anchor from another history; empty: meta.history_id
        // The public key the history's keys derive (ChainSigner; the store has them): meta.signing_key must be it,
        // so a key swapped in by someone who rewrote and re-signed everything is found. Empty: trust meta.
        QByteArray expectedPublicKey;
        CasePiiCheck piiCheck; // optional
        bool snapshot = true; // false when db is already inside a transaction (a write batch)
    };

    static ChainReport verify(const QSqlDatabase& db,
        const std::optional<ChainAnchor>& anchor = std::nullopt,
        const QString& historyId = QString());
    static ChainReport verify(QSqlDatabase db, const Options& options);

    // Exact case times. Since schema version 4 (Migrations::exactTimesVersion) a write reads the clock once, so
    // created_at, updated_at and purged_at must equal the ts of the event that wrote them, to the millisecond. Before
    // it, the case record was written from a second reading of the clock and may differ by the time one statement
    // took. The rule, by the seq of the event a time belongs to (case_created, the case's last event,
    // retention_purge):
    //   - seq >= meta.exact_times_from_seq (the head + 1 when the migration ran; 1 for a history created since):
    //     exact;
    //   - an earlier seq: within projectionSlackMs;
    //   - a history still at schema version 3 or older (not yet opened by this version, e.g. `audit verify` on an
    //     old file): every time within projectionSlackMs;
    //   - version 4 or newer with the meta value missing, malformed or beyond the head + 1: exact from seq 1 (the
    //     strictest reading; that value is only ever written by the migration).
    // The meta table is not covered by the chain: someone with database access who raises the value can regain the
    // slack for the events before it, never more than projectionSlackMs. ChainReport::exactTimesFromSeq shows the
    // value used.
    static constexpr qint64 projectionSlackMs = qint64 { 60 } * 1000;
};
