#pragma once

#include "api/VerificationResult.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class ResultPanel;
}

// Shows the outcome of the last verification: a headline coloured by status, the SubCode with its explanation, the
// guidance for 202/223, and the identifiers a reviewer copies into tickets. All texts come from VerificationResult.
class ResultPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ResultPanel(QWidget* parent = nullptr);
    ~ResultPanel() override;

    // "passed", "notPassed", "error", "cancelled", "pending" or "empty"; also the headline's "status" property.
    QString state() const { return m_state; }

signals:
    // The reviewer asks to send a case whose outcome is unknown again, with the same MerchantBizId.
    void retryRequested();

public slots:
    void clear();
    void showPending(const QString& merchantBizId);
    void showAttempt(int attempt);
    void showResult(const VerificationResult& result);

protected:
    void changeEvent(QEvent* event) override;

private:
    void setHeadline(const QString& state, const QString& text);
    void setDetailsVisible(bool visible);

    const std::unique_ptr<Ui::ResultPanel> m_ui;
    QString m_state;
    // What is shown, to show it again in another language.
    QString m_pendingBizId;
    int m_attempt = 0;
    std::optional<VerificationResult> m_result;
};
