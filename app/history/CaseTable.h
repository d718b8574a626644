#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/HotStatement.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

struct SealedPii;

// The cases projection: one row per case, written in the same transaction as the event that changes it, with the
// event's time in its time columns (the chain verifier compares them exactly).
class CaseTable
{
    Q_DECLARE_TR_FUNCTIONS(CaseTable)
public:
    explicit CaseTable(const QSqlDatabase& db);

    struct NewCase
    {
        QString caseId;
        QString merchantBizId;
        QString sceneCode;
        bool training = true;
    };
    Result<void> insert(const NewCase& row, const QDateTime& at, const Actor& actor, const SealedPii& pii);
    // updated_at = at; attempts + 1 when countAttempt.
    Result<void> touch(const QString& caseId, const QDateTime& at, bool countAttempt);
    // What a case_completed event adds to the outcome: the error kind, the service's error code and the RequestId.
    struct CallOutcome
    {
        QString errorKind;
        QString errorCode; // kept only with an error kind
        QString requestId;
    };
    // The outcome (a review decision: without call), in one update of the row.
    Result<void> setOutcome(const QString& caseId,
        const QDateTime& at,
        const QString& state,
        std::optional<bool> passed,
        const QString& subCode,
        const std::optional<CallOutcome>& call = std::nullopt);
    // Erases the PII of the unpurged cases whose case_created event (up to seq maxSeq) is older than cutoff.
    // Returns their ids, sorted.
    Result<QStringList> purge(const QDateTime& cutoff, const QDateTime& at, qint64 maxSeq);

    struct Sealed
    {
        QByteArray nameEnc;
        QByteArray idEnc;
        bool purged = false;
    };
    Result<Sealed> sealed(const QString& caseId);
    // Who created the case (its actor): what a reviewer-scoped operation is judged by. NotFound for no such case.
    Result<QString> ownerOf(const QString& caseId);
    // A case's actor never changes, so while a group commit runs (AuditStore::beginBatch) the owners read, and those
    // of the cases inserted, are kept until keepReads(false) instead of asked again by every write of the group.
    void keepReads(bool keep);

private:
    Failure missing(const QString& caseId) const;
    // Runs an UPDATE of one case: the case must exist.
    Result<void> changedOne(HotStatement& q, const QString& caseId) const;

    QSqlDatabase m_db;
    HotStatement m_touch;
    HotStatement m_touchAttempt;
    QSqlQuery m_owner;
    HotStatement m_insert;
    HotStatement m_setOutcome;
    HotStatement m_setFullOutcome; // setOutcome with a call
    bool m_keep = false;
    QHash<QString, QString> m_keptOwners;
};
