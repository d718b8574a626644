#include "GuiDriver.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "api/EndpointConfig.h"
#include "base/Access.h"
#include "base/Settings.h"
#include "crypto/SandboxCa.h"
#include "history/HistoryLocation.h"
#include "session/VerificationService.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

// The settings dialog, driven through its widgets against a throw-away INI file: defaults, inline errors from
// EndpointConfig and HistoryLocation that keep the dialog open and write nothing, and valid values read back through
// Settings::value.
class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsDefaultsFromEmptySettings();
    void customUrlIsEnabledOnlyForCustom();
    void badEndpointIsRefusedInline_data();
    void badEndpointIsRefusedInline();
    void badCaFileIsRefusedInline_data();
    void badCaFileIsRefusedInline();
    void historyLocationIsChecked_data();
    void historyLocationIsChecked();
    void badValueDisablesOk_data();
    void badValueDisablesOk();
    void storedPasswordIsNeitherShownNorLost_data();
    void storedPasswordIsNeitherShownNorLost();
    void validValuesAreWrittenAndReadBack();
    void longTermChoiceIsWritten_data();
    void longTermChoiceIsWritten();
    void unchangedDialogWritesNothing();
    void cancelWritesNothing();
    void mainWindowOpensSettings();
    void screenshots_data();
    void screenshots();

private:
    template <typename T> static T* child(QWidget* parent, const char* name)
    {
        T* found = parent->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }
    static QPushButton* okButton(QWidget* dialog)
    {
        return child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    }
    // Replaces the text of a line edit or spin box the way a reviewer does: select all, type.
    static void retype(QWidget* field, const QString& text)
    {
        field->setFocus(Qt::OtherFocusReason);
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(field, Qt::Key_Delete);
        else
            QTest::keyClicks(field, text);
    }
    // A radio button stretched by its layout: its centre may be outside the hit area, so click near the indicator.
    static void choose(QRadioButton* radio)
    {
        QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
    }
    QStringList writtenKeys() const { return QSettings(m_iniPath, QSettings::IniFormat).allKeys(); }
    void writeInvalidCa();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_iniPath;
    std::unique_ptr<Settings> m_settings;
    QString m_caPath; // the training sandbox's real CA certificate (PEM)
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSettingsDialog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_iniPath = m_dir->filePath(QStringLiteral("settings.ini"));
    m_settings = std::make_unique<Settings>(m_iniPath);
    SandboxCa ca;
    QVERIFY2(ca.ensure(m_dir->filePath(QStringLiteral("ca"))), qPrintable(ca.errorString()));
    m_caPath = ca.caCertificatePath();
}

void TestSettingsDialog::cleanup()
{
    m_settings.reset();
    m_dir.reset();
}

