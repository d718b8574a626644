#include "CliRun.h"
#include "DistinctCases.h"
#include "Rfc4180.h"
#include "StoreFixture.h"
#include "TeamHistory.h"

#include "api/ApiClient.h"
#include "api/Credentials.h"
#include "batch/BatchInput.h"
#include "batch/BatchJournal.h"
#include "batch/BatchReport.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

// `ekyc-desk-cli batch` as a scheduled job runs it: a real process talking HTTPS to a sandbox run by this test (so
// the test counts what reached the service), a real SQLite history, and kill -9 at moments chosen by a seeded
// generator.
class TestCliBatch : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxServer m_sandbox;
    QHash<QString, QString> m_env;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString db() const { return path(QStringLiteral("history.sqlite")); }

    QStringList batchArgs(const QString& in, const QString& out) const
    {
        return { QStringLiteral("batch"),
            QStringLiteral("--in"),
            in,
            QStringLiteral("--out"),
            out,
            QStringLiteral("--db"),
            db(),
            QStringLiteral("--endpoint"),
            m_sandbox.url().toString(),
            QStringLiteral("--ca-file"),
            m_sandbox.caCertificatePath() };
    }

    // A batch as `home`'s user runs it, on the history at location (a fixture's SQLite file or PostgreSQL schema).
    CliRun runOn(const QString& location, const QString& home, const QString& in, const QString& out, bool again) const
    {
        QStringList args = batchArgs(in, out);
        args[args.indexOf(db())] = location;
        if (again)
            args << QStringLiteral("--again");
        return CliRun::run(args, path(home), m_env);
    }

    // A new history with a team's accounts (TeamHistory: a supervisor, reviewers "reviewer" and "other", an auditor).
    QString teamHistory(const QString& name) const
    {
        const QString location = path(name);
        const std::unique_ptr<AuditStore> store =
            StoreFixture::storeOf(AuditStore::open(location, StoreFixture::keys()));
        return store && TeamHistory::build(*store, 0) ? location : QString();
    }

    // The batch in a team's history, signed in as user.
    CliRun runAs(const QString& teamDb, const QString& user, const QString& in, const QString& out) const
    {
        QStringList args = batchArgs(in, out);
        args[args.indexOf(db())] = teamDb;
        args << QStringLiteral("--user") << user;
        QHash<QString, QString> env = m_env;
        env.insert(QStringLiteral("EKYC_DESK_PASSWORD"), TeamHistory::password());
        return CliRun::run(args, path(QStringLiteral("home")), env);
    }

    QString writeInput(const QString& name, const QByteArray& csv) const
    {
        QFile file(path(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size())
            qFatal("cannot write the batch input");
        return file.fileName();
    }

    static QByteArray personLine(const SandboxFixtures::Person& p) { return DistinctCases::csvLine(p); }

    // Every fixture person (200), an unknown person (202), a wrong end date (223), a bad checksum and a bad date
    // (refused), then the same again until rows lines, except that a case sent before is a new unknown person
    // instead (202): a list does not send the same case twice.
    static QByteArray mixedInput(int rows, QList<QString>* expected)
    {
        QByteArray csv = "name,id_number,start,end\r\n";
        QList<QByteArray> lines;
        QList<QString> outcomes;
        for (const SandboxFixtures::Person& p : SandboxFixtures::people()) {
            lines.append(personLine(p));
            outcomes.append(QStringLiteral("passed"));
        }
        lines.append("测试乙,11010519491231002X,20100101,长期");
        outcomes.append(QStringLiteral("not_passed"));
        lines.append("王小明,110101199003071233,20200611,20400611");
        outcomes.append(QStringLiteral("not_passed"));
        lines.append("王小明,110101199003071234,20200610,20400610");
        outcomes.append(QStringLiteral("refused"));
        lines.append("李华,310104198511202043,2019-03-15,20390315");
        outcomes.append(QStringLiteral("refused"));
        for (int i = 0; i < rows; ++i) {
            const bool again = i >= lines.size() && outcomes[i % outcomes.size()] != QLatin1String("refused");
            csv.append(again ? personLine(DistinctCases::unknown(i)) : lines[i % lines.size()]).append("\r\n");
            expected->append(again ? QStringLiteral("not_passed") : outcomes[i % outcomes.size()]);
        }
        return csv;
    }

    static QList<QStringList> readOutput(const QString& file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return Rfc4180::parse(f.readAll()).value_or(QList<QStringList>());
    }

    // The environment CliRun gives a run, for a batch the test starts (and stops) itself.
    void prepare(QProcess& process) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("home/config")));
        for (auto it = m_env.cbegin(); it != m_env.cend(); ++it)
            env.insert(it.key(), it.value());
        process.setProcessEnvironment(env);
    }

    // Whether the journal beside out says that nothing is left to send (false without a journal).
    static bool settledAt(const QString& out)
    {
        const std::optional<BatchJournal> journal = BatchJournal::at(out);
        return journal && journal->settled.value_or(false);
    }

    // Attempts recorded per MerchantBizId, over every case of it: a row sent twice would show 2.
    QHash<QString, int> attemptsPerBizId()
    {
        const std::unique_ptr<AuditStore> store = StoreFixture::storeOf(AuditStore::open(db(), StoreFixture::keys()));
        return store ? attemptsPerBizId(*store) : QHash<QString, int>();
    }

    // Per MerchantBizId, the attempts recorded as about to be sent that then ended without leaving (attempt_failed,
    // Cancelled, not billed): a stopped batch's calls that were waiting for their rate slot.
    QHash<QString, int> attemptsThatNeverLeft()
    {
        const std::unique_ptr<AuditStore> store = StoreFixture::storeOf(AuditStore::open(db(), StoreFixture::keys()));
        QHash<QString, int> neverLeft;
        if (!store)
            return neverLeft;
        const Result<void> read = store->forEachEvent([&neverLeft](const AuditEvent& e) {
            const QJsonObject payload = e.payloadObject();
            if (e.kind == QLatin1String(EventKind::attemptFailed)
                && payload.value(QStringLiteral("error")).toString() == QLatin1String("Cancelled")
                && !payload.value(QStringLiteral("mayHaveBeenBilled")).toBool(true))
                ++neverLeft[payload.value(QStringLiteral("merchantBizId")).toString()];
            return true;
        });
        return read ? neverLeft : QHash<QString, int>();
    }

    static QHash<QString, int> attemptsPerBizId(AuditStore& store)
    {
        QHash<QString, int> attempts;
        HistoryCursor cursor;
        for (;;) {
            const Result<HistoryPage> page = store.queryCases(StoreFixture::reader(), HistoryQuery(), cursor, 500);
            if (!page)
                return {};
            for (const CaseSummary& c : page->rows)
                attempts[c.merchantBizId] += c.attempts;
            if (page->atEnd)
                break;
            cursor = page->next;
        }
        return attempts;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sandbox.start(0, path(QStringLiteral("sandbox"))), qPrintable(m_sandbox.errorString()));
        const Credentials training = Credentials::training();
        m_env = { { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), training.accessKeyId() },
            { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromUtf8(training.secretForSigning()) } };
    }

    void init() { QFile::remove(db()); }

    // One row out per row in, in order; refused rows never reach the service; every sent row is a case.
    void verifiesAListAndRefusesBadRows()
    {
        QList<QString> expected;
        const QString in = writeInput(QStringLiteral("mixed.csv"), mixedInput(22, &expected));
        const QString out = path(QStringLiteral("mixed-results.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun run = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(run.exitCode == 10, run.err.constData()); // some rows refused
        const QList<QStringList> rows = readOutput(out);
        QCOMPARE(rows.size(), expected.size() + 1);
        QCOMPARE(rows.first(), BatchReport::columns());
        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        const qsizetype idColumn = BatchReport::columns().indexOf(QStringLiteral("id_number"));
        int refused = 0;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(rows[i + 1][0], QString::number(i + 1));
            QCOMPARE(rows[i + 1][outcome], expected[i]);
            QVERIFY2(rows[i + 1][idColumn].contains(u'*'), "ID numbers are masked in the output");
            refused += expected[i] == QLatin1String("refused");
        }
        const int sent = static_cast<int>(expected.size()) - refused;
        QCOMPARE(m_sandbox.requestsReceived() - before, sent);
        const QHash<QString, int> attempts = attemptsPerBizId();
        QCOMPARE(attempts.size(), sent);
        QVERIFY(run.err.contains("refused, not sent"));
        QVERIFY(
            run.err.contains(QString::number(expected.size()).toUtf8() + '/' + QByteArray::number(expected.size())));

        // Run again: everything was answered, so nothing is sent, and the output says where each answer came from.
        const CliRun again = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QCOMPARE(again.exitCode, 10);
        QCOMPARE(m_sandbox.requestsReceived() - before, sent);
        QVERIFY(again.err.contains("Resuming"));
        const QList<QStringList> second = readOutput(out);
        const qsizetype earlier = BatchReport::columns().indexOf(QStringLiteral("earlier_run"));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(second[i + 1][outcome], expected[i]);
            QCOMPARE(
                second[i + 1][earlier], expected[i] == QLatin1String("refused") ? QString() : QStringLiteral("yes"));
        }
    }

    // The output masks what was sent (normalised), not the typing: a lower-case x, inner spaces or full-width digits
    // still show which number it was, and a name's surrounding spaces do not shift its mask.
    void outputMasksWhatWasSent_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::newRow("lower-case x") << QByteArray("测试乙,11010519491231002x,20100101,长期");
        QTest::newRow("inner spaces") << QByteArray("测试乙,110105 19491231 002X,20100101,长期");
        QTest::newRow("full-width digits")
            << QStringLiteral("测试乙,１１０１０５１９４９１２３１００２Ｘ,20100101,长期").toUtf8();
        QTest::newRow("a name with spaces around it") << QByteArray(" 测试乙 ,11010519491231002X,20100101,长期");
    }
    void outputMasksWhatWasSent()
    {
        QFETCH(QByteArray, row);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        const QString in = writeInput(tag + QStringLiteral(".csv"), "name,id_number,start,end\n" + row + '\n');
        const QString out = path(tag + QStringLiteral("-masked.csv"));
        const CliRun run = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QStringList> rows = readOutput(out);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1][BatchReport::columns().indexOf(QStringLiteral("outcome"))], QStringLiteral("not_passed"));
        QCOMPARE(
            rows[1][BatchReport::columns().indexOf(QStringLiteral("id_number"))], QStringLiteral("1101**********002X"));
        QCOMPARE(rows[1][BatchReport::columns().indexOf(QStringLiteral("name"))], QStringLiteral("测**"));
    }

    // The same list started again where it cannot be resumed (another --out, or its journal deleted) would send and
    // bill every row again as a new batch: refused (exit 3, nothing sent) unless --again. In another history it is
    // a first batch there.
    void sameListNotResumableIsRefused_data()
    {
        QTest::addColumn<QString>("change"); // what differs from the first run
        QTest::addColumn<bool>("refused");
        QTest::newRow("another --out") << QStringLiteral("out") << true;
        QTest::newRow("its journal deleted") << QStringLiteral("journal") << true;
        QTest::newRow("another history") << QStringLiteral("db") << false;
        QTest::newRow("re-saved with CRLF and a byte-order mark") << QStringLiteral("resaved") << true;
    }
    void sameListNotResumableIsRefused()
    {
        QFETCH(QString, change);
        QFETCH(bool, refused);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
        QByteArray csv = "name,id_number,start,end\n";
        for (const SandboxFixtures::Person& p : SandboxFixtures::people().mid(0, 3))
            csv += personLine(p) + '\n';
        const QString in = writeInput(tag + QStringLiteral(".csv"), csv);
        const QString out = path(tag + QStringLiteral("-results.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun first = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 3);

        QStringList second = batchArgs(in, change == QLatin1String("journal") ? out : out + QStringLiteral(".2.csv"));
        if (change == QLatin1String("journal"))
            QVERIFY(QFile::remove(BatchJournal::pathFor(out)));
        if (change == QLatin1String("db"))
            second[second.indexOf(QStringLiteral("--db")) + 1] = path(tag + QStringLiteral("-other.sqlite"));
        if (change == QLatin1String("resaved")) // as Excel saves it: another file, the same list
            second[second.indexOf(QStringLiteral("--in")) + 1] = writeInput(
                tag + QStringLiteral("-resaved.csv"), "\xEF\xBB\xBF" + QByteArray(csv).replace("\n", "\r\n"));
        const CliRun again = CliRun::run(second, path(QStringLiteral("home")), m_env);
        if (!refused) {
            QVERIFY2(again.exitCode == 0, again.err.constData());
            QCOMPARE(m_sandbox.requestsReceived() - before, 6);
            return;
        }
        QVERIFY2(again.exitCode == 3, again.err.constData());
        QVERIFY2(again.err.contains("was begun in this history") && again.err.contains("--again")
                && again.err.contains(QFileInfo(out).fileName().toUtf8()),
            again.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 3); // nothing sent, nothing billed

        // Asked for: sent again, every row (a new batch).
        const CliRun asked = CliRun::run(second << QStringLiteral("--again"), path(QStringLiteral("home")), m_env);
        QVERIFY2(asked.exitCode == 0, asked.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 6);
        // Resumed where it ran: nothing more, with or without --again.
        const CliRun resumed = CliRun::run(second, path(QStringLiteral("home")), m_env);
        QVERIFY2(resumed.exitCode == 0 && resumed.err.contains("Resuming"), resumed.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 6);
    }

    // A second run with the output of a batch that is running (a cron job overlapping) is refused before anything is
    // sent; once the first has ended (here: the lock let go) the same command resumes.
    void secondRunOfARunningBatchIsRefused()
    {
        QByteArray csv = "name,id_number,start,end\n";
        csv += personLine(SandboxFixtures::people().first()) + '\n';
        const QString in = writeInput(QStringLiteral("running.csv"), csv);
        const QString out = path(QStringLiteral("running-results.csv"));
        const int before = m_sandbox.requestsReceived();
        {
            const std::unique_ptr<QLockFile> held = BatchJournal::lockFor(out); // as the running batch holds it
            QVERIFY(held);
            const CliRun second = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
            QVERIFY2(second.exitCode == 3 && second.err.contains("Another batch is writing"), second.err.constData());
            QCOMPARE(m_sandbox.requestsReceived(), before);
            QVERIFY(!QFile::exists(out));
        }
        const CliRun after = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(after.exitCode == 0, after.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 1);
        QVERIFY(!QFile::exists(BatchJournal::pathFor(out) + QStringLiteral(".lock")));
    }

    // The same list saved again with other bytes (CRLF, a byte-order mark) resumes at its own output: nothing is sent
    // again, rather than being refused as "begun elsewhere".
    void reSavedListResumesAtItsOutput()
    {
        QByteArray csv = "name,id_number,start,end\n";
        for (const SandboxFixtures::Person& p : SandboxFixtures::people().mid(0, 2))
            csv += personLine(p) + '\n';
        const QString out = path(QStringLiteral("resaved-results.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun first = CliRun::run(
            batchArgs(writeInput(QStringLiteral("resaved.csv"), csv), out), path(QStringLiteral("home")), m_env);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const QString resaved =
            writeInput(QStringLiteral("resaved-crlf.csv"), "\xEF\xBB\xBF" + QByteArray(csv).replace("\n", "\r\n"));
        const CliRun again = CliRun::run(batchArgs(resaved, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(again.exitCode == 0 && again.err.contains("Resuming"), again.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);
    }

    // When the record of batches cannot be kept (here a folder stands where it belongs), the batch goes ahead with a
    // warning: the history's own record still checks the list.
    void unusableRecordOfBatchesLeavesTheHistoryToCheck()
    {
        const QString registry = path(QStringLiteral("home/data/eKYC Desk/ekyc-desk/batches.json"));
        QFile::remove(registry); // the earlier tests' record (their histories are gone)
        QVERIFY(QDir().mkpath(registry));
        const auto removeIt = qScopeGuard([&registry] { QDir(registry).removeRecursively(); });
        const QString in = writeInput(QStringLiteral("unchecked.csv"),
            "name,id_number,start,end\n" + personLine(SandboxFixtures::people().first()) + '\n');
        const QString out = path(QStringLiteral("unchecked-results.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun first = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(first.exitCode == 0 && first.err.contains("Warning")
                && first.err.contains("checked against the batches recorded in the audit history only"),
            first.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 1);
        // The same list elsewhere: the workstation's record cannot say, the history does.
        const CliRun second =
            CliRun::run(batchArgs(in, out + QStringLiteral(".2.csv")), path(QStringLiteral("home")), m_env);
        QVERIFY2(second.exitCode == 3 && second.err.contains("begun as a batch in this audit history"),
            second.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 1);
    }

    // Another list with the results file of an earlier batch: allowed once nothing is left that running that batch
    // again would send (every row answered, refused or unknown), refused while rows are left (failed, not sent, or
    // the batch killed before its end, as its journal then says) or when its journal does not say, since replacing
    // its journal would leave that list to be sent, and billed, again as a new batch.
    void anotherListAtAnUnsettledBatchsOutput_data()
    {
        QTest::addColumn<QString>("earlier");
        QTest::addColumn<int>("firstExit");
        QTest::addColumn<QString>("says"); // why the other list is refused; empty: it may follow
        QTest::newRow("ended, every row answered") << QStringLiteral("settled") << 0 << QString();
        QTest::newRow("ended, a row's outcome unknown") << QStringLiteral("unknown") << 9 << QString();
        QTest::newRow("ended, a row failed")
            << QStringLiteral("failed") << 4 << QStringLiteral("1 row(s) that failed without being billed");
        QTest::newRow("killed before its end") << QStringLiteral("killed") << 0 << QStringLiteral("did not end");
        QTest::newRow("journal of an older build") << QStringLiteral("older") << 0 << QStringLiteral("earlier version");
        QTest::newRow("journal damaged") << QStringLiteral("damaged") << 0 << QStringLiteral("cannot be read");
    }
    void anotherListAtAnUnsettledBatchsOutput()
    {
        QFETCH(QString, earlier);
        QFETCH(int, firstExit);
        QFETCH(QString, says);
        const QList<SandboxFixtures::Person> people = SandboxFixtures::people();
        SandboxFixtures::Person second = people[1];
        if (earlier == QLatin1String("unknown"))
            second = DistinctCases::unknown(60, SandboxFixtures::reset);
        if (earlier == QLatin1String("failed"))
            second = DistinctCases::unknown(61, SandboxFixtures::accountDenied);
        const QString in = writeInput(earlier + QStringLiteral("-first.csv"),
            "name,id_number,start,end\n" + personLine(people[0]) + '\n' + personLine(second) + '\n');
        const QString next = writeInput(
            earlier + QStringLiteral("-next.csv"), "name,id_number,start,end\n" + personLine(people[2]) + '\n');
        const QString out = path(earlier + QStringLiteral("-shared-results.csv"));
        const CliRun first = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(first.exitCode == firstExit, first.err.constData());
        // (A connection reset reaches the sandbox more than once: Qt resends the same bytes, nonce included, which
        // the real gateway refuses unbilled as a used nonce.)
        const int before = m_sandbox.requestsReceived();
        QCOMPARE(settledAt(out), earlier != QLatin1String("failed"));
        const std::optional<BatchJournal> journalBefore = BatchJournal::at(out);
        QVERIFY(journalBefore);
        if (earlier == QLatin1String("damaged")) {
            QFile file(BatchJournal::pathFor(out));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write("{\"batchId\":") > 0);
        }
        if (earlier == QLatin1String("killed") || earlier == QLatin1String("older")) {
            QFile file(BatchJournal::pathFor(out));
            QVERIFY(file.open(QIODevice::ReadWrite));
            QJsonObject journal = QJsonDocument::fromJson(file.readAll()).object();
            if (earlier == QLatin1String("killed")) // as the journal is while a batch runs
                journal.insert(QStringLiteral("settled"), false);
            else
                journal.remove(QStringLiteral("settled"));
            QVERIFY(file.resize(0) && file.write(QJsonDocument(journal).toJson()) > 0);
        }
        const CliRun other = CliRun::run(batchArgs(next, out), path(QStringLiteral("home")), m_env);
        if (says.isEmpty()) {
            QVERIFY2(other.exitCode == 0, other.err.constData());
            QCOMPARE(m_sandbox.requestsReceived() - before, 1);
            QCOMPARE(readOutput(out).size(), 2);
            return;
        }
        QVERIFY2(other.exitCode == 3 && other.err.contains(says.toUtf8())
                && other.err.contains(QFileInfo(BatchJournal::pathFor(out)).fileName().toUtf8()),
            other.err.constData());
        QCOMPARE(m_sandbox.requestsReceived(), before); // nothing sent
        QCOMPARE(readOutput(out).size(), 3); // the earlier results stay
        if (earlier == QLatin1String("damaged")) {
            QVERIFY(!BatchJournal::at(out)); // left as it was, for a look
            return;
        }
        const std::optional<BatchJournal> journalAfter = BatchJournal::at(out);
        QVERIFY(journalAfter);
        QCOMPARE(journalAfter->batchId, journalBefore->batchId);
        // Its own list resumes there: a failed row is sent again (and fails again: still left); otherwise nothing is
        // sent, the batch is settled and the other list may follow.
        const CliRun resumed = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(resumed.exitCode == firstExit && resumed.err.contains("Resuming"), resumed.err.constData());
        if (earlier == QLatin1String("failed")) {
            QCOMPARE(m_sandbox.requestsReceived() - before, 1);
            QVERIFY(!settledAt(out));
            return;
        }
        QVERIFY(settledAt(out));
        const CliRun after = CliRun::run(batchArgs(next, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(after.exitCode == 0, after.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 1);
    }

    // A batch resumes only in the history it records its cases in: started with its list and results file but
    // another --db, it would find no answer there and send every row again; it is refused, and resumes with its own.
    void resumingInAnotherHistoryIsRefused()
    {
        const QString in = writeInput(QStringLiteral("own-history.csv"),
            "name,id_number,start,end\n" + personLine(SandboxFixtures::people()[0]) + '\n'
                + personLine(SandboxFixtures::people()[1]) + '\n');
        const QString out = path(QStringLiteral("own-history-results.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun first = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);
        QStringList elsewhere = batchArgs(in, out);
        elsewhere[elsewhere.indexOf(QStringLiteral("--db")) + 1] = path(QStringLiteral("another-history.sqlite"));
        const CliRun other = CliRun::run(elsewhere, path(QStringLiteral("home")), m_env);
        QVERIFY2(other.exitCode == 3 && other.err.contains("another audit history"), other.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);
        QCOMPARE(readOutput(out).size(), 3); // its results stay
        const CliRun resumed = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(resumed.exitCode == 0 && resumed.err.contains("Resuming"), resumed.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);
    }

    // A list corrected or extended and run again with the same results file sends only what is new: each row of the
    // earlier list takes its MerchantBizId from that batch's journal (by a keyed index: the journal holds no name or
    // number) and its answer from the history. In another history there is nothing to take.
    void aRevisedListSendsOnlyWhatIsNew_data()
    {
        QTest::addColumn<QString>("revision");
        QTest::addColumn<int>("sentAgain");
        QTest::addColumn<int>("earlier"); // rows reported from the earlier list's answers
        QTest::newRow("a refused row corrected") << QStringLiteral("corrected") << 1 << 2;
        QTest::newRow("a row added") << QStringLiteral("added") << 1 << 2;
        QTest::newRow("rows in another order") << QStringLiteral("reordered") << 0 << 2;
        QTest::newRow("after a list of refused rows only") << QStringLiteral("via-refused") << 1 << 2;
        QTest::newRow("after a list of one of its rows") << QStringLiteral("via-subset") << 1 << 2;
        QTest::newRow("the file's own MerchantBizIds") << QStringLiteral("own-ids") << 1 << 2;
        QTest::newRow("--again") << QStringLiteral("again") << 3 << 0;
        QTest::newRow("another history") << QStringLiteral("history") << 3 << 0;
    }
    void aRevisedListSendsOnlyWhatIsNew()
    {
        QFETCH(QString, revision);
        QFETCH(int, sentAgain);
        QFETCH(int, earlier);
        const QList<SandboxFixtures::Person> people = SandboxFixtures::people();
        SandboxFixtures::Person typo = people[2];
        typo.validityStartDate = QStringLiteral("2021-08-01"); // refused: not YYYYMMDD
        const bool ownIds = revision == QLatin1String("own-ids");
        const QByteArray head = ownIds ? "name,id_number,start,end,merchant_biz_id\n" : "name,id_number,start,end\n";
        const auto line = [ownIds](const SandboxFixtures::Person& p, const char* id) {
            return personLine(p) + (ownIds ? QByteArray(",") + id : QByteArray()) + '\n';
        };
        const QByteArray a = line(people[0], "cust1");
        const QByteArray b = line(people[1], "cust2");
        const QString out = path(revision + QStringLiteral("-revised-results.csv"));
        const CliRun first = CliRun::run(
            batchArgs(writeInput(revision + QStringLiteral("-v1.csv"), head + a + b + line(typo, "cust3")), out),
            path(QStringLiteral("home")),
            m_env);
        QVERIFY2(first.exitCode == 10, first.err.constData()); // the typo refused
        const int before = m_sandbox.requestsReceived();
        int middleSent = 0;
        if (revision.startsWith(QLatin1String("via-"))) { // a list in between: it must not make the earlier rows new
            const QByteArray middle = revision == QLatin1String("via-refused") ? head + line(typo, "cust3") : head + a;
            const CliRun between =
                CliRun::run(batchArgs(writeInput(revision + QStringLiteral("-between.csv"), middle), out),
                    path(QStringLiteral("home")),
                    m_env);
            // Every row refused: nothing was done (3); one row answered from the history: 0.
            QVERIFY2(between.exitCode == (revision == QLatin1String("via-refused") ? 3 : 0), between.err.constData());
            middleSent = m_sandbox.requestsReceived() - before;
            QCOMPARE(middleSent, 0);
        }
        QByteArray revised = head + a + b + line(people[2], "cust3");
        if (revision == QLatin1String("added"))
            revised = head + a + b + line(typo, "cust3") + line(people[3], "cust4");
        if (revision == QLatin1String("reordered"))
            revised = head + b + a + line(typo, "cust3");
        QStringList second = batchArgs(writeInput(revision + QStringLiteral("-v2.csv"), revised), out);
        if (revision == QLatin1String("history"))
            second[second.indexOf(QStringLiteral("--db")) + 1] = path(QStringLiteral("revised-other.sqlite"));
        if (revision == QLatin1String("again"))
            second << QStringLiteral("--again");
        const CliRun run = CliRun::run(second, path(QStringLiteral("home")), m_env);
        QVERIFY2(run.exitCode == 0 || run.exitCode == 10, run.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, sentAgain);
        const QList<QStringList> rows = readOutput(out);
        const qsizetype earlierRun = BatchReport::columns().indexOf(QStringLiteral("earlier_run"));
        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        int reported = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            reported += rows[i][earlierRun] == QLatin1String("yes");
            if (rows[i][earlierRun] == QLatin1String("yes"))
                QCOMPARE(rows[i][outcome], QStringLiteral("passed"));
        }
        QCOMPARE(reported, earlier);
        if (earlier > 0)
            QVERIFY2(
                run.err.contains(
                    QStringLiteral("%1 row(s) of this list were in the list verified before").arg(earlier).toUtf8()),
                run.err.constData());
        // Nothing of the people themselves in the journal, and only its owner may read it.
        QFile journal(BatchJournal::pathFor(out));
        QVERIFY(journal.open(QIODevice::ReadOnly));
        const QByteArray stored = journal.readAll();
        for (const SandboxFixtures::Person& p : people.mid(0, 4))
            QVERIFY(!stored.contains(p.docNo.toUtf8()) && !stored.contains(p.docName.toUtf8()));
        QCOMPARE(journal.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        // Nor the results, which hold masked names and ID numbers.
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
        QCOMPARE(QFile::permissions(out) & others, QFile::Permissions());
    }

    // A team's shared history (PostgreSQL) as well as a file: the same list run again sends nothing, a corrected and
    // extended list sends only its new rows (their earlier answers found by MerchantBizId and the ID number's blind
    // index in that history), and no case is ever attempted twice.
    void listRunAgainOnEachBackend_data() { StoreFixture::addBackendRows(); }

    void listRunAgainOnEachBackend()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        QString skip;
        if (!fixture.prepare(backend, &skip))
            QSKIP(qPrintable(skip));
        const QList<SandboxFixtures::Person> people = SandboxFixtures::people();
        SandboxFixtures::Person typo = people[2];
        typo.validityStartDate = QStringLiteral("2021-08-01"); // refused: not YYYYMMDD
        const QByteArray head = "name,id_number,start,end\n";
        const QByteArray a = personLine(people[0]) + '\n';
        const QByteArray b = personLine(people[1]) + '\n';
        const QString out = path(backend + QStringLiteral("-backend-results.csv"));
        const auto runList = [&](const QString& name, const QByteArray& csv) {
            return runOn(fixture.location(), QStringLiteral("home"), writeInput(name, csv), out, false);
        };
        int before = m_sandbox.requestsReceived();
        const CliRun first = runList(backend + QStringLiteral("-v1.csv"), head + a + b + personLine(typo) + '\n');
        QVERIFY2(first.exitCode == 10, first.err.constData()); // the typo refused
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);

        before = m_sandbox.requestsReceived();
        const int connections = m_sandbox.handshakesBegun();
        const CliRun again = runList(backend + QStringLiteral("-v1.csv"), head + a + b + personLine(typo) + '\n');
        QVERIFY2(again.exitCode == 10, again.err.constData());
        QVERIFY2(again.err.contains("Resuming the batch"), again.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 0);
        // Settled before: no connection opened ahead either. Once the process has ended, a connection it made waits in
        // the listening socket's queue with its first TLS bytes behind it: taken at one turn of the event loop, read
        // at the next.
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(m_sandbox.handshakesBegun() - connections, 0);

        before = m_sandbox.requestsReceived();
        const CliRun revised = runList(backend + QStringLiteral("-v2.csv"),
            head + b + a + personLine(people[2]) + '\n' + personLine(people[3]) + '\n');
        QVERIFY2(revised.exitCode == 0, revised.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2); // the corrected row and the added one
        const QList<QStringList> rows = readOutput(out);
        QCOMPARE(rows.size(), 5);
        const qsizetype earlierRun = BatchReport::columns().indexOf(QStringLiteral("earlier_run"));
        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows[i][outcome], QStringLiteral("passed"));
            QCOMPARE(rows[i][earlierRun], i <= 2 ? QStringLiteral("yes") : QString());
        }

        const std::unique_ptr<AuditStore> store =
            StoreFixture::storeOf(AuditStore::open(fixture.location(), StoreFixture::keys()));
        QVERIFY(store);
        const QHash<QString, int> attempts = attemptsPerBizId(*store);
        QCOMPARE(attempts.size(), 4);
        for (auto it = attempts.cbegin(); it != attempts.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(it.key()));
    }

    // A list begun on one workstation is not begun again on another that shares the history (another person, another
    // record of batches: here another home): refused before anything is sent, naming who began it, where and the
    // results; the output it would have taken is left exactly as it was; --again sends it.
    void listBegunOnAnotherWorkstation_data() { StoreFixture::addBackendRows(); }
    void listBegunOnAnotherWorkstation()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        const QList<SandboxFixtures::Person> people = SandboxFixtures::people();
        const QByteArray head = "name,id_number,start,end\n";
        const QString shared = writeInput(
            backend + QStringLiteral("-team.csv"), head + personLine(people[0]) + '\n' + personLine(people[1]) + '\n');
        const QString own = writeInput(backend + QStringLiteral("-own.csv"), head + personLine(people[2]) + '\n');
        const QString outA = path(backend + QStringLiteral("-team-a.csv"));
        const QString outB = path(backend + QStringLiteral("-team-b.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun a = runOn(fixture.location(), QStringLiteral("home"), shared, outA, false);
        QVERIFY2(a.exitCode == 0, a.err.constData());
        const CliRun ownList = runOn(fixture.location(), QStringLiteral("home-b"), own, outB, false);
        QVERIFY2(ownList.exitCode == 0, ownList.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 3);
        const auto bytes = [](const QString& file) {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
        };
        const QByteArray journalB = bytes(BatchJournal::pathFor(outB));
        const QByteArray resultsB = bytes(outB);

        const CliRun b = runOn(fixture.location(), QStringLiteral("home-b"), shared, outB, false);
        QVERIFY2(b.exitCode == 3, b.err.constData());
        QVERIFY2(b.err.contains("begun as a batch in this audit history") && b.err.contains(outA.toUtf8())
                && b.err.contains("--again"),
            b.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 3); // nothing sent, nothing billed
        QCOMPARE(bytes(BatchJournal::pathFor(outB)), journalB); // still the own list's batch, settled
        QCOMPARE(bytes(outB), resultsB);
        // Refused again the same way: the refusal left nothing that looks like this list's batch to resume.
        const CliRun still = runOn(fixture.location(), QStringLiteral("home-b"), shared, outB, false);
        QVERIFY2(still.exitCode == 3 && still.err.contains("begun as a batch"), still.err.constData());

        const CliRun asked = runOn(fixture.location(), QStringLiteral("home-b"), shared, outB, true);
        QVERIFY2(asked.exitCode == 0, asked.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 5);
        QCOMPARE(readOutput(outB).size(), 3);
    }

    // At a shell, the refusal starts a line of its own: the progress line drawn meanwhile is taken away first.
    void refusalOnATerminalStartsItsOwnLine()
    {
        const QString in = writeInput(QStringLiteral("terminal.csv"),
            "name,id_number,start,end\n" + personLine(DistinctCases::unknown(61)) + '\n');
        const CliRun first =
            CliRun::run(batchArgs(in, path(QStringLiteral("terminal-a.csv"))), path(QStringLiteral("home")), m_env);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const int before = m_sandbox.requestsReceived();
        const CliRun refused = CliRun::runOnTerminal(
            batchArgs(in, path(QStringLiteral("terminal-b.csv"))), path(QStringLiteral("home-t")), m_env);
        QVERIFY2(refused.exitCode == 3, refused.out.constData());
        QVERIFY2(refused.out.contains("\r\x1b[KNothing was sent. This list was begun"), refused.out.constData());
        QCOMPARE(m_sandbox.requestsReceived(), before);
    }

    // A batch whose record never reached the history (stopped or killed before it was written, or begun by an older
    // version) is checked when resumed, before it sends anything: a list another workstation began meanwhile is
    // refused there too. Its own record, once written, lets it resume.
    void aResumedBatchNeverRecordedIsChecked_data() { StoreFixture::addBackendRows(); }
    void aResumedBatchNeverRecordedIsChecked()
    {
        QFETCH(QString, backend);
        StoreFixture fixture;
        STORE_FIXTURE_PREPARE(fixture, backend);
        const QList<SandboxFixtures::Person> people = SandboxFixtures::people();
        const QByteArray data =
            "name,id_number,start,end\n" + personLine(people[3]) + '\n' + personLine(people[4]) + '\n';
        const QString in = writeInput(backend + QStringLiteral("-unrecorded.csv"), data);
        const QString outA = path(backend + QStringLiteral("-unrecorded-a.csv"));
        const QString outB = path(backend + QStringLiteral("-unrecorded-b.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun a = runOn(fixture.location(), QStringLiteral("home"), in, outA, false);
        QVERIFY2(a.exitCode == 0, a.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);

        // What B's batch left when it was killed after writing its journal and before its record: a journal of this
        // list, in this history, nothing sent.
        const Result<BatchInput> input = BatchInput::parse(data, QDate::currentDate());
        QVERIFY(input.ok());
        QString historyId;
        {
            const std::unique_ptr<AuditStore> store =
                StoreFixture::storeOf(AuditStore::open(fixture.location(), StoreFixture::keys()));
            QVERIFY(store);
            historyId = store->historyId();
        }
        bool resumed = true;
        BatchJournal journal =
            BatchJournal::forInput(outB, data, input->listDigest(), QDateTime::currentDateTimeUtc(), &resumed);
        QVERIFY(!resumed);
        journal.historyId = historyId;
        journal.settled = false;
        QVERIFY(journal.save(outB).ok());
        QFile journalFile(BatchJournal::pathFor(outB));
        QVERIFY(journalFile.open(QIODevice::ReadOnly));
        const QByteArray journalBytes = journalFile.readAll();
        journalFile.close();

        const CliRun b = runOn(fixture.location(), QStringLiteral("home-b"), in, outB, false);
        QVERIFY2(b.exitCode == 3 && b.err.contains("Resuming")
                && b.err.contains("begun as a batch in this audit history") && b.err.contains(outA.toUtf8()),
            b.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);
        QVERIFY(journalFile.open(QIODevice::ReadOnly));
        QCOMPARE(journalFile.readAll(), journalBytes);
        journalFile.close();

        // Asked for: resumed, recorded and sent; from then on its own record lets it resume unasked.
        const CliRun asked = runOn(fixture.location(), QStringLiteral("home-b"), in, outB, true);
        QVERIFY2(asked.exitCode == 0 && asked.err.contains("Resuming"), asked.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 4);
        const CliRun resumedAgain = runOn(fixture.location(), QStringLiteral("home-b"), in, outB, false);
        QVERIFY2(resumedAgain.exitCode == 0 && resumedAgain.err.contains("Resuming"), resumedAgain.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 4);
        // A run that sent nothing (everything answered) keeps the batch's record: a third workstation is refused,
        // told who began it.
        const CliRun c = runOn(fixture.location(),
            QStringLiteral("home-c"),
            in,
            path(backend + QStringLiteral("-unrecorded-c.csv")),
            false);
        QVERIFY2(c.exitCode == 3 && c.err.contains("begun as a batch in this audit history")
                && c.err.contains(outB.toUtf8()) && c.err.contains("on workstation"),
            c.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 4);
    }

    // The same case twice in one list (here re-typed with spaces and a lower-case x) is sent once: the repeat is
    // refused, naming the row that was sent.
    void aCaseRepeatedInTheListIsSentOnce()
    {
        const SandboxFixtures::Person& p = SandboxFixtures::people()[5]; // check character X
        SandboxFixtures::Person retyped = p;
        retyped.docName = u' ' + p.docName + u' ';
        retyped.docNo = p.docNo.toLower();
        const QString in = writeInput(QStringLiteral("repeated.csv"),
            "name,id_number,start,end\n" + personLine(p) + '\n' + personLine(SandboxFixtures::people()[1]) + '\n'
                + personLine(retyped) + '\n');
        const QString out = path(QStringLiteral("repeated-results.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun run = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(run.exitCode == 10 && run.err.contains("row 1 of this file"), run.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);
        const QList<QStringList> rows = readOutput(out);
        QCOMPARE(rows.size(), 4);
        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        QCOMPARE(rows[1][outcome], QStringLiteral("passed"));
        QCOMPARE(rows[3][outcome], QStringLiteral("refused"));
        const QString issue = rows[3][BatchReport::columns().indexOf(QStringLiteral("issues"))];
        QVERIFY2(issue.startsWith(QStringLiteral("ID number: row 1 ")), qPrintable(issue)); // the field named once
    }

    // The output's error columns say the same in the run that sent a row and in a run that takes its answer from the
    // history: error and error_code beside an error (resent: not billed) and an unknown outcome (not resent), both
    // empty beside an answer.
    void errorColumnsAreTheSameWhenResumed()
    {
        const QString in = writeInput(QStringLiteral("errors.csv"),
            "name,id_number,start,end\n" + personLine(DistinctCases::unknown(0, SandboxFixtures::accountDenied)) + '\n'
                + personLine(DistinctCases::unknown(1, SandboxFixtures::unknownSubCode)) + '\n'
                + personLine(SandboxFixtures::people()[2]) + '\n'
                + personLine(DistinctCases::unknown(2, SandboxFixtures::reset)) + '\n');
        const QString out = path(QStringLiteral("errors-results.csv"));
        const qsizetype error = BatchReport::columns().indexOf(QStringLiteral("error"));
        const QStringList expected { QStringLiteral("AccountAccessDenied|Forbidden.AccountAccessDenied"),
            QStringLiteral("|"),
            QStringLiteral("|"),
            QStringLiteral("ConnectionReset|") }; // unknown: not sent again, its error kept
        for (int run = 0; run < 2; ++run) {
            const CliRun batch = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
            QVERIFY2(batch.exitCode == 9, batch.err.constData()); // a row's outcome unknown (and one failed)
            QVERIFY(!settledAt(out)); // the failed row is left to send
            const QList<QStringList> rows = readOutput(out);
            QCOMPARE(rows.size(), 5);
            for (int i = 0; i < 4; ++i)
                QCOMPARE(rows[i + 1][error] + u'|' + rows[i + 1][error + 1], expected[i]);
        }
    }

    // A batch that sent nothing (every row refused by the pre-check) does not hold its list back.
    void aListThatSentNothingIsNotHeld()
    {
        const QString in = writeInput(QStringLiteral("all-refused.csv"),
            "name,id_number,start,end\n王小明,110101199003071234,20200610,20400610\n");
        const int before = m_sandbox.requestsReceived();
        const CliRun first =
            CliRun::run(batchArgs(in, path(QStringLiteral("all-refused-1.csv"))), path(QStringLiteral("home")), m_env);
        QVERIFY2(first.exitCode == 3 && first.err.contains("refused, not sent"), first.err.constData());
        const CliRun second =
            CliRun::run(batchArgs(in, path(QStringLiteral("all-refused-2.csv"))), path(QStringLiteral("home")), m_env);
        QVERIFY2(second.exitCode == 3 && !second.err.contains("was begun"), second.err.constData());
        QVERIFY(QFile::exists(path(QStringLiteral("all-refused-2.csv"))));
        QCOMPARE(m_sandbox.requestsReceived(), before);
    }

    // An --out that is the history (or a file kept beside it), the input, a folder, in a missing folder or an earlier
    // export is refused
    // before any row is sent: nothing is billed for results that could not be written, and nothing is destroyed.
    void outputThatWouldDestroyIsRefused_data()
    {
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QString>("inName");
        const QString one = QStringLiteral("one.csv");
        QTest::newRow("the history") << QStringLiteral("@db") << QStringLiteral("is the audit history") << one;
        QTest::newRow("its WAL") << QStringLiteral("@db-wal") << QStringLiteral("is the audit history") << one;
        QTest::newRow("the input") << QStringLiteral("@in") << QStringLiteral("is also the input") << one;
        QTest::newRow("a folder") << QStringLiteral("@dir") << QStringLiteral("is a folder") << one;
        QTest::newRow("a missing folder")
            << QStringLiteral("@dir/missing/results.csv") << QStringLiteral("does not exist") << one;
        // The journal is written beside the output: it may not land on the input either, nor the output on a journal.
        QTest::newRow("its journal would be the input")
            << QStringLiteral("@dir/list.csv") << QStringLiteral("is also the input")
            << QStringLiteral("list.csv.batch.json");
        QTest::newRow("another batch's journal")
            << QStringLiteral("@dir/one-results.csv.batch.json") << QStringLiteral("named as a batch's journal") << one;
        // An export's file and manifest (written before each row below): the next export's manifest names them.
        QTest::newRow("an earlier export")
            << QStringLiteral("@dir/export.csv") << QStringLiteral("is an earlier export") << one;
        QTest::newRow("an export's manifest") << QStringLiteral("@dir/export.csv.manifest.json")
                                              << QStringLiteral("named as an export's manifest") << one;
    }
    void outputThatWouldDestroyIsRefused()
    {
        QFETCH(QString, out);
        QFETCH(QString, says);
        QFETCH(QString, inName);
        QByteArray csv = "name,id_number,start,end\r\n";
        csv.append(personLine(SandboxFixtures::people().first())).append("\r\n");
        const QString in = writeInput(inName, csv);
        for (const char* exported : { "export.csv", "export.csv.manifest.json" }) {
            QFile file(path(QLatin1String(exported)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("as exported\n");
        }
        // A fresh output each time: the last row's batch there recorded its cases in the last row's history.
        QFile::remove(BatchJournal::pathFor(path(QStringLiteral("one-results.csv"))));
        const CliRun first =
            CliRun::run(batchArgs(in, path(QStringLiteral("one-results.csv"))), path(QStringLiteral("home")), m_env);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QFile history(db());
        QVERIFY(history.open(QIODevice::ReadOnly));
        const QByteArray before = history.readAll();
        history.close();
        const int sent = m_sandbox.requestsReceived();

        out.replace(QLatin1String("@db"), db())
            .replace(QLatin1String("@in"), in)
            .replace(QLatin1String("@dir"), m_dir.path());
        const CliRun run = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(run.exitCode == 3, run.err.constData());
        QVERIFY2(run.err.contains("--out") && run.err.contains(says.toUtf8()), run.err.constData());
        QCOMPARE(m_sandbox.requestsReceived(), sent);
        QVERIFY(history.open(QIODevice::ReadOnly));
        QCOMPARE(history.readAll(), before);
        QFile input(in);
        QVERIFY(input.open(QIODevice::ReadOnly));
        QCOMPARE(input.readAll(), csv);
        for (const char* exported : { "export.csv", "export.csv.manifest.json" }) {
            QFile file(path(QLatin1String(exported)));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QCOMPARE(file.readAll(), QByteArray("as exported\n"));
        }
    }

    // kill -9 at a random moment, then the same command until it completes: no row is ever sent twice, and every
    // row ends answered, refused, or listed as unknown.
    void resumesAfterKillWithoutSendingTwice_data()
    {
        QTest::addColumn<quint32>("seed");
        for (const quint32 seed : { 1u, 7u, 42u, 2026u })
            QTest::addRow("seed %u", seed) << seed;
    }
    void resumesAfterKillWithoutSendingTwice()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        QList<QString> expected;
        const QString in = writeInput(QStringLiteral("kill-%1.csv").arg(seed), mixedInput(40, &expected));
        const QString out = path(QStringLiteral("kill-%1-results.csv").arg(seed));
        const int before = m_sandbox.requestsReceived();
        const int killAt = static_cast<int>(random.bounded(1, 30)); // after this many requests reached the service

        QProcess process;
        prepare(process);
        const QMetaObject::Connection killer = connect(&m_sandbox, &SandboxServer::requestReceived, this, [&] {
            if (m_sandbox.requestsReceived() - before >= killAt && process.state() == QProcess::Running)
                process.kill(); // SIGKILL, while the service handles the request
        });
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        process.start(QStringLiteral(EKYC_CLI_PATH), batchArgs(in, out));
        loop.exec();
        disconnect(killer);
        QVERIFY2(process.exitStatus() == QProcess::CrashExit, process.readAllStandardError().constData());

        CliRun resumed = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(resumed.exitCode == 10 || resumed.exitCode == 9, resumed.err.constData());
        const int afterResume = m_sandbox.requestsReceived();
        const CliRun third = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QCOMPARE(third.exitCode, resumed.exitCode);
        QCOMPARE(m_sandbox.requestsReceived(), afterResume); // the third run sent nothing

        const QHash<QString, int> attempts = attemptsPerBizId();
        for (auto it = attempts.cbegin(); it != attempts.cend(); ++it)
            QVERIFY2(it.value() <= 1, qPrintable(QStringLiteral("%1 was sent %2 times").arg(it.key()).arg(it.value())));
        // Every request that reached the service was recorded first.
        int recorded = 0;
        for (const int n : attempts)
            recorded += n;
        QVERIFY(m_sandbox.requestsReceived() - before <= recorded);

        const QList<QStringList> rows = readOutput(out);
        QCOMPARE(rows.size(), expected.size() + 1);
        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        int unknown = 0;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QString got = rows[i + 1][outcome];
            unknown += got == QLatin1String("unknown");
            QVERIFY2(got == expected[i] || got == QLatin1String("unknown"), qPrintable(got + u' ' + expected[i]));
        }
        QVERIFY(unknown <= ApiClient::maxConcurrentCalls()); // at most the calls in flight when it was killed
        qInfo("killed after %d requests; the resumed run sent %d more; %d rows unknown",
            killAt,
            afterResume - before - killAt,
            unknown);
        QCOMPARE(resumed.exitCode, unknown > 0 ? 9 : 10);

        // --retry-unknown sends those (and only those) again, under their own MerchantBizId.
        const CliRun retry =
            CliRun::run(batchArgs(in, out) << QStringLiteral("--retry-unknown"), path(QStringLiteral("home")), m_env);
        QCOMPARE(retry.exitCode, 10);
        QCOMPARE(m_sandbox.requestsReceived() - afterResume, unknown);
    }

    // Ctrl-C (or SIGTERM) while the batch runs: it ends in order. Nothing more is sent, the calls in flight are
    // answered and recorded (no row is left unknown), the results are written with the rows not sent marked so, and
    // the exit code is 130; the same command then sends exactly those rows.
    void interruptEndsInOrder_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<int>("interruptAt"); // requests that reached the service first
        QTest::addColumn<int>("times"); // the signal sent that many times at once
        QTest::addRow("SIGINT after 1") << int(SIGINT) << 1 << 1;
        QTest::addRow("SIGINT after 9") << int(SIGINT) << 9 << 1;
        QTest::addRow("SIGTERM after 4") << int(SIGTERM) << 4 << 1;
        // The terminal closed: the shell and the kernel may each hang up; neither quits at once.
        QTest::addRow("SIGHUP twice after 3") << int(SIGHUP) << 3 << 2;
    }
    void interruptEndsInOrder()
    {
        QFETCH(int, signalNumber);
        QFETCH(int, interruptAt);
        QFETCH(int, times);
        QList<QString> expected;
        const QString name = QStringLiteral("interrupt-%1-%2").arg(signalNumber).arg(interruptAt);
        const QString in = writeInput(name + QStringLiteral(".csv"), mixedInput(40, &expected));
        const QString out = path(name + QStringLiteral("-results.csv"));
        const int before = m_sandbox.requestsReceived();

        QProcess process;
        prepare(process);
        bool signalled = false;
        const QMetaObject::Connection interrupter = connect(&m_sandbox, &SandboxServer::requestReceived, this, [&] {
            if (!signalled && m_sandbox.requestsReceived() - before >= interruptAt
                && process.state() == QProcess::Running) {
                for (int n = 0; n < times; ++n)
                    ::kill(static_cast<pid_t>(process.processId()), signalNumber);
                signalled = true;
            }
        });
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        process.start(QStringLiteral(EKYC_CLI_PATH), batchArgs(in, out));
        loop.exec();
        disconnect(interrupter);
        const QByteArray err = process.readAllStandardError();
        QVERIFY(signalled);
        QVERIFY2(process.exitStatus() == QProcess::NormalExit, err.constData());
        QCOMPARE(process.exitCode(), 130);
        QVERIFY2(err.contains("Interrupted"), err.constData());
        const int sentByFirst = m_sandbox.requestsReceived() - before;
        QVERIFY2(!settledAt(out), err.constData());

        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        QList<QStringList> rows = readOutput(out);
        QCOMPARE(rows.size(), expected.size() + 1);
        int notSent = 0;
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QString got = rows[i + 1][outcome];
            notSent += got == QLatin1String("not_sent");
            QVERIFY2(got == expected[i] || got == QLatin1String("not_sent"), qPrintable(got + u' ' + expected[i]));
        }
        QVERIFY(notSent > 0);
        // The last progress line says what was not sent, rather than counting it among the rows done.
        QVERIFY2(err.contains(QStringLiteral(" · not sent %1\n").arg(notSent).toUtf8()), err.constData());

        // Another list may not take this output while this batch has rows to send: its journal would be replaced.
        const CliRun other = CliRun::run(
            batchArgs(writeInput(name + QStringLiteral("-other.csv"),
                          "name,id_number,start,end\n" + personLine(SandboxFixtures::people().first()) + '\n'),
                out),
            path(QStringLiteral("home")),
            m_env);
        QVERIFY2(other.exitCode == 3 && other.err.contains("another list"), other.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, sentByFirst);
        QCOMPARE(readOutput(out).size(), expected.size() + 1);
        // Every request that reached the service is a recorded, answered attempt: none is left unknown. An attempt
        // recorded and still waiting for its rate slot at the interrupt did not leave, and its record says so.
        const QHash<QString, int> attempts = attemptsPerBizId();
        const QHash<QString, int> neverLeft = attemptsThatNeverLeft();
        int recorded = 0;
        for (auto it = attempts.cbegin(); it != attempts.cend(); ++it) {
            QVERIFY(it.value() <= 1);
            QVERIFY(neverLeft.value(it.key()) <= it.value());
            recorded += it.value() - neverLeft.value(it.key());
        }
        QCOMPARE(recorded, sentByFirst);
        // The next rows' cases were recorded ahead of their turn (held) and ended without an attempt, never sent.
        int held = 0;
        for (const int n : attempts)
            held += n == 0;
        QVERIFY2(held > 0, qPrintable(QString::number(attempts.size())));
        int stoppedWaiting = 0;
        for (const int n : neverLeft)
            stoppedWaiting += n;
        QVERIFY(held + stoppedWaiting <= notSent);

        const CliRun resumed = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QCOMPARE(resumed.exitCode, 10); // the refused rows
        QCOMPARE(m_sandbox.requestsReceived() - before - sentByFirst, notSent);
        rows = readOutput(out);
        for (qsizetype i = 0; i < expected.size(); ++i)
            QCOMPARE(rows[i + 1][outcome], expected[i]);
    }

    void warningsNeedAcceptance()
    {
        // A 20-year card issued at 11: plausible enough to send, odd enough to ask first.
        const QString in = writeInput(QStringLiteral("warn.csv"),
            "name,id_number,start,end\n刘洋,33010620120418208X,20230901,20430901\n"
                + personLine(SandboxFixtures::people().first()) + '\n');
        const QString out = path(QStringLiteral("warn-results.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun refused = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY(refused.err.contains("--accept-warnings"));
        QCOMPARE(m_sandbox.requestsReceived(), before);
        QVERIFY(!QFile::exists(out));
        const CliRun accepted =
            CliRun::run(batchArgs(in, out) << QStringLiteral("--accept-warnings"), path(QStringLiteral("home")), m_env);
        QVERIFY2(accepted.exitCode == 0, accepted.err.constData());
        QCOMPARE(m_sandbox.requestsReceived(), before + 2);
    }

    // --parallel: 1 to 12 run as given; 13 to 16 (accepted before calls had a connection each) run at 12 and say so;
    // anything else is refused, naming the option, before anything is read or sent.
    void parallelOption_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("said"); // on stderr
        QTest::newRow("1") << QStringLiteral("1") << 0 << QByteArray();
        QTest::newRow("12") << QStringLiteral("12") << 0 << QByteArray();
        QTest::newRow("16: capped") << QStringLiteral("16") << 0 << QByteArray("--parallel 16: at most 12 calls");
        QTest::newRow("0") << QStringLiteral("0") << 3 << QByteArray("--parallel: expected a number from 1 to 12.");
        QTest::newRow("17") << QStringLiteral("17") << 3 << QByteArray("--parallel: expected a number from 1 to 12.");
        QTest::newRow("not a number") << QStringLiteral("many") << 3
                                      << QByteArray("--parallel: expected a number from 1 to 12.");
    }

    void parallelOption()
    {
        QFETCH(QString, value);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, said);
        const QString in = writeInput(QStringLiteral("parallel.csv"),
            "name,id_number,start,end\n" + personLine(SandboxFixtures::people().first()) + '\n');
        const QString out =
            path(QStringLiteral("parallel-%1.csv").arg(QString::fromLatin1(QTest::currentDataTag())).remove(u' '));
        const int before = m_sandbox.requestsReceived();
        const CliRun run = CliRun::run(
            batchArgs(in, out) << QStringLiteral("--parallel") << value, path(QStringLiteral("home")), m_env);
        QVERIFY2(run.exitCode == exitCode, run.err.constData());
        QVERIFY2(said.isEmpty() || run.err.contains(said), run.err.constData());
        QCOMPARE(m_sandbox.requestsReceived(), before + (exitCode == 0 ? 1 : 0));
    }

    // Roles are the core's: an auditor's batch sends nothing (exit 7), and the refusal is in the history.
    void anAuditorMayNotVerify()
    {
        const QString teamDb = teamHistory(QStringLiteral("team.sqlite"));
        QVERIFY(!teamDb.isEmpty());
        const QString in = writeInput(QStringLiteral("auditor.csv"),
            "name,id_number,start,end\n" + personLine(SandboxFixtures::people().first()) + '\n');
        const int before = m_sandbox.requestsReceived();
        const CliRun run = runAs(teamDb, QStringLiteral("auditor"), in, path(QStringLiteral("auditor-results.csv")));
        QVERIFY2(run.exitCode == 7, run.err.constData());
        QCOMPARE(m_sandbox.requestsReceived(), before);
        const std::unique_ptr<AuditStore> store = StoreFixture::storeOf(AuditStore::open(teamDb, StoreFixture::keys()));
        QVERIFY(store);
        bool refusalRecorded = false;
        QVERIFY(store->forEachEvent([&refusalRecorded](const AuditEvent& e) {
            refusalRecorded |= e.kind == QLatin1String(EventKind::accessRefused) && e.actor == QLatin1String("auditor");
            return true;
        }));
        QVERIFY(refusalRecorded);
    }

    // A list one reviewer began and another resumes (a shift change at the same workstation) sends nothing the first
    // one's run was answered for: the resume finds every answered case, whoever recorded it, although a reviewer's
    // browsing shows only their own. A row that failed unbilled is sent again as the second reviewer's own case (the
    // link to the first one's case is not theirs to record), and the batch goes on.
    void aListResumedByAnotherReviewerSendsNothingAgain()
    {
        const QString teamDb = teamHistory(QStringLiteral("shift.sqlite"));
        QVERIFY(!teamDb.isEmpty());
        const QList<SandboxFixtures::Person> people = SandboxFixtures::people();
        const QString in = writeInput(QStringLiteral("shift.csv"),
            "name,id_number,start,end\n" + personLine(people[0]) + '\n' + personLine(people[1]) + '\n'
                + personLine(DistinctCases::unknown(7, SandboxFixtures::accountDenied)) + '\n');
        const QString out = path(QStringLiteral("shift-results.csv"));
        const int before = m_sandbox.requestsReceived();
        const CliRun first = runAs(teamDb, QStringLiteral("reviewer"), in, out);
        QVERIFY2(first.exitCode != 0 && first.exitCode != 6, first.err.constData()); // the denied row failed
        QCOMPARE(m_sandbox.requestsReceived() - before, 3);

        const CliRun resumed = runAs(teamDb, QStringLiteral("other"), in, out);
        QVERIFY2(resumed.exitCode == first.exitCode, resumed.err.constData());
        QVERIFY2(!resumed.err.contains("stopped recording"), resumed.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 4); // only the row that failed unbilled, again
        const QList<QStringList> rows = readOutput(out);
        QCOMPARE(rows.size(), 4);
        const qsizetype earlierRun = BatchReport::columns().indexOf(QStringLiteral("earlier_run"));
        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        for (qsizetype i = 1; i <= 2; ++i) {
            QCOMPARE(rows[i][earlierRun], QStringLiteral("yes"));
            QCOMPARE(rows[i][outcome], QStringLiteral("passed"));
        }
        QCOMPARE(rows[3][outcome], QStringLiteral("error"));
        QCOMPARE(rows[3][earlierRun], QString());
    }

    // An existing history's key derivation runs while the list is read (HistoryCli::beginOpen): its failure is
    // reported as before, a refused list leaves the history as it was, and no history is made for a refused list.
    void historyOpenedWhileTheListIsRead_data()
    {
        QTest::addColumn<bool>("historyExists");
        QTest::addColumn<QString>("passphrase"); // empty: the right one
        QTest::addColumn<bool>("listIsGood");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<int>("requests");
        QTest::newRow("answered") << true << QString() << true << 0 << 1;
        QTest::newRow("wrong passphrase") << true << QStringLiteral("not-the-passphrase") << true << 6 << 0;
        QTest::newRow("list refused, history kept") << true << QString() << false << 3 << 0;
        QTest::newRow("list refused, no history made") << false << QString() << false << 3 << 0;
        QTest::newRow("new history") << false << QString() << true << 0 << 1;
    }

    void historyOpenedWhileTheListIsRead()
    {
        QFETCH(bool, historyExists);
        QFETCH(QString, passphrase);
        QFETCH(bool, listIsGood);
        QFETCH(int, exitCode);
        QFETCH(int, requests);
        qint64 eventsBefore = 0;
        if (historyExists) {
            const std::unique_ptr<AuditStore> store =
                StoreFixture::storeOf(AuditStore::open(db(), StoreFixture::keys()));
            QVERIFY(store);
            QVERIFY(store->forEachEvent([&eventsBefore](const AuditEvent&) { return ++eventsBefore > 0; }));
        }
        // Refused as a file (no end column): before anything is recorded.
        const QByteArray csv = listIsGood
            ? "name,id_number,start,end\n" + personLine(DistinctCases::unknown(7001)) + '\n'
            : QByteArray("name,id_number,start\n李华,310104198511202043,20190315\n");
        const QString tag = QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-');
        const QString in = writeInput(QStringLiteral("early-%1.csv").arg(tag), csv);
        QHash<QString, QString> env = m_env;
        if (!passphrase.isEmpty())
            env.insert(QStringLiteral("EKYC_DESK_PASSPHRASE"), passphrase);
        const int before = m_sandbox.requestsReceived();
        const CliRun run = CliRun::run(
            batchArgs(in, path(QStringLiteral("early-results-%1.csv").arg(tag))) << QStringLiteral("--again"),
            path(QStringLiteral("home")),
            env);
        QVERIFY2(run.exitCode == exitCode, run.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, requests);
        if (!passphrase.isEmpty())
            QVERIFY2(run.err.contains("passphrase"), run.err.constData());
        QCOMPARE(QFileInfo::exists(db()), historyExists || listIsGood);
        if (historyExists && !listIsGood) {
            const std::unique_ptr<AuditStore> store =
                StoreFixture::storeOf(AuditStore::open(db(), StoreFixture::keys()));
            QVERIFY(store);
            qint64 eventsAfter = 0;
            QVERIFY(store->forEachEvent([&eventsAfter](const AuditEvent&) { return ++eventsAfter > 0; }));
            QCOMPARE(eventsAfter, eventsBefore);
        }
    }

    void refusesAFileThatIsNotUtf8()
    {
        const QString in = writeInput(QStringLiteral("gbk.csv"),
            "name,id_number,start,end\n\xCD\xF5\xD0\xA1\xC3\xF7,110101199003071233,20200610,20400610\n");
        const int before = m_sandbox.requestsReceived();
        const CliRun run =
            CliRun::run(batchArgs(in, path(QStringLiteral("gbk-results.csv"))), path(QStringLiteral("home")), m_env);
        QCOMPARE(run.exitCode, 3);
        QVERIFY(run.err.contains("GBK"));
        QVERIFY(run.err.contains("iconv"));
        QCOMPARE(m_sandbox.requestsReceived(), before);
    }

    // Interrupted while a row waits to retry after a throttled attempt (unbilled): the retry is not sent, the row
    // ends as an error that resuming sends again, once.
    void interruptWithholdsARetry()
    {
        const QString in = writeInput(QStringLiteral("interrupt-retry.csv"),
            "name,id_number,start,end\n" + personLine(DistinctCases::unknown(8101, SandboxFixtures::throttleOnce))
                + '\n');
        const QString out = path(QStringLiteral("interrupt-retry-results.csv"));
        const int before = m_sandbox.requestsReceived();
        QProcess process;
        prepare(process);
        bool signalled = false;
        const QMetaObject::Connection interrupter = connect(&m_sandbox, &SandboxServer::requestReceived, this, [&] {
            if (!signalled && process.state() == QProcess::Running) {
                ::kill(static_cast<pid_t>(process.processId()), SIGINT); // the throttled answer waits 1 s to retry
                signalled = true;
            }
        });
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        process.start(QStringLiteral(EKYC_CLI_PATH), batchArgs(in, out));
        QTimer::singleShot(60000, &process, [&process] { process.kill(); }); // a hung run fails, never blocks
        loop.exec();
        disconnect(interrupter);
        const QByteArray err = process.readAllStandardError();
        QVERIFY(signalled);
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 130, err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 1);
        const qsizetype outcome = BatchReport::columns().indexOf(QStringLiteral("outcome"));
        const qsizetype errorKind = BatchReport::columns().indexOf(QStringLiteral("error"));
        QList<QStringList> rows = readOutput(out);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1][outcome], QStringLiteral("error"));
        // Cancelled while it waited to retry, or its throttled answer, as the signal met it: never billed.
        QVERIFY2(rows[1][errorKind] == QLatin1String("Cancelled") || rows[1][errorKind] == QLatin1String("Throttling"),
            qPrintable(rows[1][errorKind]));

        const CliRun resumed = CliRun::run(batchArgs(in, out), path(QStringLiteral("home")), m_env);
        QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
        QCOMPARE(m_sandbox.requestsReceived() - before, 2);
        rows = readOutput(out);
        QCOMPARE(rows[1][outcome], QStringLiteral("passed"));
    }

    // Throttling slows the whole batch: the rate limit halves, and the batch says so.
    void throttlingSlowsTheWholeBatch()
    {
        QByteArray csv = "name,id_number,start,end\n";
        for (int i = 0; i < 4; ++i)
            csv.append(personLine(DistinctCases::unknown(i, SandboxFixtures::throttleOnce)) + '\n');
        const QString in = writeInput(QStringLiteral("throttle.csv"), csv);
        const QString out = path(QStringLiteral("throttle-results.jsonl"));
        const CliRun run =
            CliRun::run(batchArgs(in, out) << QStringLiteral("--json"), path(QStringLiteral("home")), m_env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("throttled"), run.err.constData());
        QFile results(out);
        QVERIFY(results.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = results.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        for (const QByteArray& line : lines)
            QCOMPARE(QJsonDocument::fromJson(line).object().value(QStringLiteral("outcome")).toString(),
                QStringLiteral("passed"));
    }
};

QTEST_GUILESS_MAIN(TestCliBatch)
#include "TestCliBatch.moc"
