#include "CliRun.h"
#include "StoreFixture.h"
#include "api/Credentials.h"
#include "domain/Masking.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include <QDirIterator>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

// A full live-mode flow with marker secrets — an AccessKey secret and STS token, the history passphrase, account
// passwords (one of them wrong), a PostgreSQL password — through ekyc-desk-cli against the HTTPS sandbox (which
// accepts the marker key), on both backends. Then every file the flow wrote (history, WAL, spool, settings, anchors,
// the sandbox's files), every row of every table, and all stdout and stderr are searched for each marker, as is and
// base64- and hex-encoded: zero hits.
class TestLeaks : public QObject
{
    Q_OBJECT

private:
    struct Marker
    {
        const char* what;
        QByteArray value;
    };

    static QList<Marker> markers()
    {
        return { { "AccessKey secret", "MARKER-SECRET-f3c9a1d7e2b84c60" },
            { "STS token", "MARKER-STS-TOKEN-8d2e4f6a0b1c" },
            { "passphrase", "marker-passphrase-0e1f2a3b" },
            { "supervisor password", "marker-boss-password-5b81" },
            { "reviewer password", "marker-ann-password-91ac" },
            { "wrong password", "marker-wrong-password-44d0" },
            { "reset password", "marker-reset-password-7c3e" },
            { "PostgreSQL password", "marker-pg-password-c3d2" } };
    }

    // Where a marker shows, in any of its encodings; empty when nowhere.
    static QString hit(const QByteArray& bytes)
    {
        for (const Marker& m : markers()) {
            for (const QByteArray& form : { m.value, m.value.toBase64(), m.value.toHex() })
                if (bytes.contains(form))
                    return QString::fromLatin1(m.what);
        }
        return QString();
    }

    QList<CliRun> m_runs;
    QString m_home;
    QHash<QString, QString> m_env;

    CliRun cli(const QStringList& arguments, const QHash<QString, QString>& extra = {})
    {
        QHash<QString, QString> env = m_env;
        env.insert(extra);
        const CliRun r = CliRun::run(arguments, m_home, env);
        m_runs.append(r);
        return r;
    }

    static QByteArray dumpTables(QSqlDatabase db)
    {
        QByteArray all;
        for (const char* table : { "events", "cases", "accounts", "meta", "chain_head" }) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table))))
                continue;
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    all += q.value(i).toByteArray() + '\n';
        }
        return all;
    }

