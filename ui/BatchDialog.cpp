#include "BatchDialog.h"

#include "base/Language.h"
#include "base/OutputFile.h"
#include "batch/BatchJournal.h"
#include "batch/BatchReport.h"
#include "batch/BatchRun.h"
#include "batch/BatchStart.h"
#include "history/AuditStore.h"
#include "session/Billing.h"
#include "session/VerificationService.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

namespace {

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

QString issuesText(const BatchInput& input)
{
    QStringList lines;
    for (const BatchRow& row : input.rows()) {
        for (const ValidationIssue& issue : row.issues) {
            const QString text = issue.blocking ? BatchDialog::tr("Row %1 (line %2), not sent: %3")
                                                : BatchDialog::tr("Row %1 (line %2), warning: %3");
            lines.append(text.arg(row.number).arg(row.line).arg(issue.message));
        }
    }
    return lines.join(u'\n');
}

} // namespace

BatchDialog::BatchDialog(VerificationService& service, QWidget* parent)
    : QDialog(parent)
    , m_service(service)
{
    setObjectName(QStringLiteral("batchDialog"));
    setWindowTitle(tr("Verify a list of cases"));
    setWindowModality(Qt::WindowModal);
    build();
    updateControls();
    // Room for a path and a line of the issues list, in the font's own measure (scales with it and with the screen).
    const QFontMetrics metrics(font());
    resize(sizeHint().expandedTo(QSize(metrics.averageCharWidth() * 80, metrics.height() * 26)));
}

BatchDialog::~BatchDialog()
{
    // Hidden by QDialog's destructor, the path field losing the focus must not start a check of a dialog going away.
    m_inPath->disconnect(this);
    if (m_run)
        m_run->cancel();
}

void BatchDialog::build()
{
    auto* form = new QFormLayout;
    m_inPath = new QLineEdit(this);
    m_inPath->setObjectName(QStringLiteral("batchInputLineEdit"));
    m_inPath->setPlaceholderText(tr("CSV: name, id_number, start, end (optional scene, user_id, merchant_biz_id)"));
    auto* browseIn = new QPushButton(tr("B&rowse…"), this);
    browseIn->setObjectName(QStringLiteral("batchInputBrowsePushButton"));
    auto* in = new QHBoxLayout;
    in->addWidget(m_inPath, 1);
    in->addWidget(browseIn);
    form->addRow(buddyLabel(tr("&List:"), m_inPath, this), in);

    m_outPath = new QLineEdit(this);
    m_outPath->setObjectName(QStringLiteral("batchOutputLineEdit"));
    auto* browseOut = new QPushButton(tr("Br&owse…"), this);
    browseOut->setObjectName(QStringLiteral("batchOutputBrowsePushButton"));
    auto* out = new QHBoxLayout;
    out->addWidget(m_outPath, 1);
    out->addWidget(browseOut);
    form->addRow(buddyLabel(tr("R&esults:"), m_outPath, this), out);

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("batchFormatComboBox"));
    m_format->addItem(tr("CSV (UTF-8)"));
    m_format->addItem(tr("JSON Lines"));
    form->addRow(buddyLabel(tr("&Format:"), m_format, this), m_format);

    m_summary = new QLabel(tr("Choose a list: it is checked before anything is sent."), this);
    m_summary->setObjectName(QStringLiteral("batchSummaryLabel"));
    m_summary->setWordWrap(true);
    m_issues = new QPlainTextEdit(this);
    m_issues->setObjectName(QStringLiteral("batchIssuesTextEdit"));
    m_issues->setReadOnly(true);
    m_issues->setAccessibleName(tr("Rows refused or with warnings"));
    m_issues->setVisible(false);
    m_acceptWarnings = new QCheckBox(tr("Send the rows with &warnings too (I have checked them)"), this);
    m_acceptWarnings->setObjectName(QStringLiteral("batchAcceptWarningsCheckBox"));
    // Shown when Start finds the list already verified in this history (BatchRegistry) and not resumable here.
    m_again = new QCheckBox(tr("Verify this list &again (every row is sent again)"), this);
    m_again->setObjectName(QStringLiteral("batchAgainCheckBox"));
    m_again->setVisible(false);
    m_billing = new QLabel(this);
    m_billing->setObjectName(QStringLiteral("batchBillingLabel"));
    m_billing->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("batchProgressBar"));
    m_progress->setAccessibleName(tr("Batch progress"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("batchStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_start = new QPushButton(tr("&Start"), this);
    m_start->setObjectName(QStringLiteral("batchStartPushButton"));
    m_cancel = new QPushButton(tr("&Cancel batch"), this);
    m_cancel->setObjectName(QStringLiteral("batchCancelPushButton"));
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("batchClosePushButton"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    // Enter in a path field checks the list; it never presses a button (Start sends billed calls).
    for (QPushButton* button : { browseIn, browseOut, m_start, m_cancel, m_close })
        button->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_issues, 1);
    layout->addWidget(m_acceptWarnings);
    layout->addWidget(m_again);
    layout->addWidget(m_billing);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

    connect(browseIn, &QPushButton::clicked, this, &BatchDialog::chooseInput);
    connect(browseOut, &QPushButton::clicked, this, &BatchDialog::chooseOutput);
    connect(m_inPath, &QLineEdit::editingFinished, this, &BatchDialog::checkInput);
    connect(m_outPath, &QLineEdit::textChanged, this, [this] {
        // "Verify this list again" answered for one results file, not for whatever is typed next.
        m_again->setChecked(false);
        m_again->setVisible(false);
        updateControls();
    });
    connect(m_acceptWarnings, &QCheckBox::toggled, this, &BatchDialog::updateControls);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QString path = m_outPath->text();
        const QString suffix = index == 1 ? QStringLiteral(".jsonl") : QStringLiteral(".csv");
        if (path.endsWith(QLatin1String(".csv")) || path.endsWith(QLatin1String(".jsonl")))
            m_outPath->setText(path.left(path.lastIndexOf(u'.')) + suffix);
    });
    connect(m_start, &QPushButton::clicked, this, &BatchDialog::startBatch);
    connect(m_cancel, &QPushButton::clicked, this, &BatchDialog::cancelBatch);
    connect(m_close, &QPushButton::clicked, this, &BatchDialog::reject);
}