void TestSettingsDialog::showsDefaultsFromEmptySettings()
{
    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    QVERIFY(child<QRadioButton>(&dialog, "hkInternetRadioButton")->isChecked());
    QVERIFY(child<QRadioButton>(&dialog, "hkInternetRadioButton")->text().contains(QLatin1String("cn-hongkong")));
    QVERIFY(!child<QRadioButton>(&dialog, "hkVpcRadioButton")->isChecked());
    QVERIFY(!child<QRadioButton>(&dialog, "customRadioButton")->isChecked());
    QVERIFY(!child<QLineEdit>(&dialog, "customEndpointLineEdit")->isEnabled());
    QVERIFY(child<QLineEdit>(&dialog, "caFileLineEdit")->text().isEmpty());
    QCOMPARE(child<QDoubleSpinBox>(&dialog, "rateLimitDoubleSpinBox")->value(), 10.0);
    // 0 lifts the limit (a local endpoint), and says so instead of showing 0.0.
    QCOMPARE(child<QDoubleSpinBox>(&dialog, "rateLimitDoubleSpinBox")->minimum(), 0.0);
    QCOMPARE(child<QDoubleSpinBox>(&dialog, "rateLimitDoubleSpinBox")->specialValueText(), QStringLiteral("No limit"));
    QCOMPARE(child<QDoubleSpinBox>(&dialog, "rateLimitDoubleSpinBox")->maximum(), 1000.0);
    QCOMPARE(child<QSpinBox>(&dialog, "timeoutSpinBox")->value(), 20);
    QCOMPARE(child<QSpinBox>(&dialog, "maxAttemptsSpinBox")->value(), 4);
    QVERIFY(child<QRadioButton>(&dialog, "longTermChineseRadioButton")->isChecked());
    QVERIFY(!child<QRadioButton>(&dialog, "longTermEnglishRadioButton")->isChecked());
    auto* history = child<QLineEdit>(&dialog, "historyLocationLineEdit");
    QVERIFY(history->text().isEmpty());
    QCOMPARE(history->placeholderText(), HistoryLocation::defaultPath());
    QCOMPARE(child<QSpinBox>(&dialog, "retentionDaysSpinBox")->value(), 365);

    QVERIFY(child<QLabel>(&dialog, "rateLimitNoteLabel")->text().contains(QLatin1String("eKYC_Date_MIN is 10 QPS")));
    QVERIFY(child<QLabel>(&dialog, "credentialsNoteLabel")->text().contains(QLatin1String("environment")));
    QVERIFY(child<QLabel>(&dialog, "restartNoteLabel")->text().contains(QLatin1String("next start")));
    QVERIFY(child<QLineEdit>(&dialog, "sceneCodeLineEdit")->text().isEmpty());
    QCOMPARE(child<QComboBox>(&dialog, "languageComboBox")->currentData().toString(), QString());
    QVERIFY(child<QCheckBox>(&dialog, "fourEyesCheckBox")->isChecked());
    QCOMPARE(child<QSpinBox>(&dialog, "idleLockSpinBox")->value(), 10);
    QVERIFY(!child<QLineEdit>(&dialog, "historyPasswordLineEdit")->isEnabled()); // only for postgresql://
    QVERIFY(!child<QPushButton>(&dialog, "removeKeyPushButton")->isEnabled()); // no key saved
    for (const char* name : { "endpointErrorLabel",
             "caFileErrorLabel",
             "historyErrorLabel",
             "accessKeyErrorLabel",
             "idleLockErrorLabel",
             "sceneCodeErrorLabel",
             "changeErrorLabel" })
        QVERIFY2(!child<QLabel>(&dialog, name)->isVisible(), name);
    QVERIFY(okButton(&dialog)->isEnabled());
    // The only fields for secrets hide what is typed; everything else is plain.
    const QStringList secretFields { QStringLiteral("accessKeySecretLineEdit"),
        QStringLiteral("securityTokenLineEdit"),
        QStringLiteral("historyPasswordLineEdit") };
    for (const QLineEdit* edit : dialog.findChildren<QLineEdit*>()) {
        if (edit->objectName().isEmpty())
            continue; // a spin box's own editor
        QCOMPARE(edit->echoMode(), secretFields.contains(edit->objectName()) ? QLineEdit::Password : QLineEdit::Normal);
    }
}

void TestSettingsDialog::customUrlIsEnabledOnlyForCustom()
{
    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    auto* custom = child<QLineEdit>(&dialog, "customEndpointLineEdit");
    choose(child<QRadioButton>(&dialog, "customRadioButton"));
    QVERIFY(custom->isEnabled());
    choose(child<QRadioButton>(&dialog, "hkVpcRadioButton"));
    QVERIFY(!custom->isEnabled());
    QVERIFY(child<QRadioButton>(&dialog, "hkVpcRadioButton")->isChecked());
}

void TestSettingsDialog::badEndpointIsRefusedInline_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("error"); // a part of the error shown next to the field

    QTest::newRow("http") << QStringLiteral("http://cloudauth-intl.cn-hongkong.aliyuncs.com/")
                          << QStringLiteral("only https://");
    QTest::newRow("http, local") << QStringLiteral("http://127.0.0.1:8443/") << QStringLiteral("only https://");
    QTest::newRow("ftp") << QStringLiteral("ftp://example.invalid/") << QStringLiteral("only https://");
    QTest::newRow("not a URL") << QStringLiteral("cloudauth intl") << QStringLiteral("is not a valid URL");
    QTest::newRow("empty") << QString() << QStringLiteral("enter the https:// URL");
}

