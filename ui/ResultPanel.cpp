#include "ResultPanel.h"
#include "StatusIconLabel.h"
#include "Theme.h"
#include "session/Billing.h"
#include "ui_ResultPanel.h"

#include <QEvent>
#include <QPushButton>
#include <QStyle>

ResultPanel::ResultPanel(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ResultPanel>())
{
    m_ui->setupUi(this);
    m_headlineIcon = StatusIconLabel::besideText(m_ui->headlineLabel);
    connect(m_ui->retryPushButton, &QPushButton::clicked, this, &ResultPanel::retryRequested);
    connect(m_ui->correctPushButton, &QPushButton::clicked, this, [this] { emit correctionRequested(m_caseId); });
    connect(
        m_ui->manualReviewPushButton, &QPushButton::clicked, this, [this] { emit manualReviewRequested(m_caseId); });

    Theme::bindStyleSheet(this, [](const QPalette& palette) {
        using Theme::Tone;
        const QString muted = Theme::css(Theme::mutedText(palette));
        return QStringLiteral("#headlineLabel { border-radius: 4px; border: 1px solid %1; }").arg(muted)
            + Theme::boxRule(QStringLiteral("#headlineLabel[status=\"passed\"]"), Tone::Success, palette)
            + Theme::boxRule(QStringLiteral("#headlineLabel[status=\"notPassed\"]"), Tone::Error, palette)
            + Theme::boxRule(QStringLiteral("#headlineLabel[status=\"error\"]"), Tone::Warning, palette)
            + Theme::boxRule(QStringLiteral("#headlineLabel[status=\"pending\"]"), Tone::Info, palette)
            + Theme::boxRule(QStringLiteral("#guidanceFrame"), Tone::Info, palette)
            + QStringLiteral("#guidanceFrame QLabel { color: %1; background: transparent; border: none; }")
                  .arg(Theme::css(Theme::tone(Tone::Info, palette).text))
            // A result for the previous data: the outcome fades, the banner says why.
            + QStringLiteral("#headlineLabel[stale=\"true\"] { background: palette(window); color: %1;"
                             " border: 1px dashed %1; }"
                             "QLabel[stale=\"true\"] { color: %1; }"
                             "#staleLabel { background: palette(highlight); color: palette(highlighted-text);"
                             " border-radius: 4px; font-weight: bold; }")
                  .arg(muted);
    });

    QFont headlineFont = m_ui->headlineLabel->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.5);
    headlineFont.setBold(true);
    m_ui->headlineLabel->setFont(headlineFont);

    QFont subCodeFont = m_ui->subCodeLabel->font();
    subCodeFont.setBold(true);
    m_ui->subCodeLabel->setFont(subCodeFont);

    QFont explanationFont = m_ui->explanationLabel->font();
    explanationFont.setPointSizeF(explanationFont.pointSizeF() * 1.15);
    m_ui->explanationLabel->setFont(explanationFont);

    clear();
}

ResultPanel::~ResultPanel() = default;

void ResultPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        if (m_result) {
            const VerificationResult shown = *m_result;
            const bool stale = m_stale;
            showResult(shown, m_caseId);
            setStale(stale);
        } else if (m_state == QLatin1String("pending")) {
            const int attempt = m_attempt;
            showPending(m_pendingBizId);
            if (attempt > 0)
                showAttempt(attempt);
        } else {
            clear();
        }
    }
    QWidget::changeEvent(event);
}

void ResultPanel::clear()
{
    m_result.reset();
    m_caseId.clear();
    setStale(false);
    m_attempt = 0;
    setHeadline(QStringLiteral("empty"), tr("No verification yet"));
    m_ui->progressBar->hide();
    m_ui->subCodeLabel->hide();
    m_ui->explanationLabel->setText(
        tr("Enter the case on the left and press Enter. The outcome and what to do next appear here."));
    m_ui->guidanceFrame->hide();
    setDetailsVisible(false);
}

