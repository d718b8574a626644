#include "CaseForm.h"
#include "ElidedLabel.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "ResultPanel.h"
#include "Theme.h"
#include "api/Credentials.h"
#include "base/Language.h"
#include "domain/CaseValidator.h"
#include "domain/FictitiousPeople.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/Billing.h"
#include "session/VerificationService.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDateEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

// The first main window, driven through its real widgets against the real training sandbox over HTTPS.
class TestMainWindow : public MainWindowFixture
{
    Q_OBJECT

private slots:
    void showsTrainingModeAndEndpoint();
    void tabOrderFollowsTheCard();
    void badIdNumberShowsFieldErrorAndSendsNothing_data();
    void badIdNumberShowsFieldErrorAndSendsNothing();
    void fieldErrorAppearsWhenLeavingTheField();
    void longTermDisablesEndDate();
    void moreHoldsTheOptionalFields();
    void untouchedDateIsNotSet();
    void verifiesAgainstSandbox_data();
    void verifiesAgainstSandbox();
    void showsErrorsAndUnknownSubCodes_data();
    void showsErrorsAndUnknownSubCodes();
    void warningsRequireAcknowledgement();
    void spaceInsideAChineseNameAsksFirst_data();
    void spaceInsideAChineseNameAsksFirst();
    void verifyDisabledWhileCallRuns();
    void escapeCancelsRunningCall();
    void newCaseClearsFormAndOutcome();
    void chineseCatalogueIsEmbedded();
    void anchorFailureStaysInTheStatusBar();
    void statusMessageCanBeRead_data();
    void statusMessageCanBeRead();

private:
    // Types the case the way a reviewer does: into the name field, then Tab from field to field.
    void typeCase(const QString& name, const QString& idNumber, const QString& start, const QString& end)
    {
        GuiDriver::typeCase(window(), name, idNumber, start, end);
    }
    void pressEnter() { QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); }
};

void TestMainWindow::showsTrainingModeAndEndpoint()
{
    // The mode only: the platform appends the application's name, which the title must not repeat.
    QCOMPARE(window()->windowTitle(), QStringLiteral("Training"));
    auto* banner = widget<QLabel>("trainingBannerLabel");
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY(banner->text().contains(QLatin1String("TRAINING")));
    auto* endpoint = widget<QLabel>("endpointStatusLabel");
    QVERIFY(endpoint);
    // The status bar shortens its facts when narrow; the tooltip has them in full.
    QVERIFY2(endpoint->toolTip().contains(sandbox()->url().toString()), qPrintable(endpoint->toolTip()));
    // Wide, the sandbox's address; narrow, the mode alone; never a word cut in half (the tooltip has it all).
    const QUrl url = sandbox()->url();
    const QString full = QStringLiteral("Training sandbox at %1").arg(url.toString());
    const QStringList forms { full,
        QStringLiteral("Training sandbox %1:%2").arg(url.host()).arg(url.port()),
        QStringLiteral("Training sandbox") };
    const QSize wide = window()->size();
    for (int width : { 1600, 900, 640, 480 }) {
        window()->resize(width, wide.height());
        GuiDriver::settleLayout();
        QVERIFY2(
            forms.contains(endpoint->text()), qPrintable(QStringLiteral("%1 px: %2").arg(width).arg(endpoint->text())));
        if (width == 1600) // with room, the address is there
            QVERIFY2(endpoint->text().contains(url.host()), qPrintable(endpoint->text()));
    }
    window()->resize(wide);
    GuiDriver::settleLayout();
    auto* credentials = widget<QLabel>("credentialsStatusLabel");
    QVERIFY(credentials);
    QCOMPARE(credentials->toolTip(), Credentials::training().describe());
    QVERIFY(!credentials->toolTip().contains(QString::fromUtf8(Credentials::training().secretForSigning())));
}

