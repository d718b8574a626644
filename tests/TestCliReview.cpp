#include "CliRun.h"
#include "StoreFixture.h"
#include "TeamHistory.h"

#include "sandbox/SandboxFixtures.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

// `ekyc-desk-cli review` as scripts use it: a real process on a team history, each step signed in as one of the
// team; a refused transition exits 7 with the reason, bad input 3.
class TestCliReview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QTemporaryDir m_dir;
    QString m_db;
    QString m_caseId;

    CliRun review(const QString& who, QStringList args)
    {
        args.prepend(QStringLiteral("review"));
        args << QStringLiteral("--db") << m_db << QStringLiteral("--user") << who;
        return CliRun::run(args, m_home.path(), { { QStringLiteral("EKYC_DESK_PASSWORD"), TeamHistory::password() } });
    }

    static QJsonObject lastObject(const QByteArray& out)
    {
        const QList<QByteArray> lines = out.trimmed().split('\n');
        return QJsonDocument::fromJson(lines.last()).object();
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("team.sqlite"));
        StoreFixture fx;
        QString skip;
        QVERIFY(fx.prepare(QStringLiteral("sqlite"), &skip));
        auto store = fx.open(nullptr, m_db);
        QVERIFY(store);
        std::optional<TeamHistory> team = TeamHistory::build(*store, 0);
        QVERIFY(team);
        const Actor& reviewer = team->actors.at(QStringLiteral("reviewer"));
        const Result<QString> id = store->createCase(reviewer, TeamHistory::record(1));
        QVERIFY(id);
        QVERIFY(store->completeCase(reviewer,
            *id,
            StoreFixture::completion(QLatin1String(CaseState::completed), false, QStringLiteral("202"))));
        m_caseId = *id;
    }

    // One flow, step by step: who, the arguments (CASE stands for the case id) and the exit code.
    void flow()
    {
        const std::vector<std::tuple<const char*, QStringList, int>> steps = {
            { "auditor", { QStringLiteral("open"), QStringLiteral("CASE") }, 7 },
            { "reviewer",
                { QStringLiteral("open"),
                    QStringLiteral("CASE"),
                    QStringLiteral("--note"),
                    QStringLiteral("asked to confirm every character") },
                0 },
            { "reviewer", { QStringLiteral("open"), QStringLiteral("CASE") }, 7 },
            { "other", { QStringLiteral("claim"), QStringLiteral("CASE") }, 0 },
            { "other",
                { QStringLiteral("propose"),
                    QStringLiteral("CASE"),
                    QStringLiteral("--decision"),
                    QStringLiteral("approve"),
                    QStringLiteral("--reason"),
                    QStringLiteral("no_such_code"),
                    QStringLiteral("--note"),
                    QStringLiteral("n") },
                3 },
            { "other",
                { QStringLiteral("propose"),
                    QStringLiteral("CASE"),
                    QStringLiteral("--decision"),
                    QStringLiteral("approve"),
                    QStringLiteral("--reason"),
                    QStringLiteral("document_seen_data_correct") },
                3 },
            { "other",
                { QStringLiteral("propose"),
                    QStringLiteral("CASE"),
                    QStringLiteral("--decision"),
                    QStringLiteral("approve"),
                    QStringLiteral("--reason"),
                    QStringLiteral("document_seen_data_correct"),
                    QStringLiteral("--note"),
                    QStringLiteral("card renewed in May, seen in person") },
                0 },
            { "other", { QStringLiteral("approve"), QStringLiteral("CASE") }, 7 },
            { "supervisor", { QStringLiteral("approve"), QStringLiteral("CASE") }, 0 },
            { "supervisor", { QStringLiteral("approve"), QStringLiteral("CASE") }, 7 },
            { "other",
                { QStringLiteral("note"), QStringLiteral("CASE"), QStringLiteral("--note"), QStringLiteral("late") },
                7 },
            { "reviewer",
                { QStringLiteral("reopen"),
                    QStringLiteral("CASE"),
                    QStringLiteral("--reason"),
                    QStringLiteral("why not") },
                7 },
            { "supervisor", { QStringLiteral("reopen"), QStringLiteral("CASE") }, 3 },
            { "supervisor",
                { QStringLiteral("reopen"),
                    QStringLiteral("CASE"),
                    QStringLiteral("--reason"),
                    QStringLiteral("the person sent a new card") },
                0 },
            { "reviewer", { QStringLiteral("claim") }, 3 },
            { "reviewer", { QStringLiteral("policy"), QStringLiteral("--four-eyes"), QStringLiteral("off") }, 7 },
            { "supervisor", { QStringLiteral("policy"), QStringLiteral("--four-eyes"), QStringLiteral("maybe") }, 3 },
        };
        for (const auto& [who, args, exitCode] : steps) {
            QStringList withCase = args;
            withCase.replaceInStrings(QStringLiteral("CASE"), m_caseId);
            const CliRun r = review(QLatin1String(who), withCase);
            const QString line =
                QStringLiteral("%1 %2: %3").arg(QLatin1String(who), args.join(u' '), QString::fromUtf8(r.err));
            QVERIFY2(r.exitCode == exitCode, qPrintable(line + QStringLiteral(" exit %1").arg(r.exitCode)));
            if (exitCode != 0)
                QVERIFY2(!r.err.trimmed().isEmpty(), qPrintable(line)); // the reason is said
        }
        const CliRun queue = review(QStringLiteral("reviewer"),
            { QStringLiteral("queue"),
                QStringLiteral("--json"),
                QStringLiteral("--state"),
                QStringLiteral("reopened") });
        QCOMPARE(queue.exitCode, 0);
        QCOMPARE(lastObject(queue.out).value(QStringLiteral("caseId")).toString(), m_caseId);
        QCOMPARE(queue.out.count('\n'), 1);
    }

    // review show: the timeline, masked, with notes, decisions and chain positions.
    void show()
    {
        const CliRun r =
            review(QStringLiteral("supervisor"), { QStringLiteral("show"), m_caseId, QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = lastObject(r.out);
        const QJsonArray timeline = o.value(QStringLiteral("timeline")).toArray();
        QStringList kinds;
        QStringList notes;
        qint64 lastSeq = 0;
        for (const QJsonValue& v : timeline) {
            const QJsonObject e = v.toObject();
            kinds << e.value(QStringLiteral("kind")).toString();
            notes << e.value(QStringLiteral("note")).toString();
            QVERIFY(e.value(QStringLiteral("seq")).toInteger() > lastSeq);
            lastSeq = e.value(QStringLiteral("seq")).toInteger();
        }
        QCOMPARE(kinds.count(QStringLiteral("review_action")), 5); // open, claim, propose, approve, reopen
        QVERIFY(notes.contains(QStringLiteral("card renewed in May, seen in person")));
        QVERIFY(notes.contains(QStringLiteral("the person sent a new card")));
        const QByteArray name = SandboxFixtures::people().first().docName.toUtf8();
        QVERIFY(!r.out.contains(name));
        QCOMPARE(o.value(QStringLiteral("review")).toObject().value(QStringLiteral("state")).toString(),
            QStringLiteral("reopened"));

        // A case the history does not hold is bad input, not an empty timeline.
        const CliRun unknown = review(QStringLiteral("supervisor"), { QStringLiteral("show"), QStringLiteral("nope") });
        QVERIFY2(unknown.exitCode == 3, unknown.err.constData());
        QVERIFY2(unknown.err.contains("There is no case nope"), unknown.err.constData());
    }

    // review attach: the file's name and SHA-256 go into the history, not the file.
    void attach()
    {
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("card-back.png"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray content("pretend this is a scan of the back of the card");
        f.write(content);
        f.close();
        QCOMPARE(review(QStringLiteral("reviewer"), { QStringLiteral("claim"), m_caseId }).exitCode, 0);
        const CliRun r = review(QStringLiteral("reviewer"), { QStringLiteral("attach"), m_caseId, path });
        QCOMPARE(r.exitCode, 0);
        const QByteArray sha = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
        QVERIFY(r.out.contains(sha));
        const CliRun shown = review(QStringLiteral("reviewer"), { QStringLiteral("show"), m_caseId });
        QCOMPARE(shown.exitCode, 0);
        QVERIFY(shown.out.contains(sha));
        QVERIFY(shown.out.contains("card-back.png"));
        QCOMPARE(review(QStringLiteral("reviewer"),
                     { QStringLiteral("attach"), m_caseId, files.filePath(QStringLiteral("missing")) })
                     .exitCode,
            3);
    }

    void reasons()
    {
        const CliRun r = review(QStringLiteral("auditor"), { QStringLiteral("reasons"), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.count('\n') >= 5);
        QVERIFY(r.out.contains("\"code\":\"suspected_forgery\""));
    }
};

QTEST_GUILESS_MAIN(TestCliReview)
#include "TestCliReview.moc"
