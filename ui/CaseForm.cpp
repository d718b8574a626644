#include "CaseForm.h"
#include "Theme.h"
#include "base/Language.h"
#include "session/Billing.h"
#include "ui_CaseForm.h"

#include "session/VerificationService.h"

#include <QAccessible>
#include <QCalendarWidget>
#include <QDateEdit>
#include <QFocusEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

namespace {

// A date edit showing this value is "not set": QDateEdit has no empty state of its own.
const QDate blankDate(1900, 1, 1);
constexpr int checkDelayMs = 350;

// Dots people type for the middle dot of a name (the card prints U+00B7).
bool isDot(char32_t c)
{
    return c == U'\u00B7' || c == U'.' || c == U'\u2022' || c == U'\u2027' || c == U'\u30FB' || c == U'\uFF0E'
        || c == U'\uFF65' || c == U'\u2219' || c == U'\u22C5';
}

bool isCommonCjk(char32_t c)
{
    return c >= 0x4E00 && c <= 0x9FFF;
}

QString suspectName(CaseField field)
{
    return field == CaseField::Name         ? CaseForm::tr("name")
        : field == CaseField::ValidityStart ? CaseForm::tr("validity start date")
        : field == CaseField::ValidityEnd   ? CaseForm::tr("validity end date (or long-term)")
                                            : QString();
}

} // namespace

