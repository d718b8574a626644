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
class RevealDialog : public QDialog
{
    Q_OBJECT
public:
    // The reveal runs on the reader's thread (which must outlive the dialog) and is recorded as actor's.
    RevealDialog(HistoryThread& reader, const Actor& actor, const CaseSummary& summary, QWidget* parent = nullptr);
    ~RevealDialog() override;

    bool isRevealed() const { return m_revealed; }

public slots:
    // Asks the history, on the reader's thread, with the reason typed; the values or the history's error follow
    // (revealed() when shown). False when it was not asked: no reason given, or already asking.
    bool reveal();

signals:
    void revealed(const QString& caseId);

private:
    void updateButtons();
    void showRevealed(const Result<RevealedPii>& pii);

    const std::unique_ptr<Ui::RevealDialog> m_ui;
    HistoryThread& m_reader;
    Actor m_actor;
    QString m_caseId;
    bool m_revealed = false;
    bool m_asking = false;
};
