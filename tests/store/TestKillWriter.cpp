#include "history/AuditStore.h"

#include "FakeRandom.h"
#include "StoreFixture.h"

#include <QHash>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

// kill -9 of a writer process at random moments: every write the child reported committed survives, the chain stays
// valid, and the case it was working on shows as pending — retry. The child is the hidden
// `ekyc-test-writer` (tests/helpers), which prints each committed seq after COMMIT returned.
class TestKillWriter : public QObject
{
    Q_OBJECT

private:
    static QString writerPath() { return QStringLiteral(EKYC_TEST_WRITER_PATH); }

private slots:
    void killRepeatedly_data() { StoreFixture::addBackendRows(); }

    void killRepeatedly()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        {
            auto store = fx.open(); // the history exists before the first child starts
            QVERIFY(store);
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("EKYC_DESK_PASSPHRASE"), StoreFixture::passphrase());

        FakeRandom random(20261125);
        const int iterations = 50;
        int killedMidWrite = 0;
        int pendingSeen = 0;
        QHash<qint64, QString> committed; // seq -> case id, over all children
        QSet<QString> completedCases;
        QSet<QString> createdCases;
        for (int i = 0; i < iterations; ++i) {
            QProcess child;
            child.setProcessEnvironment(env);
            child.setProcessChannelMode(QProcess::SeparateChannels);
            child.start(writerPath(), { QStringLiteral("--db"), fx.location() });
            QVERIFY2(child.waitForStarted(10000), qPrintable(writerPath()));
            QByteArray out;
            // Every fifth child dies during start-up (opening, key derivation); the others while writing.
            const bool duringStartup = i % 5 == 4;
            while (!duringStartup && !out.contains("ready\n")) {
                QVERIFY2(child.waitForReadyRead(20000), child.readAllStandardError().constData());
                out += child.readAllStandardOutput();
            }
            QTest::qWait(5 + static_cast<int>(random.unit() * 56)); // 5..60 ms
            child.kill(); // SIGKILL
            QVERIFY(child.waitForFinished(10000));
            out += child.readAllStandardOutput();
            const QByteArray err = child.readAllStandardError();
            QVERIFY2(child.exitStatus() == QProcess::CrashExit || child.exitCode() == 0, err.constData());

            int lines = 0;
            for (const QByteArray& line : out.split('\n')) {
                const QList<QByteArray> parts = line.split(' ');
                if (parts.size() != 3)
                    continue;
                ++lines;
                const qint64 seq = parts.at(1).toLongLong();
                const QString caseId = QString::fromLatin1(parts.at(2));
                committed.insert(seq, caseId);
                if (parts.at(0) == "created")
                    createdCases.insert(caseId);
                else if (parts.at(0) == "completed")
                    completedCases.insert(caseId);
            }
            if (lines > 0)
                ++killedMidWrite;

            auto store = fx.open();
            QVERIFY(store);
            const ChainReport report = store->verifyChain();
            QVERIFY2(report.ok, qPrintable(report.reason));
            QSqlQuery q(store->database());
            q.prepare(QStringLiteral("SELECT case_id FROM events WHERE seq = ?"));
            for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
                q.bindValue(0, it.key());
                QVERIFY(q.exec());
                QVERIFY2(q.next(), qPrintable(QStringLiteral("committed seq %1 lost").arg(it.key())));
                QCOMPARE(q.value(0).toString(), it.value());
            }
            q.finish();
            // Cases whose completion was not reported: pending, unless the completion committed just before the kill.
            for (const QString& caseId : std::as_const(createdCases)) {
                if (completedCases.contains(caseId))
                    continue;
                const auto summary = store->caseSummary(StoreFixture::reader(), caseId);
                QVERIFY(summary);
                bool completionCommitted = false;
                for (const AuditEvent& e : store->eventsForCase(StoreFixture::reader(), caseId).valueOr({}))
                    completionCommitted = completionCommitted || e.kind == QLatin1String(EventKind::caseCompleted);
                if (completionCommitted) {
                    QCOMPARE(summary->state, QLatin1String(CaseState::completed));
                    completedCases.insert(caseId);
                } else {
                    QCOMPARE(summary->state, QLatin1String(CaseState::pending));
                    QCOMPARE(summary->displayState(), QStringLiteral("pending — retry"));
                    ++pendingSeen;
                }
            }
        }
        qInfo("%d of %d children were killed after committing writes; %lld committed writes checked; %d pending "
              "case observations",
            killedMidWrite,
            iterations,
            static_cast<long long>(committed.size()),
            pendingSeen);
        QVERIFY(killedMidWrite >= iterations / 2);
        QVERIFY(pendingSeen > 0);
    }
};

QTEST_GUILESS_MAIN(TestKillWriter)
#include "TestKillWriter.moc"
