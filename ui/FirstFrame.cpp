#include "FirstFrame.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <QWindow>

namespace {

// Lives until it has called then(): watches the window's expose events, the window's end and the fallback timer.
class Waiter : public QObject
{
public:
    Waiter(QWindow* window, std::function<void()> then, int fallbackMs)
        : m_then(std::move(then))
    {
        window->installEventFilter(this);
        connect(window, &QObject::destroyed, this, &Waiter::fire);
        QTimer::singleShot(fallbackMs, this, &Waiter::fire);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        auto* window = qobject_cast<QWindow*>(watched);
        // Queued: the frame is painted while the expose event is handled, i.e. after this filter returns.
        if (event->type() == QEvent::Expose && window && window->isExposed())
            QTimer::singleShot(0, this, &Waiter::fire);
        return false;
    }

private:
    void fire()
    {
        if (!m_then)
            return;
        const std::function<void()> then = std::exchange(m_then, nullptr);
        deleteLater();
        then();
    }

    std::function<void()> m_then;
};

} // namespace

void FirstFrame::whenPainted(QWidget* window, std::function<void()> then, int fallbackMs)
{
    QWindow* handle = window && window->isVisible() ? window->window()->windowHandle() : nullptr;
    if (!handle || handle->isExposed()) {
        then();
        return;
    }
    new Waiter(handle, std::move(then), fallbackMs);
}
