#pragma once

#include <QObject>

#include <csignal>

class QSocketNotifier;

// Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal closed; left ignored under nohup) for a long CLI job, such as a
// batch, that should end in order: the first signal is delivered as interrupted() on the event loop (through a
// self-pipe: the handler only writes one byte), so the job stops starting new work, lets what is in flight finish and
// writes its results; a second signal ends the process at once, as the default action would. While it lives, it owns
// both signals; its destructor gives back the handlers it replaced. One at a time per process.
class Interruption : public QObject
{
    Q_OBJECT
public:
    explicit Interruption(QObject* parent = nullptr);
    ~Interruption() override;
    Interruption(const Interruption&) = delete;
    Interruption& operator=(const Interruption&) = delete;

    bool isActive() const { return m_notifier != nullptr; } // false when the handlers could not be installed
    int signalNumber() const { return m_signal; } // the first signal received; 0 before any

signals:
    void interrupted(int signal);

private:
    static void handle(int signal);
    void readSignal();

    QSocketNotifier* m_notifier = nullptr;
    int m_signal = 0;
    struct sigaction m_previousInt = {};
    struct sigaction m_previousTerm = {};
    struct sigaction m_previousHup = {};
};
