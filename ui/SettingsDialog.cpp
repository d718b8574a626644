#include "SettingsDialog.h"
#include "ui_SettingsDialog.h"

#include "api/ApiClient.h"
#include "api/EndpointConfig.h"
#include "base/Settings.h"
#include "history/HistoryLocation.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QPushButton>
#include <QUrl>

namespace {

const QString hkInternetKind = QStringLiteral("hk-internet");
const QString hkVpcKind = QStringLiteral("hk-vpc");
const QString customKind = QStringLiteral("custom");
const QString longTermEnglish = QStringLiteral("long-term");

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
    m_ui->hkInternetRadioButton->setText(tr("Hong Kong, &Internet (%1)").arg(ClientConfig::hongKongInternet().host()));
    m_ui->hkVpcRadioButton->setText(tr("Hong Kong, &VPC (%1)").arg(ClientConfig::hongKongVpc().host()));
    m_ui->historyLocationLineEdit->setPlaceholderText(HistoryLocation::defaultPath());
    m_ui->historyLocationLineEdit->setToolTip(tr("Default: %1").arg(HistoryLocation::defaultPath()));
    for (QLabel* label : { m_ui->endpointErrorLabel, m_ui->caFileErrorLabel, m_ui->historyErrorLabel }) {
        label->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
        label->hide();
    }

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_ui->customRadioButton, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_ui->caFileBrowsePushButton, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    // An error disappears as soon as its field is edited; OK checks again.
    connect(m_ui->customEndpointLineEdit, &QLineEdit::textEdited, this, [this] {
        showError(m_ui->endpointErrorLabel, QString());
    });
    connect(m_ui->customRadioButton, &QRadioButton::toggled, this, [this] {
        showError(m_ui->endpointErrorLabel, QString());
    });
    connect(
        m_ui->caFileLineEdit, &QLineEdit::textChanged, this, [this] { showError(m_ui->caFileErrorLabel, QString()); });
    connect(m_ui->historyLocationLineEdit, &QLineEdit::textEdited, this, [this] {
        showError(m_ui->historyErrorLabel, QString());
    });

    // The three groups' fields start at the same column.
    const QList<QLabel*> formLabels { m_ui->endpointLabel,
        m_ui->caFileLabel,
        m_ui->rateLimitLabel,
        m_ui->timeoutLabel,
        m_ui->maxAttemptsLabel,
        m_ui->longTermLabel,
        m_ui->historyLocationLabel,
        m_ui->retentionDaysLabel };
    int labelWidth = 0;
    for (const QLabel* label : formLabels)
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    for (QLabel* label : formLabels)
        label->setMinimumWidth(labelWidth);

    load();
    // Word-wrapped labels report their height for a width: fix the width, then take the height for it.
    setMinimumWidth(680);
    resize(680, heightForWidth(680));
}

SettingsDialog::~SettingsDialog() = default;

QString SettingsDialog::savedMessage()
{
    return tr("Settings saved. They take effect at the next start of eKYC Desk, which records the changes in the "
              "audit history.");
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

    m_storedHistoryLocation = m_settings.value(Settings::historyLocation);
    m_shownHistoryLocation = m_storedHistoryLocation;
    const HistoryLocation stored = HistoryLocation::parse(m_storedHistoryLocation);
    if (stored.isPostgres() && !stored.password.isEmpty()) {
        m_shownHistoryLocation = QUrl(m_storedHistoryLocation.trimmed()).toString(QUrl::RemovePassword);
        m_ui->historyNoteLabel->setText(m_ui->historyNoteLabel->text() + QLatin1Char('\n')
            + tr("The stored URL holds a password, which is not shown; it is kept unless you change the location."));
    }
    m_ui->historyLocationLineEdit->setText(m_shownHistoryLocation);
    m_ui->retentionDaysSpinBox->setValue(m_settings.value(Settings::retentionDays));
    updateEnabled();
}

