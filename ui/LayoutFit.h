#pragma once

class QBoxLayout;
class QSize;
class QScrollArea;
class QWidget;

// Keeping windows on small and scaled screens: content that scrolls instead of demanding size, side-by-side panes
// that stack when narrow, and dialogs that grow when a message appears.
namespace LayoutFit {

// A frameless scroll area holding content, which fills it when there is room and scrolls when there is not.
QScrollArea* scrollable(QWidget* content, QWidget* parent);

// Lays the box's items side by side while the watched widget is at least minimumWidth wide, one above the other
// when it is narrower.
void stackWhenNarrow(QBoxLayout* box, QWidget* watched, int minimumWidth);

// Resizes a window to the size it would like, but never beyond the screen it opens on (a 1600×1000 screen at 200 %
// has 800×500 to give).
void resizeWithinScreen(QWidget* window, const QSize& wanted);

// Grows the window (never shrinks it) until its word-wrapped texts have the height they need at its width: a
// dialog that shows a longer message after it opened.
void growToFit(QWidget* window);

} // namespace LayoutFit
