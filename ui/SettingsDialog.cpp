#include "SettingsDialog.h"
#include "Theme.h"
#include "ui_SettingsDialog.h"

#include "api/ApiClient.h"
#include "api/ConnectionTest.h"
#include "api/CredentialChain.h"
#include "api/EndpointConfig.h"
#include "base/Language.h"
#include "base/Settings.h"
#include "crypto/SecretStore.h"
#include "domain/CaseValidator.h"
#include "history/HistoryLocation.h"
#include "session/VerificationService.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QPushButton>
#include <QScreen>
#include <QUrl>

namespace {

const QString hkInternetKind = QStringLiteral("hk-internet");
const QString hkVpcKind = QStringLiteral("hk-vpc");
const QString customKind = QStringLiteral("custom");
const QString longTermEnglish = QStringLiteral("long-term");
// Not a settings key: the database password kept in the keychain. Named in the settings_changed event only.
const QString historyPasswordKey = QStringLiteral("history/password");

QString longTermChinese()
{
    return QString::fromUtf8("长期");
}

} // namespace

SettingsDialog::SettingsDialog(Settings& settings, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
    , m_settings(settings)
{
    m_ui->setupUi(this);
    m_ui->languageComboBox->addItem(QString(), QString());
    m_ui->languageComboBox->addItem(QStringLiteral("English"), QString::fromLatin1(Language::english));
    m_ui->languageComboBox->addItem(QString::fromUtf8("简体中文"), QString::fromLatin1(Language::simplifiedChinese));
    for (const char* scheme : { Theme::systemScheme, Theme::lightScheme, Theme::darkScheme })
        m_ui->colorSchemeComboBox->addItem(QString(), QString::fromLatin1(scheme));
    m_ui->historyLocationLineEdit->setPlaceholderText(HistoryLocation::defaultPath());
    // Text fields and notes take the width; spin boxes and lists keep theirs instead of stretching across the group.
    for (QFormLayout* form : findChildren<QFormLayout*>())
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (QWidget* field : findChildren<QAbstractSpinBox*>())
        field->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    for (QWidget* field : findChildren<QComboBox*>())
        field->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    for (QLabel* label : errorLabels()) {
        Theme::bindStyleSheet(label, [](const QPalette& palette) {
            return Theme::textRule(QStringLiteral("QLabel"), Theme::Tone::Error, palette);
        });
        label->hide();
    }
    m_ui->testConnectionResultLabel->hide();
    m_ui->testConnectionResultLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->customRadioButton, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_ui->caFileBrowsePushButton, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    connect(m_ui->anchorFolderBrowsePushButton, &QPushButton::clicked, this, &SettingsDialog::browseAnchorFolder);
    connect(m_ui->testConnectionPushButton, &QPushButton::clicked, this, &SettingsDialog::testConnection);
    connect(m_ui->removeKeyPushButton, &QPushButton::clicked, this, &SettingsDialog::removeSavedKey);

    // The three groups' fields start at the same column.
    const QList<QLabel*> formLabels { m_ui->endpointLabel,
        m_ui->caFileLabel,
        m_ui->accessKeyIdLabel,
        m_ui->rateLimitLabel,
        m_ui->timeoutLabel,
        m_ui->maxAttemptsLabel,
        m_ui->longTermLabel,
        m_ui->languageLabel,
        m_ui->historyLocationLabel,
        m_ui->retentionDaysLabel,
        m_ui->anchorFolderLabel };
    int labelWidth = 0;
    for (const QLabel* label : formLabels)
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (QLabel* label : formLabels)
        label->setMinimumWidth(labelWidth);

    retranslate();
    load();
    connectValidation();
    validate();
    // Tall enough for everything where the screen allows; the rest scrolls.
    setMinimumWidth(720);
    int height = m_ui->settingsContentsWidget->sizeHint().height() + 160;
    if (const QScreen* shown = screen())
        height = qMin(height, shown->availableGeometry().height() * 9 / 10);
    resize(720, height);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::setService(VerificationService* service)
{
    m_service = service;
}

void SettingsDialog::setKeychain(SecretStore* keychain)
{
    m_keychain = keychain;
}

QString SettingsDialog::savedMessage()
{
    return tr("Settings saved and applied; the change is recorded in the audit history.");
}

QList<QLabel*> SettingsDialog::errorLabels() const
{
    return { m_ui->endpointErrorLabel,
        m_ui->caFileErrorLabel,
        m_ui->accessKeyErrorLabel,
        m_ui->sceneCodeErrorLabel,
        m_ui->idleLockErrorLabel,
        m_ui->historyErrorLabel,
        m_ui->historyPasswordErrorLabel,
        m_ui->changeErrorLabel };
}

void SettingsDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
        loadAccessKey();
        validate();
    }
    QDialog::changeEvent(event);
}

