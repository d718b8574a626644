#include "HistoryFilterBar.h"

#include "api/VerificationResult.h"
#include "base/DisplayTime.h"
#include "history/Review.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMetaEnum>
#include <QPushButton>
#include <QTimeZone>

namespace {

QComboBox* combo(QWidget* parent, const char* objectName)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(QLatin1String(objectName));
    // Long choices (error kinds, Chinese review states) must not widen the bar past the window: they elide.
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
    return box;
}

// Replaces the items of box with (text, data) pairs, keeping the chosen data when it is still there.
void refill(QComboBox* box, const QList<std::pair<QString, QString>>& items)
{
    const QString chosen = box->currentData().toString();
    const bool blocked = box->blockSignals(true);
    box->clear();
    for (const auto& [text, data] : items)
        box->addItem(text, data);
    const int index = box->findData(chosen);
    box->setCurrentIndex(index < 0 ? 0 : index);
    box->blockSignals(blocked);
}

void choose(QComboBox* box, const QString& data)
{
    const int index = box->findData(data);
    box->setCurrentIndex(index < 0 ? 0 : index);
}

QDateTime startOf(const QDate& day)
{
    return QDateTime(day, QTime(0, 0), QTimeZone::systemTimeZone()).toUTC();
}

} // namespace

HistoryFilterBar::HistoryFilterBar(QWidget* parent)
    : QWidget(parent)
    , m_today(QDate::currentDate())
{
    build();
    retranslate();
}

void HistoryFilterBar::build()
{
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_period = combo(this, "periodComboBox");
    m_from = new QDateEdit(this);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_to = new QDateEdit(this);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    for (QDateEdit* edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDate(m_today);
        edit->setEnabled(false);
    }
    m_reviewer = combo(this, "reviewerComboBox");
    m_outcome = combo(this, "outcomeComboBox");
    m_review = combo(this, "reviewStateComboBox");
    m_scene = new QLineEdit(this);
    m_scene->setObjectName(QStringLiteral("sceneLineEdit"));
    m_scene->setClearButtonEnabled(true);
    m_mode = combo(this, "modeComboBox");
    m_searchField = combo(this, "searchFieldComboBox");
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setClearButtonEnabled(true);
    m_saved = combo(this, "savedFilterComboBox");
    m_save = new QPushButton(this);
    m_save->setObjectName(QStringLiteral("saveFilterPushButton"));
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("deleteFilterPushButton"));
    m_clear = new QPushButton(this);
    m_clear->setObjectName(QStringLiteral("clearFiltersPushButton"));

    const auto label = [this](QWidget* buddy) {
        auto* l = new QLabel(this);
        l->setBuddy(buddy);
        m_labels << l;
        return l;
    };
    grid->addWidget(label(m_period), 0, 0);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_period);
    dates->addWidget(m_from);
    dates->addWidget(m_to);
    grid->addLayout(dates, 0, 1);
    m_reviewerLabel = label(m_reviewer);
    grid->addWidget(m_reviewerLabel, 0, 2);
    grid->addWidget(m_reviewer, 0, 3);
    grid->addWidget(label(m_outcome), 0, 4);
    grid->addWidget(m_outcome, 0, 5);
    grid->addWidget(label(m_review), 1, 4);
    grid->addWidget(m_review, 1, 5);
    grid->addWidget(label(m_mode), 1, 2);
    grid->addWidget(m_mode, 1, 3);
    grid->addWidget(label(m_searchField), 1, 0);
    auto* search = new QHBoxLayout;
    search->addWidget(m_searchField);
    search->addWidget(m_search, 1);
    grid->addLayout(search, 1, 1);
    grid->addWidget(label(m_scene), 2, 4);
    grid->addWidget(m_scene, 2, 5);
    grid->addWidget(label(m_saved), 2, 0);
    auto* saved = new QHBoxLayout;
    saved->addWidget(m_saved, 1);
    saved->addWidget(m_save);
    saved->addWidget(m_delete);
    grid->addLayout(saved, 2, 1);
    grid->addWidget(m_clear, 2, 2, 1, 2, Qt::AlignLeft);
    grid->setColumnStretch(1, 1);

    connect(m_period, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::periodChosen);
    for (QDateEdit* edit : { m_from, m_to })
        connect(edit, &QDateEdit::dateChanged, this, &HistoryFilterBar::changed);
    for (QComboBox* box : { m_reviewer, m_outcome, m_review, m_mode })
        connect(box, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::changed);
    connect(m_scene, &QLineEdit::editingFinished, this, &HistoryFilterBar::changed);
    connect(m_search, &QLineEdit::returnPressed, this, &HistoryFilterBar::searchEntered);
    connect(m_searchField, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_search->text().trimmed().isEmpty())
            searchEntered();
    });
    connect(m_saved, &QComboBox::activated, this, &HistoryFilterBar::savedChosen);
    connect(m_save, &QPushButton::clicked, this, &HistoryFilterBar::askSaveName);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (!m_saved->currentData().toString().isEmpty())
            emit deleteRequested(m_saved->currentData().toString());
    });
    connect(m_clear, &QPushButton::clicked, this, &HistoryFilterBar::clear);
}

