#include "export/ExportVerifier.h"
#include "export/Exporter.h"

#include "ExportWorld.h"

#include <QTemporaryDir>
#include <QTest>

// export verify: a one-byte change in the file, in the manifest or in the history is found and named; the chain
// inside an events export; the export chain, with the history.
class TestExportVerifier : public QObject
{
    Q_OBJECT

    using Status = ExportCheck::Status;

    ExportWorlds m_worlds;
    QTemporaryDir m_dir; // a history's exports in one folder, as export verify --db expects them

    ExportWorld* world()
    {
        QFETCH(QString, backend);
        return m_worlds.get(backend);
    }

    static std::optional<ExportOutcome> exportTo(
        ExportWorld& w, const QString& dir, const QString& what, const QString& format)
    {
        ExportRequest request;
        request.what = *ExportRequest::whatFromKey(what);
        request.format = *ExportRequest::formatFromKey(format);
        static int files = 0;
        request.outPath = dir + QStringLiteral("/export-%1.").arg(++files) + format;
        const Result<ExportOutcome> done = Exporter(*w.store).run(w.actor("supervisor"), request);
        if (!done)
            qWarning("export failed: %s", qPrintable(done.message()));
        return done ? std::optional<ExportOutcome>(*done) : std::nullopt;
    }

    static bool flipByte(const QString& path, qsizetype at)
    {
        QByteArray bytes = ExportWorld::read(path);
        if (bytes.isEmpty())
            return false;
        at = at < 0 ? bytes.size() + at : at;
        bytes[at] = bytes.at(at) == '1' ? '2' : '1';
        return ExportWorld::write(path, bytes);
    }

    static QString describe(const ExportCheck& check)
    {
        return QStringLiteral("status %1: %2").arg(int(check.status)).arg(check.message);
    }

