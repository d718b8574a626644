#include "CaseForm.h"
#include "GuiDriver.h"
#include "HistoryPanel.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "ResultPanel.h"
#include "RevealDialog.h"
#include "StoreFixture.h"
#include "base/Language.h"
#include "domain/FictitiousPeople.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/HistoryModel.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/HistoryWriter.h"
#include "session/VerificationService.h"

#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

// What the result panel offers after an answer, and the rules of the case entry around it (issue 8): 202 and 223 as
// numbered steps, "Correct and verify again" linked both ways, "Send to manual review…", the stale result, the
// question before a second billed call, and the reason asked before "Verify again" reveals a case. Real widgets, the
// training sandbox over HTTPS and a real SQLite history.
class TestResultFlow : public MainWindowFixture
{
    Q_OBJECT
public:
    TestResultFlow()
        : MainWindowFixture({ .history = true, .maxAttempts = 1 })
    {
    }

private slots:
    void stepsAndButtons_data();
    void stepsAndButtons();
    void screenshotsInBothLanguages();
    void correctAndVerifyAgain_data();
    void correctAndVerifyAgain();
    void staleAfterEdit_data();
    void staleAfterEdit();
    void secondEnterAsks_data();
    void secondEnterAsks();
    void errorNotBilledIsSentAgainWithoutAsking();
    void verifyAgainAsksTheReason_data();
    void verifyAgainAsksTheReason();

private:
    // Types a case (on the card of the first fixture unless dates are given) and verifies it with Enter; returns its
    // history case id (empty on failure).
    QString answer(const QString& name,
        const QString& idNumber,
        const QString& state,
        const QString& start = QString(),
        const QString& end = QString());
    bool selectInHistory(const QString& caseId);
    QList<AuditEvent> eventsOf(const QString& caseId) const;
    void pressEnter() { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); }
    void retype(QLineEdit* edit, const QString& text);
    // Lets posted layout requests run, so that a screenshot shows the final layout.
};

namespace {

const SandboxFixtures::Person& wang()
{
    return SandboxFixtures::people().constFirst();
}

const SandboxFixtures::Person& personWithMiddleDot()
{
    for (const SandboxFixtures::Person& person : SandboxFixtures::people()) {
        if (person.docName.contains(QChar(0x00B7)))
            return person;
    }
    return wang();
}

// Valid check character, not in the sandbox's fixtures: answers 202.
QString unknownIdNumber()
{
    return FictitiousPeople::makeIdNumber(QStringLiteral("110101"), QDate(1998, 3, 7), 457);
}

QString kind(const char* eventKind)
{
    return QString::fromLatin1(eventKind);
}

bool isSuspect(const QWidget* widget)
{
    return widget->property("suspect").toBool();
}

} // namespace

QString TestResultFlow::answer(
    const QString& name, const QString& idNumber, const QString& state, const QString& start, const QString& end)
{
    const SandboxFixtures::Person& card = wang();
    QSignalSpy submitted(service(), &VerificationService::submitted);
    QSignalSpy recorded(service(), &VerificationService::recorded);
    QSignalSpy finished(service(), &VerificationService::finished);
    GuiDriver::typeCase(window(),
        name,
        idNumber,
        start.isEmpty() ? card.validityStartDate : start,
        start.isEmpty() ? card.validityEndDate : end);
    pressEnter();
    if (submitted.count() != 1 || !QTest::qWaitFor([&] { return finished.count() == 1; }, 30000)
        || recorded.count() != 1 || window()->resultPanel()->state() != state)
        return QString();
    return recorded.at(0).at(1).toString();
}

bool TestResultFlow::selectInHistory(const QString& caseId)
{
    window()->showHistory();
    auto* table = widget<QTableView>("historyTableView");
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

QList<AuditEvent> TestResultFlow::eventsOf(const QString& caseId) const
{
    return history()->eventsForCase(StoreFixture::reader(), caseId).valueOr({});
}

void TestResultFlow::retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    GuiDriver::typeText(edit, text);
}

