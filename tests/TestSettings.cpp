#include "base/Settings.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <type_traits>

// Every key of the settings table, read from a throw-away INI file as a hand-edited file would hold it: an absent key
// reads as its default, a good value round-trips, and garbage reads as the default (never 0 or an empty text) and
// leaves one warning naming the key and the value.
class TestSettings : public QObject
{
    Q_OBJECT

private:
    struct Row
    {
        const char* key;
        QString stored; // the text after "=" in the INI file
        QVariant expected; // good rows: the value read
        QString warning; // garbage rows: the warning left
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_iniPath;

    static QString longTerm() { return QString::fromUtf8("长期"); }

    static QList<Row> goodRows()
    {
        return {
            { "api/endpoint", QStringLiteral("hk-vpc"), QStringLiteral("hk-vpc"), {} },
            { "api/endpoint", QStringLiteral("custom"), QStringLiteral("custom"), {} },
            { "api/customEndpoint",
                QStringLiteral("https://ekyc-proxy.example.test:8443/"),
                QStringLiteral("https://ekyc-proxy.example.test:8443/"),
                {} },
            { "api/extraCaFile", QStringLiteral("/etc/ekyc/ca.pem"), QStringLiteral("/etc/ekyc/ca.pem"), {} },
            { "api/longTermValue", longTerm(), longTerm(), {} },
            { "api/longTermValue", QStringLiteral("long-term"), QStringLiteral("long-term"), {} },
            { "api/rateLimitQps", QStringLiteral("2.5"), 2.5, {} },
            { "api/rateLimitQps", QStringLiteral("0.05"), 0.05, {} },
            { "api/rateLimitQps", QStringLiteral("7"), 7.0, {} },
            { "api/rateLimitQps", QStringLiteral("0"), 0.0, {} }, // no limit, for a local endpoint
            { "api/timeoutSeconds", QStringLiteral("45"), 45, {} },
            { "api/timeoutSeconds", QStringLiteral("1"), 1, {} },
            { "api/maxAttempts", QStringLiteral("1"), 1, {} },
            { "api/maxAttempts", QStringLiteral("6"), 6, {} },
            // The masked key id shown for the AccessKey kept in the keychain (never the key itself).
            { "api/keychainAccessKey", QString::fromUtf8("LTAI…9z"), QString::fromUtf8("LTAI…9z"), {} },
            { "case/defaultSceneCode", QStringLiteral("branch_01"), QStringLiteral("branch_01"), {} },
            { "api/keychainAccessKey", QStringLiteral("LTAI…xy"), QStringLiteral("LTAI…xy"), {} },
            { "history/location",
                QStringLiteral("postgresql://ekyc@db.example.test:5432/audit"),
                QStringLiteral("postgresql://ekyc@db.example.test:5432/audit"),
                {} },
            { "history/location",
                QStringLiteral("/srv/ekyc/history.sqlite"),
                QStringLiteral("/srv/ekyc/history.sqlite"),
                {} },
            { "history/anchorDirectory",
                QStringLiteral("/mnt/audit-share/anchors"),
                QStringLiteral("/mnt/audit-share/anchors"),
                {} },
            { "ui/language", QStringLiteral("zh_CN"), QStringLiteral("zh_CN"), {} },
            { "ui/colorScheme", QStringLiteral("dark"), QStringLiteral("dark"), {} },
            { "ui/colorScheme", QStringLiteral("light"), QStringLiteral("light"), {} },
            { "history/retentionDays", QStringLiteral("90"), 90, {} },
            { "review/fourEyes", QStringLiteral("false"), false, {} },
            { "review/fourEyes", QStringLiteral("true"), true, {} },
            { "review/fourEyes", QStringLiteral("0"), false, {} },
            { "history/checkpointInterval", QStringLiteral("10"), 10, {} },
            { "history/checkpointInterval", QStringLiteral("100000"), 100000, {} },
            { "session/idleLockMinutes", QStringLiteral("1"), 1, {} },
            { "session/idleLockMinutes", QStringLiteral("240"), 240, {} },
            { "session/idleLockMinutes", QStringLiteral("30"), 30, {} },
        };
    }

    static QString warning(const char* key, const QString& stored, const char* rule, const QString& fallback)
    {
        return QStringLiteral("Setting %1 holds \"%2\", not %3; using %4.")
            .arg(QLatin1String(key), stored, QString::fromUtf8(rule), fallback);
    }

