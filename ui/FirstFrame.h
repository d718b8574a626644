#pragma once

#include <functional>

class QWidget;

// Work that can wait until a window's first frame is on the screen: the start-up work of another thread (key
// derivation), which on a machine with few cores would otherwise slow the painting of that frame.
namespace FirstFrame {

// Calls then() once window's first frame has been painted:
//  - at once, before returning, when there is nothing to wait for (no window, not shown, or already on the screen);
//  - otherwise from the event loop, once the window's first expose event has been handled (Qt paints the frame while
//    handling it);
//  - or when the window is destroyed first, or after fallbackMs without an expose (a window shown minimised, a
//    platform that never exposes it): the work never waits for a frame that does not come.
// then() runs exactly once, on this thread.
void whenPainted(QWidget* window, std::function<void()> then, int fallbackMs = 500);

} // namespace FirstFrame
