#include "history/AuditStore.h"
#include "history/HistoryLocation.h"
#include "history/Migrations.h"

#include "StoreFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

Q_DECLARE_METATYPE(ErrorCode)

// What a history location may already hold (SQLite): a file that exists but is empty, or is not an eKYC Desk history,
// is refused with a clear error and left exactly as it was; a path where nothing exists yet becomes a new, private
// history.
class TestHistoryOpen : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    static QByteArray readAll(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }

    static bool writeFile(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::NewOnly) && file.write(bytes) == bytes.size();
    }

    // A SQLite database of another program, made through its own connection.
    static bool makeSqlite(const QString& path, const QStringList& statements)
    {
        const QString name = QStringLiteral("foreign-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        bool ok = true;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            ok = db.open();
            QSqlQuery q(db);
            for (const QString& sql : statements) {
                if (ok && !q.exec(sql)) {
                    qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
                    ok = false;
                }
            }
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    static std::unique_ptr<AuditStore> open(const QString& path, bool mustExist, QString* error)
    {
        AuditStore::Options options;
        options.keys = StoreFixture::keys();
        options.mustExist = mustExist;
        Result<std::unique_ptr<AuditStore>> store = AuditStore::open(path, options);
        if (!store) {
            *error = store.message();
            return nullptr;
        }
        return std::move(*store);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void existingFileThatIsNoHistoryIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("mustExist");
        QTest::addColumn<QString>("why");
        for (const bool mustExist : { false, true }) {
            const char* mode = mustExist ? "read-only tool" : "verify";
            QTest::addRow("empty file, %s", mode) << QStringLiteral("empty") << mustExist << QStringLiteral("empty");
            QTest::addRow("text file, %s", mode) << QStringLiteral("text") << mustExist << QStringLiteral("SQLite");
            QTest::addRow("other program's database, %s", mode)
                << QStringLiteral("foreign") << mustExist << QStringLiteral("schema");
            QTest::addRow("database with an unrelated meta table, %s", mode)
                << QStringLiteral("foreign meta") << mustExist << QStringLiteral("schema");
        }
    }
    void existingFileThatIsNoHistoryIsRefused()
    {
        QFETCH(QString, kind);
        QFETCH(bool, mustExist);
        QFETCH(QString, why);
        const QString path = m_dir->filePath(QStringLiteral("history.sqlite"));
        if (kind == QLatin1String("empty"))
            QVERIFY(writeFile(path, {}));
        else if (kind == QLatin1String("text"))
            QVERIFY(writeFile(path, "Reviewer notes, not a database.\n"));
        else if (kind == QLatin1String("foreign"))
            QVERIFY(makeSqlite(path,
                { QStringLiteral("CREATE TABLE recipes (name TEXT, minutes INTEGER)"),
                    QStringLiteral("INSERT INTO recipes VALUES ('noodles', 8)") }));
        else
            QVERIFY(makeSqlite(path, { QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)") }));
        const QByteArray before = readAll(path);
        const QStringList filesBefore = QDir(m_dir->path()).entryList(QDir::Files);

        QString error;
        QVERIFY(!open(path, mustExist, &error));
        QVERIFY2(error.contains(QStringLiteral("is not an eKYC Desk history")), qPrintable(error));
        QVERIFY2(error.contains(why), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QCOMPARE(readAll(path), before);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), filesBefore); // no -wal, -shm or -journal either
        QCOMPARE(Migrations::checkExistingFile(path), error);
    }

    void folderIsRefused()
    {
        QString error;
        QVERIFY(!open(m_dir->path(), false, &error));
        QVERIFY2(error.contains(QStringLiteral("is not an eKYC Desk history")), qPrintable(error));
        QVERIFY(QDir(m_dir->path()).isEmpty());
    }

    void newPathBecomesAPrivateHistory()
    {
        const QString folder = m_dir->filePath(QStringLiteral("new/folder"));
        const QString path = folder + QStringLiteral("/history.sqlite");
        QString error;
        {
            auto store = open(path, false, &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY(store
                        ->record(StoreFixture::actor(),
                            QString(),
                            StoreFixture::event(QLatin1String(EventKind::settingsChanged),
                                { { QStringLiteral("changed"), QJsonArray { QStringLiteral("api/timeoutSeconds") } } }))
                        .valueOr(0)
                > 0);
        }
        const QFile::Permissions modeBits = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
            | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(path) & modeBits, QFile::ReadOwner | QFile::WriteOwner); // 0600
        QCOMPARE(QFile::permissions(folder) & modeBits, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); // 0700
        QVERIFY2(Migrations::checkExistingFile(path).isEmpty(), qPrintable(Migrations::checkExistingFile(path)));
        // And it opens again, also for the read-only tools.
        auto again = open(path, true, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->verifyChain().count, 1);
    }

    // How every connection to a SQLite history is set up: durable commits beside concurrent readers, foreign keys
    // enforced, and statement journals and sort spills (pages of the history) kept in memory, never in files under
    // the temporary folder.
    void connectionSettings_data()
    {
        QTest::addColumn<QString>("pragma");
        QTest::addColumn<QString>("value");
        QTest::newRow("WAL: readers beside the writer") << "journal_mode"
                                                        << "wal";
        QTest::newRow("every COMMIT durable (FULL)") << "synchronous"
                                                     << "2";
        QTest::newRow("temporary data in memory (MEMORY)") << "temp_store"
                                                           << "2";
        QTest::newRow("foreign keys enforced") << "foreign_keys"
                                               << "1";
        QTest::newRow("waits for a busy writer (ms)") << "busy_timeout"
                                                      << "30000";
    }
    void connectionSettings()
    {
        QFETCH(QString, pragma);
        QFETCH(QString, value);
        const QString path = m_dir->filePath(QStringLiteral("history.sqlite"));
        const QString connection = QStringLiteral("settings-") + pragma;
        {
            QString error;
            QSqlDatabase db = HistoryLocation::parse(path).openConnection(connection, &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("PRAGMA ") + pragma) && q.next(), qPrintable(q.lastError().text()));
            QCOMPARE(q.value(0).toString(), value);
        }
        QSqlDatabase::removeDatabase(connection);
    }

    // Callers branch on the kind of failure, never on its translated message (the history opener asks for the
    // passphrase again only for a key problem).
    void failuresHaveAKind_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<bool>("mustExist");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("wrong passphrase") << "history"
                                          << "not-the-passphrase" << false << ErrorCode::WrongPassphrase;
        QTest::newRow("no passphrase, no keychain") << "history" << QString() << false << ErrorCode::PassphraseRequired;
        QTest::newRow("new history without a passphrase")
            << "nothing" << QString() << false << ErrorCode::PassphraseRequired;
        QTest::newRow("missing") << "nothing" << StoreFixture::passphrase() << true << ErrorCode::NotFound;
        QTest::newRow("empty file") << "empty" << StoreFixture::passphrase() << false << ErrorCode::NotAHistory;
        QTest::newRow("invalid location")
            << "bad-url" << StoreFixture::passphrase() << false << ErrorCode::InvalidArgument;
    }
    void failuresHaveAKind()
    {
        QFETCH(QString, setup);
        QFETCH(QString, passphrase);
        QFETCH(bool, mustExist);
        QFETCH(ErrorCode, code);
        QString location = m_dir->filePath(QStringLiteral("history.sqlite"));
        if (setup == QLatin1String("history")) {
            QString error;
            QVERIFY2(open(location, false, &error), qPrintable(error));
        } else if (setup == QLatin1String("empty")) {
            QVERIFY(writeFile(location, QByteArray()));
        } else if (setup == QLatin1String("bad-url")) {
            location = QStringLiteral("postgresql://");
        }
        AuditStore::Options options;
        options.keys.passphrase = passphrase;
        options.mustExist = mustExist;
        const Result<std::unique_ptr<AuditStore>> failure = AuditStore::open(location, options);
        QVERIFY(!failure);
        QCOMPARE(failure.error(), code);
        QVERIFY(!failure.message().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryOpen)
#include "TestHistoryOpen.moc"