CaseForm::CaseForm(VerificationService& service, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CaseForm>())
    , m_service(service)
{
    m_ui->setupUi(this);

    m_fields = {
        { CaseField::Name, { m_ui->nameLineEdit, m_ui->nameErrorLabel } },
        { CaseField::IdNumber, { m_ui->idNumberLineEdit, m_ui->idNumberErrorLabel } },
        { CaseField::ValidityStart, { m_ui->validityStartDateEdit, m_ui->validityStartErrorLabel } },
        { CaseField::ValidityEnd, { m_ui->validityEndDateEdit, m_ui->validityEndErrorLabel } },
        { CaseField::SceneCode, { m_ui->sceneCodeLineEdit, m_ui->sceneCodeErrorLabel } },
        { CaseField::MerchantUserId, { m_ui->merchantUserIdLineEdit, m_ui->merchantUserIdErrorLabel } },
        { CaseField::MerchantBizId, { m_ui->merchantBizIdLineEdit, m_ui->merchantBizIdErrorLabel } },
    };
    for (const FieldWidgets& widgets : std::as_const(m_fields)) {
        Theme::bindStyleSheet(widgets.errorLabel, [](const QPalette& palette) {
            return Theme::textRule(QStringLiteral("QLabel"), Theme::Tone::Error, palette);
        });
        widgets.errorLabel->hide();
        widgets.editor->installEventFilter(this);
    }

    Theme::bindStyleSheet(m_ui->merchantUserIdNoteLabel, [](const QPalette& palette) {
        return QStringLiteral("QLabel { color: %1; }").arg(Theme::css(Theme::mutedText(palette)));
    });
    // The usual suspects of a mismatch, in palette colours.
    Theme::bindStyleSheet(this, [](const QPalette&) {
        return QStringLiteral("QLineEdit[suspect=\"true\"], QDateEdit[suspect=\"true\"] {"
                              " border: 2px solid palette(highlight); border-radius: 3px; padding: 1px; }"
                              "QCheckBox[suspect=\"true\"] { color: palette(highlight); font-weight: bold; }"
                              "#suspectsLabel { background: palette(highlight); color: palette(highlighted-text);"
                              " border-radius: 4px; }");
    });
    m_ui->suspectsLabel->hide();
    Theme::bindStyleSheet(m_ui->warningsFrame, [](const QPalette& palette) {
        return Theme::boxRule(QStringLiteral("#warningsFrame"), Theme::Tone::Warning, palette)
            + QStringLiteral("#warningsFrame QLabel { color: %1; background: transparent; border: none; }")
                  .arg(Theme::css(Theme::tone(Theme::Tone::Warning, palette).text));
    });
    retranslate();
    QFont titleFont = m_ui->warningsTitleLabel->font();
    titleFont.setBold(true);
    m_ui->warningsTitleLabel->setFont(titleFont);
    m_ui->warningsFrame->hide();
    m_ui->cancelPushButton->hide();

    for (QDateEdit* edit : { m_ui->validityStartDateEdit, m_ui->validityEndDateEdit }) {
        edit->setMinimumDate(blankDate);
        edit->setMaximumDate(QDate(2199, 12, 31));
        edit->setSpecialValueText(tr("not set"));
        setBlankDate(edit);
        connect(edit, &QDateEdit::dateChanged, this, [this, edit] {
            if (!m_settingDate)
                m_suggestedDates.remove(edit);
        });
    }

    connect(m_ui->nameLineEdit, &QLineEdit::textEdited, this, [this] { fieldEdited(CaseField::Name); });
    connect(m_ui->idNumberLineEdit, &QLineEdit::textEdited, this, [this] { fieldEdited(CaseField::IdNumber); });
    connect(m_ui->sceneCodeLineEdit, &QLineEdit::textEdited, this, [this] { fieldEdited(CaseField::SceneCode); });
    connect(
        m_ui->merchantUserIdLineEdit, &QLineEdit::textEdited, this, [this] { fieldEdited(CaseField::MerchantUserId); });
    connect(
        m_ui->merchantBizIdLineEdit, &QLineEdit::textEdited, this, [this] { fieldEdited(CaseField::MerchantBizId); });
    connect(m_ui->validityStartDateEdit, &QDateEdit::dateChanged, this, [this] {
        if (!m_settingDate)
            fieldEdited(CaseField::ValidityStart);
    });
    connect(m_ui->validityEndDateEdit, &QDateEdit::dateChanged, this, [this] {
        if (!m_settingDate)
            fieldEdited(CaseField::ValidityEnd);
    });
    connect(m_ui->longTermCheckBox, &QCheckBox::toggled, this, [this] {
        updateLongTerm();
        m_touched.insert(CaseField::ValidityEnd);
        runCheck();
        emit edited();
    });
    connect(m_ui->acknowledgeCheckBox, &QCheckBox::toggled, this, [this](bool checked) {
        m_acknowledgedWarnings = checked ? warningKeys() : QStringList();
        updateButtons();
    });
    connect(m_ui->moreToolButton, &QToolButton::toggled, this, &CaseForm::updateMoreToggle);
    connect(m_ui->verifyPushButton, &QPushButton::clicked, this, &CaseForm::submit);
    connect(m_ui->cancelPushButton, &QPushButton::clicked, this, &CaseForm::cancelRequested);
    connect(m_ui->newCasePushButton, &QPushButton::clicked, this, &CaseForm::clear);

    m_checkTimer.setSingleShot(true);
    m_checkTimer.setInterval(checkDelayMs);
    connect(&m_checkTimer, &QTimer::timeout, this, &CaseForm::runCheck);

    // The optional fields line up with the required ones although they sit in their own grid.
    int labelWidth = 0;
    for (QLabel* label : { m_ui->nameLabel,
             m_ui->idNumberLabel,
             m_ui->validityStartLabel,
             m_ui->validityEndLabel,
             m_ui->sceneCodeLabel,
             m_ui->merchantUserIdLabel,
             m_ui->merchantBizIdLabel })
        labelWidth = qMax(labelWidth, label->sizeHint().width());
    m_ui->requiredLayout->setColumnMinimumWidth(0, labelWidth);
    m_ui->moreLayout->setColumnMinimumWidth(0, labelWidth);

    setFocusProxy(m_ui->nameLineEdit);
    updateMoreToggle();
    updateLongTerm();
    runCheck();
}

CaseForm::~CaseForm() = default;

