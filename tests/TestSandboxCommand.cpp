#include "CliRun.h"
#include "SandboxRequest.h"

#include "api/Credentials.h"
#include "api/SignerV3.h"
#include "crypto/Random.h"
#include "crypto/SandboxCa.h"
#include "sandbox/SandboxFixtures.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

// `ekyc-desk-cli sandbox` as a process: its request log, and many first starts at once on one empty folder.
class TestSandboxCommand : public QObject
{
    Q_OBJECT

private:
    struct Banner
    {
        QString url;
        QString caFile;
    };

    static std::unique_ptr<QProcess> startSandbox(const QStringList& extra)
    {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(EKYC_CLI_PATH), QStringList { QStringLiteral("sandbox") } + extra);
        return process;
    }

    // The URL and CA file from the lines the sandbox prints once it listens; empty while they have not come yet.
    static Banner banner(const QByteArray& out)
    {
        const QList<QByteArray> lines = out.split('\n');
        if (lines.size() < 3)
            return {};
        return { QString::fromUtf8(lines.at(0).mid(lines.at(0).indexOf("https://"))),
            QString::fromUtf8(lines.at(1).mid(lines.at(1).indexOf(':') + 2)) };
    }

    static void stop(QProcess& process)
    {
        process.kill();
        process.waitForFinished(10000);
    }

    static bool servesCertificateOf(const QUrl& url, const QString& caFile)
    {
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(caFile));
        socket.setSslConfiguration(tls);
        QEventLoop loop;
        connect(&socket, &QSslSocket::encrypted, &loop, &QEventLoop::quit);
        connect(&socket, &QSslSocket::errorOccurred, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        socket.connectToHostEncrypted(url.host(), url.port());
        loop.exec();
        return socket.isEncrypted();
    }

    static QNetworkReply* verify(QNetworkAccessManager& nam, const Banner& sandbox, const QString& name)
    {
        const SandboxFixtures::Person& p = SandboxFixtures::people().constFirst();
        const QByteArray body =
            SignerV3::encodeParameters({ { QStringLiteral("ProductCode"), QStringLiteral("eKYC_Date_MIN") },
                { QStringLiteral("MerchantBizId"), QString::fromLatin1(Random::system().hex32()) },
                { QStringLiteral("DocType"), QStringLiteral("00000001") },
                { QStringLiteral("DocName"), name },
                { QStringLiteral("DocNo"), p.docNo },
                { QStringLiteral("ValidityStartDate"), p.validityStartDate },
                { QStringLiteral("ValidityEndDate"), p.validityEndDate } });
        const QUrl url(sandbox.url);
        const SignerV3::Request r =
            SandboxRequest::signedFor(url.host().toUtf8() + ':' + QByteArray::number(url.port()), body);
        QNetworkRequest request(url);
        for (const auto& [header, value] : r.headers)
            request.setRawHeader(header, value);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(sandbox.caFile));
        request.setSslConfiguration(tls);
        return nam.post(request, body);
    }

