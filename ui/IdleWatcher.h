#pragma once

#include <QObject>

class Clock;

// Notices when nobody has touched the application (no key, mouse, wheel or touch event in any of its windows) for a
// number of minutes, on a Clock, so tests drive it with a fake one. One check is pending at a time: it runs when the
// quiet time could have been reached, and reschedules itself while there was activity meanwhile. After idle() it
// waits for resume().
class IdleWatcher : public QObject
{
    Q_OBJECT
public:
    explicit IdleWatcher(Clock& clock, QObject* parent = nullptr);
    ~IdleWatcher() override;

    // 0 switches it off.
    void setMinutes(int minutes);
    int minutes() const { return m_minutes; }
    bool isPaused() const { return m_paused; }
    // Starts watching again after idle(), counting from now.
    void resume();

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void schedule();
    void check();

    Clock& m_clock;
    int m_minutes = 0;
    qint64 m_lastActivityMs = 0;
    bool m_pending = false;
    bool m_paused = false;
};
