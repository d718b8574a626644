#include "ErrorBox.h"

#include <QMessageBox>

void ErrorBox::setMessage(QMessageBox& box, const QString& prefix, const QString& message)
{
    const qsizetype firstBreak = message.indexOf(u'\n');
    box.setText(prefix + (firstBreak < 0 ? message : message.left(firstBreak)));
    if (firstBreak >= 0)
        box.setDetailedText(message.mid(firstBreak + 1));
    box.setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}