    // Keys without a rule of their own (the endpoint, the CA file, the history location, ...) keep any text: they are
    // checked where they are used. Every other key has garbage rows here.
    static QList<Row> garbageRows()
    {
        const char* whole = "a whole number above 0";
        const char* number = "0 (no limit) or a number above 0";
        const char* minutes = "a whole number from 1 to 240";
        const char* checkpoints = "a whole number from 10 to 100000";
        auto row = [](const char* key, const QString& stored, const char* rule, const QString& fallback) {
            return Row { key, stored, {}, warning(key, stored, rule, fallback) };
        };
        return {
            row("api/timeoutSeconds", QStringLiteral("abc"), whole, QStringLiteral("20")),
            row("api/timeoutSeconds", QString(), whole, QStringLiteral("20")),
            row("api/timeoutSeconds", QStringLiteral("0"), whole, QStringLiteral("20")),
            row("api/timeoutSeconds", QStringLiteral("-5"), whole, QStringLiteral("20")),
            row("api/timeoutSeconds", QStringLiteral("1.5"), whole, QStringLiteral("20")),
            row("api/timeoutSeconds", QStringLiteral("20 seconds"), whole, QStringLiteral("20")),
            row("api/rateLimitQps", QStringLiteral("ten"), number, QStringLiteral("10")),
            row("api/rateLimitQps", QString(), number, QStringLiteral("10")),
            row("api/rateLimitQps", QStringLiteral("-1"), number, QStringLiteral("10")),
            row("api/rateLimitQps", QStringLiteral("nan"), number, QStringLiteral("10")),
            row("api/rateLimitQps", QStringLiteral("inf"), number, QStringLiteral("10")),
            row("api/maxAttempts", QStringLiteral("four"), whole, QStringLiteral("4")),
            row("api/maxAttempts", QStringLiteral("0"), whole, QStringLiteral("4")),
            row("api/maxAttempts", QString(), whole, QStringLiteral("4")),
            row("history/retentionDays", QStringLiteral("a year"), whole, QStringLiteral("365")),
            row("history/retentionDays", QStringLiteral("0"), whole, QStringLiteral("365")),
            row("history/retentionDays", QStringLiteral("-30"), whole, QStringLiteral("365")),
            row("history/retentionDays", QString(), whole, QStringLiteral("365")),
            row("api/longTermValue", QStringLiteral("forever"), "长期 or long-term", longTerm()),
            row("api/longTermValue", QStringLiteral("Long-Term"), "长期 or long-term", longTerm()),
            row("api/longTermValue", QString(), "长期 or long-term", longTerm()),
            row("review/fourEyes", QStringLiteral("maybe"), "true or false", QStringLiteral("true")),
            row("review/fourEyes", QStringLiteral("2"), "true or false", QStringLiteral("true")),
            row("review/fourEyes", QString(), "true or false", QStringLiteral("true")),
            row("history/checkpointInterval", QStringLiteral("9"), checkpoints, QStringLiteral("1000")),
            row("history/checkpointInterval", QStringLiteral("100001"), checkpoints, QStringLiteral("1000")),
            row("history/checkpointInterval", QStringLiteral("every 500"), checkpoints, QStringLiteral("1000")),
            row("session/idleLockMinutes", QStringLiteral("0"), minutes, QStringLiteral("10")),
            row("session/idleLockMinutes", QStringLiteral("241"), minutes, QStringLiteral("10")),
            row("session/idleLockMinutes", QStringLiteral("ten"), minutes, QStringLiteral("10")),
            row("ui/colorScheme",
                QStringLiteral("Dark"),
                "light, dark or empty (the system's)",
                QStringLiteral("the default")),
            row("ui/colorScheme",
                QStringLiteral("blue"),
                "light, dark or empty (the system's)",
                QStringLiteral("the default")),
        };
    }

    static QStringList keyNames()
    {
        QStringList names;
        Settings::forEachKey([&](const auto& key) { names << QLatin1String(key.name); });
        return names;
    }

    static QVariant read(const Settings& settings, const QString& name)
    {
        QVariant out;
        Settings::forEachKey([&](const auto& key) {
            if (name == QLatin1String(key.name))
                out = QVariant::fromValue(settings.value(key));
        });
        return out;
    }

