#include "Interruption.h"

#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace {

int g_pipe[2] = { -1, -1 };
volatile std::sig_atomic_t g_received = 0;

} // namespace

void Interruption::handle(int signal)
{
    if (g_received != 0) {
        // A closing terminal may hang up more than once: only a second Ctrl-C or SIGTERM quits at once.
        if (signal == SIGHUP)
            return;
        // The second one: the default action, at once (async-signal-safe calls only).
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    g_received = signal;
    const int saved = errno;
    const char byte = static_cast<char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
    errno = saved;
}

Interruption::Interruption(QObject* parent)
    : QObject(parent)
{
    if (g_pipe[0] >= 0 || ::pipe2(g_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    g_received = 0;
    struct sigaction action = {};
    action.sa_handler = &Interruption::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &m_previousInt);
    sigaction(SIGTERM, &action, &m_previousTerm);
    // The terminal closed: the same, unless the job was started to ignore it (nohup), which it goes on doing.
    sigaction(SIGHUP, &action, &m_previousHup);
    if (m_previousHup.sa_handler == SIG_IGN)
        sigaction(SIGHUP, &m_previousHup, nullptr);
    m_notifier = new QSocketNotifier(g_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Interruption::readSignal);
}

Interruption::~Interruption()
{
    if (!m_notifier)
        return;
    sigaction(SIGINT, &m_previousInt, nullptr);
    sigaction(SIGTERM, &m_previousTerm, nullptr);
    sigaction(SIGHUP, &m_previousHup, nullptr);
    delete m_notifier;
    ::close(g_pipe[0]);
    ::close(g_pipe[1]);
    g_pipe[0] = g_pipe[1] = -1;
}

void Interruption::readSignal()
{
    char byte = 0;
    while (::read(g_pipe[0], &byte, 1) == 1) {
        if (m_signal != 0)
            continue;
        m_signal = static_cast<unsigned char>(byte);
        emit interrupted(m_signal);
    }
}
