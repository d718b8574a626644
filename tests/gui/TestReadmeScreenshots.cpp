#include "GuiDriver.h"
#include "HistoryPanel.h"
#include "MainWindowFixture.h"
#include "ResultPanel.h"
#include "ReviewQueuePanel.h"
#include "SendToReviewDialog.h"
#include "Theme.h"
#include "base/Language.h"
#include "history/HistoryModel.h"
#include "sandbox/SandboxFixtures.h"
#include "session/ReviewQueueModel.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

// The README's pictures, made the way a reviewer gets there: a 200 and a 223 verified through the window against the
// training sandbox, the 223 sent to manual review, the queue and the history, in English and Chinese, light and dark.
// packaging/screenshots runs it under Xvfb with EKYC_SCREENSHOT_DIR=resources/screenshots; in the suite it checks
// that each scene is reached.
class TestReadmeScreenshots : public MainWindowFixture
{
    Q_OBJECT
public:
    TestReadmeScreenshots()
        : MainWindowFixture({ .history = true, .maxAttempts = 1 })
    {
    }

private slots:
    void scenes_data();
    void scenes();
};

void TestReadmeScreenshots::scenes_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("scheme");
    for (const char* language : { Language::english, Language::simplifiedChinese }) {
        for (const char* scheme : { Theme::lightScheme, Theme::darkScheme })
            QTest::addRow("%s %s", language, scheme) << QString::fromLatin1(language) << QString::fromLatin1(scheme);
    }
}

void TestReadmeScreenshots::scenes()
{
    QFETCH(QString, language);
    QFETCH(QString, scheme);
    Language::apply(language);
    Theme::apply(scheme);
    window()->resize(1100, 700);
    GuiDriver::settleLayout();
    const QString suffix = QStringLiteral("%1-%2.png").arg(language, scheme);
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();

    QVERIFY(!verifyCase(person, QStringLiteral("passed")).isEmpty());
    GuiDriver::settleLayout(); // the status bar's facts take their room back once the answer clears its message
    GuiDriver::saveScreenshot(window(), QStringLiteral("main-200-") + suffix);

    // A new case: the card's number under another name, which the sandbox answers with 223.
    window()->findChild<QAction*>(QStringLiteral("newCaseAction"))->trigger();
    const QString mismatch = verifyCase(person, QStringLiteral("notPassed"), QString::fromUtf8("王小红"));
    QVERIFY(!mismatch.isEmpty());
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(window(), QStringLiteral("main-223-") + suffix);

    window()->openSendToReview(mismatch);
    auto* dialog = window()->findChild<SendToReviewDialog*>(QStringLiteral("sendToReviewDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteTextEdit")),
        QStringLiteral("Asked the person to show the card again"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    ReviewQueuePanel* queue = window()->reviewQueuePanel();
    QTRY_VERIFY(queue->isVisible());
    QTRY_COMPARE(queue->selectedCaseId(), mismatch);
    QTRY_VERIFY(!queue->model()->isLoading());
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(window(), QStringLiteral("queue-") + suffix);

    window()->showHistory();
    HistoryPanel* history = window()->historyPanel();
    QTRY_VERIFY(history->isVisible());
    QTRY_VERIFY(!history->model()->isLoading() && history->model()->rowCount() == 2);
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(window(), QStringLiteral("history-") + suffix);

    Theme::apply(QString());
    Language::apply(QLatin1String(Language::english));
}

QTEST_MAIN(TestReadmeScreenshots)
#include "TestReadmeScreenshots.moc"
