// The history browser with real widgets offscreen on a team's SQLite history: a supervisor sees the team's cases and
// narrows them by outcome and reviewer, sorts by a column (in SQL), finds a person by exact ID number, opens the
// timeline with chain positions, saves a filter and picks it again; a reviewer sees only their own cases, without
// the reviewer filter.
#include "CaseTimelineDialog.h"
#include "ExportDialog.h"
#include "GuiDriver.h"
#include "HistoryFilterBar.h"
#include "HistoryPanel.h"
#include "StoreFixture.h"
#include "TeamHistory.h"
#include "base/Language.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/HistoryModel.h"
#include "history/Review.h"
#include "sandbox/SandboxFixtures.h"
#include "session/HistoryThread.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class TestHistoryBrowserPanel : public QObject
{
    Q_OBJECT

    StoreFixture m_fx;
    std::unique_ptr<AuditStore> m_store;
    std::optional<TeamHistory> m_team;
    QStringList m_reviewerCases; // of "reviewer", in creation order

    Actor actor(const char* account) const { return m_team->actors.at(QLatin1String(account)); }

    // Case i of owner: person i of the sandbox fixture, ending 200, 202 or 223 by i % 3.
    QString addCase(const Actor& owner, int i)
    {
        const SandboxFixtures::Person& p = SandboxFixtures::people().at(i % SandboxFixtures::people().size());
        CaseRecord r = TeamHistory::record(i);
        r.name = p.docName;
        r.idNumber = p.docNo;
        r.sceneCode = i % 2 ? QStringLiteral("desk") : QStringLiteral("branch");
        const QString id = m_store->createCase(owner, r).valueOr(QString());
        const char* subCodes[] = { "200", "202", "223" };
        const QString subCode = QLatin1String(subCodes[i % 3]);
        Events::CaseCompleted done =
            StoreFixture::completion(QLatin1String(CaseState::completed), subCode == u"200", subCode);
        done.requestId = QStringLiteral("request-%1").arg(i);
        return m_store->completeCase(owner, id, done) ? id : QString();
    }

#define WAIT_FOR_ROWS(panel, rows)                                                                                     \
    do {                                                                                                               \
        waitForRows((panel), (rows));                                                                                  \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

    static void waitForRows(HistoryPanel& panel, int rows)
    {
        QTRY_VERIFY(!panel.model()->isLoading());
        QTRY_COMPARE(panel.model()->rowCount(), rows);
        QTRY_COMPARE(panel.matchCount(), qint64(rows));
    }

    qint64 countEvents(const QString& kind) const
    {
        qint64 n = 0;
        (void)m_store->forEachEvent([&](const AuditEvent& e) {
            n += e.kind == kind ? 1 : 0;
            return true;
        });
        return n;
    }

    QByteArray lastEventPayload(const QString& kind) const
    {
        QByteArray payload;
        (void)m_store->forEachEvent([&](const AuditEvent& e) {
            if (e.kind == kind)
                payload = e.payload;
            return true;
        });
        return payload;
    }

    template <class T> static T* child(QWidget& parent, const char* name)
    {
        T* found = parent.findChild<T*>(QLatin1String(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }

    static void choose(QWidget& panel, const char* comboName, const QString& data)
    {
        auto* box = child<QComboBox>(panel, comboName);
        QVERIFY(box);
        const int index = box->findData(data);
        QVERIFY2(index >= 0, qPrintable(data));
        box->setCurrentIndex(index);
    }

private slots:
    void initTestCase()
    {
        QString skip;
        QVERIFY(m_fx.prepare(QStringLiteral("sqlite"), &skip));
        m_store = m_fx.open();
        QVERIFY(m_store);
        m_team = TeamHistory::build(*m_store, 0);
        QVERIFY(m_team);
        for (int i = 0; i < 9; ++i) {
            m_reviewerCases << addCase(actor("reviewer"), i);
            QVERIFY(!m_reviewerCases.last().isEmpty());
        }
        for (int i = 9; i < 15; ++i)
            QVERIFY(!addCase(actor("other"), i).isEmpty());
    }

    void supervisorFiltersSortsAndSearches()
    {
        HistoryPanel panel(m_store.get(), actor("supervisor"));
        panel.resize(1200, 700);
        panel.show();
        WAIT_FOR_ROWS(panel, 15);
        auto* reviewerBox = child<QComboBox>(panel, "reviewerComboBox");
        QTRY_COMPARE(reviewerBox->count(), 3); // everyone, other, reviewer
        QVERIFY(reviewerBox->isVisibleTo(&panel));

        choose(panel, "outcomeComboBox", QStringLiteral("223"));
        WAIT_FOR_ROWS(panel, 5);
        for (int row = 0; row < 5; ++row)
            QCOMPARE(panel.model()->caseAt(row)->subCode, QStringLiteral("223"));
        choose(panel, "reviewerComboBox", QStringLiteral("other"));
        WAIT_FOR_ROWS(panel, 2);
        QVERIFY(child<QLabel>(panel, "summaryLabel")->text().contains(QStringLiteral("2")));

        // Sorting by a column is done by the history: ascending MerchantBizId.
        QMetaObject::invokeMethod(child<QPushButton>(panel, "clearFiltersPushButton"), "click");
        WAIT_FOR_ROWS(panel, 15);
        auto* table = child<QTableView>(panel, "historyTableView");
        table->horizontalHeader()->setSortIndicator(HistoryModel::MerchantBizIdColumn, Qt::AscendingOrder);
        QTRY_COMPARE(panel.model()->query().sortKey, QStringLiteral("merchant_biz_id"));
        WAIT_FOR_ROWS(panel, 15);
        for (int row = 1; row < 15; ++row)
            QVERIFY(panel.model()->caseAt(row - 1)->merchantBizId <= panel.model()->caseAt(row)->merchantBizId);
        QVERIFY(!panel.model()->query().descending);

        // Exact ID number through the blind index: person 4 of the fixture is in cases 4 and (when the fixture has
        // fewer than 11 people) beyond; the rows found are exactly those with that person's mask.
        const SandboxFixtures::Person& person = SandboxFixtures::people().at(4);
        choose(panel, "searchFieldComboBox", QStringLiteral("id_number"));
        auto* search = child<QLineEdit>(panel, "searchLineEdit");
        search->setFocus();
        QTest::keyClicks(search, person.docNo);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(!panel.model()->query().idNumber.isEmpty());
        QTRY_VERIFY(!panel.model()->isLoading());
        QTRY_VERIFY(panel.matchCount() >= 1);
        int expected = 0;
        for (int i = 0; i < 15; ++i)
            expected += i % SandboxFixtures::people().size() == 4 ? 1 : 0;
        WAIT_FOR_ROWS(panel, expected);
        for (int row = 0; row < expected; ++row)
            QVERIFY(!panel.model()->caseAt(row)->idMasked.contains(person.docNo));

        // RequestId search.
        choose(panel, "searchFieldComboBox", QStringLiteral("request_id"));
        search->clear();
        QTest::keyClicks(search, QStringLiteral("request-7"));
        QTest::keyClick(search, Qt::Key_Return);
        WAIT_FOR_ROWS(panel, 1);
        QCOMPARE(panel.model()->caseAt(0)->caseId, m_reviewerCases.at(7));
        GuiDriver::saveScreenshot(&panel, QStringLiteral("shot-history-browser.png"));
        // In Chinese the filters are translated and keep what was chosen.
        Language::apply(QLatin1String(Language::simplifiedChinese));
        auto* outcomes = child<QComboBox>(panel, "outcomeComboBox");
        QTRY_VERIFY(outcomes->itemText(0) != QStringLiteral("Any outcome")); // LanguageChange is posted
        QCOMPARE(
            child<QComboBox>(panel, "searchFieldComboBox")->currentData().toString(), QStringLiteral("request_id"));
        GuiDriver::settleLayout();
        GuiDriver::saveScreenshot(&panel, QStringLiteral("shot-history-browser-zh.png"));
        Language::apply(QLatin1String(Language::english));
        QTRY_COMPARE(outcomes->itemText(0), QStringLiteral("Any outcome"));

        // The timeline of the selected case, with the chain position of each event.
        panel.selectCase(m_reviewerCases.at(7));
        QTRY_COMPARE(panel.selectedCaseId(), m_reviewerCases.at(7));
        QMetaObject::invokeMethod(child<QPushButton>(panel, "timelinePushButton"), "click");
        auto* timeline = panel.findChild<CaseTimelineDialog*>();
        QVERIFY(timeline);
        QTRY_VERIFY(timeline->isLoaded());
        QVERIFY(timeline->tree()->topLevelItemCount() >= 2);
        QVERIFY(timeline->tree()->topLevelItem(0)->text(CaseTimelineDialog::SeqColumn).startsWith(u'#'));
        GuiDriver::saveScreenshot(timeline, QStringLiteral("shot-history-timeline.png"));
        timeline->close();
    }

    void savedFilterComesBack()
    {
        {
            HistoryPanel panel(m_store.get(), actor("supervisor"));
            panel.show();
            WAIT_FOR_ROWS(panel, 15);
            choose(panel, "outcomeComboBox", QStringLiteral("202"));
            choose(panel, "modeComboBox", QStringLiteral("yes")); // the team record is a training case
            WAIT_FOR_ROWS(panel, 5);
            QMetaObject::invokeMethod(child<QPushButton>(panel, "saveFilterPushButton"), "click");
            auto* dialog = panel.findChild<QInputDialog*>(QStringLiteral("saveFilterDialog"));
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("Not in the database"));
            dialog->accept();
            QTRY_COMPARE(child<QComboBox>(panel, "savedFilterComboBox")->count(), 2);
        }
        QCOMPARE(m_store->savedFilters(actor("supervisor")).valueOr({}).size(), 1);
        QVERIFY(m_store->savedFilters(actor("reviewer")).valueOr({ SavedFilter() }).isEmpty());

        HistoryPanel panel(m_store.get(), actor("supervisor"));
        panel.show();
        WAIT_FOR_ROWS(panel, 15);
        auto* saved = child<QComboBox>(panel, "savedFilterComboBox");
        QTRY_COMPARE(saved->count(), 2);
        saved->setCurrentIndex(1);
        emit saved->activated(1);
        WAIT_FOR_ROWS(panel, 5);
        QCOMPARE(panel.model()->query().outcome, QStringLiteral("202"));
        QCOMPARE(child<QComboBox>(panel, "outcomeComboBox")->currentData().toString(), QStringLiteral("202"));
        QVERIFY(panel.model()->query().training.has_value());
        QMetaObject::invokeMethod(child<QPushButton>(panel, "deleteFilterPushButton"), "click");
        QTRY_COMPARE(saved->count(), 1);
    }

    void reviewerSeesOwnCasesOnly()
    {
        HistoryPanel panel(m_store.get(), actor("reviewer"));
        panel.show();
        WAIT_FOR_ROWS(panel, 9);
        QVERIFY(!child<QComboBox>(panel, "reviewerComboBox")->isVisibleTo(&panel));
        QVERIFY(child<QTableView>(panel, "historyTableView")->isColumnHidden(HistoryModel::ActorColumn));
        for (int row = 0; row < 9; ++row)
            QCOMPARE(panel.model()->caseAt(row)->actor, QStringLiteral("reviewer"));
        choose(panel, "outcomeComboBox", QStringLiteral("passed"));
        WAIT_FOR_ROWS(panel, 3);
    }

    // Unmasked export from the browser: refused by the history for a reviewer (recorded, no file), written and
    // recorded with its reason for a supervisor.
    void unmaskedExport_data()
    {
        QTest::addColumn<QString>("account");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("reviewer") << QStringLiteral("reviewer") << false;
        QTest::newRow("supervisor") << QStringLiteral("supervisor") << true;
    }
    void unmaskedExport()
    {
        QFETCH(QString, account);
        QFETCH(bool, allowed);
        const Actor who = m_team->actors.at(account);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cases.csv"));
        const qint64 refusalsBefore = countEvents(QStringLiteral("access_refused"));
        const qint64 exportsBefore = countEvents(QStringLiteral("export_made"));
        HistoryPanel panel(m_store.get(), who);
        panel.show();
        QTRY_VERIFY(!panel.model()->isLoading());
        QMetaObject::invokeMethod(child<QPushButton>(panel, "exportHistoryPushButton"), "click");
        ExportDialog* dialog = panel.exportDialog();
        QVERIFY(dialog);
        child<QCheckBox>(*dialog, "exportUnmaskedCheckBox")->setChecked(true);
        QTest::keyClicks(child<QLineEdit>(*dialog, "exportReasonLineEdit"), QStringLiteral("court order 2026-17"));
        child<QLineEdit>(*dialog, "exportPathLineEdit")->setText(path);
        QSignalSpy finished(dialog, &ExportDialog::finishedExport);
        QMetaObject::invokeMethod(child<QPushButton>(*dialog, "exportPushButton"), "click");
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), allowed);
        GuiDriver::saveScreenshot(dialog, QStringLiteral("shot-export-%1.png").arg(account));
        QCOMPARE(QFile::exists(path), allowed);
        QCOMPARE(QFile::exists(path + QStringLiteral(".manifest.json")), allowed);
        QCOMPARE(countEvents(QStringLiteral("access_refused")) - refusalsBefore, allowed ? 0 : 1);
        QCOMPARE(countEvents(QStringLiteral("export_made")) - exportsBefore, allowed ? 1 : 0);
        if (allowed) {
            QVERIFY(dialog->resultText().contains(QDir::toNativeSeparators(path)));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray csv = file.readAll();
            QVERIFY(csv.contains(SandboxFixtures::people().at(0).docNo.toUtf8())); // unmasked, as asked
            QVERIFY(lastEventPayload(QStringLiteral("export_made")).contains("court order 2026-17"));
        } else {
            QVERIFY2(dialog->resultText().contains(QStringLiteral("Not exported")), qPrintable(dialog->resultText()));
        }
        dialog->reject();
    }

    // The PDF report from the dialog: a report of the filter's cases with its manifest, made off the GUI thread;
    // not offered for the raw events (choosing events falls back to CSV).
    void pdfReportFromTheDialog()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        const qint64 exportsBefore = countEvents(QStringLiteral("export_made"));
        HistoryPanel panel(m_store.get(), actor("supervisor"));
        panel.show();
        QTRY_VERIFY(!panel.model()->isLoading());
        QMetaObject::invokeMethod(child<QPushButton>(panel, "exportHistoryPushButton"), "click");
        ExportDialog* dialog = panel.exportDialog();
        QVERIFY(dialog);
        auto* format = child<QComboBox>(*dialog, "exportFormatComboBox");
        const int pdf = format->findData(QStringLiteral("pdf"));
        QVERIFY(pdf >= 0);
        auto* formats = qobject_cast<QStandardItemModel*>(format->model());
        QVERIFY(formats);

        child<QRadioButton>(*dialog, "exportEventsRadioButton")->setChecked(true);
        QVERIFY(!formats->item(pdf)->isEnabled());
        child<QRadioButton>(*dialog, "exportCasesRadioButton")->setChecked(true);
        QVERIFY(formats->item(pdf)->isEnabled());
        format->setCurrentIndex(pdf);
        QVERIFY(child<QLineEdit>(*dialog, "exportPathLineEdit")->text().endsWith(QStringLiteral(".pdf")));
        child<QRadioButton>(*dialog, "exportEventsRadioButton")->setChecked(true);
        QCOMPARE(format->currentData().toString(), QStringLiteral("csv"));
        child<QRadioButton>(*dialog, "exportCasesRadioButton")->setChecked(true);
        format->setCurrentIndex(pdf);

        child<QLineEdit>(*dialog, "exportPathLineEdit")->setText(path);
        QSignalSpy finished(dialog, &ExportDialog::finishedExport);
        QMetaObject::invokeMethod(child<QPushButton>(*dialog, "exportPushButton"), "click");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY2(finished.first().first().toBool(), qPrintable(dialog->resultText()));
        GuiDriver::saveScreenshot(dialog, QStringLiteral("shot-export-pdf.png"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QVERIFY(file.size() > 10000);
        if (const QString shots = qEnvironmentVariable("EKYC_SCREENSHOT_DIR"); !shots.isEmpty())
            QFile::copy(path, QDir(shots).filePath(QStringLiteral("export-from-dialog.pdf"))); // to look at
        QVERIFY(QFile::exists(path + QStringLiteral(".manifest.json")));
        QCOMPARE(countEvents(QStringLiteral("export_made")) - exportsBefore, 1);
        QVERIFY(lastEventPayload(QStringLiteral("export_made")).contains("\"pdf\""));

        // The dialog stays open with a new name in the same folder and format (the report just written may not be
        // written over): a second export from it goes.
        const QString next = child<QLineEdit>(*dialog, "exportPathLineEdit")->text();
        QCOMPARE(QFileInfo(next).absolutePath(), QFileInfo(path).absolutePath());
        QVERIFY2(next != path && next.endsWith(QStringLiteral(".pdf")), qPrintable(next));
        QMetaObject::invokeMethod(child<QPushButton>(*dialog, "exportPushButton"), "click");
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QVERIFY2(finished.last().first().toBool(), qPrintable(dialog->resultText()));
        QVERIFY(QFile::exists(next + QStringLiteral(".manifest.json")));
        QCOMPARE(countEvents(QStringLiteral("export_made")) - exportsBefore, 2);
        dialog->reject();
    }

    // Cancel while the export waits for its thread: it stops before the first row, and no file is left.
    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.jsonl"));
        HistoryPanel panel(m_store.get(), actor("supervisor"));
        panel.show();
        QMetaObject::invokeMethod(child<QPushButton>(panel, "exportHistoryPushButton"), "click");
        ExportDialog* dialog = panel.exportDialog();
        QVERIFY(dialog);
        child<QRadioButton>(*dialog, "exportEventsRadioButton")->setChecked(true);
        child<QComboBox>(*dialog, "exportFormatComboBox")->setCurrentIndex(2);
        child<QLineEdit>(*dialog, "exportPathLineEdit")->setText(path);
        QSemaphore hold;
        dialog->exportThread()->run<int>(
            [&hold](AuditStore*) {
                hold.acquire();
                return 0;
            },
            dialog,
            [](int) {});
        QSignalSpy finished(dialog, &ExportDialog::finishedExport);
        QMetaObject::invokeMethod(child<QPushButton>(*dialog, "exportPushButton"), "click");
        QVERIFY(dialog->isRunning());
        QVERIFY(!child<QPushButton>(*dialog, "exportPushButton")->isEnabled());
        QMetaObject::invokeMethod(child<QPushButton>(*dialog, "exportCancelPushButton"), "click");
        QVERIFY(dialog->isVisible()); // stays until the export has stopped
        hold.release();
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(dialog->resultText().contains(QStringLiteral("cancelled")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
        dialog->reject();
    }

    // Every event of a case is described in words in the events list, never by its code (review steps, refusals and
    // spool records set aside included).
    void eventsAreDescribedInWords_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("says");
        QTest::newRow("a review step") << QStringLiteral("review_action")
                                       << QByteArray(R"({"action":"claim","state":"in_review"})")
                                       << ReviewAction::displayName(QStringLiteral("claim"));
        QTest::newRow("a refusal") << QStringLiteral("access_refused")
                                   << QByteArray(R"({"operation":"reveal_case","role":"auditor"})")
                                   << QStringLiteral("Refused");
        QTest::newRow("a spool record set aside")
            << QStringLiteral("spool_record_set_aside") << QByteArray(R"({"reason":"unsealed","lineSha256":"00"})")
            << QStringLiteral("did not seal it");
        QTest::newRow("an attempt stopped before it left")
            << QStringLiteral("attempt_failed")
            << QByteArray(R"({"attempt":2,"error":"Cancelled","mayHaveBeenBilled":false,"requestSent":false})")
            << QStringLiteral("Attempt 2 cancelled before it left: not sent, not billed");
        QTest::newRow("an attempt that failed on its way")
            << QStringLiteral("attempt_failed")
            << QByteArray(R"({"attempt":1,"error":"Cancelled","mayHaveBeenBilled":true})")
            << QStringLiteral("Attempt 1 failed: Cancelled");
    }
    void eventsAreDescribedInWords()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, payload);
        QFETCH(QString, says);
        AuditEvent event;
        event.kind = kind;
        event.payload = payload;
        const QString text = HistoryPanel::describeEvent(event);
        QVERIFY2(text.contains(says) && !text.contains(kind), qPrintable(text));
    }

    void cleanupTestCase()
    {
        m_store.reset();
    }
};

QTEST_MAIN(TestHistoryBrowserPanel)
#include "TestHistoryBrowserPanel.moc"
