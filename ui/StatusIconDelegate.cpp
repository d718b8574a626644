#include "StatusIconDelegate.h"

#include <QCoreApplication>
#include <QHash>
#include <QPointer>

namespace {

// The icons drawn so far, per palette and kind; owned by the application, so they go before it does.
class IconCache : public QObject
{
public:
    using QObject::QObject;

    QIcon icon(StatusIcon::Kind kind, const QPalette& palette)
    {
        // A palette change gives the views a palette with another cache key.
        const QPair<qint64, int> key(palette.cacheKey(), static_cast<int>(kind));
        auto found = m_icons.constFind(key);
        if (found == m_icons.constEnd()) {
            if (m_icons.size() > 40)
                m_icons.clear();
            found = m_icons.insert(key, StatusIcon::icon(kind, palette));
        }
        return *found;
    }

    static IconCache* instance()
    {
        static QPointer<IconCache> cache;
        if (!cache)
            cache = new IconCache(QCoreApplication::instance());
        return cache;
    }

private:
    QHash<QPair<qint64, int>, QIcon> m_icons;
};

} // namespace

StatusIconDelegate::StatusIconDelegate(KindOf kindOf, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_kindOf(std::move(kindOf))
{
}

void StatusIconDelegate::decorate(QStyleOptionViewItem* option, std::optional<StatusIcon::Kind> kind)
{
    if (!kind)
        return;
    option->icon = IconCache::instance()->icon(*kind, option->palette);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

void StatusIconDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    decorate(option, kindAt(index));
}
