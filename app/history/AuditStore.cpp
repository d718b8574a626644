#include "AuditStore.h"

#include "base/Clock.h"
#include "base/PrivateFiles.h"
#include "crypto/Crypto.h"
#include "history/CanonicalEvent.h"
#include "history/CaseId.h"
#include "history/CaseQueries.h"
#include "history/CaseTable.h"
#include "history/ChainSigner.h"
#include "history/EventLog.h"
#include "history/HistoryLocation.h"
#include "history/HistoryPolicy.h"
#include "history/Migrations.h"
#include "history/PgAccess.h"
#include "history/ReviewTable.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace {

QString ts(const QDateTime& t)
{
    return QString::fromLatin1(CanonicalEvent::timestamp(t));
}

// A new history file and its folder are private to the user: 0600 and 0700 (SQLite gives -wal and -shm the file's
// mode).
bool createPrivateFile(const QString& path, QString* detail)
{
    if (!PrivateFiles::makeDirFor(path, detail))
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        *detail = AuditStore::tr("Cannot create %1: %2").arg(path, file.errorString());
        return false;
    }
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

void removeSqliteFiles(const QString& path)
{
    for (const QString& suffix :
        { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal") })
        QFile::remove(path + suffix);
}

ErrorCode codeOf(KeyVault::Error error)
{
    switch (error) {
    case KeyVault::Error::None:
        break;
    case KeyVault::Error::PassphraseRequired:
        return ErrorCode::PassphraseRequired;
    case KeyVault::Error::WrongPassphrase:
        return ErrorCode::WrongPassphrase;
    case KeyVault::Error::KeychainUnavailable:
        return ErrorCode::KeychainUnavailable;
    case KeyVault::Error::KeyMissing:
        return ErrorCode::KeyMissing;
    case KeyVault::Error::CorruptRecord:
        return ErrorCode::Corrupt;
    }
    return ErrorCode::Unavailable;
}

Failure keyFailure(const KeyVault::Result& keys)
{
    return Failure(codeOf(keys.error), keys.message);
}

} // namespace

AuditStore::AuditStore() = default;

Result<std::unique_ptr<AuditStore>> AuditStore::open(const QString& location, const KeyVault::Options& keys)
{
    Options options;
    options.keys = keys;
    return open(location, options);
}

Result<std::unique_ptr<AuditStore>> AuditStore::open(const QString& location, const Options& options)
{
    HistoryLocation where = HistoryLocation::parse(location);
    if (!where.isValid())
        return Failure(ErrorCode::InvalidArgument, where.error);
    QString databasePassword;
    if (where.isPostgres() && where.password.isEmpty()) {
        where.password = options.databasePassword;
        if (where.password.isEmpty() && options.keys.keychain)
            where.takePasswordFrom(*options.keys.keychain);
        databasePassword = where.password;
    }
    const bool isNewFile = !where.isPostgres() && !QFileInfo::exists(where.path);
    if (isNewFile && options.mustExist)
        return Failure(ErrorCode::NotFound, tr("There is no history at %1.").arg(where.displayName()));
    // An existing file is opened only when it is a history: nothing is written to an empty or foreign file.
    if (!where.isPostgres() && !isNewFile) {
        const QString refusal = Migrations::checkExistingFile(where.path);
        if (!refusal.isEmpty())
            return Failure(ErrorCode::NotAHistory, refusal);
    }
    auto failAndClean = [&](std::unique_ptr<AuditStore> store, Failure failure) {
        store.reset();
        if (isNewFile)
            removeSqliteFiles(where.path);
        return failure;
    };

    std::unique_ptr<AuditStore> store(new AuditStore);
    store->m_connection = QStringLiteral("ekyc-audit-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    store->m_postgres = where.isPostgres();
    store->m_displayLocation = where.displayName();
    store->m_location = location;
    store->m_databasePassword = databasePassword;
    store->m_sqlitePath = where.isPostgres() ? QString() : QFileInfo(where.path).absoluteFilePath();
    store->m_clock = options.clock ? options.clock : &Clock::system();

    QString detail;
    if (isNewFile && !createPrivateFile(where.path, &detail))
        return failAndClean(std::move(store), Failure(ErrorCode::Unavailable, detail));
    {
        QSqlDatabase db = where.openConnection(store->m_connection, &detail);
        if (!db.isValid()) {
            store->m_connection.clear();
            return failAndClean(std::move(store), Failure(ErrorCode::Unavailable, detail));
        }
    }
    if (Result<void> ready = store->initialize(options); !ready)
        return failAndClean(std::move(store), ready.failure());
    return store;
}

// The steps of initialize(): reading and creating the key record.
struct AuditStore::Opening
{
    struct Unlocked
    {
        QString historyId;
        KeyVault::Result keys;
    };

    mutable QSqlDatabase db;
    bool postgres = false;

    QString meta(const char* key) const
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
        q.bindValue(0, QLatin1String(key));
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }
    QByteArray keyRecord() const { return QByteArray::fromBase64(meta("key_record").toLatin1()); }

    // A new history: make its keys, then record them, under the write lock so that two processes opening the same
    // new file agree on one key record.
    Result<Unlocked> createKeys(const KeyVault::Options& options, const QDateTime& now) const
    {
        QString detail;
        if (!SqlTransaction::begin(db, postgres, &detail))
            return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
        if (postgres) {
            QSqlQuery lock(db);
            lock.exec(QStringLiteral("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE"));
        }
        if (const QByteArray record = keyRecord(); !record.isEmpty()) {
            SqlTransaction::rollback(db); // another process was first
            const QString historyId = meta("history_id");
            return Unlocked { historyId, KeyVault::open(historyId, record, options) };
        }
        const QString historyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        KeyVault::Result keys = KeyVault::create(historyId, options);
        if (!keys.ok()) {
            SqlTransaction::rollback(db);
            return Unlocked { historyId, keys };
        }
        for (const auto& [key, value] : { std::pair(QStringLiteral("history_id"), historyId),
                 std::pair(QStringLiteral("key_record"), QString::fromLatin1(keys.keyRecord.toBase64())),
                 std::pair(QStringLiteral("created_at"), ts(now)) }) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
            q.bindValue(0, key);
            q.bindValue(1, value);
            if (!q.exec()) {
                detail = q.lastError().text();
                SqlTransaction::rollback(db);
                return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
            }
        }
        if (!SqlTransaction::commit(db, &detail)) {
            SqlTransaction::rollback(db);
            return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
        }
        return Unlocked { historyId, keys };
    }
};