void TestSettingsDialog::badEndpointIsRefusedInline()
{
    QFETCH(QString, url);
    QFETCH(QString, error);

    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    choose(child<QRadioButton>(&dialog, "customRadioButton"));
    retype(child<QLineEdit>(&dialog, "customEndpointLineEdit"), url);
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);

    auto* errorLabel = child<QLabel>(&dialog, "endpointErrorLabel");
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(error), qPrintable(errorLabel->text()));
    // The same text as the core's, when the core has one.
    QUrl resolved;
    QString coreError;
    if (!url.isEmpty()) {
        QVERIFY(!EndpointConfig::resolveEndpoint(url, &resolved, &coreError));
        QCOMPARE(errorLabel->text(), coreError);
    }
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, "customEndpointLineEdit"));
    QVERIFY(!child<QLabel>(&dialog, "caFileErrorLabel")->isVisible());
    QVERIFY2(writtenKeys().isEmpty(), qPrintable(writtenKeys().join(QLatin1Char(' '))));

    // Editing the field takes the error away; a valid URL is then accepted.
    retype(child<QLineEdit>(&dialog, "customEndpointLineEdit"), QStringLiteral("https://ekyc-proxy.example.test/"));
    QVERIFY(!errorLabel->isVisible());
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(m_settings->value(Settings::endpointKind), QStringLiteral("custom"));
    QCOMPARE(m_settings->value(Settings::customEndpoint), QStringLiteral("https://ekyc-proxy.example.test/"));
}

void TestSettingsDialog::writeInvalidCa()
{
    QFile file(m_dir->filePath(QStringLiteral("not-a-cert.pem")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-----BEGIN NOTHING-----\nnot base64\n-----END NOTHING-----\n");
}

void TestSettingsDialog::badCaFileIsRefusedInline_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("error");

    QTest::newRow("missing") << QStringLiteral("no-such-ca.pem") << QStringLiteral("cannot read");
    QTest::newRow("not PEM") << QStringLiteral("not-a-cert.pem") << QStringLiteral("holds no PEM certificate");
}

void TestSettingsDialog::badCaFileIsRefusedInline()
{
    QFETCH(QString, fileName);
    QFETCH(QString, error);
    writeInvalidCa();
    const QString path = m_dir->filePath(fileName);

    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    choose(child<QRadioButton>(&dialog, "customRadioButton"));
    retype(child<QLineEdit>(&dialog, "customEndpointLineEdit"), QStringLiteral("https://ekyc-proxy.example.test/"));
    retype(child<QLineEdit>(&dialog, "caFileLineEdit"), path);
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);

    QVERIFY(dialog.isVisible());
    QVERIFY(!child<QLabel>(&dialog, "endpointErrorLabel")->isVisible());
    auto* errorLabel = child<QLabel>(&dialog, "caFileErrorLabel");
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(error), qPrintable(errorLabel->text()));
    QVERIFY(errorLabel->text().startsWith(QLatin1String("CA file:")));
    QCOMPARE(dialog.errorText(), errorLabel->text());
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>(&dialog, "caFileLineEdit"));
    QVERIFY2(writtenKeys().isEmpty(), qPrintable(writtenKeys().join(QLatin1Char(' '))));
}

void TestSettingsDialog::historyLocationIsChecked_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("error"); // empty: accepted and written

    QTest::newRow("sqlite path") << QStringLiteral("/srv/ekyc/history.sqlite") << QString();
    QTest::newRow("postgresql, no password")
        << QStringLiteral("postgresql://reviewer@db.example.test:5432/ekyc?schema=desk") << QString();
    QTest::newRow("postgresql with password")
        << QStringLiteral("postgresql://reviewer:s3cret@db.example.test/ekyc") << QStringLiteral("PGPASSWORD");
    QTest::newRow("other scheme") << QStringLiteral("mysql://db.example.test/ekyc")
                                  << QStringLiteral("file path or a postgresql:// URL");
    QTest::newRow("bad schema") << QStringLiteral("postgresql://reviewer@db.example.test/ekyc?schema=a-b")
                                << QStringLiteral("schema");
}

void TestSettingsDialog::historyLocationIsChecked()
{
    QFETCH(QString, location);
    QFETCH(QString, error);

    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    retype(child<QLineEdit>(&dialog, "historyLocationLineEdit"), location);
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);

    auto* errorLabel = child<QLabel>(&dialog, "historyErrorLabel");
    if (error.isEmpty()) {
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_settings->value(Settings::historyLocation), location);
        QCOMPARE(dialog.changedKeys(), QStringList { QString::fromLatin1(Settings::historyLocation.name) });
        return;
    }
    QVERIFY(dialog.isVisible());
    QVERIFY(errorLabel->isVisible());
    QVERIFY2(errorLabel->text().contains(error), qPrintable(errorLabel->text()));
    QVERIFY(!errorLabel->text().contains(QLatin1String("s3cret")));
    QVERIFY2(writtenKeys().isEmpty(), qPrintable(writtenKeys().join(QLatin1Char(' '))));
}

