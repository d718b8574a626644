#pragma once

#include "base/Result.h"
#include "history/AuditEvent.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

// Typed audit events: one struct per event kind, and the one place their payloads are written and read.
//
// A payload's bytes are hashed into the chain, so the serialisation is canonical: for every payload the app has
// written, toPayload(*fromPayload(kind, p)) == p exactly (the same keys, values and JSON types, null values and absent
// keys included). A key a struct does not know is kept in its `extra`, so old payloads round-trip and the fields a
// newer version adds survive an older reader. A known key is always decided by its field, never by `extra`.
//
// Versions: a payload without a "v" key is version 1 (every payload written so far). toPayload writes "v" only for a
// version above 1, so version-1 bytes stay as they are; fromPayload refuses a version newer than the struct's.
//
// Field types: std::optional<T> for a key that existing payloads may lack (std::nullopt: absent, and not written);
// Nullable<T> for a key whose value may be JSON null (std::nullopt: null). Numbers are JSON integers; a fraction, or a
// number too large for the field, does not parse. Field names never collide with AuditEvent::forbiddenPayloadKeys().
namespace Events {

template <class T> using Nullable = std::optional<T>;

// The fields of a verification call's result (VerificationResult::toJson without its translated explanation, plus
// latencyMs, detail and attempt; see resultPayload in session/VerificationRecording.cpp). Every one may be absent:
// seeded and older histories hold partial payloads (no status or mayHaveBeenBilled before they were recorded).
// `passed` and `subCode` are not here: completion events give them another type.
struct CallOutcome
{
    std::optional<QString> requestId;
    std::optional<QString> code; // as the service sent it
    std::optional<QString> message; // as the service sent it
    std::optional<QString> merchantBizId;
    std::optional<int> httpStatus; // 0: no HTTP answer
    std::optional<Nullable<QString>> error; // a VerificationResult::Error key; null: no error
    std::optional<int> attempts;
    std::optional<QString> status; // a VerificationResult::Status key
    std::optional<bool> mayHaveBeenBilled;
    std::optional<qint64> latencyMs; // of the last attempt
    std::optional<QString> detail; // transport error text or parse problem; written only when not empty
    std::optional<int> attempt; // response_received and attempt_failed: which attempt
};

// AuditStore::createCase: the case's identity, plus the sanitised request parameters (VerificationService::caseRecord;
// absent in seeded histories).
struct CaseCreated
{
    static constexpr const char* kind = EventKind::caseCreated;
    static constexpr int version = 1;
    QString merchantBizId;
    QString sceneCode;
    bool training = true;
    std::optional<QString> productCode;
    std::optional<QString> docType;
    std::optional<QString> validityStartDate; // yyyyMMdd
    std::optional<QString> validityEndDate; // yyyyMMdd, or the long-term value
    // Empty when none was given; else, as recorded, an HMAC-SHA256 (hex) under the history's key of the SHA-256 hex
    // that was sent (earlier versions recorded that SHA-256 itself).
    std::optional<QString> merchantUserIdHash;
    std::optional<QString> endpoint;
    std::optional<QStringList> acknowledgedWarnings; // ValidationIssue codes
    std::optional<QString> reverifies; // the case this one verifies again
    QJsonObject extra;
};

// Recorded before the request leaves.
struct AttemptSent
{
    static constexpr const char* kind = EventKind::attemptSent;
    static constexpr int version = 1;
    int attempt = 1;
    std::optional<QString> merchantBizId;
    std::optional<QString> endpoint;
    std::optional<bool> training;
    QJsonObject extra;
};

// An HTTP answer to one attempt.
struct ResponseReceived : CallOutcome
{
    static constexpr const char* kind = EventKind::responseReceived;
    static constexpr int version = 1;
    std::optional<bool> passed;
    std::optional<QString> subCode; // "200", "202", "223", or empty
    QJsonObject extra;
};

// An attempt that ended without an HTTP answer.
struct AttemptFailed : CallOutcome
{
    static constexpr const char* kind = EventKind::attemptFailed;
    static constexpr int version = 1;
    std::optional<bool> passed;
    std::optional<QString> subCode;
    QJsonObject extra;
};

// What AuditStore::completeCase adds to the call's outcome. Its state, passed and subCode replace the result's own
// passed and subCode keys.
struct Completion : CallOutcome
{
    QString state; // a CaseState
    Nullable<bool> passed; // null: no business answer
    QString subCode;
};

struct CaseCompleted : Completion
{
    static constexpr const char* kind = EventKind::caseCompleted;
    static constexpr int version = 1;
    QJsonObject extra;
};

// A manual-review decision: today written as a completion in CaseState::reviewed.
struct ReviewDecision : Completion
{
    static constexpr const char* kind = EventKind::reviewDecision;
    static constexpr int version = 1;
    QJsonObject extra;
};

// On the earlier case: the case that verifies it again.
struct ReverifyLink
{
    static constexpr const char* kind = EventKind::reverifyLink;
    static constexpr int version = 1;
    QString newCaseId;
    QJsonObject extra;
};

struct PiiRevealed
{
    static constexpr const char* kind = EventKind::piiRevealed;
    static constexpr int version = 1;
    QString reason;
    QJsonObject extra;
};

// No producer yet.
struct ExportMade
{
    static constexpr const char* kind = EventKind::exportMade;
    static constexpr int version = 1;
    std::optional<QString> format; // "csv", "jsonl", "pdf"
    std::optional<int> cases;
    std::optional<QStringList> caseIds;
    // Since the exports of the supervisor desk (all absent in earlier exports):
    std::optional<QString> what; // "cases" or "events"
    std::optional<qint64> rows; // rows written (cases or events)
    std::optional<QString> file; // the file's name, without its folder
    std::optional<QString> manifestHash; // SHA-256 hex of the manifest beside the file (ExportManifest)
    std::optional<bool> unmasked; // names and ID numbers in clear (a supervisor, with a reason)
    std::optional<QString> reason; // why an unmasked export was made
    std::optional<QString> filter; // the filter as compact JSON (HistoryQuery::toJson; never an ID number)
    std::optional<qint64> firstSeq; // an events export: its first and last event
    std::optional<qint64> lastSeq;
    QJsonObject extra;
};

// The watched settings whose value changed (ConfigurationAudit), by name; never their values.
struct SettingsChanged
{
    static constexpr const char* kind = EventKind::settingsChanged;
    static constexpr int version = 1;
    QStringList changed;
    QJsonObject extra;
};

struct CredentialSourceChanged
{
    static constexpr const char* kind = EventKind::credentialSourceChanged;
    static constexpr int version = 1;
    QString source; // "training", or Credentials::source()
    QString accessKeyId; // masked (Credentials::maskedKeyId); empty in training
    bool sts = false; // an STS token came with the key
    QJsonObject extra;
};

// A person signed in (AuditStore::signIn); role is the account's.
struct Login
{
    static constexpr const char* kind = EventKind::login;
    static constexpr int version = 1;
    std::optional<QString> user;
    std::optional<QString> role;
    QJsonObject extra;
};

// A sign-in or an unlock that failed: reason "wrong_password", "unknown_user", "disabled" or "locked".
struct LoginFailed
{
    static constexpr const char* kind = EventKind::loginFailed;
    static constexpr int version = 1;
    std::optional<QString> user;
    std::optional<QString> reason;
    QJsonObject extra;
};

struct RetentionPurge
{
    static constexpr const char* kind = EventKind::retentionPurge;
    static constexpr int version = 1;
    QString cutoff; // CanonicalEvent::timestamp text
    int cases = 0;
    std::optional<QStringList> caseIds; // absent when written before the event listed its cases
    QJsonObject extra;
};

// The chain head the exported anchor names.
struct AnchorExported
{
    static constexpr const char* kind = EventKind::anchorExported;
    static constexpr int version = 1;
    qint64 seq = 0;
    QString hash; // hex
    QJsonObject extra;
};

// No producer yet.
struct HistoryCreated
{
    static constexpr const char* kind = EventKind::historyCreated;
    static constexpr int version = 1;
    std::optional<QString> historyId;
    std::optional<int> schemaVersion;
    QJsonObject extra;
};

// A supervisor (or, for the first account of a history, its owner) added an account.
struct AccountCreated
{
    static constexpr const char* kind = EventKind::accountCreated;
    static constexpr int version = 1;
    QString user;
    QString role;
    // AccountTable::hashDigest of the password hash stored with it (absent in histories written before it was kept).
    std::optional<QString> passwordDigest;
    QJsonObject extra;
};

// change: "role" (role and previousRole set), "disabled", "enabled", "password_reset" (passwordDigest set, as in
// AccountCreated), "unlocked".
struct AccountChanged
{
    static constexpr const char* kind = EventKind::accountChanged;
    static constexpr int version = 1;
    QString user;
    QString change;
    std::optional<QString> role;
    std::optional<QString> previousRole;
    std::optional<QString> passwordDigest;
    QJsonObject extra;
};

// Too many failed sign-ins within the window: the account stays locked until a supervisor unlocks it.
struct AccountLocked
{
    static constexpr const char* kind = EventKind::accountLocked;
    static constexpr int version = 1;
    QString user;
    int failures = 0;
    QJsonObject extra;
};

// The history refused an operation to the actor (Access::key), with the role it judged by.
struct AccessRefused
{
    static constexpr const char* kind = EventKind::accessRefused;
    static constexpr int version = 1;
    QString operation;
    QString role;
    std::optional<QString> reason; // "role", "own_cases_only", "disabled", "locked", "no_account"
    QJsonObject extra;
};

// The desk locked itself after idle minutes, or the person locked it (idleMinutes 0).
struct SessionLocked
{
    static constexpr const char* kind = EventKind::sessionLocked;
    static constexpr int version = 1;
    int idleMinutes = 0;
    QJsonObject extra;
};

// The person gave their password again and went on.
struct SessionUnlocked
{
    static constexpr const char* kind = EventKind::sessionUnlocked;
    static constexpr int version = 1;
    QJsonObject extra;
};

// One manual-review transition (see history/Review.h). Notes and file names are personal data as far as the chain
// knows: they are kept encrypted beside it (review_texts) and the event carries their id and the SHA-256 of the
// ciphertext.
struct ReviewStep
{
    static constexpr const char* kind = EventKind::reviewAction;
    static constexpr int version = 1;
    QString action; // ReviewAction
    QString state; // ReviewState after the action
    std::optional<QString> decision; // propose
    std::optional<QString> reasonCode; // propose
    std::optional<QString> assignee; // claim, reassign
    std::optional<QString> proposedBy; // approve, decline, withdraw: whose proposal
    std::optional<bool> escalated;
    std::optional<QString> noteId;
    std::optional<QString> noteDigest;
    std::optional<QString> fileNameId; // reference
    std::optional<QString> fileNameDigest;
    std::optional<QString> sha256; // reference: of the file
    std::optional<qint64> fileSize;
    std::optional<bool> withdrewProposal;
    std::optional<QString> cause; // withdraw without a person: "new_attempt", "reverified"
    QJsonObject extra;
};

// A supervisor added, renamed, retired or restored a reason code.
struct ReviewReasonChanged
{
    static constexpr const char* kind = EventKind::reviewReasonChanged;
    static constexpr int version = 1;
    QString code;
    QString label;
    bool active = true;
    QJsonObject extra;
};

// A supervisor changed the team's review policy.
struct ReviewPolicyChanged
{
    static constexpr const char* kind = EventKind::reviewPolicyChanged;
    static constexpr int version = 1;
    bool fourEyes = true;
    int slaHours = 24;
    QJsonObject extra;
};

// A signed checkpoint (ChainSigner): the history's key signed the chain at event seq, whose hash is hash, at this
// event's time, and the checkpoint interval in force from here on (absent in checkpoints written before it could be
// set: ChainSigner::DefaultCheckpointInterval). Written after every event whose seq is a multiple of the interval and
// at every export, anchor, purge and change of the interval.
struct Checkpoint
{
    static constexpr const char* kind = EventKind::checkpoint;
    static constexpr int version = 1;
    qint64 seq = 0;
    QString hash; // hex
    QString signature; // hex Ed25519 over ChainSigner::checkpointMessage
    QString key; // hex public key
    QString reason; // "interval" | "export" | "anchor" | "purge" | "setting" (the interval was changed)
    std::optional<qint64> interval;
    QJsonObject extra;
};

// A record that waited in the spool (RecordSpool) was set aside in <spool>.bad, not written: its seal did not hold
// ("unsealed": written by hand, edited, from another history or from a version before seals) or it could not be read
// ("unreadable"). On its case when the history has that case; recorded as the one whose replay set it aside.
struct SpoolRecordSetAside
{
    static constexpr const char* kind = EventKind::spoolRecordSetAside;
    static constexpr int version = 1;
    QString reason; // "unsealed" | "unreadable"
    QString lineSha256; // hex SHA-256 of the line as <spool>.bad keeps it (without its line end)
    QJsonObject extra;
};

using Event = std::variant<CaseCreated,
    AttemptSent,
    ResponseReceived,
    AttemptFailed,
    CaseCompleted,
    ReviewDecision,
    ReverifyLink,
    PiiRevealed,
    ExportMade,
    SettingsChanged,
    CredentialSourceChanged,
    Login,
    LoginFailed,
    RetentionPurge,
    AnchorExported,
    HistoryCreated,
    AccountCreated,
    AccountChanged,
    AccountLocked,
    AccessRefused,
    SessionLocked,
    SessionUnlocked,
    ReviewStep,
    ReviewReasonChanged,
    ReviewPolicyChanged,
    Checkpoint,
    SpoolRecordSetAside>;

QString kindOf(const Event& event);
// The payload to store (AuditStore sanitises and serialises it with AuditEvent::compactJson).
QJsonObject toPayload(const Event& event);
// ErrorCode::Corrupt for an unknown kind, a version newer than this one reads, a missing key or a wrong JSON type.
Result<Event> fromPayload(const QString& kind, const QJsonObject& payload);

// The translated message of as<E>() for a kind that is not E's.
QString wrongKindMessage(const QString& kind, const char* expected);

// The payload as the event E: fromPayload, and ErrorCode::InvalidArgument when kind is not E's.
template <class E> Result<E> as(const QString& kind, const QJsonObject& payload)
{
    if (kind != QLatin1String(E::kind))
        return Failure(ErrorCode::InvalidArgument, wrongKindMessage(kind, E::kind));
    Result<Event> event = fromPayload(kind, payload);
    if (!event)
        return event.failure();
    return std::get<E>(std::move(*event));
}

} // namespace Events
