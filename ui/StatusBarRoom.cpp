#include "StatusBarRoom.h"

#include "ElidedLabel.h"

#include <QEvent>
#include <QStatusBar>
#include <QStyle>

#include <algorithm>

namespace {

// QStatusBar (6.4) draws a message from 6 px in to 2 px before the first permanent widget shown, and never in its
// last 12 px; between the widgets its layout keeps the style's spacing.
constexpr int messageLeft = 6;
constexpr int beforePermanent = 2;
constexpr int rightEdge = 12;

} // namespace

StatusBarRoom::StatusBarRoom(QStatusBar* bar, QList<ElidedLabel*> facts)
    : QObject(bar)
    , m_bar(bar)
    , m_facts(std::move(facts))
{
    connect(bar, &QStatusBar::messageChanged, this, &StatusBarRoom::fit);
    bar->installEventFilter(this);
}

int StatusBarRoom::messageRoom(const QStatusBar& bar)
{
    int right = bar.width() - rightEdge;
    for (const QWidget* child : bar.findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (child->isVisible() && child->geometry().left() > messageLeft)
            right = std::min(right, child->geometry().left() - beforePermanent);
    }
    return std::max(0, right - messageLeft);
}

bool StatusBarRoom::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_bar && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void StatusBarRoom::fit()
{
    const QString message = m_bar->currentMessage();
    bool modest = false;
    if (!message.isEmpty()) {
        // The permanent widgets at their usual widths (the facts' full forms, within their preferred widths), with the
        // spacing between them, and the message beside them.
        const int spacing = std::max(0, m_bar->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing));
        int taken = messageLeft + beforePermanent + m_bar->fontMetrics().horizontalAdvance(message);
        for (const QWidget* child : m_bar->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
            if (child->isHidden())
                continue;
            const auto* fact = qobject_cast<const ElidedLabel*>(child);
            taken += (fact ? fact->usualSizeHint() : child->sizeHint()).width() + spacing;
        }
        modest = taken > m_bar->width();
    }
    for (ElidedLabel* fact : std::as_const(m_facts))
        fact->setModest(modest);
}
