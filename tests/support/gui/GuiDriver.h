#pragma once

#include <QString>

#include <memory>

class AuditStore;
class MainWindow;
class QWidget;
class VerificationService;
namespace SandboxFixtures {
struct Person;
}

// What the main-window tests share: typing a case the way a reviewer does, verifying it, screenshots, and a history
// opened as at start-up.
namespace GuiDriver {

// Latin characters as key clicks; Chinese as an input method commits them, one character at a time.
void typeText(QWidget* target, const QString& text);
// Types the case into the window's form: into the name field, then Tab from field to field. An empty end ticks
// Long-term instead.
void typeCase(QWidget* window, const QString& name, const QString& idNumber, const QString& start, const QString& end);
// The person's card, under another name when name is not empty.
void typeCase(QWidget* window, const SandboxFixtures::Person& person, const QString& name = QString());
// Types and verifies one case with Enter; returns its history case id. Empty when nothing was submitted, the call did
// not finish within 30 s, or the result panel is not in expectedState.
QString verifyCase(VerificationService& service,
    MainWindow* window,
    const SandboxFixtures::Person& person,
    const QString& expectedState,
    const QString& name = QString());
// Delivers what is posted (a language change, layout requests) until nested layouts have settled, without waiting on
// the clock: before a screenshot or a size check.
void settleLayout();
// Saves a grab of the widget as fileName in $EKYC_SCREENSHOT_DIR, when that is set.
void saveScreenshot(QWidget* widget, const QString& fileName);
// Shows the window and waits until it is active (also under a bare X server without a window manager).
bool showActive(QWidget* window);
// Opens the history at path as at start-up, with the passphrase from the environment and no keychain (none runs
// here). A passphrase or retry prompt is unexpected: it is logged and answered with "quit" (nullptr).
std::unique_ptr<AuditStore> openHistory(const QString& path);

} // namespace GuiDriver
