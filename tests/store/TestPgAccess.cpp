#include "StoreFixture.h"
#include "TeamHistory.h"

#include "history/HistoryLocation.h"
#include "history/HistoryQuery.h"
#include "history/Migrations.h"
#include "history/Review.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUuid>

// A PostgreSQL history shared by people who sign in to the database with roles of their own: the role that made the
// history (the fixture's) owns it, and a member role gets only what it is granted. A member short of a privilege is
// told which and what to run, before anything is written; with the grants it works in full and still cannot rewrite
// the chain; an upgrade of the schema is left to the owner. Needs a server where the fixture's role may create roles
// (the test server of packaging/dev is run by a superuser); skipped elsewhere, and on SQLite, which has no roles.
class TestPgAccess : public QObject
{
    Q_OBJECT

    // A login role made for one test and dropped with what it was granted.
    class Member
    {
    public:
        explicit Member(StoreFixture& fixture)
            : m_fixture(fixture)
            , m_name(QStringLiteral("member_") + QUuid::createUuid().toString(QUuid::Id128).left(12))
        {
            m_made = run(QStringLiteral("CREATE ROLE %1 LOGIN").arg(m_name), &m_error);
        }
        ~Member()
        {
            if (m_made) {
                run(QStringLiteral("DROP OWNED BY %1").arg(m_name));
                run(QStringLiteral("DROP ROLE %1").arg(m_name));
            }
        }
        Member(const Member&) = delete;
        Member& operator=(const Member&) = delete;

        bool made() const { return m_made; }
        QString error() const { return m_error; }
        QString name() const { return m_name; }
        // The fixture's history as this role sees it.
        QString location() const
        {
            QUrl url(m_fixture.location());
            url.setUserName(m_name);
            return url.toString();
        }
        // Runs sql as the fixture's role (the owner).
        bool run(const QString& sql, QString* error = nullptr) const { return m_fixture.execRaw(sql, error); }

    private:
        StoreFixture& m_fixture;
        QString m_name;
        bool m_made = false;
        QString m_error;
    };

    // Every GRANT statement of a message, in order.
    static QStringList grantsIn(const QString& message)
    {
        QStringList grants;
        for (const QString& line : message.split(u'\n')) {
            if (line.startsWith(QLatin1String("GRANT ")))
                grants << line;
        }
        return grants;
    }

    static QString schemaOf(const StoreFixture& fx) { return QUrl(fx.location()).query().section(u'=', 1); }

    static qint64 count(StoreFixture& fx, const QString& sql)
    {
        QSqlQuery q(fx.raw());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }

    // Opens the fixture's history as the member; the failure's message, empty when it opened.
    static QString refusal(StoreFixture& fx, const Member& member, std::unique_ptr<AuditStore>* opened = nullptr)
    {
        QString error;
        std::unique_ptr<AuditStore> store = fx.open(nullptr, member.location(), &error);
        if (store && opened)
            *opened = std::move(store);
        return store ? QString() : error;
    }

    // Runs every statement the message asks for, each group as the role its comment names ("-- as the role NAME:"),
    // else as the fixture's role (the owner).
    static bool grantAsked(const Member& member, const QString& message)
    {
        int grants = 0;
        bool ok = true;
        for (const QString& line : message.split(u'\n')) {
            QString sql;
            if (line.startsWith(QLatin1String("-- as the role ")) && line.endsWith(u':'))
                sql = QStringLiteral("SET ROLE %1").arg(line.mid(15).chopped(1));
            else if (line.startsWith(QLatin1String("GRANT ")))
                sql = line;
            else
                continue;
            grants += sql.startsWith(QLatin1String("GRANT ")) ? 1 : 0;
            QString error;
            if (!member.run(sql, &error)) {
                qWarning("%s: %s", qPrintable(sql), qPrintable(error));
                ok = false;
                break;
            }
        }
        member.run(QStringLiteral("RESET ROLE"));
        return ok && grants > 0;
    }

    // The fixture's role, which made the history and owns it.
    static QString ownerOf(const StoreFixture& fx) { return QUrl(fx.location()).userName(); }

