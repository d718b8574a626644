#include "MainWindowFixture.h"

#include "GuiDriver.h"
#include "crypto/KeyVault.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxServer.h"
#include "session/VerificationService.h"

#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

MainWindowFixture::MainWindowFixture()
    : MainWindowFixture(Options())
{
}

MainWindowFixture::MainWindowFixture(Options options)
    : m_options(options)
{
}

MainWindowFixture::~MainWindowFixture() = default;

SandboxServer* MainWindowFixture::sandbox() const
{
    return m_service->sandbox();
}

QString MainWindowFixture::verifyCase(
    const SandboxFixtures::Person& person, const QString& expectedState, const QString& name)
{
    return GuiDriver::verifyCase(*m_service, m_window.get(), person, expectedState, name);
}

void MainWindowFixture::saveScreenshot(const QString& fileName) const
{
    GuiDriver::saveScreenshot(m_window.get(), fileName);
}

void MainWindowFixture::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (m_options.history)
        QVERIFY2(!KeyVault::passphraseFromEnvironment().isEmpty(), "run with EKYC_DESK_PASSPHRASE set (ctest sets it)");
    m_service = std::make_unique<VerificationService>();
    VerificationService::Options options;
    options.training = true;
    options.clock = &m_clock;
    options.client.rateLimitQps = 0;
    if (m_options.maxAttempts > 0)
        options.client.maxAttempts = m_options.maxAttempts;
    QVERIFY2(m_service->configure(options), qPrintable(m_service->errorString()));
    QVERIFY(m_service->sandbox());
}

void MainWindowFixture::init()
{
    sandbox()->setSlowResponseMs(heldAnswerMs);
    if (m_options.history) {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        // As at start-up, with the passphrase from the environment and no keychain (none runs here).
        m_history = GuiDriver::openHistory(m_dir->filePath(QStringLiteral("history.sqlite")));
        QVERIFY(m_history);
    }
    m_window = std::make_unique<MainWindow>(*m_service, m_history.get());
    QCOMPARE(m_service->history(), m_history.get());
    QVERIFY(GuiDriver::showActive(m_window.get()));
    auto* name = widget<QLineEdit>("nameLineEdit");
    QVERIFY(name);
    name->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(name->hasFocus());
}

void MainWindowFixture::cleanup()
{
    m_window.reset(); // cancels its call, if one still runs
    QCOMPARE(m_service->history(), static_cast<AuditStore*>(nullptr)); // the window unhooks the history it set
    QCOMPARE(m_service->client()->pendingCalls(), 0);
    m_history.reset();
    m_dir.reset();
}

void MainWindowFixture::cleanupTestCase()
{
    m_window.reset();
    m_service.reset();
}