// The texts made in code; the .ui's own come from retranslateUi.
void SettingsDialog::retranslate()
{
    m_ui->hkInternetRadioButton->setText(tr("Hong Kong, &Internet (%1)").arg(ClientConfig::hongKongInternet().host()));
    m_ui->hkVpcRadioButton->setText(tr("Hong Kong, &VPC (%1)").arg(ClientConfig::hongKongVpc().host()));
    m_ui->historyLocationLineEdit->setToolTip(tr("Default: %1").arg(HistoryLocation::defaultPath()));
    m_ui->languageComboBox->setItemText(0, tr("System language"));
    m_ui->colorSchemeComboBox->setItemText(0, tr("System colours"));
    m_ui->colorSchemeComboBox->setItemText(1, tr("Light"));
    m_ui->colorSchemeComboBox->setItemText(2, tr("Dark"));
    if (m_storedHistoryLocation != m_shownHistoryLocation)
        m_ui->historyNoteLabel->setText(m_ui->historyNoteLabel->text() + QLatin1Char('\n')
            + tr("The stored URL holds a password, which is not shown; it is kept unless you change the location."));
}

void SettingsDialog::load()
{
    const QString kind = m_settings.value(Settings::endpointKind);
    QString custom = m_settings.value(Settings::customEndpoint);
    if (kind == hkVpcKind) {
        m_ui->hkVpcRadioButton->setChecked(true);
    } else if (kind == customKind) {
        m_ui->customRadioButton->setChecked(true);
    } else if (kind.isEmpty() || kind == hkInternetKind) {
        m_ui->hkInternetRadioButton->setChecked(true);
    } else {
        // EndpointConfig also takes a URL in the endpoint key itself: show it as the custom URL.
        m_ui->customRadioButton->setChecked(true);
        custom = kind;
    }
    m_ui->customEndpointLineEdit->setText(custom);
    m_ui->caFileLineEdit->setText(m_settings.value(Settings::extraCaFile));
    m_ui->rateLimitDoubleSpinBox->setValue(m_settings.value(Settings::rateLimitQps));
    m_ui->timeoutSpinBox->setValue(m_settings.value(Settings::timeoutSeconds));
    m_ui->maxAttemptsSpinBox->setValue(m_settings.value(Settings::maxAttempts));
    const bool english = m_settings.value(Settings::longTermValue) == longTermEnglish;
    m_ui->longTermEnglishRadioButton->setChecked(english);
    m_ui->longTermChineseRadioButton->setChecked(!english);
    m_ui->sceneCodeLineEdit->setText(m_settings.value(Settings::sceneCode));
    const int language = m_ui->languageComboBox->findData(m_settings.value(Settings::language));
    m_ui->languageComboBox->setCurrentIndex(qMax(0, language));
    const int scheme = m_ui->colorSchemeComboBox->findData(m_settings.value(Settings::colorScheme));
    m_ui->colorSchemeComboBox->setCurrentIndex(qMax(0, scheme));
    m_shownFourEyes = m_settings.value(Settings::fourEyes);
    m_ui->fourEyesCheckBox->setChecked(m_shownFourEyes);
    m_ui->idleLockSpinBox->setValue(m_settings.value(Settings::idleLockMinutes));

    m_storedHistoryLocation = m_settings.value(Settings::historyLocation);
    m_shownHistoryLocation = m_storedHistoryLocation;
    // Hidden whatever this version makes of the URL (one it refuses, say, for its sslmode).
    if (!QUrl(m_storedHistoryLocation.trimmed()).password().isEmpty()) {
        m_shownHistoryLocation = QUrl(m_storedHistoryLocation.trimmed()).toString(QUrl::RemovePassword);
        retranslate(); // adds the note about the hidden password
    }
    m_ui->historyLocationLineEdit->setText(m_shownHistoryLocation);
    m_ui->retentionDaysSpinBox->setValue(m_settings.value(Settings::retentionDays));
    m_ui->anchorFolderLineEdit->setText(m_settings.value(Settings::anchorDirectory));
    m_shownCheckpointInterval = m_settings.value(Settings::checkpointInterval);
    m_ui->checkpointIntervalSpinBox->setValue(m_shownCheckpointInterval);
    loadAccessKey();
    updateEnabled();
}

