#pragma once

#include "base/Actor.h"

#include <QDialog>

#include <memory>

class AuditStore;
struct CaseSummary;

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
    // The store must outlive the dialog.
    // The reveal is recorded as actor's.
    RevealDialog(AuditStore& store, const Actor& actor, const CaseSummary& summary, QWidget* parent = nullptr);
    ~RevealDialog() override;

    bool isRevealed() const { return m_revealed; }

public slots:
    // Asks the store with the reason typed; shows the values or the store's error. False when nothing was revealed.
    bool reveal();

signals:
    void revealed(const QString& caseId);

private:
    void updateButtons();

    const std::unique_ptr<Ui::RevealDialog> m_ui;
    AuditStore& m_store;
    Actor m_actor;
    QString m_caseId;
    bool m_revealed = false;
};
