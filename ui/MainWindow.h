#pragma once

#include "api/VerificationResult.h"
#include "cases/CaseInput.h"

#include <QMainWindow>

#include <memory>

class CaseForm;
class QLabel;
class ResultPanel;
class VerificationService;

namespace Ui {
class MainWindow;
}

// The first main window: the case form beside the outcome. It only wires widgets to VerificationService (configured
// by main.cpp) and reacts to its signals; one call at a time.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(VerificationService& service, QWidget* parent = nullptr);
    ~MainWindow() override;

    CaseForm* caseForm() const { return m_form; }
    ResultPanel* resultPanel() const { return m_result; }
    // The id of the call in flight, 0 when none.
    quint64 currentCall() const { return m_currentCall; }

public slots:
    void newCase();
    void submitCase(const CaseInput& input, bool warningsAcknowledged);
    void cancelCase();
    void showAbout();

private:
    void handleSubmitted(quint64 callId, const QString& merchantBizId);
    void handleAttempt(quint64 callId, int attempt);
    void handleFinished(quint64 callId, const VerificationResult& result);

    const std::unique_ptr<Ui::MainWindow> m_ui;
    VerificationService& m_service;
    CaseForm* m_form;
    ResultPanel* m_result;
    QLabel* m_endpointLabel;
    QLabel* m_credentialsLabel;
    quint64 m_currentCall = 0;
    bool m_submitting = false;
    bool m_finishedDuringSubmit = false;
    int m_lastAttempt = 0;
};
