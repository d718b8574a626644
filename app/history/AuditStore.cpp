#include "AuditStore.h"

#include "base/Clock.h"
#include "crypto/PiiCipher.h"
#include "domain/IdNumber.h"
#include "domain/Masking.h"
#include "history/CanonicalEvent.h"
#include "history/HistoryLocation.h"
#include "history/Migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QUuid>
#include <QVariant>

#include <stdexcept>

#include <pwd.h>
#include <unistd.h>

// Prepared statements reused for every append (the hot path of seeding and of the benchmark).
struct AuditStore::Queries
{
    explicit Queries(const QSqlDatabase& db)
        : selectHead(db)
        , insertEvent(db)
        , updateHead(db)
        , touchCase(db)
        , touchCaseAttempt(db)
    {
    }
    QSqlQuery selectHead;
    QSqlQuery insertEvent;
    QSqlQuery updateHead;
    QSqlQuery touchCase;
    QSqlQuery touchCaseAttempt;
};

namespace {

QString ts(const QDateTime& t)
{
    return QString::fromLatin1(CanonicalEvent::timestamp(t));
}

// A NOT NULL text column gets "" for an empty value, never NULL.
QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString text(const QByteArray& value)
{
    return value.isEmpty() ? QStringLiteral("") : QString::fromLatin1(value);
}

QVariant nullBytes()
{
    return QVariant(QMetaType::fromType<QByteArray>());
}

// The account the process runs as, from the password database, not from $USER, which anyone can set. (Accounts
// with roles of the app's own replace this later.)
QString osUserName()
{
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name && *entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    return QStringLiteral("uid-%1").arg(geteuid());
}

// A new history file and its folder are private to the user: 0600 and 0700 (SQLite gives -wal and -shm the file's
// mode).
bool createPrivateFile(const QString& path, QString* detail)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!QDir().mkpath(dir.absolutePath())) {
            *detail = AuditStore::tr("Cannot create the folder %1.").arg(dir.absolutePath());
            return false;
        }
        QFile::setPermissions(dir.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
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

} // namespace

std::unique_ptr<AuditStore> AuditStore::open(const QString& location, const KeyVault::Options& keys, QString* error)
{
    Options options;
    options.keys = keys;
    return open(location, options, error);
}

std::unique_ptr<AuditStore> AuditStore::open(const QString& location, const Options& options, QString* error)
{
    OpenFailure failure;
    std::unique_ptr<AuditStore> store = open(location, options, &failure);
    if (!store && error)
        *error = failure.message;
    return store;
}

