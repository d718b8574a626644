#include "HistoryPanel.h"
#include "ui_HistoryPanel.h"

#include "CaseTimelineDialog.h"
#include "ExportDialog.h"
#include "HistoryFilterBar.h"
#include "Icons.h"
#include "RevealDialog.h"
#include "StatusIconDelegate.h"
#include "base/Access.h"
#include "base/DisplayTime.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"
#include "history/CaseTimeline.h"
#include "history/HistoryModel.h"
#include "session/HistoryThread.h"

#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidgetItem>

HistoryPanel::HistoryPanel(AuditStore* history, const Actor& actor, QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryPanel>())
    , m_history(history)
    , m_actor(actor)
{
    m_ui->setupUi(this);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    m_filters = new HistoryFilterBar(this);
    m_filters->setObjectName(QStringLiteral("historyFilterBar"));
    m_ui->mainLayout->insertWidget(0, m_filters);
    m_timelineButton = new QPushButton(tr("&Timeline…"), this);
    m_timelineButton->setObjectName(QStringLiteral("timelinePushButton"));
    m_timelineButton->setToolTip(
        tr("Every event of the case with its position in the chain, its review steps and notes"));
    m_ui->detailHeaderLayout->insertWidget(1, m_timelineButton);
    m_exportButton = new QPushButton(tr("E&xport…"), this);
    m_exportButton->setObjectName(QStringLiteral("exportHistoryPushButton"));
    m_exportButton->setToolTip(tr("Export the cases of these filters, or the events of their period, with a manifest "
                                  "that proves the file"));
    m_ui->headerLayout->insertWidget(1, m_exportButton);

    if (history) {
        m_reader = std::make_unique<HistoryThread>(*history, QStringLiteral("history-reader"));
        HistoryThread* reader = m_reader.get();
        auto fetch =
            [this, reader](
                const HistoryQuery& query, const HistoryCursor& after, int limit, const HistoryModel::PageDone& done) {
                reader->run<Result<HistoryPage>>(
                    [reader, actor = m_actor, query, after, limit](AuditStore* store) -> Result<HistoryPage> {
                        if (!store)
                            return Failure(ErrorCode::Unavailable, reader->openError());
                        return store->queryCases(actor, query, after, limit);
                    },
                    this,
                    done);
            };
        m_model = new HistoryModel(fetch, this, 100);
        // No reviewer filter at first: the history shows each role what it may see (a reviewer their own cases, a
        // supervisor and an auditor the team's).
        m_model->setQuery(HistoryQuery());
        m_ui->historyTableView->setModel(m_model);
        // The outcome's status icon, with a shape of its own (the core's model gives no decoration).
        m_ui->historyTableView->setItemDelegateForColumn(HistoryModel::OutcomeColumn,
            new StatusIconDelegate(
                [this](const QModelIndex& index) -> std::optional<StatusIcon::Kind> {
                    const CaseSummary* summary = m_model ? m_model->caseAt(index.row()) : nullptr;
                    return summary ? StatusIcon::forOutcome(summary->outcome()) : std::nullopt;
                },
                m_ui->historyTableView));
        QHeaderView* header = m_ui->historyTableView->horizontalHeader();
        header->setSectionResizeMode(QHeaderView::Interactive);
        header->setStretchLastSection(true);
        header->setSortIndicator(HistoryModel::CreatedColumn, Qt::DescendingOrder);
        header->setSortIndicatorShown(true);
        m_ui->historyTableView->setSortingEnabled(true); // HistoryModel::sort: in SQL, from the first page
        const bool ownOnly = Access::scope(actor.role, Access::Operation::ReadCases) == Access::Scope::Own;
        m_ui->historyTableView->setColumnHidden(HistoryModel::ActorColumn, ownOnly); // always this reviewer
        // No reviewer choice for someone who sees only their own cases, not even until the names have loaded.
        m_filters->setReviewers({}, !ownOnly);
        connect(m_filters, &HistoryFilterBar::queryChanged, this, &HistoryPanel::applyFilters);
        connect(m_filters, &HistoryFilterBar::saveRequested, this, &HistoryPanel::saveFilter);
        connect(m_filters, &HistoryFilterBar::deleteRequested, this, &HistoryPanel::deleteFilter);
        connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::countMatches);
        countMatches(); // of the first query, set above
        connect(m_ui->historyTableView->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &HistoryPanel::showEvents);
        connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryPanel::updateSummary);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryPanel::updateSummary);
        connect(m_model, &HistoryModel::pageLoaded, this, &HistoryPanel::pageLoaded);
        loadChoices();
    } else {
        m_ui->historyTableView->setEnabled(false);
        m_ui->refreshPushButton->setEnabled(false);
        m_filters->setEnabled(false);
    }
    connect(m_timelineButton, &QPushButton::clicked, this, &HistoryPanel::showTimeline);
    connect(m_exportButton, &QPushButton::clicked, this, &HistoryPanel::openExport);
    m_exportButton->setEnabled(history != nullptr);
    connect(m_ui->refreshPushButton, &QPushButton::clicked, this, &HistoryPanel::reload);
    Icons::bind(m_ui->refreshPushButton, Icons::Action::Refresh);
    Icons::bind(m_exportButton, Icons::Action::Export);
    connect(m_ui->revealPushButton, &QPushButton::clicked, this, &HistoryPanel::revealSelected);
    connect(m_ui->verifyAgainPushButton, &QPushButton::clicked, this, &HistoryPanel::reverifySelected);
    updateSummary();
    showEvents();
}

