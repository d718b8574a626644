#pragma once

#include "base/Actor.h"

#include <QDialog>

#include <memory>

class HistoryThread;
struct CaseSummary;
struct RevealedPii;
template <typename T> class Result;

namespace Ui {
class RevealDialog;
}

// Shows the name and ID number of one case after the reviewer gave a reason. The store appends a pii_revealed event
// with the reason before it decrypts anything; without a reason nothing is revealed. The plaintext lives only in this
// dialog and is cleared when it closes.
//
// forReverification() asks the same question for "Verify again": it reveals nothing itself, it hands the reason on
// (reasonGiven) to whoever reveals the case into the form, and closes; cancelled, nothing is revealed or recorded.
class RevealDialog : public QDialog
{
    Q_OBJECT
public:
    // The reveal runs on the reader's thread (which must outlive the dialog) and is recorded as actor's.
    RevealDialog(HistoryThread& reader, const Actor& actor, const CaseSummary& summary, QWidget* parent = nullptr);
    ~RevealDialog() override;
    // Asks the reason for verifying the case again (object name "reverifyReasonDialog"). summary: the case's row when
    // known (else the dialog names the case by its id).
    static RevealDialog* forReverification(const QString& caseId, const CaseSummary* summary, QWidget* parent);

    bool isRevealed() const { return m_revealed; }

public slots:
    // Asks the history, on the reader's thread, with the reason typed; the values or the history's error follow
    // (revealed() when shown). False when it was not asked: no reason given, or already asking. For reverification:
    // emits reasonGiven and accepts.
    bool reveal();

signals:
    void revealed(const QString& caseId);
    void reasonGiven(const QString& caseId, const QString& reason);

private:
    RevealDialog(HistoryThread* reader, const Actor& actor, const QString& caseId, QWidget* parent);
    void updateButtons();
    void showRevealed(const Result<RevealedPii>& pii);

    const std::unique_ptr<Ui::RevealDialog> m_ui;
    HistoryThread* m_reader; // nullptr: the reason is handed on (forReverification)
    Actor m_actor;
    QString m_caseId;
    bool m_revealed = false;
    bool m_asking = false;
};