Result<void> AuditStore::initialize(const Options& options)
{
    QSqlDatabase db = database();
    // Another connection of an open history (sharedOptions(): the history thread, a batch's) was checked, and made
    // the team tables, when that history was opened.
    const bool firstOpen = !options.unlockedKeys;
    // A team member's own database role short of a privilege is told which, before anything else is tried.
    if (firstOpen) {
        if (Result<void> access = PgAccess::check(db, m_displayLocation, options.readOnly); !access)
            return access;
    }
    QString detail;
    if (!Migrations::run(db, m_postgres, &detail))
        return Failure(ErrorCode::Unavailable, detail);
    if (m_postgres && !options.readOnly && firstOpen)
        makeTeamTables();
    const Opening opening { db, m_postgres };
    Opening::Unlocked unlocked { opening.meta("history_id"), {} };
    if (opening.keyRecord().isEmpty()) {
        if (options.mustExist)
            return Failure(ErrorCode::NotFound, tr("There is no history at %1.").arg(m_displayLocation));
        Result<Opening::Unlocked> created = opening.createKeys(options.keys, now());
        if (!created)
            return created.failure();
        unlocked = *created;
    } else if (options.unlockedKeys) {
        if (unlocked.historyId != options.expectedHistoryId)
            return Failure(ErrorCode::NotFound,
                tr("The history at %1 is not the one these keys belong to.").arg(m_displayLocation));
        unlocked.keys.keys = *options.unlockedKeys;
        unlocked.keys.source = options.unlockedKeySource;
    } else {
        unlocked.keys = KeyVault::open(unlocked.historyId, opening.keyRecord(), options.keys);
    }
    if (!unlocked.keys.ok())
        return keyFailure(unlocked.keys);
    Result<std::unique_ptr<PiiVault>> vault = PiiVault::create(unlocked.historyId, unlocked.keys.keys);
    if (!vault)
        return vault.failure();
    m_keys = unlocked.keys.keys;
    m_historyId = unlocked.historyId;
    m_keySource = unlocked.keys.source;
    m_vault = std::move(*vault);
    m_log = std::make_unique<EventLog>(db, m_postgres);
    m_cases = std::make_unique<CaseTable>(db);
    m_queries = std::make_unique<CaseQueries>(db, *m_vault);
    m_accounts = std::make_unique<AccountTable>(db);
    m_reviews = std::make_unique<ReviewTable>(db);
    try {
        m_signer = std::make_unique<ChainSigner>(m_historyId, m_keys);
        m_recordSealKey =
            Crypto::hkdfSha256(m_keys.dataKey, m_historyId.toUtf8(), QByteArray("eKYC Desk record spool v1"));
    } catch (const std::exception&) {
        return Failure(ErrorCode::Corrupt, tr("Cannot derive the history's signing key."));
    }
    m_log->setSigner(m_signer.get());
    m_anchorDirectory = options.anchorDirectory;
    return ensureSigningKey(options.readOnly);
}

