#include "ChainVerifier.h"

#include "crypto/Crypto.h"
#include "crypto/PiiCipher.h"
#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"
#include "history/ChainSigner.h"
#include "history/Migrations.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {

// One case's row in the cases table as its events say it must be.
struct ExpectedCase
{
    qint64 createdSeq = 0;
    qint64 createdMs = 0;
    qint64 updatedSeq = 0; // the event that last changed the case
    qint64 updatedMs = 0;
    qint64 purgedSeq = 0; // its retention_purge event
    qint64 purgedMs = -1; // -1: not purged
    QString actor;
    QString workstation;
    QString merchantBizId;
    QString sceneCode;
    QString state;
    QString subCode;
    QString errorKind; // of the last case_completed
    QString errorCode;
    QString requestId;
    QByteArray piiDigest;
    qint32 attempts = 0;
    qint8 passed = -1; // -1: NULL
    bool training = false;
    bool seen = false;
    // Its manual review, from its review_action events (reviewState empty: never sent to review).
    QString reviewState;
    QString reviewAssignee;
    bool reviewEscalated = false;
    QString proposedBy;
    QString proposedDecision;
    QString decision;
    QString decidedBy;
    QString approvedBy;
    qint64 reviewSeq = 0; // the first review_action
    bool reviewSeen = false;
};

