// AuditStore: people and permissions. Accounts, sign-in and lockout, the idle lock, and the one authorisation check
// every read and write goes through.
#include "AuditStore.h"

#include "base/Clock.h"
#include "crypto/Crypto.h"
#include "crypto/PasswordHash.h"
#include "crypto/Random.h"
#include "history/AccountTable.h"
#include "history/CaseQueries.h"
#include "history/CaseTable.h"
#include "history/EventLog.h"
#include "history/HistoryPolicy.h"

#include <algorithm>

namespace {

constexpr int MaxNameLength = 64;

// Letters (any script), digits and . _ @ -, 1 to 64 characters: a name that reads the same in every log and column.
bool isValidName(const QString& name)
{
    if (name.isEmpty() || name.size() > MaxNameLength)
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('_') || c == QLatin1Char('@')
            || c == QLatin1Char('-');
    });
}

// The supervisors who can act (enabled, not locked): accounts, unlocks and escalated reviews are theirs alone.
Result<int> actingSupervisors(const AccountTable& accounts)
{
    const Result<QList<Account>> all = accounts.all();
    if (!all)
        return all.failure();
    return static_cast<int>(std::count_if(all->cbegin(), all->cend(), [](const Account& a) {
        return a.role == QLatin1String(Role::supervisor) && !a.disabled && !a.isLocked();
    }));
}

Failure signInFailed()
{
    return Failure(ErrorCode::SignInFailed, AuditStore::tr("Wrong user name or password."));
}

Failure lockedFailure(const QString& name)
{
    return Failure(ErrorCode::SignInFailed,
        AuditStore::tr("The account %1 is locked after %2 failed sign-ins. A supervisor can unlock it.")
            .arg(name)
            .arg(AuditStore::LockoutFailures));
}

Failure disabledFailure(const QString& name)
{
    return Failure(
        ErrorCode::SignInFailed, AuditStore::tr("The account %1 is disabled. A supervisor can enable it.").arg(name));
}

} // namespace

Result<bool> AuditStore::hasAccounts()
{
    Result<int> n = m_accounts->count();
    if (!n)
        return n.failure();
    return *n > 0;
}

Failure AuditStore::refuse(const Actor& actor,
    Access::Operation operation,
    const QString& caseId,
    const QString& reason,
    const QString& message)
{
    const Events::AccessRefused event { Access::key(operation), actor.role, reason, {} };
    const Result<void> done = write(actor, [&]() -> Result<void> {
        const QDateTime at = now();
        // An event on a case is its latest change: updated_at follows it, as the chain verifier expects.
        if (!caseId.isEmpty() && m_cases->ownerOf(caseId)) {
            if (Result<void> touched = m_cases->touch(caseId, at, false); !touched)
                return touched;
        }
        Result<qint64> seq = logEvent(at, actor, caseId, QLatin1String(event.kind), Events::toPayload(event));
        return seq ? Result<void>() : seq.failure();
    });
    return done ? Failure(ErrorCode::PermissionDenied, message) : done.failure();
}

Result<Actor> AuditStore::authorize(const Actor& actor, Access::Operation operation, const QString& caseId)
{
    if (Result<void> named = HistoryPolicy::mayWrite(actor); !named)
        return named.failure();
    Actor judged = actor;
    QString reason;
    QString message;
    Result<Account> account = m_accounts->find(actor.name);
    if (account) {
        judged.role = account->role;
        if (account->disabled) {
            reason = QStringLiteral("disabled");
            message = disabledFailure(actor.name).message;
        } else if (account->isLocked()) {
            reason = QStringLiteral("locked");
            message = lockedFailure(actor.name).message;
        }
    } else if (account.error() != ErrorCode::NotFound) {
        return account.failure();
    } else {
        Result<bool> any = hasAccounts();
        if (!any)
            return any.failure();
        if (*any) {
            reason = QStringLiteral("no_account");
            message = tr("This history has accounts: sign in first (there is no account %1).").arg(actor.name);
        }
    }
    if (reason.isEmpty()) {
        QString owner;
        if (!caseId.isEmpty() && Access::scope(judged.role, operation) == Access::Scope::Own) {
            Result<QString> caseOwner = m_cases->ownerOf(caseId);
            if (!caseOwner)
                return caseOwner.failure();
            owner = *caseOwner;
        }
        if (Access::allows(judged.role, operation, judged.name, owner))
            return judged;
        if (!owner.isEmpty() && reachesThroughReview(judged.name, operation, caseId))
            return judged;
        const bool ownOnly = Access::scope(judged.role, operation) == Access::Scope::Own;
        reason = ownOnly ? QStringLiteral("own_cases_only") : QStringLiteral("role");
        message = Access::refusal(judged.role, operation, ownOnly);
    }
    return refuse(judged, operation, caseId, reason, message);
}

