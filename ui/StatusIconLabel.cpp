#include "StatusIconLabel.h"
#include "Theme.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>

namespace {
constexpr int spacing = 8; // between the icon and the host's text
}

StatusIconLabel::StatusIconLabel(QWidget* parent)
    : QLabel(parent)
{
    setAlignment(Qt::AlignCenter);
    hide();
    // A widget under a style sheet may not hear of a new palette itself.
    Theme::whenPaletteChanges(this, [this] { refresh(); });
}

StatusIconLabel* StatusIconLabel::besideText(QLabel* label)
{
    auto* icon = new StatusIconLabel(label);
    icon->setObjectName(label->objectName() + QStringLiteral("StatusIcon"));
    icon->m_host = label;
    auto* layout = new QHBoxLayout(label);
    const int margin = label->margin();
    layout->setContentsMargins(margin, margin, margin, margin);
    layout->addWidget(icon, 0, Qt::AlignLeft | Qt::AlignVCenter);
    layout->addStretch(1);
    return icon;
}

int StatusIconLabel::iconSize() const
{
    const QFont font = m_host ? m_host->font() : this->font();
    return QFontMetrics(font).height();
}

void StatusIconLabel::setKind(std::optional<StatusIcon::Kind> kind)
{
    m_kind = kind;
    refresh();
}

bool StatusIconLabel::event(QEvent* event)
{
    const bool handled = QLabel::event(event);
    if (event->type() == QEvent::FontChange)
        refresh();
    return handled;
}

void StatusIconLabel::refresh()
{
    setVisible(m_kind.has_value());
    if (m_host)
        m_host->setIndent(m_kind ? iconSize() + spacing : -1);
    if (!m_kind) {
        clear();
        return;
    }
    const int size = iconSize();
    setFixedSize(size, size);
    setPixmap(StatusIcon::pixmap(*m_kind, QApplication::palette(), size, devicePixelRatioF()));
}
