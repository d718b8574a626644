#pragma once

#include "base/Actor.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// What the history allows, decided in one place before anything is written: every refusal has a code and a
// translated reason. (Roles are checked here once accounts exist.)
class HistoryPolicy
{
    Q_DECLARE_TR_FUNCTIONS(HistoryPolicy)
public:
    // Every write needs someone to record: an actor with a name.
    static Result<void> mayWrite(const Actor& actor);
    // Revealing a case's name and ID number needs a reason, recorded with the reveal.
    static Result<void> mayReveal(const Actor& actor, const QString& reason);
    // A reason typed for a reveal or an export (or an export's file name) as the chain keeps it, for good since no
    // purge erases the chain: trimmed, with every ID number in it and the case's own name and ID number masked
    // (FreeTextMasking), since a reason often quotes who asked for whom.
    static QString recordedText(const QString& typed, const QString& name = {}, const QString& idNumber = {});
    // A case ends in one of the end states (CaseState::completed, failed, refused, outcome_unknown, reviewed).
    static Result<void> mayEndAs(const QString& state);
    static Result<void> mayPurge(const Actor& actor, const QDateTime& cutoff);
};
