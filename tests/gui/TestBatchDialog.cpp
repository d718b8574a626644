#include "BatchDialog.h"
#include "DistinctCases.h"
#include "GuiDriver.h"
#include "MainWindow.h"
#include "MainWindowFixture.h"
#include "Rfc4180.h"
#include "base/Language.h"
#include "batch/BatchJournal.h"
#include "batch/BatchRegistry.h"
#include "batch/BatchReport.h"
#include "batch/BatchRun.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLockFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// File → Verify a list…: real widgets, the training sandbox over HTTPS, a real SQLite history. The list is checked
// before anything is sent; warnings hold the Start button until acknowledged; Cancel sends nothing more.
class TestBatchDialog : public MainWindowFixture
{
    Q_OBJECT
public:
    TestBatchDialog()
        : MainWindowFixture({ .history = true, .maxAttempts = 1 })
    {
    }

private:
    QTemporaryDir m_files;

    static QByteArray line(const SandboxFixtures::Person& p, const QString& name = QString())
    {
        return ((name.isEmpty() ? p.docName : name) + u',' + p.docNo + u',' + p.validityStartDate + u','
            + (p.isLongTerm() ? QStringLiteral("长期") : p.validityEndDate) + u'\n')
            .toUtf8();
    }

    QString writeList(const QString& name, const QByteArray& rows)
    {
        QFile file(m_files.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write the list");
        file.write("name,id_number,start,end\n" + rows);
        return file.fileName();
    }

    // Opens the dialog from the File menu and checks the list typed into its field (Enter finishes the edit).
    BatchDialog* openWithList(const QString& path)
    {
        window()->findChild<QAction*>(QStringLiteral("verifyListAction"))->trigger();
        auto* dialog = window()->findChild<BatchDialog*>();
        if (!dialog)
            return nullptr;
        auto* input = dialog->findChild<QLineEdit*>(QStringLiteral("batchInputLineEdit"));
        input->setFocus();
        QTest::keyClicks(input, path);
        QSignalSpy checked(dialog, &BatchDialog::checked);
        QTest::keyClick(input, Qt::Key_Return);
        if (!checked.wait(10000))
            return nullptr;
        return dialog;
    }

private slots:
    void verifiesAList()
    {
        const QList<SandboxFixtures::Person>& people = SandboxFixtures::people();
        SandboxFixtures::Person badChecksum = people.first();
        badChecksum.docNo.chop(1);
        badChecksum.docNo.append(u'4');
        // A 20-year card issued at 11: a warning.
        const SandboxFixtures::Person young { QStringLiteral("刘洋"),
            QStringLiteral("33010620120418208X"),
            QStringLiteral("20230901"),
            QStringLiteral("20430901") };
        const QString path =
            writeList(QStringLiteral("list.csv"), line(people[0]) + line(people[1]) + line(badChecksum) + line(young));
        BatchDialog* dialog = openWithList(path);
        QVERIFY(dialog);
        auto* summary = dialog->findChild<QLabel*>(QStringLiteral("batchSummaryLabel"));
        QVERIFY2(summary->text().contains(QStringLiteral("4 row(s)")), qPrintable(summary->text()));
        QVERIFY(summary->text().contains(QStringLiteral("1 refused")));
        auto* issues = dialog->findChild<QPlainTextEdit*>(QStringLiteral("batchIssuesTextEdit"));
        QVERIFY(issues->isVisible());
        QVERIFY(issues->toPlainText().contains(QStringLiteral("Row 3 (line 4), not sent")));
        QVERIFY(issues->toPlainText().contains(QStringLiteral("Row 4 (line 5), warning")));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("batchBillingLabel"))
                    ->text()
                    .contains(QStringLiteral("Nothing is billed")));

        // The warning holds the batch until the reviewer acknowledges it.
        auto* start = dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton"));
        QVERIFY(!start->isEnabled());
        dialog->findChild<QCheckBox*>(QStringLiteral("batchAcceptWarningsCheckBox"))->click();
        QVERIFY(start->isEnabled());
        GuiDriver::saveScreenshot(dialog, QStringLiteral("batch-checked.png"));

