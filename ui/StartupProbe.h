#pragma once

class QWidget;

// How long the start takes, for tests/bench/bench_startup: with EKYC_DESK_STARTUP_PROBE=1 in the environment the
// program prints on stdout, as CLOCK_MONOTONIC nanoseconds (the clock the benchmark started it on):
//   window <ns> <class>  the first time each top-level window is shown on the screen (exposed, its first frame painted)
//   ready <ns>           the desk is usable: the history open and attached to the main window (ready())
// then quits once the main window has been shown and the desk is ready. A dialog that asks the person something (the
// passphrase, the sign-in) is printed as a window too, and answered with Cancel, so the program ends the way it does
// when the person quits there. Without the variable nothing is watched or printed. The bare Qt Widgets window the
// benchmark compares with (tests/bench/startup/bare_window.cpp) is built with this file too.
namespace StartupProbe {

// Whether EKYC_DESK_STARTUP_PROBE is set (to anything but 0 or empty).
bool enabled();
// Call once, after the QApplication is made and before the first window is shown: starts watching (when enabled).
void install();
// The desk is ready (see above).
void ready();

} // namespace StartupProbe