void TestSettingsDialog::badValueDisablesOk_data()
{
    QTest::addColumn<QString>("field"); // object name of the field typed into
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("errorLabel");
    QTest::addColumn<QString>("names"); // how the message starts: it names the field
    QTest::addColumn<QString>("fix"); // a good value for the same field

    QTest::newRow("custom URL over http")
        << QStringLiteral("customEndpointLineEdit") << QStringLiteral("http://ekyc-proxy.example.test/")
        << QStringLiteral("endpointErrorLabel") << QStringLiteral("Endpoint:")
        << QStringLiteral("https://ekyc-proxy.example.test/");
    QTest::newRow("custom URL not a URL") << QStringLiteral("customEndpointLineEdit") << QStringLiteral("ekyc proxy")
                                          << QStringLiteral("endpointErrorLabel") << QStringLiteral("Endpoint:")
                                          << QStringLiteral("https://ekyc-proxy.example.test/");
    QTest::newRow("missing CA file") << QStringLiteral("caFileLineEdit") << QStringLiteral("/nonexistent/ca.pem")
                                     << QStringLiteral("caFileErrorLabel") << QStringLiteral("CA file:") << QString();
    QTest::newRow("PostgreSQL URL with a password")
        << QStringLiteral("historyLocationLineEdit") << QStringLiteral("postgresql://ekyc:s3cret@db.example.test/audit")
        << QStringLiteral("historyErrorLabel") << QStringLiteral("History location:")
        << QStringLiteral("postgresql://ekyc@db.example.test/audit");
    QTest::newRow("history location of another kind")
        << QStringLiteral("historyLocationLineEdit") << QStringLiteral("mysql://db.example.test/audit")
        << QStringLiteral("historyErrorLabel") << QStringLiteral("History location:") << QString();
    QTest::newRow("idle lock 0") << QStringLiteral("idleLockSpinBox") << QStringLiteral("0")
                                 << QStringLiteral("idleLockErrorLabel") << QStringLiteral("Idle lock:")
                                 << QStringLiteral("240");
    QTest::newRow("idle lock 241") << QStringLiteral("idleLockSpinBox") << QStringLiteral("241")
                                   << QStringLiteral("idleLockErrorLabel") << QStringLiteral("Idle lock:")
                                   << QStringLiteral("1");
    QTest::newRow("scene code with a dash")
        << QStringLiteral("sceneCodeLineEdit") << QStringLiteral("branch-01") << QStringLiteral("sceneCodeErrorLabel")
        << QStringLiteral("Default scene code:") << QStringLiteral("branch_01");
    QTest::newRow("AccessKey ID without secret")
        << QStringLiteral("accessKeyIdLineEdit") << QStringLiteral("LTAI5tFAKEKEYID0042")
        << QStringLiteral("accessKeyErrorLabel") << QStringLiteral("AccessKey:") << QString();
    QTest::newRow("STS token alone") << QStringLiteral("securityTokenLineEdit") << QStringLiteral("fake-token")
                                     << QStringLiteral("accessKeyErrorLabel") << QStringLiteral("AccessKey:")
                                     << QString();
}

void TestSettingsDialog::badValueDisablesOk()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, errorLabel);
    QFETCH(QString, names);
    QFETCH(QString, fix);

    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    QVERIFY(okButton(&dialog)->isEnabled());
    if (field == QLatin1String("customEndpointLineEdit"))
        choose(child<QRadioButton>(&dialog, "customRadioButton"));
    auto* input = dialog.findChild<QWidget*>(field);
    QVERIFY(input);
    retype(input, value);

    // At once, without pressing OK: the message next to the field names it, and OK is disabled.
    auto* label = dialog.findChild<QLabel*>(errorLabel);
    QVERIFY(label);
    QVERIFY(label->isVisible());
    QVERIFY2(label->text().startsWith(names), qPrintable(label->text()));
    QVERIFY(!label->text().contains(QLatin1String("s3cret")));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QCOMPARE(dialog.errorText(), label->text());
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
    QVERIFY2(writtenKeys().isEmpty(), qPrintable(writtenKeys().join(QLatin1Char(' '))));

    // Fixed (or emptied), the error goes and OK comes back.
    retype(input, fix);
    QVERIFY(!label->isVisible());
    QVERIFY2(okButton(&dialog)->isEnabled(), qPrintable(dialog.errorText()));
}

