#include "ErrorBox.h"

#include <QMessageBox>

void ErrorBox::setMessage(QMessageBox& box, const QString& prefix, const QString& message)
{
    const qsizetype firstBreak = message.indexOf(u'\n');
    // A few lines (a database client's error and its hint) stay in the text, where they are read.
    if (firstBreak < 0 || message.count(u'\n') < detailsFromLines) {
        box.setText(prefix + message);
    } else {
        box.setText(prefix + message.left(firstBreak));
        box.setDetailedText(message.mid(firstBreak + 1));
    }
    box.setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}
