#pragma once

#include "api/CredentialLookup.h"
#include "base/Result.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>

// The provider SDKs' credentials file: ALIBABA_CLOUD_CREDENTIALS_FILE, else ~/.alibabacloud/credentials.ini, section
// [default] or the one named by ALIBABA_CLOUD_PROFILE. "type = access_key" (access_key_id, access_key_secret) and
// "type = sts" (plus security_token) are used; every other type (ecs_ram_role, ram_role_arn, oidc_role_arn,
// rsa_key_pair, bearer, ...) is refused with a message naming it. The source is skipped when the default file does not
// exist; a file named by ALIBABA_CLOUD_CREDENTIALS_FILE that does not exist is an error.
class CredentialsIni
{
    Q_DECLARE_TR_FUNCTIONS(CredentialsIni)
public:
    static QString defaultPath(const QString& homeDir);
    static Result<CredentialLookup> lookup(const QProcessEnvironment& env, const QString& homeDir);
};
