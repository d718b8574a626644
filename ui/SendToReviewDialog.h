#pragma once

#include "history/Review.h"
#include "session/FileDigest.h"

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

// "Send to manual review": a note (optional) and references to the documents seen, each file's name, SHA-256 and size
// computed off the GUI thread (the files are not copied). OK waits for the hashing. requests() is what to send: the
// review's open, then one reference per file. Object name "sendToReviewDialog".
class SendToReviewDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SendToReviewDialog(const QString& caseId, QWidget* parent = nullptr);

    QString caseId() const { return m_caseId; }
    QString note() const;
    const QList<FileDigest>& references() const { return m_references; }
    bool isHashing() const { return m_hashing > 0; }
    QList<ReviewRequest> requests() const;

public slots:
    // Asks for files (ReferencePicker), then addFiles.
    void chooseFiles();
    // Hashes the files on a worker thread and lists them.
    void addFiles(const QStringList& paths);

private:
    void addDigests(const QList<FileDigest>& digests);
    void updateOk();

    QString m_caseId;
    QPlainTextEdit* m_note;
    QListWidget* m_list;
    QPushButton* m_attach;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QList<FileDigest> m_references;
    int m_hashing = 0;
};