void TestResultFlow::stepsAndButtons_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("subCode");
    QTest::addColumn<int>("steps");
    QTest::addColumn<bool>("correctOffered");

    // Born 1998, card issued at 22: a 10-year card.
    QTest::newRow("202 not in the database")
        << QStringLiteral("测试甲") << unknownIdNumber() << QStringLiteral("20200610") << QStringLiteral("20300610")
        << QStringLiteral("202") << 3 << false;
    QTest::newRow("223 mismatch") << QStringLiteral("王小红") << wang().docNo << wang().validityStartDate
                                  << wang().validityEndDate << QStringLiteral("223") << 4 << true;
}

void TestResultFlow::stepsAndButtons()
{
    QFETCH(QString, name);
    QFETCH(QString, idNumber);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, subCode);
    QFETCH(int, steps);
    QFETCH(bool, correctOffered);

    const QString caseId = answer(name, idNumber, QStringLiteral("notPassed"), start, end);
    QVERIFY(!caseId.isEmpty());
    QVERIFY(widget<QLabel>("subCodeLabel")->text().contains(subCode));

    auto* guidance = widget<QLabel>("guidanceLabel");
    QVERIFY(widget<QWidget>("guidanceFrame")->isVisible());
    QCOMPARE(guidance->textFormat(), Qt::RichText);
    QCOMPARE(guidance->text(), ResultPanel::subCodeSteps(subCode));
    QCOMPARE(guidance->text().count(QLatin1String("<li>")), steps);
    QVERIFY(guidance->text().contains(QLatin1String("<ol")));
    QVERIFY(guidance->text().contains(QLatin1String("manual review")));
    QCOMPARE(widget<QPushButton>("correctPushButton")->isVisible(), correctOffered);

    // Send to manual review… hands the recorded case on.
    auto* review = widget<QPushButton>("manualReviewPushButton");
    QVERIFY(review->isVisible());
    QVERIFY(review->isEnabled());
    QCOMPARE(window()->resultPanel()->caseId(), caseId);
    QSignalSpy panelAsked(window()->resultPanel(), &ResultPanel::manualReviewRequested);
    QSignalSpy windowAsked(window(), &MainWindow::manualReviewRequested);
    QTest::mouseClick(review, Qt::LeftButton);
    QCOMPARE(panelAsked.count(), 1);
    QCOMPARE(panelAsked.at(0).at(0).toString(), caseId);
    QCOMPARE(windowAsked.count(), 1);
    QCOMPARE(windowAsked.at(0).at(0).toString(), caseId);
    // ... to the dialog that puts it in the review queue, with the reviewer's note.
    auto* dialog = window()->findChild<QDialog*>(QStringLiteral("sendToReviewDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteTextEdit"))
        ->setPlainText(QStringLiteral("asked the person"));
    dialog->accept();
    service()->writer()->runAndWait([](AuditStore*) {});
    const auto reviewActions = [&] {
        const QList<AuditEvent> events = eventsOf(caseId);
        return std::count_if(events.cbegin(), events.cend(), [](const AuditEvent& e) {
            return e.kind == QLatin1String(EventKind::reviewAction);
        });
    };
    QTRY_COMPARE(reviewActions(), 1);
    QTRY_COMPARE(window()->findChild<QTabWidget*>(QStringLiteral("mainTabWidget"))->currentWidget()->objectName(),
        QStringLiteral("queueTab"));
    window()->findChild<QTabWidget*>(QStringLiteral("mainTabWidget"))->setCurrentIndex(0);
    QVERIFY(GuiDriver::showActive(window())); // offscreen, nothing gives the window back its activation

    // A passed case offers neither.
    window()->newCase();
    QVERIFY(!answer(wang().docName, wang().docNo, QStringLiteral("passed")).isEmpty());
    QVERIFY(!review->isVisible());
    QVERIFY(!widget<QPushButton>("correctPushButton")->isVisible());
}

