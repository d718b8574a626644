#pragma once

#include "api/Credentials.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class SecretStore;

// What the chain found: the credentials (their source() is a translated, human-readable name, never the secret), the
// sources it looked at in order with why each had nothing (the last one, which supplied the credentials, with an
// empty reason), and warnings such as a credentials file open to other users.
struct ResolvedCredentials
{
    struct Tried
    {
        QString source;
        QString reason;
    };

    Credentials credentials;
    QList<Tried> tried;
    QStringList warnings;
};

// The AccessKey, looked for where the provider's own SDKs and CLI look, in this order:
//   1. the environment: ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, optional
//      ALIBABA_CLOUD_SECURITY_TOKEN (source "environment");
//   2. the aliyun CLI's ~/.aliyun/config.json, profile ALIBABA_CLOUD_PROFILE or "current", modes AK and StsToken
//      (AliyunConfigFile);
//   3. the SDKs' credentials file, ALIBABA_CLOUD_CREDENTIALS_FILE or ~/.alibabacloud/credentials.ini, section
//      ALIBABA_CLOUD_PROFILE or [default], types access_key and sts (CredentialsIni);
//   4. the key entered in Settings, in the OS keychain (KeychainCredentials).
// The first source that has credentials wins and the ones after it are not read. A source that is absent (no
// variables, no file, no saved key) is skipped. A source that is present but broken — a refused mode or type, a file
// that does not parse, a profile or section that is named but missing, a key id without its secret, a keychain that
// does not answer — stops the chain with its error instead of falling through to the next one, as the SDKs' chain
// does: a lower source silently taking over would sign with a key the person did not mean to use.
//
// Failures: InvalidArgument for a refused or malformed source, Unavailable for a file that cannot be read,
// KeychainUnavailable when no keychain service answers, NotFound (listing each source and why it had nothing) when no
// source has credentials. No message, warning or source name ever contains a secret or a token.
class CredentialChain
{
    Q_DECLARE_TR_FUNCTIONS(CredentialChain)
public:
    // Everything the chain reads, injectable for tests.
    struct Inputs
    {
        QProcessEnvironment env;
        QString homeDir; // empty: the two files under the home folder are skipped
        SecretStore* keychain = nullptr; // nullptr: the keychain source is skipped

        // This process's environment and home folder.
        static Inputs system(SecretStore* keychain);
    };

    static Result<ResolvedCredentials> resolve(const Inputs& inputs);

    // Keeps the AccessKey entered in Settings in the keychain (KeychainCredentials). Where no keychain service runs
    // this fails with KeychainUnavailable and the key is kept nowhere else.
    static Result<void> saveToKeychain(
        SecretStore& keychain, const QString& id, const QString& secret, const QString& token = QString());
    static Result<void> removeFromKeychain(SecretStore& keychain);
};