    static void addBackendRows(const std::function<void(const QString&)>& rows)
    {
        for (const QString& backend : StoreFixture::backends())
            rows(backend);
    }

private slots:
    void intact_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("format");
        addBackendRows([](const QString& b) {
            for (const char* what : { "cases", "events" }) {
                for (const char* format : { "csv", "jsonl" })
                    QTest::addRow("%s %s %s", qPrintable(b), what, format)
                        << b << QString::fromLatin1(what) << QString::fromLatin1(format);
            }
        });
    }

    void intact()
    {
        QFETCH(QString, what);
        QFETCH(QString, format);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        const std::optional<ExportOutcome> done = exportTo(*w, m_dir.path(), what, format);
        QVERIFY(done);
        const ExportCheck alone = ExportVerifier::verify(done->manifestPath);
        QVERIFY2(alone.ok(), qPrintable(describe(alone)));
        QVERIFY(!alone.historyChecked);
        QCOMPARE(alone.rows, done->manifest.rows);
        const ExportCheck withHistory = ExportVerifier::verify(done->manifestPath, w->store.get());
        QVERIFY2(withHistory.ok(), qPrintable(describe(withHistory)));
        QVERIFY(withHistory.historyChecked);
    }

    // A one-byte change: where, whether the history is given, and what the verifier must name.
    void oneByteChange_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("target"); // file | manifest-rows | manifest-sha | history
        QTest::addColumn<bool>("withHistory");
        QTest::addColumn<int>("status");
        addBackendRows([](const QString& b) {
            const auto row = [&](const char* target, bool history, Status status) {
                QTest::addRow("%s %s%s", qPrintable(b), target, history ? " --db" : "")
                    << b << QString::fromLatin1(target) << history << int(status);
            };
            row("file", false, Status::FileAltered);
            row("file", true, Status::FileAltered);
            row("manifest-rows", false, Status::ManifestAltered);
            row("manifest-rows", true, Status::ManifestAltered);
            row("manifest-sha", false, Status::FileAltered);
            row("manifest-sha", true, Status::ManifestAltered);
            row("manifest-space", false, Status::ManifestAltered);
            row("history", true, Status::HistoryMismatch);
        });
    }

    void oneByteChange()
    {
        QFETCH(QString, backend);
        QFETCH(QString, target);
        QFETCH(bool, withHistory);
        QFETCH(int, status);
        // Each row tampers, so each gets a fresh history.
        QString skip;
        std::unique_ptr<ExportWorld> w = ExportWorld::build(backend, &skip);
        if (!w)
            QSKIP(qPrintable(skip));
        QTemporaryDir dir;
        const std::optional<ExportOutcome> done =
            exportTo(*w, dir.path(), QStringLiteral("events"), QStringLiteral("csv"));
        QVERIFY(done);
        const QByteArray manifest = ExportWorld::read(done->manifestPath);
        if (target == QLatin1String("file")) {
            QVERIFY(flipByte(done->filePath, ExportWorld::read(done->filePath).size() / 2));
        } else if (target == QLatin1String("manifest-rows")) {
            const qsizetype at = manifest.indexOf("\"rows\":") + 7;
            QVERIFY(flipByte(done->manifestPath, at));
        } else if (target == QLatin1String("manifest-sha")) {
            const qsizetype at = manifest.indexOf("\"fileSha256\":\"") + 20;
            QVERIFY(flipByte(done->manifestPath, at));
        } else if (target == QLatin1String("manifest-space")) {
            QVERIFY(ExportWorld::write(done->manifestPath, QByteArray(manifest).insert(1, ' ')));
        } else {
            QVERIFY(w->fx.dropAppendOnlyGuards());
            QVERIFY(w->fx.execRaw(
                QStringLiteral("UPDATE events SET actor = 'mallory' WHERE seq = %1").arg(done->manifest.firstSeq + 1)));
        }
        const ExportCheck check = ExportVerifier::verify(done->manifestPath, withHistory ? w->store.get() : nullptr);
        QCOMPARE(int(check.status), status);
        QVERIFY(!check.message.isEmpty());
        if (target == QLatin1String("history"))
            QVERIFY2(check.message.contains(QString::number(done->manifest.firstSeq + 1)), qPrintable(check.message));
    }

    void chainInsideFile_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("format");
        addBackendRows([](const QString& b) {
            QTest::addRow("%s csv", qPrintable(b)) << b << QStringLiteral("csv");
            QTest::addRow("%s jsonl", qPrintable(b)) << b << QStringLiteral("jsonl");
        });
    }

    // Someone edits a row and rewrites the manifest's digest and size to match: the chain inside the file breaks
    // at that row; with the history, the manifest's HMAC gives the rewrite away.
    void chainInsideFile()
    {
        QFETCH(QString, format);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        QTemporaryDir dir;
        const std::optional<ExportOutcome> done = exportTo(*w, dir.path(), QStringLiteral("events"), format);
        QVERIFY(done);
        QByteArray bytes = ExportWorld::read(done->filePath);
        const qsizetype at = bytes.indexOf("reviewer");
        QVERIFY(at > 0);
        bytes[at] = 'R';
        QVERIFY(ExportWorld::write(done->filePath, bytes));
        ExportManifest forged = done->manifest;
        forged.fileSha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        QVERIFY(ExportWorld::write(done->manifestPath, forged.bytes()));
        const ExportCheck alone = ExportVerifier::verify(done->manifestPath);
        QCOMPARE(alone.status, Status::ChainBroken);
        const ExportCheck withHistory = ExportVerifier::verify(done->manifestPath, w->store.get());
        QCOMPARE(withHistory.status, Status::ManifestAltered);
    }

    void exportChain_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("change"); // none | removed | altered
        QTest::addColumn<int>("status");
        addBackendRows([](const QString& b) {
            QTest::addRow("%s intact", qPrintable(b)) << b << QStringLiteral("none") << int(Status::Ok);
            QTest::addRow("%s removed", qPrintable(b))
                << b << QStringLiteral("removed") << int(Status::ExportChainBroken);
            QTest::addRow("%s altered", qPrintable(b))
                << b << QStringLiteral("altered") << int(Status::ExportChainBroken);
        });
    }

    // The second export names the first's manifest; a removed or altered first manifest shows with the history.
    void exportChain()
    {
        QFETCH(QString, change);
        QFETCH(int, status);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        QTemporaryDir dir;
        const std::optional<ExportOutcome> first =
            exportTo(*w, dir.path(), QStringLiteral("cases"), QStringLiteral("jsonl"));
        QVERIFY(first);
        const std::optional<ExportOutcome> second =
            exportTo(*w, dir.path(), QStringLiteral("events"), QStringLiteral("csv"));
        QVERIFY(second);
        QCOMPARE(second->manifest.previousManifestHash, first->manifestHash);
        if (change == QLatin1String("removed"))
            QVERIFY(QFile::remove(first->manifestPath));
        else if (change == QLatin1String("altered"))
            QVERIFY(flipByte(first->manifestPath, -3));
        const ExportCheck check = ExportVerifier::verify(second->manifestPath, w->store.get());
        QVERIFY2(int(check.status) == status, qPrintable(describe(check)));
        // Without the history the second export still proves its own file.
        QVERIFY(ExportVerifier::verify(second->manifestPath).ok());
    }

    void fromAnotherHistory()
    {
        QString skip;
        std::unique_ptr<ExportWorld> a = ExportWorld::build(QStringLiteral("sqlite"), &skip);
        std::unique_ptr<ExportWorld> b = ExportWorld::build(QStringLiteral("sqlite"), &skip);
        QVERIFY(a && b);
        QTemporaryDir dir;
        const std::optional<ExportOutcome> done =
            exportTo(*a, dir.path(), QStringLiteral("cases"), QStringLiteral("csv"));
        QVERIFY(done);
        QCOMPARE(ExportVerifier::verify(done->manifestPath, b->store.get()).status, Status::HistoryMismatch);
    }

    void missing()
    {
        QTemporaryDir dir;
        QCOMPARE(ExportVerifier::verify(dir.filePath(QStringLiteral("nothing.manifest.json"))).status,
            Status::ManifestUnreadable);
    }
};

QTEST_GUILESS_MAIN(TestExportVerifier)
#include "TestExportVerifier.moc"