    // Whether the server lets the new role in as the fixture's URL connects (trust or peer authentication, as the
    // test server of packaging/dev; a server that asks for passwords skips these tests).
    static QString cannotConnect(const Member& member)
    {
        const QString connection = QStringLiteral("probe-") + member.name();
        QString error;
        {
            QSqlDatabase db = HistoryLocation::parse(member.location()).openConnection(connection, &error);
        }
        QSqlDatabase::removeDatabase(connection);
        return error;
    }

#define PG_ACCESS_PREPARE(fx, member)                                                                                  \
    StoreFixture fx;                                                                                                   \
    STORE_FIXTURE_PREPARE(fx, QStringLiteral("postgresql"));                                                           \
    QVERIFY(fx.open()); /* the owner makes the history */                                                              \
    Member member(fx);                                                                                                 \
    if (!member.made())                                                                                                \
        QSKIP(qPrintable(QStringLiteral("cannot make a database role here: ") + member.error()));                      \
    if (const QString refused = cannotConnect(member); !refused.isEmpty())                                             \
        QSKIP(qPrintable(QStringLiteral("a new role cannot connect here: ") + refused));

private slots:
    // Nothing granted: first the schema, then the tables, each refusal naming the role and the statements that
    // mend it, and nothing written meanwhile; then the member records and completes a case, reads it back, claims a
    // batch and books the team's rate budget, and the chain verifies.
    void aMemberIsToldWhatToGrantThenWorks()
    {
        PG_ACCESS_PREPARE(fx, member);
        // The owner's open made the tables otherwise made at first use, so the grants below cover them.
        QCOMPARE(count(fx,
                     QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                                    "tablename IN ('batch_lists', 'rate_budget')")),
            2);
        {
            const std::unique_ptr<AuditStore> owner = fx.open();
            QVERIFY(owner && owner->createCase(StoreFixture::actor(), TeamHistory::record(0)).ok());
        }
        const qint64 events = count(fx, QStringLiteral("SELECT COUNT(*) FROM events"));
        QVERIFY(events > 0);

        const QString nothing = refusal(fx, member);
        QVERIFY2(nothing.contains(member.name()) && nothing.contains(QLatin1String("USAGE on the schema"))
                && nothing.contains(QStringLiteral("the role %1").arg(ownerOf(fx))),
            qPrintable(nothing));
        const QStringList grants = grantsIn(nothing);
        QCOMPARE(grants.size(), 13); // the schema, then every table of the history, once
        QCOMPARE(
            grants.constFirst(), QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2;").arg(schemaOf(fx), member.name()));
        QVERIFY2(grants.contains(
                     QStringLiteral("GRANT SELECT, INSERT ON %1.events TO %2;").arg(schemaOf(fx), member.name())),
            qPrintable(grants.join(u'\n')));
        QCOMPARE(count(fx, QStringLiteral("SELECT COUNT(*) FROM events")), events); // refused before writing
        QVERIFY(grantAsked(member, nothing));

        std::unique_ptr<AuditStore> store;
        const QString none = refusal(fx, member, &store);
        QVERIFY2(none.isEmpty(), qPrintable(none));
        const Actor actor = StoreFixture::actor();
        const Result<QString> caseId = store->createCase(actor, TeamHistory::record(1));
        QVERIFY2(caseId.ok(), qPrintable(caseId.message()));
        const Result<void> completed = store->completeCase(
            actor, *caseId, StoreFixture::completion(QStringLiteral("completed"), true, QStringLiteral("200")));
        QVERIFY2(completed.ok(), qPrintable(completed.message()));
        QCOMPARE(StoreFixture::kindsOf(*store, *caseId).constLast(), QStringLiteral("case_completed"));
        BatchBegun batch;
        batch.batchId = QStringLiteral("member-batch");
        batch.listSha256 = QByteArray(64, 'a');
        batch.outputPath = QStringLiteral("/srv/lists/results.csv");
        batch.startedAt = QDateTime::currentDateTimeUtc();
        const Result<BatchClaim> claim = store->claimBatch(actor, batch, true);
        QVERIFY2(claim.ok() && claim->recorded, qPrintable(claim.message()));
        QVERIFY2(store->reserveRateSlot(QStringLiteral("member"), 100).ok(), "the team's rate budget");
        QVERIFY2(store->forgetBatch(actor, batch.batchId).ok(), "a batch forgotten");
        // A supervisor's work on the same grants: the review policy (meta), saved filters, the first account.
        const Actor supervisor = StoreFixture::reader();
        const Result<void> policy = store->setReviewPolicy(supervisor, ReviewPolicy { false, 48 });
        QVERIFY2(policy.ok(), qPrintable(policy.message()));
        QCOMPARE(store->reviewPolicy()->slaHours, 48);
        QVERIFY2(store->saveFilter(supervisor, QStringLiteral("mine"), HistoryQuery()).ok(), "a saved filter");
        QVERIFY2(store->deleteFilter(supervisor, QStringLiteral("mine")).ok(), "a filter deleted");
        const Result<void> account = store->createAccount(
            supervisor, QStringLiteral("lead"), QStringLiteral("supervisor"), TeamHistory::password());
        QVERIFY2(account.ok(), qPrintable(account.message()));
        const ChainReport chain = store->verifyChain();
        QVERIFY2(chain.ok, qPrintable(chain.reason));
    }

