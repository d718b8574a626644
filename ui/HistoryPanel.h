#pragma once

#include "base/Actor.h"

#include <QPointer>
#include <QWidget>

#include <memory>

struct AuditEvent;
struct CaseSummary;
class AuditStore;
class ExportDialog;
class HistoryFilterBar;
class HistoryModel;
class HistoryThread;
class QPushButton;
class RevealDialog;

namespace Ui {
class HistoryPanel;
}

// The history browser: the cases the person may see (a reviewer their own, a supervisor and an auditor the team's),
// masked, filtered (HistoryFilterBar) and sorted by any column in SQL, a page at a time, with the number of matching
// cases once it is counted. Beside them the events of the selected case, its timeline with chain positions,
// "Reveal…" (asks for a reason, audited by the store) and "Verify again…" (a linked re-verification in the main
// window). Every read runs on a HistoryThread of its own.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    // history: not owned, may be nullptr (then the panel says that no history is open).
    // actor: whose cases it lists, and who reveals.
    HistoryPanel(AuditStore* history, const Actor& actor, QWidget* parent = nullptr);
    ~HistoryPanel() override;

    HistoryModel* model() const { return m_model; }
    HistoryFilterBar* filterBar() const { return m_filters; }
    // The number of cases matching the filters; -1 while it is being counted.
    qint64 matchCount() const { return m_count; }
    QString selectedCaseId() const;
    // The listed row of this case, nullptr when it is not listed (yet).
    const CaseSummary* caseSummary(const QString& caseId) const;
    // The reveal dialog while it is open (for tests), else nullptr.
    RevealDialog* revealDialog() const;
    // The export dialog while it is open (for tests), else nullptr.
    ExportDialog* exportDialog() const;

    // One line of the events list, translated.
    static QString describeEvent(const AuditEvent& event);

public slots:
    // Reloads the cases (on the reader thread); the selected case stays selected when it is still listed.
    void reload();
    void selectCase(const QString& caseId);
    // Opens the reveal dialog for the selected case (window-modal, does not block).
    void revealSelected();
    // Asks to verify the selected case again (emits reverifyRequested); nothing when none or a purged one is selected.
    void reverifySelected();
    // Opens the case timeline (with chain positions) of the selected case.
    void showTimeline();
    // Opens the export dialog for the current filters (window-modal, does not block).
    void openExport();

signals:
    // The filters' count arrived (matchCount()).
    void countKnown();
    // The reviewer wants to verify this recorded case again. The receiver asks the reason, decrypts its name and ID
    // number through VerificationService::caseForReverification (audited) and links the new case to it.
    void reverifyRequested(const QString& caseId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyFilters();
    void countMatches();
    void loadChoices();
    void saveFilter(const QString& name);
    void deleteFilter(const QString& name);
    void showEvents();
    void listEvents(const QList<AuditEvent>& events);
    void updateSummary();
    void pageLoaded();
    // The selected case, nullptr when none.
    const CaseSummary* selectedSummary() const;

    const std::unique_ptr<Ui::HistoryPanel> m_ui;
    AuditStore* m_history;
    std::unique_ptr<HistoryThread> m_reader; // the history's reads run there, never on the GUI thread
    HistoryModel* m_model = nullptr;
    HistoryFilterBar* m_filters = nullptr;
    QPushButton* m_timelineButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    // QPointer, not a pointer cleared from the dialog's destroyed signal: the panel's destructor deletes an open
    // dialog (as its child) after the panel's own part is gone, and that signal wrote into it (UBSan).
    QPointer<ExportDialog> m_exportDialog;
    qint64 m_count = -1;
    QString m_countedFilters; // the filters m_count is for (their JSON and the ID number searched)
    quint64 m_countGeneration = 0; // counts of replaced filters are dropped
    QString m_pendingSelection; // selected again once its row has arrived
    QPointer<RevealDialog> m_revealDialog;
    Actor m_actor;
};