std::unique_ptr<AuditStore> AuditStore::open(const QString& location, const Options& options, OpenFailure* failure)
{
    using Kind = OpenFailure::Kind;
    const HistoryLocation where = HistoryLocation::parse(location);
    auto fail = [failure](Kind kind, const QString& message, KeyVault::Error keyError = KeyVault::Error::None) {
        if (failure)
            *failure = { kind, keyError, message };
        return std::unique_ptr<AuditStore>();
    };
    if (!where.isValid())
        return fail(Kind::Location, where.error);
    const bool isNewFile = !where.isPostgres() && !QFileInfo::exists(where.path);
    if (isNewFile && options.mustExist)
        return fail(Kind::Missing, tr("There is no history at %1.").arg(where.displayName()));
    // An existing file is opened only when it is a history: nothing is written to an empty or foreign file.
    if (!where.isPostgres() && !isNewFile) {
        const QString refusal = Migrations::checkExistingFile(where.path);
        if (!refusal.isEmpty())
            return fail(Kind::NotAHistory, refusal);
    }
    auto failAndClean = [&](std::unique_ptr<AuditStore> store, const QString& message) {
        const KeyVault::Error keyError = store ? store->m_keyError : KeyVault::Error::None;
        store.reset();
        if (isNewFile)
            removeSqliteFiles(where.path);
        return fail(keyError == KeyVault::Error::None ? Kind::Database : Kind::Keys, message, keyError);
    };

    std::unique_ptr<AuditStore> store(new AuditStore);
    store->m_connection = QStringLiteral("ekyc-audit-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    store->m_postgres = where.isPostgres();
    store->m_displayLocation = where.displayName();
    store->m_location = location;
    store->m_sqlitePath = where.isPostgres() ? QString() : QFileInfo(where.path).absoluteFilePath();
    store->m_clock = options.clock ? options.clock : &Clock::system();
    store->m_actor = options.actor.isEmpty() ? osUserName() : options.actor;
    store->m_workstation = options.workstation.isEmpty() ? QSysInfo::machineHostName() : options.workstation;

    QString detail;
    if (isNewFile && !createPrivateFile(where.path, &detail))
        return failAndClean(std::move(store), detail);
    {
        QSqlDatabase db = where.openConnection(store->m_connection, &detail);
        if (!db.isValid()) {
            store->m_connection.clear();
            return failAndClean(std::move(store), detail);
        }
    }
    const QString message = store->initialize(options);
    if (!message.isEmpty())
        return failAndClean(std::move(store), message);
    return store;
}

QString AuditStore::initialize(const Options& options)
{
    QSqlDatabase db = database();
    QString detail;
    if (!Migrations::run(db, m_postgres, &detail))
        return detail;
    auto readMeta = [&db](const char* key) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
        q.bindValue(0, QLatin1String(key));
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    };
    QString historyId = readMeta("history_id");
    QByteArray keyRecord = QByteArray::fromBase64(readMeta("key_record").toLatin1());
    KeyVault::Result keys;
    if (keyRecord.isEmpty() && options.mustExist)
        return tr("There is no history at %1.").arg(m_displayLocation);
    if (keyRecord.isEmpty()) {
        // A new history: make its keys, then record them, under the write lock so that two processes opening the
        // same new file agree on one key record.
        if (!SqlTransaction::begin(db, m_postgres, &detail))
            return tr("Cannot write to the history: %1").arg(detail);
        if (m_postgres) {
            QSqlQuery lock(db);
            lock.exec(QStringLiteral("SELECT seq FROM chain_head WHERE id = 1 FOR UPDATE"));
        }
        historyId = readMeta("history_id");
        keyRecord = QByteArray::fromBase64(readMeta("key_record").toLatin1());
        if (keyRecord.isEmpty()) {
            historyId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            keys = KeyVault::create(historyId, options.keys);
            if (!keys.ok()) {
                SqlTransaction::rollback(db);
                m_keyError = keys.error;
                return keys.message;
            }
            bool ok = true;
            for (const auto& [key, value] : { std::pair(QStringLiteral("history_id"), historyId),
                     std::pair(QStringLiteral("key_record"), QString::fromLatin1(keys.keyRecord.toBase64())),
                     std::pair(QStringLiteral("created_at"), ts(now())) }) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
                q.bindValue(0, key);
                q.bindValue(1, value);
                if (!q.exec()) {
                    ok = false;
                    detail = q.lastError().text();
                    break;
                }
            }
            if (!ok || !SqlTransaction::commit(db, &detail)) {
                SqlTransaction::rollback(db);
                return tr("Cannot write to the history: %1").arg(detail);
            }
        } else {
            SqlTransaction::rollback(db);
            keys = KeyVault::open(historyId, keyRecord, options.keys);
        }
    } else if (options.unlockedKeys) {
        if (historyId != options.expectedHistoryId)
            return tr("The history at %1 is not the one these keys belong to.").arg(m_displayLocation);
        keys.keys = *options.unlockedKeys;
        keys.source = options.unlockedKeySource;
    } else {
        keys = KeyVault::open(historyId, keyRecord, options.keys);
    }
    if (!keys.ok()) {
        m_keyError = keys.error;
        return keys.message;
    }
    m_keys = keys.keys;
    m_historyId = historyId;
    m_keySource = keys.source;
    if (!openKeys(keys.keys))
        return tr("The history keys are not valid.");
    m_queries = std::make_unique<Queries>(db);
    Queries& q = *m_queries;
    q.selectHead.prepare(m_postgres ? QStringLiteral("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE")
                                    : QStringLiteral("SELECT seq, hash FROM chain_head WHERE id = 1"));
    q.insertEvent.prepare(QStringLiteral("INSERT INTO events (seq, ts, actor, workstation, case_id, kind, payload, "
                                         "pii_digest, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.updateHead.prepare(QStringLiteral("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1"));
    q.touchCase.prepare(QStringLiteral("UPDATE cases SET updated_at = ? WHERE case_id = ?"));
    q.touchCaseAttempt.prepare(
        QStringLiteral("UPDATE cases SET updated_at = ?, attempts = attempts + 1 WHERE case_id = ?"));
    return {};
}

AuditStore::~AuditStore()
{
    if (m_inBatch)
        rollbackBatch();
    m_queries.reset();
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
    shared.actor = m_actor;
    shared.workstation = m_workstation;
    shared.mustExist = true;
    shared.unlockedKeys = m_keys;
    shared.expectedHistoryId = m_historyId;
    shared.unlockedKeySource = m_keySource;
    return shared;
}

QSqlDatabase AuditStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool AuditStore::openKeys(const HistoryKeys& keys)
{
    if (!keys.isValid())
        return false;
    try {
        m_cipher = std::make_unique<PiiCipher>(keys.dataKey);
    } catch (const std::exception&) {
        return false;
    }
    m_indexKey = keys.indexKey;
    return true;
}

QDateTime AuditStore::now() const
{
    return m_clock->nowUtc().toUTC();
}

bool AuditStore::fail(const QString& message)
{
    m_lastError = message;
    return false;
}

QByteArray AuditStore::aad(const QString& caseId, const char* field) const
{
    return m_historyId.toUtf8() + '|' + caseId.toUtf8() + '|' + field;
}

bool AuditStore::lockHead()
{
    QSqlQuery& q = m_queries->selectHead;
    if (!q.exec() || !q.next())
        return fail(tr("Cannot read the chain head: %1").arg(q.lastError().text()));
    m_headSeq = q.value(0).toLongLong();
    m_headHash = q.value(1).toString().toLatin1();
    q.finish();
    m_headLocked = true;
    return true;
}

bool AuditStore::write(const std::function<bool()>& body)
{
    QSqlDatabase db = database();
    if (m_inBatch) {
        if (!m_headLocked && !lockHead()) {
            rollbackBatch();
            return false;
        }
        if (!body()) {
            const QString error = m_lastError;
            rollbackBatch();
            m_lastError = error;
            return false;
        }
        return true;
    }
    QString detail;
    if (!SqlTransaction::begin(db, m_postgres, &detail))
        return fail(tr("Cannot write to the history: %1").arg(detail));
    const qint64 before = m_lastSeq;
    if (!lockHead() || !body()) {
        SqlTransaction::rollback(db);
        m_headLocked = false;
        m_lastSeq = before;
        return false;
    }
    m_headLocked = false;
    if (!SqlTransaction::commit(db, &detail)) {
        m_lastSeq = before;
        return fail(tr("Cannot write to the history: %1").arg(detail));
    }
    return true;
}

bool AuditStore::beginBatch()
{
    if (m_inBatch)
        return true;
    QSqlDatabase db = database();
    QString detail;
    if (!SqlTransaction::begin(db, m_postgres, &detail))
        return fail(tr("Cannot write to the history: %1").arg(detail));
    m_inBatch = true;
    m_headLocked = false;
    return true;
}

bool AuditStore::commitBatch()
{
    if (!m_inBatch)
        return true;
    QSqlDatabase db = database();
    m_inBatch = false;
    m_headLocked = false;
    QString detail;
    if (!SqlTransaction::commit(db, &detail))
        return fail(tr("Cannot write to the history: %1").arg(detail));
    return true;
}

void AuditStore::rollbackBatch()
{
    if (!m_inBatch)
        return;
    QSqlDatabase db = database();
    SqlTransaction::rollback(db);
    m_inBatch = false;
    m_headLocked = false;
}

qint64 AuditStore::insertEvent(
    const QDateTime& at, const QString& caseId, const QString& kind, QJsonObject payload, const QByteArray& piiDigest)
{
    AuditEvent::sanitize(payload);
    AuditEvent e;
    e.seq = m_headSeq + 1;
    e.ts = at;
    e.actor = m_actor;
    e.workstation = m_workstation;
    e.caseId = caseId;
    e.kind = kind;
    e.payload = AuditEvent::compactJson(payload);
    e.piiDigest = piiDigest;
    e.prevHash = m_headHash;
    e.hash = CanonicalEvent::chainHash(e.prevHash, e);

    QSqlQuery& insert = m_queries->insertEvent;
    insert.bindValue(0, e.seq);
    insert.bindValue(1, ts(e.ts));
    insert.bindValue(2, text(e.actor));
    insert.bindValue(3, text(e.workstation));
    insert.bindValue(4, text(e.caseId));
    insert.bindValue(5, text(e.kind));
    insert.bindValue(6, QString::fromUtf8(e.payload));
    insert.bindValue(7, text(e.piiDigest));
    insert.bindValue(8, text(e.prevHash));
    insert.bindValue(9, text(e.hash));
    if (!insert.exec()) {
        fail(tr("Cannot append the event: %1").arg(insert.lastError().text()));
        return 0;
    }
    QSqlQuery& head = m_queries->updateHead;
    head.bindValue(0, e.seq);
    head.bindValue(1, QString::fromLatin1(e.hash));
    if (!head.exec()) {
        fail(tr("Cannot update the chain head: %1").arg(head.lastError().text()));
        return 0;
    }
    m_headSeq = e.seq;
    m_headHash = e.hash;
    m_lastSeq = e.seq;
    return e.seq;
}

QString AuditStore::createCase(const CaseRecord& record)
{
    const QString caseId = record.caseId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : record.caseId;
    const QString normalized = IdNumber::normalize(record.idNumber);
    QByteArray nameEnc;
    QByteArray idEnc;
    try {
        nameEnc = m_cipher->encrypt(record.name.toUtf8(), aad(caseId, "name"));
        idEnc = m_cipher->encrypt(normalized.toUtf8(), aad(caseId, "id_number"));
    } catch (const std::exception&) {
        fail(tr("Cannot encrypt the personal data of the case."));
        return {};
    }
    const QByteArray index = normalized.isEmpty() ? QByteArray() : BlindIndex::compute(m_indexKey, normalized);
    const QByteArray digest = CanonicalEvent::piiDigest({ nameEnc, idEnc });
    QJsonObject payload = record.payload;
    payload.insert(QStringLiteral("merchantBizId"), record.merchantBizId);
    payload.insert(QStringLiteral("sceneCode"), record.sceneCode);
    payload.insert(QStringLiteral("training"), record.training);

    const bool ok = write([&] {
        const QDateTime at = now(); // created_at == updated_at == the case_created event's ts
        const QString created = ts(at);
        QSqlQuery q(database());
        q.prepare(QStringLiteral("INSERT INTO cases (case_id, created_at, updated_at, actor, workstation, "
                                 "merchant_biz_id, scene_code, state, sub_code, passed, training, attempts, name_enc, "
                                 "id_enc, name_masked, id_masked, id_index, purged_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', NULL, ?, 0, ?, ?, ?, ?, ?, NULL)"));
        q.bindValue(0, caseId);
        q.bindValue(1, created);
        q.bindValue(2, created);
        q.bindValue(3, text(m_actor));
        q.bindValue(4, text(m_workstation));
        q.bindValue(5, text(record.merchantBizId));
        q.bindValue(6, text(record.sceneCode));
        q.bindValue(7, QLatin1String(CaseState::pending));
        q.bindValue(8, record.training ? 1 : 0);
        q.bindValue(9, nameEnc);
        q.bindValue(10, idEnc);
        q.bindValue(11, Masking::name(record.name));
        q.bindValue(12, Masking::idNumber(normalized));
        q.bindValue(
            13, index.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(QString::fromLatin1(index)));
        if (!q.exec())
            return fail(tr("Cannot save the case: %1").arg(q.lastError().text()));
        return insertEvent(at, caseId, QLatin1String(EventKind::caseCreated), payload, digest) > 0;
    });
    return ok ? caseId : QString();
}

qint64 AuditStore::appendEvent(const QString& caseId, const QString& kind, const QJsonObject& payload)
{
    if (kind.isEmpty()) {
        fail(tr("An audit event needs a kind."));
        return 0;
    }
    qint64 seq = 0;
    write([&] {
        const QDateTime at = now(); // updated_at == the event's ts
        if (!caseId.isEmpty()) {
            QSqlQuery& touch =
                kind == QLatin1String(EventKind::attemptSent) ? m_queries->touchCaseAttempt : m_queries->touchCase;
            touch.bindValue(0, ts(at));
            touch.bindValue(1, caseId);
            if (!touch.exec())
                return fail(tr("Cannot update the case: %1").arg(touch.lastError().text()));
            if (touch.numRowsAffected() != 1)
                return fail(tr("There is no case %1 in the history.").arg(caseId));
        }
        seq = insertEvent(at, caseId, kind, payload, QByteArray());
        return seq > 0;
    });
    return m_inBatch || seq == 0 || m_lastSeq == seq ? seq : 0;
}

bool AuditStore::completeCase(const QString& caseId,
    const QString& state,
    std::optional<bool> passed,
    const QString& subCode,
    const QJsonObject& payload)
{
    static const QStringList endStates { QLatin1String(CaseState::completed),
        QLatin1String(CaseState::failed),
        QLatin1String(CaseState::refused),
        QLatin1String(CaseState::outcomeUnknown),
        QLatin1String(CaseState::reviewed) };
    if (!endStates.contains(state))
        return fail(tr("A case cannot be completed as %1.").arg(state));
    QJsonObject body = payload;
    body.insert(QStringLiteral("state"), state);
    body.insert(QStringLiteral("passed"), passed.has_value() ? QJsonValue(*passed) : QJsonValue());
    body.insert(QStringLiteral("subCode"), subCode);
    return write([&] {
        const QDateTime at = now(); // updated_at == the case_completed / review_decision event's ts
        QSqlQuery q(database());
        q.prepare(QStringLiteral("UPDATE cases SET state = ?, passed = ?, sub_code = ?, updated_at = ? "
                                 "WHERE case_id = ?"));
        q.bindValue(0, state);
        q.bindValue(1, passed.has_value() ? QVariant(*passed ? 1 : 0) : QVariant(QMetaType::fromType<int>()));
        q.bindValue(2, text(subCode));
        q.bindValue(3, ts(at));
        q.bindValue(4, caseId);
        if (!q.exec())
            return fail(tr("Cannot update the case: %1").arg(q.lastError().text()));
        if (q.numRowsAffected() != 1)
            return fail(tr("There is no case %1 in the history.").arg(caseId));
        const char* kind =
            state == QLatin1String(CaseState::reviewed) ? EventKind::reviewDecision : EventKind::caseCompleted;
        return insertEvent(at, caseId, QLatin1String(kind), body, QByteArray()) > 0;
    });
}

bool AuditStore::selectCases(const QString& tail, const QVariantList& values, QList<CaseSummary>* rows)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT case_id, created_at, updated_at, actor, workstation, merchant_biz_id, scene_code, "
                             "state, sub_code, passed, training, attempts, name_masked, id_masked, purged_at "
                             "FROM cases ")
        + tail);
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(static_cast<int>(i), values.at(i));
    if (!q.exec())
        return fail(tr("Cannot read the history: %1").arg(q.lastError().text()));
    while (q.next()) {
        CaseSummary c;
        c.caseId = q.value(0).toString();
        c.createdAt = CanonicalEvent::parseTimestamp(q.value(1).toString());
        c.updatedAt = CanonicalEvent::parseTimestamp(q.value(2).toString());
        c.actor = q.value(3).toString();
        c.workstation = q.value(4).toString();
        c.merchantBizId = q.value(5).toString();
        c.sceneCode = q.value(6).toString();
        c.state = q.value(7).toString();
        c.subCode = q.value(8).toString();
        if (!q.value(9).isNull())
            c.passed = q.value(9).toInt() != 0;
        c.training = q.value(10).toInt() != 0;
        c.attempts = q.value(11).toInt();
        c.nameMasked = q.value(12).toString();
        c.idMasked = q.value(13).toString();
        c.purged = !q.value(14).isNull();
        rows->append(c);
    }
    if (q.lastError().isValid())
        return fail(tr("Cannot read the history: %1").arg(q.lastError().text()));
    return true;
}

