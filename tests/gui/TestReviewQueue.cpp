#include "CaseTimelineDialog.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "ReviewDecisionDialog.h"
#include "ReviewQueuePanel.h"
#include "SendToReviewDialog.h"
#include "StoreFixture.h"
#include "TeamHistory.h"
#include "base/Language.h"
#include "history/AuditStore.h"
#include "session/HistoryWriter.h"
#include "session/ReviewQueueModel.h"
#include "session/Session.h"
#include "session/VerificationService.h"

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

// The review queue with real widgets offscreen on a team's SQLite history: a 202 sent to review with a note and a
// document, claimed and proposed by one account, the proposer's own approval refused by the history, approved by a
// second account; the overdue marker on a fake clock; the timeline with its #seq and a linked case one click away;
// and the training desk's "Practise as", offered only there.
class TestReviewQueue : public MainWindowFixture
{
    Q_OBJECT
public:
    TestReviewQueue()
        : MainWindowFixture({ .history = true })
    {
    }

private:
    std::optional<TeamHistory> m_team;
    int m_cases = 100;

    ReviewQueuePanel* panel() const { return window()->reviewQueuePanel(); }
    Actor actor(const char* account) const { return m_team->actors.at(QLatin1String(account)); }

    bool buildTeam()
    {
        m_team = TeamHistory::build(*history(), 0);
        return m_team.has_value();
    }

    // A case of owner answered 202 (not in the official database).
    QString answered202(const Actor& owner)
    {
        const Result<QString> id = history()->createCase(owner, TeamHistory::record(++m_cases));
        if (!id)
            return QString();
        const Result<void> done = history()->completeCase(
            owner, *id, StoreFixture::completion(QLatin1String(CaseState::completed), false, QStringLiteral("202")));
        return done ? *id : QString();
    }

    static ReviewRequest ask(const QString& caseId, const char* action)
    {
        ReviewRequest r;
        r.caseId = caseId;
        r.action = QLatin1String(action);
        return r;
    }

    QString stateOf(const QString& caseId) const
    {
        Actor reader = Session::trainee();
        if (m_team)
            reader = actor("supervisor");
        return history()->reviewItem(reader, caseId).valueOr({}).review.state;
    }

    // Acts as account from now on and waits for the queue read as them.
    void actAs(const Actor& who)
    {
        service()->setActor(who);
        window()->showReviewQueue();
        reloadQueue();
    }

    void reloadQueue()
    {
        const int before = panel()->model()->loadCount();
        QTest::mouseClick(panel()->findChild<QPushButton*>(QStringLiteral("refreshQueuePushButton")), Qt::LeftButton);
        QTRY_VERIFY(panel()->model()->loadCount() > before && !panel()->model()->isLoading());
    }

    void select(const QString& caseId)
    {
        panel()->showCase(caseId);
        QTRY_COMPARE(panel()->selectedCaseId(), caseId);
    }

    QPushButton* button(const char* name) const { return panel()->findChild<QPushButton*>(QLatin1String(name)); }

    // Clicks an enabled action button and waits for the history's answer.
    void click(const char* name)
    {
        QPushButton* b = button(name);
        QVERIFY(b);
        QVERIFY2(b->isEnabled(), name);
        QSignalSpy finished(panel(), &ReviewQueuePanel::actionFinished);
        QTest::mouseClick(b, Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QTRY_VERIFY(!panel()->model()->isLoading());
    }

    static void choose(QComboBox* combo, const QString& data)
    {
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(data));
        combo->setCurrentIndex(index);
        emit combo->activated(index);
    }

