#include "CaseForm.h"
#include "GuiDriver.h"
#include "HistoryPanel.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "ResultPanel.h"
#include "RevealDialog.h"
#include "StoreFixture.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/HistoryModel.h"
#include "sandbox/SandboxFixtures.h"
#include "session/VerificationService.h"

#include <QApplication>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

// Verifying a recorded case again from the History tab: the form is filled from the history (an audited reveal), the
// new case is linked to the old one by a reverify_link event. Real widgets, the training sandbox over HTTPS and a real
// SQLite history.
class TestReverification : public MainWindowFixture
{
    Q_OBJECT
public:
    // One attempt per call: a dropped connection ends the case at once, without real back-off waits.
    TestReverification()
        : MainWindowFixture({ .history = true, .maxAttempts = 1 })
    {
    }

private slots:
    void retryButtonKeepsTheMerchantBizId();
    void correctedCaseIsLinked();
    void linkCanBeDropped_data();
    void linkCanBeDropped();
    void purgedCaseDisablesButton();
    void unknownCaseShowsWarning();
    void refusedWhileCallRuns();

private:
    // Shows the History tab and clicks the row of this case.
    bool selectInHistory(const QString& caseId);
    QStringList kindsOf(const QString& caseId) const;
    // Answers the reason dialog that "Verify again" opens first.
    bool giveReason(const QString& reason);
};

namespace {

const SandboxFixtures::Person& fixture()
{
    return SandboxFixtures::people().constFirst();
}

QString kind(const char* eventKind)
{
    return QString::fromLatin1(eventKind);
}

} // namespace

bool TestReverification::selectInHistory(const QString& caseId)
{
    QTest::keyClick(window(), Qt::Key_2, Qt::ControlModifier); // View > History
    auto* table = widget<QTableView>("historyTableView");
    if (!table->isVisible())
        return false;
    // The cases are read on the history reader thread.
    if (!QTest::qWaitFor([&] { return !window()->historyPanel()->model()->isLoading(); }, 10000))
        return false;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, HistoryModel::CreatedColumn);
        if (index.data(HistoryModel::CaseIdRole).toString() == caseId) {
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
            return window()->historyPanel()->selectedCaseId() == caseId;
        }
    }
    return false;
}

bool TestReverification::giveReason(const QString& reason)
{
    RevealDialog* dialog = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (dialog = window()->findChild<RevealDialog*>(QStringLiteral("reverifyReasonDialog"))); }))
        return false;
    if (!QTest::qWaitFor([&] { return dialog->isVisible(); }))
        return false;
    GuiDriver::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("reasonLineEdit")), reason);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("revealPushButton")), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !window()->findChild<RevealDialog*>(QStringLiteral("reverifyReasonDialog")); }))
        return false;
    // Without a window manager (offscreen) nothing gives the window back its activation once the dialog is gone.
    return GuiDriver::showActive(window());
}

QStringList TestReverification::kindsOf(const QString& caseId) const
{
    QStringList kinds;
    for (const AuditEvent& event : history()->eventsForCase(StoreFixture::reader(), caseId).valueOr({}))
        kinds.append(event.kind);
    return kinds;
}