// Shares the storage of the few distinct actors, workstations, scenes, states and SubCodes among all cases.
class StringPool
{
public:
    QString intern(const QString& s)
    {
        const auto it = m_pool.constFind(s);
        if (it != m_pool.constEnd())
            return *it;
        m_pool.insert(s);
        return s;
    }

private:
    QSet<QString> m_pool;
};

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
// slack; see ChainVerifier::projectionSlackMs); NULL or malformed never matches. parseTimestamp accepts only the
// canonical "yyyy-MM-ddTHH:mm:ss.zzzZ", so an exact match is the same text as the event's ts.
bool timeMatches(const QVariant& column, qint64 expectedMs, qint64 seq, qint64 exactFromSeq)
{
    if (column.isNull())
        return false;
    const QDateTime t = CanonicalEvent::parseTimestamp(column.toString());
    if (!t.isValid())
        return false;
    const qint64 delta = qAbs(t.toMSecsSinceEpoch() - expectedMs);
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

bool isEmptyColumn(const QVariant& column)
{
    return column.isNull() || column.toByteArray().isEmpty();
}

// The review after one review_action event: the payload names the state after it and what changed; the assignee is
// set by claim and reassign and cleared by release, escalation and reopening; a proposal is its event's actor's.
void projectReview(ExpectedCase& c, StringPool& pool, const AuditEvent& e)
{
    const QJsonObject payload = e.payloadObject();
    const QString action = payload.value(QStringLiteral("action")).toString();
    const QString state = payload.value(QStringLiteral("state")).toString();
    if (c.reviewState.isEmpty())
        c.reviewSeq = e.seq;
    c.reviewState = pool.intern(state);
    if (payload.contains(QStringLiteral("escalated")))
        c.reviewEscalated = payload.value(QStringLiteral("escalated")).toBool();
    if (action == QLatin1String("claim") || action == QLatin1String("reassign"))
        c.reviewAssignee = pool.intern(payload.value(QStringLiteral("assignee")).toString());
    else if (action == QLatin1String("release") || action == QLatin1String("reopen")
        || state == QLatin1String("escalated"))
        c.reviewAssignee.clear();
    const bool closed = state == QLatin1String("approved") || state == QLatin1String("rejected");
    if (action == QLatin1String("propose") && state == QLatin1String("proposed")) {
        c.proposedBy = pool.intern(e.actor);
        c.proposedDecision = payload.value(QStringLiteral("decision")).toString();
    } else if (action == QLatin1String("propose") && closed) { // decided alone, without four-eyes
        c.decision = payload.value(QStringLiteral("decision")).toString();
        c.decidedBy = pool.intern(e.actor);
        c.approvedBy.clear();
    } else if (action == QLatin1String("approve") && closed) {
        c.decision = c.proposedDecision;
        c.decidedBy = c.proposedBy;
        c.approvedBy = pool.intern(e.actor);
    } else if (action == QLatin1String("reopen")) {
        c.decision.clear();
        c.decidedBy.clear();
        c.approvedBy.clear();
    }
    if (state != QLatin1String("proposed")) {
        c.proposedBy.clear();
        c.proposedDecision.clear();
    }
}

// Folds one verified event into the expected projection.
void project(QHash<QString, ExpectedCase>& cases, StringPool& pool, const AuditEvent& e)
{
    if (e.kind == QLatin1String(EventKind::retentionPurge)) {
        const QJsonObject payload = e.payloadObject();
        const qint64 at = e.ts.toMSecsSinceEpoch();
        const QJsonValue ids = payload.value(QStringLiteral("caseIds"));
        if (ids.isArray()) {
            for (const QJsonValue id : ids.toArray()) {
                const auto it = cases.find(id.toString());
                if (it != cases.end() && it->purgedMs < 0) {
                    it->purgedMs = at;
                    it->purgedSeq = e.seq;
                }
            }
            return;
        }
        // Written before the event listed its cases: every case created before the cut-off.
        const QDateTime cutoff = CanonicalEvent::parseTimestamp(payload.value(QStringLiteral("cutoff")).toString());
        if (!cutoff.isValid())
            return;
        const qint64 cutoffMs = cutoff.toMSecsSinceEpoch();
        for (ExpectedCase& c : cases) {
            if (c.purgedMs < 0 && c.createdMs < cutoffMs) {
                c.purgedMs = at;
                c.purgedSeq = e.seq;
            }
        }
        return;
    }
    if (e.caseId.isEmpty())
        return;
    if (e.kind == QLatin1String(EventKind::caseCreated)) {
        if (cases.contains(e.caseId))
            return; // never written by the app; the first one stands
        const QJsonObject payload = e.payloadObject();
        ExpectedCase c;
        c.createdSeq = e.seq;
        c.createdMs = e.ts.toMSecsSinceEpoch();
        c.updatedSeq = e.seq;
        c.updatedMs = c.createdMs;
        c.actor = pool.intern(e.actor);
        c.workstation = pool.intern(e.workstation);
        c.merchantBizId = payload.value(QStringLiteral("merchantBizId")).toString();
        c.sceneCode = pool.intern(payload.value(QStringLiteral("sceneCode")).toString());
        c.training = payload.value(QStringLiteral("training")).toBool();
        c.state = pool.intern(QLatin1String(CaseState::pending));
        c.subCode = pool.intern(QString());
        c.piiDigest = e.piiDigest;
        cases.insert(e.caseId, c);
        return;
    }
    const auto it = cases.find(e.caseId);
    if (it == cases.end())
        return; // the app writes no event for a case it has not created
    it->updatedSeq = e.seq;
    it->updatedMs = e.ts.toMSecsSinceEpoch();
    if (e.kind == QLatin1String(EventKind::reviewAction)) {
        projectReview(*it, pool, e);
    } else if (e.kind == QLatin1String(EventKind::attemptSent)) {
        ++it->attempts;
    } else if (e.kind == QLatin1String(EventKind::caseCompleted)
        || e.kind == QLatin1String(EventKind::reviewDecision)) {
        const QJsonObject payload = e.payloadObject();
        it->state = pool.intern(payload.value(QStringLiteral("state")).toString());
        const QJsonValue passed = payload.value(QStringLiteral("passed"));
        it->passed = static_cast<qint8>(passed.isBool() ? (passed.toBool() ? 1 : 0) : -1);
        it->subCode = pool.intern(payload.value(QStringLiteral("subCode")).toString());
        if (e.kind == QLatin1String(EventKind::caseCompleted)) {
            it->errorKind = pool.intern(payload.value(QStringLiteral("error")).toString());
            it->errorCode =
                it->errorKind.isEmpty() ? QString() : pool.intern(payload.value(QStringLiteral("code")).toString());
            it->requestId = payload.value(QStringLiteral("requestId")).toString();
        }
    }
}

// The columns of one row that differ from its expected projection; empty when it matches.
QStringList differences(const QSqlQuery& row,
    const QString& caseId,
    const ExpectedCase& c,
    const CasePiiCheck& piiCheck,
    qint64 exactFromSeq,
    bool callColumnsKept)
{
    QStringList columns;
    if (!timeMatches(row.value(1), c.createdMs, c.createdSeq, exactFromSeq))
        columns << QStringLiteral("created_at");
    if (!timeMatches(row.value(2), c.updatedMs, c.updatedSeq, exactFromSeq))
        columns << QStringLiteral("updated_at");
    if (row.value(3).toString() != c.actor)
        columns << QStringLiteral("actor");
    if (row.value(4).toString() != c.workstation)
        columns << QStringLiteral("workstation");
    if (row.value(5).toString() != c.merchantBizId)
        columns << QStringLiteral("merchant_biz_id");
    if (row.value(6).toString() != c.sceneCode)
        columns << QStringLiteral("scene_code");
    if (row.value(7).toString() != c.state)
        columns << QStringLiteral("state");
    if (row.value(8).toString() != c.subCode)
        columns << QStringLiteral("sub_code");
    const QVariant passed = row.value(9);
    if ((passed.isNull() ? -1 : (passed.toInt() != 0 ? 1 : 0)) != c.passed)
        columns << QStringLiteral("passed");
    if (row.value(10).isNull() || (row.value(10).toInt() != 0) != c.training)
        columns << QStringLiteral("training");
    if (row.value(11).isNull() || row.value(11).toLongLong() != c.attempts)
        columns << QStringLiteral("attempts");
    const std::pair<const char*, const QString*> callColumns[] = {
        { "error_kind", &c.errorKind }, { "error_code", &c.errorCode }, { "request_id", &c.requestId }
    };
    for (int i = 0; i < 3 && callColumnsKept; ++i) {
        if (row.value(18 + i).toString() != *callColumns[i].second)
            columns << QLatin1String(callColumns[i].first);
    }

    const QVariant nameEnc = row.value(12);
    const QVariant idEnc = row.value(13);
    const QVariant nameMasked = row.value(14);
    const QVariant idMasked = row.value(15);
    const QVariant idIndex = row.value(16);
    const QVariant purgedAt = row.value(17);
    if (c.purgedMs >= 0) {
        if (!timeMatches(purgedAt, c.purgedMs, c.purgedSeq, exactFromSeq))
            columns << QStringLiteral("purged_at");
        const std::pair<const char*, const QVariant*> erased[] = { { "name_enc", &nameEnc },
            { "id_enc", &idEnc },
            { "name_masked", &nameMasked },
            { "id_masked", &idMasked },
            { "id_index", &idIndex } };
        for (const auto& [name, value] : erased) {
            if (!isEmptyColumn(*value))
                columns << QLatin1String(name);
        }
        return columns;
    }
    if (!purgedAt.isNull())
        columns << QStringLiteral("purged_at");
    const QByteArray nameBlob = nameEnc.toByteArray();
    const QByteArray idBlob = idEnc.toByteArray();
    const QString nameMask = nameMasked.toString();
    const QString idMask = idMasked.toString();
    const QString index = idIndex.isNull() ? QString() : idIndex.toString();
    // v2 digests (schema version 9 on) cover the masks and the index too; v1 digests only the ciphertexts.
    const bool v2 = c.piiDigest.startsWith(CanonicalEvent::piiDigestV2Prefix);
    const QByteArray recomputed = v2 ? CanonicalEvent::piiDigestV2(nameBlob, idBlob, nameMask, idMask, index.toLatin1())
                                     : CanonicalEvent::piiDigest({ nameBlob, idBlob });
    const qsizetype cipherPart = v2 ? qsizetype(sizeof CanonicalEvent::piiDigestV2Prefix) - 1 + 64 : recomputed.size();
    if (nameEnc.isNull() || idEnc.isNull() || recomputed.left(cipherPart) != c.piiDigest.left(cipherPart)) {
        columns << QStringLiteral("name_enc/id_enc");
        return columns; // the masks cannot be judged against foreign ciphertext
    }
    // A mask is empty exactly when what it masks is (a blob of an empty value is just the overhead); the blind
    // index exists exactly when the ID number does.
    const bool masksPresent = !nameMasked.isNull() && !idMasked.isNull()
        && nameMask.isEmpty() == (nameBlob.size() <= PiiCipher::Overhead)
        && idMask.isEmpty() == (idBlob.size() <= PiiCipher::Overhead) && index.isEmpty() == idMask.isEmpty();
    if (!masksPresent || recomputed != c.piiDigest
        || (piiCheck && !piiCheck(CasePii { caseId, nameBlob, idBlob, nameMask, idMask, index })))
        columns << QStringLiteral("name_masked/id_masked/id_index");
    return columns;
}

// Counts a record that differs from its events; the report names the one with the lowest seq.
void markBroken(ChainReport& report, qint64 seq, const QString& caseId, const QString& reason)
{
    ++report.brokenCases;
    if (report.ok || seq < report.firstBrokenSeq) {
        report.ok = false;
        report.firstBrokenSeq = seq;
        report.brokenCaseId = caseId;
        report.reason = reason;
    }
}

// Reads the cases table once and compares every row with the projection rebuilt from the events. Marks the report
// broken at the lowest case_created seq of any differing case.
void compareCases(
    QSqlDatabase& db, QHash<QString, ExpectedCase>& cases, const CasePiiCheck& piiCheck, ChainReport& report)
{
    auto mismatch = [&](qint64 seq, const QString& caseId, const QString& reason) {
        markBroken(report, seq, caseId, reason);
    };
    // A history older than schema version 7 (read as it is, unmigrated) has no error and RequestId columns.
    QSqlQuery version(db);
    const bool callColumnsKept = version.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"))
        && version.next() && version.value(0).toInt() >= 7;
    version.finish();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT case_id, created_at, updated_at, actor, workstation, merchant_biz_id, "
                               "scene_code, state, sub_code, passed, training, attempts, name_enc, id_enc, "
                               "name_masked, id_masked, id_index, purged_at, %1 FROM cases")
                    .arg(callColumnsKept ? QStringLiteral("error_kind, error_code, request_id")
                                         : QStringLiteral("'', '', ''")))) {
        report.ok = false;
        report.firstBrokenSeq = report.headSeq;
        report.reason = ChainVerifier::tr("Cannot read the case records: %1").arg(q.lastError().text());
        return;
    }
    while (q.next()) {
        ++report.casesChecked;
        const QString caseId = q.value(0).toString();
        const auto it = cases.find(caseId);
        if (it == cases.end()) {
            mismatch(report.headSeq,
                caseId,
                ChainVerifier::tr("The case record %1 has no case_created event: it was inserted outside the "
                                  "application.")
                    .arg(caseId));
            continue;
        }
        if (it->seen) // a duplicate key can only come from a table rebuilt without its primary key
            continue;
        it->seen = true;
        const QStringList columns = differences(q, caseId, *it, piiCheck, report.exactTimesFromSeq, callColumnsKept);
        if (!columns.isEmpty())
            mismatch(it->createdSeq,
                caseId,
                ChainVerifier::tr("The case record %1 does not match its events (%2): the cases table was edited.")
                    .arg(caseId, columns.join(QStringLiteral(", "))));
    }
    if (q.lastError().isValid()) {
        mismatch(
            report.headSeq, QString(), ChainVerifier::tr("Cannot read the case records: %1").arg(q.lastError().text()));
        return;
    }
    for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
        if (!it->seen)
            mismatch(it->createdSeq,
                it.key(),
                ChainVerifier::tr("The case record %1 is missing from the cases table: it was deleted.").arg(it.key()));
    }
    if (report.brokenCases > 1)
        report.reason +=
            u' ' + ChainVerifier::tr("In all, %1 case records differ from their events.").arg(report.brokenCases);
}

