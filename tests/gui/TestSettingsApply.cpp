#include "CaseForm.h"
#include "GuiDriver.h"
#include "MainWindowFixture.h"
#include "MemorySecretStore.h"
#include "ResultPanel.h"
#include "SettingsDialog.h"
#include "api/KeychainCredentials.h"
#include "base/Access.h"
#include "base/Language.h"
#include "base/Settings.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/ChainSigner.h"
#include "sandbox/SandboxFixtures.h"
#include "sandbox/SandboxServer.h"
#include "session/VerificationService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

// Settings changed in the running application, through the real dialog on the real main window: the service takes
// the new limits at once, the window switches language, the change is recorded in the history (and refused to a
// reviewer, except the language), and secrets go to the keychain only.
class TestSettingsApply : public MainWindowFixture
{
    Q_OBJECT
public:
    TestSettingsApply()
        : MainWindowFixture(Options { true, 0 })
    {
    }

private slots:
    void serviceTakesNewLimitsAtOnce();
    void optionsWaitForTheCallInFlight();
    void languageSwitchesTheOpenWindow();
    void reviewerIsRefusedButMayChooseTheLanguage();
    void secretsStayOutOfTheSettingsFile();
    void withoutKeychainNothingIsSaved();
    void testConnectionAnswersInPlainWords();
    void fourEyesIsTheTeamPolicy();
    void checkpointIntervalIsTheTeamSetting();
    void teamSettingsAreReadWhenTheDialogOpens();

private:
    // The fixture owns init() and cleanup(): each test function sets up with a Scope, which puts the shared service
    // back as it was (options, actor, language) however the function ends.
    struct Scope
    {
        explicit Scope(TestSettingsApply* test);
        ~Scope();
        TestSettingsApply* test;
    };
    void setUp();
    void tearDown();
    void actAs(const char* role);
    SettingsDialog* openDialog();
    static void retype(QWidget* field, const QString& text);
    static void pressOk(SettingsDialog* dialog);
    QByteArray iniBytes() const;
    // The events of one kind that belong to no case, oldest first.
    QList<QJsonObject> events(const QString& kind) const;
    static void chooseLanguage(SettingsDialog* dialog, const char* language);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;
    MemorySecretStore m_keychain;
    VerificationService::Options m_original;
};

TestSettingsApply::Scope::Scope(TestSettingsApply* test)
    : test(test)
{
    test->setUp();
}

TestSettingsApply::Scope::~Scope()
{
    test->tearDown();
}

void TestSettingsApply::setUp()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings = std::make_unique<Settings>(m_dir->filePath(QStringLiteral("settings.ini")));
    m_keychain = MemorySecretStore();
    m_original = service()->options();
    window()->setSettings(m_settings.get());
    window()->setKeychain(&m_keychain);
}

void TestSettingsApply::tearDown()
{
    Language::apply(QString::fromLatin1(Language::english));
    if (auto* dialog = window()->findChild<SettingsDialog*>(QStringLiteral("settingsDialog")))
        delete dialog;
    window()->cancelCase();
    service()->reconfigure(m_original); // the next test function starts from the fixture's service
    service()->setActor(Actor::localUser());
    m_settings.reset();
    m_dir.reset();
}

void TestSettingsApply::actAs(const char* role)
{
    Actor actor = Actor::localUser();
    actor.role = QLatin1String(role);
    service()->setActor(actor);
}

