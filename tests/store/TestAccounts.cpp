#include "history/AuditStore.h"
#include "history/ChainVerifier.h"

#include "FakeClock.h"
#include "StoreFixture.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

// Accounts in the history, on both backends: the first supervisor, sign-in, the lockout window, disabling, password
// resets, role changes that apply at once, the idle lock, and every one of them as an event in the chain.
class TestAccounts : public QObject
{
    Q_OBJECT

private:
    static QString password() { return QStringLiteral("correct horse battery"); }
    static Actor owner()
    {
        return Actor { QStringLiteral("owner"), QStringLiteral("supervisor"), QStringLiteral("ws") };
    }

    // The first supervisor, created by the owner, signed in.
    static std::optional<Actor> boss(AuditStore& store)
    {
        const Result<void> created =
            store.createAccount(owner(), QStringLiteral("boss"), QLatin1String(Role::supervisor), password());
        Result<Actor> signedIn = created ? store.signIn(QStringLiteral("boss"), password(), QStringLiteral("ws"))
                                         : Result<Actor>(created.failure());
        if (!signedIn)
            qWarning("boss: %s", qPrintable(signedIn.message()));
        return signedIn ? std::optional<Actor>(*signedIn) : std::nullopt;
    }

    // Every event of the history after seq `after`: its kind and its payload's "user"/"reason"/"change" when present.
    static QStringList eventsAfter(AuditStore& store, qint64 after)
    {
        QStringList out;
        (void)store.forEachEvent([&](const AuditEvent& e) {
            if (e.seq <= after)
                return true;
            QString line = e.kind;
            const QJsonObject p = e.payloadObject();
            for (const char* key : { "user", "reason", "change", "operation" })
                if (p.contains(QLatin1String(key)))
                    line += u' ' + p.value(QLatin1String(key)).toString();
            out.append(line);
            return true;
        });
        return out;
    }

private slots:
    void firstAccountIsASupervisor_data() { StoreFixture::addBackendRows(); }
    void firstAccountIsASupervisor()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QCOMPARE(store->hasAccounts().valueOr(true), false);
        const Result<void> reviewer =
            store->createAccount(owner(), QStringLiteral("rev"), QLatin1String(Role::reviewer), password());
        QCOMPARE(reviewer.error(), ErrorCode::InvalidArgument);
        QVERIFY(boss(*store));
        QCOMPARE(store->hasAccounts().valueOr(false), true);
        // From now on only a signed-in supervisor adds accounts; the owner has no account and is refused.
        const Result<void> again =
            store->createAccount(owner(), QStringLiteral("rev"), QLatin1String(Role::reviewer), password());
        QCOMPARE(again.error(), ErrorCode::PermissionDenied);
        QCOMPARE(eventsAfter(*store, 0),
            QStringList({ QStringLiteral("account_created boss"),
                QStringLiteral("login boss"),
                QStringLiteral("access_refused no_account manage_accounts") }));
    }

    void badAccountsAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("messageNames");
        QTest::newRow("short password") << "ann"
                                        << "reviewer"
                                        << "short"
                                        << "Password";
        QTest::newRow("name as password") << "ann.reviewer"
                                          << "reviewer"
                                          << "ANN.REVIEWER"
                                          << "Password";
        QTest::newRow("blank password") << "ann"
                                        << "reviewer"
                                        << "            "
                                        << "Password";
        QTest::newRow("space in name") << "ann lee"
                                       << "reviewer" << password() << "User name";
        QTest::newRow("empty name") << ""
                                    << "reviewer" << password() << "User name";
        QTest::newRow("long name") << QString(65, u'a') << "reviewer" << password() << "User name";
        QTest::newRow("unknown role") << "ann"
                                      << "admin" << password() << "Role";
        QTest::newRow("taken") << "boss"
                               << "reviewer" << password() << "already";
    }
    void badAccountsAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(QString, role);
        QFETCH(QString, password);
        QFETCH(QString, messageNames);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, QStringLiteral("sqlite"));
        auto store = fx.open();
        QVERIFY(store);
        const std::optional<Actor> supervisor = boss(*store);
        QVERIFY(supervisor);
        const Result<void> created = store->createAccount(*supervisor, name, role, password);
        QVERIFY(!created);
        QVERIFY2(created.message().contains(messageNames), qPrintable(created.message()));
        QVERIFY(!created.message().contains(password) || password.size() < 6);
    }

    void signInAndLockout_data() { StoreFixture::addBackendRows(); }
    void signInAndLockout()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        const std::optional<Actor> supervisor = boss(*store);
        QVERIFY(supervisor);
        QVERIFY(store->createAccount(*supervisor, QStringLiteral("ann"), QLatin1String(Role::reviewer), password()));
        const qint64 before = store->head().valueOr({}).seq;

        // Four failures, then a fifth more than 15 minutes after the first: the first no longer counts.
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(
                store->signIn(QStringLiteral("ann"), QStringLiteral("wrong password!"), QStringLiteral("ws")).error(),
                ErrorCode::SignInFailed);
            clock.advance(qint64(5) * 60 * 1000);
        }
        QCOMPARE(store->signIn(QStringLiteral("ann"), QStringLiteral("wrong again!!"), QStringLiteral("ws")).error(),
            ErrorCode::SignInFailed);
        const Result<Actor> stillOpen = store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws"));
        QVERIFY2(stillOpen, qPrintable(stillOpen.message()));
        QCOMPARE(stillOpen->role, QLatin1String(Role::reviewer));

        // A success clears the count; five failures within the window lock the account, even for the right
        // password.
        for (int i = 0; i < AuditStore::LockoutFailures; ++i)
            QVERIFY(!store->signIn(QStringLiteral("ann"), QStringLiteral("wrong password!"), QStringLiteral("ws")));
        const Result<Actor> locked = store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws"));
        QCOMPARE(locked.error(), ErrorCode::SignInFailed);
        QVERIFY2(locked.message().contains(QStringLiteral("locked")), qPrintable(locked.message()));
        clock.advance(qint64(24) * 3600 * 1000); // a lock does not expire by itself
        QVERIFY(!store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws")));
        QCOMPARE(store->accounts(*supervisor).valueOr({}).value(0).isLocked(), true); // sorted: ann, boss

        QVERIFY(store->unlockAccount(*supervisor, QStringLiteral("ann")));
        QVERIFY(store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws")));

        QStringList expected;
        for (int i = 0; i < 5; ++i)
            expected << QStringLiteral("login_failed ann wrong_password");
        expected << QStringLiteral("login ann");
        for (int i = 0; i < 5; ++i)
            expected << QStringLiteral("login_failed ann wrong_password");
        expected << QStringLiteral("account_locked ann") << QStringLiteral("login_failed ann locked")
                 << QStringLiteral("login_failed ann locked") << QStringLiteral("account_changed ann unlocked")
                 << QStringLiteral("login ann");
        QCOMPARE(eventsAfter(*store, before), expected);
        QVERIFY(store->verifyChain().ok);
    }

    // What every authorization reads (role, disabled, locked) is rebuilt from the account events by audit verify: an
    // account promoted, re-enabled, unlocked, given another password hash, added or deleted in the database is
    // reported, keyless too.
    void editedAccountsReported_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("sql");
        QTest::addColumn<QString>("reasonContains");
        for (const QString& b : StoreFixture::backends()) {
            const QString dropGuard = b == QLatin1String("postgresql")
                ? QStringLiteral("DROP TRIGGER accounts_no_delete ON accounts")
                : QStringLiteral("DROP TRIGGER accounts_no_delete");
            QTest::addRow("%s: promoted", qPrintable(b))
                << b << QStringList { QStringLiteral("UPDATE accounts SET role = 'supervisor' WHERE name = 'ann'") }
                << QStringLiteral("ann does not match its events (role)");
            QTest::addRow("%s: re-enabled", qPrintable(b))
                << b << QStringList { QStringLiteral("UPDATE accounts SET disabled = 0 WHERE name = 'carl'") }
                << QStringLiteral("carl does not match its events (disabled)");
            QTest::addRow("%s: locked", qPrintable(b))
                << b
                << QStringList { QStringLiteral(
                       "UPDATE accounts SET locked_at = '2026-11-30T09:00:00.000Z' WHERE name = 'ann'") }
                << QStringLiteral("ann does not match its events (locked_at)");
            // Someone giving themselves a known password for another's account, at creation or after a reset.
            QTest::addRow("%s: password hash replaced", qPrintable(b))
                << b
                << QStringList { QStringLiteral("UPDATE accounts SET password_hash = "
                                                "(SELECT password_hash FROM accounts WHERE name = 'boss') "
                                                "WHERE name = 'ann'") }
                << QStringLiteral("ann does not match its events (password_hash)");
            QTest::addRow("%s: password hash replaced after a reset", qPrintable(b))
                << b
                << QStringList { QStringLiteral("UPDATE accounts SET password_hash = "
                                                "(SELECT password_hash FROM accounts WHERE name = 'ann') "
                                                "WHERE name = 'carl'") }
                << QStringLiteral("carl does not match its events (password_hash)");
            QTest::addRow("%s: added", qPrintable(b))
                << b
                << QStringList { QStringLiteral(
                       "INSERT INTO accounts (name, role, password_hash, created_at, created_by, updated_at) "
                       "SELECT 'mallory', 'supervisor', password_hash, created_at, 'boss', updated_at FROM accounts "
                       "WHERE name = 'ann'") }
                << QStringLiteral("mallory has no account_created event");
            QTest::addRow("%s: deleted", qPrintable(b))
                << b << QStringList { dropGuard, QStringLiteral("DELETE FROM accounts WHERE name = 'carl'") }
                << QStringLiteral("carl is missing");
            QTest::addRow("%s: all deleted (the owner mode)", qPrintable(b))
                << b << QStringList { dropGuard, QStringLiteral("DELETE FROM accounts") }
                << QStringLiteral("is missing");
        }
    }
    void editedAccountsReported()
    {
        QFETCH(QStringList, sql);
        QFETCH(QString, reasonContains);
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const std::optional<Actor> supervisor = boss(*store);
        QVERIFY(supervisor);
        QVERIFY(store->createAccount(*supervisor, QStringLiteral("ann"), QLatin1String(Role::reviewer), password()));
        QVERIFY(store->createAccount(*supervisor, QStringLiteral("carl"), QLatin1String(Role::reviewer), password()));
        QVERIFY(store->resetPassword(*supervisor, QStringLiteral("carl"), QStringLiteral("a brand new passphrase")));
        QVERIFY(store->setAccountDisabled(*supervisor, QStringLiteral("carl"), true));
        QVERIFY2(store->verifyChain().ok, qPrintable(store->verifyChain().reason));
        for (const QString& statement : sql)
            QVERIFY(fx.execRaw(statement));
        const ChainReport keyless = ChainVerifier::verify(fx.raw());
        QVERIFY(!keyless.ok);
        QVERIFY2(keyless.reason.contains(reasonContains), qPrintable(keyless.reason));
    }

    // Two workstations: one signs ann in with her right password while the other, a supervisor, disables her or
    // fails her password until she is locked. The sign-in read the account before its write; the other change
    // commits while that write waits for the history's write lock. The sign-in reads the account again inside its
    // write and is refused (recorded as such), instead of recording a login and clearing a lock it never saw. On
    // PostgreSQL only, where the waiting is seen (pg_blocking_pids) rather than guessed with a timer; a SQLite file's
    // write lock goes through the same code.
    void signInRefusedWhenChangedMeanwhile_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("lock");
        QTest::addColumn<QString>("reason");
        QTest::newRow("postgresql: disabled meanwhile")
            << QStringLiteral("postgresql") << false << QStringLiteral("disabled");
        QTest::newRow("postgresql: locked meanwhile")
            << QStringLiteral("postgresql") << true << QStringLiteral("locked");
    }
    void signInRefusedWhenChangedMeanwhile()
    {
        QFETCH(bool, lock);
        QFETCH(QString, reason);
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const std::optional<Actor> supervisor = boss(*store);
        QVERIFY(supervisor);
        QVERIFY(store->createAccount(*supervisor, QStringLiteral("ann"), QLatin1String(Role::reviewer), password()));
        const qint64 before = store->head().valueOr({}).seq;

        // The other workstation opens the history first (so that nothing but the sign-in can wait below), then signs
        // ann in once this one holds its change: she is neither disabled nor locked as far as it can read.
        Result<Actor> signedIn = Failure(ErrorCode::Unavailable, QStringLiteral("the sign-in did not run"));
        QString openError;
        QSemaphore opened;
        QSemaphore go;
        const std::unique_ptr<QThread> other(QThread::create([&] {
            const std::unique_ptr<AuditStore> second = fx.open(nullptr, QString(), &openError);
            opened.release();
            if (!second)
                return;
            go.acquire();
            signedIn = second->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws-2"));
        }));
        bool released = false;
        // Whatever fails below, the batch ends and the thread is let go and joined before what it uses goes away.
        const auto join = qScopeGuard([&] {
            if (store->inBatch())
                store->rollbackBatch();
            if (!released)
                go.release();
            other->wait();
        });
        other->start();
        opened.acquire();
        QVERIFY2(openError.isEmpty(), qPrintable(openError));

        // This workstation's change, held uncommitted: from its first write the batch holds the chain head.
        QVERIFY(store->beginBatch());
        if (lock) {
            for (int i = 0; i < AuditStore::LockoutFailures; ++i)
                QVERIFY(
                    !store->signIn(QStringLiteral("ann"), QStringLiteral("not her password"), QStringLiteral("ws")));
        } else {
            QVERIFY(store->setAccountDisabled(*supervisor, QStringLiteral("ann"), true));
        }
        QSqlQuery backendPid(store->database());
        QVERIFY(backendPid.exec(QStringLiteral("SELECT pg_backend_pid()")) && backendPid.next());
        const qint64 holder = backendPid.value(0).toLongLong();
        go.release();
        released = true;

        // Its write waits for the chain head this workstation holds.
        QSqlDatabase watcher = fx.raw();
        const auto waiting = [&] {
            QSqlQuery q(watcher);
            // Blocked by this workstation, on a row of this history's chain_head (the tuple lock a waiting SELECT ...
            // FOR UPDATE holds).
            q.prepare(
                QStringLiteral("SELECT count(*) FROM pg_stat_activity a WHERE ? = ANY(pg_blocking_pids(a.pid)) "
                               "AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'tuple' "
                               "AND l.relation = 'chain_head'::regclass)"));
            q.addBindValue(holder);
            return q.exec() && q.next() && q.value(0).toInt() > 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting() || other->isFinished(), 60000);
        if (other->isFinished()) {
            other->wait();
            QFAIL(qPrintable(QStringLiteral("the sign-in ended without waiting: %1").arg(signedIn.message())));
        }
        QVERIFY(store->commitBatch());
        QVERIFY(other->wait(60000));

        QCOMPARE(signedIn.error(), ErrorCode::SignInFailed);
        QVERIFY2(signedIn.message().contains(reason), qPrintable(signedIn.message()));
        const QStringList events = eventsAfter(*store, before);
        QCOMPARE(events.last(), QStringLiteral("login_failed ann %1").arg(reason));
        QVERIFY(!events.contains(QStringLiteral("login ann")));
        QVERIFY(
            store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws")).error() == ErrorCode::SignInFailed);
        const ChainReport keyless = ChainVerifier::verify(fx.raw());
        QVERIFY2(keyless.ok, qPrintable(keyless.reason));
    }

    void unknownUserLooksLikeAWrongPassword_data() { StoreFixture::addBackendRows(); }
    void unknownUserLooksLikeAWrongPassword()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QVERIFY(boss(*store));
        const Result<Actor> unknown = store->signIn(QStringLiteral("nobody"), password(), QStringLiteral("ws"));
        const Result<Actor> wrong =
            store->signIn(QStringLiteral("boss"), QStringLiteral("not the password"), QStringLiteral("ws"));
        QCOMPARE(unknown.error(), ErrorCode::SignInFailed);
        QCOMPARE(unknown.message(), wrong.message());
        // What was typed (perhaps a password in the wrong box) stays out of the chain: a keyed digest in its place,
        // the same for the same name, another for another.
        (void)store->signIn(QStringLiteral("nobody"), password(), QStringLiteral("ws"));
        (void)store->signIn(QStringLiteral("Tr0ub4dor&3"), password(), QStringLiteral("ws"));
        QList<AuditEvent> failed;
        QVERIFY(store->forEachEvent([&failed](const AuditEvent& e) {
            if (e.kind == QLatin1String(EventKind::loginFailed))
                failed.append(e);
            return true;
        }));
        QCOMPARE(failed.size(), 4); // nobody, boss, nobody again, the password
        const auto user = [](const AuditEvent& e) {
            return e.payloadObject().value(QStringLiteral("user")).toString();
        };
        QCOMPARE(failed[0].payloadObject().value(QStringLiteral("reason")).toString(), QStringLiteral("unknown_user"));
        QVERIFY2(QRegularExpression(QStringLiteral("^unknown-[0-9a-f]{12}$")).match(user(failed[0])).hasMatch(),
            qPrintable(user(failed[0])));
        QCOMPARE(failed[0].actor, user(failed[0]));
        QCOMPARE(user(failed[1]), QStringLiteral("boss"));
        QCOMPARE(user(failed[2]), user(failed[0]));
        QVERIFY(user(failed[3]) != user(failed[0]) && user(failed[3]).startsWith(QLatin1String("unknown-")));
        int typedInChain = 0;
        QVERIFY(store->forEachEvent([&typedInChain](const AuditEvent& e) {
            const QByteArray all = e.actor.toUtf8() + QJsonDocument(e.payloadObject()).toJson();
            typedInChain += all.contains("nobody") || all.contains("Tr0ub4dor") ? 1 : 0;
            return true;
        }));
        QCOMPARE(typedInChain, 0);
    }

    void disableResetAndRoleChange_data() { StoreFixture::addBackendRows(); }
    void disableResetAndRoleChange()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const std::optional<Actor> supervisor = boss(*store);
        QVERIFY(supervisor);
        QVERIFY(store->createAccount(*supervisor, QStringLiteral("ann"), QLatin1String(Role::reviewer), password()));
        const Actor ann = *store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws"));
        const qint64 before = store->head().valueOr({}).seq;

        // The role in the account decides, not the one a caller claims; a change applies to the next operation.
        Actor claiming = ann;
        claiming.role = QLatin1String(Role::supervisor);
        QCOMPARE(store->accounts(claiming).error(), ErrorCode::PermissionDenied);
        QVERIFY(store->setAccountRole(*supervisor, QStringLiteral("ann"), QLatin1String(Role::supervisor)));
        QVERIFY(store->accounts(ann));
        QVERIFY(store->setAccountRole(*supervisor, QStringLiteral("ann"), QLatin1String(Role::auditor)));
        QCOMPARE(store->accounts(ann).error(), ErrorCode::PermissionDenied);

        // Disabled: no sign-in, no operation; the account and its history stay.
        QCOMPARE(
            store->setAccountDisabled(*supervisor, QStringLiteral("boss"), true).error(), ErrorCode::InvalidArgument);
        QVERIFY(store->setAccountDisabled(*supervisor, QStringLiteral("ann"), true));
        QCOMPARE(
            store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws")).error(), ErrorCode::SignInFailed);
        QCOMPARE(store->recentCases(ann, 5).error(), ErrorCode::PermissionDenied);
        QVERIFY(store->setAccountDisabled(*supervisor, QStringLiteral("ann"), false));

        // A reset: the old password no longer works, the new one does; a weak one is refused.
        QCOMPARE(store->resetPassword(*supervisor, QStringLiteral("ann"), QStringLiteral("short")).error(),
            ErrorCode::InvalidArgument);
        QVERIFY(store->resetPassword(*supervisor, QStringLiteral("ann"), QStringLiteral("a brand new passphrase")));
        QVERIFY(!store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws")));
        QVERIFY(store->signIn(QStringLiteral("ann"), QStringLiteral("a brand new passphrase"), QStringLiteral("ws")));

        QCOMPARE(eventsAfter(*store, before),
            QStringList({ QStringLiteral("access_refused role manage_accounts"),
                QStringLiteral("account_changed ann role"),
                QStringLiteral("account_changed ann role"),
                QStringLiteral("access_refused role manage_accounts"),
                QStringLiteral("account_changed ann disabled"),
                QStringLiteral("login_failed ann disabled"),
                QStringLiteral("access_refused disabled read_cases"),
                QStringLiteral("account_changed ann enabled"),
                QStringLiteral("account_changed ann password_reset"),
                QStringLiteral("login_failed ann wrong_password"),
                QStringLiteral("login ann") }));
        // Nothing is deleted: the database refuses it.
        QVERIFY(!fx.execRaw(QStringLiteral("DELETE FROM accounts WHERE name = 'ann'")));
    }

    // A supervisor who can sign in always remains (accounts, unlocks and escalated reviews are theirs alone): the last
    // one cannot step down, nor leave only a disabled or locked one; once another can act, they can. Nothing is
    // recorded for a refused change.
    void aSupervisorAlwaysRemains_data() { StoreFixture::addBackendRows(); }
    void aSupervisorAlwaysRemains()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const std::optional<Actor> supervisor = boss(*store);
        QVERIFY(supervisor);
        const QString reviewer = QLatin1String(Role::reviewer);
        const qint64 before = store->head().valueOr({}).seq;
        QCOMPARE(store->setAccountRole(*supervisor, QStringLiteral("boss"), reviewer).error(), ErrorCode::Conflict);
        QCOMPARE(store->head().valueOr({}).seq, before);

        // A second supervisor, disabled, then locked (wrong passwords): neither can act, so the first stays.
        QVERIFY(
            store->createAccount(*supervisor, QStringLiteral("deputy"), QLatin1String(Role::supervisor), password()));
        QVERIFY(store->setAccountDisabled(*supervisor, QStringLiteral("deputy"), true));
        QCOMPARE(store->setAccountRole(*supervisor, QStringLiteral("boss"), reviewer).error(), ErrorCode::Conflict);
        QVERIFY(store->setAccountDisabled(*supervisor, QStringLiteral("deputy"), false));
        for (int i = 0; i < AuditStore::LockoutFailures; ++i)
            QVERIFY(!store->signIn(QStringLiteral("deputy"), QStringLiteral("wrong guess"), QStringLiteral("ws")));
        QCOMPARE(store->setAccountRole(*supervisor, QStringLiteral("boss"), reviewer).error(), ErrorCode::Conflict);
        QVERIFY(store->unlockAccount(*supervisor, QStringLiteral("deputy")));

        // Now the deputy can act: the first may step down, and the deputy may not be disabled or demoted after.
        QVERIFY(store->setAccountRole(*supervisor, QStringLiteral("boss"), reviewer));
        const Actor deputy = *store->signIn(QStringLiteral("deputy"), password(), QStringLiteral("ws"));
        QCOMPARE(store->setAccountRole(deputy, QStringLiteral("deputy"), reviewer).error(), ErrorCode::Conflict);
        QVERIFY(store->setAccountRole(deputy, QStringLiteral("boss"), QLatin1String(Role::supervisor)));
    }

    // Inside one transaction of many writes (a group commit), the accounts and case owners are read once, not at
    // every write; a change of an account made inside it still applies to the very next write.
    void changesApplyInsideAGroupCommit_data() { StoreFixture::addBackendRows(); }
    void changesApplyInsideAGroupCommit()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const std::optional<Actor> supervisor = boss(*store);
        QVERIFY(supervisor);
        for (const char* name : { "ann", "bob" })
            QVERIFY(store->createAccount(*supervisor, QLatin1String(name), QLatin1String(Role::reviewer), password()));
        const Actor ann = *store->signIn(QStringLiteral("ann"), password(), QStringLiteral("ws"));
        const Actor bob = *store->signIn(QStringLiteral("bob"), password(), QStringLiteral("ws"));
        CaseRecord record;
        record.name = QStringLiteral("王小明");
        record.idNumber = QStringLiteral("11010519491231002X");
        record.merchantBizId = QStringLiteral("group-roles");
        const qint64 before = store->head().valueOr({}).seq;

        QVERIFY(store->beginBatch());
        const Result<QString> annsCase = store->createCase(ann, record);
        QVERIFY(annsCase);
        const Events::Event attempt = StoreFixture::event(EventKind::attemptSent, { { QStringLiteral("attempt"), 1 } });
        QVERIFY(store->record(ann, *annsCase, attempt)); // her own case
        QCOMPARE(store->record(bob, *annsCase, attempt).error(), ErrorCode::PermissionDenied); // not his
        QVERIFY(store->setAccountRole(*supervisor, QStringLiteral("ann"), QLatin1String(Role::auditor)));
        QCOMPARE(store->createCase(ann, record).error(), ErrorCode::PermissionDenied);
        QVERIFY(store->setAccountRole(*supervisor, QStringLiteral("ann"), QLatin1String(Role::reviewer)));
        QVERIFY(store->setAccountDisabled(*supervisor, QStringLiteral("bob"), true));
        QCOMPARE(store->createCase(bob, record).error(), ErrorCode::PermissionDenied);
        QVERIFY(store->createCase(ann, record));
        QVERIFY(store->inBatch());
        QVERIFY(store->commitBatch());

        QStringList kinds = eventsAfter(*store, before);
        kinds.removeAll(QStringLiteral("checkpoint"));
        QCOMPARE(kinds,
            QStringList({ QStringLiteral("case_created"),
                QStringLiteral("attempt_sent"),
                QStringLiteral("access_refused own_cases_only verify_case"),
                QStringLiteral("account_changed ann role"),
                QStringLiteral("access_refused role verify_case"),
                QStringLiteral("account_changed ann role"),
                QStringLiteral("account_changed bob disabled"),
                QStringLiteral("access_refused disabled verify_case"),
                QStringLiteral("case_created") }));
        const ChainReport chain = store->verifyChain();
        QVERIFY2(chain.ok, qPrintable(chain.reason));
        QVERIFY(chain.headSigned);
    }

    void passwordsAreStoredHashed_data() { StoreFixture::addBackendRows(); }
    void passwordsAreStoredHashed()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QVERIFY(boss(*store));
        QSqlQuery q(fx.raw());
        QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM accounts")));
        QVERIFY(q.next());
        const QString stored = q.value(0).toString();
        QVERIFY2(stored.startsWith(QStringLiteral("scrypt$ln=15$r=8$p=1$")), qPrintable(stored));
        QVERIFY(!stored.contains(password()));
        bool leaked = false;
        (void)store->forEachEvent([&](const AuditEvent& e) {
            leaked = leaked || e.payload.contains(password().toUtf8());
            return true;
        });
        QVERIFY(!leaked);
    }

    void idleLock_data() { StoreFixture::addBackendRows(); }
    void idleLock()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const std::optional<Actor> supervisor = boss(*store);
        QVERIFY(supervisor);
        const qint64 before = store->head().valueOr({}).seq;
        QVERIFY(store->lockSession(*supervisor, 10));
        QCOMPARE(store->unlockSession(*supervisor, QStringLiteral("not it at all")).error(), ErrorCode::SignInFailed);
        QVERIFY(store->unlockSession(*supervisor, password()));
        QCOMPARE(eventsAfter(*store, before),
            QStringList({ QStringLiteral("session_locked"),
                QStringLiteral("login_failed boss wrong_password"),
                QStringLiteral("login boss"),
                QStringLiteral("session_unlocked") }));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "TestAccounts.moc"
