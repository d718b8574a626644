#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

// Write transactions that serialize every writer of one history: SQLite "BEGIN IMMEDIATE" (the write lock is taken
// at BEGIN, so two processes never both read the same chain head), PostgreSQL "BEGIN" plus a lock taken by the
// caller (a row lock on chain_head, or an advisory lock while migrating).
namespace SqlTransaction {
bool begin(QSqlDatabase& db, bool postgres, QString* error);
bool commit(QSqlDatabase& db, QString* error);
void rollback(QSqlDatabase& db);
} // namespace SqlTransaction

// The versioned schema. meta.schema_version says which steps ran; each step runs in its own transaction and is
// rolled back completely when any statement fails. Opening a history always runs the missing steps, so a new file
// and an old one end at the same schema; a history from a newer version of the app is refused.
class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(Migrations)
public:
    struct Step
    {
        int version;
        QStringList sqlite;
        QStringList postgres;
    };

    static const QList<Step>& steps();
    static int latestVersion();

    // Version 4 (exact case times): from this version on, every write reads the clock once, so a case record's
    // created_at, updated_at and purged_at equal the ts of the event that wrote them, to the millisecond. The step
    // records in meta[exactTimesKey] the first seq written that way (the chain head + 1 when it ran, "1" for a new
    // history); ChainVerifier compares the times of events from that seq on exactly, and earlier ones with
    // ChainVerifier::projectionSlackMs.
    static constexpr int exactTimesVersion = 4;
    static constexpr char exactTimesKey[] = "exact_times_from_seq";
    // Version 9: the chain head and checkpoints are signed (ChainSigner).
    static constexpr int signedVersion = 9;
    // Version 10: chain_head.checkpoint_interval, the history's checkpoint interval (ChainSigner), which every writer
    // reads with the head.
    static constexpr int checkpointIntervalVersion = 10;
    // The first seq written by version 10 (the head + 1 when the step ran): every checkpoint from there on must carry
    // and sign the interval.
    static constexpr char intervalFromSeqKey[] = "interval_from_seq";

    // 0 for an empty database (no meta table), -1 on error.
    static int currentVersion(QSqlDatabase& db, bool postgres, QString* error);
    // Whether the existing SQLite file at path is an eKYC Desk history: a SQLite database whose meta table holds a
    // schema version. Read without writing a byte (the file's header, then a read-only connection, none of the set-up
    // HistoryLocation::openConnection does), so an empty file, a text file or another program's database is refused
    // before anything is written to it. Empty on success, else why not (translated).
    static QString checkExistingFile(const QString& path);
    // Runs the missing steps in order. Returns false with *error when a step fails (that step is rolled back; earlier
    // steps stay) or when the schema is newer than `steps`.
    static bool run(QSqlDatabase& db, bool postgres, QString* error, const QList<Step>& steps = Migrations::steps());
};
