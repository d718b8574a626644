#pragma once

#include "api/VerificationResult.h"

#include <QWidget>

#include <memory>
#include <optional>

class StatusIconLabel;

namespace Ui {
class ResultPanel;
}

// Shows the outcome of the last verification: a headline coloured by status, the SubCode with its explanation, the
// guidance (for 202 and 223 as numbered steps the reviewer acts on, with "Correct and verify again" for 223 and "Send
// to manual review…" for every answer that did not pass), and the identifiers a reviewer copies into tickets. Once the
// case is edited (markStale) the outcome is shown as the result for the previous data.
class ResultPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ResultPanel(QWidget* parent = nullptr);
    ~ResultPanel() override;

    // "passed", "notPassed", "error", "cancelled", "pending" or "empty"; also the headline's "status" property.
    QString state() const { return m_state; }
    // The history case of the result shown; empty when none (no result, or no audit history).
    QString caseId() const { return m_caseId; }
    // The case was edited after the result was shown.
    bool isStale() const { return m_stale; }

    // Answers come from the training sandbox: the billing wording says nothing is billed.
    void setTraining(bool training) { m_training = training; }

    // The steps for a SubCode as rich text (a numbered list), translated; empty for a SubCode without steps.
    static QString subCodeSteps(const QString& subCode);

signals:
    // The reviewer asks to send a case whose outcome is unknown again, with the same MerchantBizId.
    void retryRequested();
    // 223: the reviewer corrects the data in the form and verifies again, linked to this case.
    void correctionRequested(const QString& caseId);
    // The reviewer sends this case to manual review.
    void manualReviewRequested(const QString& caseId);

public slots:
    void clear();
    void showPending(const QString& merchantBizId);
    void showAttempt(int attempt);
    // caseId: the history case the result belongs to (VerificationCall::caseId()), empty without a history.
    void showResult(const VerificationResult& result, const QString& caseId = QString());
    // The case in the form no longer is the one this result answers: a banner says so and the outcome fades. Nothing
    // while no result is shown.
    void markStale();

protected:
    void changeEvent(QEvent* event) override;

private:
    void setHeadline(const QString& state, const QString& text);
    void setDetailsVisible(bool visible);
    void showGuidance(const VerificationResult& result);
    void setStale(bool stale);

    const std::unique_ptr<Ui::ResultPanel> m_ui;
    StatusIconLabel* m_headlineIcon; // the status's shape beside the headline
    QString m_state;
    // What is shown, to show it again in another language.
    QString m_pendingBizId;
    int m_attempt = 0;
    std::optional<VerificationResult> m_result;
    QString m_caseId;
    bool m_stale = false;
    bool m_training = false;
};