void TestReverification::correctedCaseIsLinked()
{
    const SandboxFixtures::Person& person = fixture();
    // The connection drops: the case ends without an answer.
    const QString oldCase = verifyCase(person, QStringLiteral("error"), SandboxFixtures::reset);
    QVERIFY(!oldCase.isEmpty());
    const QStringList oldKinds = kindsOf(oldCase);

    QVERIFY(selectInHistory(oldCase));
    auto* verifyAgain = widget<QPushButton>("verifyAgainPushButton");
    QVERIFY(verifyAgain && verifyAgain->isVisible());
    QVERIFY(verifyAgain->isEnabled());
    QVERIFY(verifyAgain->toolTip().contains(QLatin1String("decrypted")));
    QVERIFY(!widget<QWidget>("reverifyFrame")->isVisible());
    saveScreenshot(QStringLiteral("shot-history-verify-again.png"));
    QTest::mouseClick(verifyAgain, Qt::LeftButton);
    QVERIFY(giveReason(QStringLiteral("corrected after a call")));

    // The Case tab, filled from the history (read on the writer thread); a new case gets its own MerchantBizId.
    QTRY_COMPARE(widget<QTabWidget>("mainTabWidget")->currentWidget()->objectName(), QStringLiteral("verifyTab"));
    auto* nameEdit = widget<QLineEdit>("nameLineEdit");
    QCOMPARE(nameEdit->text(), SandboxFixtures::reset);
    QCOMPARE(widget<QLineEdit>("idNumberLineEdit")->text(), person.docNo);
    QCOMPARE(widget<QDateEdit>("validityStartDateEdit")->date(),
        QDate::fromString(person.validityStartDate, QStringLiteral("yyyyMMdd")));
    QCOMPARE(widget<QDateEdit>("validityEndDateEdit")->date(),
        QDate::fromString(person.validityEndDate, QStringLiteral("yyyyMMdd")));
    QVERIFY(widget<QLineEdit>("merchantBizIdLineEdit")->text().isEmpty());
    QVERIFY(widget<QLineEdit>("merchantUserIdLineEdit")->text().isEmpty());
    QCOMPARE(window()->caseForm()->caseInput().validityStart,
        QDate::fromString(person.validityStartDate, QStringLiteral("yyyyMMdd")));
    QCOMPARE(window()->resultPanel()->state(), QStringLiteral("empty"));

    // The note names the old case, and the history recorded the reveal.
    QVERIFY(widget<QWidget>("reverifyFrame")->isVisible());
    QVERIFY2(widget<QLabel>("reverifyLabel")->text().contains(oldCase.left(8)),
        qPrintable(widget<QLabel>("reverifyLabel")->text()));
    QVERIFY(widget<QPushButton>("reverifyClearPushButton")->isVisible());
    QCOMPARE(window()->reverifyOf(), oldCase);
    QCOMPARE(kindsOf(oldCase), oldKinds + QStringList { kind(EventKind::piiRevealed) });
    saveScreenshot(QStringLiteral("shot-reverify-note.png"));

    // The reviewer corrects the name (typed through the input method) and verifies.
    nameEdit->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(nameEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(nameEdit, Qt::Key_Backspace);
    QVERIFY(nameEdit->text().isEmpty());
    GuiDriver::typeText(nameEdit, person.docName);
    QCOMPARE(nameEdit->text(), person.docName);
    QSignalSpy submitted(service(), &VerificationService::submitted);
    QSignalSpy recorded(service(), &VerificationService::recorded);
    QSignalSpy finished(service(), &VerificationService::finished);
    QTest::keyClick(nameEdit, Qt::Key_Return);
    QCOMPARE(submitted.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, 30000);
    const QString newCase = recorded.at(0).at(1).toString();
    QVERIFY(!newCase.isEmpty());
    QVERIFY(newCase != oldCase);
    // Linked once: the note is gone and the next case is a new one.
    QVERIFY(!widget<QWidget>("reverifyFrame")->isVisible());
    QVERIFY(window()->reverifyOf().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(window()->resultPanel()->state(), QStringLiteral("passed"));

    // The old case: revealed for re-verification, then linked to the new case.
    const QList<AuditEvent> events = history()->eventsForCase(StoreFixture::reader(), oldCase).valueOr({});
    QVERIFY(events.size() >= 2);
    const AuditEvent& reveal = events.at(events.size() - 2);
    const AuditEvent& link = events.constLast();
    QCOMPARE(reveal.kind, kind(EventKind::piiRevealed));
    QCOMPARE(
        reveal.payloadObject().value(QStringLiteral("reason")).toString(), QStringLiteral("corrected after a call"));
    QCOMPARE(link.kind, kind(EventKind::reverifyLink));
    QCOMPARE(link.payloadObject().value(QStringLiteral("newCaseId")).toString(), newCase);
    QCOMPARE(events.size(), oldKinds.size() + 2);
    for (const AuditEvent& event : events) {
        QVERIFY(!event.payload.contains(person.docNo.toUtf8()));
        QVERIFY(!event.payload.contains(person.docName.toUtf8()));
    }

    // The new case: completed with 200, and says which case it re-verifies.
    const Result<CaseSummary> summary = history()->caseSummary(StoreFixture::reader(), newCase);
    QVERIFY(summary);
    QCOMPARE(summary->state, kind(CaseState::completed));
    QCOMPARE(summary->subCode, QStringLiteral("200"));
    QCOMPARE(summary->passed, std::optional<bool>(true));
    const QList<AuditEvent> newEvents = history()->eventsForCase(StoreFixture::reader(), newCase).valueOr({});
    QCOMPARE(newEvents.constFirst().kind, kind(EventKind::caseCreated));
    QCOMPARE(newEvents.constFirst().payloadObject().value(QStringLiteral("reverifies")).toString(), oldCase);
    QVERIFY(history()->verifyChain().ok);

    // The History tab shows the link on the old case.
    QVERIFY(selectInHistory(oldCase));
    auto* list = widget<QListWidget>("eventsListWidget");
    QTRY_COMPARE(list->count(), events.size());
    const QString last = list->item(list->count() - 1)->text();
    QVERIFY2(last.contains(QLatin1String("re-verification")), qPrintable(last));
}

void TestReverification::linkCanBeDropped_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("formKept");
    QTest::newRow("Not a re-verification") << QStringLiteral("reverifyClearPushButton") << true;
    QTest::newRow("New case button") << QStringLiteral("newCasePushButton") << false;
    QTest::newRow("File > New case") << QString() << false;
}

void TestReverification::linkCanBeDropped()
{
    QFETCH(QString, how);
    QFETCH(bool, formKept);
    const SandboxFixtures::Person& person = fixture();
    const QString oldCase = verifyCase(person, QStringLiteral("error"), SandboxFixtures::reset);
    QVERIFY(!oldCase.isEmpty());
    QVERIFY(selectInHistory(oldCase));
    QTest::mouseClick(widget<QPushButton>("verifyAgainPushButton"), Qt::LeftButton);
    QVERIFY(giveReason(QStringLiteral("checking")));
    QTRY_COMPARE(window()->reverifyOf(), oldCase);
    QVERIFY(widget<QWidget>("reverifyFrame")->isVisible());

    if (how.isEmpty())
        QTest::keyClick(window(), Qt::Key_N, Qt::ControlModifier);
    else
        QTest::mouseClick(window()->findChild<QPushButton*>(how), Qt::LeftButton);
    QVERIFY(window()->reverifyOf().isEmpty());
    QVERIFY(!widget<QWidget>("reverifyFrame")->isVisible());
    QCOMPARE(widget<QLineEdit>("nameLineEdit")->text(), formKept ? SandboxFixtures::reset : QString());
    QCOMPARE(widget<QLineEdit>("idNumberLineEdit")->text(), formKept ? person.docNo : QString());

    // The next case is not linked.
    window()->newCase();
    const QString newCase = verifyCase(person, QStringLiteral("passed"));
    QVERIFY(!newCase.isEmpty());
    QVERIFY(!kindsOf(oldCase).contains(kind(EventKind::reverifyLink)));
    QVERIFY(!history()
                 ->eventsForCase(StoreFixture::reader(), newCase)
                 .valueOr({})
                 .constFirst()
                 .payloadObject()
                 .contains(QStringLiteral("reverifies")));
    QVERIFY(history()->verifyChain().ok);
}

void TestReverification::purgedCaseDisablesButton()
{
    const QString caseId = verifyCase(fixture(), QStringLiteral("passed"));
    QVERIFY(!caseId.isEmpty());
    QVERIFY(selectInHistory(caseId));
    auto* verifyAgain = widget<QPushButton>("verifyAgainPushButton");
    QVERIFY(verifyAgain->isEnabled());

    QCOMPARE(
        history()->purgeOlderThan(StoreFixture::reader(), QDateTime::currentDateTimeUtc().addDays(1)).valueOr(-1), 1);
    QTest::mouseClick(widget<QPushButton>("refreshPushButton"), Qt::LeftButton);
    QTRY_COMPARE(window()->historyPanel()->selectedCaseId(), caseId); // selected again once its row is back
    QVERIFY(!verifyAgain->isEnabled());
    QVERIFY(!widget<QPushButton>("revealPushButton")->isEnabled());
    QSignalSpy requested(window()->historyPanel(), &HistoryPanel::reverifyRequested);
    QTest::mouseClick(verifyAgain, Qt::LeftButton);
    window()->historyPanel()->reverifySelected();
    QCOMPARE(requested.count(), 0);

    // Asked anyway (e.g. by a stale request): a warning, nothing decrypted, nothing filled in.
    const QStringList kinds = kindsOf(caseId);
    window()->verifyAgain(caseId);
    QVERIFY(giveReason(QStringLiteral("checking")));
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = window()->findChild<QMessageBox*>(QStringLiteral("reverifyErrorMessageBox"))));
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QLatin1String("retention")), qPrintable(box->text()));
    QCOMPARE(kindsOf(caseId), kinds);
    QVERIFY(window()->reverifyOf().isEmpty());
    QCOMPARE(widget<QTabWidget>("mainTabWidget")->currentWidget()->objectName(), QStringLiteral("historyTab"));
    box->close();
}