Result<void> AuditStore::countFailure(const Actor& actor, const QString& name, const QDateTime& at)
{
    Result<Account> account = m_accounts->find(name);
    if (!account)
        return account.failure();
    QList<QDateTime> failures;
    for (const QDateTime& t : account->failures)
        if (t.secsTo(at) < qint64 { LockoutWindowMinutes } * 60)
            failures.append(t);
    failures.append(at);
    const bool lock = !account->isLocked() && failures.size() >= LockoutFailures;
    const QDateTime lockedAt = lock ? at : account->lockedAt;
    if (Result<void> saved = m_accounts->setFailures(name, failures, lockedAt, at); !saved)
        return saved;
    const Events::LoginFailed failed { name, QStringLiteral("wrong_password"), {} };
    if (Result<qint64> seq = logEvent(at, actor, QString(), QLatin1String(failed.kind), Events::toPayload(failed));
        !seq)
        return seq.failure();
    if (!lock)
        return {};
    const Events::AccountLocked locked { name, static_cast<int>(failures.size()), {} };
    Result<qint64> seq = logEvent(at, actor, QString(), QLatin1String(locked.kind), Events::toPayload(locked));
    return seq ? Result<void>() : seq.failure();
}

QString AuditStore::keyedDigest(const char* label, const QString& text) const
{
    const QByteArray key = Crypto::hkdfSha256(m_keys.dataKey, m_historyId.toUtf8(), QByteArray(label));
    return QString::fromLatin1(Crypto::hmacSha256(key, text.toUtf8()).toHex());
}

QString AuditStore::unknownNameTag(const QString& typed) const
{
    return QStringLiteral("unknown-") + keyedDigest("eKYC Desk unknown sign-in name v1", typed).left(12);
}

Result<Actor> AuditStore::signIn(const QString& name, const QString& password, const QString& workstation)
{
    Actor actor { name.left(MaxNameLength), QString(), workstation };
    if (actor.name.isEmpty())
        return signInFailed();
    Result<Account> account = m_accounts->find(name);
    if (!account && account.error() != ErrorCode::NotFound)
        return account.failure();
    QString reason;
    Failure failure = signInFailed();
    if (account)
        actor.role = account->role;
    if (!account) {
        PasswordHash::verifyNothing(password);
        reason = QStringLiteral("unknown_user");
        actor.name = unknownNameTag(name);
    } else if (account->disabled) {
        reason = QStringLiteral("disabled");
        failure = disabledFailure(name);
    } else if (account->isLocked()) {
        reason = QStringLiteral("locked");
        failure = lockedFailure(name);
    } else {
        Result<QByteArray> stored = m_accounts->passwordHash(name);
        if (!stored)
            return stored.failure();
        const bool matches = PasswordHash::verify(password, *stored);
        std::optional<Failure> refusedMeanwhile;
        const Result<void> done = write(actor, [&]() -> Result<void> {
            refusedMeanwhile.reset(); // a body run again starts afresh
            const QDateTime at = now();
            if (!matches)
                return countFailure(actor, name, at);
            // Read again inside the write, which holds the history's write lock: an account locked (failed sign-ins
            // elsewhere) or disabled since the check above stays so, and a sign-in never clears a lock it did not
            // see (the chain would hold account_locked with no unlock after it).
            Result<Account> current = m_accounts->find(name);
            if (!current)
                return current.failure();
            if (current->disabled || current->isLocked()) {
                refusedMeanwhile = current->disabled ? disabledFailure(name) : lockedFailure(name);
                const Events::LoginFailed failed {
                    name, current->disabled ? QStringLiteral("disabled") : QStringLiteral("locked"), {}
                };
                Result<qint64> seq =
                    logEvent(at, actor, QString(), QLatin1String(failed.kind), Events::toPayload(failed));
                return seq ? Result<void>() : seq.failure();
            }
            if (Result<void> cleared = m_accounts->setFailures(name, {}, QDateTime(), at); !cleared)
                return cleared;
            const Events::Login login { name, current->role, {} };
            Result<qint64> seq = logEvent(at, actor, QString(), QLatin1String(login.kind), Events::toPayload(login));
            if (seq)
                account = *current; // the role as of the sign-in
            return seq ? Result<void>() : seq.failure();
        });
        if (!done)
            return done.failure();
        if (refusedMeanwhile)
            return *refusedMeanwhile;
        actor.role = account->role;
        if (!matches) {
            Result<Account> after = m_accounts->find(name);
            return after && after->isLocked() ? lockedFailure(name) : signInFailed();
        }
        return actor;
    }
    const Events::LoginFailed failed { actor.name, reason, {} };
    const Result<void> logged = write(actor, [&]() -> Result<void> {
        Result<qint64> seq = logEvent(now(), actor, QString(), QLatin1String(failed.kind), Events::toPayload(failed));
        return seq ? Result<void>() : seq.failure();
    });
    if (!logged)
        return logged.failure();
    return failure;
}

