#pragma once

#include "history/CanonicalEvent.h"
#include "history/TextArena.h"

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
    // Text in the projection's arena.
    QByteArrayView state;
    QByteArrayView assignee;
    bool escalated = false;
    QByteArrayView proposedBy;
    QByteArrayView proposedDecision;
    QByteArrayView decision;
    QByteArrayView decidedBy;
    QByteArrayView approvedBy;
    QByteArrayView openedBy; // who sent it to review
    QByteArrayView proposedReason; // reason codes
    QByteArrayView decisionReason;
    qint64 openedMs = -1; // sent to review, or reopened
    qint64 updatedMs = -1; // its last review_action
    qint64 decidedMs = -1; // -1: not decided (NULL)
    qint64 firstSeq = 0; // the first review_action
    bool seen = false; // its row was read
};

// One account's row in the accounts table as its account_* events say it must be (what authorization reads: its role,
// whether it is disabled, whether it is locked and since when). The password hash is not in the chain.
struct ExpectedAccount
{
    QString role;
    bool disabled = false;
    qint64 lockedMs = -1; // -1: not locked (NULL)
    // AccountTable::hashDigest of the password hash its latest account_created or password_reset event gave; empty
    // when that event carries none (written before the digest was kept): the hash is then not compared.
    QByteArray passwordDigest;
    qint64 createdSeq = 0; // its account_created
    bool seen = false; // its row was read
};

// A review note or file name kept encrypted in review_texts, as the review_action event that wrote it says: whose
// case, and the SHA-256 of its ciphertext (hex).
struct ExpectedText
{
    QString caseId;
    QByteArray digest;
    qint64 seq = 0; // the review_action that wrote it
    bool seen = false; // its row was read
};

// A reason code as its review_reason_changed events left it (codes without one keep their built-in label, active).
struct ExpectedReason
{
    QString label;
    bool active = true;
    qint64 seq = 0; // the last review_reason_changed
};

// The team's review policy (meta review_four_eyes and review_sla_hours) as its review_policy_changed events say;
// the defaults schema version 6 writes until the first one.
struct ExpectedReviewPolicy
{
    bool fourEyes = true;
    qint64 slaHours = 24;
    qint64 seq = 0; // the event that set it; 0: the defaults
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
    // Text in the projection's arena (TextArena): no allocation of its own.
    QByteArrayView actor;
    QByteArrayView workstation;
    QByteArrayView merchantBizId;
    QByteArrayView sceneCode;
    QByteArrayView state;
    QByteArrayView subCode;
    QByteArrayView errorKind; // of the last case_completed
    QByteArrayView errorCode;
    QByteArrayView requestId;
    QByteArrayView piiDigest;
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

private:
    // Where every case id and text of the cases and their reviews is kept; before them, so that it outlives them.
    TextArena m_text;

public:
    // Keyed by the case id's UTF-8 bytes (in the arena).
    QHash<QByteArrayView, ExpectedCase> cases;
    ExpectedReviewPolicy reviewPolicy;
    QHash<QString, ExpectedAccount> accounts; // by name
    QHash<QString, ExpectedText> texts; // by text id
    QHash<QString, ExpectedReason> reasons; // by code: those a review_reason_changed event set

private:
    // The few distinct actors, workstations, scenes, states and SubCodes are stored once and shared by all cases.
    QByteArrayView intern(QByteArrayView s) { return m_text.intern(s); }
    void applyPurge(const RawEvent& e);
    void applyReview(ExpectedReview& r, const RawEvent& e);
    void applyCompletion(ExpectedCase& c, const RawEvent& e);
    void applyAccount(const RawEvent& e);
    void applyCaseless(const RawEvent& e);
};