HistoryPanel::~HistoryPanel()
{
    delete m_model; // before the reader it reads through
    m_model = nullptr;
}

QString HistoryPanel::selectedCaseId() const
{
    const QModelIndex current = m_ui->historyTableView->currentIndex();
    return current.isValid() ? current.data(HistoryModel::CaseIdRole).toString() : QString();
}

const CaseSummary* HistoryPanel::caseSummary(const QString& caseId) const
{
    for (int row = 0; m_model && row < m_model->rowCount(); ++row) {
        if (m_model->caseAt(row)->caseId == caseId)
            return m_model->caseAt(row);
    }
    return nullptr;
}

void HistoryPanel::reload()
{
    if (!m_model)
        return;
    const QString selected = selectedCaseId();
    m_countedFilters.clear(); // the history may hold new cases: count again
    m_model->reload();
    if (!selected.isEmpty())
        selectCase(selected); // at once when the page is there, else when it arrives
    showEvents();
}

void HistoryPanel::applyFilters()
{
    if (!m_model)
        return;
    HistoryQuery query = m_filters->query();
    query.sortKey = m_model->query().sortKey;
    query.descending = m_model->query().descending;
    m_model->setQuery(query);
    showEvents();
}

void HistoryPanel::countMatches()
{
    if (!m_reader)
        return;
    // A new sort lists the same cases: their count stands (one COUNT less per header click).
    HistoryQuery filters = m_model->query();
    filters.sortKey = QLatin1String(HistorySort::time);
    filters.descending = true;
    const QString counted =
        QString::fromUtf8(QJsonDocument(filters.toJson()).toJson(QJsonDocument::Compact)) + filters.idNumber;
    if (m_count >= 0 && counted == m_countedFilters)
        return;
    m_countedFilters = counted;
    m_count = -1;
    const quint64 generation = ++m_countGeneration;
    HistoryThread* reader = m_reader.get();
    reader->run<Result<qint64>>(
        [reader, actor = m_actor, query = m_model->query()](AuditStore* store) -> Result<qint64> {
            if (!store)
                return Failure(ErrorCode::Unavailable, reader->openError());
            return store->countCases(actor, query);
        },
        this,
        [this, generation](const Result<qint64>& counted) {
            if (generation != m_countGeneration)
                return; // the filters changed meanwhile
            m_count = counted.valueOr(-1);
            updateSummary();
            emit countKnown();
        });
    updateSummary();
}

void HistoryPanel::loadChoices()
{
    HistoryThread* reader = m_reader.get();
    struct Choices
    {
        QStringList reviewers;
        QList<SavedFilter> saved;
    };
    reader->run<Choices>(
        [actor = m_actor](AuditStore* store) {
            Choices c;
            if (store) {
                c.reviewers = store->caseActors(actor).valueOr({});
                c.saved = store->savedFilters(actor).valueOr({});
            }
            return c;
        },
        this,
        [this](const Choices& c) {
            const bool ownOnly = Access::scope(m_actor.role, Access::Operation::ReadCases) == Access::Scope::Own;
            m_filters->setReviewers(c.reviewers, !ownOnly);
            m_filters->setSavedFilters(c.saved);
        });
}

void HistoryPanel::saveFilter(const QString& name)
{
    HistoryThread* reader = m_reader.get();
    reader->run<Result<void>>(
        [actor = m_actor, name, query = m_model->query()](AuditStore* store) -> Result<void> {
            if (!store)
                return Failure(ErrorCode::Unavailable, QString());
            return store->saveFilter(actor, name, query);
        },
        this,
        [this](const Result<void>& saved) {
            if (!saved)
                m_ui->summaryLabel->setText(tr("The filter was not saved: %1").arg(saved.message()));
            loadChoices();
        });
}

