#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/Review.h"

#include <QList>
#include <QWidget>

#include <functional>
#include <memory>

class Clock;
class HistoryThread;
class QComboBox;
class ReviewQueueModel;
struct FileDigest;

namespace Ui {
class ReviewQueuePanel;
}

// The "Review queue" tab: the cases sent to manual review, oldest first, with their age and an overdue marker, the
// filters (state, assignee, SubCode) and the review's actions on the selected case. Every read and write runs on the
// history thread; the buttons follow the selected case's state and who acts, but the history decides (a refusal shows
// its message). In training mode only, "Practise as" lets one trainee act as a second one, so that four-eyes can be
// practised at one desk.
class ReviewQueuePanel : public QWidget
{
    Q_OBJECT
public:
    // Who is signed in, asked at each action (the desk may change hands).
    using ActorSource = std::function<Actor()>;

    // thread: the history's thread (not owned; nullptr: no history, the panel stays empty and disabled).
    ReviewQueuePanel(HistoryThread* thread, ActorSource signedIn, bool training, QWidget* parent = nullptr);
    ~ReviewQueuePanel() override;

    // The time ages are counted to (not owned); the system clock by default.
    void setClock(Clock& clock);
    ReviewQueueModel* model() const { return m_model; }
    // Who the review actions are done as: the signed-in person, or in training the trainee chosen in "Practise as".
    Actor actingActor() const;
    // The second trainee of the training desk: trainee-2, a reviewer on the same workstation.
    static Actor secondTrainee(const Actor& trainee);
    QString selectedCaseId() const;
    QString message() const;
    // The summary under the table: "N in the queue, M overdue".
    QString counts() const;
    // A hashing of attached documents is running.
    bool isHashing() const { return m_hashing > 0; }

public slots:
    void reload();
    // Reloads and selects caseId when it is in the queue.
    void showCase(const QString& caseId);
    void showMessage(const QString& text, bool error = false);
    void claimSelected();
    void releaseSelected();
    void reassignSelected();
    void proposeSelected();
    void approveSelected();
    void declineSelected();
    void withdrawSelected();
    void reopenSelected();
    void addNoteToSelected();
    // Asks for files (QFileDialog, object name "referenceFileDialog"), then attachFiles.
    void attachToSelected();
    // Hashes the files off the GUI thread and records one reference per file on the selected case.
    void attachFiles(const QStringList& paths);
    void showTimeline();

signals:
    // A review action ended (refused or not); the queue reloads after it.
    void actionFinished(bool ok);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void setUpPractise();
    void fillFilters();
    void applyFilters();
    void loaded();
    void updateButtons();
    const ReviewItem* selectedItem() const;
    // Sends the requests as actingActor(), then says done (or the refusal) and reloads.
    void act(const QList<ReviewRequest>& requests, const QString& done);
    ReviewRequest request(const char* action) const;
    // Asks for a text (object name name) and sends action with it as the note.
    void askNote(const char* name, const QString& title, const QString& label, const char* action, const QString& done);
    void attachDigests(const QString& caseId, const QList<FileDigest>& digests);

    const std::unique_ptr<Ui::ReviewQueuePanel> m_ui;
    HistoryThread* m_thread;
    ActorSource m_signedIn;
    bool m_training;
    ReviewQueueModel* m_model = nullptr;
    QComboBox* m_practiseAs = nullptr; // training only
    QString m_keepSelected;
    int m_hashing = 0;
};