void HistoryFilterBar::retranslate()
{
    const QStringList texts = { tr("&Period:"),
        tr("Re&viewer:"),
        tr("&Outcome:"),
        tr("Revie&w:"),
        tr("&Mode:"),
        tr("&Search:"),
        tr("Sce&ne:"),
        tr("Save&d:") };
    for (int i = 0; i < m_labels.size() && i < texts.size(); ++i)
        m_labels.at(i)->setText(texts.at(i));
    m_save->setText(tr("Save filter…"));
    m_delete->setText(tr("Delete"));
    m_clear->setText(tr("Clear filters"));
    m_search->setPlaceholderText(tr("exact value, then Enter"));
    m_scene->setPlaceholderText(tr("any scene"));
    m_from->setDisplayFormat(DisplayTime::dateFormat());
    m_to->setDisplayFormat(DisplayTime::dateFormat());
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date (inclusive)"));
    m_search->setAccessibleName(tr("Search value"));
    fillCombos();
}

void HistoryFilterBar::fillCombos()
{
    m_updating = true;
    refill(m_period,
        { { tr("All time"), QStringLiteral("all") },
            { tr("Today"), QStringLiteral("today") },
            { tr("Last 7 days"), QStringLiteral("7d") },
            { tr("Last 30 days"), QStringLiteral("30d") },
            { tr("This year"), QStringLiteral("year") },
            { tr("Custom dates"), QStringLiteral("custom") } });
    QList<std::pair<QString, QString>> outcomes = { { tr("Any outcome"), QString() } };
    for (const QString& o : HistoryOutcome::all())
        outcomes.append({ HistoryOutcome::displayName(o), o });
    const QMetaEnum errors = QMetaEnum::fromType<VerificationResult::Error>();
    for (int i = 0; i < errors.keyCount(); ++i) {
        const auto error = static_cast<VerificationResult::Error>(errors.value(i));
        if (error != VerificationResult::Error::None)
            outcomes.append({ HistoryOutcome::displayName(QStringLiteral("error:") + QLatin1String(errors.key(i))),
                QStringLiteral("error:") + QLatin1String(errors.key(i)) });
    }
    refill(m_outcome, outcomes);
    QList<std::pair<QString, QString>> reviews = { { tr("Any"), QString() },
        { tr("Never sent to review"), QStringLiteral("none") } };
    for (const char* state : { ReviewState::open,
             ReviewState::inReview,
             ReviewState::proposed,
             ReviewState::escalated,
             ReviewState::approved,
             ReviewState::rejected,
             ReviewState::reopened })
        reviews.append({ ReviewState::displayName(QLatin1String(state)), QLatin1String(state) });
    refill(m_review, reviews);
    refill(m_mode,
        { { tr("Live and training"), QString() },
            { tr("Live only"), QStringLiteral("no") },
            { tr("Training only"), QStringLiteral("yes") } });
    refill(m_searchField,
        { { tr("ID number"), QStringLiteral("id_number") },
            { tr("MerchantBizId"), QStringLiteral("merchant_biz_id") },
            { tr("RequestId"), QStringLiteral("request_id") } });
    fillReviewers();
    fillSaved();
    m_updating = false;
}

void HistoryFilterBar::fillReviewers()
{
    QList<std::pair<QString, QString>> items = { { tr("Everyone"), QString() } };
    for (const QString& name : std::as_const(m_reviewers))
        items.append({ name, name });
    refill(m_reviewer, items);
}

void HistoryFilterBar::fillSaved()
{
    QList<std::pair<QString, QString>> items = { { tr("(none)"), QString() } };
    for (const SavedFilter& f : std::as_const(m_savedFilters))
        items.append({ f.name, f.name });
    refill(m_saved, items);
    m_delete->setEnabled(m_saved->currentIndex() > 0);
}

