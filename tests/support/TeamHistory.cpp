#include "TeamHistory.h"

#include "sandbox/SandboxFixtures.h"

CaseRecord TeamHistory::record(int i)
{
    CaseRecord r;
    r.merchantBizId = QStringLiteral("team%1").arg(i, 4, 10, QLatin1Char('0'));
    r.sceneCode = QStringLiteral("desk");
    r.name = SandboxFixtures::people().first().docName;
    r.idNumber = SandboxFixtures::people().first().docNo;
    return r;
}

namespace {

bool addCases(AuditStore& store, TeamHistory& team, const QString& account, int n)
{
    for (int i = 0; i < n; ++i) {
        const Result<QString> id = store.createCase(team.actors.at(account), TeamHistory::record(i));
        if (!id)
            return false;
        team.cases[account].append(*id);
    }
    return true;
}

} // namespace

std::optional<TeamHistory> TeamHistory::build(AuditStore& store, int casesEach)
{
    TeamHistory team;
    const Actor owner { QStringLiteral("owner"), QStringLiteral("supervisor"), QStringLiteral("ws") };
    if (!store.createAccount(owner, QStringLiteral("supervisor"), QLatin1String(Role::supervisor), password()))
        return std::nullopt;
    const Actor boss = store.signIn(QStringLiteral("supervisor"), password(), QStringLiteral("ws")).valueOr({});
    team.actors[QStringLiteral("supervisor")] = boss;
    if (!addCases(store, team, QStringLiteral("supervisor"), casesEach))
        return std::nullopt;
    for (const char* name : { "reviewer", "other", "auditor", "disabled", "locked" }) {
        const QString account = QLatin1String(name);
        if (!store.createAccount(boss, account, QLatin1String(Role::reviewer), password()))
            return std::nullopt;
        const Result<Actor> actor = store.signIn(account, password(), QStringLiteral("ws"));
        if (!actor)
            return std::nullopt;
        team.actors[account] = *actor;
        if (!addCases(store, team, account, casesEach))
            return std::nullopt;
    }
    if (!store.setAccountRole(boss, QStringLiteral("auditor"), QLatin1String(Role::auditor))
        || !store.setAccountDisabled(boss, QStringLiteral("disabled"), true))
        return std::nullopt;
    for (int i = 0; i < AuditStore::LockoutFailures; ++i)
        (void)store.signIn(QStringLiteral("locked"), QStringLiteral("not the password"), QStringLiteral("ws"));
    team.actors[QStringLiteral("auditor")].role = QLatin1String(Role::auditor);
    return team;
}