        const int before = sandbox()->requestsReceived();
        QSignalSpy done(dialog, &BatchDialog::finishedBatch);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toBool(), true);
        QCOMPARE(sandbox()->requestsReceived() - before, 3); // the refused row never left
        QCOMPARE(dialog->findChild<QProgressBar*>(QStringLiteral("batchProgressBar"))->value(), 4);
        const QString status = dialog->findChild<QLabel*>(QStringLiteral("batchStatusLabel"))->text();
        QVERIFY2(status.contains(QStringLiteral("4/4 rows")), qPrintable(status));
        GuiDriver::saveScreenshot(dialog, QStringLiteral("batch-done.png"));

        QFile results(dialog->findChild<QLineEdit*>(QStringLiteral("batchOutputLineEdit"))->text());
        QVERIFY(results.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = Rfc4180::parse(results.readAll()).value_or(QList<QStringList>());
        QCOMPARE(rows.size(), 5);
        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        QCOMPARE(rows[1][outcome], QStringLiteral("passed"));
        QCOMPARE(rows[3][outcome], QStringLiteral("refused"));

        // The same list again: nothing is sent twice.
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(sandbox()->requestsReceived() - before, 3);
    }

    // The results never go over the history, its WAL or the list itself, nor into a folder: Start says why and sends
    // nothing.
    void resultsNeverOverTheHistoryOrTheList_data()
    {
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("says");
        QTest::newRow("the history") << QStringLiteral("@db") << QStringLiteral("is the audit history");
        QTest::newRow("its WAL") << QStringLiteral("@db-wal") << QStringLiteral("is the audit history");
        QTest::newRow("the list") << QStringLiteral("@list") << QStringLiteral("is also the input");
        QTest::newRow("a folder") << QStringLiteral("@dir") << QStringLiteral("is a folder");
    }
    void resultsNeverOverTheHistoryOrTheList()
    {
        QFETCH(QString, out);
        QFETCH(QString, says);
        const QString list = writeList(QStringLiteral("one.csv"), line(SandboxFixtures::people().first()));
        BatchDialog* dialog = openWithList(list);
        QVERIFY(dialog);
        QVERIFY(history() && !history()->sqlitePath().isEmpty());
        out.replace(QLatin1String("@db"), history()->sqlitePath())
            .replace(QLatin1String("@list"), list)
            .replace(QLatin1String("@dir"), m_files.path());
        auto* output = dialog->findChild<QLineEdit*>(QStringLiteral("batchOutputLineEdit"));
        output->setText(out);
        const int before = sandbox()->requestsReceived();
        auto* start = dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton"));
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        const QString status = dialog->findChild<QLabel*>(QStringLiteral("batchStatusLabel"))->text();
        QVERIFY2(status.contains(says), qPrintable(status));
        QVERIFY(!dialog->isRunning());
        QCOMPARE(sandbox()->requestsReceived(), before);
        QVERIFY(history()->verifyChain().ok);
        dialog->close();
    }

    // The same list to another results file would be a new batch, every row sent and billed again: Start says the
    // list was already verified (and where its results are), sends nothing, and shows the box that allows it.
    void sameListElsewhereAsksFirst()
    {
        const QList<SandboxFixtures::Person>& people = SandboxFixtures::people();
        const QString list = writeList(QStringLiteral("twice.csv"), line(people[1]) + line(people[2]));
        BatchDialog* dialog = openWithList(list);
        QVERIFY(dialog);
        auto* output = dialog->findChild<QLineEdit*>(QStringLiteral("batchOutputLineEdit"));
        auto* start = dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton"));
        auto* again = dialog->findChild<QCheckBox*>(QStringLiteral("batchAgainCheckBox"));
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("batchStatusLabel"));
        QVERIFY(!again->isVisible());
        const QString firstResults = m_files.filePath(QStringLiteral("twice-first.csv"));
        output->setText(firstResults);
        const int before = sandbox()->requestsReceived();
        QSignalSpy done(dialog, &BatchDialog::finishedBatch);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(sandbox()->requestsReceived() - before, 2);

        output->setText(m_files.filePath(QStringLiteral("twice-second.csv")));
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(!dialog->isRunning());
        QVERIFY2(status->text().contains(QStringLiteral("was begun in this history"))
                && status->text().contains(QFileInfo(firstResults).fileName()),
            qPrintable(status->text()));
        QVERIFY(again->isVisible() && !again->isChecked());
        QCOMPARE(sandbox()->requestsReceived() - before, 2);
        QCoreApplication::processEvents(); // the layout's pass for the new text
        QVERIFY2(status->height() >= status->heightForWidth(status->width()), "the message is shown whole");
        GuiDriver::saveScreenshot(dialog, QStringLiteral("batch-again.png"));

        again->click();
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(!again->isChecked()); // it allowed that start only
        QVERIFY(done.wait(30000));
        QCOMPARE(sandbox()->requestsReceived() - before, 4);

        // Ticked, then another results file typed: asked again.
        output->setText(m_files.filePath(QStringLiteral("twice-third.csv")));
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(again->isVisible());
        again->click();
        QTest::keyClicks(output, QStringLiteral("x"));
        QVERIFY(!again->isChecked());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(!dialog->isRunning());
        QCOMPARE(sandbox()->requestsReceived() - before, 4);
        dialog->close();
    }

    // A list begun by someone else in this history (their workstation's record of batches is not this one's: here
    // this one's is emptied) is refused by the history itself: nothing sent, no results written, the "again" box.
    void listBegunElsewhereInTheHistoryAsksFirst()
    {
        const QString list = writeList(QStringLiteral("team.csv"), line(SandboxFixtures::people()[6]));
        BatchDialog* dialog = openWithList(list);
        QVERIFY(dialog);
        auto* output = dialog->findChild<QLineEdit*>(QStringLiteral("batchOutputLineEdit"));
        auto* start = dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton"));
        auto* again = dialog->findChild<QCheckBox*>(QStringLiteral("batchAgainCheckBox"));
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("batchStatusLabel"));
        const QString theirs = m_files.filePath(QStringLiteral("team-theirs.csv"));
        output->setText(theirs);
        const int before = sandbox()->requestsReceived();
        QSignalSpy done(dialog, &BatchDialog::finishedBatch);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(sandbox()->requestsReceived() - before, 1);
        QVERIFY(QFile::remove(BatchRegistry::defaultPath()));

        const QString ours = m_files.filePath(QStringLiteral("team-ours.csv"));
        output->setText(ours);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QVERIFY(!dialog->isRunning());
        QVERIFY2(status->text().contains(QStringLiteral("begun as a batch in this audit history"))
                && status->text().contains(QFileInfo(theirs).fileName()),
            qPrintable(status->text()));
        QVERIFY(again->isVisible() && !again->isChecked());
        QCOMPARE(sandbox()->requestsReceived() - before, 1);
        QVERIFY(!QFile::exists(ours) && !QFile::exists(BatchJournal::pathFor(ours)));
        QCoreApplication::processEvents(); // the layout's pass for the new text
        QVERIFY2(status->height() >= status->heightForWidth(status->width()), "the message is shown whole");
        GuiDriver::saveScreenshot(dialog, QStringLiteral("batch-begun-elsewhere.png"));

        again->click();
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(sandbox()->requestsReceived() - before, 2);
        QVERIFY(QFile::exists(ours));
        dialog->close();
    }

    // Cancelled at once, before the history has even answered the batch's record: nothing was sent, so the list is
    // not held back, in the history either (its record, written behind the cancel, is taken back).
    void cancelledAtOnceDoesNotHoldTheList()
    {
        BatchDialog* dialog = openWithList(writeList(QStringLiteral("at-once.csv"), line(DistinctCases::unknown(41))));
        QVERIFY(dialog);
        auto* output = dialog->findChild<QLineEdit*>(QStringLiteral("batchOutputLineEdit"));
        auto* start = dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton"));
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("batchStatusLabel"));
        output->setText(m_files.filePath(QStringLiteral("at-once-1.csv")));
        const int before = sandbox()->requestsReceived();
        QSignalSpy done(dialog, &BatchDialog::finishedBatch);
        QTest::mouseClick(start, Qt::LeftButton);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCancelPushButton")), Qt::LeftButton);
        QTRY_COMPARE(done.count(), 1);
        QCOMPARE(dialog->run()->counts().notSent, 1);
        QCOMPARE(sandbox()->requestsReceived(), before);

        QFile::remove(BatchRegistry::defaultPath()); // as on another workstation: only the history could say
        output->setText(m_files.filePath(QStringLiteral("at-once-2.csv")));
        QTest::mouseClick(start, Qt::LeftButton);
        QTRY_COMPARE(done.count(), 2);
        QVERIFY2(!status->text().contains(QStringLiteral("begun as a batch")), qPrintable(status->text()));
        QCOMPARE(sandbox()->requestsReceived() - before, 1);
        dialog->close();
    }

    // When the record of batches cannot be kept, the list is checked against the history's record only: it is sent,
    // with a warning saying so.
    void unusableRecordOfBatchesWarns()
    {
        const QString registry = BatchRegistry::defaultPath();
        const QByteArray kept = [&registry] {
            QFile file(registry);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();
        QFile::remove(registry);
        QVERIFY(QDir().mkpath(registry)); // a folder where the file belongs
        const auto restore = qScopeGuard([&registry, &kept] {
            QDir(registry).removeRecursively();
            QFile file(registry);
            if (!kept.isEmpty() && file.open(QIODevice::WriteOnly))
                file.write(kept);
        });
        BatchDialog* dialog =
            openWithList(writeList(QStringLiteral("unchecked.csv"), line(SandboxFixtures::people()[4])));
        QVERIFY(dialog);
        auto* start = dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton"));
        const int before = sandbox()->requestsReceived();
        QSignalSpy done(dialog, &BatchDialog::finishedBatch);
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(sandbox()->requestsReceived() - before, 1);
        const QString status = dialog->findChild<QLabel*>(QStringLiteral("batchStatusLabel"))->text();
        QVERIFY2(status.contains(QStringLiteral("checked against the batches recorded in the audit history only")),
            qPrintable(status));
        dialog->close();
    }

    // Results a batch elsewhere is writing (the CLI, another window) are not raced for: Start says so and sends
    // nothing.
    void resultsBeingWrittenElsewhere()
    {
        BatchDialog* dialog = openWithList(writeList(QStringLiteral("busy.csv"), line(SandboxFixtures::people()[3])));
        QVERIFY(dialog);
        const QString out = dialog->findChild<QLineEdit*>(QStringLiteral("batchOutputLineEdit"))->text();
        const std::unique_ptr<QLockFile> held = BatchJournal::lockFor(out);
        QVERIFY(held);
        const int before = sandbox()->requestsReceived();
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton")), Qt::LeftButton);
        const QString status = dialog->findChild<QLabel*>(QStringLiteral("batchStatusLabel"))->text();
        QVERIFY2(status.contains(QStringLiteral("Another batch is writing")), qPrintable(status));
        QVERIFY(!dialog->isRunning());
        QCOMPARE(sandbox()->requestsReceived(), before);
        dialog->close();
    }

    // The results file of another list's batch that has rows left to resume (its journal, as a kill leaves it): Start
    // says so and sends nothing, and that journal stays.
    void anotherListsUnsettledBatchIsKept_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("says");
        QTest::newRow("en") << QString::fromLatin1(Language::english) << QStringLiteral("another list");
        QTest::newRow("zh_CN") << QString::fromLatin1(Language::simplifiedChinese) << QStringLiteral("另一份列表");
    }
    void anotherListsUnsettledBatchIsKept()
    {
        QFETCH(QString, language);
        QFETCH(QString, says);
        Language::apply(language);
        const auto english = qScopeGuard([] { Language::apply(QLatin1String(Language::english)); });
        BatchDialog* dialog = openWithList(writeList(QStringLiteral("kept.csv"), line(SandboxFixtures::people()[4])));
        QVERIFY(dialog);
        const QString out = dialog->findChild<QLineEdit*>(QStringLiteral("batchOutputLineEdit"))->text();
        BatchJournal other;
        other.batchId = QStringLiteral("0123456789abcdef0123456789abcdef");
        other.listSha256 = QByteArray(64, 'a');
        other.startedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(other.save(out).ok());
        const int before = sandbox()->requestsReceived();
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton")), Qt::LeftButton);
        const QString status = dialog->findChild<QLabel*>(QStringLiteral("batchStatusLabel"))->text();
        QVERIFY2(status.contains(says) && status.contains(BatchJournal::pathFor(out)), qPrintable(status));
        QVERIFY(!dialog->isRunning());
        GuiDriver::settleLayout();
        GuiDriver::saveScreenshot(dialog, QStringLiteral("batch-kept-%1.png").arg(language));
        QCOMPARE(sandbox()->requestsReceived(), before);
        const std::optional<BatchJournal> kept = BatchJournal::at(out);
        QVERIFY(kept);
        QCOMPARE(kept->batchId, other.batchId);
        QVERIFY(QFile::remove(BatchJournal::pathFor(out)));
        dialog->close();
    }

    // Opened in Chinese, the dialog speaks Chinese, the pre-check's messages included.
    void speaksChinese()
    {
        Language::apply(QLatin1String(Language::simplifiedChinese));
        QByteArray rows = line(SandboxFixtures::people().first());
        SandboxFixtures::Person bad = SandboxFixtures::people().first();
        bad.validityStartDate = QStringLiteral("2020-06-10");
        rows.append(line(bad));
        BatchDialog* dialog = openWithList(writeList(QStringLiteral("zh.csv"), rows));
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("批量核验案件"));
        const QString summary = dialog->findChild<QLabel*>(QStringLiteral("batchSummaryLabel"))->text();
        QVERIFY2(summary.contains(QStringLiteral("1 行可发送")), qPrintable(summary));
        QVERIFY(dialog->findChild<QPlainTextEdit*>(QStringLiteral("batchIssuesTextEdit"))
                    ->toPlainText()
                    .contains(QStringLiteral("有效期起始")));
        GuiDriver::settleLayout();
        GuiDriver::saveScreenshot(dialog, QStringLiteral("batch-checked-zh.png"));
        dialog->close();
        Language::apply(QLatin1String(Language::english));
    }

    // Cancel sends nothing more; the calls in flight finish and are recorded.
    void cancelSendsNothingMore()
    {
        QByteArray rows;
        SandboxFixtures::Person slow = SandboxFixtures::people().first();
        const int atOnce = BatchRun::Options().maxInFlight; // each on a connection of its own
        QCOMPARE(atOnce, ApiClient::maxConcurrentCalls());
        const int total = atOnce + 4;
        for (int i = 0; i < total; ++i)
            rows.append(line(DistinctCases::unknown(i), SandboxFixtures::slow));
        sandbox()->setSlowResponseMs(3000); // none answers before all that run at once have arrived
        BatchDialog* dialog = openWithList(writeList(QStringLiteral("slow.csv"), rows));
        QVERIFY(dialog);
        const int before = sandbox()->requestsReceived();
        QSignalSpy done(dialog, &BatchDialog::finishedBatch);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton")), Qt::LeftButton);
        QVERIFY(dialog->isRunning());
        QTRY_COMPARE(sandbox()->requestsReceived() - before, atOnce); // as many as run at once
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchCancelPushButton")), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toBool(), false);
        QCOMPARE(sandbox()->requestsReceived() - before, atOnce);
        const BatchRun::Counts counts = dialog->run()->counts();
        QCOMPARE(counts.passed, atOnce);
        QCOMPARE(counts.notSent, total - atOnce);
    }

    // Closing the desk (or Quit on its lock) while a list is verified asks first. Cancel: the batch goes on. Stop and
    // quit: nothing more is sent, the calls on their way are answered and recorded, the results are written, and
    // only then does the window close.
    void closingDuringABatchAsksAndEndsItInOrder()
    {
        QByteArray rows;
        const int atOnce = BatchRun::Options().maxInFlight;
        const int total = atOnce + 3;
        for (int i = 0; i < total; ++i)
            rows.append(line(DistinctCases::unknown(100 + i), SandboxFixtures::slow));
        sandbox()->setSlowResponseMs(3000);
        BatchDialog* dialog = openWithList(writeList(QStringLiteral("closing.csv"), rows));
        QVERIFY(dialog);
        const QString out = dialog->findChild<QLineEdit*>(QStringLiteral("batchOutputLineEdit"))->text();
        const int before = sandbox()->requestsReceived();
        QSignalSpy done(dialog, &BatchDialog::finishedBatch);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("batchStartPushButton")), Qt::LeftButton);
        QTRY_COMPARE(sandbox()->requestsReceived() - before, atOnce);
        const auto ask = [this] {
            window()->close();
            return window()->findChild<QMessageBox*>(QStringLiteral("quitBatchMessageBox"));
        };

        QMessageBox* box = ask();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY(window()->isVisible());
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!window()->findChild<QMessageBox*>(QStringLiteral("quitBatchMessageBox")));
        QVERIFY(dialog->isRunning());
        QVERIFY(window()->isVisible());

        box = ask();
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QVERIFY(window()->isVisible()); // not before the calls on their way are recorded
        QVERIFY(done.wait(30000));
        QTRY_VERIFY(!window()->isVisible());
        QCOMPARE(sandbox()->requestsReceived() - before, atOnce);
        const BatchRun::Counts counts = dialog->run()->counts();
        QCOMPARE(counts.passed + counts.notPassed, atOnce);
        QCOMPARE(counts.notSent, total - atOnce);
        QVERIFY(QFile::exists(out));
    }
};

QTEST_MAIN(TestBatchDialog)
#include "TestBatchDialog.moc"
