#pragma once

#include "base/Access.h"
#include "base/Actor.h"
#include "base/Result.h"
#include "crypto/KeyVault.h"
#include "history/AccountTable.h"
#include "history/AuditEvent.h"
#include "history/BatchBegun.h"
#include "history/ChainVerifier.h"
#include "history/EventRange.h"
#include "history/Events.h"
#include "history/HistoryQuery.h"
#include "history/PiiVault.h"
#include "history/Review.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <utility>

class CaseQueries;
class ChainSigner;
class CaseTable;
class Clock;
struct DashboardData;
struct DashboardQuery;
class EventLog;
class ReviewTable;

// What a new case carries into the history. Name and ID number are stored only encrypted (plus masked forms and a
// blind index); the payload of the case_created event holds the sanitised request parameters.
struct CaseRecord
{
    QString caseId; // empty: a new UUID
    QString merchantBizId;
    QString sceneCode;
    bool training = true;
    QString name;
    QString idNumber;
    QJsonObject payload; // extra, sanitised (forbidden keys are dropped, see AuditEvent::forbiddenPayloadKeys)
};

// The audit history: an append-only, hash-chained event log plus a cases projection, on SQLite (a file path) or
// PostgreSQL (a postgresql:// URL). One instance owns one named connection; use it from one thread.
//
// This class is the history's service API: it opens and unlocks, decides with HistoryPolicy, and runs each write as
// one transaction over its parts: EventLog (the chain), CaseTable (the cases projection), PiiVault (encryption,
// masks, blind index) and CaseQueries (reads). Every write takes the Actor who does it; every operation returns a
// Result (an ErrorCode and a translated message on failure).
//
// Every write first locks the chain head (SQLite: BEGIN IMMEDIATE; PostgreSQL: SELECT ... FOR UPDATE on
// chain_head), so concurrent writers in other processes or on other workstations never fork the chain. Events are
// never updated or deleted; the retention purge erases only the encrypted PII in the cases table (the chain covers
// a digest of it) and is itself an event.
struct SavedFilter
{
    QString name;
    HistoryQuery query;
};

class AuditStore
{
    Q_DECLARE_TR_FUNCTIONS(AuditStore)
public:
    struct Options
    {
        KeyVault::Options keys;
        Clock* clock = nullptr; // nullptr: Clock::system()
        bool mustExist = false; // read-only tools: never create a history at a mistyped location
        // Keys another instance already unlocked (sharedOptions()): no scrypt, no keychain; the history must exist
        // and be the one they belong to (expectedHistoryId).
        std::optional<HistoryKeys> unlockedKeys;
        QString expectedHistoryId;
        QString unlockedKeySource; // where those keys came from: keySource() of the instance that unlocked them
        // PostgreSQL: the password for a URL without one, as another instance took it from the keychain
        // (sharedOptions()); empty: keys.keychain is asked (HistoryLocation::takePasswordFrom), then libpq's own.
        QString databasePassword;
        // A folder outside the database (another disk, a share) to which every checkpoint is also written as a signed
        // anchor file (<folder>/<history id>/anchor-<seq>.json), for `audit verify --anchors`. Empty: none.
        QString anchorDirectory;
        // The caller only reads (a list of cases, audit verify --keys): on PostgreSQL its database role needs only
        // SELECT (PgAccess), and opening makes no table the owner's opens make (makeTeamTables).
        bool readOnly = false;
    };

    // Opens (creating and migrating when new) the history at location (see HistoryLocation; empty = default path)
    // and unlocks its keys. On failure the code says why: InvalidArgument (the location), NotFound (mustExist and
    // nothing there), NotAHistory (an existing empty or foreign file, left untouched), PassphraseRequired,
    // WrongPassphrase, KeychainUnavailable, KeyMissing, Corrupt (the keys), Unavailable (cannot connect, create,
    // migrate or read). A history that could not be created leaves nothing behind.
    static Result<std::unique_ptr<AuditStore>> open(const QString& location, const Options& options);
    static Result<std::unique_ptr<AuditStore>> open(const QString& location, const KeyVault::Options& keys);
    ~AuditStore();
    AuditStore(const AuditStore&) = delete;
    AuditStore& operator=(const AuditStore&) = delete;