void HistoryPanel::deleteFilter(const QString& name)
{
    HistoryThread* reader = m_reader.get();
    reader->run<Result<void>>(
        [actor = m_actor, name](AuditStore* store) -> Result<void> {
            if (!store)
                return Failure(ErrorCode::Unavailable, QString());
            return store->deleteFilter(actor, name);
        },
        this,
        [this](const Result<void>&) { loadChoices(); });
}

ExportDialog* HistoryPanel::exportDialog() const
{
    return m_exportDialog;
}

RevealDialog* HistoryPanel::revealDialog() const
{
    return m_revealDialog;
}

void HistoryPanel::openExport()
{
    if (!m_history || m_exportDialog)
        return;
    m_exportDialog = new ExportDialog(*m_history, m_actor, m_model->query(), this);
    m_exportDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_exportDialog->open();
}

void HistoryPanel::showTimeline()
{
    const QString caseId = selectedCaseId();
    if (!m_reader || caseId.isEmpty())
        return;
    auto* dialog = new CaseTimelineDialog(*m_reader, m_actor, caseId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void HistoryPanel::pageLoaded()
{
    if (m_model->rowCount() <= m_model->pageSize()) { // the first page: fit the columns to what arrived
        m_ui->historyTableView->resizeColumnsToContents();
        // Sized to its contents, the last column no longer stretches: set it again so the table fills its width
        // (setting it while it is already set does nothing).
        QHeaderView* header = m_ui->historyTableView->horizontalHeader();
        header->setStretchLastSection(false);
        header->setStretchLastSection(true);
    }
    if (!m_pendingSelection.isEmpty())
        selectCase(m_pendingSelection);
    updateSummary();
}

void HistoryPanel::selectCase(const QString& caseId)
{
    if (!m_model)
        return;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->caseAt(row)->caseId == caseId) {
            m_pendingSelection.clear();
            m_ui->historyTableView->setCurrentIndex(m_model->index(row, HistoryModel::CreatedColumn));
            return;
        }
    }
    if (m_model->isLoading())
        m_pendingSelection = caseId;
}

const CaseSummary* HistoryPanel::selectedSummary() const
{
    const QModelIndex current = m_ui->historyTableView->currentIndex();
    return m_model && current.isValid() ? m_model->caseAt(current.row()) : nullptr;
}

void HistoryPanel::revealSelected()
{
    if (!m_history || m_revealDialog)
        return;
    const CaseSummary* summary = selectedSummary();
    if (!summary || summary->purged)
        return;
    m_revealDialog = new RevealDialog(*m_reader, m_actor, *summary, this);
    m_revealDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_revealDialog, &RevealDialog::revealed, this, &HistoryPanel::showEvents);
    m_revealDialog->open();
}

void HistoryPanel::reverifySelected()
{
    const CaseSummary* summary = selectedSummary();
    if (!m_history || !summary || summary->purged)
        return;
    emit reverifyRequested(summary->caseId);
}

void HistoryPanel::showEvents()
{
    m_ui->eventsListWidget->clear();
    const QString caseId = selectedCaseId();
    const CaseSummary* summary = selectedSummary();
    m_ui->revealPushButton->setEnabled(summary && !summary->purged);
    m_ui->verifyAgainPushButton->setEnabled(summary && !summary->purged);
    m_timelineButton->setEnabled(summary != nullptr);
    m_ui->eventsLabel->setText(summary
            ? tr("Events of the case %1 (MerchantBizId %2)").arg(summary->nameMasked, summary->merchantBizId)
            : tr("Select a case to see its events."));
    if (!m_reader || caseId.isEmpty())
        return;
    HistoryThread* reader = m_reader.get();
    reader->run<Result<QList<AuditEvent>>>(
        [reader, actor = m_actor, caseId](AuditStore* store) -> Result<QList<AuditEvent>> {
            if (!store)
                return Failure(ErrorCode::Unavailable, reader->openError());
            return store->eventsForCase(actor, caseId);
        },
        this,
        [this, caseId](const Result<QList<AuditEvent>>& events) {
            if (caseId != selectedCaseId())
                return; // another case was selected meanwhile
            if (!events) {
                m_ui->eventsLabel->setText(tr("The events of this case cannot be read: %1").arg(events.message()));
                return;
            }
            listEvents(*events);
        });
}