private slots:
    // --request-log appends one JSON line per request, written when the request arrives.
    void requestLogFile()
    {
        QTemporaryDir dir;
        const QString logPath = dir.filePath(QStringLiteral("requests.jsonl"));
        QFile old(logPath);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("{\"earlier\":true}\n"); // appended to, not replaced
        old.close();
        const auto sandbox = startSandbox({ QStringLiteral("--data-dir"),
            dir.filePath(QStringLiteral("ca")),
            QStringLiteral("--request-log"),
            logPath });
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT(!banner(out += sandbox->readAllStandardOutput()).caFile.isEmpty(), 20000);
        const Banner b = banner(out);

        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QNetworkAccessManager nam;
        const QList<QString> names = {
            SandboxFixtures::people().constFirst().docName, SandboxFixtures::throttleAlways, QStringLiteral("王大明")
        };
        for (const QString& name : names) {
            QNetworkReply* reply = verify(nam, b, name);
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(finished.wait(20000));
            reply->deleteLater();
        }
        const qint64 after = QDateTime::currentMSecsSinceEpoch();

        QList<QByteArray> lines;
        auto readLog = [&] {
            QFile log(logPath);
            lines = log.open(QIODevice::ReadOnly) ? log.readAll().trimmed().split('\n') : QList<QByteArray>();
            return lines.size();
        };
        QTRY_COMPARE_WITH_TIMEOUT(readLog(), 4, 10000);
        stop(*sandbox);
        QCOMPARE(lines.first(), QByteArray("{\"earlier\":true}"));
        const QList<int> statuses = { 200, 403, 200 };
        qint64 previous = before;
        for (int i = 0; i < 3; ++i) {
            const QJsonObject entry = QJsonDocument::fromJson(lines.at(i + 1)).object();
            const qint64 ms = entry.value(QStringLiteral("ms")).toInteger();
            QVERIFY2(ms >= previous && ms <= after, lines.at(i + 1).constData());
            previous = ms;
            QCOMPARE(entry.value(QStringLiteral("status")).toInt(), statuses.at(i));
            QCOMPARE(entry.value(QStringLiteral("path")).toString(), QStringLiteral("/"));
            QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("Id2MetaPeriodVerifyIntl"));
            QCOMPARE(QDateTime::fromString(entry.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                         .toMSecsSinceEpoch(),
                ms);
        }
    }

    void unwritableRequestLogIsRefused()
    {
        QTemporaryDir dir;
        const CliRun r = CliRun::run({ QStringLiteral("sandbox"),
                                         QStringLiteral("--data-dir"),
                                         dir.filePath(QStringLiteral("ca")),
                                         QStringLiteral("--request-log"),
                                         dir.filePath(QStringLiteral("no/such/folder/requests.jsonl")) },
            dir.path());
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("--request-log"), r.err.constData());
        QVERIFY(r.out.isEmpty()); // it never listened
    }

    // Many first starts at once on one empty folder: all of them start, on one CA, and the set left behind is valid.
    void concurrentFirstStartsShareOneCa()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("sandbox"));
        constexpr int count = 16;
        std::vector<std::unique_ptr<QProcess>> processes;
        for (int i = 0; i < count; ++i)
            processes.push_back(
                startSandbox({ QStringLiteral("--data-dir"), data, QStringLiteral("--port"), QStringLiteral("0") }));
        std::vector<QByteArray> outs(count);
        auto allListening = [&] {
            bool all = true;
            for (int i = 0; i < count; ++i) {
                outs[i] += processes[i]->readAllStandardOutput();
                all = all && !banner(outs[i]).caFile.isEmpty();
            }
            return all;
        };
        auto anyExited = [&] {
            return std::any_of(processes.cbegin(), processes.cend(), [](const std::unique_ptr<QProcess>& p) {
                return p->state() == QProcess::NotRunning;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allListening() || anyExited(), 60000);
        QStringList errors;
        for (int i = 0; i < count; ++i) {
            if (processes[i]->state() != QProcess::Running)
                errors << QString::fromUtf8(processes[i]->readAllStandardError());
        }
        const QString caFile = banner(outs[0]).caFile;
        // Every one of them serves a certificate of the one CA on disk (a start that made a set of its own, later
        // overwritten, would fail here).
        int trusted = 0;
        for (int i = 0; i < count && errors.isEmpty(); ++i)
            trusted += servesCertificateOf(QUrl(banner(outs[i]).url), caFile) ? 1 : 0;
        for (auto& process : processes)
            stop(*process);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
        QCOMPARE(trusted, count);
        for (const QByteArray& out : outs)
            QCOMPARE(banner(out).caFile, caFile);
        QCOMPARE(caFile, QDir(data).absoluteFilePath(QStringLiteral("ca.pem")));

        SandboxCa ca;
        QVERIFY2(ca.ensure(data), qPrintable(ca.errorString()));
        QVERIFY(!ca.created());
        QCOMPARE(ca.caCertificate(), QSslCertificate::fromPath(caFile).value(0));
        // Nothing else is left behind: no temporary file, no lock.
        QCOMPARE(QDir(data).entryList(QDir::Files | QDir::Hidden, QDir::Name),
            QStringList({ QStringLiteral("ca.pem"), QStringLiteral("server.key"), QStringLiteral("server.pem") }));
    }
};

QTEST_GUILESS_MAIN(TestSandboxCommand)
#include "TestSandboxCommand.moc"
