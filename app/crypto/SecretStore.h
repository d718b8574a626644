#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

// Where the audit history keeps its keys: the OS keychain, or a test double. An account names one secret.
class SecretStore
{
public:
    // Why the last call failed, for callers that must tell "there is no such entry" from "there is no keychain".
    enum class Status
    {
        Ok,
        NotFound,
        Unavailable,
    };

    virtual ~SecretStore() = default;

    // On failure each call returns false / std::nullopt, sets *error (when given) to a translated, user-facing
    // text and lastStatus() to the reason. The secret itself never appears in an error.
    virtual bool write(const QString& account, const QByteArray& secret, QString* error) = 0;
    virtual std::optional<QByteArray> read(const QString& account, QString* error) = 0;
    // Removing an entry that does not exist succeeds.
    virtual bool remove(const QString& account, QString* error) = 0;

    Status lastStatus() const { return m_lastStatus; }

protected:
    void setLastStatus(Status status) { m_lastStatus = status; }

private:
    Status m_lastStatus = Status::Ok;
};

// The OS keychain through QtKeychain (Secret Service / KWallet on Linux, Keychain on macOS, Credential Manager on
// Windows), service name "eKYC Desk". Each call blocks on a local event loop until the job finishes, at most
// timeoutMs (10 s by default). Needs a QCoreApplication; without one every call fails with Status::Unavailable.
class KeychainSecretStore : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)
public:
    static QString serviceName();

    explicit KeychainSecretStore(int timeoutMs = 10000);

    bool write(const QString& account, const QByteArray& secret, QString* error) override;
    std::optional<QByteArray> read(const QString& account, QString* error) override;
    bool remove(const QString& account, QString* error) override;

    // The translated "no keychain service available" text, with the backend's own detail appended when given.
    static QString unavailableMessage(const QString& detail = QString());

private:
    int m_timeoutMs;
};