void TestMainWindow::tabOrderFollowsTheCard()
{
    const char* order[] = {
        "idNumberLineEdit", "validityStartDateEdit", "validityEndDateEdit", "longTermCheckBox", "moreToolButton"
    };
    for (const char* next : order) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QString::fromLatin1(next));
    }
    // Shift+Tab walks back, also out of a date edit (not through its year/month/day sections).
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("validityStartDateEdit"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("idNumberLineEdit"));
}

void TestMainWindow::badIdNumberShowsFieldErrorAndSendsNothing_data()
{
    QTest::addColumn<QString>("idNumber");
    const QString valid = SandboxFixtures::people().constFirst().docNo;
    QString wrongCheck = valid;
    wrongCheck[17] = valid.at(17) == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    QTest::newRow("wrong check character") << wrongCheck;
    QTest::newRow("too short") << valid.left(14);
    QTest::newRow("old 15-digit number") << QStringLiteral("110101900307123");
    QTest::newRow("letters inside") << QStringLiteral("1101011990A3071233");
    QTest::newRow("Hong Kong permit 81") << FictitiousPeople::makeIdNumber(
        QStringLiteral("810000"), QDate(1990, 3, 7), 123);
}

void TestMainWindow::badIdNumberShowsFieldErrorAndSendsNothing()
{
    QFETCH(QString, idNumber);
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    QSignalSpy submitted(service(), &VerificationService::submitted);
    const int served = sandbox()->requestsServed();
    const int received = sandbox()->requestsReceived();

    typeCase(person.docName, idNumber, person.validityStartDate, person.validityEndDate);
    pressEnter();

    auto* error = widget<QLabel>("idNumberErrorLabel");
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("ID number")), qPrintable(error->text()));
    QVERIFY(error->text().contains(CaseValidator::fieldLabel(CaseField::IdNumber)));
    QVERIFY(!widget<QPushButton>("verifyPushButton")->isEnabled());
    QCOMPARE(QApplication::focusWidget(), widget<QLineEdit>("idNumberLineEdit"));
    // The other fields are fine and say nothing.
    QVERIFY(!widget<QLabel>("nameErrorLabel")->isVisible());
    QVERIFY(!widget<QLabel>("validityStartErrorLabel")->isVisible());

    pressEnter();
    QCOMPARE(submitted.count(), 0);
    QCOMPARE(service()->client()->pendingCalls(), 0);
    QCOMPARE(sandbox()->requestsServed(), served);
    QCOMPARE(window()->resultPanel()->state(), QStringLiteral("empty"));
    if (QByteArray(QTest::currentDataTag()) == "wrong check character")
        saveScreenshot(QStringLiteral("shot-field-error.png"));

    // Nothing was sent, counted rather than waited for: the corrected case makes a full round trip, and it is the
    // only request the sandbox received. A call the refused Enter had started (at once, or later through the event
    // loop or the rate limiter) would by now have reached the sandbox, or would still be pending in the client.
    auto* id = widget<QLineEdit>("idNumberLineEdit");
    id->setFocus(Qt::OtherFocusReason);
    id->selectAll();
    QTest::keyClicks(id, person.docNo);
    pressEnter();
    QTRY_COMPARE_WITH_TIMEOUT(window()->resultPanel()->state(), QStringLiteral("passed"), 30000);
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(sandbox()->requestsReceived(), received + 1);
    QCOMPARE(service()->client()->pendingCalls(), 0);
    // The attempt's timeout was asked of the fixture's fake clock: no real timer runs in these tests.
    QVERIFY(clock().requestedDelays().contains(service()->options().client.timeoutMs));
}

void TestMainWindow::fieldErrorAppearsWhenLeavingTheField()
{
    auto* id = widget<QLineEdit>("idNumberLineEdit");
    auto* error = widget<QLabel>("idNumberErrorLabel");
    QTest::keyClick(widget<QLineEdit>("nameLineEdit"), Qt::Key_Tab);
    QTest::keyClicks(id, QStringLiteral("1101011990"));
    QVERIFY(!error->isVisible()); // no scolding while typing
    QTest::keyClick(id, Qt::Key_Tab);
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().contains(QLatin1String("ID number")));
    // Correcting it clears the message while typing (debounced).
    id->setFocus(Qt::OtherFocusReason);
    id->selectAll();
    QTest::keyClicks(id, SandboxFixtures::people().constFirst().docNo);
    QTRY_VERIFY(!error->isVisible());
}

