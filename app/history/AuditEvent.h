#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

class QSqlQuery;

// The kinds of event the audit history records. Plain strings in the database, so new kinds need no migration.
namespace EventKind {
inline constexpr char caseCreated[] = "case_created";
inline constexpr char attemptSent[] = "attempt_sent";
inline constexpr char responseReceived[] = "response_received";
inline constexpr char attemptFailed[] = "attempt_failed";
inline constexpr char caseCompleted[] = "case_completed";
inline constexpr char reviewDecision[] = "review_decision";
inline constexpr char reverifyLink[] = "reverify_link";
inline constexpr char piiRevealed[] = "pii_revealed";
inline constexpr char exportMade[] = "export_made";
inline constexpr char settingsChanged[] = "settings_changed";
inline constexpr char credentialSourceChanged[] = "credential_source_changed";
inline constexpr char login[] = "login";
inline constexpr char loginFailed[] = "login_failed";
inline constexpr char retentionPurge[] = "retention_purge";
inline constexpr char anchorExported[] = "anchor_exported";
inline constexpr char historyCreated[] = "history_created";
inline constexpr char accountCreated[] = "account_created";
inline constexpr char accountChanged[] = "account_changed";
inline constexpr char accountLocked[] = "account_locked";
inline constexpr char accessRefused[] = "access_refused";
inline constexpr char sessionLocked[] = "session_locked";
inline constexpr char sessionUnlocked[] = "session_unlocked";
inline constexpr char reviewAction[] = "review_action";
inline constexpr char reviewReasonChanged[] = "review_reason_changed";
inline constexpr char reviewPolicyChanged[] = "review_policy_changed";
inline constexpr char checkpoint[] = "checkpoint";
inline constexpr char spoolRecordSetAside[] = "spool_record_set_aside";

QStringList all();
} // namespace EventKind

// Case states kept in the cases projection.
namespace CaseState {
inline constexpr char pending[] = "pending"; // created, no outcome recorded (yet, or the process died)
inline constexpr char completed[] = "completed"; // a business answer (200/202/223) was recorded
inline constexpr char failed[] = "failed"; // an error that cannot have been billed: safe to retry
inline constexpr char refused[] = "refused"; // the service refused the request (parameters, permission, signature)
inline constexpr char outcomeUnknown[] = "outcome_unknown"; // sent, no answer: may have been billed
inline constexpr char reviewed[] = "reviewed"; // a manual-review decision was recorded
} // namespace CaseState

// One event of the append-only history, as stored. Hashes and the PII digest are lowercase hex.
struct AuditEvent
{
    qint64 seq = 0;
    QDateTime ts; // UTC, millisecond precision
    QString actor;
    QString workstation;
    QString caseId; // empty for events that belong to no case
    QString kind;
    QByteArray payload; // compact JSON with sorted keys, exactly the bytes that are hashed
    QByteArray piiDigest; // hex SHA-256 over the encrypted PII this event refers to, or empty
    QByteArray prevHash; // hex
    QByteArray hash; // hex

    QJsonObject payloadObject() const;

    // The columns of the events table that fromRow reads, in its order: "seq, ts, ..., prev_hash, hash".
    static QString columns();
    // The event at the current row of a query that selected columns() first.
    static AuditEvent fromRow(const QSqlQuery& query);

    // Payload keys that are never stored (compared case-insensitively, at any depth): secrets and plaintext PII.
    static const QStringList& forbiddenPayloadKeys();
    // Removes forbidden keys recursively. Returns the number removed.
    static int sanitize(QJsonObject& payload);
    // Compact JSON with sorted keys (QJsonObject keeps its keys sorted).
    static QByteArray compactJson(const QJsonObject& payload);
};
