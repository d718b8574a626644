#include "StartupProbe.h"

#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QWidget>
#include <QWindow>

#include <cstdio>
#include <ctime>

namespace {

long long monotonicNanoseconds()
{
    timespec now {};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec;
}

void print(const char* what, long long nanoseconds, const char* detail)
{
    std::printf("%s %lld%s%s\n", what, nanoseconds, detail[0] ? " " : "", detail);
    std::fflush(stdout);
}

class Probe : public QObject
{
public:
    using QObject::QObject;

    void markReady()
    {
        if (m_ready)
            return;
        m_ready = true;
        print("ready", monotonicNanoseconds(), "");
        quitWhenDone();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() != QEvent::Expose)
            return false;
        auto* window = qobject_cast<QWindow*>(watched);
        if (!window || !window->isExposed() || m_seen.contains(window))
            return false;
        QWidget* widget = widgetOf(window);
        if (!widget)
            return false;
        m_seen.insert(window);
        // Reported once the expose event has been handled, i.e. once the window's first frame has been painted.
        QTimer::singleShot(0, this, [this, widget = QPointer<QWidget>(widget)] {
            const long long now = monotonicNanoseconds();
            if (!widget)
                return;
            print("window", now, widget->metaObject()->className());
            if (auto* dialog = qobject_cast<QDialog*>(widget.data()); dialog && dialog->isModal()) {
                dialog->reject(); // as if the person quit here
                return;
            }
            if (qobject_cast<QMainWindow*>(widget.data())) {
                m_mainShown = true;
                quitWhenDone();
            }
        });
        return false;
    }

private:
    static QWidget* widgetOf(QWindow* window)
    {
        const QWidgetList widgets = QApplication::topLevelWidgets();
        for (QWidget* widget : widgets) {
            if (widget->windowHandle() == window)
                return widget;
        }
        return nullptr;
    }

    void quitWhenDone()
    {
        if (m_mainShown && m_ready)
            QTimer::singleShot(0, qApp, [] { QCoreApplication::exit(0); });
    }

    QSet<QWindow*> m_seen;
    bool m_mainShown = false;
    bool m_ready = false;
};

Probe* probe = nullptr;

} // namespace

bool StartupProbe::enabled()
{
    const QByteArray value = qgetenv("EKYC_DESK_STARTUP_PROBE");
    return !value.isEmpty() && value != "0";
}

void StartupProbe::install()
{
    if (probe || !enabled() || !qApp)
        return;
    probe = new Probe(qApp);
    qApp->installEventFilter(probe);
}

void StartupProbe::ready()
{
    if (probe)
        probe->markReady();
}
