#include "history/AuditStore.h"

#include "StoreFixture.h"
#include "TeamHistory.h"

#include <QJsonArray>
#include <QTest>

#include <map>

// Every operation of the history as every role, and as a disabled and a locked account, on both backends: allowed
// or refused, and each refusal recorded as an access_refused event. The roles come from the accounts (a caller's
// claim is not trusted).
class TestRoleMatrix : public QObject
{
    Q_OBJECT

public:
    enum Op
    {
        CreateCase,
        AttemptOwn,
        AttemptOther,
        CompleteOwn,
        ReadOwn,
        ReadOtherFilter,
        SummaryOther,
        EventsOther,
        RevealOwn,
        RevealOther,
        DecideOwn,
        Export,
        AddAccount,
        SetRole,
        Purge,
        Anchor,
        RecordSettings,
        ListAccounts,
        OpCount
    };

private:
    static QString password() { return TeamHistory::password(); }

    // One history per backend, shared by the rows (TeamHistory: one case of each account per operation).
    struct World
    {
        StoreFixture fx;
        std::unique_ptr<AuditStore> store;
        std::map<QString, Actor> actors;
        std::map<QString, QStringList> cases;
        int added = 0;
    };
    std::map<QString, std::unique_ptr<World>> m_worlds;

    static CaseRecord record(int i) { return TeamHistory::record(i); }

    static std::unique_ptr<World> build(const QString& backend, QString* skip)
    {
        auto w = std::make_unique<World>();
        if (!w->fx.prepare(backend, skip))
            return nullptr;
        w->store = w->fx.open();
        std::optional<TeamHistory> team = w->store ? TeamHistory::build(*w->store, OpCount) : std::nullopt;
        if (!team)
            return nullptr;
        w->actors = team->actors;
        w->cases = team->cases;
        return w;
    }

    static Result<void> run(World& w, const QString& account, Op op)
    {
        AuditStore& s = *w.store;
        const Actor& actor = w.actors.at(account);
        const QString own = w.cases.at(account).at(op);
        const QString other = w.cases.at(QStringLiteral("other")).at(op);
        const auto done = [](const auto& result) { return result ? Result<void>() : Result<void>(result.failure()); };
        Events::ReviewDecision decision;
        decision.state = QLatin1String(CaseState::reviewed);
        decision.passed = true;
        HistoryQuery byOther;
        byOther.actor = QStringLiteral("other");
        switch (op) {
        case CreateCase:
            return done(s.createCase(actor, record(99)));
        case AttemptOwn:
            return done(s.record(
                actor, own, StoreFixture::event(EventKind::attemptSent, { { QStringLiteral("attempt"), 2 } })));
        case AttemptOther:
            return done(s.record(
                actor, other, StoreFixture::event(EventKind::attemptSent, { { QStringLiteral("attempt"), 2 } })));
        case CompleteOwn:
            return s.completeCase(
                actor, own, StoreFixture::completion(QLatin1String(CaseState::completed), true, QStringLiteral("200")));
        case ReadOwn: {
            const Result<QList<CaseSummary>> rows = s.recentCases(actor, 500);
            if (rows && account == QLatin1String("reviewer"))
                for (const CaseSummary& row : *rows)
                    if (row.actor != actor.name)
                        return Failure(ErrorCode::Corrupt, QStringLiteral("a reviewer saw another's case"));
            return done(rows);
        }
        case ReadOtherFilter:
            return done(s.queryCases(actor, byOther, HistoryCursor(), 10));
        case SummaryOther:
            return done(s.caseSummary(actor, other));
        case EventsOther:
            return done(s.eventsForCase(actor, other));
        case RevealOwn:
            return done(s.revealCase(actor, own, QStringLiteral("matrix")));
        case RevealOther:
            return done(s.revealCase(actor, other, QStringLiteral("matrix")));
        case DecideOwn:
            return s.completeCase(actor, own, decision);
        case Export:
            return done(s.record(actor,
                QString(),
                StoreFixture::event(EventKind::exportMade, { { QStringLiteral("format"), QStringLiteral("csv") } })));
        case AddAccount:
            return s.createAccount(
                actor, QStringLiteral("new%1").arg(++w.added), QLatin1String(Role::reviewer), password());
        case SetRole:
            return s.setAccountRole(actor, QStringLiteral("other"), QLatin1String(Role::reviewer));
        case Purge:
            return done(s.purgeOlderThan(actor, QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC)));
        case Anchor:
            return done(s.exportAnchor(actor));
        case RecordSettings:
            return done(s.record(actor,
                QString(),
                StoreFixture::event(EventKind::settingsChanged, { { QStringLiteral("changed"), QJsonArray {} } })));
        case ListAccounts:
            return done(s.accounts(actor));
        case OpCount:
            break;
        }
        return Failure(ErrorCode::InvalidArgument, QStringLiteral("no such operation"));
    }

    // The access_refused events after seq `after`, by operation key.
    static QStringList refusalsAfter(AuditStore& store, qint64 after)
    {
        QStringList refused;
        (void)store.forEachEvent([&](const AuditEvent& e) {
            if (e.seq > after && e.kind == QLatin1String(EventKind::accessRefused))
                refused.append(e.payloadObject().value(QStringLiteral("operation")).toString());
            return true;
        });
        return refused;
    }