std::optional<QList<CaseSummary>> AuditStore::recentCases(int n)
{
    QList<CaseSummary> rows;
    if (!selectCases(QStringLiteral("ORDER BY created_at DESC, case_id DESC LIMIT ?"), { qMax(0, n) }, &rows))
        return std::nullopt;
    return rows;
}

std::optional<CaseSummary> AuditStore::caseSummary(const QString& caseId)
{
    QList<CaseSummary> rows;
    if (!selectCases(QStringLiteral("WHERE case_id = ?"), { caseId }, &rows) || rows.isEmpty())
        return std::nullopt;
    return rows.first();
}

QList<CaseSummary> AuditStore::findByIdNumber(const QString& idNumber)
{
    const QString normalized = IdNumber::normalize(idNumber);
    if (normalized.isEmpty())
        return {};
    QList<CaseSummary> rows;
    selectCases(QStringLiteral("WHERE id_index = ? ORDER BY created_at DESC, case_id DESC"),
        { QString::fromLatin1(BlindIndex::compute(m_indexKey, normalized)) },
        &rows);
    return rows;
}

HistoryPage AuditStore::queryCases(const HistoryQuery& query, const HistoryCursor& after, int limit)
{
    HistoryPage page;
    limit = qMax(1, limit);
    QByteArray index;
    if (!query.idNumber.isEmpty()) {
        const QString normalized = IdNumber::normalize(query.idNumber);
        index = BlindIndex::compute(m_indexKey, normalized.isEmpty() ? QStringLiteral("-") : normalized);
    }
    QVariantList values;
    const QString where = query.whereClause(index, after, &values);
    values.append(limit + 1);
    selectCases(where + QStringLiteral(" ORDER BY created_at DESC, case_id DESC LIMIT ?"), values, &page.rows);
    page.atEnd = page.rows.size() <= limit;
    if (!page.atEnd)
        page.rows.resize(limit);
    if (!page.rows.isEmpty()) {
        page.next.createdAt = ts(page.rows.constLast().createdAt);
        page.next.caseId = page.rows.constLast().caseId;
    }
    return page;
}