void BatchDialog::chooseInput()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("List of cases"), QFileInfo(m_inPath->text()).absolutePath(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    m_inPath->setText(path);
    checkInput();
}

void BatchDialog::chooseOutput()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Results"), m_outPath->text());
    if (!path.isEmpty())
        m_outPath->setText(path);
}

void BatchDialog::checkInput()
{
    const QString path = m_inPath->text().trimmed();
    if (path.isEmpty() || isRunning())
        return;
    if (m_outPath->text().isEmpty()) {
        const QFileInfo info(path);
        m_outPath->setText(info.dir().filePath(info.completeBaseName() + QStringLiteral("-results.csv")));
    }
    m_checking = true;
    m_input.reset();
    m_summary->setText(tr("Checking %1…").arg(QDir::toNativeSeparators(path)));
    updateControls();
    const int generation = ++m_checkGeneration;
    const QDate today = VerificationService::today();
    QPointer<BatchDialog> guard(this);
    // Reading and checking a long list takes a moment: off the GUI thread.
    QThread* worker = QThread::create([guard, generation, path, today] {
        QFile file(path);
        QByteArray data;
        Result<BatchInput> input = Failure(ErrorCode::NotFound, QString());
        if (file.open(QIODevice::ReadOnly)) {
            data = file.readAll();
            input = BatchInput::parse(data, today);
        } else {
            input = Failure(ErrorCode::NotFound, tr("Cannot read %1: %2").arg(path, file.errorString()));
        }
        if (guard)
            QMetaObject::invokeMethod(guard, [guard, generation, path, data, input] {
                if (guard && generation == guard->m_checkGeneration)
                    guard->showChecked(path, data, input);
            });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void BatchDialog::showChecked(const QString& path, const QByteArray& data, const Result<BatchInput>& input)
{
    m_checking = false;
    if (!input) {
        m_summary->setText(tr("%1: %2").arg(QDir::toNativeSeparators(path), input.message()));
        m_issues->setVisible(false);
        updateControls();
        emit checked(false);
        return;
    }
    m_data = data;
    m_input = *input;
    const int rows = static_cast<int>(input->rows().size());
    const int refused = input->refusedCount();
    const int warnings = input->warningCount();
    m_summary->setText(tr("%n row(s): %1 ready to send, %2 refused (never sent), %3 with warnings.", nullptr, rows)
                           .arg(rows - refused - warnings)
                           .arg(refused)
                           .arg(warnings));
    m_issues->setPlainText(issuesText(*input));
    m_issues->setVisible(refused + warnings > 0);
    m_acceptWarnings->setChecked(false);
    m_again->setChecked(false);
    m_again->setVisible(false);
    const int toSend = rows - refused;
    m_billing->setText(Billing::perBatch(m_service.isTraining(), toSend));
    updateControls();
    emit checked(true);
}

void BatchDialog::fitHeight()
{
    // Wrapped messages need more lines at this width; the dialog grows to show them whole, and never shrinks.
    layout()->activate(); // the box just shown and the new text, measured now rather than at the next event
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

bool BatchDialog::isRunning() const
{
    return m_run && !m_run->isFinished();
}

void BatchDialog::updateControls()
{
    const bool running = isRunning();
    const bool warnings = m_input && m_input->warningCount() > 0;
    m_acceptWarnings->setVisible(warnings);
    m_acceptWarnings->setEnabled(!running);
    m_again->setEnabled(!running);
    const bool sendable = m_input && m_input->refusedCount() < m_input->rows().size();
    m_start->setEnabled(!running && !m_checking && sendable && !m_outPath->text().trimmed().isEmpty()
        && (!warnings || m_acceptWarnings->isChecked()));
    m_cancel->setEnabled(running);
    m_inPath->setEnabled(!running);
    m_outPath->setEnabled(!running);
    m_format->setEnabled(!running);
}

void BatchDialog::startBatch()
{
    if (!m_input || isRunning())
        return;
    const QString outPath = m_outPath->text().trimmed();
    // Before anything is sent: results that could not be written would leave rows billed that the next run sends
    // again; and never over the history or the list itself.
    const AuditStore* history = m_service.history();
    if (const Result<void> writable = BatchJournal::checkOutput(tr("Results file"),
            outPath,
            OutputFile::historyFiles(history ? history->sqlitePath() : QString()),
            { m_inPath->text().trimmed() });
        !writable) {
        m_status->setText(writable.message());
        return;
    }
    BatchStart start = BatchStart::begin(*m_input,
        m_data,
        { outPath, history ? history->historyId() : QString(), m_again->isChecked(), m_service.isTraining() });
    switch (start.refusal()) {
    case BatchStart::Refusal::None:
        break;
    case BatchStart::Refusal::AlreadyBegun:
        askAgain(start.message());
        return;
    case BatchStart::Refusal::Busy:
    case BatchStart::Refusal::JournalNotWritten:
    case BatchStart::Refusal::OtherBatchUnsettled:
    case BatchStart::Refusal::OtherHistory:
        m_status->setText(start.message());
        return;
    }
    m_begun = std::make_unique<BatchStart>(std::move(start));
    const BatchJournal& journal = m_begun->journal();
    const bool resumed = m_begun->resumed();
    BatchRun::Options options;
    m_begun->configure(options);
    m_run = std::make_unique<BatchRun>(m_service, *m_input, journal, options);
    m_progress->setRange(0, static_cast<int>(m_input->rows().size()));
    m_progress->setValue(0);
    const QString begun = resumed ? tr("Resuming the batch begun %1: rows already answered are not sent again.")
                                        .arg(QLocale().toString(journal.startedAt.toLocalTime(), QLocale::ShortFormat))
                                  : tr("Starting…");
    m_status->setText(begun);
    m_again->setChecked(false); // it allowed this start, not the next
    connect(m_run.get(), &BatchRun::progress, this, &BatchDialog::showProgress);
    connect(m_run.get(), &BatchRun::finished, this, &BatchDialog::finish);
    m_run->start();
    updateControls();
}

void BatchDialog::showProgress()
{
    if (!m_run)
        return;
    const BatchRun::Counts counts = m_run->counts();
    m_progress->setValue(counts.finished - counts.notSent); // a cancelled batch's unsent rows are not done
    m_status->setText(BatchRun::progressText(counts, m_run->answeredPerSecond()));
}

void BatchDialog::askAgain(const QString& why)
{
    // The reviewer decides: the box allows one start.
    m_again->setVisible(true);
    m_progress->setValue(0);
    m_status->setText(Language::joinSentences({ why, tr("Tick “Verify this list again” to send it anyway.") }));
    fitHeight();
}

void BatchDialog::finish()
{
    if (m_run->earlierInHistory()) {
        // Begun on another workstation, or by another person, in this history: nothing was sent, nothing written.
        m_begun->finished(*m_run, false);
        askAgain(m_run->stopReason());
        updateControls();
        emit finishedBatch(false);
        return;
    }
    showProgress();
    const auto format = m_format->currentIndex() == 1 ? BatchReport::Format::Jsonl : BatchReport::Format::Csv;
    const QString outPath = m_outPath->text().trimmed();
    const Result<void> written = BatchReport::write(*m_run, format, outPath);
    QStringList lines { BatchRun::progressText(m_run->counts(), m_run->answeredPerSecond()) };
    if (!m_run->stopReason().isEmpty())
        lines.append(m_run->stopReason());
    if (m_run->carriedRows() > 0 && !m_begun->resumed())
        lines.append(tr("%n row(s) of this list were in the list verified before with these results: their earlier "
                        "outcomes are reported, marked earlier_run, and were not sent again.",
            nullptr,
            m_run->carriedRows()));
    if (m_run->counts().unknown > 0)
        lines.append(tr("%n row(s) were sent without an answer and may have been billed; they are marked unknown and "
                        "are not sent again.",
            nullptr,
            m_run->counts().unknown));
    lines.append(written ? tr("Results: %1").arg(QDir::toNativeSeparators(outPath)) : written.message());
    if (!m_begun->warning().isEmpty())
        lines.append(m_begun->warning());
    m_begun->finished(*m_run, written.ok()); // another run may take this file now
    m_status->setText(lines.join(u'\n'));
    updateControls();
    emit finishedBatch(written.ok() && m_run->stopReason().isEmpty());
}

void BatchDialog::cancelBatch()
{
    if (isRunning())
        m_run->cancel();
}

void BatchDialog::reject()
{
    if (isRunning()) {
        cancelBatch();
        return;
    }
    QDialog::reject();
}