private slots:
    void cleanupTestCase() { m_worlds.clear(); }

    void matrix_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("account");
        QTest::addColumn<int>("op");
        QTest::addColumn<bool>("allowed");
        const char* names[OpCount] = { "create case",
            "attempt on own case",
            "attempt on another's case",
            "complete own case",
            "read cases",
            "read another reviewer's cases",
            "summary of another's case",
            "events of another's case",
            "reveal own case",
            "reveal another's case",
            "decide own case's review",
            "export",
            "add an account",
            "change a role",
            "purge",
            "export anchor",
            "record settings",
            "list accounts" };
        // Y allowed, - refused; one column per Op, in order.
        const std::map<QString, const char*> expected {
            { QStringLiteral("reviewer"), "YY-YY---Y-Y-----Y-" },
            { QStringLiteral("supervisor"), "YYYYYYYYYYYYYYYYYY" },
            { QStringLiteral("auditor"), "----YYYY---Y---YY-" },
            { QStringLiteral("disabled"), "------------------" },
            { QStringLiteral("locked"), "------------------" },
        };
        for (const QString& backend : StoreFixture::backends())
            for (const auto& [account, row] : expected)
                for (int op = 0; op < OpCount; ++op)
                    QTest::addRow("%s/%s/%s", qPrintable(backend), qPrintable(account), names[op])
                        << backend << account << op << (row[op] == 'Y');
    }
    void matrix()
    {
        QFETCH(QString, backend);
        QFETCH(QString, account);
        QFETCH(int, op);
        QFETCH(bool, allowed);
        if (!m_worlds.count(backend)) {
            QString skip;
            std::unique_ptr<World> world = build(backend, &skip);
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QVERIFY2(world, "the accounts and cases of the matrix could not be set up");
            m_worlds[backend] = std::move(world);
        }
        World& w = *m_worlds.at(backend);
        const qint64 before = w.store->head().valueOr({}).seq;
        const Result<void> result = run(w, account, static_cast<Op>(op));
        if (allowed) {
            QVERIFY2(result, qPrintable(result.message()));
            QVERIFY(refusalsAfter(*w.store, before).isEmpty());
        } else {
            QCOMPARE(result.error(), ErrorCode::PermissionDenied);
            QVERIFY(!result.message().isEmpty());
            QCOMPARE(w.store->head().valueOr({}).seq, before + 1);
            QCOMPARE(refusalsAfter(*w.store, before).size(), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestRoleMatrix)
#include "TestRoleMatrix.moc"
