#include "StatusBarRoom.h"

#include "ElidedLabel.h"

#include <QEvent>
#include <QLayout>
#include <QSizeGrip>
#include <QStatusBar>

#include <algorithm>

namespace {

// QStatusBar (6.4) draws a message from 6 px in to 2 px before the first permanent widget shown; its layout keeps
// 6 px between widgets. Its size grip is hidden while its window is maximised or full screen, and until it is shown.
constexpr int messageLeft = 6;
constexpr int beforePermanent = 2;
constexpr int spacing = 6;

} // namespace

StatusBarRoom::StatusBarRoom(QStatusBar* bar, ElidedLabel* greedy)
    : QObject(bar)
    , m_bar(bar)
    , m_greedy(greedy)
{
    connect(bar, &QStatusBar::messageChanged, this, &StatusBarRoom::fit);
    bar->installEventFilter(this);
}

bool StatusBarRoom::eventFilter(QObject* watched, QEvent* event)
{
    // A new text in a fact asks the bar for a new layout; fit() asks for one only when a width changes, so this ends.
    const QEvent::Type type = event->type();
    if (watched == m_bar && (type == QEvent::Resize || type == QEvent::LayoutRequest || type == QEvent::Show))
        fit();
    return QObject::eventFilter(watched, event);
}

int StatusBarRoom::takenByOthers() const
{
    int taken = messageLeft + beforePermanent;
    int shown = 1; // the greedy fact
    for (const QWidget* child : m_bar->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (child == m_greedy)
            continue;
        if (qobject_cast<const QSizeGrip*>(child)) {
            // In the bar's outer layout, after a 1 px spacer and the layout's spacing.
            const Qt::WindowStates states = m_bar->window()->windowState();
            if (m_bar->isSizeGripEnabled() && !(states & (Qt::WindowMaximized | Qt::WindowFullScreen)))
                taken += child->sizeHint().width() + 1 + std::max(0, m_bar->layout()->spacing());
            continue;
        }
        if (child->isHidden())
            continue;
        const auto* fact = qobject_cast<const ElidedLabel*>(child);
        taken += (fact ? fact->usualSizeHint() : child->sizeHint()).expandedTo(child->minimumSizeHint()).width();
        ++shown;
    }
    return taken + (shown - 1) * spacing; // the permanent widgets' layout spaces them, not its ends
}

void StatusBarRoom::fit()
{
    const QString message = m_bar->currentMessage();
    const int messageWidth = message.isEmpty() ? 0 : m_bar->fontMetrics().horizontalAdvance(message);
    const int left = m_bar->width() - takenByOthers() - messageWidth; // for the greedy fact
    const int least = m_greedy->minimumSizeHint().width();
    // Without a message a narrow bar shortens the facts as its layout does; with one, they keep to their short forms.
    const bool modest = !message.isEmpty() && left < least;
    m_greedy->setWidthCap(std::max(left, least));
    for (ElidedLabel* fact : m_bar->findChildren<ElidedLabel*>(Qt::FindDirectChildrenOnly))
        fact->setModest(modest);
}
