#pragma once

#include <QCoreApplication>
#include <QString>

struct CaseSummary;
struct VerificationResult;

// What one row of a batch ended as: from this run's call, or from the history when an earlier run of the same batch
// already had its answer.
struct BatchOutcome
{
    Q_DECLARE_TR_FUNCTIONS(BatchOutcome)
public:
    enum class Kind
    {
        Waiting, // not decided yet
        Refused, // the pre-check refused it: never sent
        Passed, // SubCode 200
        NotPassed, // 202, 223 or an undocumented SubCode
        Error, // the service refused it or it failed before an answer: not billed
        Unknown, // sent, no answer: may have been billed; not sent again without --retry-unknown
        NotSent, // the batch stopped before it (cancelled, or the history stopped recording)
    };

    Kind kind = Kind::Waiting;
    QString caseId;
    QString merchantBizId;
    QString subCode;
    QString requestId;
    QString errorKind; // VerificationResult::Error key
    QString errorCode; // the service's Code beside an error (not an answer's "Success"), as the history keeps it
    QString explanation; // translated
    bool fromHistory = false; // answered by an earlier run of this batch

    // passed, not_passed, refused, error, unknown, not_sent (stable: the output's outcome column).
    static QString kindKey(Kind kind);
    static BatchOutcome fromResult(const VerificationResult& result, const QString& caseId);
    // A case an earlier run recorded that is settled: answered (completed, reviewed). Other states are resent or
    // listed as unknown by BatchRun.
    static BatchOutcome fromCase(const CaseSummary& summary);
};