Result<void> AuditStore::ensureSigningKey(bool readOnly)
{
    QSqlDatabase db = database();
    const Opening opening { db, m_postgres };
    const QByteArray own = m_signer->publicKeyHex();
    // The key the history records against the one its keys make: empty (not recorded yet), the same, or replaced.
    const auto judge = [&own](const QByteArray& recorded) -> Result<void> {
        if (recorded.isEmpty() || recorded == own)
            return {};
        return Failure(ErrorCode::Corrupt,
            tr("The history's signing key (%1) is not the one its keys make (%2): the history was altered outside "
               "the application. Run audit verify, and restore it from a backup.")
                .arg(ChainSigner::displayFingerprint(recorded), ChainSigner::displayFingerprint(own)));
    };
    const QByteArray recorded = opening.meta(ChainSigner::MetaKey).toLatin1();
    if (!recorded.isEmpty() || readOnly)
        return judge(recorded);
    QString detail;
    if (!SqlTransaction::begin(db, m_postgres, &detail))
        return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
    Result<void> done = m_log->lockHead(); // and, on PostgreSQL, wait for any other first opener
    const QByteArray again = done ? opening.meta(ChainSigner::MetaKey).toLatin1() : QByteArray();
    if (done && again.isEmpty()) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
        q.bindValue(0, QLatin1String(ChainSigner::MetaKey));
        q.bindValue(1, QString::fromLatin1(own));
        done = q.exec()
            ? m_log->signHead(true)
            : Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(q.lastError().text()));
    }
    m_log->releaseHead();
    if (!done || !again.isEmpty()) { // failed, or another opener recorded a key first
        SqlTransaction::rollback(db);
        return done ? judge(again) : done;
    }
    if (!SqlTransaction::commit(db, &detail)) {
        SqlTransaction::rollback(db);
        return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
    }
    return {};
}

QByteArray AuditStore::signingKey() const
{
    return m_signer->publicKeyHex();
}

QByteArray AuditStore::recordSeal(const QByteArray& record) const
{
    return m_recordSealKey.isEmpty() ? QByteArray() : Crypto::hmacSha256(m_recordSealKey, record).toHex();
}

std::function<QByteArray(const QByteArray&)> AuditStore::recordSealer() const
{
    if (m_recordSealKey.isEmpty())
        return {};
    return [key = m_recordSealKey](const QByteArray& record) { return Crypto::hmacSha256(key, record).toHex(); };
}

Result<qint64> AuditStore::recordSpoolSetAside(
    const Actor& replayer, const QString& caseId, const Events::SpoolRecordSetAside& event)
{
    const bool known = !caseId.isEmpty() && m_cases->ownerOf(caseId).ok();
    return recordUnchecked(replayer, known ? caseId : QString(), event);
}

Result<qint64> AuditStore::checkpointInterval()
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT checkpoint_interval FROM chain_head WHERE id = 1")) || !q.next())
        return Failure(ErrorCode::Unavailable, tr("Cannot read the chain head: %1").arg(q.lastError().text()));
    return ChainSigner::followedCheckpointInterval(q.value(0).toLongLong());
}

