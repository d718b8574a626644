#pragma once

#include "base/Actor.h"
#include "base/Result.h"
#include "domain/CaseInput.h"
#include "history/HistoryQuery.h"

#include <QCoreApplication>
#include <QString>

class AuditStore;

// A recorded case taken up again: its input (name and ID number decrypted through the history, which records the
// reveal with its reason) and its row. Built on whichever thread holds the store (the service's writer).
struct RecordedCase
{
    Q_DECLARE_TR_FUNCTIONS(RecordedCase)
public:
    CaseInput input;
    CaseSummary summary;

    // For verifying it again as a new case (after an error, an interrupted call, or a person's correction): the
    // MerchantUserId was kept only as its hash, and the new case gets its own MerchantBizId. NotFound for an
    // unknown case, InvalidArgument for a purged one, the history's own failure when it cannot read or record.
    static Result<RecordedCase> forReverification(
        AuditStore& store, const Actor& actor, const QString& caseId, const QString& reason);
    // For sending a case whose outcome is unknown (sent, no answer: it may have been billed) again under the SAME
    // MerchantBizId, so that both requests, if both were processed, are one case at the provider. InvalidArgument
    // for any other state (nothing is revealed then).
    static Result<RecordedCase> forRetry(AuditStore& store, const Actor& actor, const QString& caseId);
};
