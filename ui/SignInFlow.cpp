#include "SignInFlow.h"

#include "history/AuditStore.h"
#include "session/Session.h"

SignInFlow::SignInFlow(bool training, QWidget* parent)
    : m_training(training)
    , m_parent(parent)
{
}

std::optional<SignInFlow::Answer> SignInFlow::ask(
    SignInDialog::Mode mode, const QString& location, const QString& user, const QString& error)
{
    if (m_prompt)
        return m_prompt(mode, location, user, error);
    SignInDialog dialog(mode, location, user, m_parent);
    if (!error.isEmpty())
        dialog.setError(error);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return Answer { dialog.userName(), dialog.password() };
}

Result<Actor> SignInFlow::createSupervisor(AuditStore& history)
{
    Actor owner = Actor::localUser();
    owner.role = QLatin1String(Role::supervisor);
    QString error;
    QString user;
    for (;;) {
        const std::optional<Answer> answer =
            ask(SignInDialog::Mode::CreateSupervisor, history.displayLocation(), user, error);
        if (!answer)
            return Failure(ErrorCode::Cancelled, tr("No account was created."));
        user = answer->user;
        const Result<void> created =
            history.createAccount(owner, answer->user, QLatin1String(Role::supervisor), answer->password);
        if (created)
            return history.signIn(answer->user, answer->password, owner.workstation);
        if (created.error() != ErrorCode::InvalidArgument && created.error() != ErrorCode::Conflict)
            return created.failure();
        error = created.message();
    }
}

Result<Actor> SignInFlow::run(AuditStore& history)
{
    const Result<bool> accounts = history.hasAccounts();
    if (!accounts)
        return accounts.failure();
    if (!*accounts)
        return m_training ? Result<Actor>(Session::trainee()) : createSupervisor(history);
    QString error;
    QString user;
    for (;;) {
        const std::optional<Answer> answer = ask(SignInDialog::Mode::SignIn, history.displayLocation(), user, error);
        if (!answer)
            return Failure(ErrorCode::Cancelled, tr("Nobody signed in."));
        user = answer->user;
        Result<Actor> signedIn = history.signIn(answer->user, answer->password, Actor::localUser().workstation);
        if (signedIn || signedIn.error() != ErrorCode::SignInFailed)
            return signedIn;
        error = signedIn.message();
    }
}