void TestReverification::unknownCaseShowsWarning()
{
    QVERIFY(!widget<QPushButton>("verifyAgainPushButton")->isEnabled()); // nothing selected
    window()->verifyAgain(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    QVERIFY(giveReason(QStringLiteral("checking")));
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = window()->findChild<QMessageBox*>(QStringLiteral("reverifyErrorMessageBox"))));
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QLatin1String("not in the audit history")));
    QVERIFY(!widget<QWidget>("reverifyFrame")->isVisible());
    QVERIFY(widget<QLineEdit>("nameLineEdit")->text().isEmpty());
    box->close();
    QTRY_VERIFY(!window()->findChild<QMessageBox*>(QStringLiteral("reverifyErrorMessageBox")));
}

void TestReverification::refusedWhileCallRuns()
{
    const QString oldCase = verifyCase(fixture(), QStringLiteral("error"), SandboxFixtures::reset);
    QVERIFY(!oldCase.isEmpty());
    const QStringList kinds = kindsOf(oldCase);
    // A slow call is running: the sandbox holds its answer (MainWindowFixture::heldAnswerMs) until it is cancelled.
    window()->newCase();
    QSignalSpy submitted(service(), &VerificationService::submitted);
    QSignalSpy finished(service(), &VerificationService::finished);
    GuiDriver::typeCase(window(), fixture(), SandboxFixtures::slow);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(submitted.count(), 1);
    QVERIFY(window()->currentCall() != nullptr);

    QVERIFY(selectInHistory(oldCase));
    QTest::mouseClick(widget<QPushButton>("verifyAgainPushButton"), Qt::LeftButton);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = window()->findChild<QMessageBox*>(QStringLiteral("reverifyErrorMessageBox"))));
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(kindsOf(oldCase), kinds); // nothing decrypted
    QVERIFY(window()->reverifyOf().isEmpty());
    QCOMPARE(widget<QLineEdit>("nameLineEdit")->text(), SandboxFixtures::slow);
    box->close();

    window()->cancelCase();
    QTRY_COMPARE(finished.count(), 1);
}

