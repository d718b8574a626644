#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// Who may do what: the roles of the people who use the desk and the operations of the core, decided in one table
// (Access::allows). The history enforces it on every read and write (AuditStore::authorize), with the role stored
// in the person's account, not the one a caller claims.
namespace Role {
inline constexpr char reviewer[] = "reviewer"; // enters and verifies cases; sees and reveals only their own
inline constexpr char supervisor[] = "supervisor"; // everything, on every case; accounts and settings
inline constexpr char auditor[] = "auditor"; // reads and verifies, masked only; exports masked
QStringList all();
bool isValid(const QString& role);
// Translated, for display.
QString displayName(const QString& role);
} // namespace Role

class Access
{
    Q_DECLARE_TR_FUNCTIONS(Access)
public:
    enum class Operation
    {
        VerifyCase, // create a case, send it, record its attempts and outcome, verify it again
        ReadCases, // browse cases and their events, masked
        RevealCase, // decrypt a case's name and ID number (with a reason)
        DecideReview, // record a manual-review decision (the single review_decision event of older versions)
        WorkReviews, // take part in the manual-review queue (ReviewFlow judges each step on each case)
        ExportMasked,
        ExportUnmasked,
        ManageAccounts, // add, disable, enable, reset passwords, change roles, unlock
        ChangeSettings,
        VerifyChain,
        PurgeRetention,
        ExportAnchor,
        RecordActivity, // what the desk itself notes under the person: its configuration at start, a lock
    };

    // Whether the operation reaches every case, or only the actor's own (their name on the case).
    enum class Scope
    {
        None, // refused
        Own,
        All,
    };

    static QList<Operation> operations();
    // The stable name recorded in an access_refused event ("verify_case", ...).
    static QString key(Operation operation);
    // Translated, for messages ("verify cases").
    static QString displayName(Operation operation);
    static Scope scope(const QString& role, Operation operation);
    // allowed for a case whose owner is caseOwner (empty: no particular case).
    static bool allows(const QString& role, Operation operation, const QString& actorName, const QString& caseOwner);
    // "The auditor role may not reveal names and ID numbers." and the like.
    static QString refusal(const QString& role, Operation operation, bool ownCasesOnly);
};