    QString historyId() const { return m_historyId; }
    // PiiVault::caseIndex of each case key, in order (for a batch's journal; nothing is recorded).
    QList<QByteArray> caseIndexes(const QStringList& caseKeys) const;
    // Where it was opened from, as given to open().
    QString location() const { return m_location; }
    // What another instance on another thread needs to open this same history without unlocking its keys again:
    // the keys (read-only) and the clock. Open it on the thread that will use it.
    Options sharedOptions() const;
    QString displayLocation() const { return m_displayLocation; }
    // The SQLite file, empty for PostgreSQL.
    QString sqlitePath() const { return m_sqlitePath; }
    bool isPostgres() const { return m_postgres; }
    QString keySource() const { return m_keySource; } // "keychain" | "passphrase"
    // seq of the last event this instance committed (or appended inside a batch).
    qint64 lastSeq() const { return m_lastSeq; }

    // Writes the case row (state pending) and its case_created event in one transaction. Returns the case id.
    Result<QString> createCase(const Actor& actor, const CaseRecord& record);
    // Appends one event (of any kind but case_created, case_completed and review_decision, which createCase and
    // completeCase write with the case record). attempt_sent also counts the attempt on the case. Returns its seq.
    Result<qint64> record(const Actor& actor, const QString& caseId, const Events::Event& event);
    // Sets the case's outcome from the event's state, passed and subCode and appends the event, in one transaction.
    // case_completed: state CaseState::completed | failed | refused | outcome_unknown; review_decision: reviewed.
    Result<void> completeCase(const Actor& actor, const QString& caseId, const Events::CaseCompleted& event);
    Result<void> completeCase(const Actor& actor, const QString& caseId, const Events::ReviewDecision& event);

    // Reads, as the actor may see them (Access::Operation::ReadCases): a reviewer sees only their own cases, a
    // supervisor and an auditor every case; all masked.
    // The n newest cases.
    Result<QList<CaseSummary>> recentCases(const Actor& actor, int n);
    // NotFound when there is no such case.
    Result<CaseSummary> caseSummary(const Actor& actor, const QString& caseId);
    Result<QList<CaseSummary>> findByIdNumber(const Actor& actor, const QString& idNumber);
    Result<HistoryPage> queryCases(const Actor& actor, HistoryQuery query, const HistoryCursor& after, int limit);
    // How many cases queryCases would list in all (the browser shows it once known).
    Result<qint64> countCases(const Actor& actor, HistoryQuery query);
    // A batch's resume (Access::Operation::VerifyCase): the newest case that matches the query (its MerchantBizId,
    // time and ID number), whoever recorded it. A list one reviewer began and another resumes must not send again
    // what the first one's run sent and was billed for; the query's reviewer is ignored. Empty when there is none.
    Result<std::optional<CaseSummary>> latestSent(const Actor& actor, HistoryQuery query);
    // The actor's saved filters (by name), kept per account in the history without any ID number.
    Result<QList<SavedFilter>> savedFilters(const Actor& actor);
    Result<void> saveFilter(const Actor& actor, const QString& name, const HistoryQuery& query);
    Result<void> deleteFilter(const Actor& actor, const QString& name);
    // The names that appear as a case's reviewer, sorted (the browser's reviewer filter); a reviewer gets only their
    // own.
    Result<QStringList> caseActors(const Actor& actor);
    Result<QList<AuditEvent>> eventsForCase(const Actor& actor, const QString& caseId);
    // Streams every event in seq order; stop early by returning false. For the chain tools (verification, spool,
    // benchmarks), which see the raw, masked chain.
    Result<void> forEachEvent(const std::function<bool(const AuditEvent&)>& visit) const;

