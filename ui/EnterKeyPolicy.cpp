#include "EnterKeyPolicy.h"

#include <QApplication>
#include <QCheckBox>
#include <QKeyEvent>
#include <QPointer>
#include <QRadioButton>

namespace EnterKeyPolicy {

namespace {

class Filter : public QObject
{
public:
    using QObject::QObject;

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::KeyPress && event->type() != QEvent::KeyRelease)
            return false;
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() != Qt::Key_Return && key->key() != Qt::Key_Enter)
            return false;
        auto* button = qobject_cast<QAbstractButton*>(watched);
        if (!button || !(qobject_cast<QCheckBox*>(button) || qobject_cast<QRadioButton*>(button)))
            return false;
        // As under Fusion: the box ignores Enter, which goes on to its parents (the form verifies, a dialog accepts).
        if (event->type() == QEvent::KeyPress && button->parentWidget()) {
            QKeyEvent forwarded(QEvent::KeyPress, key->key(), key->modifiers(), key->text(), key->isAutoRepeat());
            QCoreApplication::sendEvent(button->parentWidget(), &forwarded);
        }
        return true;
    }
};

QPointer<Filter> installed;

} // namespace

void install(QCoreApplication* application)
{
    if (installed || !application)
        return;
    installed = new Filter(application);
    application->installEventFilter(installed);
}

} // namespace EnterKeyPolicy