// Also a stored URL this version refuses (a server elsewhere with an sslmode that verifies nothing): its password is
// hidden all the same.
void TestSettingsDialog::storedPasswordIsNeitherShownNorLost_data()
{
    QTest::addColumn<QString>("stored");
    QTest::newRow("a usable URL") << QStringLiteral("postgresql://reviewer:s3cret@db.example.test:5432/ekyc");
    QTest::newRow("a refused URL") << QStringLiteral(
        "postgresql://reviewer:s3cret@db.example.test:5432/ekyc?sslmode=require");
}

void TestSettingsDialog::storedPasswordIsNeitherShownNorLost()
{
    QFETCH(QString, stored);
    m_settings->setValue(Settings::historyLocation, stored);
    {
        SettingsDialog dialog(*m_settings);
        QVERIFY(GuiDriver::showActive(&dialog));
        auto* history = child<QLineEdit>(&dialog, "historyLocationLineEdit");
        QVERIFY2(!history->text().contains(QLatin1String("s3cret")), qPrintable(history->text()));
        QVERIFY(history->text().contains(QLatin1String("reviewer@db.example.test")));
        QVERIFY(child<QLabel>(&dialog, "historyNoteLabel")->text().contains(QLatin1String("not shown")));
        choose(child<QRadioButton>(&dialog, "longTermEnglishRadioButton"));
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(m_settings->value(Settings::historyLocation), stored); // kept as it was
    QCOMPARE(m_settings->value(Settings::longTermValue), QStringLiteral("long-term"));
}

void TestSettingsDialog::validValuesAreWrittenAndReadBack()
{
    {
        SettingsDialog dialog(*m_settings);
        QVERIFY(GuiDriver::showActive(&dialog));
        choose(child<QRadioButton>(&dialog, "customRadioButton"));
        retype(child<QLineEdit>(&dialog, "customEndpointLineEdit"), QStringLiteral("https://127.0.0.1:8443/"));
        retype(child<QLineEdit>(&dialog, "caFileLineEdit"), m_caPath);
        retype(child<QDoubleSpinBox>(&dialog, "rateLimitDoubleSpinBox"), QStringLiteral("2.5"));
        retype(child<QSpinBox>(&dialog, "timeoutSpinBox"), QStringLiteral("45"));
        retype(child<QSpinBox>(&dialog, "maxAttemptsSpinBox"), QStringLiteral("2"));
        retype(child<QLineEdit>(&dialog, "historyLocationLineEdit"), m_dir->filePath(QStringLiteral("h.sqlite")));
        retype(child<QSpinBox>(&dialog, "retentionDaysSpinBox"), QStringLiteral("90"));
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.changedKeys().size(), 8); // all but the long-term value
    }
    // Read back through a fresh instance on the same file, as the next start would.
    const Settings reread(m_iniPath);
    QCOMPARE(reread.value(Settings::endpointKind), QStringLiteral("custom"));
    QCOMPARE(reread.value(Settings::customEndpoint), QStringLiteral("https://127.0.0.1:8443/"));
    QCOMPARE(reread.value(Settings::extraCaFile), m_caPath);
    QCOMPARE(reread.value(Settings::rateLimitQps), 2.5);
    QCOMPARE(reread.value(Settings::timeoutSeconds), 45);
    QCOMPARE(reread.value(Settings::maxAttempts), 2);
    QCOMPARE(reread.value(Settings::longTermValue), QString::fromUtf8("长期"));
    QCOMPARE(reread.value(Settings::historyLocation), m_dir->filePath(QStringLiteral("h.sqlite")));
    QCOMPARE(reread.value(Settings::retentionDays), 90);
    // What the application does with them at start-up.
    ClientConfig config;
    QString error;
    QVERIFY2(EndpointConfig::fromSettings(reread, &config, &error), qPrintable(error));
    QCOMPARE(config.endpoint, QUrl(QStringLiteral("https://127.0.0.1:8443/")));
    QCOMPARE(config.extraCaCertificates.size(), 1);
    QCOMPARE(config.timeoutMs, 45000);

    // Opening again shows what was saved.
    SettingsDialog again(*m_settings);
    QVERIFY(child<QRadioButton>(&again, "customRadioButton")->isChecked());
    QVERIFY(child<QLineEdit>(&again, "customEndpointLineEdit")->isEnabled());
    QCOMPARE(child<QDoubleSpinBox>(&again, "rateLimitDoubleSpinBox")->value(), 2.5);
    QCOMPARE(child<QSpinBox>(&again, "retentionDaysSpinBox")->value(), 90);
}