    // ---- The team's rate budget (AuditStoreRateBudget.cpp) ----
    // PostgreSQL only: books the next request slot of the named budget, intervalMs after the previous one booked by
    // any workstation, in one statement (one round trip) on the server's clock, and returns the wait in ms. The
    // budget row lives in rate_budget, created at first use: coordination state, not history (not chained). On
    // SQLite, InvalidArgument (a file's processes share FileRateBudget instead).
    Result<qint64> reserveRateSlot(const QString& name, double intervalMs);

    // ---- Batches begun in this history (AuditStoreBatches.cpp) ----
    // Records that a batch of a list begins, so that every workstation sharing the history sees it (table
    // batch_lists, made at first use: coordination state beside the chain, like the rate budget, not chained; the
    // list by a keyed index, PiiVault::listIndex). A batch recorded already (resumed) goes on unchecked. Otherwise,
    // with checkEarlier, when another batch of the same list was begun here (by anyone, anywhere), returns that one
    // and records nothing. ours.actor and ours.workstation are taken from the actor. Serialised with every other
    // write (it takes the chain head), so two workstations claiming the same list at once cannot both pass.
    Result<BatchClaim> claimBatch(const Actor& actor, const BatchBegun& ours, bool checkEarlier);
    // A batch of the actor's that sent nothing after all does not hold its list back.
    Result<void> forgetBatch(const Actor& actor, const QString& batchId);

    // ---- Dashboard (AuditStoreDashboard.cpp) ----
    // The figures of a range (Access::Operation::ReadCases): a reviewer's are those of their own cases (another
    // actor in query is refused), a supervisor's and an auditor's those of every case or of query.actor's.
    Result<DashboardData> dashboard(const Actor& actor, DashboardQuery query);

    // ---- People and permissions (AuditStoreAccounts.cpp) ----
    // Failed sign-ins within LockoutWindowMinutes that lock an account until a supervisor unlocks it.
    static constexpr int LockoutFailures = 5;
    static constexpr int LockoutWindowMinutes = 15;

    // False on a history nobody signs in to: its owner acts (the CLI's local user, the training desk's trainee).
    Result<bool> hasAccounts();
    // Checks the password (scrypt, constant time) and returns the actor with the account's role, recording a login
    // event; or SignInFailed, recording login_failed (and account_locked at the LockoutFailures-th failure in the
    // window). A disabled or locked account cannot sign in.
    Result<Actor> signIn(const QString& name, const QString& password, const QString& workstation);
    // The idle lock: recorded when the desk locks, and the password asked again to go on (a wrong one counts
    // toward the lockout like a failed sign-in).
    Result<void> lockSession(const Actor& actor, int idleMinutes);
    Result<void> unlockSession(const Actor& actor, const QString& password);
    // Account management (Access::Operation::ManageAccounts). The first account of a history is a supervisor,
    // created by its owner.
    Result<void> createAccount(const Actor& actor, const QString& name, const QString& role, const QString& password);
    Result<void> setAccountRole(const Actor& actor, const QString& name, const QString& role);
    Result<void> setAccountDisabled(const Actor& actor, const QString& name, bool disabled);
    Result<void> resetPassword(const Actor& actor, const QString& name, const QString& password);
    Result<void> unlockAccount(const Actor& actor, const QString& name);
    Result<QList<Account>> accounts(const Actor& actor);
    // The actor as the history judges them: with the role their account holds (on a history with accounts), and
    // refused when the account is unknown, disabled or locked, or when the role may not do the operation (on
    // caseId's case, for operations a reviewer may do on their own cases only). A refusal is recorded as an
    // access_refused event and returned as PermissionDenied with a translated reason.
    Result<Actor> authorize(const Actor& actor, Access::Operation operation, const QString& caseId = QString());