void HistoryFilterBar::setReviewers(const QStringList& names, bool visible)
{
    m_reviewers = names;
    fillReviewers();
    m_reviewer->setVisible(visible);
    m_reviewerLabel->setVisible(visible);
}

void HistoryFilterBar::setSavedFilters(const QList<SavedFilter>& filters)
{
    m_savedFilters = filters;
    m_updating = true;
    fillSaved();
    m_updating = false;
}

void HistoryFilterBar::setToday(const QDate& today)
{
    m_today = today;
    m_todayFixed = true;
    periodChosen();
}

QDate HistoryFilterBar::today() const
{
    // The clock's, each time a filter is applied: a desk left open over midnight means the new day by "today".
    return m_todayFixed ? m_today : QDate::currentDate();
}

HistoryQuery HistoryFilterBar::query() const
{
    HistoryQuery q;
    const QString period = m_period->currentData().toString();
    if (period == QLatin1String("custom")) {
        q.from = startOf(qMin(m_from->date(), m_to->date()));
        q.to = startOf(qMax(m_from->date(), m_to->date()).addDays(1));
    } else if (period != QLatin1String("all") && !period.isEmpty()) {
        const QDate now = today();
        const QDate first = period == QLatin1String("today") ? now
            : period == QLatin1String("7d")                  ? now.addDays(-6)
            : period == QLatin1String("30d")                 ? now.addDays(-29)
                                                             : QDate(now.year(), 1, 1);
        q.from = startOf(first);
        q.to = startOf(now.addDays(1));
    }
    q.actor = m_reviewer->currentData().toString();
    q.outcome = m_outcome->currentData().toString();
    q.reviewState = m_review->currentData().toString();
    q.sceneCode = m_scene->text().trimmed();
    const QString mode = m_mode->currentData().toString();
    if (!mode.isEmpty())
        q.training = mode == QLatin1String("yes");
    const QString text = m_search->text().trimmed();
    if (!text.isEmpty())
        (void)q.set(m_searchField->currentData().toString(), text);
    return q;
}

void HistoryFilterBar::setQuery(const HistoryQuery& query)
{
    m_updating = true;
    if (query.from.isValid() || query.to.isValid()) {
        choose(m_period, QStringLiteral("custom"));
        m_from->setDate(query.from.isValid() ? query.from.toLocalTime().date() : QDate(2000, 1, 1));
        m_to->setDate(query.to.isValid() ? query.to.toLocalTime().addMSecs(-1).date() : today());
    } else {
        choose(m_period, QStringLiteral("all"));
    }
    m_from->setEnabled(m_period->currentData().toString() == QLatin1String("custom"));
    m_to->setEnabled(m_from->isEnabled());
    choose(m_reviewer, query.actor);
    choose(m_outcome, query.outcome);
    choose(m_review, query.reviewState);
    m_scene->setText(query.sceneCode);
    choose(m_mode,
        query.training.has_value() ? (*query.training ? QStringLiteral("yes") : QStringLiteral("no")) : QString());
    if (!query.merchantBizId.isEmpty()) {
        choose(m_searchField, QStringLiteral("merchant_biz_id"));
        m_search->setText(query.merchantBizId);
    } else if (!query.requestId.isEmpty()) {
        choose(m_searchField, QStringLiteral("request_id"));
        m_search->setText(query.requestId);
    } else {
        m_search->clear();
    }
    m_updating = false;
    emit queryChanged();
}

void HistoryFilterBar::clear()
{
    choose(m_saved, QString());
    m_delete->setEnabled(false);
    setQuery(HistoryQuery());
}

void HistoryFilterBar::periodChosen()
{
    const bool custom = m_period->currentData().toString() == QLatin1String("custom");
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    changed();
}

void HistoryFilterBar::savedChosen()
{
    const QString name = m_saved->currentData().toString();
    m_delete->setEnabled(!name.isEmpty());
    for (const SavedFilter& f : std::as_const(m_savedFilters)) {
        if (f.name == name) {
            setQuery(f.query);
            return;
        }
    }
}

void HistoryFilterBar::askSaveName()
{
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("saveFilterDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save filter"));
    dialog->setLabelText(tr("Name of this filter (saved for your account; an ID number search is not saved):"));
    dialog->setTextValue(m_saved->currentData().toString());
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& name) {
        if (!name.trimmed().isEmpty())
            emit saveRequested(name.trimmed());
    });
    dialog->open();
}

void HistoryFilterBar::searchEntered()
{
    changed();
}

void HistoryFilterBar::changed()
{
    if (!m_updating)
        emit queryChanged();
}

void HistoryFilterBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}