private slots:
    void liveFlowLeaksNothing_data() { StoreFixture::addBackendRows(); }
    void liveFlowLeaksNothing()
    {
        QFETCH(QString, backend);
        StoreFixture fx;
        STORE_FIXTURE_PREPARE(fx, backend);
        QTemporaryDir home;
        m_home = home.path();
        m_runs.clear();
        SandboxServer sandbox;
        QVERIFY2(sandbox.start(0, home.filePath(QStringLiteral("sandbox"))), qPrintable(sandbox.errorString()));
        const QList<Marker> m = markers();
        sandbox.setAccessKey(Credentials(
            QStringLiteral("LTAIMarkerKeyId01"), QString::fromLatin1(m[0].value), QString(), QStringLiteral("test")));
        const QString db =
            backend == QLatin1String("sqlite") ? home.filePath(QStringLiteral("desk/history.sqlite")) : fx.location();
        m_env = { { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAIMarkerKeyId01") },
            { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromLatin1(m[0].value) },
            { QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"), QString::fromLatin1(m[1].value) },
            { QStringLiteral("EKYC_DESK_PASSPHRASE"), QString::fromLatin1(m[2].value) },
            { QStringLiteral("PGPASSWORD"), QString::fromLatin1(m[7].value) } };
        const auto password = [&](int i) {
            return QHash<QString, QString> { { QStringLiteral("EKYC_DESK_PASSWORD"),
                QString::fromLatin1(m[i].value) } };
        };
        const auto newPassword = [&](int signIn, int fresh) {
            QHash<QString, QString> env = password(signIn);
            env.insert(QStringLiteral("EKYC_DESK_NEW_PASSWORD"), QString::fromLatin1(m[fresh].value));
            return env;
        };
        const QStringList dbArgs { QStringLiteral("--db"), db };
        const QStringList live { QStringLiteral("--endpoint"),
            sandbox.url().toString(),
            QStringLiteral("--ca-file"),
            sandbox.caCertificatePath() };

        QCOMPARE(cli(QStringList { QStringLiteral("accounts"),
                         QStringLiteral("add"),
                         QStringLiteral("--user"),
                         QStringLiteral("boss"),
                         QStringLiteral("--role"),
                         QStringLiteral("supervisor") }
                         + dbArgs,
                     newPassword(3, 3))
                     .exitCode,
            0);
        QCOMPARE(cli(QStringList { QStringLiteral("accounts"),
                         QStringLiteral("add"),
                         QStringLiteral("--user"),
                         QStringLiteral("ann"),
                         QStringLiteral("--role"),
                         QStringLiteral("reviewer"),
                         QStringLiteral("--as"),
                         QStringLiteral("boss") }
                         + dbArgs,
                     newPassword(3, 4))
                     .exitCode,
            0);
        const SandboxFixtures::Person person = SandboxFixtures::people().first();
        QStringList verify { QStringLiteral("verify"),
            QStringLiteral("--json"),
            QStringLiteral("--user"),
            QStringLiteral("ann"),
            QStringLiteral("--name"),
            person.docName,
            QStringLiteral("--id-number"),
            person.docNo,
            QStringLiteral("--start"),
            person.validityStartDate };
        verify << (person.isLongTerm() ? QStringList { QStringLiteral("--long-term") }
                                       : QStringList { QStringLiteral("--end"), person.validityEndDate });
        verify << live << dbArgs;
        const CliRun passed = cli(verify, password(4));
        QVERIFY2(passed.exitCode == 0, (passed.out + passed.err).constData());
        QStringList denied = verify;
        denied[denied.indexOf(person.docName)] = SandboxFixtures::ramDenied;
        QCOMPARE(cli(denied, password(4)).exitCode, 4);
        QCOMPARE(cli(verify, password(5)).exitCode, 8);
        QCOMPARE(cli(QStringList { QStringLiteral("history"),
                         QStringLiteral("--json"),
                         QStringLiteral("--user"),
                         QStringLiteral("boss") }
                         + dbArgs,
                     password(3))
                     .exitCode,
            0);
        QCOMPARE(cli(QStringList { QStringLiteral("audit"),
                         QStringLiteral("head"),
                         QStringLiteral("--user"),
                         QStringLiteral("boss"),
                         QStringLiteral("--out"),
                         home.filePath(QStringLiteral("anchor.json")) }
                         + dbArgs,
                     password(3))
                     .exitCode,
            0);
        QCOMPARE(cli(QStringList { QStringLiteral("audit"), QStringLiteral("verify") } + dbArgs).exitCode, 0);
        QCOMPARE(cli(QStringList { QStringLiteral("accounts"),
                         QStringLiteral("reset-password"),
                         QStringLiteral("--user"),
                         QStringLiteral("ann"),
                         QStringLiteral("--as"),
                         QStringLiteral("boss") }
                         + dbArgs,
                     newPassword(3, 6))
                     .exitCode,
            0);
        QCOMPARE(cli(QStringList { QStringLiteral("test-connection"), QStringLiteral("--json") } + live).exitCode, 0);
        QCOMPARE(m_runs.size(), 10);

        for (const CliRun& r : m_runs) {
            QVERIFY2(hit(r.out).isEmpty(),
                qPrintable(hit(r.out) + QStringLiteral(" in stdout: ") + QString::fromUtf8(r.out)));
            QVERIFY2(hit(r.err).isEmpty(),
                qPrintable(hit(r.err) + QStringLiteral(" in stderr: ") + QString::fromUtf8(r.err)));
        }
        int files = 0;
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString found = hit(file.readAll());
            QVERIFY2(found.isEmpty(), qPrintable(found + QStringLiteral(" in ") + file.fileName()));
            ++files;
        }
        QVERIFY2(files >= (backend == QLatin1String("sqlite") ? 4 : 3), qPrintable(QString::number(files)));
        if (backend == QLatin1String("postgresql")) { // a SQLite history is one of the files above
            const QByteArray rows = dumpTables(fx.raw());
            QVERIFY(rows.contains("account_created"));
            QVERIFY2(hit(rows).isEmpty(), qPrintable(hit(rows) + QStringLiteral(" in the history's tables")));
        }
    }

    // A service whose Message quotes the request parameters (the sandbox's echo trigger): the full name and ID number
    // reach neither response_received nor case_completed nor any byte of the history file; their masks do.
    void echoedParametersAreMasked()
    {
        QTemporaryDir home;
        const QString db = home.filePath(QStringLiteral("history.sqlite"));
        const SandboxFixtures::Person person = SandboxFixtures::people().first();
        const QString name = SandboxFixtures::echoPrefix + person.docName;
        const CliRun r = CliRun::run({ QStringLiteral("verify"),
                                         QStringLiteral("--training"),
                                         QStringLiteral("--json"),
                                         QStringLiteral("--name"),
                                         name,
                                         QStringLiteral("--id-number"),
                                         person.docNo,
                                         QStringLiteral("--start"),
                                         person.validityStartDate,
                                         QStringLiteral("--end"),
                                         person.validityEndDate,
                                         QStringLiteral("--db"),
                                         db },
            home.path());
        QVERIFY2(r.exitCode == 4, (r.out + r.err).constData());
        QVERIFY2(r.out.contains(person.docNo.toUtf8()), r.out.constData()); // the answer did quote the number

        QByteArray bytes;
        for (const QString& suffix : { QString(), QStringLiteral("-wal") }) {
            QFile file(db + suffix);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(!bytes.isEmpty());
        QVERIFY2(!bytes.contains(person.docNo.toUtf8()), "the full ID number is in the history file");
        QVERIFY2(!bytes.contains(name.toUtf8()), "the full name is in the history file");
        QVERIFY2(!bytes.contains(person.docName.toUtf8()), "the name is in the history file");

        QSqlDatabase sqlite = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("echo"));
        sqlite.setDatabaseName(db);
        QVERIFY(sqlite.open());
        int quoted = 0;
        {
            QSqlQuery q(sqlite);
            QVERIFY(q.exec(QStringLiteral("SELECT kind, payload FROM events")));
            while (q.next()) {
                const QString kind = q.value(0).toString();
                const QString payload = q.value(1).toString();
                QVERIFY2(!payload.contains(person.docNo) && !payload.contains(name), qPrintable(kind + payload));
                if (payload.contains(QStringLiteral("DocNo=") + Masking::idNumber(person.docNo))
                    && payload.contains(QStringLiteral("DocName=") + Masking::name(name)))
                    ++quoted;
            }
        }
        sqlite.close();
        sqlite = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("echo"));
        QCOMPARE(quoted, 2); // response_received and case_completed, each with the masked quote
    }

    // An endpoint with user info is refused before anything is recorded or sent; its password shows nowhere.
    void endpointWithPasswordIsRefused()
    {
        QTemporaryDir home;
        const QByteArray password = "MARKER-URL-PASSWORD-51e2";
        const SandboxFixtures::Person person = SandboxFixtures::people().first();
        const QHash<QString, QString> env { { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                                                QStringLiteral("LTAIMarkerKeyId01") },
            { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QStringLiteral("MARKER-SECRET-f3c9a1d7e2b84c60") } };
        const CliRun r =
            CliRun::run({ QStringLiteral("verify"),
                            QStringLiteral("--json"),
                            QStringLiteral("--name"),
                            person.docName,
                            QStringLiteral("--id-number"),
                            person.docNo,
                            QStringLiteral("--start"),
                            person.validityStartDate,
                            QStringLiteral("--end"),
                            person.validityEndDate,
                            QStringLiteral("--endpoint"),
                            QStringLiteral("https://user:%1@127.0.0.1:9/").arg(QString::fromLatin1(password)),
                            QStringLiteral("--db"),
                            home.filePath(QStringLiteral("history.sqlite")) },
                home.path(),
                env);
        QVERIFY2(r.exitCode != 0, r.out.constData());
        QVERIFY2((r.out + r.err).contains("api/customEndpoint"), (r.out + r.err).constData());
        QVERIFY(!(r.out + r.err).contains(password));
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(password), qPrintable(file.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TestLeaks)
#include "TestLeaks.moc"
