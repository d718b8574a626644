#include "CredentialChain.h"

#include "api/AliyunConfigFile.h"
#include "api/CredentialLookup.h"
#include "api/CredentialsIni.h"
#include "api/KeychainCredentials.h"

#include <QDir>

#include <functional>

namespace {

const QString idVariable = QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID");
const QString secretVariable = QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET");

Result<CredentialLookup> lookupEnvironment(const QProcessEnvironment& env)
{
    const Credentials credentials = Credentials::fromEnvironment(env);
    const bool hasId = !credentials.accessKeyId().isEmpty();
    const bool hasSecret = !credentials.secretForSigning().isEmpty();
    if (!hasId && !hasSecret)
        return CredentialLookup::skipped(CredentialChain::tr("%1 and %2 are not set").arg(idVariable, secretVariable));
    if (!hasId || !hasSecret)
        return Failure(ErrorCode::InvalidArgument,
            CredentialChain::tr("%1 is set but %2 is not.")
                .arg(hasId ? idVariable : secretVariable, hasId ? secretVariable : idVariable));
    return CredentialLookup::found(credentials);
}

struct Source
{
    QString name;
    std::function<Result<CredentialLookup>()> lookup;
};

QList<Source> sources(const CredentialChain::Inputs& in)
{
    return {
        { CredentialChain::tr("environment variables"), [&in] { return lookupEnvironment(in.env); } },
        { CredentialChain::tr("aliyun CLI configuration"),
            [&in] { return AliyunConfigFile::lookup(in.env, in.homeDir); } },
        { CredentialChain::tr("credentials file"), [&in] { return CredentialsIni::lookup(in.env, in.homeDir); } },
        { CredentialChain::tr("keychain"), [&in] { return KeychainCredentials::lookup(in.keychain); } },
    };
}

Failure notFound(const QList<ResolvedCredentials::Tried>& tried)
{
    QStringList lines;
    for (const ResolvedCredentials::Tried& source : tried)
        lines << CredentialChain::tr("%1: %2").arg(source.source, source.reason);
    return Failure(ErrorCode::NotFound,
        CredentialChain::tr("No AccessKey found. Looked at: %1.").arg(lines.join(QStringLiteral("; "))));
}

} // namespace

CredentialChain::Inputs CredentialChain::Inputs::system(SecretStore* keychain)
{
    return Inputs { QProcessEnvironment::systemEnvironment(), QDir::homePath(), keychain };
}

Result<ResolvedCredentials> CredentialChain::resolve(const Inputs& inputs)
{
    ResolvedCredentials resolved;
    for (const Source& source : sources(inputs)) {
        const Result<CredentialLookup> lookup = source.lookup();
        if (!lookup)
            return lookup.failure();
        resolved.warnings << lookup->warnings;
        resolved.tried.append({ source.name, lookup->skipReason });
        if (lookup->credentials) {
            resolved.credentials = *lookup->credentials;
            return resolved;
        }
    }
    return notFound(resolved.tried);
}

Result<void> CredentialChain::saveToKeychain(
    SecretStore& keychain, const QString& id, const QString& secret, const QString& token)
{
    return KeychainCredentials::save(keychain, id, secret, token);
}

Result<void> CredentialChain::removeFromKeychain(SecretStore& keychain)
{
    return KeychainCredentials::remove(keychain);
}