// An answer that never came (the sandbox read the request, then dropped the connection): the result offers a retry
// under the same MerchantBizId; it reveals through the history with its own reason and links the two cases. A case
// with an answer offers none.
void TestReverification::retryButtonKeepsTheMerchantBizId()
{
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    const QString oldCase = verifyCase(person, QStringLiteral("error"), SandboxFixtures::reset);
    QVERIFY(!oldCase.isEmpty());
    auto* retry = widget<QPushButton>("retryPushButton");
    QVERIFY(retry && retry->isVisible());
    saveScreenshot(QStringLiteral("outcome-unknown.png"));
    const QString bizId = history()->caseSummary(StoreFixture::reader(), oldCase)->merchantBizId;

    QSignalSpy recorded(service(), &VerificationService::recorded);
    QSignalSpy finished(service(), &VerificationService::finished);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(recorded.count(), 1);
    const QString newCase = recorded.at(0).at(1).toString();
    QVERIFY(newCase != oldCase);
    QCOMPARE(history()->caseSummary(StoreFixture::reader(), newCase)->merchantBizId, bizId);
    QCOMPARE(finished.at(0).at(1).value<VerificationResult>().status, VerificationResult::Status::OutcomeUnknown);
    const QList<AuditEvent> events = history()->eventsForCase(StoreFixture::reader(), oldCase).valueOr({});
    const AuditEvent& reveal = events.at(events.size() - 2);
    QCOMPARE(reveal.kind, kind(EventKind::piiRevealed));
    QCOMPARE(reveal.payloadObject().value(QStringLiteral("reason")).toString(),
        QStringLiteral("retry after an unknown outcome"));
    QCOMPARE(events.constLast().kind, kind(EventKind::reverifyLink));

    window()->newCase();
    QVERIFY(!verifyCase(person, QStringLiteral("passed")).isEmpty());
    QVERIFY(!retry->isVisible());
}

QTEST_MAIN(TestReverification)
#include "TestReverification.moc"
