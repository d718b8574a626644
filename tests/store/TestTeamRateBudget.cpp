#include "StoreFixture.h"

#include <QDateTime>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <algorithm>

// The team's rate budget in a PostgreSQL history: two connections (two workstations) book slots from one row, one
// interval apart whoever books them; on SQLite it is refused (the workstation's file budget serves there).
class TestTeamRateBudget : public QObject
{
    Q_OBJECT

private slots:
    void sharedByConnections_data() { StoreFixture::addBackendRows(); }
    void sharedByConnections()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        QString skip;
        if (!fixture.prepare(backend, &skip))
            QSKIP(qPrintable(skip));
        const std::unique_ptr<AuditStore> a = fixture.open();
        const std::unique_ptr<AuditStore> b = fixture.open();
        QVERIFY(a && b);
        if (backend == QLatin1String("sqlite")) {
            QCOMPARE(a->reserveRateSlot(QStringLiteral("live"), 100).error(), ErrorCode::InvalidArgument);
            return;
        }
        const QString name = QStringLiteral("test-%1").arg(QDateTime::currentMSecsSinceEpoch());
        // A long interval: the microseconds between the calls cannot blur the slots.
        const double interval = 60000;
        for (int i = 0; i < 6; ++i) {
            const Result<qint64> wait = (i % 3 == 0 ? *a : *b).reserveRateSlot(name, interval);
            QVERIFY2(wait.ok(), qPrintable(wait.message()));
            QVERIFY2(qAbs(*wait - i * interval) < 1000, qPrintable(QString::number(*wait)));
        }
        // Another name is another budget (training never slows live work).
        QVERIFY(qAbs(*a->reserveRateSlot(name + QStringLiteral("-training"), interval)) < 1000);
    }

    // Two workstations booking at once, their first bookings making the table: every slot is distinct and one
    // interval from its neighbours.
    void concurrentBookingsNeverShareASlot()
    {
        StoreFixture fixture;
        QString skip;
        if (!fixture.prepare(QStringLiteral("postgresql"), &skip))
            QSKIP(qPrintable(skip));
        const QString location = fixture.location();
        QVERIFY(fixture.open()); // the history exists before two workstations open it at once
        const QString name = QStringLiteral("race-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const double interval = 10000;
        constexpr int perThread = 15;
        QList<qint64> waits[2];
        QString errors[2];
        QList<QThread*> threads;
        // Both open first; then the table the owner's open made is dropped, so that their first bookings make it
        // again at the same moment, as two workstations of a history no owner has opened since do.
        QSemaphore opened;
        QSemaphore go;
        for (int t = 0; t < 2; ++t) {
            threads.append(QThread::create([&, t] {
                const std::unique_ptr<AuditStore> store = fixture.open(nullptr, location, &errors[t]);
                opened.release();
                go.acquire();
                if (!store)
                    return;
                for (int i = 0; i < perThread; ++i) {
                    const Result<qint64> wait = store->reserveRateSlot(name, interval);
                    if (!wait) {
                        errors[t] = wait.message();
                        return;
                    }
                    waits[t].append(*wait);
                }
            }));
            threads.last()->start();
        }
        const bool bothOpened = opened.tryAcquire(2, 60000);
        const bool dropped = bothOpened && fixture.execRaw(QStringLiteral("DROP TABLE rate_budget"));
        go.release(2); // whatever happened, so that no thread waits for ever
        for (QThread* thread : threads) {
            QVERIFY(thread->wait(60000));
            delete thread;
        }
        QVERIFY(bothOpened && dropped);
        QVERIFY2(errors[0].isEmpty() && errors[1].isEmpty(), qPrintable(errors[0] + errors[1]));
        QList<qint64> all = waits[0] + waits[1];
        std::sort(all.begin(), all.end());
        QCOMPARE(all.size(), 2 * perThread);
        for (qsizetype i = 0; i < all.size(); ++i)
            QVERIFY2(
                qAbs(all[i] - i * interval) < 2000, qPrintable(QStringLiteral("slot %1 waits %2").arg(i).arg(all[i])));
    }
};

QTEST_GUILESS_MAIN(TestTeamRateBudget)
#include "TestTeamRateBudget.moc"