void TestMainWindow::longTermDisablesEndDate()
{
    auto* longTerm = widget<QCheckBox>("longTermCheckBox");
    auto* end = widget<QDateEdit>("validityEndDateEdit");
    QVERIFY(longTerm && end);
    QVERIFY(end->isEnabled());
    QVERIFY(end->calendarPopup());
    QCOMPARE(end->displayFormat(), QStringLiteral("yyyy-MM-dd"));
    QTest::keyClick(longTerm, Qt::Key_Space);
    QVERIFY(longTerm->isChecked());
    QVERIFY(!end->isEnabled());
    QVERIFY(window()->caseForm()->caseInput().longTerm);
    QVERIFY(!window()->caseForm()->caseInput().validityEnd.isValid());
    QTest::keyClick(longTerm, Qt::Key_Space);
    QVERIFY(!longTerm->isChecked());
    QVERIFY(end->isEnabled());
}

void TestMainWindow::moreHoldsTheOptionalFields()
{
    auto* more = widget<QAbstractButton>("moreToolButton");
    auto* scene = widget<QLineEdit>("sceneCodeLineEdit");
    QVERIFY(more && scene);
    QVERIFY(!scene->isVisible());
    QTest::keyClick(window(), Qt::Key_M, Qt::AltModifier); // the mnemonic "animates" the click for 100 ms
    QTRY_VERIFY(more->isChecked());
    QVERIFY(scene->isVisible());
    QVERIFY(widget<QLabel>("merchantUserIdNoteLabel")->isVisible());
    QVERIFY(widget<QLabel>("merchantUserIdNoteLabel")->text().contains(QLatin1String("SHA-256")));
    QVERIFY(widget<QLineEdit>("merchantBizIdLineEdit")->placeholderText().contains(QLatin1String("generated")));

    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    typeCase(person.docName, person.docNo, person.validityStartDate, person.validityEndDate);
    scene->setFocus(Qt::OtherFocusReason);
    QTest::keyClicks(scene, QStringLiteral("bad scene!"));
    pressEnter();
    auto* error = widget<QLabel>("sceneCodeErrorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(CaseValidator::fieldLabel(CaseField::SceneCode)), qPrintable(error->text()));
    QVERIFY(!widget<QPushButton>("verifyPushButton")->isEnabled());
    QCOMPARE(window()->caseForm()->caseInput().sceneCode, QStringLiteral("bad scene!"));
    saveScreenshot(QStringLiteral("shot-more.png"));

    // Collapsing More hides the fields; an error in them opens it again on Enter.
    QTest::keyClick(window(), Qt::Key_M, Qt::AltModifier);
    QTRY_VERIFY(!scene->isVisible());
    widget<QLineEdit>("nameLineEdit")->setFocus(Qt::OtherFocusReason);
    pressEnter();
    QVERIFY(scene->isVisible());
    QCOMPARE(QApplication::focusWidget(), scene);
}

void TestMainWindow::untouchedDateIsNotSet()
{
    // Tabbing through a date without typing leaves it empty, so nothing is sent with a date nobody entered.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("validityStartDateEdit"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(!window()->caseForm()->caseInput().validityStart.isValid());
    // Typing sets it.
    widget<QDateEdit>("validityStartDateEdit")->setFocus(Qt::TabFocusReason);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("20200610"));
    QCOMPARE(window()->caseForm()->caseInput().validityStart, QDate(2020, 6, 10));
}

