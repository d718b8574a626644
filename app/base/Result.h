#pragma once

#include <QString>

#include <utility>
#include <variant>

// What went wrong, as a kind to branch on. The message beside it is for people and is never parsed.
enum class ErrorCode
{
    None,
    InvalidArgument, // the caller asked for something that is not valid (no reason, no cut-off, an unknown state)
    NotFound, // no such case, no history at that location
    PermissionDenied, // the actor's role may not do this
    Conflict, // the history changed under the operation (a concurrent writer, a closed case)
    Unavailable, // the database cannot be reached, read or written: try again later
    Corrupt, // stored data does not decrypt or does not parse
    NotAHistory, // a file that is empty or not an eKYC Desk history: left untouched
    PassphraseRequired,
    WrongPassphrase,
    KeychainUnavailable,
    KeyMissing,
    Cancelled, // the person stopped it
    SignInFailed, // wrong user name or password, or a disabled or locked account
};

struct Failure
{
    ErrorCode code = ErrorCode::None;
    QString message; // translated

    Failure() = default;
    Failure(ErrorCode c, QString m)
        : code(c)
        , message(std::move(m))
    {
    }
};

// The one way the core reports success or failure: a value, or a Failure (code plus translated message).
//   Result<QString> r = store.createCase(actor, record);
//   if (!r) return r.failure();   // or r.error(), r.message()
//   use(*r);
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {
    }
    Result(Failure failure)
        : m_state(std::move(failure))
    {
    }
    Result(ErrorCode code, QString message)
        : m_state(Failure(code, std::move(message)))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_state); }
    T& value() & { return std::get<0>(m_state); }
    T&& value() && { return std::get<0>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    T&& operator*() && { return std::move(*this).value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    const Failure& failure() const { return std::get<1>(m_state); }
    ErrorCode error() const { return ok() ? ErrorCode::None : failure().code; }
    QString message() const { return ok() ? QString() : failure().message; }

private:
    std::variant<T, Failure> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Failure failure)
        : m_failure(std::move(failure))
    {
    }
    Result(ErrorCode code, QString message)
        : m_failure(code, std::move(message))
    {
    }

    bool ok() const { return m_failure.code == ErrorCode::None; }
    explicit operator bool() const { return ok(); }
    const Failure& failure() const { return m_failure; }
    ErrorCode error() const { return m_failure.code; }
    QString message() const { return m_failure.message; }

private:
    Failure m_failure;
};
