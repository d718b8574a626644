#include "history/AuditStore.h"
#include "session/OffThreadOpen.h"

#include "StoreFixture.h"

#include <QAtomicInt>
#include <QFile>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

Q_DECLARE_METATYPE(ErrorCode)

// An open begun ahead (OffThreadOpen::Pending): the key derivation and migrations run on a thread of their own from
// the moment it is made, while this thread does other work; take() hands over the history opened on this thread,
// or the open's failure as it was. Dropped without take(), it waits for its thread and leaves the history closed.
class TestOffThreadOpen : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QString m_historyId;

    static AuditStore::Options options(const QString& passphrase = StoreFixture::passphrase())
    {
        AuditStore::Options options;
        options.keys = StoreFixture::keys();
        options.keys.passphrase = passphrase;
        return options;
    }

    // An open that says which thread it ran on and counts how often it ran.
    struct Probe
    {
        QAtomicPointer<QThread> ranOn;
        QAtomicInt runs;
    };

    static OffThreadOpen::Open probed(const QString& path, const AuditStore::Options& opts, Probe* probe)
    {
        return [path, opts, probe] {
            probe->ranOn.storeRelease(QThread::currentThread());
            probe->runs.fetchAndAddOrdered(1);
            return AuditStore::open(path, opts);
        };
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("history.sqlite"));
        Result<std::unique_ptr<AuditStore>> made = AuditStore::open(m_path, options());
        QVERIFY2(made.ok(), qPrintable(made.message()));
        m_historyId = (*made)->historyId();
        QVERIFY(!m_historyId.isEmpty());
    }

    void takeHandsOverTheHistoryOpenedHere()
    {
        Probe probe;
        OffThreadOpen::Pending pending(m_path, probed(m_path, options(), &probe));
        QCOMPARE(pending.location(), m_path);
        Result<std::unique_ptr<AuditStore>> store = pending.take();
        QVERIFY2(store.ok(), qPrintable(store.message()));
        QCOMPARE(probe.runs.loadAcquire(), 1);
        QVERIFY(probe.ranOn.loadAcquire() != nullptr);
        QVERIFY(probe.ranOn.loadAcquire() != QThread::currentThread()); // the derivation ran elsewhere
        QCOMPARE((*store)->historyId(), m_historyId);
        // Used here, on the thread that took it: it answers.
        const Result<bool> accounts = (*store)->hasAccounts();
        QVERIFY2(accounts.ok(), qPrintable(accounts.message()));
        QVERIFY(!*accounts);
    }

    void failureIsReturnedAsItWas_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<bool>("notAHistory");
        QTest::addColumn<ErrorCode>("expected");
        QTest::newRow("wrong passphrase")
            << QStringLiteral("not-the-passphrase") << false << ErrorCode::WrongPassphrase;
        QTest::newRow("not a history") << StoreFixture::passphrase() << true << ErrorCode::NotAHistory;
    }

    void failureIsReturnedAsItWas()
    {
        QFETCH(QString, passphrase);
        QFETCH(bool, notAHistory);
        QFETCH(ErrorCode, expected);
        QString path = m_path;
        if (notAHistory) {
            path = m_dir->filePath(QStringLiteral("notes.txt"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("shopping list\n");
        }
        Probe probe;
        OffThreadOpen::Pending pending(path, probed(path, options(passphrase), &probe));
        const Result<std::unique_ptr<AuditStore>> store = pending.take();
        QVERIFY(!store.ok());
        QCOMPARE(store.error(), expected);
        QVERIFY(!store.message().isEmpty());
        QCOMPARE(probe.runs.loadAcquire(), 1);
    }

    void secondTakeIsRefused()
    {
        Probe probe;
        OffThreadOpen::Pending pending(m_path, probed(m_path, options(), &probe));
        QVERIFY(pending.take().ok());
        const Result<std::unique_ptr<AuditStore>> again = pending.take();
        QVERIFY(!again.ok());
        QCOMPARE(again.error(), ErrorCode::InvalidArgument);
        QCOMPARE(probe.runs.loadAcquire(), 1); // not opened twice
    }

    // take() runs this thread's event loop while it waits (the API client opens its connections meanwhile): a timer
    // due at once fires before the open ends, because the open waits for it.
    void eventLoopRunsWhileTaking()
    {
        QSemaphore release;
        int fired = 0;
        const AuditStore::Options opts = options();
        const QString path = m_path;
        OffThreadOpen::Pending pending(path, [&release, path, opts] {
            release.acquire(); // until the timer below has fired on the taking thread
            return AuditStore::open(path, opts);
        });
        QTimer::singleShot(0, this, [&] {
            ++fired;
            release.release();
        });
        const Result<std::unique_ptr<AuditStore>> store = pending.take();
        QVERIFY2(store.ok(), qPrintable(store.message()));
        QCOMPARE(fired, 1);
    }

    // Dropped untaken (the list was refused): the open ends before the object goes, and the history is closed, so a
    // later open is not kept waiting by a lock.
    void droppedUntakenWaitsAndCloses()
    {
        Probe probe;
        {
            OffThreadOpen::Pending pending(m_path, probed(m_path, options(), &probe));
        }
        QCOMPARE(probe.runs.loadAcquire(), 1);
        Result<std::unique_ptr<AuditStore>> again = AuditStore::open(m_path, options());
        QVERIFY2(again.ok(), qPrintable(again.message()));
        QCOMPARE((*again)->historyId(), m_historyId);
    }
};

QTEST_GUILESS_MAIN(TestOffThreadOpen)
#include "TestOffThreadOpen.moc"