    // Granted one privilege short: the refusal names exactly that one, and its statement mends it.
    void eachMissingPrivilegeIsNamed_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("privilege");
        QTest::newRow("meta UPDATE (the review policy)") << "meta"
                                                         << "UPDATE";
        QTest::newRow("chain_head UPDATE (its lock)") << "chain_head"
                                                      << "UPDATE";
        QTest::newRow("events INSERT") << "events"
                                       << "INSERT";
        QTest::newRow("events SELECT") << "events"
                                       << "SELECT";
        QTest::newRow("cases UPDATE") << "cases"
                                      << "UPDATE";
        QTest::newRow("dashboard_hours INSERT (its triggers)") << "dashboard_hours"
                                                               << "INSERT";
        QTest::newRow("saved_filters DELETE") << "saved_filters"
                                              << "DELETE";
        QTest::newRow("batch_lists DELETE") << "batch_lists"
                                            << "DELETE";
        QTest::newRow("rate_budget UPDATE") << "rate_budget"
                                            << "UPDATE";
    }
    void eachMissingPrivilegeIsNamed()
    {
        QFETCH(QString, table);
        QFETCH(QString, privilege);
        PG_ACCESS_PREPARE(fx, member);
        QVERIFY(grantAsked(member, refusal(fx, member)));
        QVERIFY(member.run(QStringLiteral("REVOKE %1 ON %2 FROM %3").arg(privilege, table, member.name())));
        const QString message = refusal(fx, member);
        QVERIFY2(message.contains(QStringLiteral("lacks %1 on %2.").arg(privilege, table)), qPrintable(message));
        QCOMPARE(grantsIn(message).size(), 1);
        QVERIFY(grantAsked(member, message));
        const QString none = refusal(fx, member);
        QVERIFY2(none.isEmpty(), qPrintable(none));
    }

    // With every grant, a member still cannot change or remove what the chain holds, nor drop the triggers that
    // refuse it: the database itself refuses (insufficient privilege), not only the triggers, which only the owner
    // could drop.
    void aMemberCannotRewriteTheChain_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("update an event") << "UPDATE events SET kind = 'case_created' WHERE seq = 1";
        QTest::newRow("delete an event") << "DELETE FROM events WHERE seq = 1";
        QTest::newRow("truncate the events") << "TRUNCATE events";
        QTest::newRow("delete a case") << "DELETE FROM cases";
        QTest::newRow("drop a trigger") << "DROP TRIGGER events_no_update ON events";
        QTest::newRow("drop the events") << "DROP TABLE events";
        QTest::newRow("delete an account") << "DELETE FROM accounts";
    }
    void aMemberCannotRewriteTheChain()
    {
        QFETCH(QString, sql);
        PG_ACCESS_PREPARE(fx, member);
        QVERIFY(grantAsked(member, refusal(fx, member)));
        const QString connection = QStringLiteral("member-") + member.name();
        {
            QString error;
            QSqlDatabase db = HistoryLocation::parse(member.location()).openConnection(connection, &error);
            QVERIFY2(db.isValid(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY2(!q.exec(sql), qPrintable(sql));
            QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        }
        QSqlDatabase::removeDatabase(connection);
        const std::unique_ptr<AuditStore> owner = fx.open();
        QVERIFY(owner);
        const ChainReport chain = owner->verifyChain();
        QVERIFY2(chain.ok, qPrintable(chain.reason));
    }

    // A history of an older schema: a member's open does not try the upgrade (which only the owner may make) and says
    // so, leaving the history as it was; the owner's next open upgrades it, and the member is then told what to
    // grant on the tables the upgrade made.
    void anUpgradeIsLeftToTheOwner()
    {
        PG_ACCESS_PREPARE(fx, member);
        QVERIFY(grantAsked(member, refusal(fx, member)));
        QVERIFY(fx.undoSchemas7To10());
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE meta SET value = '6' WHERE key = 'schema_version'")));

        const QString message = refusal(fx, member);
        QVERIFY2(message.contains(QLatin1String("schema version 6"))
                && message.contains(QStringLiteral("database role %1,").arg(ownerOf(fx))),
            qPrintable(message));
        QVERIFY2(grantsIn(message).isEmpty(), qPrintable(message));
        QCOMPARE(count(fx, QStringLiteral("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'")), 6);

        QVERIFY(fx.open()); // the owner upgrades
        QCOMPARE(count(fx, QStringLiteral("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'")),
            Migrations::latestVersion());
        const QString newTables = refusal(fx, member);
        QVERIFY2(newTables.contains(QLatin1String("saved_filters")), qPrintable(newTables));
        QVERIFY(grantAsked(member, newTables));
        const QString none = refusal(fx, member);
        QVERIFY2(none.isEmpty(), qPrintable(none));
    }

    // A role that only reads (audit verify --keys, a list of cases) needs SELECT alone; opened to write, it is told
    // what else it needs.
    void aReaderNeedsOnlySelect()
    {
        PG_ACCESS_PREPARE(fx, member);
        {
            const std::unique_ptr<AuditStore> owner = fx.open();
            QVERIFY(owner && owner->createCase(StoreFixture::actor(), TeamHistory::record(2)).ok());
        }
        QVERIFY(member.run(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schemaOf(fx), member.name())));
        QVERIFY(member.run(
            QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(schemaOf(fx), member.name())));
        AuditStore::Options options;
        options.keys = StoreFixture::keys();
        options.readOnly = true;
        const Result<std::unique_ptr<AuditStore>> reader = AuditStore::open(member.location(), options);
        QVERIFY2(reader.ok(), qPrintable(reader.message()));
        const ChainReport chain = (*reader)->verifyChain();
        QVERIFY2(chain.ok, qPrintable(chain.reason));
        const QString writer = refusal(fx, member);
        QVERIFY2(writer.contains(QStringLiteral("INSERT on events")), qPrintable(writer));
        QVERIFY2(!writer.contains(QStringLiteral("SELECT")), qPrintable(writer)); // it has that
    }

    // The other connections of an open history (the history thread's, a batch's: sharedOptions()) are not checked
    // again: a grant withdrawn after the first open is noticed by the next first open, not by them.
    void connectionsOfAnOpenHistoryAreNotCheckedAgain()
    {
        PG_ACCESS_PREPARE(fx, member);
        QVERIFY(grantAsked(member, refusal(fx, member)));
        std::unique_ptr<AuditStore> first;
        QVERIFY(refusal(fx, member, &first).isEmpty());
        QVERIFY(first);
        QVERIFY(member.run(QStringLiteral("REVOKE DELETE ON saved_filters FROM %1").arg(member.name())));

        const Result<std::unique_ptr<AuditStore>> shared = AuditStore::open(member.location(), first->sharedOptions());
        QVERIFY2(shared.ok(), qPrintable(shared.message()));
        const QString again = refusal(fx, member);
        QVERIFY2(again.contains(QStringLiteral("lacks DELETE on saved_filters.")), qPrintable(again));
    }

    // A table made at first use by a member whose role may create tables (as every role may in public before
    // PostgreSQL 15) belongs to that member: the owner's opens do not make it for a member, and another member is
    // told that the statements for it are that member's to run.
    void aTableAMemberMadeNamesItsOwner()
    {
        PG_ACCESS_PREPARE(fx, member);
        Member second(fx);
        QVERIFY(second.made());
        QVERIFY(fx.execRaw(QStringLiteral("DROP TABLE batch_lists")));
        QVERIFY(grantAsked(member, refusal(fx, member)));
        QVERIFY(member.run(QStringLiteral("GRANT CREATE ON SCHEMA %1 TO %2").arg(schemaOf(fx), member.name())));
        std::unique_ptr<AuditStore> store;
        QVERIFY(refusal(fx, member, &store).isEmpty());
        QCOMPARE(count(fx,
                     QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND "
                                    "tablename = 'batch_lists'")),
            0); // not made by the member's open
        BatchBegun batch;
        batch.batchId = QStringLiteral("first-batch");
        batch.listSha256 = QByteArray(64, 'b');
        batch.outputPath = QStringLiteral("/srv/lists/first.csv");
        batch.startedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(store->claimBatch(StoreFixture::actor(), batch, true).ok()); // made here, by the member
        store.reset();

        const QString message = refusal(fx, second);
        const QStringList grants = grantsIn(message);
        const QStringList lines = message.split(u'\n');
        const qsizetype comment = lines.indexOf(QStringLiteral("-- as the role %1:").arg(member.name()));
        QVERIFY2(comment > 0, qPrintable(message));
        QCOMPARE(lines.value(comment + 1),
            QStringLiteral("GRANT SELECT, INSERT, DELETE ON %1.batch_lists TO %2;").arg(schemaOf(fx), second.name()));
        QVERIFY2(message.contains(QLatin1String("roles named before their statements")), qPrintable(message));
        QVERIFY(grantAsked(second, message));
        QVERIFY(refusal(fx, second).isEmpty());
    }

    // A batch_lists an older version made has no head_seq (where a batch's own cases begin in the chain). A member,
    // who may not alter the owner's table, claims without it (-1: the clocks decide); the owner's next open adds it,
    // and from then on the member's claims keep their head.
    void anOlderBatchTableGetsItsHeadColumnFromTheOwner()
    {
        PG_ACCESS_PREPARE(fx, member);
        QVERIFY(fx.execRaw(QStringLiteral("DROP TABLE batch_lists")));
        QVERIFY(fx.execRaw(QStringLiteral(
            "CREATE TABLE batch_lists (batch_id TEXT PRIMARY KEY, list_index TEXT NOT NULL, started_at TEXT NOT NULL, "
            "actor TEXT NOT NULL, workstation TEXT NOT NULL, output_path TEXT NOT NULL, training INTEGER NOT NULL)")));
        QVERIFY(grantAsked(member, refusal(fx, member)));
        // The claim's head, and the chain's head when it was made.
        const auto claimedHead = [&](const QString& id) {
            std::unique_ptr<AuditStore> store;
            if (!refusal(fx, member, &store).isEmpty() || !store)
                return std::pair<qint64, qint64>(-2, -2);
            BatchBegun batch;
            batch.batchId = id;
            batch.listSha256 = id.toLatin1().repeated(8);
            batch.outputPath = QStringLiteral("/srv/lists/%1.csv").arg(id);
            batch.startedAt = QDateTime::currentDateTimeUtc();
            const Result<BatchClaim> claim = store->claimBatch(StoreFixture::actor(), batch, true);
            if (!claim || !store->head())
                return std::pair<qint64, qint64>(-3, -3);
            return std::pair<qint64, qint64>(claim->headSeq, store->head()->seq);
        };
        const auto before = claimedHead(QStringLiteral("member-1"));
        QCOMPARE(before.first, qint64 { -1 }); // not known
        QVERIFY(before.second >= 0);
        QCOMPARE(count(fx,
                     QStringLiteral("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = "
                                    "current_schema() AND table_name = 'batch_lists' AND column_name = 'head_seq'")),
            0);
        QVERIFY(fx.open()); // the owner's open
        const auto after = claimedHead(QStringLiteral("member-2"));
        QVERIFY(after.second >= 0);
        QCOMPARE(after.first, after.second);
    }

    // A search path whose first schema is "$user" (PostgreSQL's default): the role is told about the schema named
    // after it, never "$user".
    void theUserEntryOfTheSearchPathIsResolved()
    {
        PG_ACCESS_PREPARE(fx, member);
        QVERIFY(member.run(QStringLiteral("CREATE SCHEMA %1").arg(member.name())));
        const auto dropSchema =
            qScopeGuard([&member] { member.run(QStringLiteral("DROP SCHEMA %1 CASCADE").arg(member.name())); });
        QVERIFY(member.run(QStringLiteral("ALTER ROLE %1 SET search_path = \"$user\"").arg(member.name())));
        QUrl url(member.location());
        url.setQuery(QString()); // the role's own search path
        QString error;
        QVERIFY(!fx.open(nullptr, url.toString(), &error));
        QVERIFY2(!error.contains(QLatin1String("$user")), qPrintable(error));
        QCOMPARE(grantsIn(error), QStringList { QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %1;").arg(member.name()) });
    }

    // A schema without a history, where the member may not create tables: said so, nothing made.
    void noHistoryAndNoRightToMakeOne()
    {
        PG_ACCESS_PREPARE(fx, member);
        const QString empty = QStringLiteral("e_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
        QVERIFY(member.run(QStringLiteral("CREATE SCHEMA %1").arg(empty)));
        const auto dropSchema =
            qScopeGuard([&member, &empty] { member.run(QStringLiteral("DROP SCHEMA %1 CASCADE").arg(empty)); });
        QVERIFY(member.run(QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(empty, member.name())));
        QUrl url(member.location());
        url.setQuery(QStringLiteral("schema=") + empty);
        QString error;
        QVERIFY(!fx.open(nullptr, url.toString(), &error));
        QVERIFY2(error.contains(QLatin1String("no history")) && error.contains(member.name())
                && error.contains(QLatin1String("CREATE")),
            qPrintable(error));
        QCOMPARE(count(fx, QStringLiteral("SELECT COUNT(*) FROM pg_tables WHERE schemaname = '%1'").arg(empty)), 0);
    }
};

QTEST_GUILESS_MAIN(TestPgAccess)
#include "TestPgAccess.moc"
