#pragma once

#include "history/Review.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

class QWidget;
struct FileDigest;

// Picking the documents a reviewer saw: a multi-select file dialog (object name "referenceFileDialog"), and what the
// history records of each file (its name without the folder, its SHA-256 and size; never the file).
class ReferencePicker
{
    Q_DECLARE_TR_FUNCTIONS(ReferencePicker)
public:
    // Opens the file dialog (window-modal, not blocking) and calls chosen with the files picked, if any.
    static void choose(QWidget* parent, std::function<void(const QStringList&)> chosen);
    // "scan.pdf — 12,345 bytes — SHA-256 3a7b…", for lists.
    static QString describe(const FileDigest& digest);
    static ReviewRequest referenceRequest(const QString& caseId, const FileDigest& digest);
};
