#pragma once

#include "batch/BatchInput.h"

#include <QByteArray>
#include <QDialog>

#include <memory>
#include <optional>

class BatchRun;
class BatchStart;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class VerificationService;

// File → Verify a list…: a CSV list of cases verified as `ekyc-desk-cli batch` does (BatchRun): the file is read and
// pre-checked off the GUI thread, refused rows and warnings are listed before anything is sent, rows with warnings
// are sent only when the reviewer ticks the box, and the run shows a progress bar with rate, time left and counts,
// with Cancel (nothing more is sent; calls in flight finish and are recorded). The results file is written at the
// end; run the same list to the same results file again and the rows already answered are not sent again.
// Object name "batchDialog"; window-modal.
class BatchDialog : public QDialog
{
    Q_OBJECT
public:
    // service: configured, with a history; not owned, must outlive the dialog.
    explicit BatchDialog(VerificationService& service, QWidget* parent = nullptr);
    ~BatchDialog() override;

    bool isRunning() const;
    const BatchRun* run() const { return m_run.get(); }

public slots:
    // Reads and pre-checks the input file (off the GUI thread); checked() follows.
    void checkInput();
    void startBatch();
    void cancelBatch();
    // Close: while a batch runs, cancels it instead.
    void reject() override;

signals:
    void checked(bool ok);
    void finishedBatch(bool ok);

private:
    void build();
    void chooseInput();
    void chooseOutput();
    void showChecked(const QString& path, const QByteArray& data, const Result<BatchInput>& input);
    void showProgress();
    void finish();
    // The list was begun before (in this history, by anyone): nothing was sent; shows why and the box that allows
    // one start anyway.
    void askAgain(const QString& why);
    void updateControls();
    void fitHeight();

    VerificationService& m_service;
    QByteArray m_data; // the input as checked: what the journal hashes
    std::optional<BatchInput> m_input;
    std::unique_ptr<BatchRun> m_run;
    int m_checkGeneration = 0;
    bool m_checking = false;

    QLineEdit* m_inPath;
    QLineEdit* m_outPath;
    QComboBox* m_format;
    QLabel* m_summary;
    QPlainTextEdit* m_issues;
    QCheckBox* m_acceptWarnings;
    QCheckBox* m_again;
    std::unique_ptr<BatchStart> m_begun; // the output's lock and the batch's record, while it runs
    QLabel* m_billing;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QPushButton* m_close;
};
