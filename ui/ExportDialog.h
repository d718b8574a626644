#pragma once

#include "base/Actor.h"
#include "history/HistoryQuery.h"

#include <QDialog>

#include <atomic>
#include <memory>

class AuditStore;
class HistoryThread;
class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

// Export… from the history browser: the cases of the current filter or the events of its period, as CSV (optionally
// for Excel) or JSON Lines, masked unless a supervisor asks for names and ID numbers with a reason (the history decides
// and records it). The export runs on a thread of its own (the browser stays usable) with a progress bar and Cancel;
// a cancelled or failed export leaves no file. When it is done the dialog names the file and its manifest.
// Object name "exportDialog"; window-modal.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    // history: not owned, must outlive the dialog; query: the browser's current filter.
    ExportDialog(AuditStore& history, const Actor& actor, const HistoryQuery& query, QWidget* parent = nullptr);
    ~ExportDialog() override;

    bool isRunning() const { return m_running; }
    // The thread the export runs on (its jobs run in order: tests hold it to cancel at a known point).
    HistoryThread* exportThread() const { return m_thread.get(); }
    // The message of the last export (done, refused or failed).
    QString resultText() const;

public slots:
    void startExport();
    void cancelExport();
    // Close: while an export runs, it cancels it instead (the dialog stays until the export has stopped).
    void reject() override;

signals:
    void finishedExport(bool ok);

private:
    void build();
    void updateControls();
    void chooseFile();
    QString suggestedPath() const;
    // After an export to written: a new name in its folder and format that no file or export holds yet.
    QString nextFreePath(const QString& written) const;
    void showProgress(qint64 done, qint64 total);

    AuditStore& m_history;
    Actor m_actor;
    HistoryQuery m_query;
    std::unique_ptr<HistoryThread> m_thread;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;

    QRadioButton* m_cases;
    QRadioButton* m_events;
    QComboBox* m_format;
    QCheckBox* m_unmasked;
    QLineEdit* m_reason;
    QLineEdit* m_path;
    QPushButton* m_browse;
    QProgressBar* m_progress;
    QLabel* m_result;
    QPushButton* m_export;
    QPushButton* m_cancelButton;
};
