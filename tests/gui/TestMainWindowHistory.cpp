#include "CaseForm.h"
#include "ElidedLabel.h"
#include "GuiDriver.h"
#include "HistoryOpener.h"
#include "HistoryPanel.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "ResultPanel.h"
#include "RevealDialog.h"
#include "StoreFixture.h"
#include "base/DisplayTime.h"
#include "crypto/KeyVault.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/HistoryModel.h"
#include "sandbox/SandboxFixtures.h"
#include "session/VerificationService.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

// The main window records every case in the audit history: verified through the real widgets against the training
// sandbox over HTTPS, then checked in the real SQLite history (opened with EKYC_DESK_PASSPHRASE, as scripts do).
class TestMainWindowHistory : public MainWindowFixture
{
    Q_OBJECT
public:
    TestMainWindowHistory()
        : MainWindowFixture({ .history = true })
    {
    }

private slots:
    void statusBarNamesHistoryAndKeySource();
    void caseIsRecordedWithAllEvents();
    void historyViewShowsMaskedRow();
    void revealNeedsReasonAndIsAudited();
    void historyErrorShowsWarning();
    void historyViewAfterTwoCases();
    void windowShowsBeforeHistoryIsOpen();
};

void TestMainWindowHistory::statusBarNamesHistoryAndKeySource()
{
    auto* label = widget<QLabel>("historyStatusLabel");
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY2(label->toolTip().contains(history()->displayLocation()), qPrintable(label->toolTip()));
    QVERIFY2(label->toolTip().contains(HistoryOpener::describeKeySource(QStringLiteral("passphrase"))),
        qPrintable(label->toolTip()));
    // Long paths are shortened in the middle: the file's name stays in sight when there is room.
    window()->resize(1600, 900);
    GuiDriver::settleLayout();
    QVERIFY2(label->text().contains(QLatin1String("history.sqlite")), qPrintable(label->text()));
    QVERIFY(!label->text().contains(KeyVault::passphraseFromEnvironment()));
    QVERIFY(!widget<QLabel>("historyWarningLabel")->isVisible());
}

void TestMainWindowHistory::caseIsRecordedWithAllEvents()
{
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    const QString caseId = verifyCase(person, QStringLiteral("passed"));
    QVERIFY(!caseId.isEmpty());

    const Result<CaseSummary> summary = history()->caseSummary(StoreFixture::reader(), caseId);
    QVERIFY(summary);
    QCOMPARE(summary->state, QString::fromLatin1(CaseState::completed));
    QCOMPARE(summary->subCode, QStringLiteral("200"));
    QCOMPARE(summary->passed, std::optional<bool>(true));
    QVERIFY(summary->training);
    QCOMPARE(summary->attempts, 1);
    QCOMPARE(summary->merchantBizId, widget<QLabel>("merchantBizIdValueLabel")->text());

    QStringList kinds;
    for (const AuditEvent& event : history()->eventsForCase(StoreFixture::reader(), caseId).valueOr({})) {
        kinds.append(event.kind);
        QVERIFY(!event.payload.contains(person.docNo.toUtf8())); // never the plaintext ID number
    }
    QCOMPARE(kinds,
        QStringList({ QString::fromLatin1(EventKind::caseCreated),
            QString::fromLatin1(EventKind::attemptSent),
            QString::fromLatin1(EventKind::responseReceived),
            QString::fromLatin1(EventKind::caseCompleted) }));
    QVERIFY(history()->verifyChain().ok);
    QVERIFY(!widget<QLabel>("historyWarningLabel")->isVisible());
}

