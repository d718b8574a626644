#pragma once

#include "domain/CaseInput.h"
#include "domain/CaseValidator.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <memory>

class QDateEdit;
class QLabel;
class VerificationService;

namespace Ui {
class CaseForm;
}

// The case entry form. It holds no rules of its own: every check comes from VerificationService::precheck (the
// core's CaseValidator), shown next to the field it concerns. Blocking issues keep Verify disabled; warnings must be
// acknowledged before verifyRequested is emitted, because every answered call is billed.
class CaseForm : public QWidget
{
    Q_OBJECT
public:
    explicit CaseForm(VerificationService& service, QWidget* parent = nullptr);
    ~CaseForm() override;

    // The case as entered; an untouched date is an invalid QDate.
    CaseInput caseInput() const;
    // While a call runs the fields are read-only and Verify is disabled; Cancel is offered instead.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // Shows every issue, also on fields not edited yet, and focuses the first field that is wrong.
    void revealIssues();
    // The issues of the last pre-check.
    const QList<ValidationIssue>& issues() const { return m_issues; }
    // Fills the form with a recorded case (re-verification): name, ID number, dates, long-term and scene code, each
    // checked as if entered. MerchantUserId and MerchantBizId are left empty (a new case gets its own). Ignored
    // while busy.
    void setCaseInput(const CaseInput& input);
    // The scene code every new case starts with (setting case/defaultSceneCode); an untouched scene code field takes
    // it at once. Empty: none.
    void setDefaultSceneCode(const QString& sceneCode);
    QString defaultSceneCode() const { return m_defaultSceneCode; }

    // The fields a 223 (mismatch) usually comes from, in the order to check them: the validity dates always, the
    // name when it holds a dot or a character outside the common CJK ideographs (U+4E00..U+9FFF).
    static QList<CaseField> mismatchSuspects(const CaseInput& input);
    // Highlights these fields (dynamic property "suspect", and a note above the form naming them) and focuses the
    // first; until highlightSuspects({}), clear() or setCaseInput().
    void highlightSuspects(const QList<CaseField>& fields);
    QList<CaseField> suspects() const { return m_suspects; }

public slots:
    void clear();
    void submit();

signals:
    void verifyRequested(const CaseInput& input, bool warningsAcknowledged);
    void cancelRequested();
    // The form was emptied (New case).
    void cleared();
    // The reviewer changed a field of the case (typed, picked a date, ticked long-term); not emitted when the form
    // is filled or emptied by the program.
    void edited();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    // Connects a date's calendar popup, which QDateEdit makes at the first calendarWidget() call: made when the
    // reviewer first reaches the date (focus, click or key), not at start-up, where the two cost as much as the rest
    // of the form.
    void connectCalendar(QDateEdit* edit);
    struct FieldWidgets
    {
        QWidget* editor;
        QLabel* errorLabel;
    };

    void fieldEdited(CaseField field);
    void refreshIssues();
    void runCheck();
    void showIssues();
    void updateButtons();
    void retranslate();
    void announceError(QWidget* editor, QLabel* errorLabel);
    void updateMoreToggle();
    void updateLongTerm();
    void focusField(CaseField field);
    QDate dateOf(const QDateEdit* edit) const;
    void setBlankDate(QDateEdit* edit);
    bool isBlank(const QDateEdit* edit) const;
    QStringList warningKeys() const;
    QList<QWidget*> suspectEditors(CaseField field) const;
    void showSuspectsNote();

    const std::unique_ptr<Ui::CaseForm> m_ui;
    VerificationService& m_service;
    QHash<CaseField, FieldWidgets> m_fields;
    QList<ValidationIssue> m_issues;
    QSet<CaseField> m_dirty; // edited since the form was cleared
    QSet<CaseField> m_touched; // edited and left: its issues are shown
    QSet<QDateEdit*> m_suggestedDates; // blank dates showing a suggestion the reviewer has not taken yet
    QSet<QDateEdit*> m_connectedCalendars;
    QStringList m_acknowledgedWarnings;
    QList<CaseField> m_suspects;
    QString m_defaultSceneCode;
    QTimer m_checkTimer;
    bool m_revealAll = false;
    bool m_busy = false;
    bool m_settingDate = false;
};