Result<void> AuditStore::setCheckpointInterval(const Actor& who, qint64 interval)
{
    if (!ChainSigner::isValidCheckpointInterval(interval))
        return Failure(ErrorCode::InvalidArgument,
            tr("The checkpoint interval is %1 to %2 events.")
                .arg(ChainSigner::MinCheckpointInterval)
                .arg(ChainSigner::MaxCheckpointInterval));
    const Result<Actor> authorized = authorize(who, Access::Operation::ChangeSettings);
    if (!authorized)
        return authorized.failure();
    return write(*authorized, [&]() -> Result<void> {
        if (m_log->storedCheckpointInterval() == interval) // as read with the head, under the write lock
            return {};
        const Result<qint64> seq = m_log->setCheckpointInterval(now(), *authorized, interval);
        if (seq)
            m_lastSeq = *seq;
        return seq ? Result<void>() : seq.failure();
    });
}

void AuditStore::publishCheckpoints()
{
    const QList<ChainAnchor> checkpoints = m_log->takeCheckpoints();
    if (m_anchorDirectory.isEmpty() || checkpoints.isEmpty())
        return;
    const QString folder = QDir(m_anchorDirectory).filePath(m_historyId);
    m_anchorOutcome = QString();
    if (!PrivateFiles::makeDir(folder)) {
        m_anchorOutcome = tr("Cannot create the anchor folder %1.").arg(QDir::toNativeSeparators(folder));
        return;
    }
    for (const ChainAnchor& anchor : checkpoints) {
        QSaveFile file(QDir(folder).filePath(anchor.fileName()));
        const bool written = file.open(QIODevice::WriteOnly)
            && file.write(QJsonDocument(anchor.toJson()).toJson(QJsonDocument::Indented)) >= 0 && file.commit()
            && PrivateFiles::tightenFile(file.fileName());
        if (!written)
            m_anchorOutcome =
                tr("Cannot write the anchor %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
    }
}

AuditStore::~AuditStore()
{
    if (m_inBatch)
        rollbackBatch();
    m_reviews.reset();
    m_accounts.reset();
    m_queries.reset();
    m_cases.reset();
    m_log.reset();
    if (m_connection.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

AuditStore::Options AuditStore::sharedOptions() const
{
    Options shared;
    shared.clock = m_clock;
    shared.mustExist = true;
    shared.unlockedKeys = m_keys;
    shared.expectedHistoryId = m_historyId;
    shared.unlockedKeySource = m_keySource;
    shared.databasePassword = m_databasePassword;
    shared.anchorDirectory = m_anchorDirectory;
    return shared;
}

QSqlDatabase AuditStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

QDateTime AuditStore::now() const
{
    return m_clock->nowUtc().toUTC();
}

Result<void> AuditStore::write(const Actor& actor, const std::function<Result<void>()>& body)
{
    if (Result<void> allowed = HistoryPolicy::mayWrite(actor); !allowed)
        return allowed;
    QSqlDatabase db = database();
    if (m_inBatch) {
        Result<void> done;
        if (!m_log->isHeadLocked()) {
            done = m_log->lockHead();
            // From here on the batch holds the chain head, so no other writer can change an account (see beginBatch).
            if (done)
                keepReads(true);
        }
        if (done)
            done = body();
        if (!done)
            rollbackBatch();
        return done;
    }
    QString detail;
    if (!SqlTransaction::begin(db, m_postgres, &detail))
        return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
    const qint64 before = m_lastSeq;
    Result<void> done = m_log->lockHead();
    if (done)
        done = body();
    if (done)
        done = m_log->signHead();
    m_log->releaseHead();
    if (!done) {
        SqlTransaction::rollback(db);
        m_log->takeCheckpoints();
        m_lastSeq = before;
        return done;
    }
    if (!SqlTransaction::commit(db, &detail)) {
        m_log->takeCheckpoints();
        m_lastSeq = before;
        return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
    }
    publishCheckpoints();
    return {};
}

Result<qint64> AuditStore::logEvent(const QDateTime& at,
    const Actor& actor,
    const QString& caseId,
    const QString& kind,
    const QJsonObject& payload,
    const QByteArray& piiDigest)
{
    Result<qint64> seq = m_log->append(at, actor, caseId, kind, payload, piiDigest);
    if (seq)
        m_lastSeq = *seq;
    return seq;
}

Result<void> AuditStore::beginBatch()
{
    if (m_inBatch)
        return {};
    QSqlDatabase db = database();
    QString detail;
    if (!SqlTransaction::begin(db, m_postgres, &detail))
        return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
    m_inBatch = true;
    m_lastSeqBeforeBatch = m_lastSeq;
    m_log->releaseHead();
    return {};
}

Result<void> AuditStore::commitBatch()
{
    if (!m_inBatch)
        return {};
    QSqlDatabase db = database();
    if (Result<void> signedHead = m_log->signHead(); !signedHead) {
        rollbackBatch();
        return signedHead;
    }
    m_inBatch = false;
    m_log->releaseHead();
    keepReads(false);
    QString detail;
    if (!SqlTransaction::commit(db, &detail)) {
        SqlTransaction::rollback(db);
        m_log->takeCheckpoints();
        m_lastSeq = m_lastSeqBeforeBatch;
        return Failure(ErrorCode::Unavailable, tr("Cannot write to the history: %1").arg(detail));
    }
    publishCheckpoints();
    return {};
}

void AuditStore::rollbackBatch()
{
    if (!m_inBatch)
        return;
    QSqlDatabase db = database();
    SqlTransaction::rollback(db);
    m_inBatch = false;
    m_lastSeq = m_lastSeqBeforeBatch;
    m_log->releaseHead();
    m_log->takeCheckpoints();
    keepReads(false);
}

void AuditStore::keepReads(bool keep)
{
    m_accounts->keepReads(keep);
    m_cases->keepReads(keep);
}

Result<QString> AuditStore::createCase(const Actor& who, const CaseRecord& record)
{
    const Result<Actor> authorized = authorize(who, Access::Operation::VerifyCase);
    if (!authorized)
        return authorized.failure();
    const Actor& actor = *authorized;
    const QString caseId = record.caseId.isEmpty() ? CaseId::create(now().toMSecsSinceEpoch()) : record.caseId;
    Result<SealedPii> pii = m_vault->seal(caseId, record.name, record.idNumber);
    if (!pii)
        return pii.failure();
    QJsonObject payload = record.payload;
    // The merchant user ID left as its SHA-256 (the API's form), which the few billion candidates of a phone number
    // undo in seconds: the chain, which no purge erases, keeps an HMAC of that under the history's key instead.
    if (const QString sent = payload.value(QStringLiteral("merchantUserIdHash")).toString(); !sent.isEmpty())
        payload.insert(QStringLiteral("merchantUserIdHash"), keyedDigest("eKYC Desk merchant user ID v1", sent));
    payload.insert(QStringLiteral("merchantBizId"), record.merchantBizId);
    payload.insert(QStringLiteral("sceneCode"), record.sceneCode);
    payload.insert(QStringLiteral("training"), record.training);
    const Result<void> done = write(actor, [&]() -> Result<void> {
        const QDateTime at = now(); // created_at == updated_at == the case_created event's ts
        const CaseTable::NewCase row { caseId, record.merchantBizId, record.sceneCode, record.training };
        if (Result<void> inserted = m_cases->insert(row, at, actor, *pii); !inserted)
            return inserted;
        Result<qint64> seq = logEvent(at, actor, caseId, QLatin1String(EventKind::caseCreated), payload, pii->digest);
        return seq ? Result<void>() : seq.failure();
    });
    if (!done)
        return done.failure();
    return caseId;
}

namespace {

// What recording an event of this kind through record() takes; nullopt: the history writes that kind itself.
std::optional<Access::Operation> operationFor(const Events::Event& event)
{
    using Op = Access::Operation;
    return std::visit(
        [](const auto& e) -> std::optional<Access::Operation> {
            using E = std::remove_cvref_t<decltype(e)>;
            if constexpr (
                std::is_same_v<E,
                    Events::
                        AttemptSent> || std::is_same_v<E, Events::ResponseReceived> || std::is_same_v<E, Events::AttemptFailed> || std::is_same_v<E, Events::ReverifyLink>)
                return Op::VerifyCase;
            else if constexpr (std::is_same_v<E, Events::ExportMade>)
                return Op::ExportMasked;
            else if constexpr (std::is_same_v<E, Events::RetentionPurge>) // as a purge of another tool records it
                return Op::PurgeRetention;
            else if constexpr (std::is_same_v<E,
                                   Events::SettingsChanged> || std::is_same_v<E, Events::CredentialSourceChanged>)
                return Op::RecordActivity;
            else
                return std::nullopt;
        },
        event);
}

} // namespace

Result<qint64> AuditStore::record(const Actor& who, const QString& caseId, const Events::Event& event)
{
    const std::optional<Access::Operation> operation = operationFor(event);
    if (!operation)
        return Failure(ErrorCode::InvalidArgument,
            tr("A %1 event is written by the history itself, not on its own.").arg(Events::kindOf(event)));
    const Result<Actor> authorized = authorize(who, *operation, caseId);
    if (!authorized)
        return authorized.failure();
    return recordUnchecked(*authorized, caseId, event);
}

Result<qint64> AuditStore::recordUnchecked(const Actor& actor,
    const QString& caseId,
    const Events::Event& event,
    const std::function<Result<void>(qint64 seq)>& afterAppend)
{
    const QString kind = Events::kindOf(event);
    const QJsonObject payload = Events::toPayload(event);
    qint64 seq = 0;
    const Result<void> done = write(actor, [&]() -> Result<void> {
        const QDateTime at = now(); // updated_at == the event's ts
        if (!caseId.isEmpty()) {
            const bool attempt = kind == QLatin1String(EventKind::attemptSent);
            if (Result<void> touched = m_cases->touch(caseId, at, attempt); !touched)
                return touched;
        }
        Result<qint64> appended = logEvent(at, actor, caseId, kind, payload);
        if (!appended)
            return appended.failure();
        seq = *appended;
        if (afterAppend) {
            if (Result<void> checked = afterAppend(seq); !checked)
                return checked;
        }
        if (kind == QLatin1String(EventKind::exportMade)) { // every export is a signed checkpoint
            if (Result<qint64> checkpoint = m_log->appendCheckpoint(at, actor, QStringLiteral("export")); !checkpoint)
                return checkpoint.failure();
        }
        if (!caseId.isEmpty()
            && (kind == QLatin1String(EventKind::attemptSent) || kind == QLatin1String(EventKind::reverifyLink))) {
            const QString cause = kind == QLatin1String(EventKind::reverifyLink) ? QStringLiteral("reverified")
                                                                                 : QStringLiteral("new_attempt");
            if (Result<void> withdrawn = withdrawOnChange(actor, caseId, cause, at); !withdrawn)
                return withdrawn;
        }
        return {};
    });
    if (!done)
        return done.failure();
    return seq;
}

Result<void> AuditStore::completeCase(const Actor& actor, const QString& caseId, const Events::CaseCompleted& event)
{
    if (event.state == QLatin1String(CaseState::reviewed))
        return Failure(ErrorCode::InvalidArgument, tr("A manual-review decision is a review_decision event."));
    return complete(actor, caseId, event, event);
}

Result<void> AuditStore::completeCase(const Actor& actor, const QString& caseId, const Events::ReviewDecision& event)
{
    if (event.state != QLatin1String(CaseState::reviewed))
        return Failure(ErrorCode::InvalidArgument, tr("A review decision ends the case as reviewed."));
    return complete(actor, caseId, event, event);
}

Result<void> AuditStore::complete(
    const Actor& who, const QString& caseId, const Events::Completion& outcome, const Events::Event& event)
{
    if (Result<void> allowed = HistoryPolicy::mayEndAs(outcome.state); !allowed)
        return allowed;
    const bool decision = std::holds_alternative<Events::ReviewDecision>(event);
    const Result<Actor> authorized =
        authorize(who, decision ? Access::Operation::DecideReview : Access::Operation::VerifyCase, caseId);
    if (!authorized)
        return authorized.failure();
    const Actor& actor = *authorized;
    const QJsonObject payload = Events::toPayload(event);
    return write(actor, [&]() -> Result<void> {
        const QDateTime at = now(); // updated_at == the case_completed / review_decision event's ts
        std::optional<CaseTable::CallOutcome> call;
        if (!decision) {
            call = CaseTable::CallOutcome { outcome.error.has_value() ? outcome.error->value_or(QString()) : QString(),
                outcome.code.value_or(QString()),
                outcome.requestId.value_or(QString()) };
        }
        if (Result<void> updated =
                m_cases->setOutcome(caseId, at, outcome.state, outcome.passed, outcome.subCode, call);
            !updated)
            return updated;
        Result<qint64> seq = logEvent(at, actor, caseId, Events::kindOf(event), payload);
        return seq ? Result<void>() : seq.failure();
    });
}

Result<QList<CaseSummary>> AuditStore::recentCases(const Actor& actor, int n)
{
    Result<HistoryPage> page = queryCases(actor, HistoryQuery(), HistoryCursor(), n);
    if (!page)
        return page.failure();
    return page->rows;
}

Result<CaseSummary> AuditStore::caseSummary(const Actor& actor, const QString& caseId)
{
    if (Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases, caseId); !allowed)
        return allowed.failure();
    return m_queries->summary(caseId);
}

QList<QByteArray> AuditStore::caseIndexes(const QStringList& caseKeys) const
{
    QList<QByteArray> indexes;
    indexes.reserve(caseKeys.size());
    for (const QString& key : caseKeys)
        indexes.append(key.isEmpty() ? QByteArray() : m_vault->caseIndex(key));
    return indexes;
}

Result<QList<CaseSummary>> AuditStore::findByIdNumber(const Actor& actor, const QString& idNumber)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases);
    if (!allowed)
        return allowed.failure();
    Result<QList<CaseSummary>> found = m_queries->byIdNumber(idNumber);
    if (found && Access::scope(allowed->role, Access::Operation::ReadCases) == Access::Scope::Own)
        found->removeIf([&](const CaseSummary& row) { return row.actor != allowed->name; });
    return found;
}