    // ---- Manual review (AuditStoreReview.cpp) ----
    // One transition of the case's review (ReviewFlow decides it), with its review_action event; the note and the
    // file name are stored encrypted beside the chain. Role refusals are PermissionDenied (and recorded as
    // access_refused), a transition the review's state does not allow is Conflict, missing input InvalidArgument.
    Result<ReviewRow> review(const Actor& actor, const ReviewRequest& request);
    // The queue, oldest first, as actor may see it (reviewers, supervisors and auditors see the whole queue, masked).
    Result<ReviewQueuePage> reviewQueue(const Actor& actor, const ReviewQueueQuery& query);
    // NotFound when the case was never sent to review.
    Result<ReviewItem> reviewItem(const Actor& actor, const QString& caseId);
    // The case's notes and reference file names, decrypted, by text id (see Events::ReviewStep).
    Result<QList<ReviewText>> reviewTexts(const Actor& actor, const QString& caseId);
    Result<QList<ReviewReason>> reviewReasons();
    // A supervisor adds a reason code or changes one (Access::Operation::ChangeSettings).
    Result<void> setReviewReason(const Actor& actor, const ReviewReason& reason);
    Result<ReviewPolicy> reviewPolicy();
    Result<void> setReviewPolicy(const Actor& actor, const ReviewPolicy& policy);

    // Decrypts name and ID number after appending a pii_revealed event with the reason (required). Fails when the
    // reason is empty, the case is unknown (NotFound) or purged, or the ciphertext does not decrypt (Corrupt).
    Result<RevealedPii> revealCase(const Actor& actor, const QString& caseId, const QString& reason);

    // ChainVerifier::verify, plus the check of every unpurged case's masks and blind index against its decrypted
    // name and ID number (this store has the keys; `audit verify` without a passphrase does not).
    ChainReport verifyChain(const std::optional<ChainAnchor>& anchor = std::nullopt);
    ChainReport verifyChain(const ChainVerifier::Options& options);
    // The history's public signing key (hex) and where checkpoints are copied to (empty: nowhere).
    QByteArray signingKey() const;
    // An HMAC-SHA256 (hex) of a record the history could not take, kept with it in the record spool (RecordSpool),
    // keyed from the history's data key (HKDF-SHA256, salt = the history id, info "eKYC Desk record spool v1"): only
    // someone who unlocked this history can write a record its replay takes. Empty before the history is unlocked.
    QByteArray recordSeal(const QByteArray& record) const;
    // recordSeal as a function that outlives nothing: it holds its own copy of the key (for the writer thread, which
    // spools while its own store may be unavailable). Empty before the history is unlocked.
    std::function<QByteArray(const QByteArray&)> recordSealer() const;
    // Records that the spool's replay set a record aside (Events::SpoolRecordSetAside), on caseId when the history
    // has that case, else on the history; as the replayer, who needs no permission for it.
    Result<qint64> recordSpoolSetAside(
        const Actor& replayer, const QString& caseId, const Events::SpoolRecordSetAside& event);
    QString anchorDirectory() const { return m_anchorDirectory; }
    // The history's checkpoint interval (ChainSigner): a signed checkpoint follows every event whose seq is a multiple
    // of it. A supervisor changes it (ChangeSettings, ChainSigner::MinCheckpointInterval to MaxCheckpointInterval,
    // else InvalidArgument); the change is itself a signed checkpoint carrying the new value, copied to the anchor
    // folder like any other. Unchanged: nothing is written.
    Result<qint64> checkpointInterval();
    Result<void> setCheckpointInterval(const Actor& actor, qint64 interval);
    // What became of the checkpoints due for the anchor folder since the last call, once: nullopt when none was due,
    // an empty string when they were copied, else why they could not be (translated). The history itself is intact
    // either way; only its outside copies are missing.
    std::optional<QString> takeAnchorOutcome() { return std::exchange(m_anchorOutcome, std::nullopt); }
    // The chain head: committed, or inside a batch the one its writes have reached.
    Result<ChainAnchor> head() const;
    // The current head as an anchor, and an anchor_exported event recording it (the anchor is the head before it).
    Result<ChainAnchor> exportAnchor(const Actor& actor);

    // Erases name and ID number (ciphertext, masks, blind index) and the review notes and file names of cases whose
    // case_created event is older than
    // cutoff and appends a retention_purge event {"caseIds":[...],"cases":n,"cutoff":...}, in one transaction.
    // Returns the number of cases purged.
    Result<int> purgeOlderThan(const Actor& actor, const QDateTime& cutoff);