void ResultPanel::showPending(const QString& merchantBizId)
{
    m_result.reset();
    m_caseId.clear();
    setStale(false);
    m_pendingBizId = merchantBizId;
    m_attempt = 0;
    setHeadline(QStringLiteral("pending"), tr("Verifying…"));
    m_ui->progressBar->show();
    m_ui->subCodeLabel->hide();
    m_ui->explanationLabel->setText(tr("Waiting for the answer. Busy or failing connections are retried safely."));
    m_ui->guidanceFrame->hide();
    setDetailsVisible(true);
    m_ui->requestIdValueLabel->setText(tr("(not yet)"));
    m_ui->merchantBizIdValueLabel->setText(merchantBizId);
    m_ui->attemptsValueLabel->setText(QString());
    m_ui->answerValueLabel->setText(QString());
}

void ResultPanel::showAttempt(int attempt)
{
    if (m_state != QLatin1String("pending"))
        return;
    m_attempt = attempt;
    m_ui->attemptsValueLabel->setText(QString::number(attempt));
    if (attempt > 1)
        setHeadline(QStringLiteral("pending"), tr("Verifying… attempt %1").arg(attempt));
}

void ResultPanel::showResult(const VerificationResult& result, const QString& caseId)
{
    using Status = VerificationResult::Status;
    m_result = result;
    m_caseId = caseId;
    setStale(false);
    switch (result.status) {
    case Status::Passed:
        setHeadline(QStringLiteral("passed"), tr("Passed"));
        break;
    case Status::NotPassed:
        setHeadline(QStringLiteral("notPassed"), tr("Not passed"));
        break;
    case Status::ApiError:
    case Status::NetworkError:
        setHeadline(QStringLiteral("error"), tr("Not verified: error"));
        break;
    case Status::Cancelled:
        setHeadline(QStringLiteral("cancelled"), tr("Cancelled: nothing was verified"));
        break;
    case Status::OutcomeUnknown:
        setHeadline(QStringLiteral("error"), Billing::unknownOutcome(m_training));
        m_headlineIcon->setKind(StatusIcon::Kind::Unknown);
        break;
    case Status::NotRecorded:
        setHeadline(QStringLiteral("error"), tr("Not recorded — the history is unavailable"));
        break;
    }
    m_ui->progressBar->hide();

    if (result.isBusinessAnswer()) {
        m_ui->subCodeLabel->setText(
            result.subCode.isEmpty() ? tr("No SubCode in the answer") : tr("SubCode %1").arg(result.subCode));
    } else if (!result.code.isEmpty()) {
        m_ui->subCodeLabel->setText(tr("Error %1").arg(result.code));
    } else {
        m_ui->subCodeLabel->setText(QString());
    }
    m_ui->subCodeLabel->setVisible(!m_ui->subCodeLabel->text().isEmpty());
    QString explanation = result.explanation();
    if (result.unrecorded && result.mayHaveBeenBilled())
        explanation += u'\n'
            + tr("Warning: this answer was billed but could not be recorded in the audit history. Note its RequestId; "
                 "it is kept in the history's spool and written as soon as the history is available again.");
    m_ui->explanationLabel->setText(explanation);

    showGuidance(result);

    setDetailsVisible(true);
    m_ui->requestIdValueLabel->setText(result.requestId.isEmpty() ? tr("(none)") : result.requestId);
    m_ui->merchantBizIdValueLabel->setText(result.merchantBizId);
    m_ui->attemptsValueLabel->setText(result.latencyMs > 0
            ? tr("%1 (last one took %2 ms)").arg(result.attempts).arg(result.latencyMs)
            : QString::number(result.attempts));
    QStringList answer;
    if (result.httpStatus > 0)
        answer << tr("HTTP %1").arg(result.httpStatus);
    if (!result.code.isEmpty())
        answer << tr("Code %1").arg(result.code);
    if (!result.message.isEmpty() && result.message.compare(result.code, Qt::CaseInsensitive) != 0)
        answer << result.message;
    if (!result.detail.isEmpty())
        answer << result.detail;
    m_ui->answerValueLabel->setText(
        tr("Answer: %1").arg(answer.isEmpty() ? tr("none") : answer.join(QStringLiteral(" · "))));
}

void ResultPanel::markStale()
{
    if (m_result)
        setStale(true);
}

