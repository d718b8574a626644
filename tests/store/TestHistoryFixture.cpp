#include "history/AuditStore.h"
#include "history/Migrations.h"

#include "StoreFixture.h"

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// A history written by an earlier version opens with this one, migrates if it needs to, and verifies unchanged.
//
// tests/data/history-v4.sqlite was written by eKYC Desk at schema version 4, on SQLite, with fictitious people only
// (dev seed and the training sandbox's fixture and fault triggers). Its passphrase is "test-passphrase-not-secret",
// the tests' EKYC_DESK_PASSPHRASE. It was made with a throw-away HOME on workstation "desk-ws-01" by:
//   ekyc-desk-cli dev seed --events 60 --db history-v4.sqlite --seed 7            15 cases by five reviewers
//   ekyc-desk-cli verify --training --db history-v4.sqlite ...                     王小明 200, 李华 223 (wrong end),
//       赵长青 long-term 200, 测试乙 202 (scene branch), 限流一次 and 故障一次 200 on the second attempt, 未开通测试
//       403
//   ekyc-desk-cli audit head --db history-v4.sqlite --out history-v4-anchor.json    anchor at event 93
//   ekyc-desk-cli verify --training ... 刘洋 ... --merchant-biz-id fixturecase0001    200
//   ekyc-desk-cli audit purge --db history-v4.sqlite --older-than 1                 nothing old enough: 0 cases
// 99 events and 23 cases in all.
class TestHistoryFixture : public QObject
{
    Q_OBJECT

private:
    static constexpr int fixtureVersion = 4;
    static constexpr qint64 fixtureEvents = 99;
    static constexpr qsizetype fixtureCases = 23;
    static constexpr qint64 anchorSeq = 93;
    static constexpr char headHash[] = "dc7238641b1cef743423ad537a4defe28f8d4319e04bee2a5bd344508f3e4524";

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path; // a private copy: opening may migrate it, and revealing appends an event

    static QString dataFile(const char* name) { return QStringLiteral(EKYC_TEST_DATA_DIR "/") + QLatin1String(name); }

    static ChainAnchor anchor()
    {
        QFile file(dataFile("history-v4-anchor.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QString error;
        return ChainAnchor::fromJson(file.readAll(), &error).value_or(ChainAnchor());
    }

    static int schemaVersion(const QString& path)
    {
        const QString name = QStringLiteral("fixture-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        int version = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QString error;
            if (db.open())
                version = Migrations::currentVersion(db, false, &error);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return version;
    }

    struct Cli
    {
        int exitCode = -1;
        QByteArray out;
    };

    Cli runCli(const QStringList& arguments) const
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir->path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("EKYC_DESK_PASSPHRASE"), StoreFixture::passphrase());
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QStringLiteral(EKYC_CLI_PATH), arguments);
        if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
            return {};
        return { process.exitCode(), process.readAllStandardOutput() };
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("history.sqlite"));
        QVERIFY(QFile::copy(dataFile("history-v4.sqlite"), m_path));
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
    }

    void fixtureIsSchemaVersion4()
    {
        QVERIFY2(Migrations::checkExistingFile(m_path).isEmpty(), qPrintable(Migrations::checkExistingFile(m_path)));
        QCOMPARE(schemaVersion(m_path), fixtureVersion);
        QVERIFY(Migrations::latestVersion() >= fixtureVersion);
    }

    void opensMigratesAndVerifies()
    {
        StoreFixture fx;
        QString error;
        auto store = fx.open(nullptr, m_path, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(schemaVersion(m_path), Migrations::latestVersion());
        const ChainAnchor anchored = anchor();
        QCOMPARE(anchored.seq, anchorSeq);
        QCOMPARE(store->historyId(), anchored.historyId);

        const ChainReport report = store->verifyChain(anchored);
        QVERIFY2(report.ok, qPrintable(report.reason));
        QCOMPARE(report.count, fixtureEvents);
        QCOMPARE(report.headSeq, fixtureEvents);
        QCOMPARE(report.headHash, QByteArray(headHash));
        QVERIFY(report.anchorChecked);
        QCOMPARE(report.casesChecked, qint64(fixtureCases));
        QCOMPARE(report.brokenCases, qint64(0));
    }

    void casesReadBack()
    {
        StoreFixture fx;
        QString error;
        auto store = fx.open(nullptr, m_path, &error);
        QVERIFY2(store, qPrintable(error));
        const Result<QList<CaseSummary>> cases = store->recentCases(StoreFixture::reader(), 100);
        QVERIFY2(cases, qPrintable(cases.message()));
        QCOMPARE(cases->size(), fixtureCases);
        QMap<QString, int> counts;
        for (const CaseSummary& c : *cases)
            ++counts[c.state + QLatin1Char('/') + c.subCode];
        QStringList outcomes;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            outcomes << it.key() + QLatin1Char('=') + QString::number(it.value());
        QCOMPARE(outcomes,
            QStringList({ QStringLiteral("completed/200=14"),
                QStringLiteral("completed/202=6"),
                QStringLiteral("completed/223=2"),
                QStringLiteral("failed/=1") }));

        // The last case, found through the blind index, and its name and ID number decrypted with the stored keys.
        const QList<CaseSummary> found =
            store->findByIdNumber(StoreFixture::reader(), QStringLiteral("33010620120418208X")).valueOr({});
        QCOMPARE(found.size(), 1);
        const CaseSummary& last = found.first();
        QCOMPARE(last.merchantBizId, QStringLiteral("fixturecase0001"));
        QCOMPARE(last.nameMasked, QString::fromUtf8("刘*"));
        QCOMPARE(last.idMasked, QStringLiteral("3301**********208X"));
        QCOMPARE(last.workstation, QStringLiteral("desk-ws-01"));
        QCOMPARE(last.passed.value_or(false), true);
        QCOMPARE(last.attempts, 1);
        const Result<RevealedPii> pii =
            store->revealCase(StoreFixture::reader(), last.caseId, QStringLiteral("fixture check"));
        QVERIFY2(pii, qPrintable(pii.message()));
        QCOMPARE(pii->name, QString::fromUtf8("刘洋"));
        QCOMPARE(pii->idNumber, QStringLiteral("33010620120418208X"));
        QCOMPARE(store->verifyChain().count, fixtureEvents + 1); // the reveal is an event
    }

    void cliVerifiesAndListsIt()
    {
        const Cli verify = runCli({ QStringLiteral("audit"),
            QStringLiteral("verify"),
            QStringLiteral("--db"),
            m_path,
            QStringLiteral("--anchor"),
            dataFile("history-v4-anchor.json") });
        QCOMPARE(verify.exitCode, 0);
        QVERIFY2(verify.out.startsWith("OK " + QByteArray::number(fixtureEvents) + " events, head " + headHash),
            verify.out.constData());
        QVERIFY2(verify.out.contains("anchor at event " + QByteArray::number(anchorSeq)), verify.out.constData());

        const Cli history = runCli({ QStringLiteral("history"),
            QStringLiteral("--db"),
            m_path,
            QStringLiteral("--json"),
            QStringLiteral("--last"),
            QStringLiteral("100") });
        QCOMPARE(history.exitCode, 0);
        QCOMPARE(history.out.count('\n'), fixtureCases);
        QVERIFY(history.out.contains("fixturecase0001"));
        QVERIFY(!history.out.contains("33010620120418208X"));
    }
};

QTEST_GUILESS_MAIN(TestHistoryFixture)
#include "TestHistoryFixture.moc"
