#include "CaseForm.h"
#include "GuiDriver.h"
#include "HistoryPanel.h"
#include "MainWindow.h"
#include "ResultPanel.h"
#include "crypto/KeyVault.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/HistoryModel.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/VerificationService.h"

#include <QApplication>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

// Verifying a recorded case again from the History tab: the form is filled from the history (an audited reveal), the
// new case is linked to the old one by a reverify_link event. Real widgets, the training sandbox over HTTPS and a real
// SQLite history.
class TestReverification : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void correctedCaseIsLinked();
    void linkCanBeDropped_data();
    void linkCanBeDropped();
    void purgedCaseDisablesButton();
    void unknownCaseShowsWarning();
    void refusedWhileCallRuns();

private:
    template <typename T> T* widget(const char* name) const
    {
        return m_window->findChild<T*>(QString::fromLatin1(name));
    }
    // Types and verifies one case; returns its history case id (empty on failure).
    QString verifyCase(const SandboxFixtures::Person& person, const QString& expectedState, const QString& name = {})
    {
        return GuiDriver::verifyCase(*m_service, m_window, person, expectedState, name);
    }
    // Shows the History tab and clicks the row of this case.
    bool selectInHistory(const QString& caseId);
    QStringList kindsOf(const QString& caseId) const;
    void saveScreenshot(const QString& name) const { GuiDriver::saveScreenshot(m_window, name); }

    VerificationService* m_service = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditStore> m_history;
    MainWindow* m_window = nullptr;
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

void TestReverification::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!KeyVault::passphraseFromEnvironment().isEmpty(), "run with EKYC_DESK_PASSPHRASE set (ctest sets it)");
    m_service = new VerificationService(this);
    VerificationService::Options options;
    options.training = true;
    options.client.maxAttempts = 1; // a dropped connection ends the case at once, without real back-off waits
    QVERIFY2(m_service->configure(options), qPrintable(m_service->errorString()));
}

void TestReverification::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_history = GuiDriver::openHistory(m_dir->filePath(QStringLiteral("history.sqlite")));
    QVERIFY(m_history);
    m_service->sandbox()->setSlowResponseMs(5000);
    m_window = new MainWindow(*m_service, m_history.get());
    QVERIFY(GuiDriver::showActive(m_window));
}

void TestReverification::cleanup()
{
    delete m_window;
    m_window = nullptr;
    m_history.reset();
    m_dir.reset();
}

void TestReverification::cleanupTestCase()
{
    delete m_service;
    m_service = nullptr;
}

bool TestReverification::selectInHistory(const QString& caseId)
{
    QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier); // View > History
    auto* table = widget<QTableView>("historyTableView");
    if (!table->isVisible())
        return false;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, HistoryModel::CreatedColumn);
        if (index.data(HistoryModel::CaseIdRole).toString() == caseId) {
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
            return m_window->historyPanel()->selectedCaseId() == caseId;
        }
    }
    return false;
}

