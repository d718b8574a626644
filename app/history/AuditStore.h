#pragma once

#include "crypto/KeyVault.h"
#include "history/AuditEvent.h"
#include "history/ChainVerifier.h"
#include "history/HistoryQuery.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class Clock;
class PiiCipher;

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

struct RevealedPii
{
    QString name;
    QString idNumber;
};

// The audit history: an append-only, hash-chained event log plus a cases projection, on SQLite (a file path) or
// PostgreSQL (a postgresql:// URL). One instance owns one named connection; use it from one thread.
//
// Every write is one transaction that first locks the chain head (SQLite: BEGIN IMMEDIATE; PostgreSQL: SELECT ...
// FOR UPDATE on chain_head), so concurrent writers in other processes or on other workstations never fork the chain.
// Events are never updated or deleted; the retention purge erases only the encrypted PII in the cases table (the
// chain covers a digest of it) and is itself an event.
class AuditStore
{
    Q_DECLARE_TR_FUNCTIONS(AuditStore)
public:
    struct Options
    {
        KeyVault::Options keys;
        Clock* clock = nullptr; // nullptr: Clock::system()
        QString actor; // empty: the OS user name
        QString workstation; // empty: QSysInfo::machineHostName()
        bool mustExist = false; // read-only tools: never create a history at a mistyped location
        // Keys another instance already unlocked (sharedOptions()): no scrypt, no keychain; the history must exist
        // and be the one they belong to (expectedHistoryId).
        std::optional<HistoryKeys> unlockedKeys;
        QString expectedHistoryId;
        QString unlockedKeySource; // where those keys came from: keySource() of the instance that unlocked them
    };

    // Opens (creating and migrating when new) the history at location (see HistoryLocation; empty = default path)
    // and unlocks its keys. nullptr with *error on failure: a wrong or missing passphrase is a clear error, and a
    // history that could not be created leaves nothing behind.
    static std::unique_ptr<AuditStore> open(const QString& location, const KeyVault::Options& keys, QString* error);
    static std::unique_ptr<AuditStore> open(const QString& location, const Options& options, QString* error);

    // Why open() failed, as a kind to branch on and a translated message to show (never parse the message).
    struct OpenFailure
    {
        enum class Kind
        {
            None,
            Location, // the location is not valid
            Missing, // mustExist and there is nothing there
            NotAHistory, // an existing file that is empty or not an eKYC Desk history: left untouched
            Keys, // keyError says which
            Database, // cannot connect, create, migrate or read
        };
        Kind kind = Kind::None;
        KeyVault::Error keyError = KeyVault::Error::None;
        QString message;
    };
    static std::unique_ptr<AuditStore> open(const QString& location, const Options& options, OpenFailure* failure);
    ~AuditStore();
    AuditStore(const AuditStore&) = delete;
    AuditStore& operator=(const AuditStore&) = delete;

    QString historyId() const { return m_historyId; }
    // Where it was opened from, as given to open().
    QString location() const { return m_location; }
    // What another instance on another thread needs to open this same history without unlocking its keys again:
    // the keys (read-only), actor, workstation and clock. Open it on the thread that will use it.
    Options sharedOptions() const;
    QString displayLocation() const { return m_displayLocation; }
    // The SQLite file, empty for PostgreSQL.
    QString sqlitePath() const { return m_sqlitePath; }
    bool isPostgres() const { return m_postgres; }
    QString keySource() const { return m_keySource; } // "keychain" | "passphrase"
    QString actor() const { return m_actor; }
    void setActor(const QString& actor) { m_actor = actor; }
    QString workstation() const { return m_workstation; }
    QString lastError() const { return m_lastError; }
    // seq of the last event this instance committed (or appended inside a batch).
    qint64 lastSeq() const { return m_lastSeq; }

