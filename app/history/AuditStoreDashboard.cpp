// AuditStore: the supervisor dashboard's figures, read as the actor may see them.
#include "AuditStore.h"

#include "history/Dashboard.h"
#include "history/ReviewTable.h"

Result<DashboardData> AuditStore::dashboard(const Actor& actor, DashboardQuery query)
{
    const Result<QString> scoped = scopedActor(actor, query.actor);
    if (!scoped)
        return scoped.failure();
    query.actor = *scoped;
    const Result<ReviewPolicy> policy = m_reviews->policy();
    if (!policy)
        return policy.failure();
    return Dashboard(database()).compute(query, now(), policy->slaHours);
}
