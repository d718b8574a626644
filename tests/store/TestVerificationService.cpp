#include "DistinctCases.h"
#include "FakeClock.h"
#include "HistoryOutage.h"
#include "StoreFixture.h"

#include "api/ApiClient.h"
#include "history/AuditEvent.h"
#include "history/ChainSigner.h"
#include "history/RecordSpool.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/VerificationService.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

// The service as the GUI and the CLI use it, against the training sandbox over HTTPS and a real history on each
// backend: the case is in the history before the network call, and every attempt and outcome follows it.
class TestVerificationService : public QObject
{
    Q_OBJECT

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

    static QStringList kinds(AuditStore& store, const QString& caseId) { return StoreFixture::kindsOf(store, caseId); }

    // A case of person whose call dies without an answer (outcome unknown), submitted through service and finished;
    // its id, or empty.
    static QString unansweredCase(VerificationService& service, const SandboxFixtures::Person& person)
    {
        QSignalSpy finished(&service, &VerificationService::finished);
        QSignalSpy recorded(&service, &VerificationService::recorded);
        CaseInput input = caseOf(person);
        input.name = SandboxFixtures::reset; // the sandbox reads the request, then drops the connection
        if (!service.submit(input, false) || !finished.wait(30000) || recorded.isEmpty())
            return QString();
        return recorded.last().at(1).toString();
    }

    // The case taken up again on the writer thread: for a retry (its MerchantBizId kept), else to verify it again.
    Result<RecordedCase> takenUp(VerificationService& service, const QString& caseId, bool retry)
    {
        std::optional<Result<RecordedCase>> taken;
        const auto done = [&taken](const Result<RecordedCase>& r) { taken = r; };
        if (retry)
            service.caseForRetry(caseId, this, done);
        else
            service.caseForReverification(caseId, QString(), this, done);
        if (!QTest::qWaitFor([&taken] { return taken.has_value(); }, 30000))
            return Failure(ErrorCode::Unavailable, QStringLiteral("not taken up"));
        return *taken;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void outcomes_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("subCode");
        QTest::addColumn<QStringList>("events");
        const QStringList answered { QStringLiteral("case_created"),
            QStringLiteral("attempt_sent"),
            QStringLiteral("response_received"),
            QStringLiteral("case_completed") };
        for (const QString& backend : StoreFixture::backends()) {
            const QByteArray b = backend.toLatin1();
            QTest::newRow(b + " 200") << backend << QString() << QStringLiteral("completed") << QStringLiteral("200")
                                      << answered;
            QTest::newRow(b + " 223") << backend << QStringLiteral("张错名") << QStringLiteral("completed")
                                      << QStringLiteral("223") << answered;
            QTest::newRow(b + " api error")
                << backend << SandboxFixtures::ramDenied << QStringLiteral("refused") << QString() << answered;
            QTest::newRow(b + " 500 then 200")
                << backend << SandboxFixtures::serverErrorOnce << QStringLiteral("completed") << QStringLiteral("200")
                << QStringList { QStringLiteral("case_created"),
                       QStringLiteral("attempt_sent"),
                       QStringLiteral("response_received"),
                       QStringLiteral("attempt_sent"),
                       QStringLiteral("response_received"),
                       QStringLiteral("case_completed") };
            QTest::newRow(b + " reset after sending")
                << backend << SandboxFixtures::reset << QStringLiteral("outcome_unknown") << QString()
                << QStringList { QStringLiteral("case_created"),
                       QStringLiteral("attempt_sent"),
                       QStringLiteral("attempt_failed"),
                       QStringLiteral("case_completed") };
            QTest::newRow(b + " malformed")
                << backend << SandboxFixtures::malformed << QStringLiteral("outcome_unknown") << QString()
                << QStringList { QStringLiteral("case_created"),
                       QStringLiteral("attempt_sent"),
                       QStringLiteral("response_received"),
                       QStringLiteral("case_completed") };
        }
    }

