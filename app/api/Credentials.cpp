#include "Credentials.h"

#include <QProcessEnvironment>

Credentials::Credentials(QString accessKeyId, QString accessKeySecret, QString securityToken, QString source)
    : m_accessKeyId(std::move(accessKeyId))
    , m_accessKeySecret(std::move(accessKeySecret))
    , m_securityToken(std::move(securityToken))
    , m_source(std::move(source))
{
}

Credentials Credentials::fromEnvironment()
{
    return fromEnvironment(QProcessEnvironment::systemEnvironment());
}

Credentials Credentials::fromEnvironment(const QProcessEnvironment& env)
{
    return Credentials(env.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID")).trimmed(),
        env.value(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET")).trimmed(),
        env.value(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN")).trimmed(),
        QStringLiteral("environment"));
}

Credentials Credentials::training()
{
    return Credentials(QStringLiteral("TRAINING-KEY-ID"),
        QStringLiteral("training-secret-public-not-a-real-key"),
        QString(),
        QStringLiteral("training"));
}

QString Credentials::maskedKeyId() const
{
    return m_accessKeyId.size() > 6 ? m_accessKeyId.left(4) + QStringLiteral("…") + m_accessKeyId.right(2)
                                    : QStringLiteral("…");
}

QString Credentials::sourceName() const
{
    if (m_source == QLatin1String("environment"))
        return tr("environment variables");
    if (m_source == QLatin1String("training"))
        return tr("training mode");
    return m_source;
}

QString Credentials::describe() const
{
    const QString id = maskedKeyId();
    const QString source = sourceName();
    return m_securityToken.isEmpty() ? tr("AccessKey %1 from %2").arg(id, source)
                                     : tr("STS AccessKey %1 from %2").arg(id, source);
}