// Compares the reviews table (schema version 6 on) with the reviews the events describe: a state or an assignee
// edited in the table, a review row without events, or a reviewed case whose row is gone.
void compareReviews(QSqlDatabase& db, QHash<QString, ExpectedCase>& cases, ChainReport& report)
{
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    if (Migrations::currentVersion(db, postgres, nullptr) < 6)
        return; // written before manual review: there is no reviews table
    auto mismatch = [&](qint64 seq, const QString& caseId, const QString& reason) {
        markBroken(report, seq, caseId, reason);
    };
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT case_id, state, assignee, escalated, proposed_by, proposed_decision, decision, "
                               "decided_by, approved_by FROM reviews"))) {
        mismatch(report.headSeq,
            QString(),
            ChainVerifier::tr("Cannot read the review records: %1").arg(q.lastError().text()));
        return;
    }
    while (q.next()) {
        const QString caseId = q.value(0).toString();
        const auto it = cases.find(caseId);
        if (it == cases.end() || it->reviewState.isEmpty()) {
            mismatch(report.headSeq,
                caseId,
                ChainVerifier::tr("The review record of case %1 has no review events: it was inserted outside the "
                                  "application.")
                    .arg(caseId));
            continue;
        }
        it->reviewSeen = true;
        const ExpectedCase& c = *it;
        const std::pair<const char*, bool> columns[] = { { "state", q.value(1).toString() != c.reviewState },
            { "assignee", q.value(2).toString() != c.reviewAssignee },
            { "escalated", (q.value(3).toInt() != 0) != c.reviewEscalated },
            { "proposed_by", q.value(4).toString() != c.proposedBy },
            { "proposed_decision", q.value(5).toString() != c.proposedDecision },
            { "decision", q.value(6).toString() != c.decision },
            { "decided_by", q.value(7).toString() != c.decidedBy },
            { "approved_by", q.value(8).toString() != c.approvedBy } };
        QStringList differing;
        for (const auto& [name, differs] : columns) {
            if (differs)
                differing << QLatin1String(name);
        }
        if (!differing.isEmpty())
            mismatch(c.reviewSeq,
                caseId,
                ChainVerifier::tr("The review record of case %1 does not match its events (%2): the reviews table "
                                  "was edited.")
                    .arg(caseId, differing.join(QStringLiteral(", "))));
    }
    for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
        if (!it->reviewState.isEmpty() && !it->reviewSeen)
            mismatch(it->reviewSeq,
                it.key(),
                ChainVerifier::tr("The review record of case %1 is missing from the reviews table: it was deleted.")
                    .arg(it.key()));
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
};