void TestResultFlow::screenshotsInBothLanguages()
{
    QVERIFY(!answer(QStringLiteral("王小红"), wang().docNo, QStringLiteral("notPassed")).isEmpty());
    auto* guidance = widget<QLabel>("guidanceLabel");
    const QString english = ResultPanel::subCodeSteps(QStringLiteral("223"));
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(window()->resultPanel(), QStringLiteral("result-223-steps-en.png"));

    Language::apply(QString::fromLatin1(Language::simplifiedChinese)); // LanguageChange arrives as a posted event
    QTRY_VERIFY(guidance->text() != english);
    QVERIFY2(guidance->text().contains(QString::fromUtf8("人工审核")), qPrintable(guidance->text()));
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(window()->resultPanel(), QStringLiteral("result-223-steps-zh_CN.png"));
    QTest::mouseClick(widget<QPushButton>("correctPushButton"), Qt::LeftButton);
    GuiDriver::settleLayout();
    saveScreenshot(QStringLiteral("result-223-correct-zh_CN.png"));

    Language::apply(QString::fromLatin1(Language::english));
    QTRY_COMPARE(guidance->text(), english);
    QVERIFY(widget<QLabel>("suspectsLabel")->text().startsWith(QLatin1String("Check against the card")));
    QVERIFY(widget<QLabel>("reverifyLabel")->text().startsWith(QLatin1String("Correcting case")));
    GuiDriver::settleLayout();
    saveScreenshot(QStringLiteral("result-223-correct-en.png"));
}

void TestResultFlow::correctAndVerifyAgain_data()
{
    QTest::addColumn<QString>("sentName"); // what the reviewer typed first: 223
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QString>("correctName");
    QTest::addColumn<bool>("nameSuspect");

    QTest::newRow("wrong character, dates suspected")
        << QStringLiteral("王小红") << wang().docNo << wang().docName << false;
    QString otherDot = personWithMiddleDot().docName;
    otherDot.replace(QChar(0x00B7), QLatin1Char('.')); // a full stop typed for "·" (the core normalises "•" and kin)
    QTest::newRow("wrong middle dot, name suspected too")
        << otherDot << personWithMiddleDot().docNo << personWithMiddleDot().docName << true;
}

