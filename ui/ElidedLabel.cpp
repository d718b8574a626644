#include "ElidedLabel.h"

#include <QResizeEvent>

#include <algorithm>
#include <limits>

ElidedLabel::ElidedLabel(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString& text, const QStringList& shorter)
{
    m_fullText = text;
    m_shorter = shorter;
    setToolTip(text);
    updateGeometry(); // the size hints follow the texts
    elide();
}

void ElidedLabel::setPreferredCharacters(int characters)
{
    m_preferredCharacters = characters;
    updateGeometry();
}

void ElidedLabel::setModest(bool modest)
{
    if (modest == m_modest)
        return;
    m_modest = modest;
    updateGeometry();
}

QSize ElidedLabel::sizeHint() const
{
    return m_modest ? minimumSizeHint() : usualSizeHint();
}

QSize ElidedLabel::usualSizeHint() const
{
    const QMargins margins = contentsMargins();
    const int extra = 2 + margins.left() + margins.right();
    int limit = std::numeric_limits<int>::max();
    if (m_preferredCharacters > 0)
        limit = fontMetrics().averageCharWidth() * m_preferredCharacters + margins.left() + margins.right();
    if (m_widthCap > 0)
        limit = std::min(limit, m_widthCap);
    int width = fontMetrics().horizontalAdvance(m_fullText) + extra;
    if (width > limit) {
        // Only as wide as the longest form that fits (elide() shows that one): the room it would leave blank beside
        // its text goes to the others, a status bar's message.
        width = limit;
        for (const QString& form : std::as_const(m_shorter)) {
            const int needed = fontMetrics().horizontalAdvance(form) + extra;
            if (needed <= limit) {
                width = needed;
                break;
            }
        }
    }
    return QSize(width, QLabel::sizeHint().height());
}

void ElidedLabel::setWidthCap(int pixels)
{
    if (pixels == m_widthCap)
        return;
    m_widthCap = pixels;
    updateGeometry();
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for the shortest form (up to 20 characters of it), else for a few characters and the ellipsis.
    const QMargins margins = contentsMargins();
    const int few = fontMetrics().averageCharWidth() * 8;
    const int shortest = m_shorter.isEmpty()
        ? few
        : qBound(
            few, fontMetrics().horizontalAdvance(m_shorter.constLast()) + 2, fontMetrics().averageCharWidth() * 20);
    return QSize(shortest + margins.left() + margins.right(), QLabel::minimumSizeHint().height());
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const int room = contentsRect().width();
    QString shown = m_fullText;
    for (const QString& form : std::as_const(m_shorter)) {
        if (fontMetrics().horizontalAdvance(shown) <= room)
            break;
        shown = form;
    }
    QLabel::setText(fontMetrics().elidedText(shown, Qt::ElideMiddle, room));
}
