#include "base/OutputFile.h"
#include "base/Settings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// What may be written as an output (an export, a batch's results, an anchor): never the history or a file SQLite keeps
// beside it (also through a symbolic link, or a --db with spaces around it), never the input, never a folder, a device
// or a path in a missing folder, never in eKYC Desk's own data or settings folder (a PostgreSQL history's record
// spool, the settings file), never an earlier export or a manifest; a new or existing regular file elsewhere is fine.
class TestOutputFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The app's folders in this test's own folder.
        QCoreApplication::setOrganizationName(QStringLiteral("eKYC Desk"));
        QCoreApplication::setApplicationName(QStringLiteral("ekyc-desk"));
        qputenv("XDG_DATA_HOME", QFile::encodeName(path(QStringLiteral("data"))));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(path(QStringLiteral("config"))));
        for (const QString& folder : OutputFile::ownFolders()) {
            QVERIFY2(folder.startsWith(m_dir.path()), qPrintable(folder));
            QVERIFY(QDir().mkpath(folder));
        }
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("real")));
        for (const char* name : { "real/history.sqlite",
                 "real/history.sqlite-wal",
                 "cases.csv",
                 "old-results.csv",
                 "export.csv",
                 "export.csv.manifest.json" }) {
            QFile file(path(QLatin1String(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        QVERIFY(QFile::link(path(QStringLiteral("real/history.sqlite")), path(QStringLiteral("linked.sqlite"))));
        QVERIFY(QFile::link(path(QStringLiteral("export.csv")), path(QStringLiteral("to-export.csv"))));
        // A link to a file not there yet, in the app's data folder (made below): writing through it would create it.
        QVERIFY(QFile::link(
            path(QStringLiteral("data/eKYC Desk/ekyc-desk/new.csv")), path(QStringLiteral("dangling.csv"))));
    }

    void check_data()
    {
        QTest::addColumn<QString>("history"); // as --db gives it
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("says"); // empty: allowed
        const QString real = path(QStringLiteral("real/history.sqlite"));
        const QString linked = path(QStringLiteral("linked.sqlite"));
        QTest::newRow("the history") << real << real << QStringLiteral("is the audit history");
        QTest::newRow("its WAL") << real << real + QStringLiteral("-wal") << QStringLiteral("is the audit history");
        QTest::newRow("its spool, not there yet")
            << real << real + QStringLiteral(".spool") << QStringLiteral("is the audit history");
        QTest::newRow("through the link") << linked << real << QStringLiteral("is the audit history");
        QTest::newRow("the real WAL of a linked history")
            << linked << real + QStringLiteral("-wal") << QStringLiteral("is the audit history");
        QTest::newRow("the link's own spool")
            << linked << linked + QStringLiteral(".spool") << QStringLiteral("is the audit history");
        QTest::newRow("a --db with spaces around it")
            << QStringLiteral(" %1 ").arg(real) << real << QStringLiteral("is the audit history");
        QTest::newRow("a relative path to it")
            << real << QDir::current().relativeFilePath(real) << QStringLiteral("is the audit history");
        QTest::newRow("the input") << real << path(QStringLiteral("cases.csv")) << QStringLiteral("is also the input");
        QTest::newRow("a folder") << real << m_dir.path() << QStringLiteral("is a folder");
        QTest::newRow("a device") << real << QStringLiteral("/dev/null") << QStringLiteral("not a regular file");
        QTest::newRow("a missing folder")
            << real << path(QStringLiteral("nope/out.csv")) << QStringLiteral("does not exist");
        QTest::newRow("empty") << real << QString() << QStringLiteral("give the file");
        const QString data = OutputFile::ownFolders().first();
        QTest::newRow("a PostgreSQL history's record spool")
            << QString() << data + QStringLiteral("/spool-5f0c.jsonl") << QStringLiteral("where eKYC Desk keeps");
        QTest::newRow("a link to a new file in the data folder")
            << real << path(QStringLiteral("dangling.csv")) << QStringLiteral("where eKYC Desk keeps");
        QTest::newRow("the settings file")
            << QString() << Settings::defaultFilePath() << QStringLiteral("where eKYC Desk keeps");
        QTest::newRow("a new file in the data folder")
            << real << data + QStringLiteral("/results.csv") << QStringLiteral("where eKYC Desk keeps");
        // The next export's manifest names an earlier export, and verifying either needs it as it was.
        QTest::newRow("an earlier export")
            << real << path(QStringLiteral("export.csv")) << QStringLiteral("is an earlier export");
        QTest::newRow("a link to an earlier export")
            << real << path(QStringLiteral("to-export.csv")) << QStringLiteral("is an earlier export");
        QTest::newRow("an export's manifest") << real << path(QStringLiteral("export.csv.manifest.json"))
                                              << QStringLiteral("named as an export's manifest");
        QTest::newRow("a manifest's name, not there yet")
            << real << path(QStringLiteral("new.csv.manifest.json")) << QStringLiteral("named as an export's manifest");
        QTest::newRow("a new file") << real << path(QStringLiteral("results.csv")) << QString();
        QTest::newRow("an earlier run's results") << real << path(QStringLiteral("old-results.csv")) << QString();
        QTest::newRow("beside a PostgreSQL history") << QString() << path(QStringLiteral("results.csv")) << QString();
    }
    void check()
    {
        QFETCH(QString, history);
        QFETCH(QString, out);
        QFETCH(QString, says);
        const Result<void> result = OutputFile::check(
            QStringLiteral("--out"), out, OutputFile::historyFiles(history), { path(QStringLiteral("cases.csv")) });
        if (says.isEmpty()) {
            QVERIFY2(result.ok(), qPrintable(result.message()));
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), ErrorCode::InvalidArgument);
        QVERIFY2(result.message().startsWith(QStringLiteral("--out: ")), qPrintable(result.message()));
        QVERIFY2(result.message().contains(says), qPrintable(result.message()));
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "TestOutputFile.moc"
