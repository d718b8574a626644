#include "export/ExportManifest.h"

#include "CliRun.h"
#include "ExportWorld.h"
#include "Rfc4180.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// `ekyc-desk-cli export` and `export verify` as scheduled jobs run them: a real process on a team history, signed
// in with --user; each failure has its exit code.
class TestCliExport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QTemporaryDir m_out;
    std::unique_ptr<ExportWorld> m_world;
    QString m_db;
    int m_files = 0;

    CliRun cli(QStringList args, const QString& who = QStringLiteral("supervisor"), bool withDb = true)
    {
        args.prepend(QStringLiteral("export"));
        if (withDb)
            args << QStringLiteral("--db") << m_db;
        if (!who.isEmpty())
            args << QStringLiteral("--user") << who;
        return CliRun::run(args, m_home.path(), { { QStringLiteral("EKYC_DESK_PASSWORD"), TeamHistory::password() } });
    }

    QString nextPath(const char* suffix)
    {
        return m_out.filePath(QStringLiteral("cli-%1.%2").arg(++m_files).arg(QLatin1String(suffix)));
    }

    // Exports (as the supervisor) and returns the file's path, failing the test when it did not work.
    QString exported(const QStringList& args, const char* suffix)
    {
        const QString path = nextPath(suffix);
        const CliRun run = cli(args + QStringList { QStringLiteral("--out"), path });
        if (run.exitCode != 0)
            qWarning("export exited %d: %s", run.exitCode, run.err.constData());
        return run.exitCode == 0 ? path : QString();
    }

    static bool flipByte(const QString& path, qsizetype at)
    {
        QByteArray bytes = ExportWorld::read(path);
        if (bytes.size() <= at)
            return false;
        bytes[at] = bytes.at(at) == '1' ? '2' : '1';
        return ExportWorld::write(path, bytes);
    }