Result<void> AuditStore::lockSession(const Actor& actor, int idleMinutes)
{
    const Result<Actor> authorized = authorize(actor, Access::Operation::RecordActivity);
    if (!authorized)
        return authorized.failure();
    Result<qint64> seq = recordUnchecked(*authorized, QString(), Events::SessionLocked { idleMinutes, {} });
    return seq ? Result<void>() : seq.failure();
}

Result<void> AuditStore::unlockSession(const Actor& actor, const QString& password)
{
    Result<bool> any = hasAccounts();
    if (!any)
        return any.failure();
    if (!*any) // nobody signs in to this history: its owner goes on
        return recordUnchecked(actor, QString(), Events::SessionUnlocked {}) ? Result<void>() : signInFailed();
    Result<Actor> signedIn = signIn(actor.name, password, actor.workstation);
    if (!signedIn)
        return signedIn.failure();
    Result<qint64> seq = recordUnchecked(*signedIn, QString(), Events::SessionUnlocked {});
    return seq ? Result<void>() : seq.failure();
}

Result<void> AuditStore::createAccount(
    const Actor& who, const QString& name, const QString& role, const QString& password)
{
    Result<bool> any = hasAccounts();
    if (!any)
        return any.failure();
    Actor actor = who;
    if (*any) {
        Result<Actor> authorized = authorize(who, Access::Operation::ManageAccounts);
        if (!authorized)
            return authorized.failure();
        actor = *authorized;
    } else if (role != QLatin1String(Role::supervisor)) {
        return Failure(ErrorCode::InvalidArgument, tr("The first account of a history is a supervisor."));
    } else if (Result<void> named = HistoryPolicy::mayWrite(who); !named) {
        return named.failure();
    }
    if (!isValidName(name))
        return Failure(ErrorCode::InvalidArgument,
            tr("User name: use 1 to %1 letters, digits, dots, hyphens, underscores or @.").arg(MaxNameLength));
    if (!Role::isValid(role))
        return Failure(ErrorCode::InvalidArgument, tr("Role: choose reviewer, supervisor or auditor."));
    if (const QString weak = PasswordHash::weakness(password, name); !weak.isEmpty())
        return Failure(ErrorCode::InvalidArgument, tr("Password: %1").arg(weak));
    const QByteArray hash = PasswordHash::hash(password, Random::system());
    return write(actor, [&]() -> Result<void> {
        const QDateTime at = now();
        if (m_accounts->find(name))
            return Failure(ErrorCode::Conflict, tr("There is already an account %1.").arg(name));
        Account account;
        account.name = name;
        account.role = role;
        account.createdAt = at;
        account.createdBy = actor.name;
        if (Result<void> inserted = m_accounts->insert(account, hash); !inserted)
            return inserted;
        const Events::AccountCreated event { name, role, AccountTable::hashDigest(hash), {} };
        Result<qint64> seq = logEvent(at, actor, QString(), QLatin1String(event.kind), Events::toPayload(event));
        return seq ? Result<void>() : seq.failure();
    });
}