void HistoryPanel::listEvents(const QList<AuditEvent>& events)
{
    m_ui->eventsListWidget->clear();
    for (const AuditEvent& event : events) {
        auto* item = new QListWidgetItem(
            tr("#%1  %2  %3").arg(QString::number(event.seq), DisplayTime::dateTime(event.ts), describeEvent(event)),
            m_ui->eventsListWidget);
        // The payload is sanitised (no name, no ID number, no secret): safe to show in full.
        item->setToolTip(tr("#%1 %2 by %3 on %4\n%5")
                             .arg(QString::number(event.seq),
                                 event.kind,
                                 event.actor,
                                 event.workstation,
                                 QString::fromUtf8(event.payload)));
    }
}

void HistoryPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_timelineButton->setText(tr("&Timeline…"));
        m_exportButton->setText(tr("E&xport…"));
        m_exportButton->setToolTip(tr("Export the cases of these filters, or the events of their period, with a "
                                      "manifest that proves the file"));
        m_timelineButton->setToolTip(
            tr("Every event of the case with its position in the chain, its review steps and notes"));
        if (m_model)
            m_model->retranslate();
        updateSummary();
        showEvents();
    }
    QWidget::changeEvent(event);
}

void HistoryPanel::updateSummary()
{
    if (!m_history || !m_model) { // no model without a history, nor once the destructor has deleted it
        m_ui->summaryLabel->setText(tr("No audit history is open."));
        return;
    }
    const int rows = m_model->rowCount();
    const bool ownOnly = Access::scope(m_actor.role, Access::Operation::ReadCases) == Access::Scope::Own;
    const bool filtered = m_model->query().hasFilter();
    QString matching;
    if (m_model->failure().code != ErrorCode::None)
        matching = tr("The history cannot be read: %1").arg(m_model->failure().message);
    else if (m_count < 0)
        matching = tr("Counting…");
    else if (filtered)
        matching = tr("%n case(s) match the filters.", nullptr, static_cast<int>(qMin<qint64>(m_count, INT_MAX)));
    else if (ownOnly)
        matching = tr("You have %n case(s).", nullptr, static_cast<int>(qMin<qint64>(m_count, INT_MAX)));
    else
        matching = tr("The team has %n case(s).", nullptr, static_cast<int>(qMin<qint64>(m_count, INT_MAX)));
    const QString shown =
        m_model->canFetchMore(QModelIndex()) ? tr("%n shown, scroll for more.", nullptr, rows) : QString();
    m_ui->summaryLabel->setText(tr("%1 %2 Names and ID numbers are masked.").arg(matching, shown).simplified());
}

QString HistoryPanel::describeEvent(const AuditEvent& event)
{
    const QJsonObject p = event.payloadObject();
    const QString attempt = QString::number(p.value(QStringLiteral("attempt")).toInt());
    const QString& kind = event.kind;
    if (kind == QLatin1String(EventKind::caseCreated))
        return p.value(QStringLiteral("training")).toBool() ? tr("Case created (training)") : tr("Case created");
    if (kind == QLatin1String(EventKind::attemptSent))
        return tr("Attempt %1 sent").arg(attempt);
    if (kind == QLatin1String(EventKind::responseReceived)) {
        return tr("Answer to attempt %1: HTTP %2, Code %3, SubCode %4, %5 ms")
            .arg(attempt,
                QString::number(p.value(QStringLiteral("httpStatus")).toInt()),
                p.value(QStringLiteral("code")).toString(),
                p.value(QStringLiteral("subCode")).toString(),
                QString::number(p.value(QStringLiteral("latencyMs")).toInteger()));
    }
    if (kind == QLatin1String(EventKind::caseCompleted)) {
        const QString subCode = p.value(QStringLiteral("subCode")).toString();
        if (subCode.isEmpty())
            return tr("Case ended without an answer: %1").arg(p.value(QStringLiteral("error")).toString());
        return p.value(QStringLiteral("passed")).toBool() ? tr("Case completed: SubCode %1, passed").arg(subCode)
                                                          : tr("Case completed: SubCode %1, not passed").arg(subCode);
    }
    if (kind == QLatin1String(EventKind::reviewDecision))
        return tr("Manual review decision");
    if (kind == QLatin1String(EventKind::piiRevealed))
        return tr("Name and ID number revealed to %1, reason: %2")
            .arg(event.actor, p.value(QStringLiteral("reason")).toString());
    if (kind == QLatin1String(EventKind::reverifyLink))
        return tr("Linked to a re-verification");
    if (kind == QLatin1String(EventKind::retentionPurge))
        return tr("Name and ID number erased (retention)");
    // The rest as the case timeline says them (failed attempts, review steps, refusals, set-aside spool records).
    return CaseTimeline::describe(event, {}, {}).text;
}