void SettingsDialog::reloadTeamSettings()
{
    if (m_ui->fourEyesCheckBox->isChecked() == m_shownFourEyes) {
        m_shownFourEyes = m_settings.value(Settings::fourEyes);
        m_ui->fourEyesCheckBox->setChecked(m_shownFourEyes);
    }
    if (m_ui->checkpointIntervalSpinBox->value() == m_shownCheckpointInterval) {
        m_shownCheckpointInterval = m_settings.value(Settings::checkpointInterval);
        m_ui->checkpointIntervalSpinBox->setValue(m_shownCheckpointInterval);
    }
}

void SettingsDialog::loadAccessKey()
{
    const QString saved = m_settings.value(Settings::keychainAccessKey);
    if (m_removeKey)
        m_ui->accessKeyStatusLabel->setText(
            tr("The saved key %1 is removed from the keychain when you press OK.").arg(saved));
    else if (saved.isEmpty())
        m_ui->accessKeyStatusLabel->setText(
            tr("No key is saved here. Enter one to keep it in the OS keychain; it is never stored anywhere else."));
    else
        m_ui->accessKeyStatusLabel->setText(
            tr("Saved in the OS keychain: %1. Enter another key to replace it.").arg(saved));
    m_ui->removeKeyPushButton->setEnabled(!saved.isEmpty() && !m_removeKey);
}

void SettingsDialog::connectValidation()
{
    const auto check = [this] { validate(); };
    for (QLineEdit* edit : { m_ui->customEndpointLineEdit,
             m_ui->caFileLineEdit,
             m_ui->accessKeyIdLineEdit,
             m_ui->accessKeySecretLineEdit,
             m_ui->securityTokenLineEdit,
             m_ui->sceneCodeLineEdit,
             m_ui->historyLocationLineEdit,
             m_ui->historyPasswordLineEdit })
        connect(edit, &QLineEdit::textChanged, this, check);
    connect(m_ui->customRadioButton, &QRadioButton::toggled, this, check);
    connect(m_ui->idleLockSpinBox, &QSpinBox::valueChanged, this, check);
}

void SettingsDialog::updateEnabled()
{
    m_ui->customEndpointLineEdit->setEnabled(m_ui->customRadioButton->isChecked());
    const HistoryLocation location = HistoryLocation::parse(m_ui->historyLocationLineEdit->text().trimmed());
    m_ui->historyPasswordLineEdit->setEnabled(location.isPostgres());
}

void SettingsDialog::browseCaFile()
{
    const QString current = m_ui->caFileLineEdit->text().trimmed();
    const QString file = QFileDialog::getOpenFileName(this,
        tr("Extra CA certificates"),
        current.isEmpty() ? QString() : QFileInfo(current).absolutePath(),
        tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_ui->caFileLineEdit->setText(file);
}

void SettingsDialog::browseAnchorFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Anchor folder"), m_ui->anchorFolderLineEdit->text().trimmed());
    if (!folder.isEmpty())
        m_ui->anchorFolderLineEdit->setText(QDir::toNativeSeparators(folder));
}

