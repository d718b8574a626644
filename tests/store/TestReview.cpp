#include "domain/Masking.h"
#include "history/AuditStore.h"
#include "history/CanonicalEvent.h"
#include "history/ReviewFlow.h"

#include "FakeClock.h"
#include "StoreFixture.h"
#include "TeamHistory.h"

#include <QSqlQuery>
#include <QTest>

#include <map>
#include <vector>

// The manual-review state machine through the history, on both backends: each scripted flow is a list of steps
// "who action[:argument] => expected", where expected is the review state after the step or the refusal
// (denied = PermissionDenied, recorded as access_refused; conflict; invalid). After every flow the chain verifies.
class TestReview : public QObject
{
    Q_OBJECT

    struct World
    {
        StoreFixture fx;
        FakeClock clock;
        std::unique_ptr<AuditStore> store;
        std::map<QString, Actor> actors;
        int cases = 0;
    };
    std::map<QString, std::unique_ptr<World>> m_worlds;

    // The backend's world, made once. nullptr when it cannot be: *skip says why when the backend is not available
    // here (the row is skipped), else the history or its team could not be made (the row fails). A world that could
    // not be made is not kept: the next row tries again.
    World* world(const QString& backend, QString* skip)
    {
        auto& w = m_worlds[backend];
        if (w)
            return w.get();
        auto made = std::make_unique<World>();
        skip->clear();
        if (!made->fx.prepare(backend, skip))
            return nullptr;
        made->store = made->fx.open(&made->clock);
        std::optional<TeamHistory> team = made->store ? TeamHistory::build(*made->store, 0) : std::nullopt;
        if (!team)
            return nullptr;
        made->actors = team->actors;
        w = std::move(made);
        return w.get();
    }

    // w: the history of fx on clock, with its team (TeamHistory) and no cases yet.
    static bool withTeam(StoreFixture& fx, FakeClock& clock, World& w)
    {
        w.store = fx.open(&clock);
        const std::optional<TeamHistory> team = w.store ? TeamHistory::build(*w.store, 0) : std::nullopt;
        if (team)
            w.actors = team->actors;
        return team.has_value();
    }

    // A case of "reviewer", answered with subCode (or left pending).
    static QString answeredCase(World& w, const QString& subCode)
    {
        const Actor& owner = w.actors.at(QStringLiteral("reviewer"));
        const Result<QString> id = w.store->createCase(owner, TeamHistory::record(++w.cases));
        if (!id || subCode == QLatin1String("pending"))
            return id.valueOr(QString());
        const Result<void> done = w.store->completeCase(
            owner, *id, StoreFixture::completion(QLatin1String(CaseState::completed), false, subCode));
        return done ? *id : QString();
    }

    // The kinds of a case's events, read as the supervisor of the team.
    static QStringList kindsOf(World& w, const QString& caseId)
    {
        QStringList kinds;
        const Result<QList<AuditEvent>> events =
            w.store->eventsForCase(w.actors.at(QStringLiteral("supervisor")), caseId);
        for (const AuditEvent& e : events.valueOr({}))
            kinds << e.kind;
        return kinds;
    }

    static int countKind(World& w, const QString& caseId, const char* kind)
    {
        return int(kindsOf(w, caseId).count(QLatin1String(kind)));
    }

    static ReviewRequest request(const QString& caseId, const QString& step)
    {
        // "propose:approve", "propose:approve:bogus_code", "reassign:other", "propose:reject!nonote"
        QString text = step;
        const bool noNote = text.endsWith(QLatin1String("!nonote"));
        text.remove(QLatin1String("!nonote"));
        const QStringList parts = text.split(QLatin1Char(':'));
        ReviewRequest r;
        r.caseId = caseId;
        r.action = parts.value(0);
        r.note = noNote ? QString() : QStringLiteral("note for %1").arg(r.action);
        if (r.action == QLatin1String(ReviewAction::propose)) {
            r.decision = parts.value(1);
            r.reasonCode = parts.value(2, QStringLiteral("document_seen_data_correct"));
        } else if (r.action == QLatin1String(ReviewAction::reassign)) {
            r.assignee = parts.value(1);
        } else if (r.action == QLatin1String(ReviewAction::reference)) {
            r.fileName = QStringLiteral("card-front.jpg");
            r.sha256 = QString(64, QLatin1Char('a'));
            r.fileSize = 1234;
        }
        return r;
    }

    // Steps that are not review actions: a new attempt on the case, a re-verification, a policy change.
    static bool runCaseChange(World& w, const QString& caseId, const QString& who, const QString& action)
    {
        const Actor& actor = w.actors.at(who);
        if (action == QLatin1String("attempt"))
            return bool(w.store->record(
                actor, caseId, StoreFixture::event(EventKind::attemptSent, { { QStringLiteral("attempt"), 2 } })));
        const Result<QString> again = w.store->createCase(actor, TeamHistory::record(++w.cases));
        return again && w.store->record(actor, caseId, Events::ReverifyLink { *again, {} });
    }