    // Proposes through the decision dialog: OK waits for the note.
    void propose(const QString& decision, const QString& reason, const QString& note)
    {
        QSignalSpy finished(panel(), &ReviewQueuePanel::actionFinished);
        QTest::mouseClick(button("proposePushButton"), Qt::LeftButton);
        auto* dialog = panel()->findChild<ReviewDecisionDialog*>(QStringLiteral("reviewDecisionDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        choose(dialog->findChild<QComboBox*>(QStringLiteral("decisionComboBox")), decision);
        choose(dialog->findChild<QComboBox*>(QStringLiteral("reasonComboBox")), reason);
        QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteTextEdit")), note);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QTRY_VERIFY(!panel()->model()->isLoading());
    }

    // A 202 answered for the team's reviewer, who is now the desk's actor: its case id (empty on failure).
    QString reviewersAnswered202()
    {
        if (!buildTeam())
            return QString();
        const QString caseId = answered202(actor("reviewer"));
        service()->setActor(actor("reviewer"));
        return caseId;
    }

    // A synthetic scan of a fictitious card in dir: its path (empty on failure).
    static QString writeScan(const QTemporaryDir& dir, const QByteArray& content)
    {
        const QString path = dir.filePath(QStringLiteral("card-front.png"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return QString();
        return path;
    }

    // Sends caseId to review through the window's dialog, with a note and one synthetic document; its SHA-256.
    QString sendToReview(const QString& caseId, const QString& note, const QString& documentPath)
    {
        window()->openSendToReview(caseId);
        auto* dialog = window()->findChild<SendToReviewDialog*>(QStringLiteral("sendToReviewDialog"));
        if (!dialog)
            return QString();
        QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteTextEdit")), note);
        dialog->addFiles({ documentPath });
        if (!QTest::qWaitFor([&] { return !dialog->isHashing(); }, 10000) || dialog->references().size() != 1)
            return QString();
        const QString sha = dialog->references().first().sha256;
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        return sha;
    }

    CaseTimelineDialog* openTimeline(const QString& caseId)
    {
        select(caseId);
        QTest::mouseClick(button("timelinePushButton"), Qt::LeftButton);
        CaseTimelineDialog* dialog = nullptr;
        (void)QTest::qWaitFor([&] {
            for (auto* d : panel()->findChildren<CaseTimelineDialog*>()) {
                if (d->caseId() == caseId && d->isLoaded())
                    dialog = d;
            }
            return dialog != nullptr;
        });
        return dialog;
    }

private slots:
    void fourEyesFromSendToApproval();
    void overdueAfterTheSla_data();
    void overdueAfterTheSla();
    void linkedCaseOpensWithOneClick();
    void practiseAsOnlyInTraining();
    void screenshots();
    void keyboardAlone();
};

void TestReviewQueue::fourEyesFromSendToApproval()
{
    const QString caseId = reviewersAnswered202();
    QVERIFY(!caseId.isEmpty());
    const Actor reviewer = actor("reviewer");

    QTemporaryDir dir;
    const QByteArray content("synthetic scan of a fictitious card");
    const QString document = writeScan(dir, content);
    QVERIFY(!document.isEmpty());
    const QString expectedSha =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());

    QCOMPARE(sendToReview(caseId, QStringLiteral("Asked the person to confirm the card"), document), expectedSha);
    QTRY_VERIFY(panel()->isVisible()); // the window switched to the queue
    QTRY_COMPARE(panel()->selectedCaseId(), caseId);
    QCOMPARE(stateOf(caseId), QLatin1String(ReviewState::open));
    QCOMPARE(panel()->counts(), QStringLiteral("1 in the queue, 0 overdue"));

    click("claimPushButton");
    QCOMPARE(stateOf(caseId), QLatin1String(ReviewState::inReview));
    propose(QLatin1String(ReviewDecision::approve),
        QStringLiteral("document_seen_data_correct"),
        QStringLiteral("Card seen, renewed last month"));
    QCOMPARE(stateOf(caseId), QLatin1String(ReviewState::proposed));

    // The proposer's own approval: the button says no, and the history refuses it anyway.
    QVERIFY(!button("approvePushButton")->isEnabled());
    QSignalSpy finished(panel(), &ReviewQueuePanel::actionFinished);
    panel()->approveSelected();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QCOMPARE(
        panel()->message(), QStringLiteral("You proposed this decision; a second person must approve it (four-eyes)."));
    QCOMPARE(stateOf(caseId), QLatin1String(ReviewState::proposed));

    actAs(actor("other"));
    select(caseId);
    click("approvePushButton");
    const ReviewRow row = history()->reviewItem(actor("supervisor"), caseId).valueOr({}).review;
    QCOMPARE(row.state, QLatin1String(ReviewState::approved));
    QCOMPARE(row.decidedBy, reviewer.name);
    QCOMPARE(row.approvedBy, QStringLiteral("other"));
    QCOMPARE(row.decisionReason, QStringLiteral("document_seen_data_correct"));
    QTRY_COMPARE(panel()->counts(), QStringLiteral("0 in the queue, 0 overdue"));

    // The closed case, found with the state filter; its timeline lists the reference and the decision.
    choose(panel()->findChild<QComboBox*>(QStringLiteral("stateComboBox")), QLatin1String(ReviewState::approved));
    CaseTimelineDialog* timeline = openTimeline(caseId);
    QVERIFY(timeline);
    QTreeWidget* tree = timeline->tree();
    bool reference = false;
    bool approved = false;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = tree->topLevelItem(i);
        QCOMPARE(item->text(CaseTimelineDialog::SeqColumn), QStringLiteral("#%1").arg(timeline->entries().at(i).seq));
        reference = reference || item->text(CaseTimelineDialog::TextColumn).contains(expectedSha);
        approved = approved || item->text(CaseTimelineDialog::ActorColumn) == QStringLiteral("other");
    }
    QVERIFY(reference);
    QVERIFY(approved);
}

void TestReviewQueue::overdueAfterTheSla_data()
{
    QTest::addColumn<int>("slaHours");
    QTest::addColumn<int>("hoursLater");
    QTest::addColumn<bool>("overdue");
    QTest::newRow("default SLA, 23 h") << 24 << 23 << false;
    QTest::newRow("default SLA, 25 h") << 24 << 25 << true;
    QTest::newRow("team SLA 2 h, 1 h") << 2 << 1 << false;
    QTest::newRow("team SLA 2 h, 3 h") << 2 << 3 << true;
}

void TestReviewQueue::overdueAfterTheSla()
{
    QFETCH(int, slaHours);
    QFETCH(int, hoursLater);
    QFETCH(bool, overdue);
    QVERIFY(buildTeam());
    const Actor reviewer = actor("reviewer");
    const QString caseId = answered202(reviewer);
    QVERIFY(history()->review(reviewer, ask(caseId, ReviewAction::open)));
    QVERIFY(history()->setReviewPolicy(actor("supervisor"), ReviewPolicy { true, slaHours }));
    const QDateTime openedAt = history()->reviewItem(reviewer, caseId).valueOr({}).review.openedAt;
    FakeClock desk(openedAt);
    panel()->setClock(desk);
    desk.advance(qint64(hoursLater) * 60 * 60 * 1000);
    actAs(reviewer);
    select(caseId);

    const QModelIndex age = panel()->model()->index(0, ReviewQueueModel::AgeColumn);
    QCOMPARE(age.data(ReviewQueueModel::OverdueRole).toBool(), overdue);
    QCOMPARE(age.data().toString().contains(QStringLiteral("overdue")), overdue);
    QCOMPARE(age.data().toString().startsWith(ReviewItem::displayAge(qint64(hoursLater) * 60)), true);
    QCOMPARE(panel()->counts(), QStringLiteral("1 in the queue, %1 overdue").arg(overdue ? 1 : 0));
}

void TestReviewQueue::linkedCaseOpensWithOneClick()
{
    QVERIFY(buildTeam());
    const Actor reviewer = actor("reviewer");
    const QString first = answered202(reviewer);
    const QString again = answered202(reviewer);
    QVERIFY(history()->record(reviewer, first, Events::ReverifyLink { again, {} }));
    QVERIFY(history()->review(reviewer, ask(first, ReviewAction::open)));
    actAs(reviewer);

    CaseTimelineDialog* timeline = openTimeline(first);
    QVERIFY(timeline);
    QPushButton* link = nullptr;
    for (auto* b : timeline->findChildren<QPushButton*>(QStringLiteral("linkedCaseButton"))) {
        if (b->property("linkedCaseId").toString() == again)
            link = b;
    }
    QVERIFY(link);
    QTRY_VERIFY(link->isVisible());
    QTest::mouseClick(link, Qt::LeftButton);
    CaseTimelineDialog* linked = nullptr;
    QTRY_VERIFY((linked = timeline->findChild<CaseTimelineDialog*>()) != nullptr);
    QCOMPARE(linked->caseId(), again);
    QTRY_VERIFY(linked->isLoaded());
    QVERIFY(!linked->entries().isEmpty());
}

void TestReviewQueue::practiseAsOnlyInTraining()
{
    // Live: never offered.
    ReviewQueuePanel live(
        service()->writer(), [] { return Actor::localUser(); }, false);
    QVERIFY(!live.findChild<QComboBox*>(QStringLiteral("practiseAsComboBox")));

    // Training (the fixture's desk): the trainee proposes, the second trainee approves.
    m_team.reset();
    const Actor trainee = Session::trainee();
    service()->setActor(trainee);
    window()->showReviewQueue();
    auto* practise = panel()->findChild<QComboBox*>(QStringLiteral("practiseAsComboBox"));
    QVERIFY(practise);
    QCOMPARE(practise->count(), 2);
    const QString caseId = answered202(trainee);
    QVERIFY(history()->review(trainee, ask(caseId, ReviewAction::open)));
    reloadQueue();
    select(caseId);
    click("claimPushButton");
    propose(
        QLatin1String(ReviewDecision::reject), QStringLiteral("person_did_not_respond"), QStringLiteral("No answer"));
    QVERIFY(!button("approvePushButton")->isEnabled());

    practise->setCurrentIndex(1);
    emit practise->activated(1);
    QCOMPARE(panel()->actingActor().name, QStringLiteral("trainee-2"));
    QCOMPARE(panel()->actingActor().workstation, trainee.workstation);
    QTRY_VERIFY(!panel()->model()->isLoading());
    select(caseId);
    click("approvePushButton");
    const ReviewRow row = history()->reviewItem(trainee, caseId).valueOr({}).review;
    QCOMPARE(row.state, QLatin1String(ReviewState::rejected));
    QCOMPARE(row.decidedBy, QStringLiteral("trainee"));
    QCOMPARE(row.approvedBy, QStringLiteral("trainee-2"));
}

void TestReviewQueue::screenshots()
{
    if (!qEnvironmentVariableIsSet("EKYC_SCREENSHOT_DIR"))
        QSKIP("EKYC_SCREENSHOT_DIR is not set");
    QVERIFY(buildTeam());
    const Actor reviewer = actor("reviewer");
    const Actor other = actor("other");
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << answered202(i % 2 ? other : reviewer);
    for (int i = 0; i < 4; ++i)
        QVERIFY(history()->review(i % 2 ? other : reviewer, ask(ids.at(i), ReviewAction::open)));
    QVERIFY(history()->review(reviewer, ask(ids.at(0), ReviewAction::claim)));
    ReviewRequest propose = ask(ids.at(0), ReviewAction::propose);
    propose.decision = QLatin1String(ReviewDecision::approve);
    propose.reasonCode = QStringLiteral("document_seen_data_correct");
    propose.note = QStringLiteral("Card seen at the counter");
    QVERIFY(history()->review(reviewer, propose));
    ReviewRequest reference = ask(ids.at(0), ReviewAction::reference);
    reference.fileName = QStringLiteral("card-front.png");
    reference.sha256 = QString(64, QLatin1Char('a'));
    reference.fileSize = 48213;
    QVERIFY(history()->review(reviewer, reference));
    QVERIFY(history()->review(other, ask(ids.at(1), ReviewAction::claim)));
    FakeClock desk(QDateTime::currentDateTimeUtc().addSecs(26 * 3600));
    panel()->setClock(desk);
    window()->resize(1100, 640);
    window()->showReviewQueue();
    actAs(reviewer);
    select(ids.at(0));
    for (const char* language : { Language::english, Language::simplifiedChinese }) {
        Language::apply(QLatin1String(language));
        GuiDriver::settleLayout(); // the posted language change, then the layouts on the new texts
        const QString suffix =
            QLatin1String(language) == QLatin1String(Language::english) ? QString() : QStringLiteral("-zh");
        GuiDriver::saveScreenshot(window(), QStringLiteral("review-queue%1.png").arg(suffix));
        CaseTimelineDialog* timeline = openTimeline(ids.at(0));
        QVERIFY(timeline);
        GuiDriver::settleLayout(); // layout of the item widgets
        GuiDriver::saveScreenshot(timeline, QStringLiteral("case-timeline%1.png").arg(suffix));
        timeline->close();
        QTRY_VERIFY(panel()->findChildren<CaseTimelineDialog*>().isEmpty());
    }
    Language::apply(QLatin1String(Language::english));
}

// The queue without a mouse: Ctrl+3 opens it with the focus in the table, the arrow keys choose the case, Alt and
// the underlined letter press the buttons, and the decision dialog is filled and sent with Tab, arrows and Enter.
void TestReviewQueue::keyboardAlone()
{
    const QString caseId = reviewersAnswered202();
    QVERIFY(!caseId.isEmpty());
    QTemporaryDir dir;
    const QString document = writeScan(dir, "synthetic scan of a fictitious card");
    QVERIFY(!document.isEmpty());
    QVERIFY(!sendToReview(caseId, QStringLiteral("Asked the person to confirm the card"), document).isEmpty());
    window()->findChild<QTabWidget*>(QStringLiteral("mainTabWidget"))->setCurrentIndex(0);
    QVERIFY(GuiDriver::showActive(window()));

    auto press = [](Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier) {
        QTest::keyClick(QApplication::focusWidget(), key, modifiers);
    };
    press(Qt::Key_3, Qt::ControlModifier);
    QTRY_VERIFY(panel()->isVisible());
    QTRY_VERIFY(!panel()->model()->isLoading());
    auto* table = panel()->findChild<QTableView*>(QStringLiteral("queueTableView"));
    QCOMPARE(QApplication::focusWidget(), table);
    press(Qt::Key_Home);
    QTRY_COMPARE(panel()->selectedCaseId(), caseId);

    QSignalSpy finished(panel(), &ReviewQueuePanel::actionFinished);
    press(Qt::Key_C, Qt::AltModifier); // Claim
    QTRY_COMPARE(finished.count(), 1);
    QTRY_COMPARE(stateOf(caseId), QLatin1String(ReviewState::inReview));

    press(Qt::Key_P, Qt::AltModifier); // Propose decision… (a mnemonic clicks the button a moment later)
    ReviewDecisionDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = panel()->findChild<ReviewDecisionDialog*>(QStringLiteral("reviewDecisionDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    auto* decision = dialog->findChild<QComboBox*>(QStringLiteral("decisionComboBox"));
    QTRY_COMPARE(QApplication::focusWidget(), decision);
    while (decision->currentData().toString() != QLatin1String(ReviewDecision::approve)
        && decision->currentIndex() < decision->count() - 1)
        press(Qt::Key_Down);
    QCOMPARE(decision->currentData().toString(), QLatin1String(ReviewDecision::approve));
    press(Qt::Key_Tab);
    auto* reason = dialog->findChild<QComboBox*>(QStringLiteral("reasonComboBox"));
    QCOMPARE(QApplication::focusWidget(), reason);
    press(Qt::Key_Down);
    QVERIFY(!reason->currentData().toString().isEmpty());
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteTextEdit")));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Card seen, renewed last month"));
    press(Qt::Key_Tab); // to the buttons: OK is the default
    press(Qt::Key_Return);
    QTRY_COMPARE(finished.count(), 2);
    QTRY_COMPARE(stateOf(caseId), QLatin1String(ReviewState::proposed));
}

QTEST_MAIN(TestReviewQueue)
#include "TestReviewQueue.moc"
