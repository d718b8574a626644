#include "ExportDialog.h"

#include "export/Exporter.h"
#include "history/AuditStore.h"
#include "session/HistoryThread.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QVBoxLayout>

ExportDialog::ExportDialog(AuditStore& history, const Actor& actor, const HistoryQuery& query, QWidget* parent)
    : QDialog(parent)
    , m_history(history)
    , m_actor(actor)
    , m_query(query)
    , m_thread(std::make_unique<HistoryThread>(history, QStringLiteral("history-export")))
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export the audit log"));
    setWindowModality(Qt::WindowModal);
    build();
    updateControls();
}

ExportDialog::~ExportDialog()
{
    if (m_cancel)
        m_cancel->store(true); // the thread's destructor waits for the export to stop
}

void ExportDialog::build()
{
    auto* form = new QFormLayout;
    m_cases = new QRadioButton(tr("The &cases of the current filter, one row each"), this);
    m_cases->setObjectName(QStringLiteral("exportCasesRadioButton"));
    m_cases->setChecked(true);
    m_events =
        new QRadioButton(tr("The raw &events of the filter's period, with their chain fields (auditor's view)"), this);
    m_events->setObjectName(QStringLiteral("exportEventsRadioButton"));
    auto* what = new QVBoxLayout;
    what->addWidget(m_cases);
    what->addWidget(m_events);
    form->addRow(tr("What:"), what);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormatComboBox"));
    m_format->addItem(tr("CSV (UTF-8)"), QStringLiteral("csv"));
    m_format->addItem(tr("CSV for Excel (UTF-8 with BOM)"), QStringLiteral("excel"));
    m_format->addItem(tr("JSON Lines"), QStringLiteral("jsonl"));
    m_format->addItem(tr("PDF report (cases only)"), QStringLiteral("pdf"));
    form->addRow(tr("&Format:"), m_format);

    m_unmasked = new QCheckBox(tr("Names and ID numbers &unmasked (supervisors only; recorded with the reason)"), this);
    m_unmasked->setObjectName(QStringLiteral("exportUnmaskedCheckBox"));
    form->addRow(QString(), m_unmasked);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("exportReasonLineEdit"));
    m_reason->setPlaceholderText(tr("why the personal data must leave the history"));
    form->addRow(tr("&Reason:"), m_reason);

    m_path = new QLineEdit(suggestedPath(), this);
    m_path->setObjectName(QStringLiteral("exportPathLineEdit"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    auto* file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    file->addWidget(m_browse);
    auto* fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, file);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgressBar"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_result = new QLabel(tr("A manifest (file SHA-256, rows, filter, chain facts, HMAC) is written beside the file; "
                             "check it later with: ekyc-desk-cli export verify FILE.manifest.json"),
        this);
    m_result->setObjectName(QStringLiteral("exportResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportPushButton"));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("exportCancelPushButton"));

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(buttons);

    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_unmasked, &QCheckBox::toggled, this, &ExportDialog::updateControls);
    connect(m_cases, &QRadioButton::toggled, this, &ExportDialog::updateControls);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const QString path = m_path->text();
        const QString format = m_format->currentData().toString();
        const QString suffix = format == QLatin1String("jsonl") ? QStringLiteral(".jsonl")
            : format == QLatin1String("pdf")                    ? QStringLiteral(".pdf")
                                                                : QStringLiteral(".csv");
        const qsizetype dot = path.lastIndexOf(u'.');
        if (dot > path.lastIndexOf(u'/'))
            m_path->setText(path.left(dot) + suffix);
    });
}

QString ExportDialog::nextFreePath(const QString& written) const
{
    const QFileInfo info(written);
    const QString base = QFileInfo(suggestedPath()).completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : u'.' + info.suffix();
    for (int n = 1;; ++n) {
        QString candidate = info.dir().filePath(base + (n > 1 ? QStringLiteral("-%1").arg(n) : QString()) + suffix);
        if (!QFileInfo::exists(candidate) && !QFileInfo::exists(ExportManifest::pathFor(candidate)))
            return candidate;
    }
}

QString ExportDialog::suggestedPath() const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return QDir(folder).filePath(QStringLiteral("ekyc-audit-%1.csv").arg(stamp));
}