void SettingsDialog::updateEnabled()
{
    m_ui->customEndpointLineEdit->setEnabled(m_ui->customRadioButton->isChecked());
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

void SettingsDialog::showError(QLabel* label, const QString& message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
    // An error adds lines: grow so that nothing is squeezed.
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

bool SettingsDialog::validate()
{
    QString endpointError;
    if (m_ui->customRadioButton->isChecked()) {
        const QString custom = m_ui->customEndpointLineEdit->text().trimmed();
        QUrl url;
        if (custom.isEmpty())
            endpointError = tr("Endpoint: enter the https:// URL of the custom endpoint.");
        else
            EndpointConfig::resolveEndpoint(custom, &url, &endpointError);
    }
    showError(m_ui->endpointErrorLabel, endpointError);

    QString caError;
    const QString caFile = m_ui->caFileLineEdit->text().trimmed();
    QList<QSslCertificate> certificates;
    if (!caFile.isEmpty())
        EndpointConfig::loadCaFile(caFile, &certificates, &caError);
    showError(m_ui->caFileErrorLabel, caError);

    QString historyError;
    const QString location = m_ui->historyLocationLineEdit->text().trimmed();
    if (location != m_shownHistoryLocation.trimmed()) {
        const HistoryLocation parsed = HistoryLocation::parse(location);
        if (!parsed.isValid())
            historyError = parsed.error;
        else if (parsed.isPostgres() && !parsed.password.isEmpty())
            historyError = tr("History: leave the password out of the URL; PostgreSQL reads it from PGPASSWORD or "
                              "~/.pgpass. Passwords are never stored in the settings.");
    }
    showError(m_ui->historyErrorLabel, historyError);

    // The first field with an error gets the focus.
    if (!endpointError.isEmpty())
        m_ui->customEndpointLineEdit->setFocus(Qt::OtherFocusReason);
    else if (!caError.isEmpty())
        m_ui->caFileLineEdit->setFocus(Qt::OtherFocusReason);
    else if (!historyError.isEmpty())
        m_ui->historyLocationLineEdit->setFocus(Qt::OtherFocusReason);
    return endpointError.isEmpty() && caError.isEmpty() && historyError.isEmpty();
}

QString SettingsDialog::errorText() const
{
    QStringList errors;
    for (const QLabel* label : { m_ui->endpointErrorLabel, m_ui->caFileErrorLabel, m_ui->historyErrorLabel }) {
        if (!label->text().isEmpty())
            errors.append(label->text());
    }
    return errors.join(QLatin1Char('\n'));
}

void SettingsDialog::accept()
{
    if (!validate())
        return;
    save();
    QDialog::accept();
}

void SettingsDialog::save()
{
    m_changedKeys.clear();
    auto write = [this](const auto& key, const auto& value) {
        if (m_settings.value(key) == value)
            return;
        m_settings.setValue(key, value);
        m_changedKeys.append(QString::fromLatin1(key.name));
    };

    QString kind = hkInternetKind;
    if (m_ui->hkVpcRadioButton->isChecked())
        kind = hkVpcKind;
    else if (m_ui->customRadioButton->isChecked())
        kind = customKind;
    write(Settings::endpointKind, kind);
    if (kind == customKind)
        write(Settings::customEndpoint, m_ui->customEndpointLineEdit->text().trimmed());
    write(Settings::extraCaFile, m_ui->caFileLineEdit->text().trimmed());
    // The spin box rounds to one decimal: compare what it shows, so an untouched value is not rewritten.
    const double qps = m_ui->rateLimitDoubleSpinBox->value();
    if (!qFuzzyCompare(m_ui->rateLimitDoubleSpinBox->valueFromText(
                           m_ui->rateLimitDoubleSpinBox->textFromValue(m_settings.value(Settings::rateLimitQps))),
            qps))
        write(Settings::rateLimitQps, qps);
    write(Settings::timeoutSeconds, m_ui->timeoutSpinBox->value());
    write(Settings::maxAttempts, m_ui->maxAttemptsSpinBox->value());
    write(Settings::longTermValue, m_ui->longTermEnglishRadioButton->isChecked() ? longTermEnglish : longTermChinese());
    const QString location = m_ui->historyLocationLineEdit->text().trimmed();
    if (location != m_shownHistoryLocation.trimmed())
        write(Settings::historyLocation, location);
    write(Settings::retentionDays, m_ui->retentionDaysSpinBox->value());
    m_settings.sync();
}