    static QVariant defaultOf(const QString& name)
    {
        QVariant out;
        Settings::forEachKey([&](const auto& key) {
            if (name == QLatin1String(key.name))
                out = QVariant::fromValue(key.defaultValue);
        });
        return out;
    }

    static void writeTyped(Settings& settings, const QString& name, const QVariant& value)
    {
        Settings::forEachKey([&](const auto& key) {
            using T = std::decay_t<decltype(key.defaultValue)>;
            if (name == QLatin1String(key.name))
                settings.setValue(key, value.value<T>());
        });
    }

    // The INI file as a hand edit leaves it: "[group]" and "name=text".
    bool writeIni(const QString& name, const QString& stored)
    {
        const qsizetype slash = name.indexOf(u'/');
        QFile file(m_iniPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        const QString text = QStringLiteral("[%1]\n%2=%3\n").arg(name.left(slash), name.mid(slash + 1), stored);
        return file.write(text.toUtf8()) > 0;
    }

    static void addRows(const QList<Row>& rows)
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QVariant>("expected");
        QTest::addColumn<QString>("warning");
        for (const Row& r : rows) {
            QTest::addRow("%s=%s", r.key, qPrintable(r.stored))
                << QString::fromLatin1(r.key) << r.stored << r.expected << r.warning;
        }
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_iniPath = m_dir->filePath(QStringLiteral("settings.ini"));
    }

    void everyKeyIsCovered()
    {
        QSet<QString> good;
        for (const Row& r : goodRows())
            good.insert(QLatin1String(r.key));
        QSet<QString> garbage;
        for (const Row& r : garbageRows())
            garbage.insert(QLatin1String(r.key));
        Settings::forEachKey([&](const auto& key) {
            const QString name = QLatin1String(key.name);
            QVERIFY2(good.contains(name), qPrintable(name + QStringLiteral(": no good value tested")));
            QVERIFY2(garbage.contains(name) == (key.check != nullptr),
                qPrintable(name + QStringLiteral(": garbage rows and the key's rule disagree")));
            QVERIFY2((key.check != nullptr) == (key.rule != nullptr), key.name);
            QVERIFY2(key.accepts(key.defaultValue), key.name);
        });
        const QStringList names = keyNames();
        QCOMPARE(QSet<QString>(names.cbegin(), names.cend()).size(), names.size());
    }

    void absentReadsAsDefault_data()
    {
        QTest::addColumn<QString>("key");
        for (const QString& name : keyNames())
            QTest::newRow(qPrintable(name)) << name;
    }
    void absentReadsAsDefault()
    {
        QFETCH(QString, key);
        const Settings settings(m_iniPath);
        QCOMPARE(read(settings, key), defaultOf(key));
        QVERIFY(settings.warnings().isEmpty());
    }

    void goodValueRoundTrips_data() { addRows(goodRows()); }
    void goodValueRoundTrips()
    {
        QFETCH(QString, key);
        QFETCH(QString, stored);
        QFETCH(QVariant, expected);
        // As written by hand.
        QVERIFY(writeIni(key, stored));
        {
            const Settings settings(m_iniPath);
            QCOMPARE(read(settings, key), expected);
            QVERIFY2(settings.warnings().isEmpty(), qPrintable(settings.warnings().join(u'\n')));
        }
        // As written by the app, read by the next start.
        QVERIFY(QFile::remove(m_iniPath));
        {
            Settings settings(m_iniPath);
            writeTyped(settings, key, expected);
            settings.sync();
        }
        const Settings reread(m_iniPath);
        QCOMPARE(read(reread, key), expected);
        QVERIFY(reread.warnings().isEmpty());
    }