Signing readSigning(QSqlDatabase& db)
{
    Signing s;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('schema_version', 'history_id', "
                              "'signing_key', 'signed_from_seq')"))) {
        while (q.next()) {
            const QString key = q.value(0).toString();
            const QString value = q.value(1).toString();
            if (key == QLatin1String("schema_version"))
                s.schemaVersion = value.toInt();
            else if (key == QLatin1String("history_id"))
                s.historyId = value;
            else if (key == QLatin1String(ChainSigner::MetaKey))
                s.publicKey = value.toLatin1();
            else
                s.signedFromSeq = qMax<qint64>(1, value.toLongLong());
        }
    }
    if (s.schemaVersion >= Migrations::signedVersion) {
        QSqlQuery head(db);
        if (head.exec(QStringLiteral("SELECT signature FROM chain_head WHERE id = 1")) && head.next())
            s.headSignature = head.value(0).toString().toLatin1();
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

// A checkpoint event: it signs the event before it (seq, hash) at its own time, with the history's key.
bool checkpointHolds(const AuditEvent& e, const QByteArray& previousHash, const Signing& signing)
{
    const QJsonObject payload = e.payloadObject();
    const QByteArray hash = payload.value(QStringLiteral("hash")).toString().toLatin1();
    const qint64 seq = payload.value(QStringLiteral("seq")).toInteger(-1);
    const QByteArray key = payload.value(QStringLiteral("key")).toString().toLatin1();
    const QByteArray signature = payload.value(QStringLiteral("signature")).toString().toLatin1();
    return seq == e.seq - 1 && hash == previousHash && !signing.publicKey.isEmpty() && key == signing.publicKey
        && ChainSigner::verify(key, ChainSigner::checkpointMessage(signing.historyId, seq, hash, e.ts), signature);
}

// Where and why the chain is broken.
struct Broken
{
    qint64 seq = 0;
    QString reason;
};
using Verdict = std::optional<Broken>;

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

    Verdict step(const AuditEvent& e, const QByteArray& tsText)
    {
        if (e.seq != expected) {
            if (e.seq > expected)
                return Broken { expected,
                    ChainVerifier::tr("Event %1 is missing (the next event is %2).").arg(expected).arg(e.seq) };
            return Broken { e.seq, ChainVerifier::tr("Event %1 is out of order.").arg(e.seq) };
        }
        if (!e.ts.isValid() || CanonicalEvent::timestamp(e.ts) != tsText)
            return Broken { e.seq, ChainVerifier::tr("Event %1 has a malformed time stamp.").arg(e.seq) };
        if (!Crypto::constantTimeEquals(e.prevHash, running) || e.prevHash.size() != running.size())
            return Broken { e.seq,
                ChainVerifier::tr("Event %1 does not follow the event before it (previous hash mismatch): a row was "
                                  "deleted, inserted or moved.")
                    .arg(e.seq) };
        const QByteArray computed = CanonicalEvent::chainHash(running, e);
        if (computed != e.hash)
            return Broken { e.seq,
                ChainVerifier::tr("Event %1 was changed after it was written (hash mismatch).").arg(e.seq) };
        if (Verdict checkpoint = checkCheckpoint(e); checkpoint)
            return checkpoint;
        running = computed;
        ++count;
        project(cases, pool, e);
        if (const auto it = m_anchors.bySeq.constFind(e.seq); it != m_anchors.bySeq.constEnd()) {
            ++anchorsSeen;
            if (e.hash != it->hash)
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
    qint64 anchorsSeen = 0;
    QHash<QString, ExpectedCase> cases;
    StringPool pool;

private:
    // A checkpoint is due right after every CheckpointInterval-th event of a signed history (but the head), and a
    // checkpoint signs the event before it.
    Verdict checkCheckpoint(const AuditEvent& e)
    {
        const bool isCheckpoint = e.kind == QLatin1String(EventKind::checkpoint);
        if (m_checkpointDueAfter > 0 && !isCheckpoint)
            return Broken { e.seq,
                ChainVerifier::tr("The checkpoint after event %1 is missing: it was removed and the chain rewritten.")
                    .arg(m_checkpointDueAfter) };
        m_checkpointDueAfter = 0;
        if (isCheckpoint) {
            if (!checkpointHolds(e, running, m_signing))
                return Broken { e.seq,
                    ChainVerifier::tr("The checkpoint at event %1 does not carry a valid signature of the history's "
                                      "key over the event before it: the events before it were rewritten, or the "
                                      "checkpoint was forged.")
                        .arg(e.seq) };
            ++checkpoints;
        } else if (m_signedHistory && e.seq >= m_signing.signedFromSeq && e.seq % ChainSigner::CheckpointInterval == 0
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
    const bool signedHistory = signing.schemaVersion >= Migrations::signedVersion;
    if (Verdict key = checkSigningKey(signing, signedHistory, options.expectedPublicKey, recordedSeq); key)
        return broken(*key);
    Anchors anchors;
    if (Verdict refused = gatherAnchors(options, historyId, signing, recordedSeq, &anchors); refused)
        return broken(*refused);

    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE seq <= ? ORDER BY seq").arg(AuditEvent::columns()));
    q.bindValue(0, recordedSeq);
    if (!q.exec())
        return broken({ 1, tr("Cannot read the events: %1").arg(q.lastError().text()) });
    ChainWalk walk(signing, signedHistory, recordedSeq, anchors);
    while (q.next()) {
        if (Verdict step = walk.step(AuditEvent::fromRow(q), q.value(1).toString().toLatin1()); step) {
            report.count = walk.count;
            report.checkpoints = walk.checkpoints;
            return broken(*step);
        }
    }
    report.count = walk.count;
    report.checkpoints = walk.checkpoints;
    if (q.lastError().isValid())
        return broken({ walk.expected, tr("Cannot read the events: %1").arg(q.lastError().text()) });
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
    report.anchorChecked = !anchors.bySeq.isEmpty();
    report.anchorsChecked = anchors.bySeq.size();
    report.ok = true;
    report.headSeq = recordedSeq;
    report.headHash = walk.running;
    report.exactTimesFromSeq = exactTimesFromSeq(db, recordedSeq);
    compareCases(db, walk.cases, options.piiCheck, report);
    compareReviews(db, walk.cases, report);
    if (!report.ok) {
        report.anchorChecked = false;
        report.anchorsChecked = 0;
    }
    return report;
}
