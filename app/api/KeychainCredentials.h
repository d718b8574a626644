#pragma once

#include "api/CredentialLookup.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QString>

class SecretStore;

// The AccessKey entered in Settings, kept in the OS keychain (service "eKYC Desk") under the accounts
// "access-key-id", "access-key-secret" and, for STS credentials, "security-token". Nothing of it is ever written to
// QSettings or any file: where no keychain service runs, saving fails with KeychainUnavailable and keeps nothing.
class KeychainCredentials
{
    Q_DECLARE_TR_FUNCTIONS(KeychainCredentials)
public:
    static QString idAccount() { return QStringLiteral("access-key-id"); }
    static QString secretAccount() { return QStringLiteral("access-key-secret"); }
    static QString tokenAccount() { return QStringLiteral("security-token"); }
    static QString sourceName();

    // Skipped without a keychain or without a saved key id; KeychainUnavailable when the keychain does not answer;
    // InvalidArgument when a key id is saved without its secret.
    static Result<CredentialLookup> lookup(SecretStore* keychain);
    // InvalidArgument when the id or the secret is empty. An empty token removes a saved one.
    static Result<void> save(SecretStore& keychain, const QString& id, const QString& secret, const QString& token);
    // Removing what is not there succeeds.
    static Result<void> remove(SecretStore& keychain);
};