bool AuditStore::forEachEvent(const std::function<bool(const AuditEvent&)>& visit)
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM events ORDER BY seq").arg(AuditEvent::columns())))
        return fail(tr("Cannot read the events: %1").arg(q.lastError().text()));
    while (q.next()) {
        if (!visit(AuditEvent::fromRow(q)))
            break;
    }
    return true;
}

QList<AuditEvent> AuditStore::eventsForCase(const QString& caseId)
{
    QList<AuditEvent> events;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM events WHERE case_id = ? ORDER BY seq").arg(AuditEvent::columns()));
    q.bindValue(0, caseId);
    if (!q.exec()) {
        fail(tr("Cannot read the events: %1").arg(q.lastError().text()));
        return events;
    }
    while (q.next())
        events.append(AuditEvent::fromRow(q));
    return events;
}

std::optional<RevealedPii> AuditStore::revealCase(const QString& caseId, const QString& reason)
{
    if (reason.trimmed().isEmpty()) {
        fail(tr("Give a reason to reveal the name and ID number."));
        return std::nullopt;
    }
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT name_enc, id_enc, purged_at FROM cases WHERE case_id = ?"));
    q.bindValue(0, caseId);
    if (!q.exec() || !q.next()) {
        fail(tr("There is no case %1 in the history.").arg(caseId));
        return std::nullopt;
    }
    if (!q.value(2).isNull()) {
        fail(tr("The name and ID number of case %1 were erased by the retention purge.").arg(caseId));
        return std::nullopt;
    }
    const auto name = m_cipher->decrypt(q.value(0).toByteArray(), aad(caseId, "name"));
    const auto id = m_cipher->decrypt(q.value(1).toByteArray(), aad(caseId, "id_number"));
    q.finish();
    if (!name || !id) {
        fail(tr("The personal data of case %1 does not decrypt: it was altered or belongs to other keys.").arg(caseId));
        return std::nullopt;
    }
    QJsonObject payload;
    payload.insert(QStringLiteral("reason"), reason.trimmed());
    // Logged before it is shown: no reveal without its event.
    if (appendEvent(caseId, QLatin1String(EventKind::piiRevealed), payload) == 0)
        return std::nullopt;
    return RevealedPii { QString::fromUtf8(*name), QString::fromUtf8(*id) };
}

