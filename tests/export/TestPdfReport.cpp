#include "export/ExportManifest.h"
#include "export/ExportVerifier.h"
#include "export/Exporter.h"
#include "export/PdfReport.h"
#include "history/AuditStore.h"

#include "ExportWorld.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The PDF report of a cases export, on both backends: a PDF/A with its font embedded, a manifest beside it that
// export verify accepts (and that shows a changed byte), the text of the pages (pdftotext) masked unless unmasked;
// refused for events.
class TestPdfReport : public QObject
{
    Q_OBJECT

    ExportWorlds m_worlds;
    QTemporaryDir m_dir;
    int m_files = 0;

    ExportWorld* world()
    {
        QFETCH(QString, backend);
        return m_worlds.get(backend);
    }

    QString nextPath() { return m_dir.filePath(QStringLiteral("report-%1.pdf").arg(++m_files)); }

    static QList<CaseSummary> allCases(AuditStore& store, const Actor& who, const HistoryQuery& query)
    {
        const Result<HistoryPage> page = store.queryCases(who, query, HistoryCursor(), 10000);
        return page ? page->rows : QList<CaseSummary>();
    }

    // The text of the pages, or a null string when pdftotext is not installed.
    static QString pageText(const QString& path)
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (tool.isEmpty())
            return {};
        QProcess p;
        p.start(tool, { QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-") });
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return QStringLiteral("pdftotext failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void report_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("unmasked");
        QTest::addColumn<QString>("filter"); // KEY=VALUE or empty
        for (const QString& backend : StoreFixture::backends()) {
            QTest::addRow("%s masked", qPrintable(backend)) << backend << false << QString();
            QTest::addRow("%s masked, outcome 202", qPrintable(backend))
                << backend << false << QStringLiteral("outcome=202");
            QTest::addRow("%s unmasked", qPrintable(backend)) << backend << true << QString();
        }
    }

    void report()
    {
        QFETCH(bool, unmasked);
        QFETCH(QString, filter);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        ExportRequest request;
        request.what = ExportRequest::What::Cases;
        request.format = ExportRequest::Format::Pdf;
        request.outPath = nextPath();
        request.unmasked = unmasked;
        request.reason = QStringLiteral("court order 17");
        if (!filter.isEmpty())
            QVERIFY(request.query.set(filter.section(u'=', 0, 0), filter.section(u'=', 1)));
        const Actor& supervisor = w->actor("supervisor");
        const QList<CaseSummary> cases = allCases(*w->store, supervisor, request.query);
        QVERIFY(!cases.isEmpty());

        const Result<ExportOutcome> done = Exporter(*w->store).run(supervisor, request);
        QVERIFY2(done, qPrintable(done.message()));
        const QByteArray pdf = ExportWorld::read(request.outPath);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("pdfaid:part")); // PDF/A-1b, in the XMP metadata
        QVERIFY(pdf.contains("/FontFile2")); // the TrueType font is embedded

        const QString manifestPath = ExportManifest::pathFor(request.outPath);
        const Result<ExportManifest> manifest = ExportManifest::parse(ExportWorld::read(manifestPath));
        QVERIFY2(manifest, qPrintable(manifest.message()));
        QCOMPARE(manifest->fileFormat, QStringLiteral("pdf"));
        QCOMPARE(manifest->what, QStringLiteral("cases"));
        QCOMPARE(manifest->rows, qint64(cases.size()));
        QCOMPARE(manifest->fileBytes, qint64(pdf.size()));
        QCOMPARE(manifest->fileSha256, QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex());
        QCOMPARE(manifest->unmasked, unmasked);

        const ExportCheck check = ExportVerifier::verify(manifestPath, w->store.get());
        QVERIFY2(check.ok(), qPrintable(check.message));
        QVERIFY(check.historyChecked);
        QCOMPARE(check.rows, qint64(cases.size()));

        const QString text = pageText(request.outPath);
        if (text.isNull()) {
            qWarning("pdftotext is not installed: the text of the report is not checked");
        } else {
            const QString plainId = TeamHistory::record(0).idNumber;
            // Every MerchantBizId of the table that survives text extraction as it is (no tab, CR or quotes).
            static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9+@=-]+$"));
            int shown = 0;
            for (const CaseSummary& c : cases) {
                if (plain.match(c.merchantBizId).hasMatch()) {
                    QVERIFY2(text.contains(c.merchantBizId), qPrintable(c.merchantBizId));
                    ++shown;
                }
            }
            QVERIFY(shown > 0);
            QVERIFY(text.contains(w->store->historyId()));
            QVERIFY(text.contains(QString::fromLatin1(manifest->headHash)));
            QCOMPARE(text.contains(plainId), unmasked);
            if (!unmasked)
                QVERIFY2(text.contains(cases.first().idMasked), qPrintable(text));
        }

        // One byte changed in the PDF: export verify tells.
        QByteArray changed = pdf;
        changed[pdf.size() / 2] = char(changed.at(pdf.size() / 2) ^ 0x01);
        QVERIFY(ExportWorld::write(request.outPath, changed));
        QCOMPARE(ExportVerifier::verify(manifestPath).status, ExportCheck::Status::FileAltered);
        QCOMPARE(ExportVerifier::verify(manifestPath, w->store.get()).status, ExportCheck::Status::FileAltered);
    }

    void refusedForEvents_data() { StoreFixture::addBackendRows(); }

    // A report is of cases: events+pdf is refused, naming the format, and writes nothing.
    void refusedForEvents()
    {
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        ExportRequest request;
        request.what = ExportRequest::What::Events;
        request.format = ExportRequest::Format::Pdf;
        request.outPath = nextPath();
        const int exportsBefore = w->countKind(EventKind::exportMade);
        const Result<ExportOutcome> done = Exporter(*w->store).run(w->actor("supervisor"), request);
        QCOMPARE(done.error(), ErrorCode::InvalidArgument);
        QVERIFY2(done.message().contains(QLatin1String("pdf")), qPrintable(done.message()));
        QVERIFY(!QFile::exists(request.outPath));
        QVERIFY(!QFile::exists(ExportManifest::pathFor(request.outPath)));
        QCOMPARE(w->countKind(EventKind::exportMade), exportsBefore);
    }

    void keys()
    {
        QCOMPARE(ExportRequest::key(ExportRequest::Format::Pdf), QStringLiteral("pdf"));
        QCOMPARE(ExportRequest::formatFromKey(QStringLiteral("pdf")), ExportRequest::Format::Pdf);
    }
};

QTEST_MAIN(TestPdfReport)
#include "TestPdfReport.moc"