QString ResultPanel::subCodeSteps(const QString& subCode)
{
    QStringList steps;
    if (subCode == QLatin1String("202")) {
        steps = { tr("Ask the person to confirm every character of the name and of the ID number against the card."),
            tr("A card renewed recently, or an ID number that was changed, may not be in the official database yet: "
               "ask whether either happened."),
            tr("If the person confirms the data as entered, send the case to manual review.") };
    } else if (subCode == QLatin1String("223")) {
        steps = { tr("Check the validity dates on the back of the card: the start date and the end date (or "
                     "long-term) must be exactly as printed."),
            tr("Check the name character by character: the middle dot \"·\" (not a full stop \".\", not left "
               "out), and any rare character typed as a similar common one."),
            tr("If something differs, press \"Correct and verify again\": the data stays in the form, the usual "
               "suspects are highlighted and the new case is linked to this one."),
            tr("If the person confirms the data as entered, send the case to manual review.") };
    } else {
        return QString();
    }
    QString items;
    for (const QString& step : std::as_const(steps))
        items += QStringLiteral("<li>%1</li>").arg(step.toHtmlEscaped());
    return QStringLiteral("<p><b>%1</b></p><ol style=\"margin-left: 0px; -qt-list-indent: 1;\">%2</ol>")
        .arg(tr("What to do next").toHtmlEscaped(), items);
}

void ResultPanel::showGuidance(const VerificationResult& result)
{
    using Status = VerificationResult::Status;
    const bool notPassed = result.status == Status::NotPassed;
    const QString steps = notPassed ? subCodeSteps(result.subCode) : QString();
    const QString guidance = steps.isEmpty() ? result.guidance() : steps;
    m_ui->guidanceLabel->setTextFormat(steps.isEmpty() ? Qt::PlainText : Qt::RichText);
    m_ui->guidanceLabel->setText(guidance);
    m_ui->guidanceFrame->setVisible(!guidance.isEmpty());
    m_ui->correctPushButton->setVisible(notPassed && result.subCode == QLatin1String("223"));
    m_ui->manualReviewPushButton->setVisible(notPassed);
    m_ui->manualReviewPushButton->setEnabled(!m_caseId.isEmpty());
    m_ui->manualReviewPushButton->setToolTip(m_caseId.isEmpty()
            ? tr("Manual review needs the audit history, and this case is not in it")
            : tr("Opens this case in the manual review queue"));
    m_ui->retryPushButton->setVisible(result.status == Status::OutcomeUnknown);
}

void ResultPanel::setStale(bool stale)
{
    m_stale = stale;
    m_ui->staleLabel->setVisible(stale);
    // The outcome fades to the muted text colour, still readable; the buttons stay usable, as they act on the recorded
    // case, not on the form.
    for (QWidget* label : { static_cast<QWidget*>(m_ui->headlineLabel),
             static_cast<QWidget*>(m_ui->subCodeLabel),
             static_cast<QWidget*>(m_ui->explanationLabel),
             static_cast<QWidget*>(m_ui->guidanceLabel) }) {
        label->setProperty("stale", stale);
        label->style()->unpolish(label);
        label->style()->polish(label);
    }
}

void ResultPanel::setHeadline(const QString& state, const QString& text)
{
    m_state = state;
    m_ui->headlineLabel->setText(text);
    m_ui->headlineLabel->setProperty("status", state);
    m_headlineIcon->setKind(StatusIcon::forResultState(state));
    m_ui->headlineLabel->style()->unpolish(m_ui->headlineLabel);
    m_ui->headlineLabel->style()->polish(m_ui->headlineLabel);
}

void ResultPanel::setDetailsVisible(bool visible)
{
    for (QWidget* widget : { static_cast<QWidget*>(m_ui->requestIdTitleLabel),
             static_cast<QWidget*>(m_ui->requestIdValueLabel),
             static_cast<QWidget*>(m_ui->merchantBizIdTitleLabel),
             static_cast<QWidget*>(m_ui->merchantBizIdValueLabel),
             static_cast<QWidget*>(m_ui->attemptsTitleLabel),
             static_cast<QWidget*>(m_ui->attemptsValueLabel),
             static_cast<QWidget*>(m_ui->answerValueLabel) })
        widget->setVisible(visible);
}