Result<void> AuditStore::changeAccount(
    const Actor& who, const Events::AccountChanged& event, const std::function<Result<void>(const QDateTime&)>& update)
{
    const Result<Actor> authorized = authorize(who, Access::Operation::ManageAccounts);
    if (!authorized)
        return authorized.failure();
    return write(*authorized, [&]() -> Result<void> {
        const QDateTime at = now();
        // Counted with the chain head held: two supervisors disabling each other at once are one after the other.
        const Result<int> before = actingSupervisors(*m_accounts);
        if (!before)
            return before.failure();
        if (Result<void> changed = update(at); !changed)
            return changed;
        const Result<int> after = actingSupervisors(*m_accounts);
        if (!after)
            return after.failure();
        if (*before > 0 && *after == 0)
            return Failure(ErrorCode::Conflict,
                tr("No supervisor who can sign in would be left to manage accounts, unlock them and take escalated "
                   "reviews: make someone else a supervisor first."));
        Result<qint64> seq = logEvent(at, *authorized, QString(), QLatin1String(event.kind), Events::toPayload(event));
        return seq ? Result<void>() : seq.failure();
    });
}

Result<void> AuditStore::setAccountRole(const Actor& actor, const QString& name, const QString& role)
{
    if (!Role::isValid(role))
        return Failure(ErrorCode::InvalidArgument, tr("Role: choose reviewer, supervisor or auditor."));
    Result<Account> account = m_accounts->find(name);
    if (!account)
        return account.failure();
    const Events::AccountChanged event { name, QStringLiteral("role"), role, account->role, std::nullopt, {} };
    return changeAccount(actor, event, [&](const QDateTime& at) { return m_accounts->setRole(name, role, at); });
}

Result<void> AuditStore::setAccountDisabled(const Actor& actor, const QString& name, bool disabled)
{
    if (disabled && name == actor.name)
        return Failure(ErrorCode::InvalidArgument, tr("You cannot disable your own account."));
    const Events::AccountChanged event { name,
        disabled ? QStringLiteral("disabled") : QStringLiteral("enabled"),
        std::nullopt,
        std::nullopt,
        std::nullopt,
        {} };
    return changeAccount(
        actor, event, [&](const QDateTime& at) { return m_accounts->setDisabled(name, disabled, at); });
}

Result<void> AuditStore::resetPassword(const Actor& actor, const QString& name, const QString& password)
{
    if (const QString weak = PasswordHash::weakness(password, name); !weak.isEmpty())
        return Failure(ErrorCode::InvalidArgument, tr("Password: %1").arg(weak));
    const QByteArray hash = PasswordHash::hash(password, Random::system());
    const Events::AccountChanged event {
        name, QStringLiteral("password_reset"), std::nullopt, std::nullopt, AccountTable::hashDigest(hash), {}
    };
    return changeAccount(
        actor, event, [&](const QDateTime& at) { return m_accounts->setPasswordHash(name, hash, at); });
}

Result<void> AuditStore::unlockAccount(const Actor& actor, const QString& name)
{
    const Events::AccountChanged event {
        name, QStringLiteral("unlocked"), std::nullopt, std::nullopt, std::nullopt, {}
    };
    return changeAccount(
        actor, event, [&](const QDateTime& at) { return m_accounts->setFailures(name, {}, QDateTime(), at); });
}

Result<QList<Account>> AuditStore::accounts(const Actor& actor)
{
    if (Result<Actor> allowed = authorize(actor, Access::Operation::ManageAccounts); !allowed)
        return allowed.failure();
    return m_accounts->all();
}
