#pragma once

#include "base/Result.h"

#include <functional>
#include <memory>

class AuditStore;
class QString;

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

} // namespace OffThreadOpen
