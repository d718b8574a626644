#include "CliRun.h"
#include "base/PrivateFiles.h"
#include "sandbox/SandboxFixtures.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {

// The mode bits of a file or folder, as stat(2) gives them.
int modeOf(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 07777);
}

QString octal(int mode)
{
    return QString::number(mode, 8);
}

QStringList verifyArgs(const SandboxFixtures::Person& p)
{
    return { QStringLiteral("verify"),
        QStringLiteral("--training"),
        QStringLiteral("--json"),
        QStringLiteral("--name"),
        p.docName,
        QStringLiteral("--id-number"),
        p.docNo,
        QStringLiteral("--start"),
        p.validityStartDate,
        QStringLiteral("--end"),
        p.validityEndDate };
}

} // namespace

// Every file and folder the app creates holding history, keys or settings is private to the user (folders 0700,
// files 0600) in every mode, and a history file made elsewhere is made private when it is opened.
class TestPrivateFiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ::umask(022); } // the usual umask: what is private is made so, not inherited

    void makeDir_data()
    {
        QTest::addColumn<QString>("existing"); // made 0755 before, relative to the temporary folder
        QTest::addColumn<QString>("made"); // asked of makeDir
        QTest::addColumn<QStringList>("closed"); // folders that end 0700
        QTest::newRow("new nested folders")
            << QString() << QStringLiteral("a/b/c")
            << QStringList { QStringLiteral("a"), QStringLiteral("a/b"), QStringLiteral("a/b/c") };
        QTest::newRow("inside a shared folder") << QStringLiteral("shared") << QStringLiteral("shared/history")
                                                << QStringList { QStringLiteral("shared/history") };
        QTest::newRow("an existing folder keeps its mode")
            << QStringLiteral("shared") << QStringLiteral("shared") << QStringList();
    }
    void makeDir()
    {
        QFETCH(QString, existing);
        QFETCH(QString, made);
        QFETCH(QStringList, closed);
        QTemporaryDir dir;
        if (!existing.isEmpty()) {
            QVERIFY(QDir(dir.path()).mkpath(existing));
            QVERIFY(QFile::setPermissions(dir.filePath(existing),
                QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                    | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther));
        }
        QString error;
        QVERIFY2(PrivateFiles::makeDir(dir.filePath(made), &error), qPrintable(error));
        for (const QString& folder : closed)
            QCOMPARE(octal(modeOf(dir.filePath(folder))), QStringLiteral("700"));
        if (!existing.isEmpty())
            QCOMPARE(octal(modeOf(dir.filePath(existing))), QStringLiteral("755"));
    }

    void tightenFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("loose"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0664) == 0);
        QVERIFY(!PrivateFiles::isPrivate(path));
        QVERIFY(PrivateFiles::tightenFile(path));
        QCOMPARE(octal(modeOf(path)), QStringLiteral("600"));
        QVERIFY(PrivateFiles::isPrivate(path));
    }

    // A fresh home, one case in training mode and the first account of the live history: every folder the app made
    // under its data and settings folders is 0700, the histories, their key, WAL and settings files 0600.
    void everyModeIsPrivate()
    {
        QTemporaryDir home;
        const CliRun training = CliRun::run(verifyArgs(SandboxFixtures::people().first()), home.path());
        QVERIFY2(training.exitCode == 0, (training.out + training.err).constData());
        const CliRun live = CliRun::run({ QStringLiteral("accounts"),
                                            QStringLiteral("add"),
                                            QStringLiteral("--user"),
                                            QStringLiteral("boss"),
                                            QStringLiteral("--role"),
                                            QStringLiteral("supervisor") },
            home.path(),
            { { QStringLiteral("EKYC_DESK_PASSWORD"), QStringLiteral("boss-password-1") },
                { QStringLiteral("EKYC_DESK_NEW_PASSWORD"), QStringLiteral("boss-password-1") } });
        QVERIFY2(live.exitCode == 0, (live.out + live.err).constData());

        int folders = 0;
        int files = 0;
        for (const QString& top : { QStringLiteral("data"), QStringLiteral("config") }) {
            const QString root = QDir(home.path()).filePath(top);
            QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QFileInfo info(path);
                if (info.isDir()) {
                    QVERIFY2(modeOf(path) == 0700, qPrintable(path + QStringLiteral(" is ") + octal(modeOf(path))));
                    ++folders;
                    continue;
                }
                // Lock files hold a process id; the sandbox's certificates are public: neither holds a secret.
                if (path.endsWith(QLatin1String(".lock")) || path.endsWith(QLatin1String(".pem")))
                    continue;
                QVERIFY2(modeOf(path) == 0600, qPrintable(path + QStringLiteral(" is ") + octal(modeOf(path))));
                ++files;
            }
        }
        const QString appData = QDir(home.path()).filePath(QStringLiteral("data/eKYC Desk/ekyc-desk"));
        QVERIFY(QFileInfo::exists(appData + QStringLiteral("/training-history.sqlite")));
        QVERIFY(QFileInfo::exists(appData + QStringLiteral("/training-history.sqlite.key")));
        QVERIFY(QFileInfo::exists(appData + QStringLiteral("/history.sqlite")));
        QVERIFY(QFileInfo::exists(QDir(home.path()).filePath(QStringLiteral("config/eKYC Desk/ekyc-desk.conf"))));
        QVERIFY2(
            folders >= 4 && files >= 4, qPrintable(QStringLiteral("%1 folders, %2 files").arg(folders).arg(files)));
    }

    // A history copied in with the usual 0644 (its WAL too) is made 0600 the next time it is opened.
    void existingHistoryIsTightened()
    {
        QTemporaryDir home;
        const QString db = QDir(home.path()).filePath(QStringLiteral("copied.sqlite"));
        QStringList args = verifyArgs(SandboxFixtures::people().first());
        args << QStringLiteral("--db") << db;
        const CliRun first = CliRun::run(args, home.path());
        QVERIFY2(first.exitCode == 0, (first.out + first.err).constData());
        QCOMPARE(octal(modeOf(db)), QStringLiteral("600"));
        for (const QString& path : { db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm") })
            if (QFileInfo::exists(path))
                QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);

        const CliRun again = CliRun::run(args, home.path());
        QVERIFY2(again.exitCode == 0, (again.out + again.err).constData());
        for (const QString& path : { db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm") })
            if (QFileInfo::exists(path))
                QVERIFY2(modeOf(path) == 0600, qPrintable(path + QStringLiteral(" is ") + octal(modeOf(path))));
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "TestPrivateFiles.moc"
