#pragma once

class QCoreApplication;

// Enter on a focused check box or radio button acts on the form or dialog around it (verify, OK), the same under
// every platform theme. GNOME's and GTK's themes make Enter a key that presses buttons (QPlatformTheme's
// ButtonPressKeys): there, ticking "I have checked, send anyway" and pressing Enter, as the form asks, would untick the
// box and send nothing. Push buttons keep the theme's behaviour.
namespace EnterKeyPolicy {

// Installs the policy on the application once; later calls do nothing.
void install(QCoreApplication* application);

} // namespace EnterKeyPolicy
