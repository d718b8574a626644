#pragma once

#include "SignInDialog.h"
#include "base/Actor.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

class AuditStore;
class QWidget;

// Who sits at the desk, asked once the history is open (Session::Request::signIn):
//  - the training history: the trainee, no questions;
//  - a live history without accounts: its first supervisor is created (SignInDialog::CreateSupervisor), then signed in;
//  - a live history with accounts: SignInDialog::SignIn until the history accepts the password, showing its message
//    after each failure (a locked account says so).
// ErrorCode::Cancelled when the person quits.
class SignInFlow
{
    Q_DECLARE_TR_FUNCTIONS(SignInFlow)
public:
    struct Answer
    {
        QString user;
        QString password;
    };
    // Returns the person's answer, or std::nullopt when they quit. error: the history's message after a failed
    // attempt (empty the first time).
    using Prompt = std::function<std::optional<Answer>(
        SignInDialog::Mode mode, const QString& location, const QString& user, const QString& error)>;

    explicit SignInFlow(bool training, QWidget* parent = nullptr);
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }

    Result<Actor> run(AuditStore& history);

private:
    Result<Actor> createSupervisor(AuditStore& history);
    std::optional<Answer> ask(
        SignInDialog::Mode mode, const QString& location, const QString& user, const QString& error);

    bool m_training;
    QWidget* m_parent;
    Prompt m_prompt;
};