Result<QString> AuditStore::scopedActor(const Actor& actor, const QString& wanted)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases);
    if (!allowed)
        return allowed.failure();
    if (Access::scope(allowed->role, Access::Operation::ReadCases) != Access::Scope::Own)
        return wanted;
    if (!wanted.isEmpty() && wanted != allowed->name) {
        return refuse(*allowed,
            Access::Operation::ReadCases,
            QString(),
            QStringLiteral("own_cases_only"),
            Access::refusal(allowed->role, Access::Operation::ReadCases, true));
    }
    return allowed->name;
}

Result<HistoryQuery> AuditStore::scopedQuery(const Actor& actor, HistoryQuery query)
{
    const Result<QString> scoped = scopedActor(actor, query.actor);
    if (!scoped)
        return scoped.failure();
    query.actor = *scoped;
    return query;
}

Result<std::optional<CaseSummary>> AuditStore::latestSent(const Actor& actor, HistoryQuery query)
{
    if (const Result<Actor> allowed = authorize(actor, Access::Operation::VerifyCase); !allowed)
        return allowed.failure();
    query.actor.clear();
    // The latest in the chain, not by created_at: a workstation whose clock is behind records a later case with an
    // earlier time, and the row would be judged by an older case (sent again when that one was not billed).
    query.sortKey = QLatin1String(HistorySort::chain);
    query.descending = true;
    const Result<HistoryPage> page = m_queries->page(query, HistoryCursor(), 1);
    if (!page)
        return page.failure();
    if (page->rows.isEmpty())
        return std::optional<CaseSummary>();
    return std::optional<CaseSummary>(page->rows.first());
}