private slots:
    void initTestCase()
    {
        QString skip;
        m_world = ExportWorld::build(QStringLiteral("sqlite"), &skip);
        QVERIFY2(m_world, qPrintable(skip));
        m_db = m_world->fx.location();
        m_world->store.reset(); // the CLI writes to it now
    }

    // An --out that is the history (or a file SQLite keeps beside it), a folder or a device is refused before
    // anything is written, and the history stays whole; audit head --out likewise.
    void outputThatWouldDestroyIsRefused_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("says");
        for (const char* command : { "export", "audit head" }) {
            QTest::addRow("%s: the history", command)
                << QString::fromLatin1(command) << QStringLiteral("@db") << QStringLiteral("is the audit history");
            QTest::addRow("%s: its WAL", command)
                << QString::fromLatin1(command) << QStringLiteral("@db-wal") << QStringLiteral("is the audit history");
            QTest::addRow("%s: a folder", command)
                << QString::fromLatin1(command) << QStringLiteral("@dir") << QStringLiteral("is a folder");
            QTest::addRow("%s: a device", command)
                << QString::fromLatin1(command) << QStringLiteral("/dev/null") << QStringLiteral("not a regular file");
            QTest::addRow("%s: a missing folder", command)
                << QString::fromLatin1(command) << QStringLiteral("@dir/missing/out.csv")
                << QStringLiteral("does not exist");
            // A PostgreSQL history's record spool (spool-<history id>.jsonl) and the settings, in the app's folders.
            QTest::addRow("%s: the data folder", command)
                << QString::fromLatin1(command) << QStringLiteral("@appdata/spool-5f0c.jsonl")
                << QStringLiteral("where eKYC Desk keeps");
            QTest::addRow("%s: the settings file", command)
                << QString::fromLatin1(command) << QStringLiteral("@settings/ekyc-desk.conf")
                << QStringLiteral("where eKYC Desk keeps");
        }
    }
    void outputThatWouldDestroyIsRefused()
    {
        QFETCH(QString, command);
        QFETCH(QString, out);
        QFETCH(QString, says);
        // The CLI's folders under its private home (tests/support/CliRun).
        const QString appData = QDir(m_home.path()).filePath(QStringLiteral("data/eKYC Desk/ekyc-desk"));
        const QString settings = QDir(m_home.path()).filePath(QStringLiteral("config/eKYC Desk"));
        QVERIFY(QDir().mkpath(appData) && QDir().mkpath(settings));
        out.replace(QLatin1String("@db"), m_db).replace(QLatin1String("@dir"), m_out.path());
        out.replace(QLatin1String("@appdata"), appData).replace(QLatin1String("@settings"), settings);
        const QByteArray before = ExportWorld::read(m_db);
        QVERIFY(!before.isEmpty());
        const CliRun run = command == QLatin1String("export")
            ? cli({ QStringLiteral("--out"), out })
            : CliRun::run({ QStringLiteral("audit"),
                              QStringLiteral("head"),
                              QStringLiteral("--db"),
                              m_db,
                              QStringLiteral("--user"),
                              QStringLiteral("supervisor"),
                              QStringLiteral("--out"),
                              out },
                m_home.path(),
                { { QStringLiteral("EKYC_DESK_PASSWORD"), TeamHistory::password() } });
        QVERIFY2(run.exitCode == 3, run.err.constData());
        QVERIFY2(run.err.contains("--out: ") && run.err.contains(says.toUtf8()), run.err.constData());
        // Still the history, whole (the sign-in before the export's refusal is recorded in it).
        QVERIFY(ExportWorld::read(m_db).size() >= before.size());
        const CliRun verify = CliRun::run(
            { QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), m_db }, m_home.path());
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        QVERIFY(QFileInfo(m_out.path()).isDir());
    }

    // A reversed range is bad input, not an empty export.
    void reversedRangeRefused()
    {
        const QString out = nextPath("csv");
        const CliRun run = cli({ QStringLiteral("--from"),
            QStringLiteral("2026-11-27"),
            QStringLiteral("--to"),
            QStringLiteral("2026-11-26"),
            QStringLiteral("--out"),
            out });
        QVERIFY2(run.exitCode == 3, run.err.constData());
        QVERIFY2(run.err.contains("is empty"), run.err.constData());
        QVERIFY(!QFileInfo::exists(out));

        // A filter set twice (here the start, by --from and by --filter) would count once, unseen.
        const CliRun twice = cli({ QStringLiteral("--from"),
            QStringLiteral("2026-11-26"),
            QStringLiteral("--filter"),
            QStringLiteral("from=2026-11-20"),
            QStringLiteral("--out"),
            out });
        QVERIFY2(twice.exitCode == 3, twice.err.constData());
        QVERIFY2(twice.err.contains("from is given more than once"), twice.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

    void exportAndVerify_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<int>("rows");
        QTest::newRow("cases csv") << QStringList { QStringLiteral("--what"), QStringLiteral("cases") }
                                   << QStringLiteral("csv") << 10;
        QTest::newRow("cases excel, one day") << QStringList { QStringLiteral("--from"),
            QStringLiteral("2026-11-26"),
            QStringLiteral("--to"),
            QStringLiteral("2026-11-26"),
            QStringLiteral("--excel") } << QStringLiteral("csv")
                                              << -1;
        QTest::newRow("cases jsonl filtered") << QStringList { QStringLiteral("--format"),
            QStringLiteral("jsonl"),
            QStringLiteral("--filter"),
            QStringLiteral("outcome=202"),
            QStringLiteral("--filter"),
            QStringLiteral("reviewer=reviewer") }
                                              << QStringLiteral("jsonl") << -1;
        QTest::newRow("events csv") << QStringList { QStringLiteral("--what"),
            QStringLiteral("events"),
            QStringLiteral("--from"),
            QStringLiteral("2026-11-26"),
            QStringLiteral("--to"),
            QStringLiteral("2026-11-27") }
                                    << QStringLiteral("csv") << -1;
        QTest::newRow("events jsonl") << QStringList {
            QStringLiteral("--what"), QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("jsonl")
        } << QStringLiteral("jsonl") << -1;
        QTest::newRow("cases pdf") << QStringList { QStringLiteral("--format"), QStringLiteral("pdf") }
                                   << QStringLiteral("pdf") << 10;
    }

    void exportAndVerify()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, suffix);
        QFETCH(int, rows);
        const QString path = exported(args, qPrintable(suffix));
        QVERIFY(!path.isEmpty());
        const QString manifestPath = ExportManifest::pathFor(path);
        const Result<ExportManifest> manifest = ExportManifest::parse(ExportWorld::read(manifestPath));
        QVERIFY2(manifest, qPrintable(manifest.message()));
        QVERIFY(manifest->rows > 0);
        // Personal data, masked or not: the owner's alone, the manifest too.
        for (const QString& file : { path, manifestPath })
            QCOMPARE(QFileInfo(file).permissions() & 0x0077, QFileDevice::Permissions());
        if (rows >= 0)
            QCOMPARE(manifest->rows, rows);
        QCOMPARE(ExportWorld::read(path).startsWith("\xEF\xBB\xBF"), args.contains(QStringLiteral("--excel")));
        QCOMPARE(ExportWorld::read(path).startsWith("%PDF-"), suffix == QLatin1String("pdf"));
        const CliRun alone = cli({ QStringLiteral("verify"), manifestPath }, QString(), false);
        QCOMPARE(alone.exitCode, 0);
        QVERIFY(alone.out.startsWith("OK "));
        const CliRun withDb = cli({ QStringLiteral("verify"), manifestPath }, QString());
        QVERIFY2(withDb.exitCode == 0, withDb.out.constData());
    }

    // Exit codes of export: 3 bad arguments, 7 not permitted, 8 sign-in failed.
    void exportExitCodes_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        const QString out = QStringLiteral("--out");
        QTest::newRow("no --out") << QStringLiteral("supervisor") << QStringList() << 3;
        QTest::newRow("bad format") << QStringLiteral(
            "supervisor") << QStringList { QStringLiteral("--format"), QStringLiteral("xml"), out, QStringLiteral("x") }
                                    << 3;
        QTest::newRow("bad what")
            << QStringLiteral("supervisor")
            << QStringList { QStringLiteral("--what"), QStringLiteral("people"), out, QStringLiteral("x") } << 3;
        QTest::newRow("unknown filter")
            << QStringLiteral("supervisor")
            << QStringList { QStringLiteral("--filter"), QStringLiteral("colour=red"), out, QStringLiteral("x") } << 3;
        QTest::newRow("bad date")
            << QStringLiteral("supervisor")
            << QStringList { QStringLiteral("--from"), QStringLiteral("2026-13-01"), out, QStringLiteral("x") } << 3;
        QTest::newRow("events with filter") << QStringLiteral("supervisor")
                                            << QStringList { QStringLiteral("--what"),
                                                   QStringLiteral("events"),
                                                   QStringLiteral("--filter"),
                                                   QStringLiteral("outcome=202"),
                                                   out,
                                                   QStringLiteral("x") }
                                            << 3;
        QTest::newRow("unmasked without reason")
            << QStringLiteral("supervisor") << QStringList { QStringLiteral("--unmasked"), out, QStringLiteral("x") }
            << 3;
        QTest::newRow("events unmasked") << QStringLiteral("supervisor")
                                         << QStringList { QStringLiteral("--what"),
                                                QStringLiteral("events"),
                                                QStringLiteral("--unmasked"),
                                                QStringLiteral("--reason"),
                                                QStringLiteral("r"),
                                                out,
                                                QStringLiteral("x") }
                                         << 3;
        QTest::newRow("events pdf") << QStringLiteral("supervisor")
                                    << QStringList { QStringLiteral("--what"),
                                           QStringLiteral("events"),
                                           QStringLiteral("--format"),
                                           QStringLiteral("pdf"),
                                           out,
                                           QStringLiteral("x") }
                                    << 3;
        QTest::newRow("reviewer") << QStringLiteral("reviewer") << QStringList { out, QStringLiteral("x") } << 7;
        QTest::newRow("auditor unmasked") << QStringLiteral("auditor")
                                          << QStringList { QStringLiteral("--unmasked"),
                                                 QStringLiteral("--reason"),
                                                 QStringLiteral("audit"),
                                                 out,
                                                 QStringLiteral("x") }
                                          << 7;
        QTest::newRow("no such user") << QStringLiteral("nobody") << QStringList { out, QStringLiteral("x") } << 8;
        QTest::newRow("locked") << QStringLiteral("locked") << QStringList { out, QStringLiteral("x") } << 8;
        QTest::newRow("extra argument") << QStringLiteral("supervisor")
                                        << QStringList { QStringLiteral("cases"), out, QStringLiteral("x") } << 3;
    }

    void exportExitCodes()
    {
        QFETCH(QString, who);
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const qsizetype out = args.indexOf(QStringLiteral("--out"));
        if (out >= 0)
            args[out + 1] = nextPath("csv");
        const CliRun run = cli(args, who);
        QVERIFY2(run.exitCode == code, run.err.constData());
        QVERIFY(!run.err.isEmpty());
        if (out >= 0)
            QVERIFY(!QFile::exists(args.at(out + 1)));
    }

    void unmaskedBySupervisor()
    {
        const QString path = exported({ QStringLiteral("--unmasked"),
                                          QStringLiteral("--reason"),
                                          QStringLiteral("court order 17"),
                                          QStringLiteral("--format"),
                                          QStringLiteral("jsonl") },
            "jsonl");
        QVERIFY(!path.isEmpty());
        const std::optional<QList<QJsonObject>> rows = Rfc4180::jsonLines(ExportWorld::read(path));
        QVERIFY(rows && !rows->isEmpty());
        QVERIFY(rows->first().contains(QStringLiteral("id_number")));
        QVERIFY(!rows->first().value(QStringLiteral("id_number")).toString().contains(u'*'));
    }

    // Exit codes of export verify: what broke, each its own.
    void verifyExitCodes_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("withDb");
        QTest::addColumn<int>("code");
        QTest::newRow("intact") << QStringLiteral("none") << true << 0;
        QTest::newRow("no manifest") << QStringLiteral("no-manifest") << false << 3;
        QTest::newRow("file byte") << QStringLiteral("file") << false << 10;
        QTest::newRow("file removed") << QStringLiteral("file-removed") << false << 10;
        QTest::newRow("chain inside the file") << QStringLiteral("forged") << false << 11;
        QTest::newRow("forged manifest, --db") << QStringLiteral("forged") << true << 12;
        QTest::newRow("manifest byte, --db") << QStringLiteral("manifest") << true << 12;
        QTest::newRow("previous manifest removed") << QStringLiteral("previous") << true << 14;
        // Another export's genuine manifest copied over this one's, this one's file edited: the copy names its own
        // file, which is intact, so only the manifest's name can tell.
        QTest::newRow("another manifest copied over") << QStringLiteral("swapped") << false << 12;
        QTest::newRow("another manifest copied over, --db") << QStringLiteral("swapped") << true << 12;
    }

    void verifyExitCodes()
    {
        QFETCH(QString, change);
        QFETCH(bool, withDb);
        QFETCH(int, code);
        const QString previous = exported({ QStringLiteral("--what"), QStringLiteral("cases") }, "csv");
        const QString path = exported({ QStringLiteral("--what"), QStringLiteral("events") }, "csv");
        QVERIFY(!previous.isEmpty() && !path.isEmpty());
        QString manifestPath = ExportManifest::pathFor(path);
        if (change == QLatin1String("no-manifest")) {
            manifestPath += QStringLiteral(".gone");
        } else if (change == QLatin1String("file")) {
            QVERIFY(flipByte(path, 200));
        } else if (change == QLatin1String("file-removed")) {
            QVERIFY(QFile::remove(path));
        } else if (change == QLatin1String("manifest")) {
            QVERIFY(flipByte(manifestPath, ExportWorld::read(manifestPath).indexOf("\"rows\":") + 7));
        } else if (change == QLatin1String("previous")) {
            QVERIFY(QFile::remove(ExportManifest::pathFor(previous)));
        } else if (change == QLatin1String("swapped")) {
            QVERIFY(QFile::remove(manifestPath));
            QVERIFY(QFile::copy(ExportManifest::pathFor(previous), manifestPath));
            QVERIFY(flipByte(path, 200));
        } else if (change == QLatin1String("forged")) {
            QByteArray bytes = ExportWorld::read(path);
            bytes.replace("reviewer", "Reviewer");
            QVERIFY(ExportWorld::write(path, bytes));
            ExportManifest forged = *ExportManifest::parse(ExportWorld::read(manifestPath));
            forged.fileSha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
            QVERIFY(ExportWorld::write(manifestPath, forged.bytes()));
        }
        const CliRun run = cli({ QStringLiteral("verify"), manifestPath }, QString(), withDb);
        QVERIFY2(run.exitCode == code, (run.out + run.err).constData());
        if (code != 0 && code != 3)
            QVERIFY(run.out.startsWith("BROKEN: "));
        if (code == 0) // the file it vouches for, by name
            QVERIFY2(run.out.contains(" in " + QFileInfo(path).fileName().toUtf8() + ": "), run.out.constData());
    }

    // An earlier export is never written over (the next export's manifest names it), nor a manifest: exit 3, naming
    // --out, before the history is opened; the earlier export verifies as it did, and another name still exports.
    void anEarlierExportIsNotWrittenOver_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("the export file") << QStringLiteral("file");
        QTest::newRow("its manifest") << QStringLiteral("manifest");
        QTest::newRow("a manifest's name, no export there") << QStringLiteral("manifest-name");
        QTest::newRow("a symbolic link to the export file") << QStringLiteral("link");
    }

    void anEarlierExportIsNotWrittenOver()
    {
        QFETCH(QString, target);
        // Two: the earlier one's predecessor intact, whatever the tests before did to theirs.
        QVERIFY(!exported({ QStringLiteral("--what"), QStringLiteral("cases") }, "csv").isEmpty());
        const QString earlier = exported({ QStringLiteral("--what"), QStringLiteral("events") }, "csv");
        QVERIFY(!earlier.isEmpty());
        const QByteArray file = ExportWorld::read(earlier);
        const QByteArray manifest = ExportWorld::read(ExportManifest::pathFor(earlier));
        QString out = target == QLatin1String("file") ? earlier
            : target == QLatin1String("manifest")     ? ExportManifest::pathFor(earlier)
                                                      : ExportManifest::pathFor(nextPath("csv"));
        if (target == QLatin1String("link")) {
            out = nextPath("csv");
            QVERIFY(QFile::link(earlier, out));
        }
        const CliRun run = cli({ QStringLiteral("--what"), QStringLiteral("events"), QStringLiteral("--out"), out });
        QVERIFY2(run.exitCode == 3, (run.out + run.err).constData());
        QVERIFY2(run.err.startsWith("--out: "), run.err.constData());
        QCOMPARE(ExportWorld::read(earlier), file);
        QCOMPARE(ExportWorld::read(ExportManifest::pathFor(earlier)), manifest);
        if (out != earlier)
            QVERIFY(!QFileInfo::exists(ExportManifest::pathFor(out)));
        if (target == QLatin1String("link"))
            QVERIFY(QFile::remove(out)); // the link, not what it leads to
        const CliRun verify = cli({ QStringLiteral("verify"), ExportManifest::pathFor(earlier) }, QString());
        QVERIFY2(verify.exitCode == 0, verify.out.constData());
        QVERIFY(!exported({ QStringLiteral("--what"), QStringLiteral("events") }, "csv").isEmpty());
    }

    // The history changed after the export: only --db can tell, with 13.
    void historyChanged()
    {
        const QString path = exported({ QStringLiteral("--what"), QStringLiteral("events") }, "jsonl");
        QVERIFY(!path.isEmpty());
        const ExportManifest manifest = *ExportManifest::parse(ExportWorld::read(ExportManifest::pathFor(path)));
        QVERIFY(m_world->fx.dropAppendOnlyGuards());
        QVERIFY(m_world->fx.execRaw(
            QStringLiteral("UPDATE events SET workstation = 'elsewhere' WHERE seq = %1").arg(manifest.firstSeq + 2)));
        QCOMPARE(cli({ QStringLiteral("verify"), ExportManifest::pathFor(path) }, QString(), false).exitCode, 0);
        const CliRun run = cli({ QStringLiteral("verify"), ExportManifest::pathFor(path) }, QString());
        QVERIFY2(run.exitCode == 13, (run.out + run.err).constData());
    }

    void help()
    {
        const CliRun run = cli({ QStringLiteral("--help") }, QString(), false);
        QCOMPARE(run.exitCode, 0);
        for (const char* code : { "10 ", "11 ", "12 ", "13 ", "14 " })
            QVERIFY2(run.out.contains(code), code);
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "TestCliExport.moc"
