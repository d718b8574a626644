#include "IdleWatcher.h"

#include "base/Clock.h"

#include <QCoreApplication>
#include <QEvent>

IdleWatcher::IdleWatcher(Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_lastActivityMs(clock.monotonicMs())
{
    QCoreApplication::instance()->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatcher::setMinutes(int minutes)
{
    m_minutes = qMax(0, minutes);
    schedule();
}

void IdleWatcher::resume()
{
    m_paused = false;
    m_lastActivityMs = m_clock.monotonicMs();
    schedule();
}

bool IdleWatcher::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        m_lastActivityMs = m_clock.monotonicMs();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void IdleWatcher::schedule()
{
    if (m_pending || m_paused || m_minutes <= 0)
        return;
    m_pending = true;
    const qint64 due = m_lastActivityMs + qint64(m_minutes) * 60 * 1000 - m_clock.monotonicMs();
    m_clock.callAfter(qMax<qint64>(due, 0), this, [this] {
        m_pending = false;
        check();
    });
}

void IdleWatcher::check()
{
    if (m_paused || m_minutes <= 0)
        return;
    if (m_clock.monotonicMs() - m_lastActivityMs >= qint64(m_minutes) * 60 * 1000) {
        m_paused = true;
        emit idle();
        return;
    }
    schedule();
}
