#include "StoreFixture.h"
#include "TeamHistory.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/VerificationService.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <map>

// The session's operations as each role, and as a disabled and a locked account, on both backends: verifying a new
// case, and taking up a recorded case again (own, another's). A refusal sends nothing to the sandbox and is recorded
// as access_refused; the account's role decides, whatever the actor claims.
class TestSessionRoles : public QObject
{
    Q_OBJECT

    struct World
    {
        StoreFixture fx;
        std::unique_ptr<AuditStore> store;
        std::unique_ptr<VerificationService> service;
        std::map<QString, Actor> actors;
        std::map<QString, QString> ownCase;
    };
    std::map<QString, std::unique_ptr<World>> m_worlds;

    static CaseInput caseOf(const SandboxFixtures::Person& p)
    {
        CaseInput input;
        input.name = p.docName;
        input.idNumber = p.docNo;
        input.validityStart = QDate::fromString(p.validityStartDate, QStringLiteral("yyyyMMdd"));
        input.longTerm = p.isLongTerm();
        input.validityEnd = QDate::fromString(p.validityEndDate, QStringLiteral("yyyyMMdd"));
        return input;
    }

    static std::unique_ptr<World> build(const QString& backend, QString* skip)
    {
        auto w = std::make_unique<World>();
        if (!w->fx.prepare(backend, skip))
            return nullptr;
        w->store = w->fx.open();
        const std::optional<TeamHistory> team = w->store ? TeamHistory::build(*w->store, 1) : std::nullopt;
        if (!team)
            return nullptr;
        w->actors = team->actors;
        for (const auto& [account, cases] : team->cases)
            w->ownCase[account] = cases.value(0);
        w->service = std::make_unique<VerificationService>();
        if (!w->service->configure(VerificationService::Options()))
            return nullptr;
        w->service->setHistory(w->store.get());
        return w;
    }

    int refusals()
    {
        int n = 0;
        (void)m_world->store->forEachEvent([&](const AuditEvent& e) {
            n += e.kind == QLatin1String(EventKind::accessRefused);
            return true;
        });
        return n;
    }

    World* m_world = nullptr;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanupTestCase() { m_worlds.clear(); }

    void operations_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<bool>("allowed");
        // verify, verify again own, verify again another's
        const std::map<QString, QList<bool>> expected { { QStringLiteral("reviewer"), { true, true, false } },
            { QStringLiteral("supervisor"), { true, true, true } },
            { QStringLiteral("auditor"), { false, false, false } },
            { QStringLiteral("disabled"), { false, false, false } },
            { QStringLiteral("locked"), { false, false, false } } };
        const QStringList operations {
            QStringLiteral("verify"), QStringLiteral("again-own"), QStringLiteral("again-other")
        };
        for (const QString& backend : StoreFixture::backends())
            for (const auto& [account, row] : expected)
                for (int i = 0; i < operations.size(); ++i)
                    QTest::addRow("%s/%s/%s", qPrintable(backend), qPrintable(account), qPrintable(operations.at(i)))
                        << backend << account << operations.at(i) << row.at(i);
    }
    void operations()
    {
        QFETCH(QString, backend);
        QFETCH(QString, account);
        QFETCH(QString, operation);
        QFETCH(bool, allowed);
        if (!m_worlds.count(backend)) {
            QString skip;
            std::unique_ptr<World> world = build(backend, &skip);
            if (!skip.isEmpty())
                QSKIP(qPrintable(skip));
            QVERIFY2(world, "the accounts of the test could not be set up");
            m_worlds[backend] = std::move(world);
        }
        m_world = m_worlds.at(backend).get();
        VerificationService& service = *m_world->service;
        service.setActor(m_world->actors.at(account));
        const int sentBefore = service.sandbox()->requestsReceived();
        const int refusedBefore = refusals();

        if (operation == QLatin1String("verify")) {
            QSignalSpy finished(&service, &VerificationService::finished);
            const Result<VerificationCall*> call = service.submit(caseOf(SandboxFixtures::people().first()), true);
            if (call) {
                QVERIFY(finished.wait(30000));
                const VerificationResult result = (*call)->result();
                delete *call;
                QCOMPARE(result.status == VerificationResult::Status::Passed, allowed);
            } else {
                QVERIFY(!allowed);
                QCOMPARE(call.error(), ErrorCode::PermissionDenied);
            }
        } else {
            const QString caseId =
                m_world->ownCase.at(operation == QLatin1String("again-own") ? account : QStringLiteral("other"));
            std::optional<Result<RecordedCase>> taken;
            service.caseForReverification(
                caseId, QStringLiteral("roles"), this, [&](const Result<RecordedCase>& r) { taken = r; });
            QTRY_VERIFY(taken.has_value());
            QVERIFY2(bool(*taken) == allowed, qPrintable(taken->message()));
            if (!allowed)
                QCOMPARE(taken->error(), ErrorCode::PermissionDenied);
        }
        QTRY_COMPARE(refusals(), refusedBefore + (allowed ? 0 : 1));
        QCOMPARE(service.sandbox()->requestsReceived(), sentBefore + (allowed && operation == QLatin1String("verify")));
    }
};

QTEST_GUILESS_MAIN(TestSessionRoles)
#include "TestSessionRoles.moc"
