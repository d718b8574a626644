#include "BatchOutcome.h"

#include "api/VerificationResult.h"
#include "history/HistoryQuery.h"

#include <QMetaEnum>

QString BatchOutcome::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Waiting:
        return QStringLiteral("waiting");
    case Kind::Refused:
        return QStringLiteral("refused");
    case Kind::Passed:
        return QStringLiteral("passed");
    case Kind::NotPassed:
        return QStringLiteral("not_passed");
    case Kind::Error:
        return QStringLiteral("error");
    case Kind::Unknown:
        return QStringLiteral("unknown");
    case Kind::NotSent:
        return QStringLiteral("not_sent");
    }
    return {};
}

BatchOutcome BatchOutcome::fromResult(const VerificationResult& result, const QString& caseId)
{
    BatchOutcome outcome;
    outcome.caseId = caseId;
    outcome.merchantBizId = result.merchantBizId;
    outcome.subCode = result.subCode;
    outcome.requestId = result.requestId;
    outcome.explanation = result.explanation();
    switch (result.status) {
    case VerificationResult::Status::Passed:
        outcome.kind = Kind::Passed;
        break;
    case VerificationResult::Status::NotPassed:
        outcome.kind = Kind::NotPassed;
        break;
    case VerificationResult::Status::OutcomeUnknown:
        outcome.kind = Kind::Unknown;
        break;
    case VerificationResult::Status::ApiError:
    case VerificationResult::Status::NetworkError:
    case VerificationResult::Status::Cancelled:
    case VerificationResult::Status::NotRecorded:
        outcome.kind = Kind::Error;
        break;
    }
    // An answer that could not be read (malformed, oversized) may have been billed: unknown, as the history records
    // it, never "error" (which says: not billed, run again to send it).
    if (outcome.kind == Kind::Error && result.status != VerificationResult::Status::NotRecorded
        && result.mayHaveBeenBilled())
        outcome.kind = Kind::Unknown;
    if (outcome.kind == Kind::Error || outcome.kind == Kind::Unknown) {
        const VerificationResult::Error error = result.status == VerificationResult::Status::NotRecorded
            ? VerificationResult::Error::HistoryUnavailable
            : result.error;
        outcome.errorKind =
            QString::fromLatin1(QMetaEnum::fromType<VerificationResult::Error>().valueToKey(static_cast<int>(error)));
        // Beside an error only, as the history keeps it: an answer's Code ("Success") is not an error's.
        outcome.errorCode = result.code;
    }
    return outcome;
}

BatchOutcome BatchOutcome::fromCase(const CaseSummary& summary)
{
    BatchOutcome outcome;
    outcome.caseId = summary.caseId;
    outcome.merchantBizId = summary.merchantBizId;
    outcome.subCode = summary.subCode;
    outcome.requestId = summary.requestId;
    outcome.errorKind = summary.errorKind;
    outcome.errorCode = summary.errorCode;
    outcome.kind = summary.subCode == QLatin1String("200") ? Kind::Passed : Kind::NotPassed;
    outcome.explanation = VerificationResult::subCodeExplanation(summary.subCode);
    outcome.fromHistory = true;
    return outcome;
}
