#pragma once

#include <QIcon>
#include <QList>
#include <QPalette>
#include <QString>

class QAbstractButton;
class QAction;

// The desk's icons, looked up in one place: the application icon, and the icons of menu actions and buttons from the
// system's icon theme, with small monochrome SVGs bundled in resources/icons/actions/ where the theme has none (the
// offscreen platform, minimal desktops). The bundled ones are drawn in the palette's text colour, so they follow a
// light or dark palette.
namespace Icons {

enum class Action
{
    NewCase,
    Verify,
    VerifyList,
    Settings,
    Quit,
    About,
    UserGuide,
    History,
    Refresh,
    Export,
    Accounts,
    Lock
};

// Registers the resources compiled into the GUI library (resources/ekyc-desk.qrc). Every function here calls it;
// code reading ":/..." directly calls it first. Cheap after the first call.
void initResources();

// The sizes of the application icon's PNGs (resources/icons/app/ekyc-desk-<size>.png).
QList<int> appIconSizes();
// The application icon: its PNG sizes and the SVG for every other size.
QIcon appIcon();

// The freedesktop icon theme name of an action ("document-new", "help-contents", ...).
QString themeName(Action action);
// The bundled fallback's resource path (":/icons/actions/<name>.svg").
QString fallbackPath(Action action);
// The bundled fallback drawn in this palette's text colours (normal, disabled and selected), several sizes.
QIcon fallback(Action action, const QPalette& palette);
// The theme's icon when the theme has one, else the fallback in this palette.
QIcon icon(Action action, const QPalette& palette);

// Gives the action or the button its icon now and again whenever the application's palette changes.
void bind(QAction* action, Action icon);
void bind(QAbstractButton* button, Action icon);

} // namespace Icons
