#include "DistinctCases.h"
#include "FakeClock.h"
#include "HistoryOutage.h"
#include "StoreFixture.h"
#include "batch/BatchInput.h"
#include "batch/BatchJournal.h"
#include "batch/BatchRun.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/VerificationService.h"

#include <QSignalSpy>
#include <QTest>

// A batch run in the process, on each back-end, whose history stops recording. It must say that the history failed
// (historyFailed(): the command's exit 6) however late the failure comes: at the last row nothing is left unsent, so
// the count of rows not sent cannot tell it.
class TestBatchRunHistory : public QObject
{
    Q_OBJECT

    // A fresh SQLite history and the training service that writes into it.
    struct Desk
    {
        StoreFixture fx;
        std::unique_ptr<AuditStore> store;
        VerificationService service;

        bool ready(const VerificationService::Options& options = {})
        {
            QString skip;
            if (!fx.prepare(QStringLiteral("sqlite"), &skip))
                return false;
            store = fx.open();
            if (!store || !service.configure(options))
                return false;
            service.setHistory(store.get());
            return true;
        }
    };

private slots:
    void historyFailing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<int>("failAtRow"); // 1-based: the outage begins once this row's case is recorded
        QTest::addColumn<int>("rows");
        for (const QString& backend : StoreFixture::backends()) {
            QTest::newRow(qPrintable(backend + QStringLiteral(", at the only row"))) << backend << 1 << 1;
            QTest::newRow(qPrintable(backend + QStringLiteral(", at the last of three"))) << backend << 3 << 3;
            QTest::newRow(qPrintable(backend + QStringLiteral(", never"))) << backend << 0 << 2;
        }
    }
    void historyFailing()
    {
        QFETCH(int, failAtRow);
        QFETCH(int, rows);
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        HistoryOutage outage(fx, *service.writer());

        QByteArray csv = "name,id_number,start,end\n";
        QVERIFY(SandboxFixtures::people().size() >= rows);
        for (int i = 0; i < rows; ++i) {
            csv += DistinctCases::csvLine(SandboxFixtures::people().at(i)) + '\n';
        }
        const Result<BatchInput> input = BatchInput::parse(csv, QDate(2026, 12, 1));
        QVERIFY2(input, qPrintable(input.message()));
        QCOMPARE(input->refusedCount(), 0);

        BatchRun::Options options;
        options.maxInFlight = 1; // one row after the other, so that the failing row is the last one recorded
        BatchRun run(service, *input, BatchJournal {}, options);
        int recordedCases = 0;
        bool begun = false;
        connect(&service, &VerificationService::recorded, this, [&] {
            if (++recordedCases == failAtRow)
                begun = outage.begin();
        });
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(run.isFinished() || finished.wait(60000));

        const BatchRun::Counts counts = run.counts();
        QCOMPARE(counts.total, rows);
        if (failAtRow == 0) {
            QVERIFY(!run.historyFailed());
            QVERIFY2(run.stopReason().isEmpty(), qPrintable(run.stopReason()));
            QCOMPARE(service.sandbox()->requestsReceived(), rows);
            return;
        }
        QVERIFY(begun);
        QVERIFY(run.historyFailed());
        QVERIFY2(run.stopReason().contains(QLatin1String("stopped recording")), qPrintable(run.stopReason()));
        // The failing row's attempt was never recorded, so it was never sent. A batch records the next case while
        // the row before it is in flight, so the outage may also catch that row's attempt or answer: at most the
        // rows before the failing one were sent.
        const int received = service.sandbox()->requestsReceived();
        QVERIFY2(
            received <= failAtRow - 1 && received >= qMax(0, failAtRow - 2), qPrintable(QString::number(received)));
        QVERIFY(counts.notSent >= rows - failAtRow);
        if (rows == 1) { // nothing left unsent: the count of rows not sent cannot tell the failure
            QCOMPARE(service.sandbox()->requestsReceived(), 0);
            QCOMPARE(counts.notSent, 0);
        }
    }

    // A list claimed in the history (as the CLI and the app claim every list) finds its rows' own MerchantBizIds'
    // answers by the history's order, after its claim: an answer recorded under a clock two days behind is its own,
    // and is not sent again; another list's case of that MerchantBizId, recorded an hour before this list was begun
    // and claimed, is not, and the row is sent (the row's person may have been corrected since). A list begun by an
    // older version, which did not claim it, is claimed when resumed, after its own answers: they are found by their
    // times, from a day before the list began (another workstation's clock may be hours behind).
    void resumedClaimedListFindsItsOwnAnswers_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("firstRun"); // "ours", "ours unclaimed" or "another list"
        QTest::addColumn<int>("behindHours");
        QTest::addColumn<int>("sentAgain");
        for (const QString& backend : StoreFixture::backends()) {
            const auto row = [&backend](const char* name, const char* firstRun, int behindHours, int sentAgain) {
                QTest::newRow(qPrintable(backend + QStringLiteral(", ") + QLatin1String(name)))
                    << backend << QString::fromLatin1(firstRun) << behindHours << sentAgain;
            };
            row("its own answer, the same clock", "ours", 0, 0);
            row("its own answer, 2 days behind", "ours", 48, 0);
            row("its own answer, begun by an older version", "ours unclaimed", 0, 0);
            row("its own answer, begun by an older version, 8 hours behind", "ours unclaimed", 8, 0);
            // Beyond the day the cases' times are trusted for: taken for an older, unrelated case, and sent.
            row("its own answer, begun by an older version, 2 days behind", "ours unclaimed", 48, 1);
            row("another list's answer an hour before", "another list", 1, 1);
        }
    }
    void resumedClaimedListFindsItsOwnAnswers()
    {
        QFETCH(QString, firstRun);
        QFETCH(int, behindHours);
        QFETCH(int, sentAgain);
        const QDateTime begun = QDateTime::currentDateTimeUtc();
        FakeClock clock(begun.addSecs(qint64 { -3600 } * behindHours));
        STORE_FIXTURE_OPEN(fx, store, &clock);
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        const Result<BatchInput> input = BatchInput::parse("name,id_number,start,end,merchant_biz_id\n"
                + DistinctCases::csvLine(SandboxFixtures::people().constFirst()) + ",cust1\n",
            QDate(2026, 12, 1));
        QVERIFY2(input, qPrintable(input.message()));
        const auto claimOf = [&service](const QString& batchId, const QByteArray& list) {
            return BatchBegun {
                batchId, list, QStringLiteral("/results.csv"), QDateTime(), {}, {}, service.isTraining()
            };
        };
        const auto runOnce = [&service, &input](const std::optional<BatchBegun>& claim, bool resumed) {
            BatchJournal journal;
            journal.batchId = claim ? claim->batchId : QStringLiteral("0123456789abcdef0123456789abcdef");
            journal.startedAt = QDateTime::currentDateTimeUtc();
            journal.resumed = resumed;
            BatchRun::Options options;
            options.claim = claim;
            if (options.claim)
                options.claim->startedAt = journal.startedAt;
            BatchRun run(service, *input, journal, options);
            QSignalSpy finished(&run, &BatchRun::finished);
            run.start();
            return run.isFinished() || finished.wait(60000);
        };
        const BatchBegun ours = claimOf(QStringLiteral("0123456789abcdef0123456789abcdef"), QByteArray(64, 'a'));
        if (firstRun == QLatin1String("another list")) {
            QVERIFY(runOnce(claimOf(QStringLiteral("fedcba9876543210fedcba9876543210"), QByteArray(64, 'b')), false));
            clock.advance(qint64 { 3600 * 1000 } * behindHours);
            // Ours begun now, killed before its row was sent: its claim is all it recorded.
            QVERIFY(store->claimBatch(service.actor(), ours, false).ok());
        } else {
            QVERIFY(runOnce(firstRun == QLatin1String("ours") ? std::optional<BatchBegun>(ours) : std::nullopt, false));
            clock.advance(qint64 { 3600 * 1000 } * behindHours);
        }
        QCOMPARE(service.sandbox()->requestsReceived(), 1);
        QVERIFY(runOnce(ours, true));
        QCOMPARE(service.sandbox()->requestsReceived() - 1, sentAgain);
    }

    // Cancelled while the history is asked which rows were answered before: the answer is waited for, so a row an
    // earlier run answered keeps its outcome in the results (not "not sent", which would tell the reviewer to send it
    // again); nothing is sent.
    void cancelledWhileLookingUpKeepsEarlierAnswers()
    {
        Desk desk;
        QVERIFY(desk.ready());
        VerificationService& service = desk.service;
        const Result<BatchInput> input = BatchInput::parse("name,id_number,start,end,merchant_biz_id\n"
                + DistinctCases::csvLine(SandboxFixtures::people().constFirst()) + ",cust1\n",
            QDate(2026, 12, 1));
        QVERIFY2(input, qPrintable(input.message()));
        BatchJournal journal;
        journal.batchId = QStringLiteral("0123456789abcdef0123456789abcdef");
        journal.startedAt = QDateTime::currentDateTimeUtc();
        const auto runOnce = [&](bool cancelAtOnce) {
            BatchRun run(service, *input, journal, {});
            QSignalSpy finished(&run, &BatchRun::finished);
            run.start();
            if (cancelAtOnce)
                run.cancel();
            if (!run.isFinished() && !finished.wait(60000))
                return BatchOutcome::Kind::Waiting;
            return run.outcomes().constFirst().kind;
        };
        QCOMPARE(runOnce(false), BatchOutcome::Kind::Passed);
        journal.resumed = true;
        QCOMPARE(runOnce(true), BatchOutcome::Kind::Passed); // from the history
        QCOMPARE(service.sandbox()->requestsReceived(), 1);
    }

    // The same on a long list: a cancel ends the lookup after its first 1000 rows (a huge list would otherwise hold
    // Cancel for its whole length). Those rows keep the answers an earlier run recorded; the rest are not sent.
    void cancelledLookupOfALongListStopsAfterItsFirstThousandRows()
    {
        VerificationService::Options unlimited;
        unlimited.client.rateLimitQps = 0;
        Desk desk;
        QVERIFY(desk.ready(unlimited));
        VerificationService& service = desk.service;
        const int rows = 1200;
        QByteArray csv = "name,id_number,start,end,merchant_biz_id\n";
        for (int i = 0; i < rows; ++i)
            csv += DistinctCases::csvLine(DistinctCases::unknown(9600 + i)) + ",row" + QByteArray::number(i) + '\n';
        const Result<BatchInput> input = BatchInput::parse(csv, QDate(2026, 12, 1));
        QVERIFY2(input, qPrintable(input.message()));
        BatchJournal journal;
        journal.batchId = QStringLiteral("3").repeated(32);
        journal.startedAt = QDateTime::currentDateTimeUtc();
        {
            BatchRun first(service, *input, journal, {});
            QSignalSpy finished(&first, &BatchRun::finished);
            first.start();
            QVERIFY(first.isFinished() || finished.wait(120000));
            QCOMPARE(first.counts().notPassed, rows);
        }
        journal.resumed = true;
        BatchRun again(service, *input, journal, {});
        QSignalSpy finished(&again, &BatchRun::finished);
        again.start();
        again.cancel();
        QVERIFY(again.isFinished() || finished.wait(60000));
        for (int i = 0; i < rows; ++i) {
            QCOMPARE(
                again.outcomes().at(i).kind, i < 1000 ? BatchOutcome::Kind::NotPassed : BatchOutcome::Kind::NotSent);
        }
        QCOMPARE(service.sandbox()->requestsReceived(), rows);
    }

    // A throttled batch halves its rate while it runs; the session's client (which the next verification and the next
    // batch use) is left at the rate the batch found.
    void throttlingLeavesTheSessionsRateAsItWas()
    {
        Desk desk;
        QVERIFY(desk.ready());
        VerificationService& service = desk.service;
        QByteArray csv = "name,id_number,start,end\n";
        for (int i = 0; i < 2; ++i)
            csv += DistinctCases::csvLine(DistinctCases::unknown(9300 + i, SandboxFixtures::throttleOnce)) + '\n';
        const Result<BatchInput> input = BatchInput::parse(csv, QDate(2026, 12, 1));
        QVERIFY2(input, qPrintable(input.message()));
        const double configured = service.client()->rateLimiter().qps();
        double during = configured;
        BatchRun run(service, *input, BatchJournal {}, {});
        connect(&run, &BatchRun::progress, this, [&] { during = qMin(during, service.client()->rateLimiter().qps()); });
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        QVERIFY(run.isFinished() || finished.wait(60000));
        QVERIFY2(during < configured, qPrintable(QString::number(during))); // it did slow down
        QCOMPARE(service.client()->rateLimiter().qps(), configured);
    }

    // Cancelled while a call recorded as about to be sent waits for its slot within the rate limit (time stands still
    // here, so it waits for as long as the test likes): it is not sent, then or later. Its row ends as not sent and
    // its attempt is recorded as ended without leaving (not billed), so the row goes out when the list is verified
    // again. The first row is sent at once; the second is released once the first has left, and waits for its slot;
    // with more rows, the others are held or queued, and end as not sent too.
    void cancelWhileWaitingForTheRateLimitSendsNothingMore_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addRow("2 rows") << 2;
        QTest::addRow("6 rows") << 6;
    }
    void cancelWhileWaitingForTheRateLimitSendsNothingMore()
    {
        QFETCH(int, rows);
        FakeClock clock(QDateTime::currentDateTimeUtc()); // the sandbox checks the signature's date on its own clock
        VerificationService::Options options;
        options.client.rateLimitQps = 1; // slots 1 s apart, on the fake clock
        options.clock = &clock;
        Desk desk;
        QVERIFY(desk.ready(options));
        VerificationService& service = desk.service;
        QByteArray csv = "name,id_number,start,end\n";
        for (int i = 0; i < rows; ++i)
            csv += DistinctCases::csvLine(DistinctCases::unknown(9400 + i)) + '\n';
        const Result<BatchInput> input = BatchInput::parse(csv, QDate(2026, 12, 1));
        QVERIFY2(input, qPrintable(input.message()));

        BatchRun run(service, *input, BatchJournal {}, {});
        QSignalSpy finished(&run, &BatchRun::finished);
        int recordedAttempts = 0;
        connect(&service, &VerificationService::attemptStarted, this, [&] { ++recordedAttempts; });
        run.start();
        // The first row answered, the second recorded as about to be sent and waiting for its slot.
        QTRY_VERIFY_WITH_TIMEOUT(
            run.outcomes().constFirst().kind == BatchOutcome::Kind::NotPassed && recordedAttempts == 2, 30000);
        QCOMPARE(service.sandbox()->requestsReceived(), 1);
        run.cancel();
        QVERIFY(run.isFinished() || finished.wait(30000));
        clock.advance(3600 * 1000); // every slot falls due, and every timeout
        QCoreApplication::processEvents();
        QCOMPARE(service.sandbox()->requestsReceived(), 1);
        for (int i = 1; i < rows; ++i)
            QCOMPARE(run.outcomes().at(i).kind, BatchOutcome::Kind::NotSent);

        int sent = 0;
        int endedUnsent = 0;
        int unknown = 0;
        QVERIFY(desk.store->forEachEvent([&](const AuditEvent& e) {
            const QJsonObject payload = e.payloadObject();
            sent += e.kind == QLatin1String(EventKind::attemptSent);
            endedUnsent += e.kind == QLatin1String(EventKind::attemptFailed)
                && payload.value(QStringLiteral("error")).toString() == QLatin1String("Cancelled")
                && !payload.value(QStringLiteral("mayHaveBeenBilled")).toBool(true);
            unknown += payload.value(QStringLiteral("state")).toString() == QLatin1String(CaseState::outcomeUnknown);
            return true;
        }));
        QCOMPARE(sent, 2);
        QCOMPARE(endedUnsent, 1);
        QCOMPARE(unknown, 0);
    }

    // Cancelled while the batch's claim is being recorded: said as a cancel, whatever the claim finds (another batch
    // of the same list begun in this history, or nothing earlier): not as that batch, a refusal or a failure of the
    // history. Nothing is sent.
    void cancelWhileClaimingIsACancel_data()
    {
        QTest::addColumn<bool>("earlierBatch");
        QTest::newRow("the list begun by another batch") << true;
        QTest::newRow("nothing earlier") << false;
    }
    void cancelWhileClaimingIsACancel()
    {
        QFETCH(bool, earlierBatch);
        Desk desk;
        QVERIFY(desk.ready());
        VerificationService& service = desk.service;
        const Result<BatchInput> input = BatchInput::parse(
            "name,id_number,start,end\n" + DistinctCases::csvLine(SandboxFixtures::people().constFirst()) + '\n',
            QDate(2026, 12, 1));
        QVERIFY2(input, qPrintable(input.message()));
        const QByteArray list(64, 'c');
        const auto claimOf = [&](const QString& batchId) {
            return BatchBegun { batchId,
                list,
                QStringLiteral("/results.csv"),
                QDateTime::currentDateTimeUtc(),
                {},
                {},
                service.isTraining() };
        };
        if (earlierBatch)
            QVERIFY(desk.store->claimBatch(service.actor(), claimOf(QStringLiteral("1").repeated(32)), true).ok());
        BatchJournal journal;
        journal.batchId = QStringLiteral("2").repeated(32);
        journal.startedAt = QDateTime::currentDateTimeUtc();
        BatchRun::Options options;
        options.claim = claimOf(journal.batchId);
        options.checkEarlier = true;
        BatchRun run(service, *input, journal, options);
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        run.cancel(); // before the claim's answer, which comes through the event loop
        QVERIFY(run.isFinished() || finished.wait(30000));
        QCOMPARE(run.stopReason(), QStringLiteral("Cancelled: the rows not yet sent were not sent."));
        QVERIFY(!run.earlierInHistory());
        QVERIFY(!run.notPermitted());
        QVERIFY(!run.historyFailed());
        QCOMPARE(run.outcomes().constFirst().kind, BatchOutcome::Kind::NotSent);
        QCOMPARE(service.sandbox()->requestsReceived(), 0);
    }

    // Cancelled by the reviewer: not a failure of the history.
    void cancelIsNotAHistoryFailure()
    {
        Desk desk;
        QVERIFY(desk.ready());
        VerificationService& service = desk.service;
        const Result<BatchInput> input = BatchInput::parse(
            "name,id_number,start,end\n测试乙,11010519491231002X,20100101,长期\n", QDate(2026, 12, 1));
        QVERIFY(input);
        BatchRun run(service, *input, BatchJournal {}, {});
        QSignalSpy finished(&run, &BatchRun::finished);
        run.start();
        run.cancel();
        QVERIFY(run.isFinished() || finished.wait(60000));
        QVERIFY(!run.stopReason().isEmpty());
        QVERIFY(!run.historyFailed());
        QCOMPARE(service.sandbox()->requestsReceived(), 0);
    }
};

QTEST_MAIN(TestBatchRunHistory)
#include "TestBatchRunHistory.moc"
