#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "history/Review.h"

#include <QList>

#include <functional>

class HistoryThread;
class QObject;

// Review requests as the GUI sends them: on the history thread, one after the other in one job, stopping at the first
// refusal; done gets the review as the last request left it (or that refusal) on context's thread.
namespace ReviewRunner {

void run(HistoryThread& thread,
    const Actor& actor,
    const QList<ReviewRequest>& requests,
    QObject* context,
    std::function<void(const Result<ReviewRow>&)> done);

} // namespace ReviewRunner