void ExportDialog::updateControls()
{
    // A PDF is a report of cases: not offered for the raw events.
    const int pdf = m_format->findData(QStringLiteral("pdf"));
    if (auto* formats = qobject_cast<QStandardItemModel*>(m_format->model()); formats && pdf >= 0)
        formats->item(pdf)->setEnabled(m_cases->isChecked());
    if (!m_cases->isChecked() && m_format->currentIndex() == pdf)
        m_format->setCurrentIndex(m_format->findData(QStringLiteral("csv")));
    m_unmasked->setEnabled(!m_running && m_cases->isChecked());
    if (!m_cases->isChecked())
        m_unmasked->setChecked(false);
    m_reason->setEnabled(!m_running && m_unmasked->isChecked());
    for (QWidget* w : { static_cast<QWidget*>(m_cases),
             static_cast<QWidget*>(m_events),
             static_cast<QWidget*>(m_format),
             static_cast<QWidget*>(m_path),
             static_cast<QWidget*>(m_browse) })
        w->setEnabled(!m_running);
    m_export->setEnabled(!m_running);
    m_cancelButton->setText(m_running ? tr("Cancel export") : tr("Close"));
}

void ExportDialog::chooseFile()
{
    auto* dialog = new QFileDialog(this, tr("Export to"), m_path->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { m_path->setText(path); });
    dialog->open();
}

void ExportDialog::startExport()
{
    if (m_running)
        return;
    ExportRequest request;
    request.what = m_cases->isChecked() ? ExportRequest::What::Cases : ExportRequest::What::Events;
    const QString format = m_format->currentData().toString();
    request.format = ExportRequest::formatFromKey(format).value_or(ExportRequest::Format::Csv); // "excel" is CSV
    request.excel = format == QLatin1String("excel");
    if (request.what == ExportRequest::What::Cases) {
        request.query = m_query;
    } else {
        request.query.from = m_query.from;
        request.query.to = m_query.to;
    }
    request.unmasked = m_unmasked->isChecked();
    request.reason = m_reason->text().trimmed();
    request.outPath = m_path->text().trimmed();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_running = true;
    m_progress->setRange(0, 0); // busy until the total is known
    m_result->setText(tr("Exporting…"));
    updateControls();

    QPointer<ExportDialog> self(this);
    HistoryThread* thread = m_thread.get();
    m_thread->run<Result<ExportOutcome>>(
        [thread, actor = m_actor, request, cancel = m_cancel, self](AuditStore* store) -> Result<ExportOutcome> {
            if (!store)
                return Failure(ErrorCode::Unavailable, thread->openError());
            const auto progress = [self](qint64 done, qint64 total) {
                if (done % 500 != 0 && done != total)
                    return; // a signal per 500 rows is plenty for a bar
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, done, total] {
                        if (self)
                            self->showProgress(done, total);
                    },
                    Qt::QueuedConnection);
            };
            return Exporter(*store).run(actor, request, progress, cancel.get());
        },
        this,
        [this](const Result<ExportOutcome>& outcome) {
            m_running = false;
            m_cancel.reset();
            if (outcome) {
                m_progress->setRange(0, 1);
                m_progress->setValue(1);
                // The file just written is an export now, which the next one may not write over: a fresh name, in
                // the same folder and format.
                m_path->setText(nextFreePath(outcome->filePath));
                m_result->setText(
                    tr("Exported %n row(s) to %1.\nManifest: %2", nullptr, static_cast<int>(outcome->manifest.rows))
                        .arg(QDir::toNativeSeparators(outcome->filePath),
                            QDir::toNativeSeparators(outcome->manifestPath)));
            } else {
                m_progress->setRange(0, 1);
                m_progress->setValue(0);
                m_result->setText(outcome.error() == ErrorCode::Cancelled
                        ? tr("Export cancelled. No file was written.")
                        : tr("Not exported: %1").arg(outcome.message()));
            }
            updateControls();
            emit finishedExport(outcome.ok());
        });
}

void ExportDialog::showProgress(qint64 done, qint64 total)
{
    if (!m_running)
        return;
    if (total <= 0) {
        m_progress->setRange(0, 0);
        return;
    }
    const int scale = total > 1'000'000 ? 1000 : 1; // QProgressBar counts in int
    m_progress->setRange(0, static_cast<int>(total / scale));
    m_progress->setValue(static_cast<int>(done / scale));
    m_result->setText(tr("Exporting… %1 of %2 rows").arg(QString::number(done), QString::number(total)));
}

void ExportDialog::cancelExport()
{
    if (m_cancel)
        m_cancel->store(true);
}

QString ExportDialog::resultText() const
{
    return m_result->text();
}

void ExportDialog::reject()
{
    if (m_running) {
        cancelExport(); // the dialog stays until the export has stopped and said so
        return;
    }
    QDialog::reject();
}
