#include "GuiDriver.h"
#include "HistoryOpener.h"
#include "MainWindow.h"
#include "ResultPanel.h"
#include "StoreFixture.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/VerificationService.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>

// The longest gap between two ticks of a 5 ms timer on this thread, from start() on; onTick sees the tick count.
class StallMeter
{
public:
    StallMeter()
    {
        m_ticker.setInterval(5);
        QObject::connect(&m_ticker, &QTimer::timeout, &m_ticker, [this] { tick(); });
    }
    void start()
    {
        m_clock.start();
        m_lastTick = 0;
        m_longest = 0;
        m_ticks = 0;
        m_ticker.start();
    }
    qint64 stop()
    {
        m_ticker.stop();
        tick();
        return m_longest;
    }
    qint64 elapsed() const { return m_clock.elapsed(); }
    std::function<void(int ticks)> onTick;

private:
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        m_longest = qMax(m_longest, now - m_lastTick);
        m_lastTick = now;
        ++m_ticks;
        if (onTick)
            onTick(m_ticks);
    }

    QTimer m_ticker;
    QElapsedTimer m_clock;
    qint64 m_lastTick = 0;
    qint64 m_longest = 0;
    int m_ticks = 0;
};

// The window never waits for the history. Another process holds the SQLite write lock while a reviewer verifies a
// case: the history's writer thread waits for the lock (busy timeout 30 s), the main event loop goes on turning, and
// the case is recorded, then sent, once the lock is released. The stall is measured from Enter until the answer.
class TestResponsiveness : public QObject
{
    Q_OBJECT

    static constexpr int heldForTicks = 500;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Unlocking the keys (scrypt over the passphrase) and migrating happen on a thread of their own: the window's
    // event loop keeps turning while the history opens, for a new history and for an existing one.
    void openingTheHistoryDoesNotBlock()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        for (const char* what : { "new", "existing" }) {
            HistoryOpener opener(nullptr);
            opener.setEnvironmentPassphrase(KeyVault::passphraseFromEnvironment());
            opener.setRetryPrompt([](const QString& message) {
                qWarning("unexpected retry prompt: %s", qPrintable(message));
                return false;
            });
            StallMeter meter;
            meter.start();
            std::unique_ptr<AuditStore> store = StoreFixture::storeOf(opener.open(path));
            const qint64 took = meter.elapsed();
            const qint64 stall = meter.stop();
            qInfo("%s history opened in %lld ms, longest stall of the event loop %lld ms", what, took, stall);
            QVERIFY(store);
            QCOMPARE(store->keySource(), QStringLiteral("passphrase"));
            QVERIFY2(stall < 100, qPrintable(QString::number(stall)));
        }
    }

    void verificationWhileAnotherProcessHoldsTheLock()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        std::unique_ptr<AuditStore> history = GuiDriver::openHistory(path);
        QVERIFY(history);
        VerificationService service;
        VerificationService::Options options;
        options.training = true;
        QVERIFY2(service.configure(options), qPrintable(service.errorString()));
        auto* window = new MainWindow(service, history.get());
        QVERIFY(GuiDriver::showActive(window));

        QProcess holder;
        holder.start(
            QStringLiteral(EKYC_TEST_WRITER_PATH), { QStringLiteral("--db"), path, QStringLiteral("--hold-lock") });
        QVERIFY(holder.waitForStarted(10000));
        QByteArray holderOut;
        while (!holderOut.contains("locked\n")) {
            QVERIFY2(holder.waitForReadyRead(10000), holder.readAllStandardError().constData());
            holderOut += holder.readAllStandardOutput();
        }

        StallMeter meter;
        qint64 releasedAt = -1;
        qint64 recordedAt = -1;
        qint64 firstRequestAt = -1;
        connect(&holder, &QProcess::readyReadStandardOutput, this, [&] {
            holderOut += holder.readAllStandardOutput();
            if (releasedAt < 0 && holderOut.contains("released\n"))
                releasedAt = meter.elapsed();
        });
        connect(&service, &VerificationService::recorded, this, [&] { recordedAt = meter.elapsed(); });
        connect(service.sandbox(), &SandboxServer::requestReceived, this, [&] {
            if (firstRequestAt < 0)
                firstRequestAt = meter.elapsed();
        });
        QSignalSpy finished(&service, &VerificationService::finished);
        // The lock is released once the window's event loop has turned 500 times (about 5 s here) with the case
        // still waiting for it; by then the case must not be recorded, nor anything sent.
        bool recordedBeforeRelease = false;
        meter.onTick = [&](int ticks) {
            if (ticks != heldForTicks)
                return;
            recordedBeforeRelease = recordedAt >= 0 || firstRequestAt >= 0;
            holder.write("release\n");
        };

        GuiDriver::typeCase(window, SandboxFixtures::people().constFirst());
        meter.start();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(QTest::qWaitFor([&] { return finished.count() == 1; }, 30000));
        const qint64 longestStall = meter.stop();
        QVERIFY(holder.state() == QProcess::NotRunning || holder.waitForFinished(10000));
        holderOut += holder.readAllStandardOutput();
        if (releasedAt < 0 && holderOut.contains("released\n"))
            releasedAt = meter.elapsed();

        qInfo("lock released at %lld ms, case recorded at %lld ms, longest stall of the event loop %lld ms",
            releasedAt,
            recordedAt,
            longestStall);
        QVERIFY2(releasedAt >= 0, holderOut.constData());
        // The write really waited for the lock, and nothing was sent before the case was recorded.
        QVERIFY(!recordedBeforeRelease);
        QVERIFY(recordedAt >= releasedAt);
        QVERIFY(firstRequestAt >= recordedAt);
        QVERIFY2(longestStall < 100, qPrintable(QString::number(longestStall)));
        QCOMPARE(window->resultPanel()->state(), QStringLiteral("passed"));
        const Result<QList<CaseSummary>> cases = history->recentCases(StoreFixture::reader(), 5);
        QVERIFY(cases && cases->size() == 1);
        QCOMPARE(cases->constFirst().state, QStringLiteral("completed"));
        delete window;
    }
};

QTEST_MAIN(TestResponsiveness)
#include "TestResponsiveness.moc"
