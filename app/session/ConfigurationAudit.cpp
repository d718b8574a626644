#include "ConfigurationAudit.h"

#include "api/Credentials.h"
#include "base/Settings.h"
#include "crypto/Crypto.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ConfigurationAudit {

namespace {

// The settings that change what is sent where. Their values are digested per workstation, so a change is noticed
// without the values reaching the history.
QList<QPair<QString, QString>> watchedSettings(const Settings& settings)
{
    return {
        { QString::fromLatin1(Settings::endpointKind.name), settings.value(Settings::endpointKind) },
        { QString::fromLatin1(Settings::customEndpoint.name), settings.value(Settings::customEndpoint) },
        { QString::fromLatin1(Settings::extraCaFile.name), settings.value(Settings::extraCaFile) },
        { QString::fromLatin1(Settings::longTermValue.name), settings.value(Settings::longTermValue) },
        { QString::fromLatin1(Settings::rateLimitQps.name), QString::number(settings.value(Settings::rateLimitQps)) },
        { QString::fromLatin1(Settings::timeoutSeconds.name),
            QString::number(settings.value(Settings::timeoutSeconds)) },
        { QString::fromLatin1(Settings::maxAttempts.name), QString::number(settings.value(Settings::maxAttempts)) },
        { QString::fromLatin1(Settings::historyLocation.name), settings.value(Settings::historyLocation) },
    };
}

const SettingKey<QString> lastDigestsKey { "history/recordedSettingDigests", QString() };
const SettingKey<QString> lastCredentialKey { "history/recordedCredentialSource", QString() };

QString digest(const QString& historyId, const QString& value)
{
    return QString::fromLatin1(Crypto::sha256Hex((historyId + QLatin1Char('\n') + value).toUtf8()).left(16));
}

} // namespace

bool record(AuditStore& history, Settings& settings, const Credentials& credentials, bool training, QString* error)
{
    const QString id = history.historyId();
    const QStringList previous = settings.value(lastDigestsKey).split(QLatin1Char(','), Qt::SkipEmptyParts);
    QStringList digests;
    QJsonArray changed;
    const auto watched = watchedSettings(settings);
    for (qsizetype i = 0; i < watched.size(); ++i) {
        digests.append(digest(id, watched.at(i).second));
        if (!previous.isEmpty() && previous.value(i) != digests.last())
            changed.append(watched.at(i).first);
    }
    if (!changed.isEmpty()
        && history.appendEvent(
               QString(), QString::fromLatin1(EventKind::settingsChanged), { { QStringLiteral("changed"), changed } })
            == 0) {
        *error = history.lastError();
        return false;
    }
    settings.setValue(lastDigestsKey, digests.join(QLatin1Char(',')));

    const QString source = training ? QStringLiteral("training") : credentials.source();
    const QString keyId = training ? QString() : credentials.maskedKeyId();
    const QString current = digest(id,
        source + QLatin1Char('|') + keyId + QLatin1Char('|')
            + (credentials.securityToken().isEmpty() ? QLatin1String("ak") : QLatin1String("sts")));
    if (settings.value(lastCredentialKey) != current) {
        const QJsonObject payload { { QStringLiteral("source"), source },
            { QStringLiteral("accessKeyId"), keyId },
            { QStringLiteral("sts"), !credentials.securityToken().isEmpty() } };
        if (history.appendEvent(QString(), QString::fromLatin1(EventKind::credentialSourceChanged), payload) == 0) {
            *error = history.lastError();
            return false;
        }
        settings.setValue(lastCredentialKey, current);
    }
    return true;
}

} // namespace ConfigurationAudit