SettingsDialog* TestSettingsApply::openDialog()
{
    window()->showSettings();
    auto* dialog = window()->findChild<SettingsDialog*>(QStringLiteral("settingsDialog"));
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestSettingsApply::retype(QWidget* field, const QString& text)
{
    field->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(field, text);
}

void TestSettingsApply::pressOk(SettingsDialog* dialog)
{
    QPushButton* ok = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

void TestSettingsApply::chooseLanguage(SettingsDialog* dialog, const char* language)
{
    auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("languageComboBox"));
    QVERIFY(combo);
    const int index = combo->findData(QString::fromLatin1(language));
    QVERIFY(index > 0);
    combo->setCurrentIndex(index);
}

QByteArray TestSettingsApply::iniBytes() const
{
    QFile file(m_settings->fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QJsonObject> TestSettingsApply::events(const QString& kind) const
{
    QList<QJsonObject> found;
    const Result<void> read = history()->forEachEvent([&](const AuditEvent& event) {
        if (event.kind == kind && event.caseId.isEmpty())
            found.append(event.payloadObject());
        return true;
    });
    if (!read)
        qWarning("%s", qPrintable(read.message()));
    return found;
}

void TestSettingsApply::serviceTakesNewLimitsAtOnce()
{
    const Scope scope(this);
    actAs(Role::supervisor);
    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    retype(dialog->findChild<QDoubleSpinBox*>(QStringLiteral("rateLimitDoubleSpinBox")), QStringLiteral("2.5"));
    retype(dialog->findChild<QSpinBox*>(QStringLiteral("timeoutSpinBox")), QStringLiteral("45"));
    retype(dialog->findChild<QSpinBox*>(QStringLiteral("maxAttemptsSpinBox")), QStringLiteral("2"));
    pressOk(dialog);
    QTRY_VERIFY(!window()->findChild<SettingsDialog*>(QStringLiteral("settingsDialog")));

    // No restart: the running service and its client have them.
    QCOMPARE(service()->options().client.rateLimitQps, 2.5);
    QCOMPARE(service()->options().client.timeoutMs, 45000);
    QCOMPARE(service()->options().client.maxAttempts, 2);
    QCOMPARE(service()->client()->config().timeoutMs, 45000);
    QCOMPARE(service()->client()->config().rateLimitQps, 2.5);
    // Training stays on the sandbox, with its key.
    QCOMPARE(service()->client()->config().endpoint, sandbox()->url());
    QVERIFY(service()->isTraining());
    QCOMPARE(window()->statusBar()->currentMessage(), SettingsDialog::savedMessage());

    const QStringList expected {
        QStringLiteral("api/rateLimitQps"), QStringLiteral("api/timeoutSeconds"), QStringLiteral("api/maxAttempts")
    };
    QTRY_COMPARE(events(QStringLiteral("settings_changed")).size(), 1);
    const QJsonObject payload = events(QStringLiteral("settings_changed")).constFirst();
    QCOMPARE(payload.value(QStringLiteral("changed")).toArray().toVariantList(), QVariant(expected).toList());
    QVERIFY2(!payload.contains(QStringLiteral("api/rateLimitQps")), "values are never recorded");
    QVERIFY(!QString::fromUtf8(AuditEvent::compactJson(payload)).contains(QLatin1String("2.5")));
}

void TestSettingsApply::optionsWaitForTheCallInFlight()
{
    const Scope scope(this);
    actAs(Role::supervisor);
    ApiClient* before = service()->client();
    GuiDriver::typeCase(window(), SandboxFixtures::people().constFirst(), SandboxFixtures::slow);
    QTest::keyClick(window()->caseForm(), Qt::Key_Return);
    QTRY_VERIFY(before->pendingCalls() == 1); // held by the sandbox

    VerificationService::Options options = service()->options();
    options.client.timeoutMs = 7000;
    QVERIFY(service()->reconfigure(options));
    QVERIFY(service()->hasPendingOptions());
    QCOMPARE(service()->client(), before); // the call in flight keeps its client
    QCOMPARE(before->config().timeoutMs, m_original.client.timeoutMs);

    window()->cancelCase();
    QTRY_VERIFY(!window()->currentCall());
    QTRY_VERIFY(!service()->hasPendingOptions());
    QCOMPARE(service()->client()->config().timeoutMs, 7000);
    QCOMPARE(service()->client()->config().endpoint, sandbox()->url());
}

void TestSettingsApply::languageSwitchesTheOpenWindow()
{
    const Scope scope(this);
    actAs(Role::supervisor);
    auto* headline = window()->resultPanel()->findChild<QLabel*>(QStringLiteral("headlineLabel"));
    QVERIFY(headline);
    QCOMPARE(headline->text(), QStringLiteral("No verification yet"));

    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    chooseLanguage(dialog, Language::simplifiedChinese);
    pressOk(dialog);
    QTRY_COMPARE(headline->text(), QString::fromUtf8("尚未核验"));
    QCOMPARE(m_settings->value(Settings::language), QStringLiteral("zh_CN"));
    QVERIFY(window()->windowTitle() != QLatin1String("Training"));
    GuiDriver::saveScreenshot(window(), QStringLiteral("shot-language-zh_CN.png"));

    dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->windowTitle() != QLatin1String("Settings")); // the dialog opens in Chinese too
    chooseLanguage(dialog, Language::english);
    pressOk(dialog);
    QTRY_COMPARE(headline->text(), QStringLiteral("No verification yet"));
    QCOMPARE(window()->windowTitle(), QStringLiteral("Training"));
}

void TestSettingsApply::reviewerIsRefusedButMayChooseTheLanguage()
{
    const Scope scope(this);
    actAs(Role::reviewer);
    m_settings->setValue(Settings::timeoutSeconds, 20);
    m_settings->sync();
    const QByteArray before = iniBytes();

    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    retype(dialog->findChild<QSpinBox*>(QStringLiteral("timeoutSpinBox")), QStringLiteral("60"));
    pressOk(dialog);
    auto* refusal = dialog->findChild<QLabel*>(QStringLiteral("changeErrorLabel"));
    QTRY_VERIFY(refusal->isVisible());
    QCOMPARE(refusal->text(), Access::refusal(QLatin1String(Role::reviewer), Access::Operation::ChangeSettings, false));
    QVERIFY(dialog->isVisible());
    QCOMPARE(iniBytes(), before);
    QCOMPARE(service()->options().client.timeoutMs, m_original.client.timeoutMs);
    QTRY_COMPARE(events(QStringLiteral("access_refused")).size(), 1);
    QCOMPARE(events(QStringLiteral("access_refused")).constFirst().value(QStringLiteral("operation")).toString(),
        Access::key(Access::Operation::ChangeSettings));
    QVERIFY(events(QStringLiteral("settings_changed")).isEmpty());

    // The language alone is the reviewer's own choice.
    retype(dialog->findChild<QSpinBox*>(QStringLiteral("timeoutSpinBox")), QStringLiteral("20"));
    chooseLanguage(dialog, Language::simplifiedChinese);
    pressOk(dialog);
    QTRY_VERIFY(!window()->findChild<SettingsDialog*>(QStringLiteral("settingsDialog")));
    QCOMPARE(Settings(m_settings->fileName()).value(Settings::language), QStringLiteral("zh_CN"));
    QCOMPARE(Settings(m_settings->fileName()).value(Settings::timeoutSeconds), 20);
    QTRY_COMPARE(events(QStringLiteral("settings_changed")).size(), 1);
    QCOMPARE(events(QStringLiteral("settings_changed")).constFirst().value(QStringLiteral("changed")).toArray(),
        QJsonArray { QStringLiteral("ui/language") });
    QCOMPARE(events(QStringLiteral("access_refused")).size(), 1);
}

void TestSettingsApply::secretsStayOutOfTheSettingsFile()
{
    const Scope scope(this);
    actAs(Role::supervisor);
    const QString keyId = QStringLiteral("LTAI5tFAKEKEYID0042");
    const QString secret = QStringLiteral("fake-secret-not-real-0042");
    const QString token = QStringLiteral("fake-sts-token-not-real-0042");
    const QString location = QStringLiteral("postgresql://ekyc@db.example.test:5432/audit");
    const QString password = QStringLiteral("fake-db-password-0042");

    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    retype(dialog->findChild<QLineEdit*>(QStringLiteral("accessKeyIdLineEdit")), keyId);
    retype(dialog->findChild<QLineEdit*>(QStringLiteral("accessKeySecretLineEdit")), secret);
    retype(dialog->findChild<QLineEdit*>(QStringLiteral("securityTokenLineEdit")), token);
    retype(dialog->findChild<QLineEdit*>(QStringLiteral("historyLocationLineEdit")), location);
    auto* passwordEdit = dialog->findChild<QLineEdit*>(QStringLiteral("historyPasswordLineEdit"));
    QVERIFY(passwordEdit->isEnabled());
    retype(passwordEdit, password);
    pressOk(dialog);
    QTRY_VERIFY(!window()->findChild<SettingsDialog*>(QStringLiteral("settingsDialog")));

    const QByteArray ini = iniBytes();
    QVERIFY(!ini.isEmpty());
    for (const QString& hidden : { secret, token, password, keyId })
        QVERIFY2(!ini.contains(hidden.toUtf8()), qPrintable(hidden));
    QCOMPARE(m_settings->value(Settings::keychainAccessKey), Credentials(keyId, {}, {}, {}).maskedKeyId());
    QCOMPARE(m_settings->value(Settings::historyLocation), location);
    QCOMPARE(m_keychain.entries.value(KeychainCredentials::secretAccount()), secret.toUtf8());
    QCOMPARE(m_keychain.entries.value(KeychainCredentials::tokenAccount()), token.toUtf8());
    QCOMPARE(m_keychain.entries.value(QStringLiteral("history-password:ekyc@db.example.test:5432/audit")),
        password.toUtf8());
    QVERIFY(window()->statusBar()->currentMessage().contains(QLatin1String("next time")));

    // Recorded by name only.
    QTRY_COMPARE(events(QStringLiteral("settings_changed")).size(), 1);
    const QByteArray recorded = AuditEvent::compactJson(events(QStringLiteral("settings_changed")).constFirst());
    QVERIFY(recorded.contains("history/password"));
    QVERIFY(recorded.contains("api/keychainAccessKey"));
    for (const QString& hidden : { secret, token, password })
        QVERIFY(!recorded.contains(hidden.toUtf8()));

    // Remove takes the key out of the keychain and the setting.
    dialog = openDialog();
    QVERIFY(dialog);
    auto* remove = dialog->findChild<QPushButton*>(QStringLiteral("removeKeyPushButton"));
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    pressOk(dialog);
    QTRY_VERIFY(!window()->findChild<SettingsDialog*>(QStringLiteral("settingsDialog")));
    QVERIFY(m_settings->value(Settings::keychainAccessKey).isEmpty());
    QVERIFY(!m_keychain.entries.contains(KeychainCredentials::secretAccount()));
}

void TestSettingsApply::withoutKeychainNothingIsSaved()
{
    const Scope scope(this);
    actAs(Role::supervisor);
    m_keychain.available = false;
    const QByteArray before = iniBytes();

    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    retype(dialog->findChild<QLineEdit*>(QStringLiteral("accessKeyIdLineEdit")), QStringLiteral("LTAI5tFAKEKEYID0042"));
    retype(
        dialog->findChild<QLineEdit*>(QStringLiteral("accessKeySecretLineEdit")), QStringLiteral("fake-secret-0042"));
    retype(dialog->findChild<QSpinBox*>(QStringLiteral("timeoutSpinBox")), QStringLiteral("30"));
    pressOk(dialog);
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("changeErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("keychain")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(iniBytes(), before); // not the key, nor the other changes
    QVERIFY(m_keychain.entries.isEmpty());
    QCOMPARE(service()->options().client.timeoutMs, m_original.client.timeoutMs);
    dialog->reject();
}

void TestSettingsApply::testConnectionAnswersInPlainWords()
{
    const Scope scope(this);
    actAs(Role::reviewer); // testing changes nothing: anyone may
    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    auto* button = dialog->findChild<QPushButton*>(QStringLiteral("testConnectionPushButton"));
    auto* result = dialog->findChild<QLabel*>(QStringLiteral("testConnectionResultLabel"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled()); // running, and the window goes on
    QVERIFY(result->isVisible());
    // Training: the sandbox, with its public key, answers the probe as the gateway would.
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 30000);
    QVERIFY2(result->text().contains(QLatin1String("accepted the signature")), qPrintable(result->text()));
    QVERIFY(result->text().contains(sandbox()->url().host()));
    QVERIFY(events(QStringLiteral("settings_changed")).isEmpty()); // nothing recorded, nothing saved
    QVERIFY(iniBytes().isEmpty());
}

// Four-eyes is the team's rule, kept in the history: the Settings box changes it there (a supervisor), and a
// workstation's settings file edited by hand does not.
void TestSettingsApply::fourEyesIsTheTeamPolicy()
{
    const Scope scope(this);
    actAs(Role::supervisor);
    QTRY_COMPARE(m_settings->value(Settings::fourEyes), true); // on by default, in the history
    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    auto* box = dialog->findChild<QCheckBox*>(QStringLiteral("fourEyesCheckBox"));
    QVERIFY(box && box->isChecked());
    box->setChecked(false);
    pressOk(dialog);
    QTRY_COMPARE(history()->reviewPolicy().valueOr(ReviewPolicy()).fourEyes, false);
    QTRY_COMPARE(events(QStringLiteral("review_policy_changed")).size(), 1);

    m_settings->setValue(Settings::fourEyes, true); // by hand, in the file
    window()->setSettings(m_settings.get()); // as at the next start
    QTRY_COMPARE(m_settings->value(Settings::fourEyes), false);
    QCOMPARE(history()->reviewPolicy().valueOr(ReviewPolicy()).fourEyes, false);
    QCOMPARE(events(QStringLiteral("review_policy_changed")).size(), 1);
    QVERIFY(history()->setReviewPolicy(service()->actor(), ReviewPolicy { true, 24 }));
}

// The checkpoint interval likewise: the dialog shows the history's, a supervisor's change becomes the signed
// checkpoint that carries it, and a hand-edited settings file is put back to the history's value.
void TestSettingsApply::checkpointIntervalIsTheTeamSetting()
{
    const Scope scope(this);
    actAs(Role::supervisor);
    QVERIFY(history()->setCheckpointInterval(service()->actor(), 400));
    window()->setSettings(m_settings.get()); // as at the next start
    QTRY_COMPARE(m_settings->value(Settings::checkpointInterval), 400);
    const qsizetype before = events(QStringLiteral("checkpoint")).size();
    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("checkpointIntervalSpinBox"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), 400);
    QCOMPARE(spin->text(), QStringLiteral("every 400 events"));
    if (auto* area = dialog->findChild<QScrollArea*>())
        area->ensureWidgetVisible(spin);
    GuiDriver::settleLayout();
    GuiDriver::saveScreenshot(dialog, QStringLiteral("settings-checkpoints.png"));
    spin->setValue(250);
    pressOk(dialog);
    QTRY_COMPARE(history()->checkpointInterval().valueOr(0), 250);
    QTRY_COMPARE(events(QStringLiteral("checkpoint")).size(), before + 1);
    const QJsonObject checkpoint = events(QStringLiteral("checkpoint")).constLast();
    QCOMPARE(checkpoint.value(QStringLiteral("interval")).toInteger(), 250);
    QCOMPARE(checkpoint.value(QStringLiteral("reason")).toString(), QStringLiteral("setting"));

    m_settings->setValue(Settings::checkpointInterval, 5000); // by hand, in the file
    window()->setSettings(m_settings.get());
    QTRY_COMPARE(m_settings->value(Settings::checkpointInterval), 250);
    QCOMPARE(history()->checkpointInterval().valueOr(0), 250);
    QCOMPARE(events(QStringLiteral("checkpoint")).size(), before + 1);
    const ChainReport report = history()->verifyChain();
    QVERIFY2(report.ok, qPrintable(report.reason));
    QCOMPARE(report.checkpointInterval, 250);
    QVERIFY(history()->setCheckpointInterval(service()->actor(), ChainSigner::DefaultCheckpointInterval));
}

// Another workstation changed the team's settings in the shared history since this one read them: the dialog shows
// the history's values once it has read them, and OK without a change writes nothing.
void TestSettingsApply::teamSettingsAreReadWhenTheDialogOpens()
{
    const Scope scope(this);
    actAs(Role::supervisor);
    window()->setSettings(m_settings.get());
    QTRY_COMPARE(m_settings->value(Settings::checkpointInterval), 1000);
    QTRY_COMPARE(m_settings->value(Settings::fourEyes), true);
    const Actor elsewhere {
        QStringLiteral("other-supervisor"), QLatin1String(Role::supervisor), QStringLiteral("ws-2")
    };
    QVERIFY(history()->setCheckpointInterval(elsewhere, 50));
    QVERIFY(history()->setReviewPolicy(elsewhere, ReviewPolicy { false, 24 }));
    QCOMPARE(m_settings->value(Settings::checkpointInterval), 1000); // this workstation has not read them yet

    SettingsDialog* dialog = openDialog();
    QVERIFY(dialog);
    auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("checkpointIntervalSpinBox"));
    auto* box = dialog->findChild<QCheckBox*>(QStringLiteral("fourEyesCheckBox"));
    QVERIFY(spin && box);
    QTRY_COMPARE(spin->value(), 50);
    QVERIFY(!box->isChecked());
    QCOMPARE(m_settings->value(Settings::fourEyes), false);
    const qsizetype checkpoints = events(QStringLiteral("checkpoint")).size();
    pressOk(dialog);
    QTRY_COMPARE(window()->statusBar()->currentMessage(), QStringLiteral("Settings unchanged."));
    QCOMPARE(history()->checkpointInterval().valueOr(0), 50);
    QCOMPARE(events(QStringLiteral("checkpoint")).size(), checkpoints);
    QVERIFY(history()->setCheckpointInterval(elsewhere, ChainSigner::DefaultCheckpointInterval));
    QVERIFY(history()->setReviewPolicy(elsewhere, ReviewPolicy { true, 24 }));
    window()->setSettings(m_settings.get());
    QTRY_COMPARE(m_settings->value(Settings::checkpointInterval), 1000);
}

QTEST_MAIN(TestSettingsApply)
#include "TestSettingsApply.moc"