void TestResultFlow::correctAndVerifyAgain()
{
    QFETCH(QString, sentName);
    QFETCH(QString, idNumber);
    QFETCH(QString, correctName);
    QFETCH(bool, nameSuspect);
    const SandboxFixtures::Person* card = SandboxFixtures::findByDocNo(idNumber);
    QVERIFY(card);

    QSignalSpy submitted(service(), &VerificationService::submitted);
    GuiDriver::typeCase(window(), sentName, idNumber, card->validityStartDate, card->validityEndDate);
    pressEnter();
    QTRY_COMPARE_WITH_TIMEOUT(window()->resultPanel()->state(), QStringLiteral("notPassed"), 30000);
    QVERIFY(widget<QLabel>("subCodeLabel")->text().contains(QLatin1String("223")));
    const QString oldCase = window()->resultPanel()->caseId();
    QVERIFY(!oldCase.isEmpty());

    QTest::mouseClick(widget<QPushButton>("correctPushButton"), Qt::LeftButton);
    // The data just sent is still in the form, with the usual suspects highlighted and the first focused.
    auto* name = widget<QLineEdit>("nameLineEdit");
    QCOMPARE(name->text(), sentName);
    QCOMPARE(widget<QLineEdit>("idNumberLineEdit")->text(), idNumber);
    auto* start = widget<QDateEdit>("validityStartDateEdit");
    QVERIFY(isSuspect(start));
    QVERIFY(isSuspect(widget<QDateEdit>("validityEndDateEdit")));
    QCOMPARE(isSuspect(name), nameSuspect);
    QVERIFY(!isSuspect(widget<QLineEdit>("idNumberLineEdit")));
    QCOMPARE(window()->caseForm()->suspects().contains(CaseField::Name), nameSuspect);
    auto* note = widget<QLabel>("suspectsLabel");
    QVERIFY(note->isVisible());
    QCOMPARE(note->text().contains(QLatin1String("name")), nameSuspect);
    QCOMPARE(QApplication::focusWidget(), start);
    QCOMPARE(window()->reverifyOf(), oldCase);
    QVERIFY(widget<QWidget>("reverifyFrame")->isVisible());
    QVERIFY(widget<QLabel>("reverifyLabel")->text().contains(oldCase.left(8)));

    // The reviewer corrects the name and verifies: the edit marks the old result, Enter sends a linked case.
    retype(name, correctName);
    QVERIFY(window()->resultPanel()->isStale());
    QSignalSpy recorded(service(), &VerificationService::recorded);
    QSignalSpy finished(service(), &VerificationService::finished);
    pressEnter();
    QVERIFY(!window()->findChild<QMessageBox*>(QStringLiteral("secondCallMessageBox")));
    QCOMPARE(submitted.count(), 2);
    QVERIFY(!isSuspect(start)); // sent: nothing is suspected any more
    QVERIFY(!note->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(window()->resultPanel()->state(), QStringLiteral("passed"));
    const QString newCase = recorded.at(0).at(1).toString();
    QVERIFY(newCase != oldCase);
    QCOMPARE(window()->resultPanel()->caseId(), newCase);

    // Linked both ways.
    const QList<AuditEvent> newEvents = eventsOf(newCase);
    QCOMPARE(newEvents.constFirst().kind, kind(EventKind::caseCreated));
    QCOMPARE(newEvents.constFirst().payloadObject().value(QStringLiteral("reverifies")).toString(), oldCase);
    const QList<AuditEvent> oldEvents = eventsOf(oldCase);
    QCOMPARE(oldEvents.constLast().kind, kind(EventKind::reverifyLink));
    QCOMPARE(oldEvents.constLast().payloadObject().value(QStringLiteral("newCaseId")).toString(), newCase);
    // Nothing was revealed from the history: the data came from the form.
    for (const AuditEvent& event : oldEvents)
        QVERIFY(event.kind != kind(EventKind::piiRevealed));
    QVERIFY(history()->verifyChain().ok);
}

void TestResultFlow::staleAfterEdit_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("sameData"); // typed back to what was sent: a second billed call, so it asks

    QTest::newRow("name changed") << QStringLiteral("nameLineEdit") << QStringLiteral("王小明") << false;
    QTest::newRow("name typed again, unchanged") << QStringLiteral("nameLineEdit") << QStringLiteral("王小红") << true;
    QTest::newRow("ID number of another card")
        << QStringLiteral("idNumberLineEdit") << SandboxFixtures::people().at(1).docNo << false;
}

void TestResultFlow::staleAfterEdit()
{
    QFETCH(QString, field);
    QFETCH(QString, typed);
    QFETCH(bool, sameData);

    const QString oldCase = answer(QStringLiteral("王小红"), wang().docNo, QStringLiteral("notPassed"));
    QVERIFY(!oldCase.isEmpty());
    ResultPanel* panel = window()->resultPanel();
    auto* banner = widget<QLabel>("staleLabel");
    auto* headline = widget<QLabel>("headlineLabel");
    QVERIFY(!panel->isStale());
    QVERIFY(!banner->isVisible());

    retype(window()->findChild<QLineEdit*>(field), typed);
    QVERIFY(panel->isStale());
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QLatin1String("previous data")));
    QVERIFY(headline->property("stale").toBool());
    QCOMPARE(widget<QLabel>("explanationLabel")->property("stale").toBool(), true); // de-emphasised, still readable
    QCOMPARE(panel->state(), QStringLiteral("notPassed")); // the old outcome is still readable
    if (QTest::currentDataTag() == QByteArray("name changed")) {
        GuiDriver::settleLayout();
        saveScreenshot(QStringLiteral("result-stale-en.png"));
    }

    // Enter starts a new case at once, not linked to the old one.
    QSignalSpy submitted(service(), &VerificationService::submitted);
    QSignalSpy recorded(service(), &VerificationService::recorded);
    QSignalSpy finished(service(), &VerificationService::finished);
    pressEnter();
    if (sameData) { // the same data as the answered case: asked first, and Cancel sends nothing
        auto* box = window()->findChild<QMessageBox*>(QStringLiteral("secondCallMessageBox"));
        QVERIFY(box);
        box->reject();
        QCOMPARE(submitted.count(), 0);
        return;
    }
    QCOMPARE(submitted.count(), 1);
    QVERIFY(!window()->findChild<QMessageBox*>(QStringLiteral("secondCallMessageBox")));
    QVERIFY(!banner->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    const QString newCase = recorded.at(0).at(1).toString();
    QVERIFY(newCase != oldCase);
    QVERIFY(!panel->isStale());
    QVERIFY(!eventsOf(newCase).constFirst().payloadObject().contains(QStringLiteral("reverifies")));
    for (const AuditEvent& event : eventsOf(oldCase))
        QVERIFY(event.kind != kind(EventKind::reverifyLink));
}