CaseInput CaseForm::caseInput() const
{
    CaseInput input;
    input.name = m_ui->nameLineEdit->text();
    input.idNumber = m_ui->idNumberLineEdit->text();
    input.validityStart = dateOf(m_ui->validityStartDateEdit);
    input.longTerm = m_ui->longTermCheckBox->isChecked();
    if (!input.longTerm)
        input.validityEnd = dateOf(m_ui->validityEndDateEdit);
    input.sceneCode = m_ui->sceneCodeLineEdit->text().trimmed();
    input.merchantUserId = m_ui->merchantUserIdLineEdit->text();
    input.merchantBizId = m_ui->merchantBizIdLineEdit->text().trimmed();
    return input;
}

void CaseForm::setBusy(bool busy)
{
    m_busy = busy;
    for (QLineEdit* edit : { m_ui->nameLineEdit,
             m_ui->idNumberLineEdit,
             m_ui->sceneCodeLineEdit,
             m_ui->merchantUserIdLineEdit,
             m_ui->merchantBizIdLineEdit })
        edit->setReadOnly(busy);
    m_ui->validityStartDateEdit->setReadOnly(busy);
    m_ui->validityEndDateEdit->setReadOnly(busy);
    m_ui->longTermCheckBox->setEnabled(!busy);
    m_ui->acknowledgeCheckBox->setEnabled(!busy);
    m_ui->newCasePushButton->setEnabled(!busy);
    m_ui->cancelPushButton->setVisible(busy);
    updateButtons();
}

void CaseForm::revealIssues()
{
    m_checkTimer.stop();
    m_revealAll = true;
    runCheck();
    for (const ValidationIssue& issue : std::as_const(m_issues)) {
        if (issue.blocking && m_ui->moreWidget->isAncestorOf(m_fields.value(issue.field).editor))
            m_ui->moreToolButton->setChecked(true); // never hide what is wrong
    }
    for (const ValidationIssue& issue : std::as_const(m_issues)) {
        if (issue.blocking) {
            focusField(issue.field);
            return;
        }
    }
}

void CaseForm::clear()
{
    if (m_busy)
        return;
    m_checkTimer.stop();
    for (QLineEdit* edit : { m_ui->nameLineEdit,
             m_ui->idNumberLineEdit,
             m_ui->sceneCodeLineEdit,
             m_ui->merchantUserIdLineEdit,
             m_ui->merchantBizIdLineEdit })
        edit->clear();
    m_ui->sceneCodeLineEdit->setText(m_defaultSceneCode);
    setBlankDate(m_ui->validityStartDateEdit);
    setBlankDate(m_ui->validityEndDateEdit);
    m_ui->longTermCheckBox->setChecked(false);
    m_ui->acknowledgeCheckBox->setChecked(false);
    m_touched.clear();
    m_dirty.clear();
    m_revealAll = false;
    m_acknowledgedWarnings.clear();
    highlightSuspects({});
    runCheck();
    m_ui->nameLineEdit->setFocus(Qt::OtherFocusReason);
    emit cleared();
}

void CaseForm::setCaseInput(const CaseInput& input)
{
    if (m_busy)
        return;
    m_checkTimer.stop();
    m_ui->nameLineEdit->setText(input.name);
    m_ui->idNumberLineEdit->setText(input.idNumber);
    m_ui->sceneCodeLineEdit->setText(input.sceneCode);
    m_ui->merchantUserIdLineEdit->clear();
    m_ui->merchantBizIdLineEdit->clear();
    m_settingDate = true;
    const QDate end = input.longTerm ? QDate() : input.validityEnd;
    m_ui->validityStartDateEdit->setDate(input.validityStart.isValid() ? input.validityStart : blankDate);
    m_ui->validityEndDateEdit->setDate(end.isValid() ? end : blankDate);
    m_settingDate = false;
    m_suggestedDates.clear();
    {
        const QSignalBlocker blocker(m_ui->longTermCheckBox);
        m_ui->longTermCheckBox->setChecked(input.longTerm);
    }
    updateLongTerm();
    {
        const QSignalBlocker blocker(m_ui->acknowledgeCheckBox);
        m_ui->acknowledgeCheckBox->setChecked(false);
    }
    m_acknowledgedWarnings.clear();
    highlightSuspects({});
    // What was filled in counts as entered: its issues show at once.
    m_dirty = { CaseField::Name, CaseField::IdNumber, CaseField::ValidityStart, CaseField::ValidityEnd };
    if (!input.sceneCode.isEmpty())
        m_dirty.insert(CaseField::SceneCode);
    m_touched = m_dirty;
    m_revealAll = false;
    if (!input.sceneCode.isEmpty())
        m_ui->moreToolButton->setChecked(true); // never hide what will be sent
    runCheck();
    m_ui->nameLineEdit->setFocus(Qt::OtherFocusReason);
}

