#include "domain/Masking.h"
#include "export/ExportVerifier.h"
#include "export/Exporter.h"
#include "history/AuditStore.h"

#include "ExportWorld.h"
#include "Rfc4180.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

// Exports of the history on both backends, read back with an independent reader (Rfc4180.h) and compared with the
// store field by field; formula injection; who may export unmasked; cancel; the export chain.
class TestExporter : public QObject
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

    QString nextPath(const char* suffix)
    {
        return m_dir.filePath(QStringLiteral("export-%1.%2").arg(++m_files).arg(QLatin1String(suffix)));
    }

    static void addRows(const QStringList& formats)
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("format");
        for (const QString& backend : StoreFixture::backends()) {
            for (const QString& format : formats)
                QTest::addRow("%s %s", qPrintable(backend), qPrintable(format)) << backend << format;
        }
    }

    static ExportRequest requestFor(ExportRequest::What what, const QString& format, const QString& path)
    {
        ExportRequest r;
        r.what = what;
        r.format = format == QLatin1String("jsonl") ? ExportRequest::Format::Jsonl : ExportRequest::Format::Csv;
        r.excel = format == QLatin1String("excel");
        r.outPath = path;
        return r;
    }

    static std::optional<QList<QJsonObject>> readBack(const QString& format, const QByteArray& bytes)
    {
        return format == QLatin1String("jsonl") ? Rfc4180::jsonLines(bytes) : Rfc4180::objects(bytes);
    }

    // What a cell says, as CSV writes every JSON type.
    static QString text(const QJsonValue& v)
    {
        if (v.isBool())
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        if (v.isDouble())
            return QString::number(v.toInteger());
        return v.toString();
    }

    static QString iso(const QDateTime& t) { return t.toUTC().toString(Qt::ISODateWithMs); }

    static QJsonObject expectedCase(const CaseSummary& c)
    {
        return QJsonObject { { QStringLiteral("case_id"), c.caseId },
            { QStringLiteral("created_at"), iso(c.createdAt) },
            { QStringLiteral("updated_at"), iso(c.updatedAt) },
            { QStringLiteral("reviewer"), c.actor },
            { QStringLiteral("workstation"), c.workstation },
            { QStringLiteral("merchant_biz_id"), c.merchantBizId },
            { QStringLiteral("scene_code"), c.sceneCode },
            { QStringLiteral("state"), c.state },
            { QStringLiteral("outcome"), c.outcome() },
            { QStringLiteral("sub_code"), c.subCode },
            { QStringLiteral("passed"), c.passed ? QJsonValue(*c.passed) : QJsonValue() },
            { QStringLiteral("training"), c.training },
            { QStringLiteral("attempts"), c.attempts },
            { QStringLiteral("review_state"), c.reviewState },
            { QStringLiteral("error_kind"), c.errorKind },
            { QStringLiteral("error_code"), c.errorCode },
            { QStringLiteral("request_id"), c.requestId },
            { QStringLiteral("purged"), c.purged },
            { QStringLiteral("name_masked"), c.nameMasked },
            { QStringLiteral("id_number_masked"), c.idMasked } };
    }

    static void compareRow(const QString& format, const QJsonObject& got, const QJsonObject& want)
    {
        QCOMPARE(got.keys(), want.keys());
        for (const QString& key : want.keys()) {
            if (format == QLatin1String("jsonl"))
                QCOMPARE(got.value(key), want.value(key));
            else
                QCOMPARE(got.value(key).toString(), text(want.value(key)));
        }
    }

    static QList<CaseSummary> allCases(AuditStore& store, const Actor& who, const HistoryQuery& query)
    {
        const Result<HistoryPage> page = store.queryCases(who, query, HistoryCursor(), 10000);
        return page ? page->rows : QList<CaseSummary>();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void casesRoundTrip_data() { addRows({ QStringLiteral("csv"), QStringLiteral("excel"), QStringLiteral("jsonl") }); }

    // Every case of the history, masked, as a supervisor and as an auditor see them.
    void casesRoundTrip()
    {
        QFETCH(QString, format);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        const ExportRequest request = requestFor(
            ExportRequest::What::Cases, format, nextPath(format == QLatin1String("jsonl") ? "jsonl" : "csv"));
        const Result<ExportOutcome> done = Exporter(*w->store).run(w->actor("auditor"), request);
        QVERIFY2(done, qPrintable(done.message()));
        const QByteArray bytes = ExportWorld::read(request.outPath);
        QCOMPARE(bytes.startsWith("\xEF\xBB\xBF"), format == QLatin1String("excel"));
        const std::optional<QList<QJsonObject>> rows = readBack(format, bytes);
        QVERIFY(rows);
        const QList<CaseSummary> cases = allCases(*w->store, w->actor("supervisor"), HistoryQuery());
        QCOMPARE(rows->size(), cases.size());
        QVERIFY(cases.size() >= ExportWorld::merchantBizIds().size());
        for (qsizetype i = 0; i < cases.size(); ++i)
            compareRow(format, rows->at(i), expectedCase(cases.at(i)));
        QCOMPARE(done->manifest.rows, cases.size());
        QCOMPARE(done->manifest.fileSha256, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(ExportWorld::read(done->manifestPath), done->manifest.bytes());
    }

    void casesOfFilter_data() { addRows({ QStringLiteral("csv") }); }

    // A filter and a date range select the same cases as the history browser.
    void casesOfFilter()
    {
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        ExportRequest request = requestFor(ExportRequest::What::Cases, QStringLiteral("csv"), nextPath("csv"));
        QVERIFY(request.query.set(QStringLiteral("from"), QStringLiteral("2026-11-26")));
        QVERIFY(request.query.set(QStringLiteral("to"), QStringLiteral("2026-11-27")));
        QVERIFY(request.query.set(QStringLiteral("reviewer"), QStringLiteral("reviewer")));
        const Result<ExportOutcome> done = Exporter(*w->store).run(w->actor("supervisor"), request);
        QVERIFY2(done, qPrintable(done.message()));
        const QList<CaseSummary> cases = allCases(*w->store, w->actor("supervisor"), request.query);
        QVERIFY(!cases.isEmpty());
        const std::optional<QList<QJsonObject>> rows = Rfc4180::objects(ExportWorld::read(request.outPath));
        QVERIFY(rows);
        QCOMPARE(rows->size(), cases.size());
        for (qsizetype i = 0; i < cases.size(); ++i)
            compareRow(QStringLiteral("csv"), rows->at(i), expectedCase(cases.at(i)));
        QCOMPARE(done->manifest.filter, request.query.toJson());
    }

    void eventsRoundTrip_data() { addRows({ QStringLiteral("csv"), QStringLiteral("jsonl") }); }

    // The raw events of a range, with their canonical fields: the chain recomputes over the file alone.
    void eventsRoundTrip()
    {
        QFETCH(QString, format);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        ExportRequest request = requestFor(
            ExportRequest::What::Events, format, nextPath(format == QLatin1String("jsonl") ? "jsonl" : "csv"));
        request.query.from = QDateTime(QDate(2026, 11, 26), QTime(0, 0), Qt::UTC);
        request.query.to = QDateTime(QDate(2026, 11, 27), QTime(12, 0), Qt::UTC);
        const Result<ExportOutcome> done = Exporter(*w->store).run(w->actor("auditor"), request);
        QVERIFY2(done, qPrintable(done.message()));
        QList<AuditEvent> expected;
        QVERIFY(w->store->forEachEvent([&](const AuditEvent& e) {
            if (e.ts >= request.query.from && e.ts < request.query.to)
                expected << e;
            return true;
        }));
        QVERIFY(expected.size() >= 4);
        const std::optional<QList<QJsonObject>> rows = readBack(format, ExportWorld::read(request.outPath));
        QVERIFY(rows);
        QCOMPARE(rows->size(), expected.size());
        const ExportManifest& m = done->manifest;
        QCOMPARE(m.firstSeq, expected.first().seq);
        QCOMPARE(m.lastSeq, expected.last().seq);
        QCOMPARE(m.prevHash, expected.first().prevHash);
        QByteArray prev = m.prevHash;
        for (qsizetype i = 0; i < rows->size(); ++i) {
            const QJsonObject& row = rows->at(i);
            const AuditEvent& e = expected.at(i);
            QCOMPARE(text(row.value(QStringLiteral("seq"))), QString::number(e.seq));
            QCOMPARE(row.value(QStringLiteral("ts")).toString(), iso(e.ts));
            QCOMPARE(row.value(QStringLiteral("actor")).toString(), e.actor);
            QCOMPARE(row.value(QStringLiteral("workstation")).toString(), e.workstation);
            QCOMPARE(row.value(QStringLiteral("case_id")).toString(), e.caseId);
            QCOMPARE(row.value(QStringLiteral("kind")).toString(), e.kind);
            QCOMPARE(row.value(QStringLiteral("payload")).toString().toUtf8(), e.payload);
            QCOMPARE(row.value(QStringLiteral("pii_digest")).toString().toLatin1(), e.piiDigest);
            QCOMPARE(row.value(QStringLiteral("prev_hash")).toString().toLatin1(), prev);
            const QByteArray hash = ExportWorld::chainHash(prev,
                e.seq,
                row.value(QStringLiteral("ts")).toString(),
                row.value(QStringLiteral("actor")).toString(),
                row.value(QStringLiteral("workstation")).toString(),
                row.value(QStringLiteral("case_id")).toString(),
                row.value(QStringLiteral("kind")).toString(),
                row.value(QStringLiteral("payload")).toString().toUtf8(),
                row.value(QStringLiteral("pii_digest")).toString().toLatin1());
            QCOMPARE(row.value(QStringLiteral("hash")).toString().toLatin1(), hash);
            QCOMPARE(hash, e.hash);
            prev = hash;
        }
        QCOMPARE(prev, m.lastHash);
    }

    void formulaInjection_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("merchantBizId");
        QTest::addColumn<bool>("neutralised");
        for (const QString& id : ExportWorld::merchantBizIds()) {
            const bool risky = QStringLiteral("=+-@\t\r'").contains(id.front());
            QTest::addRow("%s",
                qPrintable(QString(id).replace(u'\t', QStringLiteral("<tab>")).replace(u'\r', QStringLiteral("<cr>"))))
                << QStringLiteral("sqlite") << id << risky;
        }
    }

    // A cell a spreadsheet would run starts with a single quote in the file; the value itself comes back unchanged.
    void formulaInjection()
    {
        QFETCH(QString, merchantBizId);
        QFETCH(bool, neutralised);
        ExportWorld* w = world();
        QVERIFY(w);
        const ExportRequest request = requestFor(ExportRequest::What::Cases, QStringLiteral("csv"), nextPath("csv"));
        const Result<ExportOutcome> done = Exporter(*w->store).run(w->actor("supervisor"), request);
        QVERIFY2(done, qPrintable(done.message()));
        const std::optional<QList<QStringList>> records = Rfc4180::parse(ExportWorld::read(request.outPath));
        QVERIFY(records && records->size() > 1);
        const qsizetype column = records->first().indexOf(QStringLiteral("merchant_biz_id"));
        const QString written = neutralised ? u'\'' + merchantBizId : merchantBizId;
        int found = 0;
        for (qsizetype r = 1; r < records->size(); ++r) {
            found += records->at(r).at(column) == written ? 1 : 0;
            for (const QString& c : records->at(r))
                QVERIFY2(c.isEmpty() || !QStringLiteral("=+-@\t\r").contains(c.front()), qPrintable(c));
        }
        QCOMPARE(found, 1);
    }

    void unmasked_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("code");
        for (const QString& backend : StoreFixture::backends()) {
            const auto row = [&](const char* name, const char* who, const char* reason, ErrorCode code) {
                QTest::addRow("%s %s", qPrintable(backend), name)
                    << backend << QString::fromLatin1(who) << QString::fromLatin1(reason) << int(code);
            };
            row("reviewer", "reviewer", "court order 17", ErrorCode::PermissionDenied);
            row("auditor", "auditor", "court order 17", ErrorCode::PermissionDenied);
            row("supervisor without reason", "supervisor", "  ", ErrorCode::InvalidArgument);
            row("supervisor", "supervisor", "court order 17", ErrorCode::None);
            row("supervisor quoting an ID number", "supervisor", " asked for 11010519900307451X ", ErrorCode::None);
        }
    }

    // Only a supervisor exports names and ID numbers, with a reason, and the export says so in the chain.
    void unmasked()
    {
        QFETCH(QString, who);
        QFETCH(QString, reason);
        QFETCH(int, code);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        ExportRequest request = requestFor(ExportRequest::What::Cases, QStringLiteral("jsonl"), nextPath("jsonl"));
        request.unmasked = true;
        request.reason = reason;
        const int refusedBefore = w->countKind(EventKind::accessRefused);
        const int exportsBefore = w->countKind(EventKind::exportMade);
        const int revealsBefore = w->countKind(EventKind::piiRevealed);
        const Result<ExportOutcome> done = Exporter(*w->store).run(w->actors.at(who), request);
        QCOMPARE(int(done.error()), code);
        QCOMPARE(
            w->countKind(EventKind::accessRefused), refusedBefore + (code == int(ErrorCode::PermissionDenied) ? 1 : 0));
        QCOMPARE(w->countKind(EventKind::exportMade), exportsBefore + (done ? 1 : 0));
        QCOMPARE(w->countKind(EventKind::piiRevealed), revealsBefore + (done ? 1 : 0));
        QCOMPARE(QFile::exists(request.outPath), bool(done));
        if (!done)
            return;
        const std::optional<QList<QJsonObject>> rows = Rfc4180::jsonLines(ExportWorld::read(request.outPath));
        QVERIFY(rows && !rows->isEmpty());
        for (const QJsonObject& row : *rows) {
            QVERIFY(!row.contains(QStringLiteral("name_masked")));
            const Result<RevealedPii> pii = w->store->revealCase(
                w->actor("supervisor"), row.value(QStringLiteral("case_id")).toString(), QStringLiteral("test"));
            QVERIFY(pii);
            QCOMPARE(row.value(QStringLiteral("name")).toString(), pii->name);
            QCOMPARE(row.value(QStringLiteral("id_number")).toString(), pii->idNumber);
        }
        const QJsonObject event = w->store->exportEvents()->last().payloadObject();
        QCOMPARE(event.value(QStringLiteral("unmasked")).toBool(), true);
        // Kept for good by the chain: any ID number in the reason masked (as is the reveal's).
        const QString quoted = QStringLiteral("11010519900307451X");
        const QString recorded = QString(reason).replace(quoted, Masking::idNumber(quoted)).trimmed();
        QCOMPARE(event.value(QStringLiteral("reason")).toString(), recorded);
        int revealsRecorded = 0;
        for (const QJsonObject& revealed : w->payloadsOfKind(EventKind::piiRevealed)) {
            QVERIFY(!revealed.value(QStringLiteral("reason")).toString().contains(quoted));
            revealsRecorded += revealed.value(QStringLiteral("reason")).toString() == recorded ? 1 : 0;
        }
        QVERIFY(revealsRecorded >= 1);
        QCOMPARE(event.value(QStringLiteral("cases")).toInt(), rows->size());
        QCOMPARE(event.value(QStringLiteral("caseIds")).toArray().size(), rows->size());
        QVERIFY(done->manifest.unmasked);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("what");
        QTest::addColumn<bool>("unmaskedFlag");
        QTest::addColumn<int>("code");
        for (const QString& backend : StoreFixture::backends()) {
            QTest::addRow("%s reviewer masked", qPrintable(backend))
                << backend << QStringLiteral("reviewer") << QStringLiteral("cases") << false
                << int(ErrorCode::PermissionDenied);
            QTest::addRow("%s reviewer events", qPrintable(backend))
                << backend << QStringLiteral("reviewer") << QStringLiteral("events") << false
                << int(ErrorCode::PermissionDenied);
            QTest::addRow("%s events unmasked", qPrintable(backend))
                << backend << QStringLiteral("supervisor") << QStringLiteral("events") << true
                << int(ErrorCode::InvalidArgument);
            QTest::addRow("%s disabled", qPrintable(backend))
                << backend << QStringLiteral("disabled") << QStringLiteral("cases") << false
                << int(ErrorCode::PermissionDenied);
        }
    }

    void refusals()
    {
        QFETCH(QString, who);
        QFETCH(QString, what);
        QFETCH(bool, unmaskedFlag);
        QFETCH(int, code);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        ExportRequest request = requestFor(*ExportRequest::whatFromKey(what), QStringLiteral("csv"), nextPath("csv"));
        request.unmasked = unmaskedFlag;
        request.reason = QStringLiteral("because");
        const Result<ExportOutcome> done = Exporter(*w->store).run(w->actors.at(who), request);
        QCOMPARE(int(done.error()), code);
        QVERIFY(!QFile::exists(request.outPath));
        QVERIFY(!QFile::exists(ExportManifest::pathFor(request.outPath)));
    }

    // An export's file name goes into the chain for good: one that holds an ID number is refused, nothing written.
    void aFileNamedWithAnIdNumberIsRefused_data() { StoreFixture::addBackendRows(); }
    void aFileNamedWithAnIdNumberIsRefused()
    {
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        const int exportsBefore = w->countKind(EventKind::exportMade);
        ExportRequest request = requestFor(ExportRequest::What::Cases,
            QStringLiteral("csv"),
            m_dir.filePath(QStringLiteral("for 110105199003074528.csv")));
        const Result<ExportOutcome> done = Exporter(*w->store).run(w->actor("supervisor"), request);
        QCOMPARE(int(done.error()), int(ErrorCode::InvalidArgument));
        QVERIFY2(done.message().contains(QStringLiteral("ID number")), qPrintable(done.message()));
        QVERIFY(!QFile::exists(request.outPath));
        QCOMPARE(w->countKind(EventKind::exportMade), exportsBefore);
    }

    void cancel_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("what");
        for (const QString& backend : StoreFixture::backends()) {
            for (const char* what : { "cases", "events" })
                QTest::addRow("%s %s", qPrintable(backend), what) << backend << QString::fromLatin1(what);
        }
    }

    // Cancelled after the first row: nothing under the file's name or the manifest's, no temporary file left, and
    // no export_made event.
    void cancel()
    {
        QFETCH(QString, what);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        QTemporaryDir dir;
        ExportRequest request = requestFor(
            *ExportRequest::whatFromKey(what), QStringLiteral("csv"), dir.filePath(QStringLiteral("out.csv")));
        std::atomic<bool> cancelled = false;
        qint64 seenTotal = -1;
        const auto progress = [&](qint64 done, qint64 total) {
            seenTotal = total;
            if (done >= 1)
                cancelled = true;
        };
        const int exportsBefore = w->countKind(EventKind::exportMade);
        const Result<ExportOutcome> done =
            Exporter(*w->store).run(w->actor("supervisor"), request, progress, &cancelled);
        QCOMPARE(done.error(), ErrorCode::Cancelled);
        QVERIFY(seenTotal > 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        QCOMPARE(w->countKind(EventKind::exportMade), exportsBefore);
    }

    void progress_data() { addRows({ QStringLiteral("csv") }); }

    void progress()
    {
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        QList<qint64> seen;
        qint64 total = 0;
        const ExportRequest request = requestFor(ExportRequest::What::Cases, QStringLiteral("csv"), nextPath("csv"));
        const Result<ExportOutcome> done =
            Exporter(*w->store).run(w->actor("supervisor"), request, [&](qint64 d, qint64 t) {
                seen << d;
                total = t;
            });
        QVERIFY(done);
        QCOMPARE(total, done->manifest.rows);
        QCOMPARE(seen.first(), 0);
        QCOMPARE(seen.last(), total);
    }

    void exportChain_data() { addRows({ QStringLiteral("csv") }); }

    // Each export names the manifest of the one before it; the export_made events carry the manifest hashes.
    void exportChain()
    {
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        Exporter exporter(*w->store);
        const Result<ExportOutcome> first = exporter.run(
            w->actor("supervisor"), requestFor(ExportRequest::What::Cases, QStringLiteral("csv"), nextPath("csv")));
        QVERIFY(first);
        const Result<ExportOutcome> second = exporter.run(
            w->actor("auditor"), requestFor(ExportRequest::What::Events, QStringLiteral("jsonl"), nextPath("jsonl")));
        QVERIFY(second);
        QCOMPARE(second->manifest.previousManifestHash, first->manifestHash);
        QCOMPARE(first->manifestHash,
            QCryptographicHash::hash(ExportWorld::read(first->manifestPath), QCryptographicHash::Sha256).toHex());
        const QList<AuditEvent> events = *w->store->exportEvents();
        QCOMPARE(events.last().seq, second->eventSeq);
        QCOMPARE(events.last().payloadObject().value(QStringLiteral("manifestHash")).toString().toLatin1(),
            second->manifestHash);
        QCOMPARE(
            events.at(events.size() - 2).payloadObject().value(QStringLiteral("manifestHash")).toString().toLatin1(),
            first->manifestHash);
        const QJsonObject masked = events.at(events.size() - 2).payloadObject();
        QCOMPARE(masked.value(QStringLiteral("cases")).toInteger(), first->manifest.rows);
        QVERIFY(!masked.contains(QStringLiteral("caseIds"))); // listed only when names and ID numbers left
        QCOMPARE(masked.value(QStringLiteral("what")).toString(), QStringLiteral("cases"));
        // The events export ends before its own export_made event, at the head it names.
        QCOMPARE(second->manifest.lastSeq, second->manifest.headSeq);
        QCOMPARE(second->eventSeq, second->manifest.headSeq + 1);
        QVERIFY(w->store->verifyChain().ok);
    }

    // An export file takes its name only once the export is recorded: until then its rows (unmasked ones here) are in
    // a temporary file, discarded when the record fails or the process dies, so no file of names and ID numbers can
    // be left that the history does not list. Seen through the store's clock, which the record reads: at that moment
    // the file is not there yet.
    void theFileTakesItsNameOnlyOnceRecorded_data() { addRows({ QStringLiteral("csv"), QStringLiteral("jsonl") }); }
    void theFileTakesItsNameOnlyOnceRecorded()
    {
        QFETCH(QString, format);
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        struct WatchingClock : FakeClock
        {
            QString path;
            mutable int reads = 0;
            mutable int readsWithTheFile = 0;
            QDateTime nowUtc() const override
            {
                ++reads;
                readsWithTheFile += QFileInfo::exists(path) ? 1 : 0;
                return FakeClock::nowUtc();
            }
        } clock;
        const std::unique_ptr<AuditStore> watched = w->fx.open(&clock);
        QVERIFY(watched);
        ExportRequest request = requestFor(ExportRequest::What::Cases, format, nextPath(qPrintable(format)));
        request.unmasked = true;
        request.reason = QStringLiteral("court order 18");
        clock.path = request.outPath;
        const Result<ExportOutcome> done = Exporter(*watched).run(w->actor("supervisor"), request);
        QVERIFY2(done, qPrintable(done.message()));
        QVERIFY(QFile::exists(request.outPath));
        QVERIFY(clock.reads > 0);
        QCOMPARE(clock.readsWithTheFile, 0);
    }

    void anExportRecordedMeanwhileIsNotSkipped_data() { addRows({ QStringLiteral("csv") }); }

    // Two exports at once (here: another connection exports while this one writes its last row): the later one
    // would name the same predecessor as the earlier and fail verification for good. It is refused with Conflict and
    // leaves nothing; the next one chains after the one that was kept, and verifies.
    void anExportRecordedMeanwhileIsNotSkipped()
    {
        ExportWorld* w = world();
        if (!w)
            QSKIP("backend not available");
        const std::unique_ptr<AuditStore> other = w->fx.open(&w->clock);
        QVERIFY(other);
        QTemporaryDir dir;
        const ExportRequest request =
            requestFor(ExportRequest::What::Cases, QStringLiteral("csv"), dir.filePath(QStringLiteral("late.csv")));
        std::optional<Result<ExportOutcome>> meanwhile;
        const auto progress = [&](qint64 done, qint64 total) {
            if (done == total && total > 0 && !meanwhile)
                meanwhile = Exporter(*other).run(w->actor("auditor"),
                    requestFor(ExportRequest::What::Events, QStringLiteral("jsonl"), nextPath("jsonl")));
        };
        const int exportsBefore = w->countKind(EventKind::exportMade);
        const Result<ExportOutcome> late = Exporter(*w->store).run(w->actor("supervisor"), request, progress);
        QVERIFY(meanwhile && *meanwhile);
        QCOMPARE(late.error(), ErrorCode::Conflict);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        QCOMPARE(w->countKind(EventKind::exportMade), exportsBefore + 1);
        const Result<ExportOutcome> next = Exporter(*w->store).run(
            w->actor("supervisor"), requestFor(ExportRequest::What::Cases, QStringLiteral("csv"), nextPath("csv")));
        QVERIFY2(next, qPrintable(next.message()));
        QCOMPARE(next->manifest.previousManifestHash, (*meanwhile)->manifestHash);
        const ExportCheck check = ExportVerifier::verify(next->manifestPath, w->store.get());
        QVERIFY2(check.ok(), qPrintable(check.message));
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "TestExporter.moc"
