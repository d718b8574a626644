#include "StoreFixture.h"

#include "api/Credentials.h"
#include "base/Settings.h"
#include "history/AuditEvent.h"
#include "session/ConfigurationAudit.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

class TestConfigurationAudit : public QObject
{
    Q_OBJECT

    static QList<AuditEvent> eventsOfKind(AuditStore& store, const char* kind)
    {
        QList<AuditEvent> out;
        const Result<void> read = store.forEachEvent([&](const AuditEvent& e) {
            if (e.kind == QLatin1String(kind))
                out.append(e);
            return true;
        });
        if (!read)
            qWarning("cannot read the events: %s", qPrintable(read.message()));
        return out;
    }

private slots:
    void recordsChangesNotValues_data() { StoreFixture::addBackendRows(); }

    void recordsChangesNotValues()
    {
        STORE_FIXTURE_OPEN(fixture, store, nullptr);
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("settings.ini")));

        // First start in training mode: the credential source is recorded once, no settings change yet.
        QVERIFY(ConfigurationAudit::record(*store, StoreFixture::actor(), settings, Credentials::training(), true));
        settings.sync();
        // A start with nothing changed leaves the settings file alone: moved aside here, it is not written again.
        const QString aside = dir.filePath(QStringLiteral("aside.ini"));
        QVERIFY(QFile::rename(settings.fileName(), aside));
        QVERIFY(ConfigurationAudit::record(*store, StoreFixture::actor(), settings, Credentials::training(), true));
        settings.sync();
        QVERIFY(!QFile::exists(settings.fileName()));
        QVERIFY(QFile::rename(aside, settings.fileName()));
        settings.sync();
        QCOMPARE(eventsOfKind(*store, EventKind::credentialSourceChanged).size(), 1);
        QCOMPARE(eventsOfKind(*store, EventKind::settingsChanged).size(), 0);

        // A custom endpoint and a new long-term value: one event naming both settings, without their values.
        const QString privateUrl = QStringLiteral("https://verify.internal.example:9443/");
        settings.setValue(Settings::endpointKind, QStringLiteral("custom"));
        settings.setValue(Settings::customEndpoint, privateUrl);
        settings.setValue(Settings::longTermValue, QStringLiteral("long-term"));
        const Credentials env(QStringLiteral("LTAIexample1234"),
            QStringLiteral("very-secret-value"),
            QString(),
            QStringLiteral("environment"));
        QVERIFY(ConfigurationAudit::record(*store, StoreFixture::actor(), settings, env, false));
        const QList<AuditEvent> changes = eventsOfKind(*store, EventKind::settingsChanged);
        QCOMPARE(changes.size(), 1);
        const QJsonArray changed = changes.first().payloadObject().value(QStringLiteral("changed")).toArray();
        QCOMPARE(changed.size(), 3);
        QVERIFY(changed.contains(QStringLiteral("api/customEndpoint")));
        QVERIFY(changed.contains(QStringLiteral("api/longTermValue")));

        const QList<AuditEvent> sources = eventsOfKind(*store, EventKind::credentialSourceChanged);
        QCOMPARE(sources.size(), 2);
        const QJsonObject last = sources.last().payloadObject();
        QCOMPARE(last.value(QStringLiteral("source")).toString(), QStringLiteral("environment"));
        QCOMPARE(last.value(QStringLiteral("accessKeyId")).toString(), env.maskedKeyId());

        // Nothing of the values or the secret is in any event.
        const Result<void> scanned = store->forEachEvent([&](const AuditEvent& e) {
            const QByteArray& json = e.payload;
            if (json.contains("very-secret-value") || json.contains("internal.example") || json.contains("LTAIexample"))
                qFatal("a value reached the history");
            return true;
        });
        QVERIFY(scanned);
        QVERIFY(store->verifyChain().ok);
    }

    // The digests are kept by setting name. A setting with no earlier digest (one added to the watched list since the
    // last start, in the positional list earlier versions stored or in the list by name) is no change, and a real
    // change names exactly the setting that changed.
    void comparesSettingsByName_data() { StoreFixture::addBackendRows(); }
    void comparesSettingsByName()
    {
        STORE_FIXTURE_OPEN(fixture, store, nullptr);
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("settings.ini"));
        const SettingKey<QString> digestsKey { "history/recordedSettingDigests", QString() };
        // One start of the app: the settings file read afresh, recorded, written back.
        auto start = [&](const std::function<void(Settings&)>& edit) {
            {
                Settings settings(ini);
                edit(settings);
            }
            Settings settings(ini);
            if (!ConfigurationAudit::record(*store, StoreFixture::actor(), settings, Credentials::training(), true))
                return QString();
            return settings.value(digestsKey);
        };
        const QString byName = start([](Settings&) {});
        const QStringList pairs = byName.split(QLatin1Char(','));
        QVERIFY2(pairs.size() >= 8, qPrintable(byName));
        QStringList positional;
        for (const QString& pair : pairs) {
            const QString group = pair.left(pair.indexOf(QLatin1Char('/')));
            QVERIFY2(QStringList({ QStringLiteral("api"),
                                     QStringLiteral("history"),
                                     QStringLiteral("review"),
                                     QStringLiteral("session") })
                         .contains(group),
                qPrintable(pair));
            positional.append(pair.mid(pair.indexOf(QLatin1Char('=')) + 1));
        }
        positional.removeLast();
        QStringList lackingOne = pairs;
        lackingOne.removeAt(3);
        const QStringList reversed(pairs.crbegin(), pairs.crend());
        for (const QStringList& stored : { positional, lackingOne, reversed }) {
            const QString now = start([&](Settings& s) { s.setValue(digestsKey, stored.join(QLatin1Char(','))); });
            QCOMPARE(now, byName);
        }
        QCOMPARE(eventsOfKind(*store, EventKind::settingsChanged).size(), 0);

        start([](Settings& s) { s.setValue(Settings::timeoutSeconds, 45); });
        const QList<AuditEvent> changes = eventsOfKind(*store, EventKind::settingsChanged);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().payloadObject().value(QStringLiteral("changed")).toArray(),
            QJsonArray { QStringLiteral("api/timeoutSeconds") });

        // A change made in the running app was recorded then (SettingsChange): remembered, the next start is quiet.
        {
            Settings settings(ini);
            settings.setValue(Settings::idleLockMinutes, 30);
            settings.setValue(Settings::fourEyes, false);
            ConfigurationAudit::remember(settings, store->historyId());
        }
        start([](Settings&) {});
        QCOMPARE(eventsOfKind(*store, EventKind::settingsChanged).size(), 1);
        // Edited by hand instead, it is reported at the next start.
        start([](Settings& s) { s.setValue(Settings::idleLockMinutes, 5); });
        const QList<AuditEvent> after = eventsOfKind(*store, EventKind::settingsChanged);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.last().payloadObject().value(QStringLiteral("changed")).toArray(),
            QJsonArray { QStringLiteral("session/idleLockMinutes") });
        QVERIFY(store->verifyChain().ok);
    }
};

QTEST_GUILESS_MAIN(TestConfigurationAudit)
#include "TestConfigurationAudit.moc"
