#include "GuiDriver.h"

#include "HistoryOpener.h"
#include "MainWindow.h"
#include "ResultPanel.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxFixtures.h"
#include "session/VerificationService.h"

#include <QApplication>
#include <QDir>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

namespace GuiDriver {

void typeText(QWidget* target, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClick(target, static_cast<char>(ch.unicode()));
        } else {
            QInputMethodEvent commit; // QTest::keyClicks cannot type Chinese
            commit.setCommitString(QString(ch));
            QApplication::sendEvent(target, &commit);
        }
    }
}

void typeCase(QWidget* window, const QString& name, const QString& idNumber, const QString& start, const QString& end)
{
    auto* nameEdit = window->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
    nameEdit->setFocus(Qt::OtherFocusReason);
    typeText(nameEdit, name);
    QTest::keyClick(nameEdit, Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), idNumber);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), start); // YYYYMMDD: each full section moves on to the next
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    if (end.isEmpty()) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab); // skip the end date, on to Long-term
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    } else {
        QTest::keyClicks(QApplication::focusWidget(), end);
    }
}

void typeCase(QWidget* window, const SandboxFixtures::Person& person, const QString& name)
{
    typeCase(
        window, name.isEmpty() ? person.docName : name, person.docNo, person.validityStartDate, person.validityEndDate);
}

QString verifyCase(VerificationService& service,
    MainWindow* window,
    const SandboxFixtures::Person& person,
    const QString& expectedState,
    const QString& name)
{
    QSignalSpy submitted(&service, &VerificationService::submitted);
    QSignalSpy recorded(&service, &VerificationService::recorded);
    QSignalSpy finished(&service, &VerificationService::finished);
    typeCase(window, person, name);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    if (submitted.count() != 1)
        return QString();
    if (!QTest::qWaitFor([&] { return finished.count() == 1; }, 30000) || recorded.count() != 1)
        return QString();
    const QString caseId = recorded.at(0).at(1).toString();
    if (window->resultPanel()->state() != expectedState)
        return QString();
    return caseId;
}

void saveScreenshot(QWidget* widget, const QString& fileName)
{
    const QString dir = QProcessEnvironment::systemEnvironment().value(QStringLiteral("EKYC_SCREENSHOT_DIR"));
    if (!dir.isEmpty())
        QVERIFY(widget->grab().save(QDir(dir).filePath(fileName)));
}

void settleLayout()
{
    for (int pass = 0; pass < 5; ++pass) { // nested layouts ask their parents on the next pass
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
}

bool showActive(QWidget* window)
{
    window->show();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

std::unique_ptr<AuditStore> openHistory(const QString& path)
{
    HistoryOpener opener(nullptr);
    opener.setPassphrasePrompt([](PassphraseDialog::Mode, const QString&, const QString& error) {
        qWarning("unexpected passphrase prompt: %s", qPrintable(error));
        return std::optional<QString>();
    });
    opener.setRetryPrompt([](const QString& message) {
        qWarning("unexpected failure: %s", qPrintable(message));
        return false;
    });
    Result<std::unique_ptr<AuditStore>> store = opener.open(path);
    return store ? std::move(*store) : nullptr;
}

} // namespace GuiDriver