    void outcomes()
    {
        QFETCH(QString, backend);
        QFETCH(QString, name);
        QFETCH(QString, state);
        QFETCH(QString, subCode);
        QFETCH(QStringList, events);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        auto store = fixture.open();
        QVERIFY(store);

        VerificationService service;
        VerificationService::Options options;
        options.client.backoffBaseMs = 10; // real time: keep the one retry short
        QVERIFY2(service.configure(options), qPrintable(service.errorString()));
        service.setHistory(store.get());
        QSignalSpy finished(&service, &VerificationService::finished);
        QSignalSpy historyErrors(&service, &VerificationService::historyError);

        CaseInput input = caseOf(SandboxFixtures::people().first());
        if (!name.isEmpty())
            input.name = name;
        // When the case is reported recorded, it is in the history and nothing has reached the network yet.
        QString caseId;
        QStringList kindsWhenRecorded;
        int receivedWhenRecorded = -1;
        connect(&service, &VerificationService::recorded, this, [&](VerificationCall*, const QString& id) {
            caseId = id;
            kindsWhenRecorded = kinds(*store, id);
            receivedWhenRecorded = service.sandbox()->requestsReceived();
        });
        const Result<VerificationCall*> call = service.submit(input, false);
        QVERIFY2(call, qPrintable(call.message()));
        QVERIFY(finished.wait(30000));
        QVERIFY(!caseId.isEmpty());
        QCOMPARE(kindsWhenRecorded, QStringList { QStringLiteral("case_created") });
        QCOMPARE(receivedWhenRecorded, 0);
        QCOMPARE(historyErrors.count(), 0);
        const CaseSummary summary = *store->caseSummary(StoreFixture::reader(), caseId);
        QCOMPARE(summary.state, state);
        QCOMPARE(summary.subCode, subCode);
        QCOMPARE(kinds(*store, caseId), events);
        QCOMPARE(summary.attempts, static_cast<int>(events.count(QStringLiteral("attempt_sent"))));
        QCOMPARE(summary.idMasked, QStringLiteral("1101**********1233"));
        QVERIFY(store->verifyChain().ok);
    }

