#include "ReferencePicker.h"

#include "session/FileDigest.h"

#include <QFileDialog>
#include <QLocale>

void ReferencePicker::choose(QWidget* parent, std::function<void(const QStringList&)> chosen)
{
    auto* dialog = new QFileDialog(parent, tr("Documents seen for this case"));
    dialog->setObjectName(QStringLiteral("referenceFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setLabelText(QFileDialog::Accept, tr("Attach"));
    QObject::connect(
        dialog, &QFileDialog::filesSelected, dialog, [chosen = std::move(chosen)](const QStringList& files) {
            if (!files.isEmpty())
                chosen(files);
        });
    dialog->open();
}

QString ReferencePicker::describe(const FileDigest& digest)
{
    if (!digest.isValid())
        return digest.error;
    return tr("%1 — %2 bytes — SHA-256 %3").arg(digest.fileName, QLocale().toString(digest.size), digest.sha256);
}

ReviewRequest ReferencePicker::referenceRequest(const QString& caseId, const FileDigest& digest)
{
    ReviewRequest r;
    r.caseId = caseId;
    r.action = QLatin1String(ReviewAction::reference);
    r.fileName = digest.fileName;
    r.sha256 = digest.sha256;
    r.fileSize = digest.size;
    return r;
}
