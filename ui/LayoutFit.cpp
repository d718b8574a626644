#include "LayoutFit.h"

#include <QBoxLayout>
#include <QEvent>
#include <QGuiApplication>
#include <QLayout>
#include <QPointer>
#include <QScreen>
#include <QScrollArea>
#include <QWidget>

namespace LayoutFit {

QScrollArea* scrollable(QWidget* content, QWidget* parent)
{
    auto* area = new QScrollArea(parent);
    area->setObjectName(content->objectName() + QLatin1String("ScrollArea"));
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(content);
    return area;
}

namespace {

class NarrowWatcher : public QObject
{
public:
    NarrowWatcher(QBoxLayout* box, QWidget* watched, int minimumWidth)
        : QObject(watched)
        , m_box(box)
        , m_minimumWidth(minimumWidth)
    {
        watched->installEventFilter(this);
        apply(watched->width());
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Resize)
            apply(static_cast<QWidget*>(watched)->width());
        return QObject::eventFilter(watched, event);
    }

private:
    void apply(int width)
    {
        if (!m_box)
            return;
        const auto direction = width < m_minimumWidth ? QBoxLayout::TopToBottom : QBoxLayout::LeftToRight;
        if (m_box->direction() != direction)
            m_box->setDirection(direction);
    }

    QPointer<QBoxLayout> m_box;
    int m_minimumWidth;
};

} // namespace

void stackWhenNarrow(QBoxLayout* box, QWidget* watched, int minimumWidth)
{
    new NarrowWatcher(box, watched, minimumWidth);
}

void resizeWithinScreen(QWidget* window, const QSize& wanted)
{
    const QWidget* anchor = window->parentWidget() ? window->parentWidget() : window;
    const QScreen* screen = anchor->screen() ? anchor->screen() : QGuiApplication::primaryScreen();
    QSize size = wanted;
    if (screen)
        size = size.boundedTo(screen->availableGeometry().size() * 9 / 10);
    window->resize(size.expandedTo(window->minimumSizeHint()));
}

void growToFit(QWidget* window)
{
    QLayout* layout = window->layout();
    if (!layout)
        return;
    layout->activate();
    int needed = layout->totalMinimumSize().height();
    if (layout->hasHeightForWidth())
        needed = qMax(needed, layout->totalHeightForWidth(window->width()));
    if (needed > window->height())
        window->resize(window->width(), needed);
}

} // namespace LayoutFit