void TestMainWindow::verifiesAgainstSandbox_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("idNumber");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end"); // empty: long-term
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("subCode");

    const auto& people = SandboxFixtures::people();
    const SandboxFixtures::Person& first = people.constFirst();
    QTest::newRow("fixture person: 200") << first.docName << first.docNo << first.validityStartDate
                                         << first.validityEndDate << QStringLiteral("passed") << QStringLiteral("200");
    for (const SandboxFixtures::Person& person : people) {
        if (person.isLongTerm()) {
            QTest::newRow("long-term fixture: 200") << person.docName << person.docNo << person.validityStartDate
                                                    << QString() << QStringLiteral("passed") << QStringLiteral("200");
            break;
        }
    }
    // Born 1998, card issued at 22: a 10-year card. Valid check character, but not in the fixtures.
    const QString unknown = FictitiousPeople::makeIdNumber(QStringLiteral("110101"), QDate(1998, 3, 7), 457);
    QVERIFY(!SandboxFixtures::findByDocNo(unknown));
    QTest::newRow("unknown person: 202") << QStringLiteral("测试甲") << unknown << QStringLiteral("20200610")
                                         << QStringLiteral("20300610") << QStringLiteral("notPassed")
                                         << QStringLiteral("202");
    QTest::newRow("name does not match: 223")
        << QStringLiteral("王小红") << first.docNo << first.validityStartDate << first.validityEndDate
        << QStringLiteral("notPassed") << QStringLiteral("223");
}

