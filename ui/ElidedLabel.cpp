#include "ElidedLabel.h"

#include <QResizeEvent>

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
    int width = fontMetrics().horizontalAdvance(m_fullText) + 2;
    if (m_preferredCharacters > 0)
        width = qMin(width, fontMetrics().averageCharWidth() * m_preferredCharacters);
    width += margins.left() + margins.right();
    if (m_widthCap > 0)
        width = qMin(width, m_widthCap);
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
