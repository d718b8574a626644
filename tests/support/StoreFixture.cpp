#include "StoreFixture.h"

#include "history/AuditEvent.h"

#include "history/HistoryLocation.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

namespace {

QString pgUrl()
{
    return qEnvironmentVariable("EKYC_TEST_PG_URL");
}

} // namespace

StoreFixture::StoreFixture() = default;

void StoreFixture::addBackendRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString& backend : backends())
        QTest::newRow(qPrintable(backend)) << backend;
}

StoreFixture::~StoreFixture()
{
    if (!m_rawConnection.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_rawConnection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_rawConnection);
    }
    if (m_schemas.isEmpty())
        return;
    const QString name = QStringLiteral("store-fixture-cleanup-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = HistoryLocation::parse(pgUrl()).openConnection(name, nullptr);
        if (db.isValid()) {
            QSqlQuery q(db);
            for (const QString& schema : std::as_const(m_schemas))
                q.exec(QStringLiteral("DROP SCHEMA IF EXISTS \"%1\" CASCADE").arg(schema));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
}

QStringList StoreFixture::backends()
{
    return { QStringLiteral("sqlite"), QStringLiteral("postgresql") };
}

QString StoreFixture::passphrase()
{
    const QString fromEnv = KeyVault::passphraseFromEnvironment();
    return fromEnv.isEmpty() ? QStringLiteral("test-passphrase-not-secret") : fromEnv;
}

KeyVault::Options StoreFixture::keys()
{
    KeyVault::Options options;
    options.passphrase = passphrase();
    return options;
}

bool StoreFixture::prepare(const QString& backend, QString* skipReason)
{
    m_backend = backend;
    if (backend == QLatin1String("sqlite")) {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid()) {
            *skipReason = QStringLiteral("no temporary directory");
            return false;
        }
        m_location = freshLocation();
        return true;
    }
    if (backend == QLatin1String("postgresql")) {
        if (pgUrl().isEmpty()) {
            *skipReason = QStringLiteral("EKYC_TEST_PG_URL is not set: PostgreSQL rows skipped");
            return false;
        }
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
            *skipReason = QStringLiteral("the QPSQL driver (libqt6sql6-psql) is not installed");
            return false;
        }
        m_location = freshLocation();
        return true;
    }
    *skipReason = QStringLiteral("unknown backend ") + backend;
    return false;
}

std::unique_ptr<AuditStore> StoreFixture::open(Clock* clock, const QString& location, QString* error)
{
    // An empty location is the user's default history: shared by every test process, never fresh.
    if (location.isEmpty() && m_location.isEmpty())
        qFatal("StoreFixture::open before prepare(): no fresh location");
    AuditStore::Options options;
    options.keys = keys();
    options.clock = clock;
    Result<std::unique_ptr<AuditStore>> store = AuditStore::open(location.isEmpty() ? m_location : location, options);
    if (!store) {
        qWarning("StoreFixture: cannot open the history: %s", qPrintable(store.message()));
        if (error)
            *error = store.message();
        return nullptr;
    }
    return std::move(*store);
}

QString StoreFixture::freshLocation()
{
    ++m_counter;
    if (m_backend == QLatin1String("sqlite"))
        return m_dir->filePath(QStringLiteral("history-%1.sqlite").arg(m_counter));
    return newPgLocation();
}

QString StoreFixture::newPgLocation()
{
    const QString schema = QStringLiteral("t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
    m_schemas << schema;
    const QString url = pgUrl();
    return url + (url.contains(u'?') ? QStringLiteral("&") : QStringLiteral("?")) + QStringLiteral("schema=") + schema;
}

QSqlDatabase StoreFixture::raw()
{
    if (m_rawConnection.isEmpty()) {
        m_rawConnection = QStringLiteral("store-fixture-raw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString error;
        QSqlDatabase db = HistoryLocation::parse(m_location).openConnection(m_rawConnection, &error);
        if (!db.isValid()) {
            qWarning("StoreFixture: %s", qPrintable(error));
            m_rawConnection.clear();
            return {};
        }
        return db;
    }
    return QSqlDatabase::database(m_rawConnection, false);
}

bool StoreFixture::execRaw(const QString& sql, QString* error)
{
    QSqlQuery q(raw());
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    qWarning("StoreFixture: %s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return false;
}

bool StoreFixture::undoSchemas7To10()
{
    const QStringList dashboardTriggers = m_backend == QLatin1String("postgresql")
        ? QStringList { QStringLiteral("cases_dashboard ON cases") }
        : QStringList { QStringLiteral("cases_dashboard_insert"), QStringLiteral("cases_dashboard_update") };
    QStringList sql;
    for (const QString& trigger : dashboardTriggers)
        sql << QStringLiteral("DROP TRIGGER %1").arg(trigger);
    sql << QStringLiteral("DROP TABLE dashboard_hours") << QStringLiteral("DROP TABLE saved_filters");
    for (const char* index : { "cases_error_kind", "cases_merchant", "cases_request", "reviews_state" })
        sql << QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(index));
    for (const char* column : { "error_kind", "error_code", "request_id" })
        sql << QStringLiteral("ALTER TABLE cases DROP COLUMN %1").arg(QLatin1String(column));
    // Version 9's: the head's signature and the signing key; version 10's: the checkpoint interval.
    sql << QStringLiteral("ALTER TABLE chain_head DROP COLUMN signature")
        << QStringLiteral("ALTER TABLE chain_head DROP COLUMN checkpoint_interval")
        << QStringLiteral("DELETE FROM meta WHERE key IN ('signing_key', 'signed_from_seq', 'interval_from_seq')");
    for (const QString& statement : sql) {
        QString error;
        if (!execRaw(statement, &error)) {
            qWarning("%s: %s", qPrintable(statement), qPrintable(error));
            return false;
        }
    }
    return true;
}

bool StoreFixture::dropAppendOnlyGuards()
{
    if (m_backend == QLatin1String("sqlite"))
        return execRaw(QStringLiteral("DROP TRIGGER IF EXISTS events_no_update"))
            && execRaw(QStringLiteral("DROP TRIGGER IF EXISTS events_no_delete"))
            && execRaw(QStringLiteral("DROP TRIGGER IF EXISTS cases_no_delete"));
    return execRaw(QStringLiteral("DROP TRIGGER IF EXISTS events_no_update ON events"))
        && execRaw(QStringLiteral("DROP TRIGGER IF EXISTS events_no_truncate ON events"))
        && execRaw(QStringLiteral("DROP TRIGGER IF EXISTS cases_no_delete ON cases"))
        && execRaw(QStringLiteral("DROP TRIGGER IF EXISTS cases_no_truncate ON cases"));
}

QStringList StoreFixture::kindsOf(AuditStore& store, const QString& caseId)
{
    QStringList out;
    for (const AuditEvent& e : store.eventsForCase(StoreFixture::reader(), caseId).valueOr({}))
        out.append(e.kind);
    return out;
}

Events::Event StoreFixture::event(const QString& kind, const QJsonObject& payload)
{
    Result<Events::Event> parsed = Events::fromPayload(kind, payload);
    if (!parsed)
        qFatal("StoreFixture::event: %s", qPrintable(parsed.message()));
    return *parsed;
}

Events::CaseCompleted StoreFixture::completion(const QString& state, std::optional<bool> passed, const QString& subCode)
{
    Events::CaseCompleted completed;
    completed.state = state;
    completed.passed = passed;
    completed.subCode = subCode;
    return completed;
}