Result<HistoryPage> AuditStore::queryCases(
    const Actor& actor, HistoryQuery query, const HistoryCursor& after, int limit)
{
    const Result<HistoryQuery> scoped = scopedQuery(actor, std::move(query));
    if (!scoped)
        return scoped.failure();
    return m_queries->page(*scoped, after, limit);
}

Result<qint64> AuditStore::countCases(const Actor& actor, HistoryQuery query)
{
    const Result<HistoryQuery> scoped = scopedQuery(actor, std::move(query));
    if (!scoped)
        return scoped.failure();
    return m_queries->count(*scoped);
}

Result<QList<AuditEvent>> AuditStore::eventsForCase(const Actor& actor, const QString& caseId)
{
    if (Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases, caseId); !allowed)
        return allowed.failure();
    return m_queries->eventsForCase(caseId);
}

Result<void> AuditStore::forEachEvent(const std::function<bool(const AuditEvent&)>& visit) const
{
    return m_queries->forEachEvent(visit);
}

Result<RevealedPii> AuditStore::revealCase(const Actor& who, const QString& caseId, const QString& reason)
{
    if (Result<void> allowed = HistoryPolicy::mayReveal(who, reason); !allowed)
        return allowed.failure();
    const Result<Actor> authorized = authorize(who, Access::Operation::RevealCase, caseId);
    if (!authorized)
        return authorized.failure();
    const Actor& actor = *authorized;
    Result<CaseTable::Sealed> sealed = m_cases->sealed(caseId);
    if (!sealed)
        return sealed.failure();
    if (sealed->purged)
        return Failure(ErrorCode::NotFound,
            tr("The name and ID number of case %1 were erased by the retention purge.").arg(caseId));
    Result<RevealedPii> plain = m_vault->open(caseId, sealed->nameEnc, sealed->idEnc);
    if (!plain)
        return plain;
    // Logged before it is shown: no reveal without its event.
    Result<qint64> logged = recordUnchecked(
        actor, caseId, Events::PiiRevealed { HistoryPolicy::recordedText(reason, plain->name, plain->idNumber), {} });
    if (!logged)
        return logged.failure();
    return plain;
}

