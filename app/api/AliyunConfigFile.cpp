#include "AliyunConfigFile.h"

#include "api/CredentialFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString profileVariable = QStringLiteral("ALIBABA_CLOUD_PROFILE");

// The parsed file and what the messages call it.
struct ConfigFile
{
    QJsonObject root;
    QString shownPath;
};

Result<ConfigFile> readConfig(const QString& path, const QString& shownPath)
{
    const Result<QByteArray> bytes = CredentialFile::read(path, shownPath);
    if (!bytes)
        return bytes.failure();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Failure(ErrorCode::InvalidArgument,
            AliyunConfigFile::tr("%1 is not valid JSON: %2 at byte %3.")
                .arg(shownPath, error.errorString(), QString::number(error.offset)));
    const QJsonValue profiles = document.object().value(QStringLiteral("profiles"));
    if (!document.isObject() || !(profiles.isArray() || profiles.isUndefined()))
        return Failure(ErrorCode::InvalidArgument,
            AliyunConfigFile::tr("%1 is not an aliyun CLI configuration (an object with a \"profiles\" list).")
                .arg(shownPath));
    return ConfigFile { document.object(), shownPath };
}

QJsonObject findProfile(const QJsonObject& root, const QString& name)
{
    const QJsonArray profiles = root.value(QStringLiteral("profiles")).toArray();
    for (const QJsonValue profile : profiles) {
        if (profile.toObject().value(QStringLiteral("name")).toString() == name)
            return profile.toObject();
    }
    return QJsonObject();
}

// The field's text, trimmed; a Failure naming the field when it is missing or empty.
Result<QString> requiredField(
    const QJsonObject& profile, const QString& field, const QString& name, const QString& mode, const QString& file)
{
    const QString value = profile.value(field).toString().trimmed();
    if (value.isEmpty())
        return Failure(ErrorCode::InvalidArgument,
            AliyunConfigFile::tr("The aliyun CLI profile %1 (mode %2) in %3 has no %4.").arg(name, mode, file, field));
    return value;
}

Failure refusedMode(const QString& name, const QString& mode, const QString& file)
{
    return Failure(ErrorCode::InvalidArgument,
        AliyunConfigFile::tr("The aliyun CLI profile %1 in %2 uses mode %3, which eKYC Desk does not support: it signs "
                             "only with an AccessKey it is given. Get an STS token with the aliyun CLI and use a "
                             "StsToken profile, or use an AK profile.")
            .arg(name, file, mode.isEmpty() ? AliyunConfigFile::tr("(none)") : mode));
}

Result<Credentials> credentialsFrom(const QJsonObject& profile, const QString& name, const QString& file)
{
    const QString mode = profile.value(QStringLiteral("mode")).toString();
    const bool sts = mode.compare(QLatin1String("StsToken"), Qt::CaseInsensitive) == 0;
    if (!sts && mode.compare(QLatin1String("AK"), Qt::CaseInsensitive) != 0)
        return refusedMode(name, mode, file);
    const Result<QString> id = requiredField(profile, QStringLiteral("access_key_id"), name, mode, file);
    if (!id)
        return id.failure();
    const Result<QString> secret = requiredField(profile, QStringLiteral("access_key_secret"), name, mode, file);
    if (!secret)
        return secret.failure();
    const Result<QString> token =
        sts ? requiredField(profile, QStringLiteral("sts_token"), name, mode, file) : Result<QString>(QString());
    if (!token)
        return token.failure();
    return Credentials(*id, *secret, *token, AliyunConfigFile::tr("aliyun CLI profile %1 (%2)").arg(name, file));
}

Result<CredentialLookup> lookupIn(const ConfigFile& config, const QProcessEnvironment& env, const QString& path)
{
    const QString named = env.value(profileVariable).trimmed();
    const QString name = named.isEmpty() ? config.root.value(QStringLiteral("current")).toString() : named;
    if (name.isEmpty())
        return CredentialLookup::skipped(AliyunConfigFile::tr("%1 names no current profile").arg(config.shownPath));
    const QJsonObject profile = findProfile(config.root, name);
    if (profile.isEmpty())
        return Failure(ErrorCode::InvalidArgument,
            AliyunConfigFile::tr("%1 has no profile %2 (named by %3).")
                .arg(config.shownPath, name, named.isEmpty() ? QStringLiteral("\"current\"") : profileVariable));
    const Result<Credentials> credentials = credentialsFrom(profile, name, config.shownPath);
    if (!credentials)
        return credentials.failure();
    const QString warning = CredentialFile::permissionWarning(path, config.shownPath);
    return CredentialLookup::found(*credentials, warning.isEmpty() ? QStringList() : QStringList { warning });
}

// The provider's SDKs skip the CLI profile when ALIBABA_CLOUD_CLI_PROFILE_DISABLED is "true".
bool isDisabled(const QProcessEnvironment& env)
{
    const QString value = env.value(QStringLiteral("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"));
    return value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

} // namespace

QString AliyunConfigFile::path(const QString& homeDir)
{
    return QDir(homeDir).filePath(QStringLiteral(".aliyun/config.json"));
}

Result<CredentialLookup> AliyunConfigFile::lookup(const QProcessEnvironment& env, const QString& homeDir)
{
    if (isDisabled(env))
        return CredentialLookup::skipped(tr("turned off by ALIBABA_CLOUD_CLI_PROFILE_DISABLED"));
    if (homeDir.isEmpty())
        return CredentialLookup::skipped(tr("no home folder"));
    const QString file = path(homeDir);
    const QString shown = CredentialFile::displayPath(file, homeDir);
    if (!QFileInfo::exists(file))
        return CredentialLookup::skipped(tr("%1 does not exist").arg(shown));
    const Result<ConfigFile> config = readConfig(file, shown);
    if (!config)
        return config.failure();
    return lookupIn(*config, env, file);
}