void SettingsDialog::showError(QLabel* label, const QString& message)
{
    if (label->text() == message && label->isVisible() == !message.isEmpty())
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

QString SettingsDialog::endpointError() const
{
    if (!m_ui->customRadioButton->isChecked())
        return QString();
    const QString custom = m_ui->customEndpointLineEdit->text().trimmed();
    if (custom.isEmpty())
        return tr("Endpoint: enter the https:// URL of the custom endpoint.");
    QUrl url;
    QString error;
    EndpointConfig::resolveEndpoint(custom, &url, &error);
    return error;
}

QString SettingsDialog::caFileError() const
{
    const QString caFile = m_ui->caFileLineEdit->text().trimmed();
    QList<QSslCertificate> certificates;
    QString error;
    if (!caFile.isEmpty())
        EndpointConfig::loadCaFile(caFile, &certificates, &error);
    return error;
}

QString SettingsDialog::historyError() const
{
    const QString location = m_ui->historyLocationLineEdit->text().trimmed();
    if (location == m_shownHistoryLocation.trimmed())
        return QString();
    const HistoryLocation parsed = HistoryLocation::parse(location);
    if (!parsed.isValid())
        return tr("History location: %1").arg(parsed.error);
    if (parsed.isPostgres() && !parsed.password.isEmpty())
        return tr("History location: leave the password out of the URL; enter it in Database password (kept in the OS "
                  "keychain), or give it through PGPASSWORD or ~/.pgpass. Passwords are never stored in the "
                  "settings.");
    return QString();
}

QString SettingsDialog::accessKeyError() const
{
    const bool id = !m_ui->accessKeyIdLineEdit->text().trimmed().isEmpty();
    const bool secret = !m_ui->accessKeySecretLineEdit->text().isEmpty();
    const bool token = !m_ui->securityTokenLineEdit->text().isEmpty();
    if (id != secret || (token && !id))
        return tr("AccessKey: enter both the AccessKey ID and its secret (the STS token only with them).");
    return QString();
}

QString SettingsDialog::idleLockError() const
{
    if (Settings::idleLockMinutes.accepts(m_ui->idleLockSpinBox->value()))
        return QString();
    return tr("Idle lock: enter from 1 to 240 minutes.");
}

QString SettingsDialog::sceneCodeError() const
{
    CaseInput input;
    input.sceneCode = m_ui->sceneCodeLineEdit->text().trimmed();
    if (input.sceneCode.isEmpty())
        return QString();
    for (const ValidationIssue& issue : CaseValidator::check(input, QDate::currentDate())) {
        if (issue.field == CaseField::SceneCode)
            return tr("Default scene code: %1").arg(issue.message);
    }
    return QString();
}

bool SettingsDialog::validate()
{
    updateEnabled();
    showError(m_ui->endpointErrorLabel, endpointError());
    showError(m_ui->caFileErrorLabel, caFileError());
    showError(m_ui->accessKeyErrorLabel, accessKeyError());
    showError(m_ui->sceneCodeErrorLabel, sceneCodeError());
    showError(m_ui->idleLockErrorLabel, idleLockError());
    showError(m_ui->historyErrorLabel, historyError());
    bool valid = true;
    for (const QLabel* label : errorLabels()) {
        if (label != m_ui->changeErrorLabel && !label->text().isEmpty())
            valid = false;
    }
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(valid && !m_saving);
    return valid;
}

void SettingsDialog::focusFirstError()
{
    const QList<QPair<QLabel*, QWidget*>> fields { { m_ui->endpointErrorLabel, m_ui->customEndpointLineEdit },
        { m_ui->caFileErrorLabel, m_ui->caFileLineEdit },
        { m_ui->accessKeyErrorLabel, m_ui->accessKeyIdLineEdit },
        { m_ui->sceneCodeErrorLabel, m_ui->sceneCodeLineEdit },
        { m_ui->idleLockErrorLabel, m_ui->idleLockSpinBox },
        { m_ui->historyErrorLabel, m_ui->historyLocationLineEdit } };
    for (const auto& [label, field] : fields) {
        if (!label->text().isEmpty()) {
            field->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

QString SettingsDialog::errorText() const
{
    QStringList errors;
    for (const QLabel* label : errorLabels()) {
        if (!label->text().isEmpty())
            errors.append(label->text());
    }
    return errors.join(QLatin1Char('\n'));
}

QString SettingsDialog::changeError() const
{
    return m_ui->changeErrorLabel->text();
}

QString SettingsDialog::historyLocationToSave() const
{
    const QString location = m_ui->historyLocationLineEdit->text().trimmed();
    return location == m_shownHistoryLocation.trimmed() ? m_storedHistoryLocation : location;
}

QList<SettingsChange::Value> SettingsDialog::changes() const
{
    QList<SettingsChange::Value> values;
    auto add = [this, &values](const auto& key, const auto& value) {
        if (!(m_settings.value(key) == value))
            values.append({ QString::fromLatin1(key.name), QVariant::fromValue(value) });
    };
    QString kind = hkInternetKind;
    if (m_ui->hkVpcRadioButton->isChecked())
        kind = hkVpcKind;
    else if (m_ui->customRadioButton->isChecked())
        kind = customKind;
    add(Settings::endpointKind, kind);
    if (kind == customKind)
        add(Settings::customEndpoint, m_ui->customEndpointLineEdit->text().trimmed());
    add(Settings::extraCaFile, m_ui->caFileLineEdit->text().trimmed());
    // The spin box rounds to one decimal: compare what it shows, so an untouched value is not rewritten.
    const QDoubleSpinBox* qps = m_ui->rateLimitDoubleSpinBox;
    if (!qFuzzyCompare(qps->valueFromText(qps->textFromValue(m_settings.value(Settings::rateLimitQps))), qps->value()))
        add(Settings::rateLimitQps, qps->value());
    add(Settings::timeoutSeconds, m_ui->timeoutSpinBox->value());
    add(Settings::maxAttempts, m_ui->maxAttemptsSpinBox->value());
    add(Settings::longTermValue, m_ui->longTermEnglishRadioButton->isChecked() ? longTermEnglish : longTermChinese());
    add(Settings::sceneCode, m_ui->sceneCodeLineEdit->text().trimmed());
    add(Settings::language, m_ui->languageComboBox->currentData().toString());
    add(Settings::colorScheme, m_ui->colorSchemeComboBox->currentData().toString());
    add(Settings::fourEyes, m_ui->fourEyesCheckBox->isChecked());
    add(Settings::idleLockMinutes, m_ui->idleLockSpinBox->value());
    add(Settings::historyLocation, historyLocationToSave());
    add(Settings::retentionDays, m_ui->retentionDaysSpinBox->value());
    add(Settings::anchorDirectory, m_ui->anchorFolderLineEdit->text().trimmed());
    add(Settings::checkpointInterval, m_ui->checkpointIntervalSpinBox->value());
    const QString keyId = m_ui->accessKeyIdLineEdit->text().trimmed();
    if (!keyId.isEmpty()) // a new key, even with the same id: its secret changed
        values.append({ QString::fromLatin1(Settings::keychainAccessKey.name),
            Credentials(keyId, QString(), QString(), QString()).maskedKeyId() });
    else if (m_removeKey)
        values.append({ QString::fromLatin1(Settings::keychainAccessKey.name), QString() });
    if (m_ui->historyPasswordLineEdit->isEnabled() && !m_ui->historyPasswordLineEdit->text().isEmpty())
        values.append({ historyPasswordKey, QVariant() });
    return values;
}

// Runs once the change is allowed, before any setting is written: the secrets go to the keychain or nowhere.
Result<void> SettingsDialog::saveSecrets()
{
    const QString keyId = m_ui->accessKeyIdLineEdit->text().trimmed();
    const QString password =
        m_ui->historyPasswordLineEdit->isEnabled() ? m_ui->historyPasswordLineEdit->text() : QString();
    if (keyId.isEmpty() && !m_removeKey && password.isEmpty())
        return {};
    if (!m_keychain)
        return Failure(ErrorCode::KeychainUnavailable,
            Language::joinSentences({ KeychainSecretStore::unavailableMessage(), tr("Nothing was saved.") }));
    if (!keyId.isEmpty()) {
        const Result<void> saved = CredentialChain::saveToKeychain(
            *m_keychain, keyId, m_ui->accessKeySecretLineEdit->text(), m_ui->securityTokenLineEdit->text());
        if (!saved)
            return Failure(saved.error(), tr("AccessKey not saved: %1").arg(saved.message()));
    } else if (m_removeKey) {
        if (const Result<void> removed = CredentialChain::removeFromKeychain(*m_keychain); !removed)
            return removed.failure();
    }
    if (!password.isEmpty()) {
        const HistoryLocation location = HistoryLocation::parse(historyLocationToSave());
        QString error;
        if (!m_keychain->write(location.passwordAccount(), password.toUtf8(), &error))
            return Failure(ErrorCode::KeychainUnavailable, tr("Database password not saved: %1").arg(error));
    }
    return {};
}

void SettingsDialog::accept()
{
    if (m_saving)
        return;
    if (!validate()) {
        focusFirstError();
        return;
    }
    const QList<SettingsChange::Value> values = changes();
    m_changedKeys.clear();
    showError(m_ui->changeErrorLabel, QString());
    if (values.isEmpty()) {
        QDialog::accept();
        return;
    }
    const auto prepare = [this] { return saveSecrets(); };
    const auto done = [this](const Result<QStringList>& written) { saved(written); };
    m_saving = true;
    validate(); // OK stays disabled until the history has answered
    SettingsChange::apply(m_service, m_settings, values, prepare, this, done);
}

void SettingsDialog::saved(const Result<QStringList>& written)
{
    m_saving = false;
    validate();
    if (!written) {
        showError(m_ui->changeErrorLabel, written.message());
        return;
    }
    m_changedKeys = *written;
    m_changedKeys.removeAll(historyPasswordKey);
    m_removeKey = false;
    for (QLineEdit* secret :
        { m_ui->accessKeySecretLineEdit, m_ui->securityTokenLineEdit, m_ui->historyPasswordLineEdit })
        secret->clear();
    QDialog::accept();
}

void SettingsDialog::removeSavedKey()
{
    m_removeKey = true;
    loadAccessKey();
}

void SettingsDialog::testConnection()
{
    if (m_test)
        return;
    ClientConfig config;
    Credentials credentials;
    const QString keyId = m_ui->accessKeyIdLineEdit->text().trimmed();
    if (m_service && m_service->isTraining()) {
        config = m_service->options().client; // the sandbox: training never leaves it
        credentials = Credentials::training();
    } else {
        QString error = Language::joinSentences({ endpointError(), caFileError() });
        const QString choice = m_ui->customRadioButton->isChecked() ? m_ui->customEndpointLineEdit->text().trimmed()
            : m_ui->hkVpcRadioButton->isChecked()                   ? hkVpcKind
                                                                    : hkInternetKind;
        if (error.isEmpty())
            EndpointConfig::resolveEndpoint(choice, &config.endpoint, &error);
        const QString caFile = m_ui->caFileLineEdit->text().trimmed();
        if (error.isEmpty() && !caFile.isEmpty())
            EndpointConfig::loadCaFile(caFile, &config.extraCaCertificates, &error);
        if (!keyId.isEmpty())
            credentials = Credentials(keyId,
                m_ui->accessKeySecretLineEdit->text(),
                m_ui->securityTokenLineEdit->text(),
                QStringLiteral("settings"));
        else if (m_service)
            credentials = m_service->credentials();
        if (error.isEmpty() && !credentials.isValid())
            error = tr("No AccessKey to test with: enter one above, or give one through the environment.");
        if (!error.isEmpty()) {
            m_ui->testConnectionResultLabel->setText(error);
            m_ui->testConnectionResultLabel->show();
            return;
        }
    }
    config.timeoutMs = m_ui->timeoutSpinBox->value() * 1000;
    m_test = new ConnectionTest(config, credentials, this);
    connect(m_test, &ConnectionTest::finished, this, &SettingsDialog::showTestResult);
    m_ui->testConnectionPushButton->setEnabled(false);
    m_ui->testConnectionResultLabel->setText(tr("Testing the connection to %1…").arg(config.endpoint.host()));
    m_ui->testConnectionResultLabel->show();
    m_test->start();
}

void SettingsDialog::showTestResult(const ConnectionTestResult& result)
{
    QStringList lines { result.explanation };
    if (!result.proves.isEmpty())
        lines << tr("Proves: %1").arg(result.proves);
    if (!result.unconfirmed.isEmpty())
        lines << tr("Not confirmed: %1").arg(result.unconfirmed);
    if (!result.requestId.isEmpty())
        lines << tr("RequestId: %1").arg(result.requestId);
    m_ui->testConnectionResultLabel->setText(lines.join(QLatin1Char('\n')));
    m_ui->testConnectionPushButton->setEnabled(true);
    if (m_test)
        m_test->deleteLater();
    m_test = nullptr;
}