void TestMainWindow::verifiesAgainstSandbox()
{
    QFETCH(QString, name);
    QFETCH(QString, idNumber);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, state);
    QFETCH(QString, subCode);

    QSignalSpy submitted(service(), &VerificationService::submitted);
    typeCase(name, idNumber, start, end);
    const CaseInput input = window()->caseForm()->caseInput();
    QCOMPARE(input.idNumber, idNumber);
    QCOMPARE(input.validityStart, QDate::fromString(start, QStringLiteral("yyyyMMdd")));
    QCOMPARE(input.longTerm, end.isEmpty());
    if (!end.isEmpty())
        QCOMPARE(input.validityEnd, QDate::fromString(end, QStringLiteral("yyyyMMdd")));
    QVERIFY2(window()->caseForm()->issues().isEmpty(), qPrintable(window()->caseForm()->issues().value(0).message));

    pressEnter();
    QCOMPARE(submitted.count(), 1);

    ResultPanel* panel = window()->resultPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->state(), state, 30000);
    auto* headline = widget<QLabel>("headlineLabel");
    QCOMPARE(headline->property("status").toString(), state);
    auto* subCodeLabel = widget<QLabel>("subCodeLabel");
    QVERIFY(subCodeLabel->isVisible());
    QVERIFY2(subCodeLabel->text().contains(subCode), qPrintable(subCodeLabel->text()));
    auto* explanation = widget<QLabel>("explanationLabel");
    QVERIFY2(
        explanation->text().contains(VerificationResult::subCodeExplanation(subCode)), qPrintable(explanation->text()));

    auto* guidanceFrame = widget<QWidget>("guidanceFrame");
    auto* manualReview = widget<QPushButton>("manualReviewPushButton");
    if (state == QLatin1String("notPassed")) {
        QVERIFY(guidanceFrame->isVisible());
        // 202 and 223: numbered steps (TestResultFlow goes through them).
        QCOMPARE(widget<QLabel>("guidanceLabel")->text(), ResultPanel::subCodeSteps(subCode));
        QVERIFY(manualReview->isVisible());
        // Without an audit history there is no case to review.
        QVERIFY(!manualReview->isEnabled());
        QVERIFY(manualReview->toolTip().contains(QLatin1String("audit history")));
    } else {
        QVERIFY(!guidanceFrame->isVisible());
    }

    auto* requestId = widget<QLabel>("requestIdValueLabel");
    auto* bizId = widget<QLabel>("merchantBizIdValueLabel");
    QVERIFY(!requestId->text().isEmpty());
    QVERIFY(requestId->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QCOMPARE(bizId->text(), submitted.at(0).at(1).toString());
    QCOMPARE(bizId->text().size(), 32);
    QVERIFY(bizId->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QCOMPARE(widget<QLabel>("attemptsValueLabel")->text().left(1), QStringLiteral("1"));
    QVERIFY(widget<QPushButton>("verifyPushButton")->isEnabled());

    QString shot = QString::fromLatin1(QTest::currentDataTag()).left(18).simplified();
    shot.replace(QLatin1Char(' '), QLatin1Char('-')).remove(QLatin1Char(':'));
    saveScreenshot(QStringLiteral("shot-result-%1.png").arg(shot));
    if (subCode == QLatin1String("202"))
        saveScreenshot(QStringLiteral("shot-result.png"));
}

void TestMainWindow::showsErrorsAndUnknownSubCodes_data()
{
    QTest::addColumn<QString>("trigger"); // DocName of a sandbox fault trigger
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("headlineCode"); // what the SubCode line names
    QTest::addColumn<QString>("explanation");
    QTest::addColumn<bool>("guidance");

    QTest::newRow("RAM user denied") << SandboxFixtures::ramDenied << QStringLiteral("error")
                                     << QStringLiteral("Forbidden.RAMUserAccessDenied")
                                     << VerificationResult::errorExplanation(
                                            VerificationResult::Error::RamUserAccessDenied)
                                     << false;
    QTest::newRow("account not activated")
        << SandboxFixtures::accountDenied << QStringLiteral("error") << QStringLiteral("Forbidden.AccountAccessDenied")
        << VerificationResult::errorExplanation(VerificationResult::Error::AccountAccessDenied) << false;
    QTest::newRow("undocumented SubCode")
        << SandboxFixtures::unknownSubCode << QStringLiteral("notPassed") << QStringLiteral("999")
        << VerificationResult::subCodeExplanation(QStringLiteral("999")) << true;
}

void TestMainWindow::showsErrorsAndUnknownSubCodes()
{
    QFETCH(QString, trigger);
    QFETCH(QString, state);
    QFETCH(QString, headlineCode);
    QFETCH(QString, explanation);
    QFETCH(bool, guidance);

    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    typeCase(trigger, person.docNo, person.validityStartDate, person.validityEndDate);
    pressEnter();
    QTRY_COMPARE_WITH_TIMEOUT(window()->resultPanel()->state(), state, 30000);
    QVERIFY2(widget<QLabel>("subCodeLabel")->text().contains(headlineCode),
        qPrintable(widget<QLabel>("subCodeLabel")->text()));
    QVERIFY(!explanation.isEmpty());
    QCOMPARE(widget<QLabel>("explanationLabel")->text(), explanation);
    QCOMPARE(widget<QWidget>("guidanceFrame")->isVisible(), guidance);
    QVERIFY(widget<QPushButton>("verifyPushButton")->isEnabled());
    if (state == QLatin1String("error"))
        saveScreenshot(QStringLiteral("shot-error.png"));
}

void TestMainWindow::warningsRequireAcknowledgement()
{
    // A 7-year term exists for nobody: a likely 223, so the reviewer must confirm before the billed call.
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    QSignalSpy submitted(service(), &VerificationService::submitted);
    const int received = sandbox()->requestsReceived();
    const QString end = QString::number(person.validityStartDate.left(4).toInt() + 7) + person.validityStartDate.mid(4);
    typeCase(person.docName, person.docNo, person.validityStartDate, end);

    auto* warnings = widget<QWidget>("warningsFrame");
    auto* acknowledge = widget<QCheckBox>("acknowledgeCheckBox");
    QTRY_VERIFY(warnings->isVisible());
    QVERIFY(widget<QLabel>("warningsLabel")->text().contains(QLatin1String("20")));
    QVERIFY(!acknowledge->isChecked());
    QVERIFY(widget<QPushButton>("verifyPushButton")->isEnabled()); // warnings do not block, they ask

    pressEnter();
    QCOMPARE(submitted.count(), 0);
    QCOMPARE(service()->client()->pendingCalls(), 0);
    QCOMPARE(QApplication::focusWidget(), acknowledge);
    saveScreenshot(QStringLiteral("shot-warnings.png"));

    QTest::keyClick(acknowledge, Qt::Key_Space);
    QVERIFY(acknowledge->isChecked());
    // Training says one thing about billing, everywhere: never billed.
    for (const QString& text : { widget<QLabel>("warningsTitleLabel")->text(),
             widget<QLabel>("hintLabel")->text(),
             widget<QPushButton>("verifyPushButton")->toolTip() }) {
        QVERIFY2(!text.contains(Billing::perCall(false)) && !text.contains(QLatin1String("every answered")),
            qPrintable(text));
    }
    QVERIFY2(widget<QLabel>("hintLabel")->text().contains(Billing::perCall(true)),
        qPrintable(widget<QLabel>("hintLabel")->text()));
    QCOMPARE(widget<QLabel>("warningsTitleLabel")->text(), Billing::warningsHeading(true));
    pressEnter();
    QCOMPARE(submitted.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window()->resultPanel()->state(), QStringLiteral("notPassed"), 30000);
    QVERIFY(widget<QLabel>("subCodeLabel")->text().contains(QLatin1String("223")));
    // The first Enter sent nothing: after the full round trip of the acknowledged case, that case is the only request
    // the sandbox received and no other call is pending.
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(sandbox()->requestsReceived(), received + 1);
    QCOMPARE(service()->client()->pendingCalls(), 0);
}

void TestMainWindow::spaceInsideAChineseNameAsksFirst_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("scheme");
    QTest::newRow("English, light") << QString::fromLatin1(Language::english) << QString();
    QTest::newRow("Chinese, dark") << QString::fromLatin1(Language::simplifiedChinese)
                                   << QString::fromLatin1(Theme::darkScheme);
}

