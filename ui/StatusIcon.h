#pragma once

#include "Theme.h"

#include <QIcon>
#include <QPalette>
#include <QPixmap>
#include <QString>

#include <optional>

// The icons of a result's status. Each kind has a shape of its own as well as its colour, so that it reads without
// colour (in grey, for a colour-blind reviewer): passed a circle with a tick, not passed an octagon with a cross, an
// error a triangle with "!", an unknown outcome a diamond with "?", pending (awaiting an answer or a review) an
// hourglass. Drawn in code in the palette's semantic tones (Theme::tone), so they are redrawn for another palette.
namespace StatusIcon {

enum class Kind
{
    Passed,
    NotPassed,
    Error,
    Unknown,
    Pending
};

inline constexpr Kind allKinds[] = { Kind::Passed, Kind::NotPassed, Kind::Error, Kind::Unknown, Kind::Pending };

// The tone a kind is drawn in.
Theme::Tone tone(Kind kind);
// One icon, size × size device-independent pixels at this device pixel ratio.
QPixmap pixmap(Kind kind, const QPalette& palette, int size, qreal devicePixelRatio = 1.0);
// The icon in several sizes (16 to 128 device pixels: small icons at a device pixel ratio of 1 and 2); its Selected
// mode, for a selected row, is drawn in the highlighted text's colour.
QIcon icon(Kind kind, const QPalette& palette);

// The kind for a ResultPanel state ("passed", "notPassed", "error", "pending"); none for "empty" and "cancelled".
std::optional<Kind> forResultState(const QString& state);
// The kind for a case's outcome (HistoryOutcome: passed, 202, 223, error, unknown, pending); none for "reviewed".
std::optional<Kind> forOutcome(const QString& outcome);
// The kind for a manual review's state: approved passed, rejected not passed, any open state pending.
std::optional<Kind> forReviewState(const QString& state);

} // namespace StatusIcon