ChainReport AuditStore::verifyChain(const std::optional<ChainAnchor>& anchor)
{
    ChainVerifier::Options options;
    options.anchor = anchor;
    options.historyId = m_historyId;
    options.snapshot = !m_inBatch;
    options.piiCheck = [this](const CasePii& pii) { return piiMatchesMasks(pii); };
    return ChainVerifier::verify(database(), options);
}

bool AuditStore::piiMatchesMasks(const CasePii& pii) const
{
    const auto name = m_cipher->decrypt(pii.nameEnc, aad(pii.caseId, "name"));
    const auto id = m_cipher->decrypt(pii.idEnc, aad(pii.caseId, "id_number"));
    if (!name || !id)
        return false;
    const QString idNumber = QString::fromUtf8(*id);
    const QString index =
        idNumber.isEmpty() ? QString() : QString::fromLatin1(BlindIndex::compute(m_indexKey, idNumber));
    return Masking::name(QString::fromUtf8(*name)) == pii.nameMasked && Masking::idNumber(idNumber) == pii.idMasked
        && index == pii.idIndex;
}

ChainAnchor AuditStore::head()
{
    ChainAnchor anchor;
    anchor.historyId = m_historyId;
    anchor.exportedAt = now();
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("SELECT seq, hash FROM chain_head WHERE id = 1")) && q.next()) {
        anchor.seq = q.value(0).toLongLong();
        anchor.hash = q.value(1).toString().toLatin1();
    }
    return anchor;
}