    // A value QSettings would deserialize (QDataStream: whatever the bytes describe, gigabytes included; found by
    // fuzz_credential_files) is never read: the file is set aside as .refused before anything reads it, in every
    // spelling the INI parser accepts, and the defaults apply. Values that merely contain "@" stay.
    void serializedDataIsSetAside_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("refused");
        const QByteArray huge = "(\\0\\0\\0\\n\\0\\0\\0\\0\\x1\\xff\\xff\\xff\\xf0)";
        QTest::addRow("@Variant") << QByteArray("@Variant") + huge << true;
        QTest::addRow("hex escape") << QByteArray("\\x40Variant") + huge << true;
        QTest::addRow("octal escape") << QByteArray("\\100Variant") + huge << true;
        QTest::addRow("letter escaped") << QByteArray("@\\Variant") + huge << true;
        QTest::addRow("quoted in pieces") << QByteArray("\"@Var\"\"iant") + huge + "\"" << true;
        QTest::addRow("@DateTime") << QByteArray("@DateTime(\\0\\0)") << true;
        QTest::addRow("an @ in a name") << QByteArray("team@work") << false;
        QTest::addRow("@ByteArray") << QByteArray("@ByteArray(A1)") << false;
    }
    void serializedDataIsSetAside()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, refused);
        QFile file(m_iniPath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[api]\nrateLimitQps=3\n[case]\ndefaultSceneCode=" + value + "\n");
        file.close();
        if (refused)
            QTest::ignoreMessage(
                QtWarningMsg, QRegularExpression(QStringLiteral("held serialized data, which eKYC Desk never writes")));
        const Settings settings(m_iniPath);
        QCOMPARE(settings.value(Settings::rateLimitQps), refused ? Settings::rateLimitQps.defaultValue : 3.0);
        QCOMPARE(QFile::exists(m_iniPath + QStringLiteral(".refused")), refused);
        QCOMPARE(settings.warnings().size(), refused ? 1 : 0);
        if (refused)
            QVERIFY(settings.warnings().constFirst().contains(m_iniPath + QStringLiteral(".refused")));
        if (!refused)
            QVERIFY(!settings.value(Settings::sceneCode).isEmpty());
    }

    void garbageReadsAsDefault_data() { addRows(garbageRows()); }
    void garbageReadsAsDefault()
    {
        QFETCH(QString, key);
        QFETCH(QString, stored);
        QFETCH(QString, warning);
        QVERIFY(writeIni(key, stored));
        const Settings settings(m_iniPath);
        QTest::ignoreMessage(QtWarningMsg, qPrintable(warning));
        QCOMPARE(read(settings, key), defaultOf(key));
        // Read again: the same value, and the warning is not repeated.
        QCOMPARE(read(settings, key), defaultOf(key));
        QCOMPARE(settings.warnings(), QStringList { warning });
    }

    // What the settings dialog writes goes by name, typed by the table, and is announced to whoever listens.
    void writtenByNameAndAnnounced()
    {
        Settings settings(m_iniPath);
        QSignalSpy changed(settings.notifier(), &SettingsNotifier::changed);
        QVERIFY(settings.setValueByName(QStringLiteral("session/idleLockMinutes"), 15));
        QVERIFY(settings.setValueByName(QStringLiteral("review/fourEyes"), false));
        QVERIFY(settings.setValueByName(QStringLiteral("api/rateLimitQps"), 2.5));
        QVERIFY(!settings.setValueByName(QStringLiteral("api/noSuchKey"), 1));
        QCOMPARE(changed.count(), 0); // writing alone says nothing
        settings.announce({ QStringLiteral("session/idleLockMinutes"), QStringLiteral("review/fourEyes") });
        settings.announce({});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toStringList(),
            QStringList({ QStringLiteral("session/idleLockMinutes"), QStringLiteral("review/fourEyes") }));
        settings.sync();
        const Settings reread(m_iniPath);
        QCOMPARE(reread.value(Settings::idleLockMinutes), 15);
        QCOMPARE(reread.value(Settings::fourEyes), false);
        QCOMPARE(reread.value(Settings::rateLimitQps), 2.5);
        QVERIFY(reread.warnings().isEmpty());
        QVERIFY(Settings::isPersonal(QLatin1String(Settings::language.name)));
        QVERIFY(Settings::isPersonal(QLatin1String(Settings::colorScheme.name)));
        QVERIFY(!Settings::isPersonal(QLatin1String(Settings::rateLimitQps.name)));
    }

    void otherKeysKeepTheirValuesBesideGarbage()
    {
        QFile file(m_iniPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[api]\ntimeoutSeconds=abc\nrateLimitQps=ten\nmaxAttempts=2\n");
        file.close();
        const Settings settings(m_iniPath);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("api/timeoutSeconds")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("api/rateLimitQps")));
        QCOMPARE(settings.value(Settings::timeoutSeconds), 20);
        QCOMPARE(settings.value(Settings::rateLimitQps), 10.0);
        QCOMPARE(settings.value(Settings::maxAttempts), 2);
        QCOMPARE(settings.warnings().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "TestSettings.moc"