QStringList TestReverification::kindsOf(const QString& caseId) const
{
    QStringList kinds;
    for (const AuditEvent& event : m_history->eventsForCase(caseId))
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

    // The Case tab, filled from the history; a new case gets its own MerchantBizId.
    QCOMPARE(widget<QTabWidget>("mainTabWidget")->currentWidget()->objectName(), QStringLiteral("verifyTab"));
    auto* nameEdit = widget<QLineEdit>("nameLineEdit");
    QCOMPARE(nameEdit->text(), SandboxFixtures::reset);
    QCOMPARE(widget<QLineEdit>("idNumberLineEdit")->text(), person.docNo);
    QCOMPARE(widget<QDateEdit>("validityStartDateEdit")->date(),
        QDate::fromString(person.validityStartDate, QStringLiteral("yyyyMMdd")));
    QCOMPARE(widget<QDateEdit>("validityEndDateEdit")->date(),
        QDate::fromString(person.validityEndDate, QStringLiteral("yyyyMMdd")));
    QVERIFY(widget<QLineEdit>("merchantBizIdLineEdit")->text().isEmpty());
    QVERIFY(widget<QLineEdit>("merchantUserIdLineEdit")->text().isEmpty());
    QCOMPARE(m_window->caseForm()->caseInput().validityStart,
        QDate::fromString(person.validityStartDate, QStringLiteral("yyyyMMdd")));
    QCOMPARE(m_window->resultPanel()->state(), QStringLiteral("empty"));

    // The note names the old case, and the history recorded the reveal.
    QVERIFY(widget<QWidget>("reverifyFrame")->isVisible());
    QVERIFY2(widget<QLabel>("reverifyLabel")->text().contains(oldCase.left(8)),
        qPrintable(widget<QLabel>("reverifyLabel")->text()));
    QVERIFY(widget<QPushButton>("reverifyClearPushButton")->isVisible());
    QCOMPARE(m_window->reverifyOf(), oldCase);
    QCOMPARE(kindsOf(oldCase), oldKinds + QStringList { kind(EventKind::piiRevealed) });
    saveScreenshot(QStringLiteral("shot-reverify-note.png"));

    // The reviewer corrects the name (typed through the input method) and verifies.
    nameEdit->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(nameEdit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(nameEdit, Qt::Key_Backspace);
    QVERIFY(nameEdit->text().isEmpty());
    GuiDriver::typeText(nameEdit, person.docName);
    QCOMPARE(nameEdit->text(), person.docName);
    QSignalSpy submitted(m_service, &VerificationService::submitted);
    QSignalSpy recorded(m_service, &VerificationService::recorded);
    QSignalSpy finished(m_service, &VerificationService::finished);
    QTest::keyClick(nameEdit, Qt::Key_Return);
    QCOMPARE(submitted.count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, 30000);
    const QString newCase = recorded.at(0).at(1).toString();
    QVERIFY(!newCase.isEmpty());
    QVERIFY(newCase != oldCase);
    // Linked once: the note is gone and the next case is a new one.
    QVERIFY(!widget<QWidget>("reverifyFrame")->isVisible());
    QVERIFY(m_window->reverifyOf().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(m_window->resultPanel()->state(), QStringLiteral("passed"));

    // The old case: revealed for re-verification, then linked to the new case.
    const QList<AuditEvent> events = m_history->eventsForCase(oldCase);
    QVERIFY(events.size() >= 2);
    const AuditEvent& reveal = events.at(events.size() - 2);
    const AuditEvent& link = events.constLast();
    QCOMPARE(reveal.kind, kind(EventKind::piiRevealed));
    QCOMPARE(reveal.payloadObject().value(QStringLiteral("reason")).toString(), QStringLiteral("re-verification"));
    QCOMPARE(link.kind, kind(EventKind::reverifyLink));
    QCOMPARE(link.payloadObject().value(QStringLiteral("newCaseId")).toString(), newCase);
    QCOMPARE(events.size(), oldKinds.size() + 2);
    for (const AuditEvent& event : events) {
        QVERIFY(!event.payload.contains(person.docNo.toUtf8()));
        QVERIFY(!event.payload.contains(person.docName.toUtf8()));
    }

    // The new case: completed with 200, and says which case it re-verifies.
    const std::optional<CaseSummary> summary = m_history->caseSummary(newCase);
    QVERIFY(summary);
    QCOMPARE(summary->state, kind(CaseState::completed));
    QCOMPARE(summary->subCode, QStringLiteral("200"));
    QCOMPARE(summary->passed, std::optional<bool>(true));
    const QList<AuditEvent> newEvents = m_history->eventsForCase(newCase);
    QCOMPARE(newEvents.constFirst().kind, kind(EventKind::caseCreated));
    QCOMPARE(newEvents.constFirst().payloadObject().value(QStringLiteral("reverifies")).toString(), oldCase);
    QVERIFY(m_history->verifyChain().ok);

    // The History tab shows the link on the old case.
    QVERIFY(selectInHistory(oldCase));
    auto* list = widget<QListWidget>("eventsListWidget");
    QCOMPARE(list->count(), events.size());
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
    QCOMPARE(m_window->reverifyOf(), oldCase);
    QVERIFY(widget<QWidget>("reverifyFrame")->isVisible());

    if (how.isEmpty())
        QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    else
        QTest::mouseClick(m_window->findChild<QPushButton*>(how), Qt::LeftButton);
    QVERIFY(m_window->reverifyOf().isEmpty());
    QVERIFY(!widget<QWidget>("reverifyFrame")->isVisible());
    QCOMPARE(widget<QLineEdit>("nameLineEdit")->text(), formKept ? SandboxFixtures::reset : QString());
    QCOMPARE(widget<QLineEdit>("idNumberLineEdit")->text(), formKept ? person.docNo : QString());

    // The next case is not linked.
    m_window->newCase();
    const QString newCase = verifyCase(person, QStringLiteral("passed"));
    QVERIFY(!newCase.isEmpty());
    QVERIFY(!kindsOf(oldCase).contains(kind(EventKind::reverifyLink)));
    QVERIFY(!m_history->eventsForCase(newCase).constFirst().payloadObject().contains(QStringLiteral("reverifies")));
    QVERIFY(m_history->verifyChain().ok);
}

void TestReverification::purgedCaseDisablesButton()
{
    const QString caseId = verifyCase(fixture(), QStringLiteral("passed"));
    QVERIFY(!caseId.isEmpty());
    QVERIFY(selectInHistory(caseId));
    auto* verifyAgain = widget<QPushButton>("verifyAgainPushButton");
    QVERIFY(verifyAgain->isEnabled());

    QCOMPARE(m_history->purgeOlderThan(QDateTime::currentDateTimeUtc().addDays(1)), 1);
    QTest::mouseClick(widget<QPushButton>("refreshPushButton"), Qt::LeftButton);
    QCOMPARE(m_window->historyPanel()->selectedCaseId(), caseId);
    QVERIFY(!verifyAgain->isEnabled());
    QVERIFY(!widget<QPushButton>("revealPushButton")->isEnabled());
    QSignalSpy requested(m_window->historyPanel(), &HistoryPanel::reverifyRequested);
    QTest::mouseClick(verifyAgain, Qt::LeftButton);
    m_window->historyPanel()->reverifySelected();
    QCOMPARE(requested.count(), 0);

    // Asked anyway (e.g. by a stale request): a warning, nothing decrypted, nothing filled in.
    const QStringList kinds = kindsOf(caseId);
    m_window->verifyAgain(caseId);
    auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("reverifyErrorMessageBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QLatin1String("retention")), qPrintable(box->text()));
    QCOMPARE(kindsOf(caseId), kinds);
    QVERIFY(m_window->reverifyOf().isEmpty());
    QCOMPARE(widget<QTabWidget>("mainTabWidget")->currentWidget()->objectName(), QStringLiteral("historyTab"));
    box->close();
}

void TestReverification::unknownCaseShowsWarning()
{
    QVERIFY(!widget<QPushButton>("verifyAgainPushButton")->isEnabled()); // nothing selected
    m_window->verifyAgain(QStringLiteral("00000000-0000-0000-0000-000000000000"));
    auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("reverifyErrorMessageBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QLatin1String("not in the audit history")));
    QVERIFY(!widget<QWidget>("reverifyFrame")->isVisible());
    QVERIFY(widget<QLineEdit>("nameLineEdit")->text().isEmpty());
    box->close();
    QTRY_VERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("reverifyErrorMessageBox")));
}

void TestReverification::refusedWhileCallRuns()
{
    const QString oldCase = verifyCase(fixture(), QStringLiteral("error"), SandboxFixtures::reset);
    QVERIFY(!oldCase.isEmpty());
    const QStringList kinds = kindsOf(oldCase);
    // A slow call is running.
    m_window->newCase();
    QSignalSpy submitted(m_service, &VerificationService::submitted);
    QSignalSpy finished(m_service, &VerificationService::finished);
    GuiDriver::typeCase(m_window, fixture(), SandboxFixtures::slow);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(submitted.count(), 1);
    QVERIFY(m_window->currentCall() != 0);

    QVERIFY(selectInHistory(oldCase));
    QTest::mouseClick(widget<QPushButton>("verifyAgainPushButton"), Qt::LeftButton);
    auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("reverifyErrorMessageBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QCOMPARE(kindsOf(oldCase), kinds); // nothing decrypted
    QVERIFY(m_window->reverifyOf().isEmpty());
    QCOMPARE(widget<QLineEdit>("nameLineEdit")->text(), SandboxFixtures::slow);
    box->close();

    m_window->cancelCase();
    QTRY_COMPARE(finished.count(), 1);
}

QTEST_MAIN(TestReverification)
#include "TestReverification.moc"
