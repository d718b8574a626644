#pragma once

#include "crypto/KeyVault.h"
#include "history/AuditStore.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class Clock;

// A fresh, empty history location for one test, on either backend:
//   "sqlite"     a file in a QTemporaryDir
//   "postgresql" a uniquely named schema in the database of EKYC_TEST_PG_URL (dropped again afterwards); without that
//                variable the test is skipped
// Store tests add a "backend" column and one row per backend (see backends()), so the same test function runs on both.
class StoreFixture
{
public:
    StoreFixture();
    ~StoreFixture();
    StoreFixture(const StoreFixture&) = delete;
    StoreFixture& operator=(const StoreFixture&) = delete;

    static QStringList backends(); // {"sqlite", "postgresql"}
    // In a _data() function: the "backend" column and one row per backend.
    static void addBackendRows();
    static QString passphrase(); // EKYC_DESK_PASSPHRASE, or the test default
    static KeyVault::Options keys(); // no keychain, passphrase()

    // Makes a fresh location. False with *skipReason when the backend is not available here.
    bool prepare(const QString& backend, QString* skipReason);
    QString backend() const { return m_backend; }
    QString location() const { return m_location; }
    // The store an open returned; nullptr (with a warning naming why) when it failed.
    static std::unique_ptr<AuditStore> storeOf(Result<std::unique_ptr<AuditStore>> opened)
    {
        if (!opened) {
            qWarning("the history did not open: %s", qPrintable(opened.message()));
            return nullptr;
        }
        return std::move(*opened);
    }
    // A typed event from a kind and payload as the tests write them (through Events::fromPayload: a payload its
    // kind does not accept is a test bug, and fatal).
    static Events::Event event(const QString& kind, const QJsonObject& payload = {});
    static Events::Event event(const char* kind, const QJsonObject& payload = {})
    {
        return event(QString::fromLatin1(kind), payload);
    }
    static Events::CaseCompleted completion(const QString& state, std::optional<bool> passed, const QString& subCode);
    // The actor the store tests write as: "reviewer-a", reviewer, on "ws-test".
    static Actor actor()
    {
        return Actor { QStringLiteral("reviewer-a"), QStringLiteral("reviewer"), QStringLiteral("ws-test") };
    }
    // Who the tests read as: "supervisor-s", supervisor, on "ws-test" (sees every case of a history without
    // accounts).
    static Actor reader()
    {
        return Actor { QStringLiteral("supervisor-s"), QStringLiteral("supervisor"), QStringLiteral("ws-test") };
    }
    // Opens the fixture's history (or another location) with keys().
    std::unique_ptr<AuditStore> open(
        Clock* clock = nullptr, const QString& location = QString(), QString* error = nullptr);
    // A second, independent fresh location on the same backend (for the cross-backend and migration tests).
    QString freshLocation();

    // A separate connection to the same history, for tampering the way an attacker with database access would.
    QSqlDatabase raw();
    bool execRaw(const QString& sql, QString* error = nullptr);
    // Removes the triggers that refuse UPDATE/DELETE/TRUNCATE on events and DELETE/TRUNCATE on cases (an attacker
    // with database access can do that too).
    bool dropAppendOnlyGuards();
    // Takes back what schema versions 7 (the browser's columns, indexes and saved filters), 8 (the dashboard's hourly
    // counts and their triggers), 9 (the head signature and the signing key) and 10 (the checkpoint interval) added,
    // for the tests that play an older history; the schema_version row is left to the caller.
    bool undoSchemas7To10();

    // The kinds of a case's events, in chain order.
    static QStringList kindsOf(AuditStore& store, const QString& caseId);

private:
    QString newPgLocation();

    QString m_backend;
    QString m_location;
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_schemas;
    QString m_rawConnection;
    int m_counter = 0;
};

#define STORE_FIXTURE_PREPARE(fixture, backend)                                                                        \
    do {                                                                                                               \
        QString skipReason_;                                                                                           \
        if (!(fixture).prepare((backend), &skipReason_))                                                               \
            QSKIP(qPrintable(skipReason_));                                                                            \
    } while (false)

// The usual start of a store test function with a "backend" column (see addBackendRows()): fetches `backend`, declares
// and prepares the fixture `fx` (skipping when the backend is not available here) and opens its history as `store`
// with `clock` (a Clock*, may be nullptr), failing the test when it cannot be opened. Declares backend, fx and store
// in the calling scope, so it is not wrapped in do/while.
#define STORE_FIXTURE_OPEN(fx, store, clock)                                                                           \
    QFETCH(QString, backend);                                                                                          \
    StoreFixture fx;                                                                                                   \
    STORE_FIXTURE_PREPARE(fx, backend);                                                                                \
    auto store = (fx).open(clock);                                                                                     \
    QVERIFY(store)
