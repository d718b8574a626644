#include "CredentialsIni.h"

#include "api/CredentialFile.h"
#include "api/IniDocument.h"

#include <QDir>
#include <QFileInfo>

namespace {

const QString fileVariable = QStringLiteral("ALIBABA_CLOUD_CREDENTIALS_FILE");

// One section of the parsed file and what the messages call it.
struct IniSection
{
    const IniDocument& document;
    QString name;
    QString shownPath;

    QString value(const QString& key) const { return document.value(name, key).trimmed(); }
};

Result<QString> requiredKey(const IniSection& section, const QString& type, const QString& key)
{
    const QString value = section.value(key);
    if (value.isEmpty())
        return Failure(ErrorCode::InvalidArgument,
            CredentialsIni::tr("Section [%1] of %2 (type = %3) has no %4.")
                .arg(section.name, section.shownPath, type, key));
    return value;
}

Failure refusedType(const IniSection& section, const QString& type)
{
    return Failure(ErrorCode::InvalidArgument,
        CredentialsIni::tr("Section [%1] of %2 has type = %3, which eKYC Desk does not support: it signs only with an "
                           "AccessKey it is given. Use type = access_key, or type = sts with an STS token you got "
                           "with the aliyun CLI.")
            .arg(section.name, section.shownPath, type.isEmpty() ? CredentialsIni::tr("(none)") : type));
}

Result<Credentials> credentialsFrom(const IniSection& section)
{
    const QString type = section.value(QStringLiteral("type"));
    const bool sts = type == QLatin1String("sts");
    if (!sts && type != QLatin1String("access_key"))
        return refusedType(section, type);
    const Result<QString> id = requiredKey(section, type, QStringLiteral("access_key_id"));
    if (!id)
        return id.failure();
    const Result<QString> secret = requiredKey(section, type, QStringLiteral("access_key_secret"));
    if (!secret)
        return secret.failure();
    const Result<QString> token =
        sts ? requiredKey(section, type, QStringLiteral("security_token")) : Result<QString>(QString());
    if (!token)
        return token.failure();
    return Credentials(*id,
        *secret,
        *token,
        CredentialsIni::tr("credentials file %1, section [%2]").arg(section.shownPath, section.name));
}

Result<CredentialLookup> lookupIn(const QString& path, const QString& shownPath, const QProcessEnvironment& env)
{
    const Result<QByteArray> bytes = CredentialFile::read(path, shownPath);
    if (!bytes)
        return bytes.failure();
    const Result<IniDocument> document = IniDocument::parse(*bytes, shownPath);
    if (!document)
        return document.failure();
    const QString named = env.value(QStringLiteral("ALIBABA_CLOUD_PROFILE")).trimmed();
    const IniSection section { *document, named.isEmpty() ? QStringLiteral("default") : named, shownPath };
    if (!document->hasSection(section.name))
        return Failure(
            ErrorCode::InvalidArgument, CredentialsIni::tr("%1 has no section [%2].").arg(shownPath, section.name));
    const Result<Credentials> credentials = credentialsFrom(section);
    if (!credentials)
        return credentials.failure();
    const QString warning = CredentialFile::permissionWarning(path, shownPath);
    return CredentialLookup::found(*credentials, warning.isEmpty() ? QStringList() : QStringList { warning });
}

} // namespace

QString CredentialsIni::defaultPath(const QString& homeDir)
{
    return QDir(homeDir).filePath(QStringLiteral(".alibabacloud/credentials.ini"));
}

Result<CredentialLookup> CredentialsIni::lookup(const QProcessEnvironment& env, const QString& homeDir)
{
    const QString named = env.value(fileVariable).trimmed();
    if (named.isEmpty() && homeDir.isEmpty())
        return CredentialLookup::skipped(tr("no home folder and no %1").arg(fileVariable));
    const QString path = named.isEmpty() ? defaultPath(homeDir) : named;
    const QString shown = CredentialFile::displayPath(path, homeDir);
    if (!QFileInfo::exists(path) && named.isEmpty())
        return CredentialLookup::skipped(tr("%1 does not exist").arg(shown));
    if (!QFileInfo::exists(path))
        return Failure(ErrorCode::InvalidArgument, tr("%1 names %2, which does not exist.").arg(fileVariable, shown));
    return lookupIn(path, shown, env);
}