void TestResultFlow::secondEnterAsks_data()
{
    QTest::addColumn<QString>("name"); // on the first fixture's card
    QTest::addColumn<QString>("state"); // of the first answer, and of the second when sent
    QTest::addColumn<QString>("answered"); // what the question says the case already has
    QTest::addColumn<QString>("how"); // how the reviewer answers the question
    QTest::addColumn<int>("sent");

    const QString mismatch = QStringLiteral("王小红");
    const QString notPassed = QStringLiteral("notPassed");
    const QString subCode = QStringLiteral("SubCode 223");
    QTest::newRow("223, Cancel") << mismatch << notPassed << subCode << QStringLiteral("cancel") << 0;
    QTest::newRow("223, Enter takes the default, Cancel")
        << mismatch << notPassed << subCode << QStringLiteral("enter") << 0;
    QTest::newRow("223, Escape") << mismatch << notPassed << subCode << QStringLiteral("escape") << 0;
    QTest::newRow("223, Verify again") << mismatch << notPassed << subCode << QStringLiteral("yes") << 1;
    // Sent, then the connection dropped: the outcome is unknown and may have been billed.
    QTest::newRow("outcome unknown, Cancel") << SandboxFixtures::reset << QStringLiteral("error")
                                             << QStringLiteral("outcome unknown") << QStringLiteral("cancel") << 0;
}

void TestResultFlow::secondEnterAsks()
{
    QFETCH(QString, name);
    QFETCH(QString, state);
    QFETCH(QString, answered);
    QFETCH(QString, how);
    QFETCH(int, sent);

    const QString oldCase = answer(name, wang().docNo, state);
    QVERIFY(!oldCase.isEmpty());
    const int requests = sandbox()->requestsReceived();
    QSignalSpy submitted(service(), &VerificationService::submitted);
    QSignalSpy recorded(service(), &VerificationService::recorded);
    QSignalSpy finished(service(), &VerificationService::finished);

    widget<QLineEdit>("nameLineEdit")->setFocus(Qt::OtherFocusReason);
    pressEnter();
    QCOMPARE(submitted.count(), 0); // asked first
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = window()->findChild<QMessageBox*>(QStringLiteral("secondCallMessageBox"))));
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QVERIFY2(box->text().contains(QLatin1String("already has an answer")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(answered), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QLatin1String("sandbox does not bill")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QLatin1String("second billed call")), qPrintable(box->text()));
    // Enter again while it asks: still one question, nothing sent.
    window()->caseForm()->submit();
    QCOMPARE(window()->findChildren<QMessageBox*>(QStringLiteral("secondCallMessageBox")).size(), 1);
    QCOMPARE(submitted.count(), 0);

    if (how == QLatin1String("cancel"))
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    else if (how == QLatin1String("yes"))
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    else
        QTest::keyClick(box, how == QLatin1String("enter") ? Qt::Key_Return : Qt::Key_Escape);
    QTRY_VERIFY(!window()->findChild<QMessageBox*>(QStringLiteral("secondCallMessageBox")));

    // Sending is synchronous up to submitted(): whatever was not submitted by now never will be.
    QCOMPARE(submitted.count(), sent);
    QCOMPARE(window()->currentCall() != nullptr, sent == 1);
    if (sent == 0) {
        QCOMPARE(service()->client()->pendingCalls(), 0);
        QCOMPARE(sandbox()->requestsReceived(), requests);
        QCOMPARE(recorded.count(), 0); // no new case in the history
        QCOMPARE(window()->resultPanel()->caseId(), oldCase);
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(recorded.count(), 1);
    QCOMPARE(sandbox()->requestsReceived(), requests + 1);
    QCOMPARE(window()->resultPanel()->state(), state);
    QVERIFY(window()->resultPanel()->caseId() != oldCase);
}

