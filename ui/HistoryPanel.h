#pragma once

#include "base/Actor.h"

#include <QWidget>

#include <memory>

struct AuditEvent;
struct CaseSummary;
class AuditStore;
class HistoryModel;
class HistoryThread;
class RevealDialog;

namespace Ui {
class HistoryPanel;
}

// The reviewer's recent cases, masked, newest first (HistoryModel over the audit history, filtered to this
// reviewer), with the events of the selected case and "Reveal…", which asks for a reason and is audited by the store,
// and "Verify again…", which hands the case to the main window for a linked re-verification.
// The full supervisor history browser is a separate, later widget. Every read runs on a HistoryThread of its own.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    // history: not owned, may be nullptr (then the panel says that no history is open).
    // actor: whose cases it lists, and who reveals.
    HistoryPanel(AuditStore* history, const Actor& actor, QWidget* parent = nullptr);
    ~HistoryPanel() override;

    HistoryModel* model() const { return m_model; }
    QString selectedCaseId() const;
    // The listed row of this case, nullptr when it is not listed (yet).
    const CaseSummary* caseSummary(const QString& caseId) const;
    // The reveal dialog while it is open (for tests), else nullptr.
    RevealDialog* revealDialog() const { return m_revealDialog; }

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

signals:
    // The reviewer wants to verify this recorded case again. The receiver asks the reason, decrypts its name and ID
    // number through VerificationService::caseForReverification (audited) and links the new case to it.
    void reverifyRequested(const QString& caseId);

protected:
    void changeEvent(QEvent* event) override;

private:
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
    QString m_pendingSelection; // selected again once its row has arrived
    RevealDialog* m_revealDialog = nullptr;
    Actor m_actor;
};
