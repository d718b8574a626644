#pragma once

#include "base/Result.h"

#include <QString>

#include <functional>
#include <memory>

class AuditStore;
class QThread;

// Opening a history takes its time in the key derivation (scrypt), the keychain and migrations. These run on a thread
// of their own while this thread's event loop goes on (a window stays painted; the API client opens its connections);
// the keys they unlocked then open the history again here, which is quick: a history is used on the thread that
// opened it.
namespace OffThreadOpen {

using Open = std::function<Result<std::unique_ptr<AuditStore>>()>;
// Called with the function that starts the thread; it may call it at once or later from the event loop (the GUI
// waits for its window's first frame). Called again after the thread ran, or after open() returned, it does nothing.
using Schedule = std::function<void(const std::function<void()>& start)>;

// open: opens the history at location (on the other thread). Its failure is returned as it is.
Result<std::unique_ptr<AuditStore>> open(const QString& location, const Open& open, const Schedule& schedule = {});

// An open begun ahead, while this thread does other work (the CLI reads and checks a list meanwhile): the thread
// starts at once, or when schedule calls the function it is given; take() waits for it, running the event loop, and
// opens the history here with its keys. Dropped without take(), it waits for the thread to end and closes what it
// opened. open() is one taken at once.
class Pending
{
public:
    Pending(const QString& location, Open open, const Schedule& schedule = {});
    ~Pending();
    Pending(const Pending&) = delete;
    Pending& operator=(const Pending&) = delete;

    const QString& location() const { return m_location; }
    // Once: a second call is a failure.
    Result<std::unique_ptr<AuditStore>> take();

private:
    struct Outcome;
    static void startOnce(QThread& thread);
    QString m_location;
    std::shared_ptr<Outcome> m_outcome; // written by the thread, read here once it has ended
    std::unique_ptr<QThread> m_worker;
    bool m_taken = false;
};

} // namespace OffThreadOpen
