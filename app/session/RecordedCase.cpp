#include "RecordedCase.h"

#include "history/AuditStore.h"

#include <QJsonObject>

namespace {

Result<CaseSummary> summaryOf(AuditStore& store, const Actor& actor, const QString& caseId)
{
    Result<CaseSummary> summary = store.caseSummary(actor, caseId);
    if (summary.error() == ErrorCode::NotFound)
        return Failure(ErrorCode::NotFound, RecordedCase::tr("The case %1 is not in the audit history.").arg(caseId));
    return summary;
}

} // namespace

Result<RecordedCase> RecordedCase::forReverification(
    AuditStore& store, const Actor& actor, const QString& caseId, const QString& reason)
{
    Result<CaseSummary> summary = summaryOf(store, actor, caseId);
    if (!summary)
        return summary.failure();
    if (summary->purged)
        return Failure(ErrorCode::InvalidArgument,
            tr("The name and ID number of this case were erased by the retention purge; enter them again."));
    const Result<QList<AuditEvent>> events = store.eventsForCase(actor, caseId);
    if (!events)
        return events.failure();
    QJsonObject created;
    for (const AuditEvent& event : *events) {
        if (event.kind == QLatin1String(EventKind::caseCreated)) {
            created = event.payloadObject();
            break;
        }
    }
    const Result<RevealedPii> pii = store.revealCase(actor, caseId, reason.isEmpty() ? tr("re-verification") : reason);
    if (!pii)
        return pii.failure();
    RecordedCase recorded;
    recorded.summary = *summary;
    CaseInput& input = recorded.input;
    input.name = pii->name;
    input.idNumber = pii->idNumber;
    input.sceneCode = summary->sceneCode;
    input.validityStart =
        QDate::fromString(created.value(QStringLiteral("validityStartDate")).toString(), QStringLiteral("yyyyMMdd"));
    const QString end = created.value(QStringLiteral("validityEndDate")).toString();
    input.validityEnd = QDate::fromString(end, QStringLiteral("yyyyMMdd"));
    input.longTerm = !end.isEmpty() && !input.validityEnd.isValid();
    return recorded;
}

Result<RecordedCase> RecordedCase::forRetry(AuditStore& store, const Actor& actor, const QString& caseId)
{
    // The state first: nothing is revealed for a case that is not retried this way.
    const Result<CaseSummary> summary = summaryOf(store, actor, caseId);
    if (!summary)
        return summary.failure();
    if (summary->state != QLatin1String(CaseState::outcomeUnknown))
        return Failure(ErrorCode::InvalidArgument,
            tr("Only a case whose outcome is unknown is retried with its MerchantBizId; verify this one again as a "
               "new case."));
    Result<RecordedCase> recorded = forReverification(store, actor, caseId, tr("retry after an unknown outcome"));
    if (recorded)
        recorded->input.merchantBizId = summary->merchantBizId; // if the first request was billed, both carry one id
    return recorded;
}
