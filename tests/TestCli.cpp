#include "CliRun.h"
#include "DistinctCases.h"
#include "StoreFixture.h"

#include "api/Credentials.h"
#include "history/AuditEvent.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

// ekyc-desk-cli as other tools see it: a real process, talking HTTPS to its in-process training sandbox.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QHash<QString, QString> m_extraEnv;

    using Run = CliRun;

    Run run(const QStringList& arguments) { return CliRun::run(arguments, m_home.path(), m_extraEnv); }

    static QStringList caseArgs(const SandboxFixtures::Person& p)
    {
        QStringList args { QStringLiteral("verify"),
            QStringLiteral("--training"),
            QStringLiteral("--json"),
            QStringLiteral("--name"),
            p.docName,
            QStringLiteral("--id-number"),
            p.docNo,
            QStringLiteral("--start"),
            p.validityStartDate };
        if (p.isLongTerm())
            args << QStringLiteral("--long-term");
        else
            args << QStringLiteral("--end") << p.validityEndDate;
        return args;
    }

private slots:
    void verify_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("subCode");
        QTest::addColumn<QString>("code");

        const SandboxFixtures::Person first = SandboxFixtures::people().first();
        QTest::newRow("200 consistent") << caseArgs(first) << 0 << QStringLiteral("200") << QStringLiteral("Success");
        for (const SandboxFixtures::Person& p : SandboxFixtures::people()) {
            if (p.isLongTerm())
                QTest::newRow("200 long-term card")
                    << caseArgs(p) << 0 << QStringLiteral("200") << QStringLiteral("Success");
        }
        SandboxFixtures::Person mismatch = first;
        mismatch.validityEndDate =
            QString::number(mismatch.validityEndDate.left(4).toInt() - 10) + mismatch.validityEndDate.mid(4);
        QTest::newRow("223 wrong end date")
            << caseArgs(mismatch) << 2 << QStringLiteral("223") << QStringLiteral("Success");
        SandboxFixtures::Person unknown {
            QStringLiteral("测试乙"), QStringLiteral("11010519491231002X"), QStringLiteral("20100101"), QString()
        };
        QTest::newRow("202 not in database")
            << caseArgs(unknown) << 2 << QStringLiteral("202") << QStringLiteral("Success");
        SandboxFixtures::Person ram = unknown;
        ram.docName = SandboxFixtures::ramDenied;
        QTest::newRow("403 RAM user denied")
            << caseArgs(ram) << 4 << QString() << QStringLiteral("Forbidden.RAMUserAccessDenied");
        SandboxFixtures::Person reset = unknown;
        reset.docName = SandboxFixtures::malformed;
        QTest::newRow("malformed answer") << caseArgs(reset) << 4 << QString() << QString();
        SandboxFixtures::Person badId = first;
        badId.docNo[16] = badId.docNo[16] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        QTest::newRow("bad checksum refused") << caseArgs(badId) << 3 << QString() << QString();
    }

    void verify()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, subCode);
        QFETCH(QString, code);
        const Run r = run(arguments);
        QVERIFY2(r.exitCode == exitCode, (r.out + r.err).constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(!json.isEmpty(), r.out.constData());
        if (exitCode == 3) {
            QVERIFY(json.value(QStringLiteral("refused")).toBool());
            QVERIFY(!json.value(QStringLiteral("message")).toString().isEmpty());
            return;
        }
        for (const char* key :
            { "requestId", "code", "message", "passed", "subCode", "merchantBizId", "httpStatus", "explanation" })
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QStringLiteral("subCode")).toString(), subCode);
        if (!code.isEmpty())
            QCOMPARE(json.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(json.value(QStringLiteral("passed")).toBool(), exitCode == 0);
        QCOMPARE(json.value(QStringLiteral("merchantBizId")).toString().size(), 32);
        QVERIFY(!json.value(QStringLiteral("explanation")).toString().isEmpty());
    }

    // --case reads the case as a batch list writes it, from a file or standard input, so that the name and ID number
    // stay off the command line (every process list shows it). file: "-" for standard input, "missing" for a path
    // with nothing there, else a file written with csv.
    void caseFromAFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("subCode");
        QTest::addColumn<QString>("says");

        const QByteArray header = "name,id_number,start,end\n";
        const auto line = [](const SandboxFixtures::Person& p) { return DistinctCases::csvLine(p) + '\n'; };
        const SandboxFixtures::Person first = SandboxFixtures::people().first();
        QTest::newRow("on standard input") << QStringLiteral("-") << QByteArray(header + line(first)) << QStringList()
                                           << 0 << QStringLiteral("200") << QString();
        for (const SandboxFixtures::Person& p : SandboxFixtures::people()) {
            if (p.isLongTerm()) {
                QTest::newRow("in a file, long-term, columns in another order")
                    << QStringLiteral("case.csv")
                    << QByteArray("end,start,id_number,name\r\n长期," + p.validityStartDate.toUtf8() + ','
                           + p.docNo.toUtf8() + ',' + p.docName.toUtf8() + "\r\n")
                    << QStringList() << 0 << QStringLiteral("200") << QString();
                break;
            }
        }
        SandboxFixtures::Person badId = first;
        badId.docNo[16] = badId.docNo[16] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        QTest::newRow("a mistyped ID number") << QStringLiteral("case.csv") << QByteArray(header + line(badId))
                                              << QStringList() << 3 << QString() << QStringLiteral("ID number");
        QTest::newRow("two cases") << QStringLiteral("-") << QByteArray(header + line(first) + line(first))
                                   << QStringList() << 3 << QString() << QStringLiteral("ekyc-desk-cli batch");
        QTest::newRow("no case") << QStringLiteral("-") << header << QStringList() << 3 << QString()
                                 << QStringLiteral("standard input holds no case");
        QTest::newRow("no header line") << QStringLiteral("-") << line(first) << QStringList() << 3 << QString()
                                        << QStringLiteral("header line missing");
        QTest::newRow("--name as well") << QStringLiteral("-") << QByteArray(header + line(first))
                                        << QStringList { QStringLiteral("--name"), first.docName } << 3 << QString()
                                        << QStringLiteral("--name cannot be given");
        QTest::newRow("a file that is not there") << QStringLiteral("missing") << QByteArray() << QStringList() << 3
                                                  << QString() << QStringLiteral("cannot read");
    }
    void caseFromAFile()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, csv);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, subCode);
        QFETCH(QString, says);
        QTemporaryDir dir;
        QString path = file;
        if (file != QLatin1String("-")) {
            path = dir.filePath(file == QLatin1String("missing") ? QStringLiteral("no-such-case.csv") : file);
            if (file != QLatin1String("missing")) {
                QFile out(path);
                QVERIFY(out.open(QIODevice::WriteOnly));
                out.write(csv);
            }
        }
        const QStringList args = QStringList { QStringLiteral("verify"),
            QStringLiteral("--training"),
            QStringLiteral("--json"),
            QStringLiteral("--case"),
            path }
            + extra;
        const Run r =
            file == QLatin1String("-") ? CliRun::runWithInput(args, m_home.path(), csv, m_extraEnv) : run(args);
        QVERIFY2(r.exitCode == exitCode, (r.out + r.err).constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(!json.isEmpty(), r.out.constData());
        if (exitCode != 0) {
            QVERIFY(json.value(QStringLiteral("refused")).toBool());
            QString all = json.value(QStringLiteral("message")).toString();
            for (const QJsonValue issue : json.value(QStringLiteral("issues")).toArray())
                all += u' ' + issue.toObject().value(QStringLiteral("message")).toString();
            QVERIFY2(all.contains(says), qPrintable(all));
            return;
        }
        QCOMPARE(json.value(QStringLiteral("subCode")).toString(), subCode);
        QCOMPARE(json.value(QStringLiteral("passed")).toBool(), true);
    }

    void dryRunPrintsSignedRequestWithoutSecret()
    {
        QStringList args = caseArgs(SandboxFixtures::people().first());
        args << QStringLiteral("--dry-run") << QStringLiteral("--merchant-biz-id") << QStringLiteral("case42");
        const Run r = run(args);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QVERIFY(json.value(QStringLiteral("url")).toString().startsWith(QLatin1String("https://127.0.0.1:")));
        const QJsonObject headers = json.value(QStringLiteral("headers")).toObject();
        QVERIFY(
            headers.value(QStringLiteral("Authorization")).toString().startsWith(QLatin1String("ACS3-HMAC-SHA256 ")));
        QCOMPARE(headers.value(QStringLiteral("x-acs-action")).toString(), QStringLiteral("Id2MetaPeriodVerifyIntl"));
        QCOMPARE(headers.value(QStringLiteral("x-acs-version")).toString(), QStringLiteral("2022-08-09"));
        QVERIFY(json.value(QStringLiteral("body")).toString().contains(QLatin1String("MerchantBizId=case42")));
        QVERIFY(json.value(QStringLiteral("body")).toString().contains(QLatin1String("ProductCode=eKYC_Date_MIN")));
        QVERIFY(!r.out.contains("training-secret"));
    }

    void liveWithoutCredentialsIsRefused()
    {
        QStringList args = caseArgs(SandboxFixtures::people().first());
        args.removeAll(QStringLiteral("--training"));
        const Run r = run(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.out.contains("ALIBABA_CLOUD_ACCESS_KEY_ID"));
    }

    // A record of the spool set aside while the history is opened (before anything could listen) is told on stderr,
    // with how many and where, and the case goes on.
    void spoolRecordsSetAsideAtOpenAreTold()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        QStringList args = caseArgs(SandboxFixtures::people().first());
        args << QStringLiteral("--db") << db;
        const Run first = run(args);
        QVERIFY2(first.exitCode == 0, (first.out + first.err).constData());
        QVERIFY(!first.err.contains("Spool records"));
        const QString spool = db + QStringLiteral(".spool");
        {
            QFile file(spool);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
            QVERIFY(file.write(R"({"op":"complete","caseId":"made-up","id":"x1","payload":{}})"
                               "\n")
                > 0);
        }
        QVERIFY(QFile::setPermissions(spool, QFile::ReadOwner | QFile::WriteOwner));
        const Run second = run(args);
        QVERIFY2(second.exitCode == 0, (second.out + second.err).constData());
        QVERIFY2(second.err.contains("Audit history: Spool records set aside")
                && second.err.contains(QStringLiteral(": 1, in %1.bad.").arg(spool).toUtf8()),
            second.err.constData());
        QVERIFY(QFile::exists(spool + QStringLiteral(".bad")));
    }

    // A request that left without an answer exits 7 (may have been billed, not retried); `verify --retry CASE_ID`
    // sends that case again under the same MerchantBizId (even one an older version accepted that new cases may not
    // have), linked to it, with the reveal recorded. Any other case is
    // not retried that way (exit 3), and --retry takes nothing that would contradict the recorded case.
    void retryKeepsTheMerchantBizId()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        SandboxFixtures::Person unanswered = SandboxFixtures::people().first();
        unanswered.docName = SandboxFixtures::reset; // the sandbox reads the request, then drops the connection
        QStringList args = caseArgs(unanswered);
        args << QStringLiteral("--db") << db;
        const Run first = run(args);
        QVERIFY2(first.exitCode == 9, (first.out + first.err).constData());
        const QJsonObject lost = QJsonDocument::fromJson(first.out).object();
        QCOMPARE(lost.value(QStringLiteral("status")).toString(), QStringLiteral("OutcomeUnknown"));
        QVERIFY(lost.value(QStringLiteral("mayHaveBeenBilled")).toBool());
        QCOMPARE(lost.value(QStringLiteral("attempts")).toInt(), 1);
        const QString caseId = lost.value(QStringLiteral("caseId")).toString();
        QVERIFY(!caseId.isEmpty());
        // The history tells this case apart, with its error code.
        const Run listed = run({ QStringLiteral("history"), QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(listed.exitCode, 0);
        const QJsonObject row = QJsonDocument::fromJson(listed.out.trimmed()).object();
        QCOMPARE(row.value(QStringLiteral("caseId")).toString(), caseId);
        QCOMPARE(row.value(QStringLiteral("state")).toString(), QStringLiteral("outcome_unknown"));
        QCOMPARE(row.value(QStringLiteral("error")).toString(), QStringLiteral("ConnectionReset"));

        // Recorded by an older version with an ID-number-shaped MerchantBizId, which new cases may not have: the
        // retry keeps it all the same.
        const QString legacyId = QStringLiteral("310104198511202043");
        {
            QSqlDatabase edit = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("legacy-biz-id"));
            edit.setDatabaseName(db);
            QVERIFY(edit.open());
            QSqlQuery q(edit);
            QVERIFY2(q.exec(QStringLiteral("UPDATE cases SET merchant_biz_id = '%1' WHERE case_id = '%2'")
                                .arg(legacyId, caseId)),
                qPrintable(q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("legacy-biz-id"));

        const QStringList retryArgs { QStringLiteral("verify"),
            QStringLiteral("--training"),
            QStringLiteral("--json"),
            QStringLiteral("--db"),
            db,
            QStringLiteral("--retry"),
            caseId };
        const Run again = run(retryArgs);
        QVERIFY2(again.exitCode == 9, (again.out + again.err).constData()); // the same name meets the same fault
        const QJsonObject retried = QJsonDocument::fromJson(again.out).object();
        QCOMPARE(retried.value(QStringLiteral("merchantBizId")).toString(), legacyId);
        QVERIFY(retried.value(QStringLiteral("caseId")).toString() != caseId);

        StoreFixture reader;
        QString skip;
        QVERIFY(reader.prepare(QStringLiteral("sqlite"), &skip));
        auto store = reader.open(nullptr, db);
        QVERIFY(store);
        QStringList kinds;
        QString revealReason;
        for (const AuditEvent& e : store->eventsForCase(StoreFixture::reader(), caseId).valueOr({})) {
            kinds << e.kind;
            if (e.kind == QLatin1String("pii_revealed"))
                revealReason = e.payloadObject().value(QStringLiteral("reason")).toString();
        }
        QCOMPARE(kinds.mid(kinds.size() - 2),
            QStringList({ QStringLiteral("pii_revealed"), QStringLiteral("reverify_link") }));
        QCOMPARE(revealReason, QStringLiteral("retry after an unknown outcome"));
        store.reset();

        // A case with an answer is not retried under its id.
        args = caseArgs(SandboxFixtures::people().first());
        args << QStringLiteral("--db") << db;
        const Run answered = run(args);
        QCOMPARE(answered.exitCode, 0);
        const QString answeredCase =
            QJsonDocument::fromJson(answered.out).object().value(QStringLiteral("caseId")).toString();
        QStringList refused = retryArgs;
        refused.last() = answeredCase;
        QCOMPARE(run(refused).exitCode, 3);
        refused << QStringLiteral("--name") << QStringLiteral("X");
        const Run contradictory = run(refused);
        QCOMPARE(contradictory.exitCode, 3);
        QVERIFY(contradictory.out.contains("--name"));
    }

    // Accounts from the command line: the owner adds the first supervisor, who adds the others; the roles decide what
    // each may do (exit 7, recorded), a failed sign-in exits 8, and a refused verification sends nothing.
    void accountsAndRoles()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        const auto accounts = [&](const QStringList& args, const QString& as = QString()) {
            QStringList all { QStringLiteral("accounts") };
            all << args << QStringLiteral("--db") << db;
            if (!as.isEmpty())
                all << QStringLiteral("--as") << as;
            return run(all);
        };
        const QString bossPassword = QStringLiteral("boss password 1");
        const QString annPassword = QStringLiteral("ann password 11");
        m_extraEnv.insert(QStringLiteral("EKYC_DESK_NEW_PASSWORD"), bossPassword);
        QCOMPARE(accounts({ QStringLiteral("add"),
                              QStringLiteral("--user"),
                              QStringLiteral("boss"),
                              QStringLiteral("--role"),
                              QStringLiteral("supervisor") })
                     .exitCode,
            0);
        m_extraEnv.insert(QStringLiteral("EKYC_DESK_NEW_PASSWORD"), annPassword);
        // Now the history has accounts: the owner may not add more.
        QCOMPARE(accounts({ QStringLiteral("add"),
                              QStringLiteral("--user"),
                              QStringLiteral("ann"),
                              QStringLiteral("--role"),
                              QStringLiteral("reviewer") })
                     .exitCode,
            8);
        m_extraEnv.insert(QStringLiteral("EKYC_DESK_PASSWORD"), bossPassword);
        QCOMPARE(accounts({ QStringLiteral("add"),
                              QStringLiteral("--user"),
                              QStringLiteral("ann"),
                              QStringLiteral("--role"),
                              QStringLiteral("reviewer") },
                     QStringLiteral("boss"))
                     .exitCode,
            0);
        QCOMPARE(accounts({ QStringLiteral("add"),
                              QStringLiteral("--user"),
                              QStringLiteral("aud"),
                              QStringLiteral("--role"),
                              QStringLiteral("auditor") },
                     QStringLiteral("boss"))
                     .exitCode,
            0);
        const Run listed = accounts({ QStringLiteral("list"), QStringLiteral("--json") }, QStringLiteral("boss"));
        QCOMPARE(listed.exitCode, 0);
        QCOMPARE(listed.out.count('\n'), 3);
        QVERIFY(!listed.out.contains(bossPassword.toUtf8()) && !listed.err.contains(annPassword.toUtf8()));

        m_extraEnv.insert(QStringLiteral("EKYC_DESK_PASSWORD"), annPassword);
        QCOMPARE(accounts({ QStringLiteral("list") }, QStringLiteral("ann")).exitCode, 7);
        QStringList asAnn = caseArgs(SandboxFixtures::people().first());
        asAnn << QStringLiteral("--db") << db << QStringLiteral("--user") << QStringLiteral("ann");
        QCOMPARE(run(asAnn).exitCode, 0);
        QStringList asAuditor = asAnn;
        asAuditor.last() = QStringLiteral("aud");
        m_extraEnv.insert(QStringLiteral("EKYC_DESK_PASSWORD"), QStringLiteral("not aud's password"));
        QCOMPARE(run(asAuditor).exitCode, 8);
        m_extraEnv.insert(QStringLiteral("EKYC_DESK_PASSWORD"), annPassword);
        QStringList anonymous = asAnn.mid(0, asAnn.size() - 2);
        QCOMPARE(run(anonymous).exitCode, 8);
        m_extraEnv.remove(QStringLiteral("EKYC_DESK_PASSWORD"));
        m_extraEnv.remove(QStringLiteral("EKYC_DESK_NEW_PASSWORD"));

        StoreFixture reader;
        QString skip;
        QVERIFY(reader.prepare(QStringLiteral("sqlite"), &skip));
        auto store = reader.open(nullptr, db);
        QVERIFY(store);
        QStringList kinds;
        QStringList actors;
        (void)store->forEachEvent([&](const AuditEvent& e) {
            kinds << e.kind;
            if (e.kind == QLatin1String("case_created"))
                actors << e.actor;
            return true;
        });
        QCOMPARE(actors, QStringList { QStringLiteral("ann") }); // one case: ann's; nothing from the others
        QCOMPARE(kinds.count(QStringLiteral("account_created")), 3);
        QCOMPARE(kinds.count(QStringLiteral("access_refused")), 1);
        QCOMPARE(kinds.count(QStringLiteral("login_failed")), 1);
    }

    // Training keeps its own history, beside its key file (0600), read back with history --training; the live
    // history never sees the fictitious case.
    void trainingKeepsItsOwnHistory()
    {
        const Run verified = run(caseArgs(SandboxFixtures::people().first()));
        QVERIFY2(verified.exitCode == 0, (verified.out + verified.err).constData());
        const QByteArray caseId =
            QJsonDocument::fromJson(verified.out).object().value(QStringLiteral("caseId")).toString().toLatin1();
        QVERIFY(!caseId.isEmpty());
        const Run training = run({ QStringLiteral("history"), QStringLiteral("--training"), QStringLiteral("--json") });
        QVERIFY2(training.exitCode == 0, training.err.constData());
        QVERIFY(training.out.contains(caseId));
        QVERIFY(training.out.contains("\"actor\":\"trainee\""));
        const Run live = run({ QStringLiteral("history"), QStringLiteral("--json") });
        QVERIFY(!live.out.contains(caseId));
        const QString key =
            QDir(m_home.path()).filePath(QStringLiteral("data/eKYC Desk/ekyc-desk/training-history.sqlite.key"));
        QVERIFY2(QFileInfo::exists(key), qPrintable(key));
        QCOMPARE(QFileInfo(key).permissions()
                & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFileDevice::Permissions());
    }

    // The training sandbox's certificates load while the history opens (and the desk's window is painted): when they
    // cannot, the verification still stops before anything is recorded or sent, with its own exit code and message.
    void sandboxThatCannotStartSaysSo()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString appData = QDir(home.path()).filePath(QStringLiteral("data/eKYC Desk/ekyc-desk"));
        QVERIFY(QDir().mkpath(appData));
        QFile blocker(QDir(appData).filePath(QStringLiteral("sandbox"))); // a file where the folder belongs
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const Run r = CliRun::run(caseArgs(SandboxFixtures::people().first()), home.path(), m_extraEnv);
        QVERIFY2(r.exitCode == 3, (r.out + r.err).constData());
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QVERIFY(json.value(QStringLiteral("refused")).toBool());
        const QString message = json.value(QStringLiteral("message")).toString();
        QVERIFY2(message.startsWith(QStringLiteral("The training sandbox could not start")), qPrintable(message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(blocker.fileName())), qPrintable(message));
        QVERIFY(!json.contains(QStringLiteral("caseId")));
        // Once the folder can be made, the same call works.
        QVERIFY(QFile::remove(blocker.fileName()));
        const Run again = CliRun::run(caseArgs(SandboxFixtures::people().first()), home.path(), m_extraEnv);
        QVERIFY2(again.exitCode == 0, (again.out + again.err).constData());
    }

    void auditorMayNotVerify()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        {
            StoreFixture fx;
            QString skip;
            QVERIFY(fx.prepare(QStringLiteral("sqlite"), &skip));
            auto store = fx.open(nullptr, db);
            QVERIFY(store);
            const Actor owner { QStringLiteral("owner"), QStringLiteral("supervisor"), QStringLiteral("ws") };
            QVERIFY(store->createAccount(
                owner, QStringLiteral("boss"), QStringLiteral("supervisor"), QStringLiteral("boss password 1")));
            const Actor boss =
                store->signIn(QStringLiteral("boss"), QStringLiteral("boss password 1"), QStringLiteral("ws"))
                    .valueOr({});
            QVERIFY(store->createAccount(
                boss, QStringLiteral("aud"), QStringLiteral("auditor"), QStringLiteral("aud password 11")));
        }
        m_extraEnv.insert(QStringLiteral("EKYC_DESK_PASSWORD"), QStringLiteral("aud password 11"));
        QStringList args = caseArgs(SandboxFixtures::people().first());
        args << QStringLiteral("--db") << db << QStringLiteral("--user") << QStringLiteral("aud");
        const Run refused = run(args);
        m_extraEnv.remove(QStringLiteral("EKYC_DESK_PASSWORD"));
        QVERIFY2(refused.exitCode == 7, (refused.out + refused.err).constData());
        QVERIFY(refused.out.contains("auditor"));
        StoreFixture fx;
        QString skip;
        QVERIFY(fx.prepare(QStringLiteral("sqlite"), &skip));
        auto store = fx.open(nullptr, db);
        QVERIFY(store);
        QStringList kinds;
        (void)store->forEachEvent([&](const AuditEvent& e) {
            kinds << e.kind;
            return true;
        });
        QVERIFY(!kinds.contains(QStringLiteral("case_created")));
        QCOMPARE(kinds.last(), QStringLiteral("access_refused"));
    }

    // audit checkpoints: shows the interval, changes it (a bad value is exit 3 naming --every, nothing written), and
    // audit verify reports the interval in force.
    void auditCheckpointsCommand_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says"); // on stdout for 0, stderr otherwise
        QTest::addColumn<int>("inForce"); // as audit verify then reports it
        QTest::newRow("show") << QStringList() << 0 << QStringLiteral("every 1000 events.") << 1000;
        QTest::newRow("change") << QStringList { QStringLiteral("--every"), QStringLiteral("50") } << 0
                                << QStringLiteral("every 50 events from now on (it was every 1000)") << 50;
        QTest::newRow("unchanged") << QStringList { QStringLiteral("--every"), QStringLiteral("1000") } << 0
                                   << QStringLiteral("every 1000 events.") << 1000;
        QTest::newRow("too small") << QStringList { QStringLiteral("--every"), QStringLiteral("9") } << 3
                                   << QStringLiteral("--every: expected a number of events from 10 to 100000") << 1000;
        QTest::newRow("not a number") << QStringList { QStringLiteral("--every"), QStringLiteral("ten") } << 3
                                      << QStringLiteral("--every:") << 1000;
    }

    void auditCheckpointsCommand()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        QFETCH(int, inForce);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        QStringList args = caseArgs(SandboxFixtures::people().first());
        args << QStringLiteral("--db") << db;
        QCOMPARE(run(args).exitCode, 0);
        const Run shown = run(
            QStringList { QStringLiteral("audit"), QStringLiteral("checkpoints"), QStringLiteral("--db"), db } + extra);
        QCOMPARE(shown.exitCode, exitCode);
        const QByteArray text = exitCode == 0 ? shown.out : shown.err;
        QVERIFY2(text.contains(says.toUtf8()), (shown.out + shown.err).constData());
        const Run verified = run({ QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db });
        QCOMPARE(verified.exitCode, 0);
        QVERIFY2(verified.out.contains(QStringLiteral("(one every %1 events)").arg(inForce).toUtf8()),
            verified.out.constData());
    }

    void casesAreRecordedInTheHistory()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        const SandboxFixtures::Person person = SandboxFixtures::people().first();
        QStringList args = caseArgs(person);
        args << QStringLiteral("--db") << db;
        QCOMPARE(run(args).exitCode, 0);
        SandboxFixtures::Person failing = person;
        failing.docName = SandboxFixtures::accountDenied;
        args = caseArgs(failing);
        args << QStringLiteral("--db") << db;
        QCOMPARE(run(args).exitCode, 4);

        const Run history = run({ QStringLiteral("history"), QStringLiteral("--db"), db, QStringLiteral("--json") });
        QCOMPARE(history.exitCode, 0);
        // Masked only: neither the full ID number nor the full name appears.
        QVERIFY(!history.out.contains(person.docNo.toUtf8()));
        QVERIFY(!history.out.contains(person.docName.toUtf8()));
        QVERIFY(history.out.contains(person.docNo.left(4).toUtf8()));
        QCOMPARE(history.out.count('\n'), 2);

        const Run audit = run({ QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db });
        QVERIFY2(audit.exitCode == 0, (audit.out + audit.err).constData());
        QVERIFY(audit.out.startsWith("OK"));

        // The head exported as an anchor still verifies after more events; then the retention purge erases the
        // personal data, the masked forms go, the chain still verifies against the anchor.
        const QString anchor = dir.filePath(QStringLiteral("anchor.json"));
        QCOMPARE(run({ QStringLiteral("audit"),
                         QStringLiteral("head"),
                         QStringLiteral("--db"),
                         db,
                         QStringLiteral("--out"),
                         anchor })
                     .exitCode,
            0);
        const Run purge = run({ QStringLiteral("audit"),
            QStringLiteral("purge"),
            QStringLiteral("--db"),
            db,
            QStringLiteral("--older-than"),
            QStringLiteral("-1") });
        QCOMPARE(purge.exitCode, 3);
        QVERIFY(purge.err.contains("--older-than"));
        const Run kept = run({ QStringLiteral("audit"),
            QStringLiteral("purge"),
            QStringLiteral("--db"),
            db,
            QStringLiteral("--older-than"),
            QStringLiteral("30") });
        QCOMPARE(kept.exitCode, 0);
        QVERIFY2(kept.out.contains(" 0 case"), kept.out.constData()); // today's cases are younger than 30 days
        QCOMPARE(run({ QStringLiteral("audit"),
                         QStringLiteral("verify"),
                         QStringLiteral("--db"),
                         db,
                         QStringLiteral("--anchor"),
                         anchor })
                     .exitCode,
            0);

        // A wrong passphrase is a clear error and sends nothing.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        qputenv("EKYC_DESK_PASSPHRASE", "wrong");
        const Run wrong = run(args);
        qputenv("EKYC_DESK_PASSPHRASE", env.value(QStringLiteral("EKYC_DESK_PASSPHRASE")).toUtf8());
        QCOMPARE(wrong.exitCode, 6);
        QVERIFY(wrong.out.contains("passphrase"));
    }

    // The --db help never suggests a password in the URL; a --db URL that carries one is refused (exit 3), saying that
    // every process list shows it (and the password itself is never printed).
    void dbPasswordIsRefused_data()
    {
        QTest::addColumn<QString>("db");
        QTest::addColumn<bool>("warned");
        QTest::newRow("password in the URL")
            << QStringLiteral("postgresql://ekyc:pw-marker-7d1e@127.0.0.1:1/none") << true;
        QTest::newRow("no password") << QStringLiteral("postgresql://ekyc@127.0.0.1:1/none") << false;
        // A server elsewhere over a connection that does not verify it: refused before anything is tried.
        QTest::newRow("password, remote, sslmode=require")
            << QStringLiteral("postgresql://ekyc:pw-marker-7d1e@192.0.2.1:1/none?sslmode=require") << true;
        QTest::newRow("SQLite file") << QStringLiteral("/nonexistent/history.sqlite") << false;
    }
    void dbPasswordIsRefused()
    {
        QFETCH(QString, db);
        QFETCH(bool, warned);
        const Run r = run({ QStringLiteral("history"), QStringLiteral("--db"), db });
        QCOMPARE(r.exitCode, warned ? 3 : 6); // refused, or nothing answers there
        QCOMPARE(r.err.contains("process list") || r.err.contains("sslmode=require does not verify"), warned);
        QVERIFY(!(r.out + r.err).contains("pw-marker-7d1e"));
        const Run help = run({ QStringLiteral("history"), QStringLiteral("--help") });
        QVERIFY(help.out.contains("PGPASSWORD"));
        QVERIFY(!help.out.contains("user:password"));
    }

    // An anchor is confirmed only by the event it names: a made-up one (seq 0 with another hash than the empty
    // history's, a seq beyond the head, a hash that is not the event's) is reported as not found and exits 1.
    void bogusAnchorIsNeverConfirmed_data()
    {
        QTest::addColumn<QString>("what"); // how the genuine anchor is changed
        QTest::addColumn<bool>("keepSignature"); // false: made an unsigned (format 1) anchor, as older versions wrote
        QTest::addColumn<int>("exitCode");
        QTest::newRow("genuine") << QString() << true << 0;
        QTest::newRow("genuine, unsigned") << QString() << false << 0;
        QTest::newRow("seq 0, hash ff...") << QStringLiteral("zero") << false << 1;
        QTest::newRow("seq beyond the head") << QStringLiteral("beyond") << false << 1;
        QTest::newRow("hash not the event's") << QStringLiteral("hash") << false << 1;
        QTest::newRow("another event's seq") << QStringLiteral("first") << false << 1;
        // A signed anchor changed in any way no longer matches its signature: reported as altered.
        QTest::newRow("signed: seq 0, hash ff...") << QStringLiteral("zero") << true << 1;
        QTest::newRow("signed: another event's seq") << QStringLiteral("first") << true << 1;
        QTest::newRow("signed: hash not the event's") << QStringLiteral("hash") << true << 1;
    }
    void bogusAnchorIsNeverConfirmed()
    {
        QFETCH(QString, what);
        QFETCH(bool, keepSignature);
        QFETCH(int, exitCode);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        QStringList args = caseArgs(SandboxFixtures::people().first());
        args << QStringLiteral("--db") << db;
        QCOMPARE(run(args).exitCode, 0);
        const QString file = dir.filePath(QStringLiteral("anchor.json"));
        QCOMPARE(run({ QStringLiteral("audit"),
                         QStringLiteral("head"),
                         QStringLiteral("--db"),
                         db,
                         QStringLiteral("--out"),
                         file })
                     .exitCode,
            0);
        QFile anchorFile(file);
        QVERIFY(anchorFile.open(QIODevice::ReadOnly));
        QJsonObject anchor = QJsonDocument::fromJson(anchorFile.readAll()).object();
        anchorFile.close();
        const qint64 seq = anchor.value(QStringLiteral("seq")).toInteger();
        QVERIFY(seq > 1);
        QCOMPARE(anchor.value(QStringLiteral("format")).toString(), QStringLiteral("ekyc-desk-anchor/2"));
        if (!keepSignature) {
            for (const char* key : { "publicKey", "keyFingerprint", "signature" })
                anchor.remove(QLatin1String(key));
            anchor.insert(QStringLiteral("format"), QStringLiteral("ekyc-desk-anchor/1"));
        }
        if (what == QLatin1String("zero")) {
            anchor.insert(QStringLiteral("seq"), 0);
            anchor.insert(QStringLiteral("hash"), QString(64, u'f'));
        } else if (what == QLatin1String("beyond")) {
            anchor.insert(QStringLiteral("seq"), seq + 100);
        } else if (what == QLatin1String("hash")) {
            anchor.insert(QStringLiteral("hash"), QString(64, u'f'));
        } else if (what == QLatin1String("first")) {
            anchor.insert(QStringLiteral("seq"), 1);
        }
        QVERIFY(anchorFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        anchorFile.write(QJsonDocument(anchor).toJson());
        anchorFile.close();

        const Run verified = run({ QStringLiteral("audit"),
            QStringLiteral("verify"),
            QStringLiteral("--db"),
            db,
            QStringLiteral("--anchor"),
            file });
        QVERIFY2(verified.exitCode == exitCode, (verified.out + verified.err).constData());
        QCOMPARE(verified.out.contains("confirmed"), exitCode == 0);
        QCOMPARE(verified.out.startsWith("BROKEN"), exitCode != 0);
        if (keepSignature && exitCode != 0)
            QVERIFY2(verified.out.contains("the anchor file was altered"), verified.out.constData());
    }

    // The live path (credentials from the environment, a custom endpoint, an extra CA file) against a sandbox run
    // by this test: the AccessKey secret appears in no output and in no byte of the history.
    void liveCredentialsNeverLeak()
    {
        QTemporaryDir dir;
        SandboxServer sandbox;
        QVERIFY2(sandbox.start(0, dir.filePath(QStringLiteral("sandbox"))), qPrintable(sandbox.errorString()));
        const Credentials training = Credentials::training();
        const QByteArray secret = training.secretForSigning();
        m_extraEnv = { { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), training.accessKeyId() },
            { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QString::fromUtf8(secret) } };
        const QString db = dir.filePath(QStringLiteral("history.sqlite"));
        QStringList args = caseArgs(SandboxFixtures::people().first());
        args.removeAll(QStringLiteral("--training"));
        args << QStringLiteral("--endpoint") << sandbox.url().toString() << QStringLiteral("--ca-file")
             << sandbox.caCertificatePath() << QStringLiteral("--db") << db;
        const Run live = run(args);
        const Run untrusted = run(args.mid(0, args.size() - 4) << QStringLiteral("--db") << db);
        const Run dry = run(args << QStringLiteral("--dry-run"));
        m_extraEnv.clear();

        QVERIFY2(live.exitCode == 0, (live.out + live.err).constData());
        QCOMPARE(QJsonDocument::fromJson(live.out).object().value(QStringLiteral("subCode")).toString(),
            QStringLiteral("200"));
        // The source of the key, by name, and its id masked: never the secret.
        QCOMPARE(QJsonDocument::fromJson(live.out).object().value(QStringLiteral("credentialSource")).toString(),
            QStringLiteral("environment variables"));
        QCOMPARE(QJsonDocument::fromJson(live.out).object().value(QStringLiteral("accessKeyId")).toString(),
            training.maskedKeyId());
        // Without the extra CA the sandbox's certificate is not trusted: a TLS error, never a silent success.
        QCOMPARE(untrusted.exitCode, 5);
        QCOMPARE(dry.exitCode, 0);
        for (const Run& r : { live, untrusted, dry }) {
            QVERIFY(!r.out.contains(secret));
            QVERIFY(!r.err.contains(secret));
        }
        QDirIterator files(dir.path(), QDir::Files, QDirIterator::Subdirectories);
        int checked = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(secret), qPrintable(file.fileName()));
            ++checked;
        }
        QVERIFY(checked >= 2); // the history and the sandbox's certificates at least
    }

    // `sandbox` on its own, as other clients use it: it prints its URL, CA file and the training AccessKey, and a
    // live-mode verify given exactly those gets its answer.
    void standaloneSandboxServesOtherClients()
    {
        QTemporaryDir dir;
        QProcess sandbox;
        sandbox.start(QStringLiteral(EKYC_CLI_PATH),
            { QStringLiteral("sandbox"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("ca")) });
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += sandbox.readAllStandardOutput()).count('\n') >= 4, 20000);
        const QList<QByteArray> lines = banner.split('\n');
        const QString url = QString::fromUtf8(lines.at(0).mid(lines.at(0).indexOf("https://")));
        const QString caFile = QString::fromUtf8(lines.at(1).mid(lines.at(1).indexOf(':') + 2));
        const QString keyId = QString::fromUtf8(lines.at(2).mid(lines.at(2).lastIndexOf(' ') + 1));
        const QString secret = QString::fromUtf8(lines.at(3).mid(lines.at(3).lastIndexOf(' ') + 1));
        QVERIFY2(url.startsWith(QLatin1String("https://127.0.0.1:")), banner.constData());
        QVERIFY(QFile::exists(caFile));
        QCOMPARE(keyId, Credentials::training().accessKeyId());

        m_extraEnv = { { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), keyId },
            { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret } };
        QStringList args = caseArgs(SandboxFixtures::people().at(1));
        args.removeAll(QStringLiteral("--training"));
        args << QStringLiteral("--endpoint") << url << QStringLiteral("--ca-file") << caFile << QStringLiteral("--db")
             << dir.filePath(QStringLiteral("history.sqlite"));
        const Run r = run(args);
        m_extraEnv.clear();
        sandbox.kill();
        sandbox.waitForFinished();
        QVERIFY2(r.exitCode == 0, (r.out + r.err).constData());
        QCOMPARE(
            QJsonDocument::fromJson(r.out).object().value(QStringLiteral("subCode")).toString(), QStringLiteral("200"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        const QString missing = m_home.filePath(QStringLiteral("no/such/history.sqlite"));
        QTest::newRow("unknown option") << QStringList { QStringLiteral("verify"), QStringLiteral("--bogus") } << 3
                                        << QByteArray("bogus");
        QTest::newRow("extra argument") << (caseArgs(SandboxFixtures::people().first()) << QStringLiteral("extra")) << 3
                                        << QByteArray("extra");
        QTest::newRow("history of a mistyped path")
            << QStringList { QStringLiteral("history"), QStringLiteral("--db"), missing } << 6
            << QByteArray("no history");
        QTest::newRow("anchor of a mistyped path")
            << QStringList { QStringLiteral("audit"), QStringLiteral("head"), QStringLiteral("--db"), missing } << 6
            << QByteArray("no history");
        QTest::newRow("purge of a mistyped path")
            << QStringList { QStringLiteral("audit"), QStringLiteral("purge"), QStringLiteral("--db"), missing } << 6
            << QByteArray("no history");
        QTest::newRow("a value given twice")
            << (caseArgs(SandboxFixtures::people().first()) << QStringLiteral("--name") << QStringLiteral("李华")) << 3
            << QByteArray("--name is given more than once");
        QTest::newRow("--db: a remote server, unverified TLS")
            << QStringList { QStringLiteral("history"),
                   QStringLiteral("--db"),
                   QStringLiteral("postgresql://ekyc@192.0.2.1:1/none?sslmode=prefer") }
            << 3 << QByteArray("--db: The PostgreSQL server 192.0.2.1 is not on this machine");
        QTest::newRow("--db: not a history location")
            << QStringList { QStringLiteral("history"), QStringLiteral("--db"), QStringLiteral("mysql://db/x") } << 3
            << QByteArray("--db: The history location must be");
        QTest::newRow("an empty --db") << (caseArgs(SandboxFixtures::people().first())
            << QStringLiteral("--db") << QString())
                                       << 3 << QByteArray("--db: give a history file");
        QTest::newRow("--training with --endpoint") << (caseArgs(SandboxFixtures::people().first())
            << QStringLiteral("--endpoint") << QStringLiteral("https://127.0.0.1:1/"))
                                                    << 3 << QByteArray("leave out --endpoint");
        QTest::newRow("seed without --db") << QStringList {
            QStringLiteral("dev"), QStringLiteral("seed"), QStringLiteral("--events"), QStringLiteral("10")
        } << 3 << QByteArray("--db");
        // An empty value is not the default (an unset variable in a script), and every value names its option.
        const QString none;
        const auto args = [](std::initializer_list<const char*> list) {
            QStringList out;
            for (const char* a : list)
                out << QString::fromUtf8(a);
            return out;
        };
        const QStringList person = caseArgs(SandboxFixtures::people().first());
        QTest::newRow("an empty --endpoint") << (QStringList(person) << QStringLiteral("--endpoint") << none) << 3
                                             << QByteArray("--endpoint: give a value");
        QTest::newRow("an empty --ca-file")
            << (args({ "test-connection", "--ca-file" }) << none) << 3 << QByteArray("--ca-file: give a value");
        QTest::newRow("an empty --out") << (args({ "batch", "--in", "cases.csv", "--out" }) << none) << 3
                                        << QByteArray("--out: give a value");
        QTest::newRow("an empty --from") << (args({ "export", "--what", "events", "--out", "e.jsonl", "--db" })
            << missing << QStringLiteral("--from") << none)
                                         << 3 << QByteArray("--from: give a value");
        QTest::newRow("a password in --db")
            << args({ "history", "--db", "postgresql://ekyc:pw-marker@127.0.0.1:1/none" }) << 3
            << QByteArray("--db: the URL carries a password");
        QTest::newRow("a password in --endpoint, with --training") << (QStringList(person)
            << QStringLiteral("--endpoint") << QStringLiteral("https://ak:pw-marker/x@h.example.test/"))
                                                                   << 3 << QByteArray("leave out --endpoint");
        QTest::newRow("a password with a slash, in an invalid endpoint")
            << args({ "test-connection", "--endpoint", "https://ak:pw-marker/x@h.example.test:port/" }) << 3
            << QByteArray("is not a valid URL");
        QTest::newRow("--training with --ca-file") << (QStringList(person)
            << QStringLiteral("--ca-file") << QStringLiteral("/etc/ssl/certs/ca-certificates.crt"))
                                                   << 3 << QByteArray("leave out --ca-file");
        QTest::newRow("an account with an unknown role")
            << (args({ "accounts", "add", "--user", "bob", "--role", "admin", "--db" }) << missing) << 3
            << QByteArray("--role: \"admin\" is not a role");
        QTest::newRow("an SLA that is not a number") << (args({ "review", "policy", "--sla-hours", "24h", "--db" })
            << missing) << 3 << QByteArray("--sla-hours: \"24h\"");
        QTest::newRow("a seed batch that is not a number")
            << (args({ "dev", "seed", "--events", "10", "--batch", "abc", "--db" }) << missing) << 3
            << QByteArray("--batch needs a positive number");
        QTest::newRow("history with an argument")
            << (args({ "history", "list", "--db" }) << missing) << 3 << QByteArray("Unexpected argument: list");
        QTest::newRow("a review of two cases") << (args({ "review", "claim", "c-1", "c-2", "--db" }) << missing) << 3
                                               << QByteArray("Unexpected argument: c-2");
        QTest::newRow("a case state that is none")
            << (args({ "export", "--what", "cases", "--filter", "state=complete", "--out", "c.csv", "--db" })
                   << missing)
            << 3 << QByteArray("The filter state cannot be \"complete\"");
        QTest::newRow("--retry with --scene") << args({ "verify", "--retry", "c-1", "--scene", "SCENE1" }) << 3
                                              << QByteArray("--scene cannot be given with it");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const Run r = run(arguments);
        QVERIFY2(r.exitCode == exitCode, (r.out + r.err).constData());
        QVERIFY2(r.err.contains(message) || r.out.contains(message), (r.out + r.err).constData());
        QVERIFY(!QFile::exists(m_home.filePath(QStringLiteral("no/such/history.sqlite"))));
        QVERIFY2(!(r.out + r.err).contains("pw-marker"), (r.out + r.err).constData()); // never a password
    }

    void seedOnlyIntoANewHistory()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("seeded.sqlite"));
        const QStringList seed { QStringLiteral("dev"),
            QStringLiteral("seed"),
            QStringLiteral("--events"),
            QStringLiteral("40"),
            QStringLiteral("--db"),
            db };
        QCOMPARE(run(seed).exitCode, 0);
        QCOMPARE(QFile::permissions(db) & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        const Run again = run(seed);
        QCOMPARE(again.exitCode, 3);
        QVERIFY(again.err.contains("already holds cases"));
        QCOMPARE(run({ QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), db }).exitCode, 0);
    }

    // The long-term value has one rule, the setting's: a bad stored setting reads as 长期 with a warning, a bad
    // --long-term-value is refused (exit 3).
    void longTermValueHasOneRule_data()
    {
        QTest::addColumn<QString>("stored"); // in the settings file; empty: not set
        QTest::addColumn<QString>("option"); // --long-term-value; empty: not given
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("sent"); // ValidityEndDate in the signed body
        QTest::addColumn<QByteArray>("message");
        const QByteArray chinese = QUrl::toPercentEncoding(QString::fromUtf8("长期"));
        QTest::newRow("default") << QString() << QString() << 0 << chinese << QByteArray();
        QTest::newRow("setting long-term")
            << QStringLiteral("long-term") << QString() << 0 << QByteArray("long-term") << QByteArray();
        QTest::newRow("garbage setting") << QStringLiteral("forever") << QString() << 0 << chinese
                                         << QByteArray("Setting api/longTermValue holds \"forever\"");
        QTest::newRow("option over garbage setting")
            << QStringLiteral("forever") << QStringLiteral("long-term") << 0 << QByteArray("long-term") << QByteArray();
        QTest::newRow("garbage option") << QString() << QStringLiteral("forever") << 3 << QByteArray()
                                        << QByteArray("--long-term-value");
    }

    void longTermValueHasOneRule()
    {
        QFETCH(QString, stored);
        QFETCH(QString, option);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, sent);
        QFETCH(QByteArray, message);
        const QString ini = m_home.filePath(QStringLiteral("config/eKYC Desk/ekyc-desk.conf"));
        const auto removeIni = qScopeGuard([&] { QFile::remove(ini); });
        if (!stored.isEmpty()) {
            QVERIFY(QDir().mkpath(QFileInfo(ini).absolutePath()));
            QFile file(ini);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[api]\nlongTermValue=" + stored.toUtf8() + '\n');
        }
        SandboxFixtures::Person longTerm;
        for (const SandboxFixtures::Person& p : SandboxFixtures::people()) {
            if (p.isLongTerm())
                longTerm = p;
        }
        QStringList args = caseArgs(longTerm) << QStringLiteral("--dry-run");
        if (!option.isEmpty())
            args << QStringLiteral("--long-term-value") << option;
        const Run r = run(args);
        QVERIFY2(r.exitCode == exitCode, (r.out + r.err).constData());
        QVERIFY2((r.out + r.err).contains(message), (r.out + r.err).constData());
        if (exitCode != 0)
            return;
        const QString body = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("body")).toString();
        QVERIFY2(body.contains(QStringLiteral("ValidityEndDate=") + QString::fromLatin1(sent)), qPrintable(body));
    }

    // A file that exists but is no history is never taken over: exit 6, a clear error, not a byte written.
    void fileThatIsNoHistoryIsLeftAlone_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QByteArray>("content");
        const QStringList history { QStringLiteral("history") };
        const QStringList verify = caseArgs(SandboxFixtures::people().first());
        const QStringList auditVerify { QStringLiteral("audit"), QStringLiteral("verify") };
        const QStringList purge { QStringLiteral("audit"), QStringLiteral("purge") };
        const QByteArray text("Reviewer notes, not a database.\n");
        QTest::newRow("history, empty file") << history << QByteArray();
        QTest::newRow("verify, empty file") << verify << QByteArray();
        QTest::newRow("audit verify, empty file") << auditVerify << QByteArray();
        QTest::newRow("audit purge, empty file") << purge << QByteArray();
        QTest::newRow("history, text file") << history << text;
        QTest::newRow("verify, text file") << verify << text;
    }

    void fileThatIsNoHistoryIsLeftAlone()
    {
        QFETCH(QStringList, command);
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("empty.sqlite"));
        {
            QFile file(db);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(content), content.size());
        }
        const Run r = run(command << QStringLiteral("--db") << db);
        QVERIFY2(r.exitCode == 6, (r.out + r.err).constData());
        QVERIFY2((r.out + r.err).contains("is not an eKYC Desk history"), (r.out + r.err).constData());
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.size(), content.size());
        QCOMPARE(file.readAll(), content);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("empty.sqlite") });
    }

    // A history that opens but whose cases cannot be read says so and exits 6, never "(no cases yet)".
    void historyThatCannotReadItsCasesSaysSo()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("seeded.sqlite"));
        QCOMPARE(run({ QStringLiteral("dev"),
                         QStringLiteral("seed"),
                         QStringLiteral("--events"),
                         QStringLiteral("20"),
                         QStringLiteral("--db"),
                         db })
                     .exitCode,
            0);
        // The cases table loses a column the listing reads; the keys and the chain are untouched.
        const QString connection = QStringLiteral("test-cli-damage");
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            raw.setDatabaseName(db);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY2(q.exec(QStringLiteral("ALTER TABLE cases RENAME COLUMN name_masked TO name_hidden")),
                qPrintable(q.lastError().text()));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(connection);
        for (const QStringList& extra : { QStringList(), QStringList { QStringLiteral("--json") } }) {
            const Run r = run(QStringList { QStringLiteral("history"), QStringLiteral("--db"), db } + extra);
            QVERIFY2(r.exitCode == 6, (r.out + r.err).constData());
            QVERIFY2(r.err.contains("Cannot read the history"), r.err.constData());
            QVERIFY2(r.out.isEmpty(), r.out.constData());
        }
    }

    void helpDocumentsExitCodes()
    {
        const Run r = run({ QStringLiteral("verify"), QStringLiteral("--help") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--dry-run"));
        QVERIFY(r.out.contains("3 refused locally"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