void TestMainWindow::spaceInsideAChineseNameAsksFirst()
{
    // "李 明" is not what the card prints: likely a 223, so it is asked about, like a card term that cannot be.
    QFETCH(QString, language);
    QFETCH(QString, scheme);
    Language::apply(language);
    Theme::apply(scheme);
    const auto restore = qScopeGuard([] {
        Theme::apply(QString());
        Language::apply(QLatin1String(Language::english));
    });
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    QSignalSpy submitted(service(), &VerificationService::submitted);
    const int received = sandbox()->requestsReceived();
    const QString spaced = person.docName.left(1) + QLatin1Char(' ') + person.docName.mid(1);
    typeCase(spaced, person.docNo, person.validityStartDate, person.validityEndDate);

    QTRY_VERIFY(widget<QWidget>("warningsFrame")->isVisible());
    const QString warning = widget<QLabel>("warningsLabel")->text();
    CaseInput input;
    input.name = spaced;
    const QList<ValidationIssue> issues = CaseValidator::check(input, QDate::currentDate());
    const auto spaceIssue = std::find_if(issues.cbegin(), issues.cend(), [](const ValidationIssue& issue) {
        return issue.code == QLatin1String("warn.name_space_between_han");
    });
    QVERIFY(spaceIssue != issues.cend());
    QVERIFY2(warning.contains(spaceIssue->message.toHtmlEscaped()), qPrintable(warning));
    QVERIFY(!widget<QCheckBox>("acknowledgeCheckBox")->isChecked());
    pressEnter();
    QCOMPARE(submitted.count(), 0);
    QCOMPARE(sandbox()->requestsReceived(), received);
    GuiDriver::settleLayout();
    saveScreenshot(
        QStringLiteral("shot-name-space-%1-%2.png").arg(language, scheme.isEmpty() ? QStringLiteral("light") : scheme));

    // Without the space the same case has nothing to ask.
    auto* name = widget<QLineEdit>("nameLineEdit");
    name->setFocus();
    name->selectAll();
    GuiDriver::typeText(name, person.docName);
    QTest::keyClick(name, Qt::Key_Tab);
    QTRY_VERIFY(!widget<QWidget>("warningsFrame")->isVisible());
}