ChainReport AuditStore::verifyChain(const std::optional<ChainAnchor>& anchor)
{
    ChainVerifier::Options options;
    options.anchor = anchor;
    return verifyChain(options);
}

ChainReport AuditStore::verifyChain(const ChainVerifier::Options& given)
{
    ChainVerifier::Options options = given;
    options.historyId = m_historyId;
    options.snapshot = !m_inBatch;
    options.expectedPublicKey = m_signer->publicKeyHex();
    options.piiCheck = [this](const CasePii& pii) { return m_vault->matchesMasks(pii); };
    return ChainVerifier::verify(database(), options);
}

Result<ChainAnchor> AuditStore::head() const
{
    // Inside a batch chain_head is written at its commit (EventLog::signHead): until then the log holds the head.
    Result<ChainAnchor> anchor = ChainAnchor();
    if (m_inBatch && m_log->isHeadLocked()) {
        anchor->seq = m_log->headSeq();
        anchor->hash = m_log->headHash();
    } else {
        anchor = EventLog::readHead(database());
    }
    if (anchor) {
        anchor->historyId = m_historyId;
        anchor->exportedAt = now();
    }
    return anchor;
}

Result<ChainAnchor> AuditStore::exportAnchor(const Actor& who)
{
    const Result<Actor> authorized = authorize(who, Access::Operation::ExportAnchor);
    if (!authorized)
        return authorized.failure();
    const Actor& actor = *authorized;
    ChainAnchor anchor;
    const Result<void> done = write(actor, [&]() -> Result<void> {
        anchor.historyId = m_historyId;
        anchor.seq = m_log->headSeq();
        anchor.hash = m_log->headHash();
        anchor.exportedAt = now();
        anchor.publicKey = m_signer->publicKeyHex();
        anchor.signature = m_signer->signCheckpoint(anchor.seq, anchor.hash, anchor.exportedAt);
        const Events::AnchorExported event { anchor.seq, QString::fromLatin1(anchor.hash), {} };
        Result<qint64> seq =
            logEvent(anchor.exportedAt, actor, QString(), QLatin1String(event.kind), Events::toPayload(event));
        if (seq)
            seq = m_log->appendCheckpoint(anchor.exportedAt, actor, QStringLiteral("anchor"));
        return seq ? Result<void>() : seq.failure();
    });
    if (!done)
        return done.failure();
    return anchor;
}

