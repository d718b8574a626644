#pragma once

#include "api/CredentialLookup.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

// The provider CLI's profiles in ~/.aliyun/config.json: {"current": NAME, "profiles": [{"name", "mode",
// "access_key_id", "access_key_secret", "sts_token", ...}]}. The profile is the one named by ALIBABA_CLOUD_PROFILE,
// else "current". Only modes AK and StsToken (compared without case, as the CLI does) carry a key eKYC Desk signs
// with; every other mode (RamRoleArn, EcsRamRole, OIDC, CloudSSO, ...) is refused with a message naming it. The
// source is skipped when the file does not exist, names no current profile, or ALIBABA_CLOUD_CLI_PROFILE_DISABLED is
// "true" (as in the provider's SDKs).
class AliyunConfigFile
{
    Q_DECLARE_TR_FUNCTIONS(AliyunConfigFile)
public:
    static QString path(const QString& homeDir);
    static Result<CredentialLookup> lookup(const QProcessEnvironment& env, const QString& homeDir);
};
