#include "StatusBarRoom.h"

#include "ElidedLabel.h"

#include <QEvent>
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

StatusBarRoom::StatusBarRoom(QStatusBar* bar, QList<ElidedLabel*> facts, ElidedLabel* greedy)
    : QObject(bar)
    , m_bar(bar)
    , m_facts(std::move(facts))
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
    for (const QWidget* child : m_bar->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (child == m_greedy)
            continue;
        if (qobject_cast<const QSizeGrip*>(child)) {
            const Qt::WindowStates states = m_bar->window()->windowState();
            if (m_bar->isSizeGripEnabled() && !(states & (Qt::WindowMaximized | Qt::WindowFullScreen)))
                taken += child->sizeHint().width();
            continue;
        }
        if (child->isHidden())
            continue;
        const auto* fact = qobject_cast<const ElidedLabel*>(child);
        taken += (fact ? fact->usualSizeHint() : child->sizeHint()).width() + spacing;
    }
    return taken + spacing; // the greedy fact's own
}

void StatusBarRoom::fit()
{
    const QString message = m_bar->currentMessage();
    const int messageWidth = message.isEmpty() ? 0 : m_bar->fontMetrics().horizontalAdvance(message);
    const int left = m_bar->width() - takenByOthers() - messageWidth; // for the greedy fact
    const bool modest = left < m_greedy->minimumSizeHint().width();
    m_greedy->setWidthCap(std::max(left, 0));
    for (ElidedLabel* fact : std::as_const(m_facts))
        fact->setModest(modest);
}