void TestMainWindowHistory::historyViewShowsMaskedRow()
{
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    const QString caseId = verifyCase(person, QStringLiteral("passed"));
    QVERIFY(!caseId.isEmpty());

    QTest::keyClick(window(), Qt::Key_2, Qt::ControlModifier); // View > History
    auto* tabs = widget<QTabWidget>("mainTabWidget");
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("historyTab"));
    auto* table = widget<QTableView>("historyTableView");
    QVERIFY(table && table->isVisible());
    QAbstractItemModel* model = table->model();
    QTRY_COMPARE(model->rowCount(), 1); // read on the history reader thread
    QCOMPARE(model->index(0, 0).data(HistoryModel::CaseIdRole).toString(), caseId);
    for (int column = 0; column < model->columnCount(); ++column) {
        const QString cell = model->index(0, column).data(Qt::DisplayRole).toString();
        QVERIFY2(!cell.contains(person.docNo), qPrintable(cell));
        QVERIFY2(!cell.contains(person.docName), qPrintable(cell));
    }
    const QString idMasked = model->index(0, HistoryModel::IdNumberColumn).data().toString();
    QCOMPARE(idMasked.size(), person.docNo.size());
    QVERIFY(idMasked.contains(QLatin1Char('*')));
    QVERIFY(idMasked.startsWith(person.docNo.left(4)));
    QVERIFY(model->index(0, HistoryModel::NameColumn).data().toString().contains(QLatin1Char('*')));
    QCOMPARE(model->index(0, HistoryModel::OutcomeColumn).data().toString(),
        HistoryOutcome::displayName(QStringLiteral("passed")));
    QCOMPARE(model->index(0, HistoryModel::StateColumn).data().toString(),
        CaseSummary::displayState(QStringLiteral("completed")));
    QCOMPARE(model->index(0, HistoryModel::TrainingColumn).data().toString(), QStringLiteral("training"));
    // Time in local time, in the one format the desk uses everywhere.
    const QDateTime created = history()->caseSummary(StoreFixture::reader(), caseId)->createdAt;
    QCOMPARE(model->index(0, HistoryModel::CreatedColumn).data().toString(), DisplayTime::dateTime(created));
    QVERIFY(DisplayTime::dateTime(created).contains(created.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    QVERIFY(DisplayTime::dateTime(created).contains(QString::number(created.toLocalTime().date().year())));

    // Selecting the case lists its events.
    table->setCurrentIndex(model->index(0, HistoryModel::CreatedColumn));
    auto* events = widget<QListWidget>("eventsListWidget");
    QTRY_COMPARE(events->count(), 4);
    QVERIFY2(events->item(3)->text().contains(QLatin1String("200")), qPrintable(events->item(3)->text()));
    for (int i = 0; i < events->count(); ++i) {
        QVERIFY(!events->item(i)->text().contains(person.docNo));
        QVERIFY(!events->item(i)->toolTip().contains(person.docNo));
    }
}

void TestMainWindowHistory::revealNeedsReasonAndIsAudited()
{
    const SandboxFixtures::Person& person = SandboxFixtures::people().constFirst();
    const QString caseId = verifyCase(person, QStringLiteral("passed"));
    QVERIFY(!caseId.isEmpty());
    const int eventsBefore =
        static_cast<int>(history()->eventsForCase(StoreFixture::reader(), caseId).valueOr({}).size());

    widget<QTabWidget>("mainTabWidget")->setCurrentWidget(widget<QWidget>("historyTab"));
    auto* table = widget<QTableView>("historyTableView");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, HistoryModel::CreatedColumn));
    auto* revealButton = widget<QPushButton>("revealPushButton");
    QVERIFY(revealButton->isEnabled());
    QTest::mouseClick(revealButton, Qt::LeftButton);
    RevealDialog* dialog = window()->historyPanel()->revealDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* reason = dialog->findChild<QLineEdit*>(QStringLiteral("reasonLineEdit"));
    auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("revealPushButton"));
    auto* name = dialog->findChild<QLabel*>(QStringLiteral("nameValueLabel"));
    auto* idNumber = dialog->findChild<QLabel*>(QStringLiteral("idNumberValueLabel"));
    QVERIFY(reason && confirm && name && idNumber);

    // Without a reason: refused, nothing decrypted, nothing recorded.
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("   "));
    QVERIFY(!confirm->isEnabled());
    QVERIFY(!dialog->reveal());
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("errorLabel"))->isVisible());
    QVERIFY(!name->isVisible());
    QVERIFY(name->text().isEmpty());
    QVERIFY(idNumber->text().isEmpty());
    QCOMPARE(history()->eventsForCase(StoreFixture::reader(), caseId).valueOr({}).size(), eventsBefore);

    // With a reason: the values, and a pii_revealed event with the reason.
    reason->clear();
    QTest::keyClicks(reason, QStringLiteral("ticket 4711: customer asked"));
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY(dialog->isRevealed()); // asked on the history reader thread
    QVERIFY(name->isVisible());
    QCOMPARE(name->text(), person.docName);
    QCOMPARE(idNumber->text(), person.docNo);
    const QList<AuditEvent> events = history()->eventsForCase(StoreFixture::reader(), caseId).valueOr({});
    QCOMPARE(events.size(), eventsBefore + 1);
    QCOMPARE(events.constLast().kind, QString::fromLatin1(EventKind::piiRevealed));
    QCOMPARE(events.constLast().payloadObject().value(QStringLiteral("reason")).toString(),
        QStringLiteral("ticket 4711: customer asked"));
    QVERIFY(!events.constLast().payload.contains(person.docNo.toUtf8()));
    // The events list shows the reveal too.
    auto* list = widget<QListWidget>("eventsListWidget");
    QTRY_COMPARE(list->count(), eventsBefore + 1);
    QVERIFY(list->item(list->count() - 1)->text().contains(QLatin1String("ticket 4711")));
    saveScreenshot(QStringLiteral("shot-history-reveal.png"));
    GuiDriver::saveScreenshot(dialog, QStringLiteral("shot-reveal-dialog.png"));

    // The desk locked (idle, or by the person): the revealed values are closed, not kept hidden for the unlock.
    window()->setIdleLock(10);
    widget<QAction>("lockAction")->trigger();
    QVERIFY(window()->isLocked());
    QTRY_VERIFY(!window()->historyPanel()->revealDialog()); // deleted on close, with the plaintext
    QVERIFY(history()->verifyChain().ok);
}

