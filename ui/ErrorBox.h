#pragma once

class QMessageBox;
class QString;

// A message box for an error whose message may carry lines to copy after its first (the GRANT statements a database
// role lacks, app/history/PgAccess.h): with detailsFromLines lines or more after the first, the first line is the
// box's text and the rest its details ("Show Details…", a scrolling, selectable text), so that the box fits a small
// screen at 200 % and the statements can be copied; a shorter message is the text alone. The text is selectable too.
namespace ErrorBox {

constexpr int detailsFromLines = 4;

void setMessage(QMessageBox& box, const QString& prefix, const QString& message);

} // namespace ErrorBox