    // ---- Exports (AuditStoreExports.cpp) ----
    // Who may export: Access::Operation::ExportMasked, or ExportUnmasked with a reason (InvalidArgument without one).
    // A refusal is recorded (access_refused) and returned as PermissionDenied. An unmasked export is recorded before
    // any name is decrypted: a pii_revealed event without a case, with the reason.
    Result<Actor> authorizeExport(const Actor& actor, bool unmasked, const QString& reason);
    // A case's name and ID number for an unmasked export (authorised as ExportUnmasked each time; recorded by
    // authorizeExport and the export_made event). Empty for a purged case.
    Result<RevealedPii> exportPii(const Actor& actor, const QString& caseId);
    // The events from the first at or after from to the last before to (UTC; invalid = open), contiguous in seq.
    Result<EventRange> eventRange(const QDateTime& from, const QDateTime& to) const;
    Result<void> forEachEvent(const EventRange& range, const std::function<bool(const AuditEvent&)>& visit) const;
    // The manifest hash of the latest export recorded before seq (by default, of all); empty when there is none.
    Result<QByteArray> latestManifestHash(qint64 beforeSeq = std::numeric_limits<qint64>::max()) const;
    // Every export_made event, in chain order (the exports form their own chain through their manifest hashes).
    Result<QList<AuditEvent>> exportEvents() const;
    // HMAC-SHA256 (hex) of an export manifest's bytes, with a key derived by HKDF-SHA256 from the history's data key
    // (label "eKYC Desk export manifest v1"). The key never leaves the store.
    QByteArray manifestMac(const QByteArray& bytes) const;
    // Records the export_made event (ExportUnmasked when event.unmasked, else ExportMasked). Returns its seq.
    // previousManifestHash: the manifest hash of the latest export as the new export's manifest names it (empty for
    // the first); Conflict, nothing recorded, when another export was recorded since (exports chain through their
    // manifests, and this one's would name the wrong one: two exports at once, on one workstation or two).
    Result<qint64> recordExport(
        const Actor& actor, const Events::ExportMade& event, const QByteArray& previousManifestHash);

    // Groups many writes into one transaction (group commits, seeding, benchmarks). Writes inside a batch do not commit
    // on their own; a failed write inside it rolls the whole batch back. From its first write on the batch holds the
    // chain head (SQLite: the write lock from the start; PostgreSQL: chain_head FOR UPDATE), which every change of an
    // account takes first, so from then on what authorize() reads (accounts, case owners) is read once per batch
    // (AccountTable, CaseTable::keepReads).
    Result<void> beginBatch();
    Result<void> commitBatch();
    void rollbackBatch();
    // Inside a batch: begun, and neither committed nor rolled back (a failed write inside it rolls it back).
    bool inBatch() const { return m_inBatch; }

    QSqlDatabase database() const;

private:
    AuditStore();
    struct Opening;

