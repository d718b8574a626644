#pragma once

#include "base/Actor.h"
#include "history/CaseTimeline.h"

#include <QDialog>
#include <QList>

class HistoryThread;
class QLabel;
class QTreeWidget;

// A case's timeline (CaseTimeline::read on the history thread): every attempt, answer, review step, note, reference,
// reveal and re-verification link with its position in the chain (#seq), time and actor, the note under its entry.
// A linked case (re-verification, either direction) opens its own timeline with one click. Object name
// "caseTimelineDialog"; not modal.
class CaseTimelineDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        SeqColumn,
        TimeColumn,
        ActorColumn,
        TextColumn,
        LinkColumn,
        ColumnCount
    };

    // thread: not owned; it must outlive the dialog.
    CaseTimelineDialog(HistoryThread& thread, const Actor& actor, const QString& caseId, QWidget* parent = nullptr);

    QString caseId() const { return m_caseId; }
    QTreeWidget* tree() const { return m_tree; }
    bool isLoaded() const { return m_loaded; }
    const QList<TimelineEntry>& entries() const { return m_entries; }

public slots:
    // Opens the timeline of another case (a linked one) beside this one.
    void openCase(const QString& caseId);

private:
    void load();
    void showEntries(const QList<TimelineEntry>& entries);
    void addEntry(const TimelineEntry& entry);

    HistoryThread& m_thread;
    Actor m_actor;
    QString m_caseId;
    QTreeWidget* m_tree;
    QLabel* m_message;
    QList<TimelineEntry> m_entries;
    bool m_loaded = false;
};