    // The call object carries its case: its signals come in order to whoever connected after submit(), and its
    // case id, attempts and result are its own. Cancelled before its case was recorded, it sends nothing and its
    // case ends as failed, not pending.
    // held: the call is held (a batch records cases ahead of their turn): it is recorded and then waits, while
    // another call runs from start to end and is the only one sent; then it is released (or cancelled).
    void callCarriesItsCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("cancelAtOnce");
        QTest::addColumn<bool>("held");
        for (const char* backend : { "sqlite", "postgresql" }) {
            const QByteArray b(backend);
            QTest::newRow(b + " answered") << QString::fromLatin1(backend) << false << false;
            QTest::newRow(b + " cancelled before sending") << QString::fromLatin1(backend) << true << false;
            QTest::newRow(b + " held, released") << QString::fromLatin1(backend) << false << true;
            QTest::newRow(b + " held, cancelled") << QString::fromLatin1(backend) << true << true;
        }
    }
    void callCarriesItsCase()
    {
        QFETCH(QString, backend);
        QFETCH(bool, cancelAtOnce);
        QFETCH(bool, held);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        auto store = fixture.open();
        QVERIFY(store);
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        const Result<VerificationCall*> submitted = service.submit(caseOf(SandboxFixtures::people().first()), false);
        QVERIFY2(submitted, qPrintable(submitted.message()));
        const std::unique_ptr<VerificationCall> call(*submitted);
        QStringList order;
        connect(call.get(), &VerificationCall::recorded, this, [&] { order << QStringLiteral("recorded"); });
        connect(call.get(), &VerificationCall::attemptStarted, this, [&](int n) {
            order << QStringLiteral("attempt %1").arg(n);
        });
        QSignalSpy finished(call.get(), &VerificationCall::finished);
        QVERIFY(call->caseId().isEmpty()); // nothing has happened yet
        const int othersSent = held ? 1 : 0;
        if (held) {
            call->holdUntilReleased();
            QVERIFY(call->isHeld());
            QSignalSpy recorded(call.get(), &VerificationCall::recorded);
            QVERIFY(recorded.wait(30000));
            QVERIFY(verifyOneCall(service));
            QCOMPARE(service.sandbox()->requestsReceived(), othersSent);
            QCOMPARE(order, QStringList { QStringLiteral("recorded") });
            QCOMPARE(finished.count(), 0);
            QCOMPARE(store->caseSummary(StoreFixture::reader(), call->caseId())->attempts, 0);
            if (!cancelAtOnce)
                call->release();
        }
        if (cancelAtOnce)
            call->cancel();
        QVERIFY(finished.wait(30000));
        QVERIFY(!call->isHeld());
        QCOMPARE(finished.count(), 1);
        QVERIFY(call->isFinished());
        QVERIFY(!call->caseId().isEmpty());
        const CaseSummary summary = *store->caseSummary(StoreFixture::reader(), call->caseId());
        QCOMPARE(summary.merchantBizId, call->merchantBizId());
        if (cancelAtOnce) {
            QCOMPARE(order, QStringList { QStringLiteral("recorded") });
            QCOMPARE(call->result().status, VerificationResult::Status::Cancelled);
            QCOMPARE(service.sandbox()->requestsReceived(), othersSent);
            QCOMPARE(summary.state, QStringLiteral("failed"));
            QCOMPARE(call->attempt(), 0);
        } else {
            QCOMPARE(order, (QStringList { QStringLiteral("recorded"), QStringLiteral("attempt 1") }));
            QCOMPARE(call->result().subCode, QStringLiteral("200"));
            QCOMPARE(service.sandbox()->requestsReceived(), othersSent + 1);
            QCOMPARE(summary.state, QStringLiteral("completed"));
            QCOMPARE(call->attempt(), 1);
        }
        QCOMPARE(call->result().merchantBizId, call->merchantBizId());
    }

    // Fills the history up to just before its next checkpoint but one write, so that a call's case_created and
    // attempt_sent cross it.
    static bool fillToCheckpoint(AuditStore& store, qint64 target)
    {
        CaseRecord seeded;
        seeded.name = SandboxFixtures::people().at(1).docName;
        seeded.idNumber = SandboxFixtures::people().at(1).docNo;
        if (!store.beginBatch())
            return false;
        while (store.head().valueOr({}).seq < target) {
            if (!store.createCase(StoreFixture::actor(), seeded))
                return false;
        }
        return store.commitBatch() && store.head().valueOr({}).seq == target;
    }

    static bool verifyOneCall(VerificationService& service)
    {
        const Result<VerificationCall*> submitted = service.submit(caseOf(SandboxFixtures::people().first()), false);
        if (!submitted)
            return false;
        const std::unique_ptr<VerificationCall> call(*submitted);
        QSignalSpy finished(call.get(), &VerificationCall::finished);
        return finished.wait(30000) && call->result().subCode == QLatin1String("200");
    }

    // A checkpoint the calls' writes cross cannot be copied to the anchor folder (here the folder is a file): the
    // call still passes and is recorded, and the service says why the anchor is missing, once. Once the folder can
    // be written again, the next checkpoint is copied and the service says so.
    void anchorFolderFailureIsReported_data() { StoreFixture::addBackendRows(); }
    void anchorFolderFailureIsReported()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString anchors = parent.filePath(QStringLiteral("anchors"));
        QFile notAFolder(anchors);
        QVERIFY(notAFolder.open(QIODevice::WriteOnly));
        notAFolder.close();
        AuditStore::Options options;
        options.keys = StoreFixture::keys();
        options.anchorDirectory = anchors;
        const std::unique_ptr<AuditStore> store = StoreFixture::storeOf(AuditStore::open(fixture.location(), options));
        QVERIFY(store);
        QVERIFY(fillToCheckpoint(*store, ChainSigner::DefaultCheckpointInterval - 2));

        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        QSignalSpy anchorErrors(&service, &VerificationService::anchorError);
        QSignalSpy anchorsCopied(&service, &VerificationService::anchorsCopied);
        QVERIFY(verifyOneCall(service));
        QTRY_COMPARE(anchorErrors.count(), 1);
        QVERIFY2(anchorErrors.first().first().toString().contains(QDir::toNativeSeparators(anchors)),
            qPrintable(anchorErrors.first().first().toString()));
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.checkpoints, 1);
        QCOMPARE(anchorErrors.count(), 1); // once: the writes after the checkpoint had nothing to copy
        QCOMPARE(anchorsCopied.count(), 0);

        // The share is back: the next checkpoint reaches it, and the warning can go.
        QVERIFY(notAFolder.remove());
        QVERIFY(QDir().mkdir(anchors));
        QVERIFY(fillToCheckpoint(*store, 2 * ChainSigner::DefaultCheckpointInterval - 2));
        QVERIFY(verifyOneCall(service));
        QTRY_COMPARE(anchorsCopied.count(), 1);
        QCOMPARE(anchorErrors.count(), 1);
        const QStringList copied = QDir(QDir(anchors).filePath(store->historyId()))
                                       .entryList({ QStringLiteral("anchor-*.json") }, QDir::Files);
        QVERIFY2(!copied.isEmpty(), qPrintable(copied.join(u',')));
    }

    void refusedCaseIsNotRecorded_data() { StoreFixture::addBackendRows(); }
    void refusedCaseIsNotRecorded()
    {
        STORE_FIXTURE_OPEN(fixture, store, nullptr);
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        CaseInput input = caseOf(SandboxFixtures::people().first());
        input.idNumber[17] = input.idNumber[17] == QLatin1Char('3') ? QLatin1Char('4') : QLatin1Char('3');
        const Result<VerificationCall*> refusal = service.submit(input, true);
        QCOMPARE(refusal.error(), ErrorCode::InvalidArgument);
        QVERIFY(!refusal.message().isEmpty());
        QCOMPARE(store->recentCases(StoreFixture::reader(), 10).value().size(), 0);
    }

    void reverificationLinksTheCases_data() { StoreFixture::addBackendRows(); }
    void reverificationLinksTheCases()
    {
        STORE_FIXTURE_OPEN(fixture, store, nullptr);
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        QSignalSpy finished(&service, &VerificationService::finished);
        QSignalSpy recorded(&service, &VerificationService::recorded);

        const SandboxFixtures::Person person = SandboxFixtures::people().at(3); // the long-term card
        QVERIFY(person.isLongTerm());
        const CaseInput first = caseOf(person);
        const QString firstCase = unansweredCase(service, person);
        QVERIFY(!firstCase.isEmpty());
        QCOMPARE(store->caseSummary(StoreFixture::reader(), firstCase)->state, QStringLiteral("outcome_unknown"));

        const Result<RecordedCase> taken = takenUp(service, firstCase, false);
        QVERIFY2(taken, qPrintable(taken.message()));
        QCOMPARE(taken->summary.caseId, firstCase);
        const std::optional<CaseInput> again = taken->input;
        QCOMPARE(again->name, SandboxFixtures::reset);
        QCOMPARE(again->idNumber, person.docNo);
        QCOMPARE(again->validityStart, first.validityStart);
        QVERIFY(again->longTerm);
        QCOMPARE(kinds(*store, firstCase).last(), QStringLiteral("pii_revealed"));

        CaseInput corrected = *again;
        corrected.name = person.docName;
        QVERIFY(service.submit(corrected, false, firstCase));
        QVERIFY(finished.wait(30000));
        const QString secondCase = recorded.last().at(1).toString();
        QCOMPARE(finished.last().at(1).value<VerificationResult>().subCode, QStringLiteral("200"));
        QVERIFY(secondCase != firstCase);
        const QList<AuditEvent> firstEvents = store->eventsForCase(StoreFixture::reader(), firstCase).valueOr({});
        QCOMPARE(firstEvents.last().kind, QStringLiteral("reverify_link"));
        QCOMPARE(firstEvents.last().payloadObject().value(QStringLiteral("newCaseId")).toString(), secondCase);
        QVERIFY(store->verifyChain().ok);
    }

    // A case an older version recorded with an ID-number-shaped MerchantBizId (refused for new cases since), whose
    // outcome is unknown, is retried under that id, exactly as recorded: the retry must be the same business case. A
    // new case with it is still refused, and so is one linked to that case before it was taken up for its retry, one
    // changed since, and a second one for one take-up.
    void retryKeepsALegacyMerchantBizId_data() { StoreFixture::addBackendRows(); }
    void retryKeepsALegacyMerchantBizId()
    {
        STORE_FIXTURE_OPEN(fixture, store, nullptr);
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        const SandboxFixtures::Person person = SandboxFixtures::people().first();
        const QString firstCase = unansweredCase(service, person);
        QVERIFY(!firstCase.isEmpty());
        const QString legacyId = QStringLiteral("310104198511202043");
        QVERIFY(fixture.execRaw(
            QStringLiteral("UPDATE cases SET merchant_biz_id = '%1' WHERE case_id = '%2'").arg(legacyId, firstCase)));

        CaseInput fresh = caseOf(person);
        fresh.merchantBizId = legacyId;
        QCOMPARE(service.submit(fresh, false).error(), ErrorCode::InvalidArgument); // a new case: refused
        QCOMPARE(service.submit(fresh, false, firstCase).error(), ErrorCode::InvalidArgument); // not taken up yet

        Result<RecordedCase> taken = takenUp(service, firstCase, true);
        QVERIFY2(taken, qPrintable(taken.message()));
        CaseInput changed = taken->input;
        QCOMPARE(changed.merchantBizId, legacyId);
        changed.name = person.docName;
        // Only the case exactly as it was taken up keeps the id, once.
        QCOMPARE(service.submit(changed, false, firstCase).error(), ErrorCode::InvalidArgument);
        QCOMPARE(service.submit(taken->input, false, firstCase).error(), ErrorCode::InvalidArgument); // used up
        taken = takenUp(service, firstCase, true);
        QVERIFY2(taken, qPrintable(taken.message()));
        const CaseInput again = taken->input;
        const int before = service.sandbox()->requestsReceived();
        QSignalSpy finished(&service, &VerificationService::finished);
        QSignalSpy recorded(&service, &VerificationService::recorded);
        const Result<VerificationCall*> retried = service.submit(again, false, firstCase);
        QVERIFY2(retried, qPrintable(retried.message()));
        QVERIFY(finished.wait(30000)); // unknown again: the same name meets the same fault
        QCOMPARE(service.sandbox()->requestsReceived() - before, 1);
        const QString secondCase = recorded.last().at(1).toString();
        QCOMPARE(store->caseSummary(StoreFixture::reader(), secondCase)->merchantBizId, legacyId);
    }

    // The history stops recording during a case: on SQLite another writer holds the write lock (the store's busy
    // timeout shortened so the write gives up at once), on PostgreSQL the server ends the store's session, as when
    // it is stopped. "before" fails the attempt_sent write: nothing is sent (counted at the sandbox). "after" fails
    // the first write after the request reached the sandbox: the answer is shown, flagged unrecorded, kept in the
    // spool, and written into the history, in order, once it is back.
    void recordingFails_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("afterSending");
        for (const QString& backend : StoreFixture::backends()) {
            QTest::newRow(qPrintable(backend + QStringLiteral(" before sending"))) << backend << false;
            QTest::newRow(qPrintable(backend + QStringLiteral(" after sending"))) << backend << true;
        }
    }
    void recordingFails()
    {
        QFETCH(bool, afterSending);
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        QSignalSpy finished(&service, &VerificationService::finished);
        QSignalSpy historyErrors(&service, &VerificationService::historyError);
        SandboxServer* sandbox = service.sandbox();
        HistoryOutage outage(fx, *service.writer());

        // The outage begins once the case is recorded ("before"), or once the request reached the sandbox.
        QString caseId;
        bool begun = false;
        connect(&service, &VerificationService::recorded, this, [&](VerificationCall*, const QString& id) {
            caseId = id;
            if (!afterSending)
                begun = outage.begin();
        });
        connect(sandbox, &SandboxServer::requestReceived, this, [&] {
            if (afterSending)
                begun = outage.begin();
        });
        QVERIFY(service.submit(caseOf(SandboxFixtures::people().first()), false));
        QVERIFY(finished.wait(30000));
        QVERIFY(begun);
        const VerificationResult result = finished.first().at(1).value<VerificationResult>();
        QVERIFY(historyErrors.count() >= 1);
        store.reset(); // the broken session goes; the history comes back below
        outage.end();
        auto back = fx.open();
        QVERIFY(back);
        service.setHistory(back.get());
        const QString spoolPath = RecordSpool::pathFor(*back);
        if (!afterSending) {
            QCOMPARE(sandbox->requestsReceived(), 0);
            QCOMPARE(result.status, VerificationResult::Status::NotRecorded);
            QCOMPARE(result.exitCode(), 6);
            QCOMPARE(kinds(*back, caseId).first(), QStringLiteral("case_created"));
            QVERIFY(!kinds(*back, caseId).contains(QStringLiteral("attempt_sent")));
        } else {
            QCOMPARE(sandbox->requestsReceived(), 1);
            QCOMPARE(result.status, VerificationResult::Status::Passed);
            QVERIFY(result.unrecorded);
            QVERIFY(!result.requestId.isEmpty());
            QCOMPARE(RecordSpool(spoolPath).size(), 2); // response_received, then the outcome
            QCOMPARE(
                kinds(*back, caseId), QStringList({ QStringLiteral("case_created"), QStringLiteral("attempt_sent") }));
        }
        QVERIFY2(service.replaySpool(), qPrintable(service.errorString()));
        QVERIFY(RecordSpool(spoolPath).isEmpty());
        QVERIFY(!QFile::exists(spoolPath));
        if (afterSending) {
            QCOMPARE(kinds(*back, caseId),
                QStringList({ QStringLiteral("case_created"),
                    QStringLiteral("attempt_sent"),
                    QStringLiteral("response_received"),
                    QStringLiteral("case_completed") }));
            const CaseSummary summary = *back->caseSummary(StoreFixture::reader(), caseId);
            QCOMPARE(summary.state, QStringLiteral("completed"));
            QCOMPARE(summary.subCode, QStringLiteral("200"));
            const QJsonObject response =
                back->eventsForCase(StoreFixture::reader(), caseId).valueOr({}).at(2).payloadObject();
            QCOMPARE(response.value(QStringLiteral("requestId")).toString(), result.requestId);
            QVERIFY(response.contains(QStringLiteral("spooledAt")));
        }
        QVERIFY(back->verifyChain().ok);
    }

    // finishWithoutRetry (a batch stopped) after a throttled first attempt: no second attempt leaves, whether the call
    // waits for its retry, the retry has begun (its gate), or the first attempt is still on its way. Waiting or begun,
    // the call ends cancelled; on its way, with that attempt's own answer (throttled, not billed). One attempt, and
    // the case is not left pending.
    void finishWithoutRetryWithholdsTheRetry_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("when");
        for (const QString& backend : StoreFixture::backends()) {
            for (const char* when : { "waiting", "begun", "on its way" })
                QTest::addRow("%s: %s", qPrintable(backend), when) << backend << QString::fromLatin1(when);
        }
    }
    void finishWithoutRetryWithholdsTheRetry()
    {
        QFETCH(QString, when);
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        QSignalSpy finished(&service, &VerificationService::finished);
        SandboxServer* sandbox = service.sandbox();
        const Result<VerificationCall*> submitted =
            service.submit(caseOf(DistinctCases::unknown(9100, SandboxFixtures::throttleOnce)), false);
        QVERIFY2(submitted, qPrintable(submitted.message()));
        const QPointer<VerificationCall> call = *submitted;
        int asked = 0;
        const auto stop = [&] {
            if (call && asked++ == 0)
                call->finishWithoutRetry();
        };
        if (when == QLatin1String("waiting")) // the throttled answer is in and the retry waits
            connect(service.client(), &ApiClient::attemptFinished, this, stop, Qt::QueuedConnection);
        else if (when == QLatin1String("begun"))
            connect(service.client(), &ApiClient::attemptStarted, this, [&](quint64, int attempt) {
                if (attempt == 2)
                    stop();
            });
        else
            connect(sandbox, &SandboxServer::requestReceived, this, stop);
        QVERIFY(finished.wait(30000));
        QCOMPARE(asked, 1);
        QCOMPARE(sandbox->requestsReceived(), 1);
        const VerificationResult result = finished.first().at(1).value<VerificationResult>();
        if (when == QLatin1String("on its way")) {
            QCOMPARE(result.error, VerificationResult::Error::Throttling);
            QVERIFY(!result.mayHaveBeenBilled());
        } else {
            QCOMPARE(result.status, VerificationResult::Status::Cancelled);
        }
        QCOMPARE(result.attempts, 1);
        const QString caseId = call ? call->caseId() : QString();
        QVERIFY(!caseId.isEmpty());
        const CaseSummary summary = *store->caseSummary(StoreFixture::reader(), caseId);
        QCOMPARE(summary.attempts, 1);
        QVERIFY2(summary.state != QLatin1String("pending"), qPrintable(summary.state));
        // No attempt is said to have ended without leaving: the retry stopped before its gate recorded it, or never
        // began, and the first one had its answer.
        const Result<QList<AuditEvent>> events = store->eventsForCase(StoreFixture::reader(), caseId);
        QVERIFY2(events, qPrintable(events.message()));
        for (const AuditEvent& e : *events)
            QVERIFY2(e.kind != QLatin1String(EventKind::attemptFailed), e.payload.constData());
        QVERIFY(store->verifyChain().ok);
    }

    // What waits in the spool goes into the history before anything new is sent; while it cannot, nothing is sent.
    void spoolIsReplayedBeforeTheNextCase_data() { StoreFixture::addBackendRows(); }
    void spoolIsReplayedBeforeTheNextCase()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const CaseSummary pending = [&] {
            CaseRecord record;
            record.name = SandboxFixtures::people().first().docName;
            record.idNumber = SandboxFixtures::people().first().docNo;
            return *store->caseSummary(
                StoreFixture::reader(), store->createCase(StoreFixture::actor(), record).valueOr(QString()));
        }();
        RecordSpool spool(RecordSpool::pathFor(*store));
        QString error;
        QVERIFY(spool.addCompletion(store->recordSealer(),
            StoreFixture::actor(),
            pending.caseId,
            StoreFixture::completion(QStringLiteral("outcome_unknown"), std::nullopt, QString()),
            &error));
        QVERIFY(QFileInfo(spool.path()).permissions()
            == (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));

        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        HistoryOutage outage(fx, *service.writer());
        QVERIFY(outage.begin());
        QSignalSpy refused(&service, &VerificationService::finished);
        QVERIFY(service.submit(caseOf(SandboxFixtures::people().first()), false));
        QVERIFY(refused.wait(30000));
        const VerificationResult notSent = refused.first().at(1).value<VerificationResult>();
        QCOMPARE(notSent.status, VerificationResult::Status::NotRecorded);
        QVERIFY2(notSent.detail.contains(QLatin1String("spool")), qPrintable(notSent.detail));
        QCOMPARE(service.sandbox()->requestsReceived(), 0);
        QCOMPARE(spool.size(), 1);
        store.reset();
        outage.end();
        auto back = fx.open();
        service.setHistory(back.get());
        QSignalSpy finished(&service, &VerificationService::finished);
        QVERIFY(service.submit(caseOf(SandboxFixtures::people().first()), false));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(1).value<VerificationResult>().status, VerificationResult::Status::Passed);
        QVERIFY(spool.isEmpty());
        QCOMPARE(back->caseSummary(StoreFixture::reader(), pending.caseId)->state, QStringLiteral("outcome_unknown"));
        QVERIFY(back->verifyChain().ok);
    }

    // A record of the spool that cannot be shown to come from this history is set aside, not written: the person
    // verifying is told, once, how many and where they are, and the case goes on.
    void spoolRecordsSetAsideAreTold_data() { StoreFixture::addBackendRows(); }
    void spoolRecordsSetAsideAreTold()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const QString spoolPath = RecordSpool::pathFor(*store);
        {
            QFile spool(spoolPath);
            QVERIFY(spool.open(QIODevice::WriteOnly | QIODevice::Append));
            QVERIFY(spool.write(R"({"kind":"case_completed","caseId":"made-up","actor":"someone"})"
                                "\n")
                > 0);
        }
        QVERIFY(QFile::setPermissions(spoolPath, QFile::ReadOwner | QFile::WriteOwner));
        VerificationService service;
        QVERIFY(service.configure({}));
        service.setHistory(store.get());
        QSignalSpy notices(&service, &VerificationService::historyNotice);
        QSignalSpy errors(&service, &VerificationService::historyError);
        for (int i = 0; i < 2; ++i) {
            QSignalSpy finished(&service, &VerificationService::finished);
            QVERIFY(service.submit(caseOf(SandboxFixtures::people().at(i)), false));
            QVERIFY(finished.wait(30000));
            QCOMPARE(finished.first().at(1).value<VerificationResult>().status, VerificationResult::Status::Passed);
        }
        QCOMPARE(notices.count(), 1);
        const QString notice = notices.first().first().toString();
        QVERIFY2(notice.startsWith(QLatin1String("Spool records set aside"))
                && notice.contains(QStringLiteral(": 1, in %1.bad.").arg(spoolPath)),
            qPrintable(notice));
        QCOMPARE(errors.count(), 0);
        QVERIFY(QFile::exists(spoolPath + QStringLiteral(".bad")));
    }

    // The service's client runs on the clock it is given: a request that reached the sandbox and then timed out on
    // the fake clock ends as outcome unknown, is recorded so, and is not sent again, whatever maxAttempts allows.
    void timeoutAfterSendingIsRecordedAsOutcomeUnknown_data() { StoreFixture::addBackendRows(); }
    void timeoutAfterSendingIsRecordedAsOutcomeUnknown()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        FakeClock clock(QDateTime::currentDateTimeUtc());
        VerificationService service;
        VerificationService::Options options;
        options.clock = &clock;
        options.client.timeoutMs = 1000;
        options.client.maxAttempts = 4;
        QVERIFY(service.configure(options));
        service.sandbox()->setSlowResponseMs(24 * 60 * 60 * 1000); // holds its answer
        service.setHistory(store.get());
        QSignalSpy finished(&service, &VerificationService::finished);
        QSignalSpy recorded(&service, &VerificationService::recorded);
        CaseInput input = caseOf(SandboxFixtures::people().first());
        input.name = SandboxFixtures::slow;
        QVERIFY(service.submit(input, false));
        QTRY_COMPARE_WITH_TIMEOUT(service.sandbox()->requestsReceived(), 1, 30000);
        QVERIFY(clock.requestedDelays().contains(1000));
        clock.advance(1000);
        QVERIFY(finished.wait(30000));
        const VerificationResult result = finished.first().at(1).value<VerificationResult>();
        QCOMPARE(result.status, VerificationResult::Status::OutcomeUnknown);
        QCOMPARE(result.attempts, 1);
        clock.advance(60000);
        QCOMPARE(service.client()->pendingCalls(), 0);
        QCOMPARE(service.sandbox()->requestsReceived(), 1);
        const QString caseId = recorded.first().at(1).toString();
        QCOMPARE(store->caseSummary(StoreFixture::reader(), caseId)->state, QStringLiteral("outcome_unknown"));
        QCOMPARE(kinds(*store, caseId),
            QStringList({ QStringLiteral("case_created"),
                QStringLiteral("attempt_sent"),
                QStringLiteral("attempt_failed"),
                QStringLiteral("case_completed") }));
    }
};

QTEST_GUILESS_MAIN(TestVerificationService)
#include "TestVerificationService.moc"
