#include "api/VerificationRequest.h"
#include "domain/FictitiousPeople.h"
#include "domain/Masking.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"

#include "FakeClock.h"
#include "FakeRandom.h"
#include "StoreFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

// The audit history on both backends: append and read back, masking, sanitising, reveal, purge, keys, pending
// cases, blind-index search, paging, concurrent writers, and the cross-backend head hash.
class TestAuditStore : public QObject
{
    Q_OBJECT

private:
    static FictitiousPerson person(quint64 seed = 7)
    {
        FakeRandom random(seed);
        return FictitiousPeople(random).next(QDate(2026, 11, 25));
    }

    static CaseRecord record(const FictitiousPerson& p, const QString& caseId = QString())
    {
        CaseRecord r;
        r.caseId = caseId;
        r.merchantBizId = QStringLiteral("0123456789abcdef0123456789abcdef");
        r.sceneCode = QStringLiteral("desk");
        r.training = true;
        r.name = p.name;
        r.idNumber = p.idNumber;
        return r;
    }

private slots:
    void appendAndReadBack_data() { StoreFixture::addBackendRows(); }
    void appendAndReadBack()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        const FictitiousPerson p = person();
        CaseRecord r = record(p);
        r.payload.insert(QStringLiteral("endpoint"), QStringLiteral("https://127.0.0.1/"));
        r.payload.insert(QStringLiteral("DocNo"), p.idNumber); // must be dropped
        const Result<QString> created = store->createCase(StoreFixture::actor(), r);
        QVERIFY2(created, qPrintable(created.message()));
        const QString caseId = *created;
        QCOMPARE(store->lastSeq(), 1);
        clock.advance(5);
        QJsonObject attempt { { QStringLiteral("attempt"), 1 },
            { QStringLiteral("accessKeySecret"), QStringLiteral("never-stored") },
            { QStringLiteral("params"), QJsonObject { { QStringLiteral("DocName"), p.name } } } };
        QCOMPARE(
            store
                ->record(
                    StoreFixture::actor(), caseId, StoreFixture::event(QLatin1String(EventKind::attemptSent), attempt))
                .valueOr(0),
            2);
        clock.advance(120);
        QCOMPARE(store
                     ->record(StoreFixture::actor(),
                         caseId,
                         StoreFixture::event(QLatin1String(EventKind::responseReceived),
                             { { QStringLiteral("httpStatus"), 200 },
                                 { QStringLiteral("subCode"), QStringLiteral("200") } }))
                     .valueOr(0),
            3);
        QVERIFY(store
                    ->completeCase(StoreFixture::actor(),
                        caseId,
                        StoreFixture::completion(QLatin1String(CaseState::completed), true, QStringLiteral("200")))
                    .ok());
        QCOMPARE(store->lastSeq(), 4);

        const QList<AuditEvent> events = store->eventsForCase(StoreFixture::reader(), caseId).valueOr({});
        QCOMPARE(events.size(), 4);
        QCOMPARE(events.at(0).kind, QLatin1String(EventKind::caseCreated));
        QCOMPARE(events.at(0).actor, QStringLiteral("reviewer-a"));
        QCOMPARE(events.at(0).workstation, QStringLiteral("ws-test"));
        for (const AuditEvent& e : events) // the role of whoever wrote it, in the hashed payload
            QCOMPARE(e.payloadObject().value(QStringLiteral("actorRole")).toString(), QStringLiteral("reviewer"));
        QCOMPARE(events.at(0).ts, clock.nowUtc().addMSecs(-125));
        // v2: the ciphertexts' digest, then the whole record's (masks and blind index included)
        QCOMPARE(events.at(0).piiDigest.size(), 3 + 64 + 1 + 64);
        QVERIFY(events.at(0).piiDigest.startsWith("v2:"));
        QCOMPARE(events.at(1).kind, QLatin1String(EventKind::attemptSent));
        QCOMPARE(events.at(3).kind, QLatin1String(EventKind::caseCompleted));
        QVERIFY(!events.at(0).payloadObject().contains(QStringLiteral("DocNo")));
        QCOMPARE(events.at(0).payloadObject().value(QStringLiteral("endpoint")).toString(),
            QStringLiteral("https://127.0.0.1/"));
        QVERIFY(!events.at(1).payloadObject().contains(QStringLiteral("accessKeySecret")));
        QVERIFY(events.at(1).payloadObject().value(QStringLiteral("params")).toObject().isEmpty());

