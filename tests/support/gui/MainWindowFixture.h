#pragma once

#include "FakeClock.h"
#include "MainWindow.h"

#include <QObject>
#include <QString>

#include <memory>

class AuditStore;
class QTemporaryDir;
class SandboxServer;
class VerificationService;
namespace SandboxFixtures {
struct Person;
}

// What the main-window tests share: one VerificationService in training mode (the real sandbox over HTTPS) for the
// whole test case, and for every test function a fresh MainWindow on it, shown, active and with the focus in the name
// field; with Options::history also a fresh SQLite history in a temporary folder, opened as at start-up. A test class
// derives from it and declares only its test functions: initTestCase(), init(), cleanup() and cleanupTestCase() are
// the fixture's. cleanup() deletes the window, which cancels its call, and checks that the client has no call left.
//
// The slow trigger of the sandbox (SandboxFixtures::slow) holds its answer for heldAnswerMs, far longer than any test
// runs: such a call stays in flight until the test cancels it. A test that wants the answer sets another time with
// sandbox()->setSlowResponseMs() before the call is sent; init() sets heldAnswerMs again for the next test.
class MainWindowFixture : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool history = false; // record the cases in a fresh history for every test function
        int maxAttempts = 0; // attempts per call; 0: the client's default
    };

    static constexpr int heldAnswerMs = 24 * 60 * 60 * 1000;

protected:
    MainWindowFixture();
    explicit MainWindowFixture(Options options);
    ~MainWindowFixture() override;

    VerificationService* service() const { return m_service.get(); }
    // The client's time: timeouts and back-off move only when a test advances it.
    FakeClock& clock() { return m_clock; }
    SandboxServer* sandbox() const;
    MainWindow* window() const { return m_window.get(); }
    // nullptr without Options::history.
    AuditStore* history() const { return m_history.get(); }

    template <typename T> T* widget(const char* name) const
    {
        return m_window->findChild<T*>(QString::fromLatin1(name));
    }
    // Types and verifies one case through the window (GuiDriver::verifyCase); returns its history case id.
    QString verifyCase(
        const SandboxFixtures::Person& person, const QString& expectedState, const QString& name = QString());
    void saveScreenshot(const QString& fileName) const;

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

private:
    const Options m_options;
    FakeClock m_clock { QDateTime::currentDateTimeUtc() }; // starts at now: the sandbox refuses skewed request dates
    std::unique_ptr<VerificationService> m_service;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuditStore> m_history;
    std::unique_ptr<MainWindow> m_window;
};
