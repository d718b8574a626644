#include "Access.h"

QStringList Role::all()
{
    return { QLatin1String(reviewer), QLatin1String(supervisor), QLatin1String(auditor) };
}

bool Role::isValid(const QString& role)
{
    return all().contains(role);
}

QString Role::displayName(const QString& role)
{
    if (role == QLatin1String(reviewer))
        return Access::tr("reviewer");
    if (role == QLatin1String(supervisor))
        return Access::tr("supervisor");
    if (role == QLatin1String(auditor))
        return Access::tr("auditor");
    return role;
}

QList<Access::Operation> Access::operations()
{
    return { Operation::VerifyCase,
        Operation::ReadCases,
        Operation::RevealCase,
        Operation::DecideReview,
        Operation::WorkReviews,
        Operation::ExportMasked,
        Operation::ExportUnmasked,
        Operation::ManageAccounts,
        Operation::ChangeSettings,
        Operation::VerifyChain,
        Operation::PurgeRetention,
        Operation::ExportAnchor,
        Operation::RecordActivity };
}

QString Access::key(Operation operation)
{
    switch (operation) {
    case Operation::VerifyCase:
        return QStringLiteral("verify_case");
    case Operation::ReadCases:
        return QStringLiteral("read_cases");
    case Operation::RevealCase:
        return QStringLiteral("reveal_case");
    case Operation::DecideReview:
        return QStringLiteral("decide_review");
    case Operation::WorkReviews:
        return QStringLiteral("work_reviews");
    case Operation::ExportMasked:
        return QStringLiteral("export_masked");
    case Operation::ExportUnmasked:
        return QStringLiteral("export_unmasked");
    case Operation::ManageAccounts:
        return QStringLiteral("manage_accounts");
    case Operation::ChangeSettings:
        return QStringLiteral("change_settings");
    case Operation::VerifyChain:
        return QStringLiteral("verify_chain");
    case Operation::PurgeRetention:
        return QStringLiteral("purge_retention");
    case Operation::ExportAnchor:
        return QStringLiteral("export_anchor");
    case Operation::RecordActivity:
        return QStringLiteral("record_activity");
    }
    return QString();
}

QString Access::displayName(Operation operation)
{
    switch (operation) {
    case Operation::VerifyCase:
        return tr("verify cases");
    case Operation::ReadCases:
        return tr("read cases");
    case Operation::RevealCase:
        return tr("reveal names and ID numbers");
    case Operation::DecideReview:
        return tr("decide manual reviews");
    case Operation::WorkReviews:
        return tr("work on manual reviews");
    case Operation::ExportMasked:
        return tr("export the history");
    case Operation::ExportUnmasked:
        return tr("export names and ID numbers unmasked");
    case Operation::ManageAccounts:
        return tr("manage accounts");
    case Operation::ChangeSettings:
        return tr("change settings");
    case Operation::VerifyChain:
        return tr("verify the audit chain");
    case Operation::PurgeRetention:
        return tr("purge old personal data");
    case Operation::ExportAnchor:
        return tr("export chain anchors");
    case Operation::RecordActivity:
        return tr("use the desk");
    }
    return QString();
}

Access::Scope Access::scope(const QString& role, Operation operation)
{
    const bool supervisor = role == QLatin1String(Role::supervisor);
    const bool reviewer = role == QLatin1String(Role::reviewer);
    const bool auditor = role == QLatin1String(Role::auditor);
    switch (operation) {
    case Operation::VerifyCase:
    case Operation::RevealCase:
    case Operation::DecideReview:
        return supervisor ? Scope::All : reviewer ? Scope::Own : Scope::None;
    case Operation::ReadCases:
        return supervisor || auditor ? Scope::All : reviewer ? Scope::Own : Scope::None;
    case Operation::WorkReviews:
        return supervisor || reviewer ? Scope::All : Scope::None;
    case Operation::ExportMasked:
    case Operation::ExportAnchor:
        return supervisor || auditor ? Scope::All : Scope::None;
    case Operation::VerifyChain:
    case Operation::RecordActivity:
        return supervisor || auditor || reviewer ? Scope::All : Scope::None;
    case Operation::ExportUnmasked:
    case Operation::ManageAccounts:
    case Operation::ChangeSettings:
    case Operation::PurgeRetention:
        return supervisor ? Scope::All : Scope::None;
    }
    return Scope::None;
}

bool Access::allows(const QString& role, Operation operation, const QString& actorName, const QString& caseOwner)
{
    switch (scope(role, operation)) {
    case Scope::None:
        return false;
    case Scope::Own:
        return caseOwner.isEmpty() || caseOwner == actorName;
    case Scope::All:
        return true;
    }
    return false;
}

QString Access::refusal(const QString& role, Operation operation, bool ownCasesOnly)
{
    if (ownCasesOnly)
        return tr("The %1 role may %2 only on its own cases.").arg(Role::displayName(role), displayName(operation));
    return tr("The %1 role may not %2.").arg(Role::displayName(role), displayName(operation));
}
