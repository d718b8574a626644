#include "HistoryPolicy.h"

#include "domain/FreeTextMasking.h"
#include "history/AuditEvent.h"

#include <QStringList>

Result<void> HistoryPolicy::mayWrite(const Actor& actor)
{
    if (!actor.isValid())
        return Failure(ErrorCode::InvalidArgument, tr("The history records who acts: the actor has no name."));
    return {};
}

Result<void> HistoryPolicy::mayReveal(const Actor& actor, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return Failure(ErrorCode::InvalidArgument, tr("Give a reason to reveal the name and ID number."));
    return mayWrite(actor);
}

QString HistoryPolicy::recordedText(const QString& typed, const QString& name, const QString& idNumber)
{
    return FreeTextMasking::mask(typed.trimmed(), name, idNumber);
}

Result<void> HistoryPolicy::mayEndAs(const QString& state)
{
    static const QStringList endStates { QLatin1String(CaseState::completed),
        QLatin1String(CaseState::failed),
        QLatin1String(CaseState::refused),
        QLatin1String(CaseState::outcomeUnknown),
        QLatin1String(CaseState::reviewed) };
    if (!endStates.contains(state))
        return Failure(ErrorCode::InvalidArgument, tr("A case cannot be completed as %1.").arg(state));
    return {};
}

Result<void> HistoryPolicy::mayPurge(const Actor& actor, const QDateTime& cutoff)
{
    if (!cutoff.isValid())
        return Failure(ErrorCode::InvalidArgument, tr("The retention purge needs a cut-off date."));
    return mayWrite(actor);
}
