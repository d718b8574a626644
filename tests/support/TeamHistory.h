#pragma once

#include "history/AuditStore.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>

// A team in a history, for the role tests: the accounts "supervisor" (the first, created by the owner), "reviewer",
// "other" (a second reviewer), "auditor", "disabled" and "locked", all with password(). Each of them made
// casesEach cases of its own while it was an active reviewer (or the supervisor); then "auditor" became an auditor,
// "disabled" was disabled and "locked" locked by LockoutFailures wrong passwords.
struct TeamHistory
{
    std::map<QString, Actor> actors; // as signed in (the auditor's role as a fresh sign-in would say)
    std::map<QString, QStringList> cases; // by account

    static QString password() { return QStringLiteral("team password 1"); }
    static std::optional<TeamHistory> build(AuditStore& store, int casesEach);
    // The case record each made: a fictitious person of the sandbox, MerchantBizId "team0000", "team0001", ...
    static CaseRecord record(int i);
};