        const QList<CaseSummary> recent = store->recentCases(StoreFixture::reader(), 10).value();
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.first().caseId, caseId);
        QCOMPARE(recent.first().nameMasked, Masking::name(p.name));
        QCOMPARE(recent.first().idMasked, Masking::idNumber(p.idNumber));
        QCOMPARE(recent.first().state, QLatin1String(CaseState::completed));
        QCOMPARE(recent.first().subCode, QStringLiteral("200"));
        QCOMPARE(recent.first().passed, std::optional<bool>(true));
        QCOMPARE(recent.first().attempts, 1);

        // The plaintext is nowhere in the stored rows.
        QSqlQuery q(fx.raw());
        QVERIFY(q.exec(QStringLiteral("SELECT payload FROM events")));
        while (q.next()) {
            QVERIFY(!q.value(0).toString().contains(p.name));
            QVERIFY(!q.value(0).toString().contains(p.idNumber));
            QVERIFY(!q.value(0).toString().contains(QStringLiteral("never-stored")));
        }
        QVERIFY(q.exec(QStringLiteral("SELECT name_enc, id_enc, name_masked, id_masked, id_index FROM cases")));
        QVERIFY(q.next());
        for (int i = 0; i < 5; ++i) {
            QVERIFY(!q.value(i).toByteArray().contains(p.name.toUtf8()));
            QVERIFY(!q.value(i).toByteArray().contains(p.idNumber.toUtf8()));
        }
        q.finish();
        store.reset();
        if (backend == QLatin1String("sqlite")) {
            QFile file(fx.location());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY(!bytes.contains(p.idNumber.toUtf8()));
            QVERIFY(!bytes.contains(p.name.toUtf8()));
        }
    }

    void verifyOk_data() { StoreFixture::addBackendRows(); }
    void verifyOk()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        ChainReport empty = store->verifyChain();
        QVERIFY(empty.ok);
        QCOMPARE(empty.count, 0);
        QCOMPARE(empty.headHash, CanonicalEvent::genesisHash());
        for (int i = 0; i < 5; ++i) {
            const QString caseId = store->createCase(StoreFixture::actor(), record(person(100 + i))).valueOr(QString());
            QVERIFY(!caseId.isEmpty());
            clock.advance(10);
            QVERIFY(store->record(StoreFixture::actor(), caseId, Events::AttemptSent()).valueOr(0) > 0);
        }
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.count, 10);
        QCOMPARE(report.headSeq, 10);
        QCOMPARE(report.headHash, store->head().valueOr({}).hash);
        QCOMPARE(report.firstBrokenSeq, 0);
    }

    // New case ids carry their creation time first (CaseId): cases made later sort after earlier ones, on the store's
    // clock, so the indexes on case_id take them at their end.
    void caseIdsFollowTheClock_data() { StoreFixture::addBackendRows(); }
    void caseIdsFollowTheClock()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        QStringList ids;
        for (int i = 0; i < 5; ++i) {
            ids.append(store->createCase(StoreFixture::actor(), record(person(100 + i))).valueOr(QString()));
            QVERIFY(!ids.last().isEmpty());
            clock.advance(1);
        }
        const QString firstTime = QString(ids.first()).remove(u'-').left(12);
        QCOMPARE(firstTime.toLongLong(nullptr, 16), clock.nowUtc().addMSecs(-5).toMSecsSinceEpoch());
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(sorted, ids);
    }

    void appendOnlyGuard_data() { StoreFixture::addBackendRows(); }
    void appendOnlyGuard()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        QVERIFY(store->record(StoreFixture::actor(), QString(), Events::SettingsChanged()).valueOr(0) > 0);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("append-only")));
        QVERIFY(!fx.execRaw(QStringLiteral("UPDATE events SET actor = 'mallory'")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("append-only")));
        QVERIFY(!fx.execRaw(QStringLiteral("DELETE FROM events")));
        QVERIFY(store->verifyChain().ok);
    }

    void unknownCaseRefused_data() { StoreFixture::addBackendRows(); }
    void unknownCaseRefused()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const Result<qint64> orphan =
            store->record(StoreFixture::actor(), QStringLiteral("no-such-case"), Events::AttemptSent());
        QCOMPARE(orphan.error(), ErrorCode::NotFound);
        QVERIFY(!orphan.message().isEmpty());
        QCOMPARE(store->record(Actor(), QString(), Events::SettingsChanged()).error(),
            ErrorCode::InvalidArgument); // nobody to record
        QVERIFY(!store
                     ->completeCase(StoreFixture::actor(),
                         QStringLiteral("no-such-case"),
                         StoreFixture::completion(QLatin1String(CaseState::completed), true, QStringLiteral("200")))
                     .ok());
        QCOMPARE(store->head().valueOr({}).seq, 0);
    }

    void revealNeedsReasonAndIsLogged_data() { StoreFixture::addBackendRows(); }
    void revealNeedsReasonAndIsLogged()
    {
        STORE_FIXTURE_OPEN(fx, store, nullptr);
        const FictitiousPerson p = person(11);
        const QString caseId = store->createCase(StoreFixture::actor(), record(p)).valueOr(QString());
        QVERIFY(!store->revealCase(StoreFixture::actor(), caseId, QStringLiteral("  ")));
        QCOMPARE(store->head().valueOr({}).seq, 1);
        const auto revealed = store->revealCase(StoreFixture::actor(), caseId, QStringLiteral("customer called back"));
        QVERIFY2(revealed, qPrintable(revealed.message()));
        QCOMPARE(revealed->name, p.name);
        QCOMPARE(revealed->idNumber, p.idNumber);
        const QList<AuditEvent> events = store->eventsForCase(StoreFixture::reader(), caseId).valueOr({});
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.last().kind, QLatin1String(EventKind::piiRevealed));
        QCOMPARE(events.last().payloadObject().value(QStringLiteral("reason")).toString(),
            QStringLiteral("customer called back"));

        // A ciphertext moved to another case does not decrypt there (bound by its associated data).
        const QString other = store->createCase(StoreFixture::actor(), record(person(12))).valueOr(QString());
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE cases SET id_enc = (SELECT id_enc FROM cases WHERE case_id = '%1') "
                                          "WHERE case_id = '%2'")
                               .arg(caseId, other)));
        QVERIFY(!store->revealCase(StoreFixture::actor(), other, QStringLiteral("check")));
    }

    // The merchant user ID is sent as its SHA-256, which a phone number's few billion candidates undo in seconds; the
    // chain keeps an HMAC of it under the history's key: not that SHA-256, the same for the same ID, another for
    // another.
    void merchantUserIdIsKeptKeyed()
    {
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, QStringLiteral("sqlite"));
        const std::unique_ptr<AuditStore> store = fx.open();
        QVERIFY(store);
        const auto recordedFor = [&](const QString& userId, int personNumber) {
            CaseRecord r = record(person(personNumber));
            r.payload.insert(QStringLiteral("merchantUserIdHash"), VerificationRequest::desensitiseUserId(userId));
            const QString caseId = store->createCase(StoreFixture::actor(), r).valueOr(QString());
            const QList<AuditEvent> events = store->eventsForCase(StoreFixture::reader(), caseId).valueOr({});
            return events.isEmpty()
                ? QString()
                : events.first().payloadObject().value(QStringLiteral("merchantUserIdHash")).toString();
        };
        const QString phone = QStringLiteral("13800138000");
        const QString kept = recordedFor(phone, 31);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(kept).hasMatch());
        QVERIFY(kept != VerificationRequest::desensitiseUserId(phone));
        QCOMPARE(recordedFor(phone, 32), kept);
        QVERIFY(recordedFor(QStringLiteral("13800138001"), 33) != kept);
        QCOMPARE(recordedFor(QString(), 34), QString()); // none given: none kept
    }

    // A reason often quotes who asked for whom; the chain, which no purge erases, keeps it with the case's name and
    // ID number, and any other ID number, masked.
    void revealReasonIsRecordedMasked_data()
    {
        QTest::addColumn<QString>("reason"); // {name}, {id}: the case's
        QTest::addColumn<QString>("recorded"); // {maskedName}, {maskedId}, {maskedOther}
        QTest::newRow("the case's name and ID number") << "caller {name} {id} asked"
                                                       << "caller {maskedName} {maskedId} asked";
        QTest::newRow("another ID number") << "  for 11010519900307451X  "
                                           << "for {maskedOther}";
        QTest::newRow("nothing to mask") << "customer called back"
                                         << "customer called back";
    }
    void revealReasonIsRecordedMasked()
    {
        QFETCH(QString, reason);
        QFETCH(QString, recorded);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, QStringLiteral("sqlite"));
        const std::unique_ptr<AuditStore> store = fx.open();
        QVERIFY(store);
        const FictitiousPerson p = person(13);
        const QString caseId = store->createCase(StoreFixture::actor(), record(p)).valueOr(QString());
        reason.replace(QStringLiteral("{name}"), p.name).replace(QStringLiteral("{id}"), p.idNumber);
        recorded.replace(QStringLiteral("{maskedName}"), Masking::name(p.name))
            .replace(QStringLiteral("{maskedId}"), Masking::idNumber(p.idNumber))
            .replace(QStringLiteral("{maskedOther}"), Masking::idNumber(QStringLiteral("11010519900307451X")));
        QVERIFY(store->revealCase(StoreFixture::actor(), caseId, reason));
        const QList<AuditEvent> events = store->eventsForCase(StoreFixture::reader(), caseId).valueOr({});
        QCOMPARE(events.last().kind, QLatin1String(EventKind::piiRevealed));
        QCOMPARE(events.last().payloadObject().value(QStringLiteral("reason")).toString(), recorded);
    }

    void purgeKeepsChain_data() { StoreFixture::addBackendRows(); }
    void purgeKeepsChain()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        const FictitiousPerson oldPerson = person(21);
        const QString oldCase = store->createCase(StoreFixture::actor(), record(oldPerson)).valueOr(QString());
        QVERIFY(store
                    ->completeCase(StoreFixture::actor(),
                        oldCase,
                        StoreFixture::completion(QLatin1String(CaseState::completed), false, QStringLiteral("223")))
                    .ok());
        clock.advance(qint64(40) * 24 * 3600 * 1000);
        const FictitiousPerson newPerson = person(22);
        const QString newCase = store->createCase(StoreFixture::actor(), record(newPerson)).valueOr(QString());
        const QDateTime cutoff = clock.nowUtc().addDays(-30);

        const Actor supervisor { QStringLiteral("supervisor-b"), QStringLiteral("supervisor"), QStringLiteral("ws-2") };
        QCOMPARE(store->purgeOlderThan(supervisor, cutoff).valueOr(-1), 1);
        const ChainReport report = store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.count, 5); // and the purge's signed checkpoint

        const CaseSummary purged = *store->caseSummary(StoreFixture::reader(), oldCase);
        QVERIFY(purged.purged);
        QVERIFY(purged.nameMasked.isEmpty());
        QVERIFY(purged.idMasked.isEmpty());
        QCOMPARE(purged.subCode, QStringLiteral("223")); // metadata kept
        QCOMPARE(purged.createdAt, clock.nowUtc().addDays(-40));
        QVERIFY(!store->revealCase(StoreFixture::actor(), oldCase, QStringLiteral("audit")));
        QVERIFY(store->findByIdNumber(StoreFixture::reader(), oldPerson.idNumber).valueOr({}).isEmpty());
        QVERIFY(!store->caseSummary(StoreFixture::reader(), newCase)->purged);
        QCOMPARE(store->findByIdNumber(StoreFixture::reader(), newPerson.idNumber).valueOr({}).size(), 1);

        QSqlQuery q(fx.raw());
        QVERIFY(q.exec(QStringLiteral("SELECT name_enc, id_enc FROM cases WHERE purged_at IS NOT NULL")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).isNull());
        QVERIFY(q.value(1).isNull());
        QVERIFY(q.exec(QStringLiteral("SELECT actor, payload FROM events WHERE kind = 'retention_purge'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("supervisor-b"));
        QVERIFY(q.value(1).toString().contains(QStringLiteral("\"cases\":1")));
        QVERIFY(q.value(1).toString().contains(QStringLiteral("\"actorRole\":\"supervisor\"")));
        q.finish();
        // A second purge finds nothing more but is still recorded.
        QCOMPARE(store->purgeOlderThan(StoreFixture::reader(), cutoff).valueOr(-1), 0);
        QCOMPARE(store->verifyChain().count, 7); // each purge with its checkpoint
    }

    void wrongPassphrase_data() { StoreFixture::addBackendRows(); }
    void wrongPassphrase()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        QByteArray head;
        {
            auto store = fx.open();
            QVERIFY(store);
            QVERIFY(!store->createCase(StoreFixture::actor(), record(person(31))).valueOr(QString()).isEmpty());
            head = store->head().valueOr({}).hash;
        }
        KeyVault::Options wrong;
        wrong.passphrase = QStringLiteral("not the passphrase");
        const auto refused = AuditStore::open(fx.location(), wrong);
        QCOMPARE(refused.error(), ErrorCode::WrongPassphrase);
        QVERIFY2(refused.message().contains(QStringLiteral("passphrase"), Qt::CaseInsensitive),
            qPrintable(refused.message()));
        KeyVault::Options none;
        const auto withoutPassphrase = AuditStore::open(fx.location(), none);
        QVERIFY(!withoutPassphrase);
        QVERIFY(!withoutPassphrase.message().isEmpty());
        auto store = fx.open();
        QVERIFY(store);
        QCOMPARE(store->head().valueOr({}).hash, head);
        QCOMPARE(store->verifyChain().count, 1);
        QCOMPARE(store
                     ->revealCase(StoreFixture::actor(),
                         store->recentCases(StoreFixture::reader(), 1).value().first().caseId,
                         QStringLiteral("check"))
                     ->idNumber,
            person(31).idNumber);
    }

    void newHistoryWithoutPassphraseLeavesNothing()
    {
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, QStringLiteral("sqlite"));
        const auto refused = AuditStore::open(fx.location(), KeyVault::Options());
        QVERIFY(!refused);
        QVERIFY(!refused.message().isEmpty());
        QVERIFY(!QFile::exists(fx.location()));
    }

    void pendingAfterCrash_data() { StoreFixture::addBackendRows(); }
    void pendingAfterCrash()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        QString caseId;
        {
            auto store = fx.open();
            QVERIFY(store);
            caseId = store->createCase(StoreFixture::actor(), record(person(41))).valueOr(QString());
            QVERIFY(store->record(StoreFixture::actor(), caseId, Events::AttemptSent()).valueOr(0) > 0);
            // The process dies here: no response, no completion.
        }
        auto store = fx.open();
        QVERIFY(store);
        const CaseSummary c = *store->caseSummary(StoreFixture::reader(), caseId);
        QCOMPARE(c.state, QLatin1String(CaseState::pending));
        QCOMPARE(c.displayState(), QStringLiteral("pending — retry"));
        QCOMPARE(c.attempts, 1);
        QVERIFY(!c.passed.has_value());
        QVERIFY(store->verifyChain().ok);
    }

    void blindIndexSearch_data() { StoreFixture::addBackendRows(); }
    void blindIndexSearch()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        const QString withX = FictitiousPeople::makeIdNumber(QStringLiteral("110105"), QDate(1990, 3, 7), 1);
        QString id = withX;
        for (int order = 2; !id.endsWith(u'X') && order < 60; ++order)
            id = FictitiousPeople::makeIdNumber(QStringLiteral("110105"), QDate(1990, 3, 7), order);
        FictitiousPerson a = person(51);
        a.idNumber = id;
        const QString first = store->createCase(StoreFixture::actor(), record(a)).valueOr(QString());
        clock.advance(1000);
        const QString second = store->createCase(StoreFixture::actor(), record(a)).valueOr(QString());
        store->createCase(StoreFixture::actor(), record(person(52))).valueOr(QString());
        const QString spaced =
            id.left(6) + QStringLiteral(" ") + id.mid(6, 8) + QStringLiteral(" ") + id.mid(14).toLower();
        const QList<CaseSummary> found = store->findByIdNumber(StoreFixture::reader(), spaced).valueOr({});
        QCOMPARE(found.size(), 2);
        QCOMPARE(found.at(0).caseId, second);
        QCOMPARE(found.at(1).caseId, first);
        QVERIFY(store->findByIdNumber(StoreFixture::reader(), person(53).idNumber).valueOr({}).isEmpty());
        HistoryQuery query;
        query.idNumber = id;
        QCOMPARE(store->queryCases(StoreFixture::reader(), query, {}, 10).valueOr({}).rows.size(), 2);
    }

    void keysetPagingAndFilters_data() { StoreFixture::addBackendRows(); }
    void keysetPagingAndFilters()
    {
        FakeClock clock;
        STORE_FIXTURE_OPEN(fx, store, &clock);
        QVERIFY(store->beginBatch());
        for (int i = 0; i < 25; ++i) {
            CaseRecord r = record(person(200 + i));
            r.sceneCode = i % 5 == 0 ? QStringLiteral("branch") : QStringLiteral("desk");
            const QString caseId = store->createCase(StoreFixture::actor(), r).valueOr(QString());
            QVERIFY(!caseId.isEmpty());
            if (i % 3 != 0)
                QVERIFY(store
                            ->completeCase(StoreFixture::actor(),
                                caseId,
                                StoreFixture::completion(QLatin1String(CaseState::completed),
                                    i % 3 == 1,
                                    i % 3 == 1 ? QStringLiteral("200") : QStringLiteral("223")))
                            .ok());
            if (i % 2 == 0)
                clock.advance(1000); // pairs share a time stamp: the case id breaks the tie
        }
        QVERIFY(store->commitBatch());

        QStringList seen;
        HistoryCursor cursor;
        QList<int> sizes;
        for (;;) {
            const HistoryPage page = store->queryCases(StoreFixture::reader(), {}, cursor, 10).valueOr({});
            sizes << static_cast<int>(page.rows.size());
            for (const CaseSummary& c : page.rows)
                seen << c.caseId;
            if (page.atEnd)
                break;
            cursor = page.next;
        }
        QCOMPARE(sizes, (QList<int> { 10, 10, 5 }));
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 25);
        QList<CaseSummary> all = store->recentCases(StoreFixture::reader(), 100).value();
        QStringList expected;
        for (const CaseSummary& c : all)
            expected << c.caseId;
        QCOMPARE(seen, expected);

        HistoryQuery pending;
        pending.state = QLatin1String(CaseState::pending);
        QCOMPARE(store->queryCases(StoreFixture::reader(), pending, {}, 100).valueOr({}).rows.size(), 9);
        HistoryQuery notPassed;
        notPassed.subCode = QStringLiteral("223");
        notPassed.passed = false;
        QCOMPARE(store->queryCases(StoreFixture::reader(), notPassed, {}, 100).valueOr({}).rows.size(), 8);
        HistoryQuery branch;
        branch.sceneCode = QStringLiteral("branch");
        branch.actor = QStringLiteral("reviewer-a");
        QCOMPARE(store->queryCases(StoreFixture::reader(), branch, {}, 100).valueOr({}).rows.size(), 5);
        HistoryQuery window;
        window.from = clock.nowUtc().addSecs(-5);
        window.to = clock.nowUtc().addSecs(-2);
        QCOMPARE(store->queryCases(StoreFixture::reader(), window, {}, 100).valueOr({}).rows.size(), 6);
    }

    void concurrentWritersDoNotFork_data() { StoreFixture::addBackendRows(); }
    void concurrentWritersDoNotFork()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        auto a = fx.open();
        auto b = fx.open();
        QVERIFY(a && b);
        const Actor other { QStringLiteral("reviewer-b"), QStringLiteral("reviewer"), QStringLiteral("ws-test") };
        for (int i = 0; i < 20; ++i) {
            AuditStore* s = i % 3 == 0 ? b.get() : a.get();
            QCOMPARE(s->record(i % 3 == 0 ? other : StoreFixture::actor(),
                          QString(),
                          Events::SettingsChanged { { QString::number(i) }, {} })
                         .valueOr(0),
                i + 1);
        }
        const ChainReport report = a->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.count, 20);
        QCOMPARE(b->head().valueOr({}).hash, a->head().valueOr({}).hash);
    }

    void sameHeadOnBothBackends()
    {
        StoreFixture lite;
        STORE_FIXTURE_PREPARE(lite, QStringLiteral("sqlite"));
        StoreFixture pg;
        STORE_FIXTURE_PREPARE(pg, QStringLiteral("postgresql"));
        QByteArray heads[2];
        StoreFixture* fixtures[2] = { &lite, &pg };
        for (int i = 0; i < 2; ++i) {
            FakeClock clock;
            auto store = fixtures[i]->open(&clock);
            QVERIFY(store);
            for (int n = 0; n < 12; ++n) {
                QJsonObject payload { { QStringLiteral("changed"), QJsonArray { QStringLiteral("rate") } },
                    { QStringLiteral("n"), n },
                    { QStringLiteral("text"), QStringLiteral("测试 · \"quoted\" \\ ü") },
                    { QStringLiteral("nested"),
                        QJsonObject { { QStringLiteral("z"), 1.5 },
                            { QStringLiteral("a"), QJsonArray { 1, QStringLiteral("x"), true } } } } };
                QVERIFY(store
                            ->record(StoreFixture::actor(),
                                QString(),
                                StoreFixture::event(QLatin1String(EventKind::settingsChanged), payload))
                            .valueOr(0)
                    > 0);
                clock.advance(7);
            }
            QVERIFY(store->verifyChain().ok);
            heads[i] = store->head().valueOr({}).hash;
        }
        QCOMPARE(heads[0], heads[1]);
    }
};

QTEST_GUILESS_MAIN(TestAuditStore)
#include "TestAuditStore.moc"
