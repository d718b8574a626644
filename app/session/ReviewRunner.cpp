#include "ReviewRunner.h"

#include "history/AuditStore.h"
#include "session/HistoryThread.h"

#include <QObject>

void ReviewRunner::run(HistoryThread& thread,
    const Actor& actor,
    const QList<ReviewRequest>& requests,
    QObject* context,
    std::function<void(const Result<ReviewRow>&)> done)
{
    thread.run<Result<ReviewRow>>(
        [&thread, actor, requests](AuditStore* store) -> Result<ReviewRow> {
            if (!store)
                return Failure(ErrorCode::Unavailable, thread.openError());
            Result<ReviewRow> last = ReviewRow(); // nothing asked: nothing refused
            for (const ReviewRequest& request : requests) {
                last = store->review(actor, request);
                if (!last)
                    break;
            }
            return last;
        },
        context,
        std::move(done));
}