void CaseForm::setDefaultSceneCode(const QString& sceneCode)
{
    const bool untouched =
        m_ui->sceneCodeLineEdit->text() == m_defaultSceneCode && !m_dirty.contains(CaseField::SceneCode);
    m_defaultSceneCode = sceneCode;
    if (m_busy || !untouched)
        return;
    m_ui->sceneCodeLineEdit->setText(sceneCode);
    if (!sceneCode.isEmpty())
        m_ui->moreToolButton->setChecked(true); // never hide what will be sent
    runCheck();
}

QList<CaseField> CaseForm::mismatchSuspects(const CaseInput& input)
{
    QList<CaseField> fields { CaseField::ValidityStart, CaseField::ValidityEnd };
    const QList<uint> characters = input.name.toUcs4();
    const bool oddName = std::any_of(
        characters.cbegin(), characters.cend(), [](uint c) { return isDot(char32_t(c)) || !isCommonCjk(char32_t(c)); });
    if (oddName)
        fields.append(CaseField::Name);
    return fields;
}

void CaseForm::highlightSuspects(const QList<CaseField>& fields)
{
    m_suspects = fields;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        for (QWidget* editor : suspectEditors(it.key())) {
            editor->setProperty("suspect", fields.contains(it.key()));
            editor->style()->unpolish(editor);
            editor->style()->polish(editor);
        }
    }
    showSuspectsNote();
    if (!fields.isEmpty())
        focusField(fields.constFirst());
}

void CaseForm::showSuspectsNote()
{
    QStringList names;
    for (CaseField field : std::as_const(m_suspects))
        names.append(suspectName(field));
    m_ui->suspectsLabel->setText(tr("Check against the card, character by character: %1.")
                                     .arg(names.join(tr(", ", "between the suspect fields"))));
    m_ui->suspectsLabel->setVisible(!m_suspects.isEmpty());
}

QList<QWidget*> CaseForm::suspectEditors(CaseField field) const
{
    if (field == CaseField::ValidityEnd)
        return { m_ui->validityEndDateEdit, m_ui->longTermCheckBox };
    return { m_fields.value(field).editor };
}

void CaseForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        for (QDateEdit* edit : { m_ui->validityStartDateEdit, m_ui->validityEndDateEdit })
            edit->setSpecialValueText(tr("not set"));
        retranslate();
        runCheck(); // the issues and the hint, in the new language
        showSuspectsNote();
    }
    QWidget::changeEvent(event);
}

// The texts that depend on the mode: one billing wording (Billing) for training and live.
void CaseForm::retranslate()
{
    const bool training = m_service.isTraining();
    m_ui->warningsTitleLabel->setText(Billing::warningsHeading(training));
    m_ui->verifyPushButton->setToolTip(
        Language::joinSentences({ tr("Send the case for verification (Enter)."), Billing::perCall(training) }));
}

void CaseForm::submit()
{
    if (m_busy)
        return;
    revealIssues();
    if (CaseValidator::hasBlocking(m_issues))
        return;
    const bool hasWarnings = !warningKeys().isEmpty();
    if (hasWarnings && !m_ui->acknowledgeCheckBox->isChecked()) {
        m_ui->hintLabel->setText(tr("Read the warnings above, then tick \"I have checked, send anyway\" to send."));
        m_ui->acknowledgeCheckBox->setFocus(Qt::OtherFocusReason);
        return;
    }
    emit verifyRequested(caseInput(), hasWarnings);
}