void TestMainWindowHistory::historyErrorShowsWarning()
{
    auto* warning = widget<QLabel>("historyWarningLabel");
    QVERIFY(!warning->isVisible());
    emit service()->historyError(QStringLiteral("The outcome could not be recorded: disk I/O error"));
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QLatin1String("Not recorded")));
    QVERIFY(warning->text().contains(QLatin1String("disk I/O error")));
    QVERIFY(window()->statusBar()->currentMessage().contains(QLatin1String("disk I/O error")));
    QVERIFY(QApplication::activeModalWidget() == nullptr); // not modal
    // The next case starts without the old warning.
    QVERIFY(!verifyCase(SandboxFixtures::people().constFirst(), QStringLiteral("passed")).isEmpty());
    QVERIFY(!warning->isVisible());
}

void TestMainWindowHistory::historyViewAfterTwoCases()
{
    const auto& people = SandboxFixtures::people();
    QVERIFY(!verifyCase(people.at(0), QStringLiteral("passed")).isEmpty());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(!verifyCase(people.at(0), QStringLiteral("notPassed"), QStringLiteral("王小红")).isEmpty());

    QTest::keyClick(window(), Qt::Key_2, Qt::ControlModifier);
    auto* table = widget<QTableView>("historyTableView");
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, HistoryModel::OutcomeColumn).data().toString(),
        HistoryOutcome::displayName(QStringLiteral("223")));
    QCOMPARE(table->model()->index(1, HistoryModel::OutcomeColumn).data().toString(),
        HistoryOutcome::displayName(QStringLiteral("passed")));
    table->setCurrentIndex(table->model()->index(0, HistoryModel::CreatedColumn));
    QTRY_COMPARE(widget<QListWidget>("eventsListWidget")->count(), 4); // the case's events, read on the reader thread
    saveScreenshot(QStringLiteral("shot-history.png"));
}

// Start-up (ui/main.cpp): the window shows while its history opens, disabled and saying so; once the history is
// attached it is the desk, as a window made with its history.
void TestMainWindowHistory::windowShowsBeforeHistoryIsOpen()
{
    {
        MainWindow pending(*service(), MainWindow::HistoryPending {});
        QVERIFY(GuiDriver::showActive(&pending));
        QVERIFY(pending.isHistoryPending());
        QVERIFY(!pending.centralWidget()->isEnabled());
        QVERIFY(!pending.findChild<QAction*>(QStringLiteral("verifyAction"))->isEnabled());
        QVERIFY(!pending.findChild<QAction*>(QStringLiteral("showHistoryAction"))->isEnabled());
        QVERIFY(!pending.findChild<QAction*>(QStringLiteral("settingsAction"))->isEnabled());
        QVERIFY(pending.findChild<QAction*>(QStringLiteral("quitAction"))->isEnabled());
        QCOMPARE(pending.historyPanel(), nullptr);
        auto* label = pending.findChild<ElidedLabel*>(QStringLiteral("historyStatusLabel"));
        QVERIFY(label);
        QCOMPARE(label->fullText(), MainWindow::tr("Opening the audit history…"));

        pending.attachHistory(history());
        QVERIFY(!pending.isHistoryPending());
        QVERIFY(pending.centralWidget()->isEnabled());
        QVERIFY(pending.findChild<QAction*>(QStringLiteral("verifyAction"))->isEnabled());
        QVERIFY(pending.findChild<QAction*>(QStringLiteral("showHistoryAction"))->isEnabled());
        QVERIFY(pending.findChild<QAction*>(QStringLiteral("verifyListAction"))->isEnabled());
        QVERIFY(pending.historyPanel());
        QVERIFY(pending.reviewQueuePanel());
        QVERIFY(pending.dashboardPanel());
        QCOMPARE(service()->history(), history());
        QVERIFY2(label->fullText().contains(history()->displayLocation()), qPrintable(label->fullText()));
    }
    service()->setHistory(history()); // the fixture's window still records into it
}

QTEST_MAIN(TestMainWindowHistory)
#include "TestMainWindowHistory.moc"
