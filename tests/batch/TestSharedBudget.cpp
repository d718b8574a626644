#include "DistinctCases.h"
#include "api/Credentials.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// The QPS budget shared by every process of a workstation: three batches at once against one sandbox, with
// api/rateLimitQps = 5, never put more than 5 requests into any one second at the service (the arrival times the
// sandbox saw). The same three with a budget each (as processes had before) do exceed it: the test can fail.
class TestSharedBudget : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxServer m_sandbox;
    QList<qint64> m_arrivals; // ms since 1970, as each complete request reached the sandbox

    QString writeInput()
    {
        QByteArray csv = "name,id_number,start,end\n";
        for (int i = 0; i < 8; ++i) {
            const SandboxFixtures::Person p = DistinctCases::unknown(i);
            csv.append(DistinctCases::csvLine(p) + '\n');
        }
        QFile file(m_dir.filePath(QStringLiteral("cases.csv")));
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
            qFatal("cannot write the batch input");
        return file.fileName();
    }

    // Starts one batch as a user whose home is home; returns when it has finished.
    std::unique_ptr<QProcess> startBatch(const QString& home, const QString& in, int n)
    {
        QSettings settings(
            QDir(home).filePath(QStringLiteral("config/eKYC Desk/ekyc-desk.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("api/rateLimitQps"), 5);
        settings.sync();
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(home).filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(home).filePath(QStringLiteral("config")));
        const Credentials training = Credentials::training();
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), training.accessKeyId());
        env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromUtf8(training.secretForSigning()));
        process->setProcessEnvironment(env);
        const QString tag = QStringLiteral("%1-%2").arg(QFileInfo(home).fileName()).arg(n);
        process->start(QStringLiteral(EKYC_CLI_PATH),
            { QStringLiteral("batch"),
                QStringLiteral("--in"),
                in,
                QStringLiteral("--out"),
                m_dir.filePath(tag + QStringLiteral("-results.csv")),
                QStringLiteral("--db"),
                m_dir.filePath(tag + QStringLiteral(".sqlite")),
                QStringLiteral("--endpoint"),
                m_sandbox.url().toString(),
                QStringLiteral("--ca-file"),
                m_sandbox.caCertificatePath() });
        return process;
    }

    // The most requests that arrived within any one second.
    int busiestSecond() const
    {
        QList<qint64> times = m_arrivals;
        std::sort(times.begin(), times.end());
        int most = 0;
        for (qsizetype i = 0, j = 0; i < times.size(); ++i) {
            while (times[i] - times[j] >= 1000)
                ++j;
            most = qMax(most, static_cast<int>(i - j + 1));
        }
        return most;
    }

    // Three batches at once; homes: the home of each (the same one: one user, one budget).
    int runThree(const QStringList& homes)
    {
        m_arrivals.clear();
        const QString in = writeInput();
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < 3; ++i)
            processes.push_back(startBatch(homes[i], in, i));
        QEventLoop loop;
        int running = 3;
        for (const auto& process : processes)
            connect(process.get(), &QProcess::finished, &loop, [&] {
                if (--running == 0)
                    loop.quit();
            });
        loop.exec();
        for (const auto& process : processes) {
            if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0)
                qWarning("a batch failed: %s", process->readAllStandardError().constData());
        }
        return busiestSecond();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_sandbox.start(0, m_dir.filePath(QStringLiteral("sandbox"))), qPrintable(m_sandbox.errorString()));
        connect(&m_sandbox, &SandboxServer::requestReceived, this, [this] {
            m_arrivals.append(QDateTime::currentMSecsSinceEpoch());
        });
    }

    void threeProcessesShareFiveQps()
    {
        const QString home = m_dir.filePath(QStringLiteral("shared"));
        const int busiest = runThree({ home, home, home });
        QCOMPARE(m_arrivals.size(), 24);
        qInfo("one budget: at most %d requests in any one second (limit 5)", busiest);
        if (busiest > 5) {
            QList<qint64> times = m_arrivals;
            std::sort(times.begin(), times.end());
            QStringList gaps;
            for (qsizetype i = 1; i < times.size(); ++i)
                gaps << QString::number(times[i] - times[i - 1]);
            qInfo("gaps between arrivals (ms): %s", qPrintable(gaps.join(u' ')));
        }
        QVERIFY2(busiest <= 5, qPrintable(QString::number(busiest)));
    }

    void separateBudgetsWouldExceedIt()
    {
        const int busiest = runThree({ m_dir.filePath(QStringLiteral("a")),
            m_dir.filePath(QStringLiteral("b")),
            m_dir.filePath(QStringLiteral("c")) });
        QCOMPARE(m_arrivals.size(), 24);
        qInfo("a budget each: %d requests in one second", busiest);
        QVERIFY(busiest > 5);
    }
};

QTEST_GUILESS_MAIN(TestSharedBudget)
#include "TestSharedBudget.moc"