void CaseForm::connectCalendar(QDateEdit* edit)
{
    if (m_connectedCalendars.contains(edit))
        return;
    m_connectedCalendars.insert(edit);
    // Picking the very date already shown changes nothing, but it is still a choice.
    connect(edit->calendarWidget(), &QCalendarWidget::clicked, this, [this, edit] { m_suggestedDates.remove(edit); });
}

bool CaseForm::eventFilter(QObject* watched, QEvent* event)
{
    auto* dateEdit = qobject_cast<QDateEdit*>(watched);
    if (dateEdit
        && (event->type() == QEvent::FocusIn || event->type() == QEvent::MouseButtonPress
            || event->type() == QEvent::KeyPress))
        connectCalendar(dateEdit); // before the popup can open
    if (event->type() == QEvent::KeyPress && dateEdit) {
        // Tab leaves the date like any other field (QDateEdit would walk its sections); typing YYYYMMDD or a
        // separator moves between the sections.
        const auto* keyEvent = static_cast<QKeyEvent*>(event);
        if (keyEvent->key() == Qt::Key_Tab || keyEvent->key() == Qt::Key_Backtab) {
            const bool forward = keyEvent->key() == Qt::Key_Tab && !keyEvent->modifiers().testFlag(Qt::ShiftModifier);
            focusNextPrevChild(forward);
            return true;
        }
    }
    if (event->type() == QEvent::FocusIn && dateEdit && isBlank(dateEdit) && !dateEdit->isReadOnly()) {
        // Offer a date to type over (the year is selected), so the reviewer never starts from 1900. Reverted on
        // leaving the field unless the reviewer changed or picked it.
        QDate suggestion = VerificationService::today(); // the pre-check's today
        if (dateEdit == m_ui->validityEndDateEdit && !isBlank(m_ui->validityStartDateEdit))
            suggestion = m_ui->validityStartDateEdit->date();
        m_settingDate = true;
        dateEdit->setDate(suggestion);
        m_settingDate = false;
        m_suggestedDates.insert(dateEdit);
    } else if (event->type() == QEvent::FocusOut && dateEdit && m_suggestedDates.contains(dateEdit)) {
        const auto reason = static_cast<QFocusEvent*>(event)->reason();
        if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason)
            setBlankDate(dateEdit);
    }
    if (event->type() == QEvent::FocusOut) {
        const auto reason = static_cast<QFocusEvent*>(event)->reason();
        if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason) {
            for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
                if (it->editor == watched && m_dirty.contains(it.key())) {
                    m_touched.insert(it.key());
                    m_checkTimer.stop();
                    runCheck();
                }
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CaseForm::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        // Enter on a button presses that button; anywhere else in the form it verifies.
        if (auto* button = qobject_cast<QAbstractButton*>(focusWidget()); button && !qobject_cast<QCheckBox*>(button)) {
            if (button->isEnabled())
                button->click();
        } else {
            submit();
        }
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_busy) {
        emit cancelRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CaseForm::fieldEdited(CaseField field)
{
    m_dirty.insert(field);
    emit edited();
    // Verify follows every keystroke; the messages wait until typing pauses, so they do not flicker.
    refreshIssues();
    m_checkTimer.start();
}

void CaseForm::refreshIssues()
{
    m_issues = m_service.precheck(caseInput());
    if (warningKeys() != m_acknowledgedWarnings && m_ui->acknowledgeCheckBox->isChecked()) {
        // What was confirmed is no longer what would be sent.
        const QSignalBlocker blocker(m_ui->acknowledgeCheckBox);
        m_ui->acknowledgeCheckBox->setChecked(false);
        m_acknowledgedWarnings.clear();
    }
    updateButtons();
}

void CaseForm::runCheck()
{
    refreshIssues();
    showIssues();
}

// A screen reader hears the field's new description, and a new error as an alert.
void CaseForm::announceError(QWidget* editor, QLabel* errorLabel)
{
    QAccessibleEvent described(editor, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&described);
    if (errorLabel->isVisibleTo(this)) {
        QAccessibleEvent alert(errorLabel, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void CaseForm::showIssues()
{
    QHash<CaseField, QStringList> blocking;
    QStringList warnings;
    for (const ValidationIssue& issue : std::as_const(m_issues)) {
        if (issue.blocking)
            blocking[issue.field].append(issue.message);
        else
            warnings.append(issue.message);
    }
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const bool show = blocking.contains(it.key()) && (m_revealAll || m_touched.contains(it.key()));
        const QString error = show ? blocking.value(it.key()).join(QLatin1Char('\n')) : QString();
        const bool changed = error != it->editor->accessibleDescription();
        it->errorLabel->setText(error);
        it->errorLabel->setVisible(show);
        it->editor->setProperty("invalid", show);
        it->editor->setAccessibleDescription(error);
        if (changed)
            announceError(it->editor, it->errorLabel);
    }

    m_ui->warningsFrame->setVisible(!warnings.isEmpty());
    QString list;
    for (const QString& warning : std::as_const(warnings))
        list += QStringLiteral("<li>%1</li>").arg(warning.toHtmlEscaped());
    m_ui->warningsLabel->setText(
        QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">%1</ul>").arg(list));
}

void CaseForm::updateButtons()
{
    const bool blocked = CaseValidator::hasBlocking(m_issues);
    m_ui->verifyPushButton->setEnabled(!m_busy && !blocked);
    QString hint;
    if (m_busy) {
        hint = tr("Verifying… Esc stops waiting.");
    } else if (blocked && m_dirty.isEmpty() && !m_revealAll) {
        hint = tr("Type the case as printed on the card. Tab moves on, Enter verifies.");
    } else if (blocked) {
        QSet<CaseField> fields;
        for (const ValidationIssue& issue : std::as_const(m_issues))
            if (issue.blocking)
                fields.insert(issue.field);
        // Named, in the form's order.
        QStringList names;
        for (const CaseField field : { CaseField::Name,
                 CaseField::IdNumber,
                 CaseField::ValidityStart,
                 CaseField::ValidityEnd,
                 CaseField::SceneCode,
                 CaseField::MerchantBizId,
                 CaseField::MerchantUserId }) {
            if (fields.contains(field))
                names.append(CaseValidator::fieldLabel(field));
        }
        hint = tr("Still to complete or fix: %1. Press Enter to see what each needs.").arg(Language::joinList(names));
    } else if (!warningKeys().isEmpty() && !m_ui->acknowledgeCheckBox->isChecked()) {
        hint = tr("Read the warnings above and confirm them before sending.");
    } else {
        hint = Language::joinSentences({ tr("Press Enter to verify."), Billing::perCall(m_service.isTraining()) });
    }
    m_ui->hintLabel->setText(hint);
}

void CaseForm::updateMoreToggle()
{
    const bool open = m_ui->moreToolButton->isChecked();
    m_ui->moreToolButton->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    m_ui->moreWidget->setVisible(open);
}

void CaseForm::updateLongTerm()
{
    m_ui->validityEndDateEdit->setEnabled(!m_ui->longTermCheckBox->isChecked());
}

void CaseForm::focusField(CaseField field)
{
    QWidget* editor = m_fields.value(field).editor;
    if (!editor)
        return;
    if (m_ui->moreWidget->isAncestorOf(editor))
        m_ui->moreToolButton->setChecked(true);
    editor->setFocus(Qt::OtherFocusReason);
    if (auto* lineEdit = qobject_cast<QLineEdit*>(editor))
        lineEdit->selectAll();
}

QDate CaseForm::dateOf(const QDateEdit* edit) const
{
    return isBlank(edit) ? QDate() : edit->date();
}

void CaseForm::setBlankDate(QDateEdit* edit)
{
    m_settingDate = true;
    edit->setDate(blankDate);
    m_settingDate = false;
    m_suggestedDates.remove(edit);
}

bool CaseForm::isBlank(const QDateEdit* edit) const
{
    return edit->date() == blankDate;
}

QStringList CaseForm::warningKeys() const
{
    QStringList keys;
    for (const ValidationIssue& issue : m_issues)
        if (!issue.blocking)
            keys.append(issue.code + QLatin1Char(':') + issue.message);
    return keys;
}