    // Migrate, unlock keys, build the parts.
    Result<void> initialize(const Options& options);
    Result<void> write(const Actor& actor, const std::function<Result<void>()>& body);
    void keepReads(bool keep); // see beginBatch()
    // Records meta.signing_key and signs the head, the first time a signing version opens the history with its keys;
    // refuses a history whose recorded key is not the one its keys make.
    // readOnly: a recorded key is checked, a missing one is left to the next open that writes.
    Result<void> ensureSigningKey(bool readOnly = false);
    // On PostgreSQL, a role that may create tables in the history's schema (its owner) makes the tables otherwise made
    // at first use (batch_lists, rate_budget) when it opens the history, so that what it grants the team's other
    // roles (PgAccess) covers them too. Best effort: what it does not make is still made at first use.
    void makeTeamTables();
    static QString rateBudgetTableSql(); // CREATE TABLE IF NOT EXISTS rate_budget ...
    // Copies the checkpoints of the write just committed to the anchor folder.
    void publishCheckpoints();
    Result<void> complete(
        const Actor& actor, const QString& caseId, const Events::Completion& outcome, const Events::Event& event);
    // Appends through the event log and remembers the seq (lastSeq()).
    Result<qint64> logEvent(const QDateTime& at,
        const Actor& actor,
        const QString& caseId,
        const QString& kind,
        const QJsonObject& payload,
        const QByteArray& piiDigest = QByteArray());
    QDateTime now() const;
    // The reviewer filter actor may use: wanted for a role that reads every case, their own name for a reviewer
    // (another reviewer's name is refused and recorded).
    Result<QString> scopedActor(const Actor& actor, const QString& wanted);
    // The query as actor may run it: a reviewer's is limited to their own cases (another reviewer's is refused).
    Result<HistoryQuery> scopedQuery(const Actor& actor, HistoryQuery query);
    // Records an access_refused event; the PermissionDenied failure to return (or why it could not be recorded).
    Failure refuse(const Actor& actor,
        Access::Operation operation,
        const QString& caseId,
        const QString& reason,
        const QString& message);
    // afterAppend: run in the same transaction once the event is appended (with its seq), the chain head held; a
    // failure there records nothing.
    Result<qint64> recordUnchecked(const Actor& actor,
        const QString& caseId,
        const Events::Event& event,
        const std::function<Result<void>(qint64 seq)>& afterAppend = {});
    Result<void> changeAccount(const Actor& actor,
        const Events::AccountChanged& event,
        const std::function<Result<void>(const QDateTime&)>& update);
    // A review_action event and the row it leads to, inside write(). wasOpen: the review was open before the step.
    Result<void> logReviewStep(const Actor& actor,
        const ReviewRow& row,
        bool isNew,
        bool wasOpen,
        Events::ReviewStep step,
        const ReviewRequest& request,
        const QDateTime& at);
    // Inside write(): withdraws the pending proposal of caseId's review after a new attempt on it.
    Result<void> withdrawOnChange(const Actor& actor, const QString& caseId, const QString& cause, const QDateTime& at);
    // Whether a reviewer reaches another person's case through the review queue (read it while it is queued; reveal
    // and verify it again while assigned to them).
    bool reachesThroughReview(const QString& reviewer, Access::Operation operation, const QString& caseId);
    // Counts a failed password for name and locks the account at LockoutFailures; appends the events.
    Result<void> countFailure(const Actor& actor, const QString& name, const QDateTime& at);
    // What a failed sign-in with a name no account has records instead of it: a keyed digest ("unknown-" and 12 hex
    // digits; the same name typed again gives the same one). What was typed may be a password in the wrong box, and
    // the chain keeps it for good.
    QString unknownNameTag(const QString& typed) const;
    // HMAC-SHA256 (hex) of text under a key of this history's derived for label: what the chain keeps of a value
    // that must not be read back from it, yet can be matched by whoever holds the keys.
    QString keyedDigest(const char* label, const QString& text) const;

    QString m_connection;
    QString m_location;
    HistoryKeys m_keys;
    QString m_historyId;
    QString m_displayLocation;
    QString m_sqlitePath;
    QString m_keySource;
    QString m_databasePassword; // taken from the keychain for a URL without one (never from the URL itself)
    bool m_postgres = false;
    Clock* m_clock = nullptr;
    std::unique_ptr<PiiVault> m_vault;
    std::unique_ptr<ChainSigner> m_signer;
    QByteArray m_recordSealKey; // recordSeal()
    QString m_anchorDirectory;
    std::optional<QString> m_anchorOutcome;
    std::unique_ptr<EventLog> m_log;
    std::unique_ptr<CaseTable> m_cases;
    std::unique_ptr<CaseQueries> m_queries;
    std::unique_ptr<AccountTable> m_accounts;
    std::unique_ptr<ReviewTable> m_reviews;
    bool m_inBatch = false;
    qint64 m_lastSeq = 0;
    qint64 m_lastSeqBeforeBatch = 0;
};