Result<int> AuditStore::purgeOlderThan(const Actor& who, const QDateTime& cutoff)
{
    if (Result<void> allowed = HistoryPolicy::mayPurge(who, cutoff); !allowed)
        return allowed.failure();
    const Result<Actor> authorized = authorize(who, Access::Operation::PurgeRetention);
    if (!authorized)
        return authorized.failure();
    const Actor& actor = *authorized;
    int purged = 0;
    const Result<void> done = write(actor, [&]() -> Result<void> {
        const QDateTime at = now(); // purged_at == the retention_purge event's ts
        Result<QStringList> caseIds = m_cases->purge(cutoff, at, m_log->headSeq());
        if (!caseIds)
            return caseIds.failure();
        purged = static_cast<int>(caseIds->size());
        if (Result<void> erased = m_reviews->purgeTexts(*caseIds, at); !erased)
            return erased;
        const Events::RetentionPurge event { ts(cutoff), purged, *caseIds, {} };
        Result<qint64> seq = logEvent(at, actor, QString(), QLatin1String(event.kind), Events::toPayload(event));
        if (seq)
            seq = m_log->appendCheckpoint(at, actor, QStringLiteral("purge"));
        return seq ? Result<void>() : seq.failure();
    });
    if (!done)
        return done.failure();
    return purged;
}
