// AuditStore: the supervisor dashboard's figures, read as the actor may see them.
#include "AuditStore.h"

#include "base/Access.h"
#include "history/Dashboard.h"
#include "history/ReviewTable.h"

Result<DashboardData> AuditStore::dashboard(const Actor& actor, DashboardQuery query)
{
    const Result<Actor> allowed = authorize(actor, Access::Operation::ReadCases);
    if (!allowed)
        return allowed.failure();
    if (Access::scope(allowed->role, Access::Operation::ReadCases) == Access::Scope::Own) {
        if (!query.actor.isEmpty() && query.actor != allowed->name) {
            return refuse(*allowed,
                Access::Operation::ReadCases,
                QString(),
                QStringLiteral("own_cases_only"),
                Access::refusal(allowed->role, Access::Operation::ReadCases, true));
        }
        query.actor = allowed->name;
    }
    const Result<ReviewPolicy> policy = m_reviews->policy();
    if (!policy)
        return policy.failure();
    return Dashboard(database()).compute(query, now(), policy->slaHours);
}