    // Writes the case row (state pending) and its case_created event in one transaction. Returns the case id, or an
    // empty string with lastError().
    QString createCase(const CaseRecord& record);
    // Appends one event. attempt_sent also counts the attempt on the case. Returns its seq, 0 on failure.
    qint64 appendEvent(const QString& caseId, const QString& kind, const QJsonObject& payload);
    // Sets the case's outcome and appends case_completed (or review_decision for CaseState::reviewed) in one
    // transaction. state: CaseState::completed | failed | reviewed.
    bool completeCase(const QString& caseId,
        const QString& state,
        std::optional<bool> passed,
        const QString& subCode,
        const QJsonObject& payload);

    // The n newest cases; std::nullopt (lastError) when they cannot be read, which is not the same as none.
    std::optional<QList<CaseSummary>> recentCases(int n);
    std::optional<CaseSummary> caseSummary(const QString& caseId);
    QList<CaseSummary> findByIdNumber(const QString& idNumber);
    HistoryPage queryCases(const HistoryQuery& query, const HistoryCursor& after, int limit);
    QList<AuditEvent> eventsForCase(const QString& caseId);
    // Streams every event in seq order; stop early by returning false. False on a database error.
    bool forEachEvent(const std::function<bool(const AuditEvent&)>& visit);

    // Decrypts name and ID number after appending a pii_revealed event with the reason (required). std::nullopt
    // (lastError) when the reason is empty, the case is unknown or purged, or the ciphertext does not decrypt.
    std::optional<RevealedPii> revealCase(const QString& caseId, const QString& reason);

    // ChainVerifier::verify, plus the check of every unpurged case's masks and blind index against its decrypted
    // name and ID number (this store has the keys; `audit verify` without a passphrase does not).
    ChainReport verifyChain(const std::optional<ChainAnchor>& anchor = std::nullopt);
    ChainAnchor head();
    QByteArray headHash() { return head().hash; }
    // The current head as an anchor, and an anchor_exported event recording it (the anchor is the head before it).
    std::optional<ChainAnchor> exportAnchor();

    // Erases name and ID number (ciphertext, masks, blind index) of cases whose case_created event is older than
    // cutoff and appends a retention_purge event {"caseIds":[...],"cases":n,"cutoff":...}, in one transaction.
    // Returns the number of cases purged, -1 on failure.
    int purgeOlderThan(const QDateTime& cutoff, const QString& actor = QString());

    // Groups many writes into one transaction (seeding, benchmarks). Writes inside a batch do not commit on their own.
    bool beginBatch();
    bool commitBatch();
    void rollbackBatch();

    QSqlDatabase database() const;

private:
    AuditStore() = default;
    struct Queries;

    // Migrate, unlock keys, prepare statements; empty on success (m_keyError says when the keys failed).
    QString initialize(const Options& options);
    bool openKeys(const HistoryKeys& keys);
    bool piiMatchesMasks(const CasePii& pii) const; // the verifier's keyed check of masks and blind index
    bool write(const std::function<bool()>& body);
    bool lockHead();
    // at: the one time of the write, read once (now()) and used for the event's ts and for every time column of the
    // case record the same write touches, so the two agree exactly (ChainVerifier compares them exactly).
    qint64 insertEvent(const QDateTime& at,
        const QString& caseId,
        const QString& kind,
        QJsonObject payload,
        const QByteArray& piiDigest);
    QByteArray aad(const QString& caseId, const char* field) const;
    QDateTime now() const;
    bool fail(const QString& message);
    // Appends the case records the query finds to *rows; false (lastError) when the query fails.
    bool selectCases(const QString& tail, const QVariantList& values, QList<CaseSummary>* rows);

    QString m_connection;
    QString m_location;
    HistoryKeys m_keys;
    QString m_historyId;
    QString m_displayLocation;
    QString m_sqlitePath;
    KeyVault::Error m_keyError = KeyVault::Error::None;
    QString m_keySource;
    QString m_actor;
    QString m_workstation;
    QString m_lastError;
    bool m_postgres = false;
    Clock* m_clock = nullptr;
    QByteArray m_indexKey;
    std::unique_ptr<PiiCipher> m_cipher;
    std::unique_ptr<Queries> m_queries;
    bool m_inBatch = false;
    bool m_headLocked = false;
    qint64 m_headSeq = 0;
    QByteArray m_headHash;
    qint64 m_lastSeq = 0;
};
