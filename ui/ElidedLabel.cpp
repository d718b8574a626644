#include "ElidedLabel.h"

#include <QResizeEvent>

ElidedLabel::ElidedLabel(QWidget* parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
}

void ElidedLabel::setFullText(const QString& text)
{
    m_fullText = text;
    setToolTip(text);
    updateGeometry();
    elide();
}

void ElidedLabel::setPreferredCharacters(int characters)
{
    m_preferredCharacters = characters;
    updateGeometry();
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    int width = fontMetrics().horizontalAdvance(m_fullText) + 2;
    if (m_preferredCharacters > 0)
        width = qMin(width, fontMetrics().averageCharWidth() * m_preferredCharacters);
    return QSize(width + margins.left() + margins.right(), QLabel::sizeHint().height());
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few characters and the ellipsis.
    const QMargins margins = contentsMargins();
    return QSize(
        fontMetrics().averageCharWidth() * 8 + margins.left() + margins.right(), QLabel::minimumSizeHint().height());
}

void ElidedLabel::resizeEvent(QResizeEvent* event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    QLabel::setText(fontMetrics().elidedText(m_fullText, Qt::ElideMiddle, contentsRect().width()));
}
