#pragma once

#include "StatusIcon.h"

#include <QStyledItemDelegate>

#include <functional>
#include <optional>

// Shows a status icon before a cell's text in an item view, in the view's palette (so it follows a palette change).
// The core's models give no decoration: kindOf tells the status of an index.
class StatusIconDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using KindOf = std::function<std::optional<StatusIcon::Kind>(const QModelIndex& index)>;

    StatusIconDelegate(KindOf kindOf, QObject* parent = nullptr);

    // The status shown at index (none: no icon).
    std::optional<StatusIcon::Kind> kindAt(const QModelIndex& index) const
    {
        return m_kindOf ? m_kindOf(index) : std::nullopt;
    }
    // Adds the kind's icon (in the option's palette) to an option another delegate prepared; none leaves it as it is.
    static void decorate(QStyleOptionViewItem* option, std::optional<StatusIcon::Kind> kind);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;

private:
    KindOf m_kindOf;
};