std::optional<ChainAnchor> AuditStore::exportAnchor()
{
    std::optional<ChainAnchor> anchor;
    const bool ok = write([&] {
        ChainAnchor a;
        a.historyId = m_historyId;
        a.seq = m_headSeq;
        a.hash = m_headHash;
        a.exportedAt = now();
        QJsonObject payload;
        payload.insert(QStringLiteral("seq"), a.seq);
        payload.insert(QStringLiteral("hash"), QString::fromLatin1(a.hash));
        anchor = a;
        return insertEvent(a.exportedAt, QString(), QLatin1String(EventKind::anchorExported), payload, QByteArray())
            > 0;
    });
    if (!ok)
        return std::nullopt;
    return anchor;
}

int AuditStore::purgeOlderThan(const QDateTime& cutoff, const QString& actor)
{
    if (!cutoff.isValid()) {
        fail(tr("The retention purge needs a cut-off date."));
        return -1;
    }
    const QString previousActor = m_actor;
    if (!actor.isEmpty())
        m_actor = actor;
    int purged = -1;
    const bool ok = write([&] {
        const QDateTime at = now(); // purged_at == the retention_purge event's ts
        // The age of a case is the time of its case_created event (hash-chained), not the editable created_at
        // column; the event lists the purged cases so that the verifier knows which records must be empty.
        const QString selection = QStringLiteral("SELECT case_id FROM events WHERE kind = ? AND ts < ? AND seq <= ?");
        auto bindSelection = [&](QSqlQuery& q, int first) {
            q.bindValue(first, QLatin1String(EventKind::caseCreated));
            q.bindValue(first + 1, ts(cutoff));
            q.bindValue(first + 2, m_headSeq);
        };
        QJsonArray caseIds;
        {
            QSqlQuery q(database());
            q.setForwardOnly(true);
            q.prepare(QStringLiteral("SELECT case_id FROM cases WHERE purged_at IS NULL AND case_id IN (%1) "
                                     "ORDER BY case_id")
                          .arg(selection));
            bindSelection(q, 0);
            if (!q.exec())
                return fail(tr("Cannot purge the history: %1").arg(q.lastError().text()));
            while (q.next())
                caseIds.append(q.value(0).toString());
        }
        QSqlQuery q(database());
        q.prepare(QStringLiteral("UPDATE cases SET name_enc = ?, id_enc = ?, name_masked = NULL, id_masked = NULL, "
                                 "id_index = NULL, purged_at = ? WHERE purged_at IS NULL AND case_id IN (%1)")
                      .arg(selection));
        q.bindValue(0, nullBytes());
        q.bindValue(1, nullBytes());
        q.bindValue(2, ts(at));
        bindSelection(q, 3);
        if (!q.exec())
            return fail(tr("Cannot purge the history: %1").arg(q.lastError().text()));
        purged = q.numRowsAffected();
        if (purged != caseIds.size())
            return fail(tr("Cannot purge the history: the cases changed while they were purged."));
        QJsonObject payload;
        payload.insert(QStringLiteral("cutoff"), ts(cutoff));
        payload.insert(QStringLiteral("cases"), purged);
        payload.insert(QStringLiteral("caseIds"), caseIds);
        return insertEvent(at, QString(), QLatin1String(EventKind::retentionPurge), payload, QByteArray()) > 0;
    });
    m_actor = previousActor;
    return ok ? purged : -1;
}
