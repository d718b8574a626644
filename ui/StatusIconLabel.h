#pragma once

#include "StatusIcon.h"

#include <QLabel>

#include <optional>

// A status icon as a label, redrawn when the palette changes (light, dark, the system switching) and sized to the
// font. besideText() puts one inside a text label, left of its text.
class StatusIconLabel : public QLabel
{
    Q_OBJECT
public:
    explicit StatusIconLabel(QWidget* parent = nullptr);

    // A status icon inside label, at the start of its text, which is indented to make room while an icon is shown.
    static StatusIconLabel* besideText(QLabel* label);

    std::optional<StatusIcon::Kind> kind() const { return m_kind; }
    // Shows the kind's icon; none hides the label.
    void setKind(std::optional<StatusIcon::Kind> kind);
    // The icon's size in device-independent pixels: the height of a line of the font in use.
    int iconSize() const;

protected:
    bool event(QEvent* event) override;

private:
    void refresh();

    std::optional<StatusIcon::Kind> m_kind;
    QLabel* m_host = nullptr;
};
