#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

#include <functional>

class QObject;
class QWidget;

// The desk's colours: a light and a dark palette for Fusion, the system's own (the platform theme), and a few
// semantic tones derived from whichever palette is in use, each with text readable on its background (WCAG AA,
// at least 4.5:1). Widgets take every colour from here or from palette roles, never from fixed values.
namespace Theme {

enum class Tone
{
    Success,
    Warning,
    Error,
    Info,
    Accent
};

struct ToneColors
{
    QColor text;
    QColor background;
    QColor border;
};

// Setting values of Settings::colorScheme.
inline constexpr const char* systemScheme = "";
inline constexpr const char* lightScheme = "light";
inline constexpr const char* darkScheme = "dark";

// Applies a scheme to the application: "light" and "dark" use Fusion with the palettes below; "" (or anything
// else) restores the style and palette the platform gave at start.
void apply(const QString& scheme);

QPalette lightPalette();
QPalette darkPalette();
bool isDark(const QPalette& palette);

// The tone's colours on this palette's window colour; text contrast is at least 5:1 (a margin over AA's 4.5:1).
ToneColors tone(Tone tone, const QPalette& palette);
// The tone as plain text on the window colour (an inline error under a field), at least 5:1.
QColor toneText(Tone tone, const QPalette& palette);
// Secondary text (notes, hints) readable on the window colour, in place of palette(mid), which is not.
QColor mutedText(const QPalette& palette);

// WCAG 2.x contrast ratio of two opaque colours, from 1 to 21.
double contrastRatio(const QColor& a, const QColor& b);
// "#rrggbb" for a style sheet.
QString css(const QColor& color);
// A rule giving the selector the tone's background, text and a rounded border.
QString boxRule(const QString& selector, Tone tone, const QPalette& palette);

// A rule giving the selector the tone's colour as text on the window (no box).
QString textRule(const QString& selector, Tone tone, const QPalette& palette);

// Calls refresh whenever the application's palette changes, once the new palette has reached every widget, for as
// long as owner lives: icons and pictures drawn from the palette.
void whenPaletteChanges(QObject* owner, std::function<void()> refresh);

// Sets the widget's style sheet from build(application palette) now and again whenever the application's palette
// changes (a scheme chosen in Settings, the system switching to dark).
void bindStyleSheet(QWidget* widget, std::function<QString(const QPalette&)> build);

} // namespace Theme