void TestResultFlow::errorNotBilledIsSentAgainWithoutAsking()
{
    // Refused by the service before anything was billed (403 Forbidden.RAMUserAccessDenied).
    QVERIFY(!answer(SandboxFixtures::ramDenied, wang().docNo, QStringLiteral("error")).isEmpty());
    QSignalSpy submitted(service(), &VerificationService::submitted);
    QSignalSpy finished(service(), &VerificationService::finished);
    widget<QLineEdit>("nameLineEdit")->setFocus(Qt::OtherFocusReason);
    pressEnter();
    QCOMPARE(submitted.count(), 1);
    QVERIFY(!window()->findChild<QMessageBox*>(QStringLiteral("secondCallMessageBox")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
}

void TestResultFlow::verifyAgainAsksTheReason_data()
{
    QTest::addColumn<QString>("reason"); // empty: the reviewer cancels

    QTest::newRow("reason given") << QStringLiteral("person called back with the right card");
    QTest::newRow("cancelled") << QString();
}

void TestResultFlow::verifyAgainAsksTheReason()
{
    QFETCH(QString, reason);

    const QString caseId = answer(wang().docName, wang().docNo, QStringLiteral("passed"));
    QVERIFY(!caseId.isEmpty());
    window()->newCase();
    const QList<AuditEvent> before = eventsOf(caseId);
    QVERIFY(selectInHistory(caseId));
    QTest::mouseClick(widget<QPushButton>("verifyAgainPushButton"), Qt::LeftButton);

    RevealDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window()->findChild<RevealDialog*>(QStringLiteral("reverifyReasonDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    auto* reveal = dialog->findChild<QPushButton*>(QStringLiteral("revealPushButton"));
    QVERIFY(!reveal->isEnabled()); // no reason, no reveal
    QCOMPARE(eventsOf(caseId).size(), before.size());

    if (reason.isEmpty()) {
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("closePushButton")), Qt::LeftButton);
        QTRY_VERIFY(!window()->findChild<RevealDialog*>(QStringLiteral("reverifyReasonDialog")));
        // Nothing revealed, nothing recorded, nothing filled in. A reveal would have been queued on the history's
        // writer, which runs its jobs in order: once a job posted now has run, one posted before would have too.
        service()->writer()->runAndWait([](AuditStore*) {});
        QCoreApplication::processEvents(); // its answer, had there been one, reaches the window
        QCOMPARE(eventsOf(caseId).size(), before.size());
        QVERIFY(widget<QLineEdit>("nameLineEdit")->text().isEmpty());
        QVERIFY(window()->reverifyOf().isEmpty());
        return;
    }
    GuiDriver::typeText(dialog->findChild<QLineEdit*>(QStringLiteral("reasonLineEdit")), reason);
    QVERIFY(reveal->isEnabled());
    QTest::mouseClick(reveal, Qt::LeftButton);
    QTRY_COMPARE(window()->reverifyOf(), caseId);
    QCOMPARE(widget<QLineEdit>("nameLineEdit")->text(), wang().docName);
    const QList<AuditEvent> after = eventsOf(caseId);
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(after.constLast().kind, kind(EventKind::piiRevealed));
    QCOMPARE(after.constLast().payloadObject().value(QStringLiteral("reason")).toString(), reason);
}

QTEST_MAIN(TestResultFlow)
#include "TestResultFlow.moc"
