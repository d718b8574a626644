#pragma once

#include "history/CanonicalEvent.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QSharedData>
#include <QString>

// One stored event as the bytes of its columns (UTF-8), as the chain verification reads it; the views are valid
// while the row is.
struct RawEvent
{
    qint64 seq = 0;
    qint64 tsMs = 0; // the time stamp, parsed
    CanonicalEvent::Fields stored; // the hashed columns as stored (seq as its text)
    QByteArrayView prevHash;
    QByteArrayView hash;
    // The chain hash of the stored fields after prevHash, as 64 lowercase hex digits (computed as the event is read;
    // empty when prevHash is not a hash).
    QByteArrayView computedHash;

    QJsonObject payloadObject() const;
};

// A case's row in the reviews table as its review_action events say it must be (text as UTF-8).
struct ExpectedReview : public QSharedData
{
    QByteArray state;
    QByteArray assignee;
    bool escalated = false;
    QByteArray proposedBy;
    QByteArray proposedDecision;
    QByteArray decision;
    QByteArray decidedBy;
    QByteArray approvedBy;
    qint64 firstSeq = 0; // the first review_action
    bool seen = false; // its row was read
};

// One case's row in the cases table, and its review's in the reviews table, as its events say they must be (text as
// UTF-8, as SQLite hands it out). A verification holds one per case (a million-event history has a quarter of a
// million), so what only reviewed cases have is kept apart.
struct ExpectedCase
{
    qint64 createdSeq = 0;
    qint64 createdMs = 0;
    qint64 updatedSeq = 0; // the event that last changed the case
    qint64 updatedMs = 0;
    qint64 purgedSeq = 0; // its retention_purge event
    qint64 purgedMs = -1; // -1: not purged
    QByteArray actor;
    QByteArray workstation;
    QByteArray merchantBizId;
    QByteArray sceneCode;
    QByteArray state;
    QByteArray subCode;
    QByteArray errorKind; // of the last case_completed
    QByteArray errorCode;
    QByteArray requestId;
    QByteArray piiDigest;
    qint32 attempts = 0;
    qint8 passed = -1; // -1: NULL
    bool training = false;
    bool seen = false;
    // Its manual review, from its review_action events; null: never sent to review. Copied on write.
    QSharedDataPointer<ExpectedReview> review;
};

// The cases and reviews the events describe, folded one verified event at a time in seq order.
class CaseProjection
{
public:
    void apply(const RawEvent& e);

    // Keyed by the case id's UTF-8 bytes.
    QHash<QByteArray, ExpectedCase> cases;

private:
    // Shares the storage of the few distinct actors, workstations, scenes, states and SubCodes among all cases.
    QByteArray intern(QByteArrayView s);
    QByteArray intern(const QString& s) { return intern(QByteArrayView(s.toUtf8())); }
    void applyPurge(const RawEvent& e);
    void applyReview(ExpectedReview& r, const RawEvent& e);
    void applyCompletion(ExpectedCase& c, const RawEvent& e);

    QHash<QByteArray, QByteArray> m_pool;
};