    static ErrorCode codeOf(const QString& expected)
    {
        if (expected == QLatin1String("denied"))
            return ErrorCode::PermissionDenied;
        if (expected == QLatin1String("conflict"))
            return ErrorCode::Conflict;
        if (expected == QLatin1String("invalid"))
            return ErrorCode::InvalidArgument;
        return ErrorCode::None;
    }

    void runStep(World& w, const QString& caseId, const QString& line)
    {
        const QStringList sides = line.split(QStringLiteral("=>"));
        const QStringList left = sides.value(0).simplified().split(QLatin1Char(' '));
        const QString who = left.value(0);
        const QString step = left.value(1);
        const QString expected = sides.value(1).trimmed();
        AuditStore& s = *w.store;
        w.clock.advance(7); // every event at its own time: a case record left behind by one is seen by the verifier
        if (step == QLatin1String("attempt") || step == QLatin1String("reverify")) {
            QVERIFY2(runCaseChange(w, caseId, who, step), qPrintable(line));
        } else {
            const int refusedBefore = countKind(w, caseId, EventKind::accessRefused);
            const int eventsBefore = int(kindsOf(w, caseId).size());
            const Result<ReviewRow> done = s.review(w.actors.at(who), request(caseId, step));
            const ErrorCode want = codeOf(expected);
            if (want == ErrorCode::None) {
                QVERIFY2(done, qPrintable(line + QStringLiteral(": ") + done.message()));
                QCOMPARE(done->state, expected);
            } else {
                QVERIFY2(!done, qPrintable(line));
                QCOMPARE(int(done.error()), int(want));
                QVERIFY2(!done.message().isEmpty(), qPrintable(line));
                const int refusals = want == ErrorCode::PermissionDenied ? 1 : 0;
                QCOMPARE(countKind(w, caseId, EventKind::accessRefused), refusedBefore + refusals);
                QCOMPARE(int(kindsOf(w, caseId).size()), eventsBefore + refusals);
                return;
            }
        }
        if (codeOf(expected) == ErrorCode::None) {
            const Result<ReviewItem> item = s.reviewItem(w.actors.at(QStringLiteral("supervisor")), caseId);
            QVERIFY2(item, qPrintable(item.message()));
            QCOMPARE(item->review.state, expected);
        }
    }

private slots:
    void flows_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("fourEyes");
        QTest::addColumn<QString>("subCode");
        QTest::addColumn<QStringList>("steps");
        const QList<std::tuple<const char*, bool, const char*, std::vector<const char*>>> flows = {
            { "four-eyes: proposed by one, approved by another",
                true,
                "202",
                { "reviewer open => open",
                    "other claim => in_review",
                    "other propose:approve => proposed",
                    "other approve => denied",
                    "reviewer approve => approved",
                    "other note => conflict",
                    "other propose:reject => conflict",
                    "reviewer reopen => denied",
                    "supervisor reopen => reopened",
                    "other claim => in_review" } },
            { "four-eyes: a supervisor cannot approve their own proposal",
                true,
                "223",
                { "supervisor open => open",
                    "supervisor claim => in_review",
                    "supervisor propose:reject => proposed",
                    "supervisor approve => denied",
                    "other approve => rejected" } },
            { "approving with nothing pending is refused",
                true,
                "202",
                { "reviewer open => open",
                    "supervisor approve => conflict",
                    "reviewer claim => in_review",
                    "supervisor approve => conflict" } },
            { "a new reference withdraws the proposal",
                true,
                "223",
                { "reviewer open => open",
                    "reviewer claim => in_review",
                    "reviewer propose:approve => proposed",
                    "reviewer reference => in_review",
                    "other approve => conflict",
                    "reviewer propose:approve => proposed",
                    "other approve => approved" } },
            { "a new attempt withdraws the proposal",
                true,
                "223",
                { "reviewer open => open",
                    "reviewer claim => in_review",
                    "reviewer propose:reject => proposed",
                    "reviewer attempt => in_review",
                    "other approve => conflict" } },
            { "a re-verification withdraws the proposal",
                true,
                "223",
                { "reviewer open => open",
                    "reviewer claim => in_review",
                    "reviewer propose:approve => proposed",
                    "reviewer reverify => in_review",
                    "supervisor approve => conflict" } },
            { "the second person may decline, the author may withdraw",
                true,
                "202",
                { "reviewer open => open",
                    "other claim => in_review",
                    "other propose:approve => proposed",
                    "reviewer decline!nonote => invalid",
                    "reviewer decline => in_review",
                    "other propose:reject => proposed",
                    "reviewer withdraw => denied",
                    "other withdraw => in_review" } },
            { "escalated cases are for supervisors",
                true,
                "223",
                { "reviewer open => open",
                    "reviewer claim => in_review",
                    "reviewer propose:escalate => escalated",
                    "other claim => denied",
                    "reviewer propose:approve => conflict",
                    "supervisor claim => in_review",
                    "supervisor propose:approve => proposed",
                    "other approve => denied",
                    "supervisor withdraw => in_review",
                    "supervisor release => escalated" } },
            { "without four-eyes a decision closes the case",
                false,
                "223",
                { "reviewer open => open",
                    "reviewer claim => in_review",
                    "reviewer propose:reject => rejected",
                    "reviewer claim => conflict",
                    "reviewer note => conflict",
                    "supervisor reopen => reopened",
                    "other claim => in_review",
                    "other propose:approve => approved" } },
            { "claims, releases and reassignment",
                true,
                "202",
                { "reviewer open => open",
                    "other claim => in_review",
                    "reviewer claim => conflict",
                    "reviewer release => denied",
                    "reviewer propose:approve => denied",
                    "other reassign:reviewer => denied",
                    "supervisor reassign:auditor => invalid",
                    "supervisor reassign:disabled => invalid",
                    "supervisor reassign:reviewer => in_review",
                    "reviewer release => open",
                    "reviewer claim => in_review" } },
            { "who may send a case to review",
                true,
                "202",
                { "other open => denied",
                    "auditor open => denied",
                    "disabled open => denied",
                    "locked open => denied",
                    "reviewer open => open",
                    "reviewer open => conflict",
                    "auditor claim => denied",
                    "other note => denied" } },
            { "a decision needs a reason in force and a note",
                true,
                "223",
                { "reviewer open => open",
                    "reviewer claim => in_review",
                    "reviewer propose:approve:no_such_code => invalid",
                    "reviewer propose:approve!nonote => invalid",
                    "reviewer propose:maybe => invalid",
                    "reviewer propose:approve => proposed" } },
            { "a case without an answer cannot be sent", true, "pending", { "reviewer open => conflict" } },
            { "a reopened escalated case stays with the supervisors",
                false,
                "223",
                { "reviewer open => open",
                    "reviewer claim => in_review",
                    "reviewer propose:escalate:needs_supervisor => escalated",
                    "supervisor claim => in_review",
                    "supervisor propose:reject => rejected",
                    "supervisor reopen => reopened",
                    "other claim => denied",
                    "supervisor claim => in_review",
                    "supervisor release => escalated" } },
            { "an escalation needs a reason code in force too",
                true,
                "202",
                { "reviewer open => open",
                    "reviewer claim => in_review",
                    "reviewer propose:escalate:ZhangSan-110101199003077777 => invalid",
                    "reviewer propose:escalate:needs_supervisor => escalated",
                    "reviewer propose:approve => conflict",
                    "reviewer release => conflict" } },
            { "people not on the case add no notes, and a refusal is the flow's last word",
                true,
                "202",
                { "reviewer open => open",
                    "other claim => in_review",
                    "supervisor note => in_review",
                    "auditor note => denied",
                    "other reassign:other => denied",
                    "supervisor reassign:other => in_review",
                    "other reference => in_review",
                    "auditor approve => denied" } },
            { "nothing happens before a case is sent",
                true,
                "202",
                { "reviewer claim => conflict", "supervisor reopen => conflict" } },
        };
        for (const QString& backend : StoreFixture::backends()) {
            for (const auto& [name, fourEyes, subCode, steps] : flows) {
                QStringList lines;
                for (const char* step : steps)
                    lines << QLatin1String(step);
                QTest::addRow("%s: %s", qPrintable(backend), name)
                    << backend << fourEyes << QString::fromLatin1(subCode) << lines;
            }
        }
    }

    void flows()
    {
        QFETCH(QString, backend);
        QFETCH(bool, fourEyes);
        QFETCH(QString, subCode);
        QFETCH(QStringList, steps);
        QString skip;
        World* w = world(backend, &skip);
        if (!w && !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(w, "the history or its team could not be made");
        const Actor& boss = w->actors.at(QStringLiteral("supervisor"));
        QVERIFY(w->store->setReviewPolicy(boss, ReviewPolicy { fourEyes, 24 }));
        const QString caseId = answeredCase(*w, subCode);
        QVERIFY(!caseId.isEmpty());
        for (const QString& step : steps) {
            runStep(*w, caseId, step);
            if (QTest::currentTestFailed())
                return;
        }
        const ChainReport report = w->store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
    }

    // Notes and file names stay out of the chain: encrypted beside it, readable through the store, masked.
    void notesAreSealed_data() { StoreFixture::addBackendRows(); }
    void notesAreSealed()
    {
        QFETCH(QString, backend);
        QString skip;
        World* w = world(backend, &skip);
        if (!w && !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(w, "the history or its team could not be made");
        const QString caseId = answeredCase(*w, QStringLiteral("202"));
        ReviewRequest open = request(caseId, QStringLiteral("open"));
        open.note = QStringLiteral("Called Zhang San: card renewed last week");
        QVERIFY(w->store->review(w->actors.at(QStringLiteral("reviewer")), open));
        ReviewRequest ref = request(caseId, QStringLiteral("reference"));
        ref.fileName = QStringLiteral("zhang-san-card.jpg");
        ref.note.clear();
        QVERIFY(w->store->review(w->actors.at(QStringLiteral("reviewer")), ref));

        QSqlQuery q(w->fx.raw());
        QVERIFY(q.exec(QStringLiteral("SELECT payload FROM events")));
        while (q.next()) {
            const QString payload = q.value(0).toString();
            QVERIFY2(!payload.contains(QLatin1String("Zhang")) && !payload.contains(QLatin1String("zhang")),
                qPrintable(payload));
        }
        const Result<QList<ReviewText>> texts =
            w->store->reviewTexts(w->actors.at(QStringLiteral("other")), caseId); // a queued case: readable
        QVERIFY2(texts, qPrintable(texts.message()));
        QStringList plain;
        for (const ReviewText& t : *texts)
            plain << t.text;
        plain.sort();
        QCOMPARE(plain, QStringList({ open.note, ref.fileName }));
        QCOMPARE(w->store->reviewTexts(w->actors.at(QStringLiteral("auditor")), caseId).error(), ErrorCode::None);

        // A note or file name that quotes the person is read back with the case's own name and ID number masked (its
        // X in either case), as they are everywhere; another number in it is as it was typed.
        const CaseRecord person = TeamHistory::record(w->cases);
        const QString other = QStringLiteral("310104198511202043");
        ReviewRequest quoting = request(caseId, QStringLiteral("reference"));
        quoting.note = QStringLiteral("Called %1 on %2 (%3); her mother's is %4")
                           .arg(person.name, person.idNumber, person.idNumber.toLower(), other);
        quoting.fileName = person.name + QStringLiteral("-card.jpg");
        QVERIFY(w->store->review(w->actors.at(QStringLiteral("reviewer")), quoting));
        const auto readBack = [&] {
            QStringList read;
            const Result<QList<ReviewText>> texts =
                w->store->reviewTexts(w->actors.at(QStringLiteral("supervisor")), caseId);
            for (const ReviewText& t : texts.valueOr({}))
                read << t.text;
            return read;
        };
        QStringList read = readBack();
        QCOMPARE(read.size(), 4);
        const QString maskedId = Masking::idNumber(person.idNumber);
        QVERIFY2(read.contains(QStringLiteral("Called %1 on %2 (%2); her mother's is %3")
                                   .arg(Masking::name(person.name), maskedId, other)),
            qPrintable(read.join(u'|')));
        QVERIFY(read.contains(Masking::name(person.name) + QStringLiteral("-card.jpg")));
        QVERIFY(read.contains(open.note));

        // A case record that cannot be read to mask against (here its name and ID number swapped, so that neither
        // decrypts): its notes are withheld, and the rest of the timeline is read as it is. Swapped back after.
        const QString swap =
            QStringLiteral("UPDATE cases SET name_enc = id_enc, id_enc = name_enc WHERE case_id = '%1'").arg(caseId);
        QVERIFY(w->fx.execRaw(swap));
        read = readBack();
        QVERIFY(w->fx.execRaw(swap));
        QCOMPARE(read.size(), 4);
        for (const QString& text : std::as_const(read))
            QVERIFY2(text.startsWith(QLatin1String("(not shown")), qPrintable(text));
        QVERIFY2(w->store->verifyChain().ok, qPrintable(w->store->verifyChain().reason));
    }

    // The reviews table is checked against the review_action events: an edit of it is reported by audit verify.
    void editedReviewReported_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("sql");
        for (const QString& backend : StoreFixture::backends()) {
            QTest::addRow("%s: state edited", qPrintable(backend))
                << backend << QStringLiteral("UPDATE reviews SET state = 'approved', active = 0 WHERE case_id = '%1'");
            QTest::addRow("%s: assignee edited", qPrintable(backend))
                << backend << QStringLiteral("UPDATE reviews SET assignee = 'other' WHERE case_id = '%1'");
            QTest::addRow("%s: proposer edited", qPrintable(backend))
                << backend << QStringLiteral("UPDATE reviews SET proposed_by = 'other' WHERE case_id = '%1'");
            QTest::addRow("%s: escalation cleared", qPrintable(backend))
                << backend << QStringLiteral("UPDATE reviews SET escalated = 1 WHERE case_id = '%1'");
            QTest::addRow("%s: decision written in", qPrintable(backend))
                << backend
                << QStringLiteral("UPDATE reviews SET decision = 'approve', approved_by = 'other' "
                                  "WHERE case_id = '%1'");
            QTest::addRow("%s: taken out of the queue", qPrintable(backend))
                << backend << QStringLiteral("UPDATE reviews SET active = 0 WHERE case_id = '%1'");
            QTest::addRow("%s: sender edited", qPrintable(backend))
                << backend << QStringLiteral("UPDATE reviews SET opened_by = 'other' WHERE case_id = '%1'");
            QTest::addRow("%s: sent later", qPrintable(backend))
                << backend
                << QStringLiteral("UPDATE reviews SET opened_at = '2030-01-01T00:00:00.000Z' WHERE case_id = '%1'");
            QTest::addRow("%s: last change moved", qPrintable(backend))
                << backend
                << QStringLiteral("UPDATE reviews SET updated_at = '2020-01-01T00:00:00.000Z' WHERE case_id = '%1'");
            QTest::addRow("%s: decision time written in", qPrintable(backend))
                << backend
                << QStringLiteral("UPDATE reviews SET decided_at = '2026-01-01T00:00:00.000Z' WHERE case_id = '%1'");
            QTest::addRow("%s: reason code written in", qPrintable(backend))
                << backend << QStringLiteral("UPDATE reviews SET decision_reason = 'forged' WHERE case_id = '%1'");
            QTest::addRow("%s: notes emptied", qPrintable(backend))
                << backend << QStringLiteral("UPDATE review_texts SET text_enc = NULL WHERE case_id = '%1'");
            QTest::addRow("%s: notes moved to another case", qPrintable(backend))
                << backend << QStringLiteral("UPDATE review_texts SET case_id = '%2' WHERE case_id = '%1'");
            QTest::addRow("%s: note inserted", qPrintable(backend))
                << backend
                << QStringLiteral("INSERT INTO review_texts (text_id, case_id) VALUES ('forged-note', '%1')");
            QTest::addRow("%s: row inserted", qPrintable(backend))
                << backend
                << QStringLiteral("INSERT INTO reviews (case_id, state, active, opened_by, opened_at, updated_at) "
                                  "VALUES ('%2', 'approved', 0, 'x', '2026-01-01T00:00:00.000Z', "
                                  "'2026-01-01T00:00:00.000Z')");
        }
    }
    void editedReviewReported()
    {
        QFETCH(QString, backend);
        QFETCH(QString, sql);
        QString skip;
        World* w = world(backend, &skip);
        if (!w && !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(w, "the history or its team could not be made");
        const Actor& reviewer = w->actors.at(QStringLiteral("reviewer"));
        const QString reviewed = answeredCase(*w, QStringLiteral("223"));
        const QString other = answeredCase(*w, QStringLiteral("202"));
        QVERIFY(w->store->review(reviewer, request(reviewed, QStringLiteral("open"))));
        QVERIFY(w->store->review(reviewer, request(reviewed, QStringLiteral("claim"))));
        QVERIFY(w->store->verifyChain().ok);
        QVERIFY(w->fx.execRaw(QString(sql).replace(QLatin1String("%1"), reviewed).replace(QLatin1String("%2"), other)));
        const ChainReport report = w->store->verifyChain();
        QVERIFY(!report.ok);
        QVERIFY2(report.reason.contains(QLatin1String("review")), qPrintable(report.reason));
        QVERIFY(report.brokenCaseId == reviewed || report.brokenCaseId == other);
        m_worlds.erase(backend); // the history is tampered with: the next test starts a new one
    }

    // The team's review policy is kept in meta, and its reason codes in review_reasons, beside the chain; their events
    // say what they must be (the defaults before the first). Turning four-eyes off, moving every deadline, rewording
    // a reason or reviving, retiring or adding one in the database is reported.
    void editedTeamRulesReported_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("changedFirst"); // a supervisor set the policy and a reason first (else the defaults)
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("reasonContains");
        for (const QString& backend : StoreFixture::backends()) {
            for (const bool changed : { false, true }) {
                const char* how = changed ? "changed" : "default";
                const auto row = [&](const char* name, const char* sql, const char* reason) {
                    QTest::addRow("%s, %s: %s", qPrintable(backend), how, name)
                        << backend << changed << QString::fromLatin1(sql) << QString::fromLatin1(reason);
                };
                row("four-eyes turned off",
                    "UPDATE meta SET value = '0' WHERE key = 'review_four_eyes'",
                    "review policy");
                row("deadline moved", "UPDATE meta SET value = '720' WHERE key = 'review_sla_hours'", "review policy");
                row("policy removed", "DELETE FROM meta WHERE key = 'review_four_eyes'", "review policy");
                row("reason reworded",
                    "UPDATE review_reasons SET label = 'Approved by the boss' WHERE code = 'suspected_forgery'",
                    "reason code suspected_forgery");
                row("reason retired",
                    "UPDATE review_reasons SET active = 0 WHERE code = 'card_expired'",
                    "reason code card_expired");
                row("reason revived",
                    "UPDATE review_reasons SET active = 1 WHERE code = 'needs_supervisor'",
                    changed ? "reason code needs_supervisor" : "");
                row("reason added",
                    "INSERT INTO review_reasons (code, label, active, position) VALUES ('waved_through', 'OK', 1, 99)",
                    "reason code waved_through");
            }
        }
    }
    void editedTeamRulesReported()
    {
        QFETCH(QString, backend);
        QFETCH(bool, changedFirst);
        QFETCH(QString, sql);
        QFETCH(QString, reasonContains);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        auto store = fx.open(nullptr);
        QVERIFY(store);
        if (changedFirst) {
            QVERIFY(store->setReviewPolicy(StoreFixture::reader(), ReviewPolicy { true, 48 }));
            QVERIFY(store->setReviewReason(StoreFixture::reader(),
                ReviewReason { QStringLiteral("needs_supervisor"), QStringLiteral("Needs a supervisor"), false }));
        }
        QVERIFY2(store->verifyChain().ok, qPrintable(store->verifyChain().reason));
        QVERIFY(fx.execRaw(sql));
        const ChainReport report = store->verifyChain();
        if (reasonContains.isEmpty()) { // reviving a code that is in use anyway changes nothing
            QVERIFY2(report.ok, qPrintable(report.reason));
            return;
        }
        QVERIFY(!report.ok);
        QVERIFY2(report.reason.contains(reasonContains), qPrintable(report.reason));
    }

    // The retention purge erases a case's review notes and file names with its name and ID number; a case in an open
    // review is kept until the review is decided; nothing new is written about a purged case, nor is it reopened.
    void purgeErasesNotes_data() { StoreFixture::addBackendRows(); }
    void purgeErasesNotes()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        World w;
        QVERIFY(withTeam(fx, clock, w));
        const Actor& reviewer = w.actors.at(QStringLiteral("reviewer"));
        const Actor& other = w.actors.at(QStringLiteral("other"));
        const QString old = answeredCase(w, QStringLiteral("223"));
        for (const char* step : { "open", "claim", "reference", "propose:reject" })
            QVERIFY(w.store->review(reviewer, request(old, QLatin1String(step))));
        QVERIFY(w.store->review(other, request(old, QStringLiteral("approve")))); // decided: closed
        const QString inReview = answeredCase(w, QStringLiteral("202"));
        QVERIFY(w.store->review(reviewer, request(inReview, QStringLiteral("open"))));
        const QString neverReviewed = answeredCase(w, QStringLiteral("202"));
        clock.advance(qint64(400) * 24 * 3600 * 1000);
        const QString recent = answeredCase(w, QStringLiteral("202"));
        QVERIFY(w.store->review(reviewer, request(recent, QStringLiteral("open"))));
        const Actor& boss = w.actors.at(QStringLiteral("supervisor"));
        QCOMPARE(w.store->purgeOlderThan(boss, clock.nowUtc().addDays(-30)).valueOr(-1), 2);
        const auto texts = [&](const QString& caseId) {
            QStringList all;
            for (const ReviewText& t : w.store->reviewTexts(boss, caseId).valueOr({}))
                all << t.text;
            return all;
        };
        // Five notes (open, claim, reference, propose, approve) and the file name, all erased.
        QCOMPARE(texts(old), QStringList(6, QString()));
        QCOMPARE(texts(recent), QStringList({ QStringLiteral("note for open") }));
        QCOMPARE(texts(inReview), QStringList({ QStringLiteral("note for open") })); // kept, in review
        QVERIFY(w.store->revealCase(boss, inReview, QStringLiteral("still in review")));

        // Nothing new is written about a purged case (it could not be masked, and would stay for good), and its
        // review is not opened again (it could not be decided: a decision needs a note).
        const auto events = [&fx] {
            QSqlQuery q(fx.raw());
            return q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) && q.next() ? q.value(0).toInt() : -1;
        };
        const int eventsBefore = events();
        QCOMPARE(w.store->review(boss, request(old, QStringLiteral("reopen"))).error(), ErrorCode::InvalidArgument);
        QCOMPARE(
            w.store->review(boss, request(old, QStringLiteral("reopen!nonote"))).error(), ErrorCode::InvalidArgument);
        QVERIFY(!w.store->review(reviewer, request(old, QStringLiteral("note"))));
        QCOMPARE(w.store->review(reviewer, request(neverReviewed, QStringLiteral("open!nonote"))).error(),
            ErrorCode::InvalidArgument);
        QCOMPARE(events(), eventsBefore);
        QCOMPARE(texts(old), QStringList(6, QString()));

        // Once decided, the case in review goes at the next purge.
        QVERIFY(w.store->review(reviewer, request(inReview, QStringLiteral("claim"))));
        QVERIFY(w.store->review(reviewer, request(inReview, QStringLiteral("propose:reject"))));
        QVERIFY(w.store->review(other, request(inReview, QStringLiteral("approve"))));
        QCOMPARE(w.store->purgeOlderThan(boss, clock.nowUtc().addDays(-30)).valueOr(-1), 1);
        QCOMPARE(texts(inReview), QStringList(4, QString()));
        const ChainReport report = w.store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
    }

    // A review left open on a case an older version purged (it did not skip open reviews) can still be decided: its
    // steps take the notes they need; once closed, the case takes nothing more.
    void aReviewOpenWhenItsCaseWasPurgedCanBeDecided_data() { StoreFixture::addBackendRows(); }
    void aReviewOpenWhenItsCaseWasPurgedCanBeDecided()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        World w;
        QVERIFY(withTeam(fx, clock, w));
        const Actor& reviewer = w.actors.at(QStringLiteral("reviewer"));
        const QString caseId = answeredCase(w, QStringLiteral("223"));
        for (const char* step : { "open", "claim" })
            QVERIFY(w.store->review(reviewer, request(caseId, QLatin1String(step))));
        QVERIFY(fx.execRaw(QStringLiteral("UPDATE cases SET name_enc = NULL, id_enc = NULL, name_masked = NULL, "
                                          "id_masked = NULL, id_index = NULL, purged_at = '%1' WHERE case_id = '%2'")
                               .arg(QString::fromLatin1(CanonicalEvent::timestamp(clock.nowUtc())), caseId)));
        QVERIFY(w.store->review(reviewer, request(caseId, QStringLiteral("note"))));
        QVERIFY(w.store->review(reviewer, request(caseId, QStringLiteral("propose:reject"))));
        QVERIFY(w.store->review(w.actors.at(QStringLiteral("other")), request(caseId, QStringLiteral("approve"))));
        QCOMPARE(w.store->review(w.actors.at(QStringLiteral("supervisor")), request(caseId, QStringLiteral("reopen")))
                     .error(),
            ErrorCode::InvalidArgument);
    }

    // The open queue is the team's; a closed review is its people's (opened, worked, proposed, decided, approved or
    // owns the case): another reviewer asking for closed states sees none of it, not even in the counts.
    void aClosedReviewIsItsPeoples_data() { StoreFixture::addBackendRows(); }
    void aClosedReviewIsItsPeoples()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        World w;
        QVERIFY(withTeam(fx, clock, w));
        const Actor& boss = w.actors.at(QStringLiteral("supervisor"));
        QVERIFY(w.store->createAccount(
            boss, QStringLiteral("third"), QLatin1String(Role::reviewer), TeamHistory::password()));
        const Actor third = *w.store->signIn(QStringLiteral("third"), TeamHistory::password(), QStringLiteral("ws"));
        const Actor& other = w.actors.at(QStringLiteral("other"));
        const QString closed = answeredCase(w, QStringLiteral("223")); // the reviewer's case
        QVERIFY(w.store->review(w.actors.at(QStringLiteral("reviewer")), request(closed, QStringLiteral("open"))));
        for (const char* step : { "claim", "propose:reject" })
            QVERIFY(w.store->review(other, request(closed, QLatin1String(step))));
        QVERIFY(w.store->review(boss, request(closed, QStringLiteral("approve"))));
        const QString open = answeredCase(w, QStringLiteral("202"));
        QVERIFY(w.store->review(w.actors.at(QStringLiteral("reviewer")), request(open, QStringLiteral("open"))));
        const QStringList everyState = ReviewState::all();
        const auto seen = [&](const Actor& who) {
            const Result<ReviewQueuePage> page = w.store->reviewQueue(who, { everyState, {}, {}, 200 });
            QStringList ids;
            for (const ReviewItem& item : page.valueOr({}).rows)
                ids << (item.review.caseId == closed ? QStringLiteral("closed") : QStringLiteral("open"));
            ids.sort(); // both opened at the same time: in case id order
            return ids.join(u',') + u'/' + QString::number(page.valueOr({}).total);
        };
        QCOMPARE(seen(third), QStringLiteral("open/1"));
        QCOMPARE(seen(other), QStringLiteral("closed,open/2")); // worked and proposed it
        QCOMPARE(seen(w.actors.at(QStringLiteral("reviewer"))), QStringLiteral("closed,open/2")); // owns it
        QCOMPARE(seen(boss), QStringLiteral("closed,open/2"));
        QCOMPARE(w.store->reviewItem(third, closed).error(), ErrorCode::PermissionDenied); // as the queue says
    }

    // The queue: oldest first, filtered by state, assignee and SubCode; overdue after the SLA on the clock.
    void queue_data() { StoreFixture::addBackendRows(); }
    void queue()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        FakeClock clock;
        auto store = fx.open(&clock);
        QVERIFY(store);
        std::optional<TeamHistory> team = TeamHistory::build(*store, 0);
        QVERIFY(team);
        World w;
        w.store = std::move(store);
        w.actors = team->actors;
        const Actor& reviewer = w.actors.at(QStringLiteral("reviewer"));
        QStringList ids;
        for (const char* subCode : { "202", "223", "202", "200" }) {
            ids << answeredCase(w, QLatin1String(subCode));
            QVERIFY(w.store->review(reviewer, request(ids.last(), QStringLiteral("open"))));
            clock.advance(qint64(10) * 3600 * 1000);
        }
        QVERIFY(w.store->review(w.actors.at(QStringLiteral("other")), request(ids.at(1), QStringLiteral("claim"))));
        const Actor& boss = w.actors.at(QStringLiteral("supervisor"));
        const auto queueOf = [&](ReviewQueueQuery query) {
            const Result<ReviewQueuePage> page = w.store->reviewQueue(boss, query);
            QStringList rows;
            for (const ReviewItem& item : page.valueOr({}).rows)
                rows << QString::number(ids.indexOf(item.review.caseId));
            return rows.join(QLatin1Char(','));
        };
        QCOMPARE(queueOf({}), QStringLiteral("0,1,2,3"));
        QCOMPARE(queueOf({ { QLatin1String(ReviewState::open) }, {}, {}, 200 }), QStringLiteral("0,2,3"));
        QCOMPARE(queueOf({ {}, QStringLiteral("other"), {}, 200 }), QStringLiteral("1"));
        QCOMPARE(queueOf({ {}, QStringLiteral("-"), {}, 200 }), QStringLiteral("0,2,3"));
        QCOMPARE(queueOf({ {}, {}, QStringLiteral("202"), 200 }), QStringLiteral("0,2"));
        QCOMPARE(queueOf({ {}, {}, {}, 2 }), QStringLiteral("0,1"));
        QCOMPARE(w.store->reviewQueue(boss, { { QStringLiteral("bogus") }, {}, {}, 10 }).error(),
            ErrorCode::InvalidArgument);
        // Opened 40, 30, 20 and 10 hours ago: two past the 24-hour SLA.
        const Result<ReviewQueuePage> page = w.store->reviewQueue(reviewer, {});
        QVERIFY(page);
        QCOMPARE(page->total, 4);
        QCOMPARE(page->overdue, 2);
        QVERIFY(page->rows.at(0).overdue(clock.nowUtc(), 24));
        QVERIFY(!page->rows.at(2).overdue(clock.nowUtc(), 24));
        QCOMPARE(page->rows.at(0).nameMasked.isEmpty(), false);
        QVERIFY(w.store->setReviewPolicy(boss, ReviewPolicy { true, 12 }));
        QCOMPARE(w.store->reviewQueue(reviewer, {}).valueOr({}).overdue, 3);
        QCOMPARE(w.store->setReviewPolicy(reviewer, ReviewPolicy { false, 12 }).error(), ErrorCode::PermissionDenied);
        QCOMPARE(w.store->reviewPolicy().valueOr({}).fourEyes, true);
    }

    // The reason codes: the default set, a supervisor adds and retires one, a reviewer may not.
    void reasonCodes_data() { StoreFixture::addBackendRows(); }
    void reasonCodes()
    {
        QFETCH(QString, backend);
        QString skip;
        World* w = world(backend, &skip);
        if (!w && !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(w, "the history or its team could not be made");
        const Result<QList<ReviewReason>> reasons = w->store->reviewReasons();
        QVERIFY(reasons);
        QVERIFY(reasons->size() >= 5);
        QCOMPARE(reasons->first().code, QStringLiteral("document_seen_data_correct"));
        const Actor& boss = w->actors.at(QStringLiteral("supervisor"));
        const Actor& reviewer = w->actors.at(QStringLiteral("reviewer"));
        QCOMPARE(w->store->setReviewReason(reviewer, { QStringLiteral("x"), QStringLiteral("X"), true }).error(),
            ErrorCode::PermissionDenied);
        QCOMPARE(w->store->setReviewReason(boss, { QStringLiteral("Bad Code"), QStringLiteral("X"), true }).error(),
            ErrorCode::InvalidArgument);
        QVERIFY(w->store->setReviewReason(
            boss, { QStringLiteral("police_report"), QStringLiteral("Police report"), true }));
        QVERIFY(
            w->store->setReviewReason(boss, { QStringLiteral("card_expired"), QStringLiteral("Card expired"), false }));
        const QString caseId = answeredCase(*w, QStringLiteral("223"));
        QVERIFY(w->store->review(reviewer, request(caseId, QStringLiteral("open"))));
        QVERIFY(w->store->review(reviewer, request(caseId, QStringLiteral("claim"))));
        QCOMPARE(w->store->review(reviewer, request(caseId, QStringLiteral("propose:reject:card_expired"))).error(),
            ErrorCode::InvalidArgument);
        QVERIFY(w->store->review(reviewer, request(caseId, QStringLiteral("propose:reject:police_report"))));
        const ChainReport report = w->store->verifyChain();
        QVERIFY2(report.ok, qPrintable(report.reason));
    }

    // A reviewer reaches another person's case through the queue: reads it while queued, reveals it only while it
    // is assigned to them.
    void reachThroughQueue_data() { StoreFixture::addBackendRows(); }
    void reachThroughQueue()
    {
        QFETCH(QString, backend);
        QString skip;
        World* w = world(backend, &skip);
        if (!w && !skip.isEmpty())
            QSKIP(qPrintable(skip));
        QVERIFY2(w, "the history or its team could not be made");
        const Actor& other = w->actors.at(QStringLiteral("other"));
        const QString caseId = answeredCase(*w, QStringLiteral("202"));
        QCOMPARE(w->store->caseSummary(other, caseId).error(), ErrorCode::PermissionDenied);
        QVERIFY(w->store->review(w->actors.at(QStringLiteral("reviewer")), request(caseId, QStringLiteral("open"))));
        QVERIFY(w->store->caseSummary(other, caseId));
        QCOMPARE(w->store->revealCase(other, caseId, QStringLiteral("check")).error(), ErrorCode::PermissionDenied);
        QVERIFY(w->store->review(other, request(caseId, QStringLiteral("claim"))));
        QVERIFY(w->store->revealCase(other, caseId, QStringLiteral("check")));
        QVERIFY(w->store->review(other, request(caseId, QStringLiteral("release"))));
        QCOMPARE(w->store->revealCase(other, caseId, QStringLiteral("check")).error(), ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestReview)
#include "TestReview.moc"