void TestSettingsDialog::longTermChoiceIsWritten_data()
{
    QTest::addColumn<QString>("stored"); // empty: nothing stored
    QTest::addColumn<QString>("radio");
    QTest::addColumn<QString>("expected");

    QTest::newRow("default to English") << QString() << QStringLiteral("longTermEnglishRadioButton")
                                        << QStringLiteral("long-term");
    QTest::newRow("English back to Chinese")
        << QStringLiteral("long-term") << QStringLiteral("longTermChineseRadioButton") << QString::fromUtf8("长期");
}

void TestSettingsDialog::longTermChoiceIsWritten()
{
    QFETCH(QString, stored);
    QFETCH(QString, radio);
    QFETCH(QString, expected);
    if (!stored.isEmpty())
        m_settings->setValue(Settings::longTermValue, stored);

    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    auto* button = dialog.findChild<QRadioButton*>(radio);
    QVERIFY(button);
    QVERIFY(!button->isChecked());
    choose(button);
    QVERIFY(button->isChecked());
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.changedKeys(), QStringList { QString::fromLatin1(Settings::longTermValue.name) });
    QCOMPARE(Settings(m_iniPath).value(Settings::longTermValue), expected);
}

void TestSettingsDialog::unchangedDialogWritesNothing()
{
    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Return); // the default button
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.changedKeys().isEmpty());
    QVERIFY2(writtenKeys().isEmpty(), qPrintable(writtenKeys().join(QLatin1Char(' '))));
}

void TestSettingsDialog::cancelWritesNothing()
{
    SettingsDialog dialog(*m_settings);
    QVERIFY(GuiDriver::showActive(&dialog));
    choose(child<QRadioButton>(&dialog, "hkVpcRadioButton"));
    retype(child<QSpinBox>(&dialog, "timeoutSpinBox"), QStringLiteral("60"));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QVERIFY2(writtenKeys().isEmpty(), qPrintable(writtenKeys().join(QLatin1Char(' '))));
}

void TestSettingsDialog::mainWindowOpensSettings()
{
    VerificationService service;
    VerificationService::Options options;
    options.training = true;
    QVERIFY2(service.configure(options), qPrintable(service.errorString()));
    Actor supervisor = Actor::localUser();
    supervisor.role = QLatin1String(Role::supervisor); // only a supervisor changes settings
    service.setActor(supervisor);
    MainWindow window(service);
    window.setSettings(m_settings.get());
    QVERIFY(GuiDriver::showActive(&window));

    auto* action = window.findChild<QAction*>(QStringLiteral("settingsAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+,")));
    QTest::keyClick(&window, Qt::Key_Comma, Qt::ControlModifier);
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<SettingsDialog*>(QStringLiteral("settingsDialog"))) && dialog->isVisible());
    QVERIFY(dialog->isModal());

    choose(child<QRadioButton>(dialog, "hkVpcRadioButton"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QCOMPARE(m_settings->value(Settings::endpointKind), QStringLiteral("hk-vpc"));
    QCOMPARE(window.statusBar()->currentMessage(), SettingsDialog::savedMessage());
    QTRY_VERIFY(!window.findChild<SettingsDialog*>(QStringLiteral("settingsDialog"))); // deleted on close
}

void TestSettingsDialog::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestSettingsDialog::screenshots()
{
    QFETCH(QString, language);
    QTranslator translator;
    if (language != QLatin1String("en")) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/ekyc-desk_%1.qm").arg(language)));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    {
        SettingsDialog dialog(*m_settings);
        QVERIFY(GuiDriver::showActive(&dialog));
        const QString title = child<QGroupBox>(&dialog, "connectionGroupBox")->title();
        QCOMPARE(title == QLatin1String("Connection"), language == QLatin1String("en"));
        // With an error showing, as a reviewer sees it.
        choose(child<QRadioButton>(&dialog, "customRadioButton"));
        retype(child<QLineEdit>(&dialog, "customEndpointLineEdit"), QStringLiteral("http://10.0.0.5/"));
        QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
        QVERIFY(child<QLabel>(&dialog, "endpointErrorLabel")->isVisible());
        GuiDriver::saveScreenshot(&dialog, QStringLiteral("shot-settings-%1.png").arg(language));
    }
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
