#pragma once

#include "history/Review.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QPlainTextEdit;

// "Propose decision…": approve, reject or escalate, a reason code of those in force (shown by their labels) and a
// note, which is required: OK stays disabled until one is written. The history checks all of it again.
class ReviewDecisionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReviewDecisionDialog(const QList<ReviewReason>& reasons, QWidget* parent = nullptr);

    QString decision() const; // ReviewDecision
    QString reasonCode() const;
    QString note() const;

private:
    void updateOk();

    QComboBox* m_decision;
    QComboBox* m_reason;
    QPlainTextEdit* m_note;
    QDialogButtonBox* m_buttons;
};