void TestMainWindow::verifyDisabledWhileCallRuns()
{
    // The answer is due at once, and still the call stays in flight for every check up to the wait for the result:
    // once its request has reached the sandbox, the test runs no event loop until then, and the answer needs several
    // passes of it (the sandbox writes it from a posted event, its bytes leave on a later pass, the client's reply
    // arrives through posted events again). So no check depends on how long an answer takes.
    sandbox()->setSlowResponseMs(0);
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    typeCase(SandboxFixtures::slow, person.docNo, person.validityStartDate, person.validityEndDate);
    auto* verify = widget<QPushButton>("verifyPushButton");
    auto* name = widget<QLineEdit>("nameLineEdit");
    QVERIFY(verify->isEnabled());
    QSignalSpy received(sandbox(), &SandboxServer::requestReceived);

    pressEnter();
    QVERIFY(!verify->isEnabled());
    QVERIFY(widget<QPushButton>("cancelPushButton")->isVisible());
    QVERIFY(name->isReadOnly());
    QCOMPARE(window()->resultPanel()->state(), QStringLiteral("pending"));
    QVERIFY(widget<QWidget>("progressBar")->isVisible());
    QVERIFY(received.wait(30000)); // the attempt has started and its request is at the sandbox
    QCOMPARE(widget<QLabel>("attemptsValueLabel")->text(), QStringLiteral("1"));
    QVERIFY(window()->currentCall() != nullptr);
    saveScreenshot(QStringLiteral("shot-pending.png"));
    QSignalSpy submitted(service(), &VerificationService::submitted);
    pressEnter(); // a second Enter while waiting sends nothing
    QCOMPARE(submitted.count(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(window()->resultPanel()->state(), QStringLiteral("passed"), 30000);
    QVERIFY(verify->isEnabled());
    QVERIFY(!name->isReadOnly());
    QVERIFY(!widget<QPushButton>("cancelPushButton")->isVisible());
    QVERIFY(!window()->currentCall());
}

void TestMainWindow::escapeCancelsRunningCall()
{
    // The sandbox holds the answer (MainWindowFixture::heldAnswerMs): only Escape ends the call.
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    typeCase(SandboxFixtures::slow, person.docNo, person.validityStartDate, person.validityEndDate);
    pressEnter();
    QCOMPARE(window()->resultPanel()->state(), QStringLiteral("pending"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(window()->resultPanel()->state(), QStringLiteral("cancelled"), 10000);
    QVERIFY(widget<QPushButton>("verifyPushButton")->isEnabled());
}

void TestMainWindow::newCaseClearsFormAndOutcome()
{
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    typeCase(person.docName, person.docNo, person.validityStartDate, person.validityEndDate);
    pressEnter();
    QTRY_COMPARE_WITH_TIMEOUT(window()->resultPanel()->state(), QStringLiteral("passed"), 30000);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier);
    const CaseInput input = window()->caseForm()->caseInput();
    QVERIFY(input.name.isEmpty());
    QVERIFY(input.idNumber.isEmpty());
    QVERIFY(!input.validityStart.isValid());
    QVERIFY(!input.validityEnd.isValid());
    QVERIFY(!input.longTerm);
    QCOMPARE(window()->resultPanel()->state(), QStringLiteral("empty"));
    QCOMPARE(QApplication::focusWidget(), widget<QLineEdit>("nameLineEdit"));
    QVERIFY(!widget<QLabel>("idNumberErrorLabel")->isVisible()); // a fresh form does not scold
}

// What the service reports about the anchor folder (TestVerificationService makes it fail for real) stays in the status
// bar, with the whole explanation in the tooltip, across the next case, until a checkpoint is copied again.
void TestMainWindow::anchorFailureStaysInTheStatusBar()
{
    auto* label = widget<QLabel>("anchorWarningStatusLabel");
    QVERIFY(label);
    QVERIFY(!label->isVisible());
    const QString why = QStringLiteral("Cannot create the anchor folder /srv/anchors/abc.");
    emit service()->anchorError(why);
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->toolTip().contains(why), qPrintable(label->toolTip()));
    QVERIFY(label->toolTip().contains(QLatin1String("intact")));
    QVERIFY(window()->statusBar()->currentMessage().contains(why));
    GuiDriver::saveScreenshot(window(), QStringLiteral("shot-anchor-warning.png"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier); // a new case
    QCOMPARE(window()->caseForm()->caseInput().name, QString());
    QVERIFY(label->isVisible());
    // Until the folder takes a checkpoint again.
    emit service()->anchorsCopied();
    QTRY_VERIFY(!label->isVisible());
    QVERIFY2(window()->statusBar()->currentMessage().contains(QLatin1String("again")),
        qPrintable(window()->statusBar()->currentMessage()));
}

void TestMainWindow::statusMessageCanBeRead_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("roomForAll"); // the facts keep what they showed beside the message
    QTest::newRow("usual width") << 0 << QStringLiteral("en") << false;
    QTest::newRow("usual width, Chinese") << 0 << QStringLiteral("zh_CN") << false;
    QTest::newRow("wide") << 2000 << QStringLiteral("en") << true;
}

// A message is drawn in the room the status bar's permanent facts leave on its left (from 6 px in to 2 px before the
// first fact shown, as QStatusBar paints it). When it does not fit beside the facts' usual forms, they keep to their
// short forms while it is shown, so it can be read whole; on a bar wide enough for both nothing is shortened; once the
// message is cleared the facts take their room back.
void TestMainWindow::statusMessageCanBeRead()
{
    QFETCH(int, width);
    QFETCH(QString, language);
    QFETCH(bool, roomForAll);
    const QSize usual = window()->size();
    const auto restore = qScopeGuard([&] {
        Language::apply(QStringLiteral("en"));
        window()->resize(usual);
        window()->statusBar()->clearMessage();
    });
    Language::apply(language);
    if (width > 0)
        window()->resize(width, usual.height());
    QStatusBar* bar = window()->statusBar();
    const QList<ElidedLabel*> facts { widget<ElidedLabel>("endpointStatusLabel"),
        widget<ElidedLabel>("credentialsStatusLabel"),
        widget<ElidedLabel>("historyStatusLabel") };
    const auto messageRoom = [bar] { // to the first permanent widget shown, a fact or another (who signed in)
        int right = bar->width() - 12;
        for (const QWidget* child : bar->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
            if (child->isVisible())
                right = qMin(right, child->geometry().left() - 2);
        }
        return right - 6;
    };
    GuiDriver::settleLayout();
    QList<int> widthsBefore;
    QStringList textsBefore;
    for (const ElidedLabel* fact : facts) {
        widthsBefore.append(fact->width());
        textsBefore.append(fact->text());
    }

    // A real message of the window's: the anchor folder takes checkpoints again after it failed.
    emit service()->anchorError(QStringLiteral("Cannot create the anchor folder /srv/anchors."));
    emit service()->anchorsCopied();
    const QString message = bar->currentMessage();
    QVERIFY(!message.isEmpty());
    GuiDriver::settleLayout();
    const int needed = bar->fontMetrics().horizontalAdvance(message);
    QVERIFY2(messageRoom() >= needed,
        qPrintable(QStringLiteral("%1 px for a message of %2 px").arg(messageRoom()).arg(needed)));
    int narrowed = 0;
    for (const ElidedLabel* fact : facts) {
        if (roomForAll)
            QCOMPARE(fact->text(), textsBefore.at(facts.indexOf(fact)));
        QVERIFY(fact->width() <= widthsBefore.at(facts.indexOf(fact)));
        narrowed += fact->width() < widthsBefore.at(facts.indexOf(fact)) ? 1 : 0;
    }
    QCOMPARE(narrowed > 0, !roomForAll); // at the usual width the facts made room
    GuiDriver::saveScreenshot(window(), QStringLiteral("shot-status-message-%1-%2.png").arg(language).arg(width));

    bar->clearMessage();
    GuiDriver::settleLayout();
    for (const ElidedLabel* fact : facts)
        QCOMPARE(fact->width(), widthsBefore.at(facts.indexOf(fact)));
}

void TestMainWindow::chineseCatalogueIsEmbedded()
{
    // main.cpp loads it for --lang zh_CN or a Chinese system locale.
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/ekyc-desk_zh_CN.qm")));
}

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
