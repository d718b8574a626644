#include "ConfigurationAudit.h"

#include "api/Credentials.h"
#include "base/Settings.h"
#include "crypto/Crypto.h"
#include "history/AuditEvent.h"
#include "history/AuditStore.h"

#include <QHash>
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
        { QString::fromLatin1(Settings::retentionDays.name), QString::number(settings.value(Settings::retentionDays)) },
        { QString::fromLatin1(Settings::fourEyes.name),
            settings.value(Settings::fourEyes) ? QStringLiteral("true") : QStringLiteral("false") },
        { QString::fromLatin1(Settings::idleLockMinutes.name),
            QString::number(settings.value(Settings::idleLockMinutes)) },
    };
}

const SettingKey<QString> lastDigestsKey { "history/recordedSettingDigests", QString() };
const SettingKey<QString> lastCredentialKey { "history/recordedCredentialSource", QString() };

QString digest(const QString& historyId, const QString& value)
{
    return QString::fromLatin1(Crypto::sha256Hex((historyId + QLatin1Char('\n') + value).toUtf8()).left(16));
}

// The digests recorded last, by setting name ("name=digest,name=digest"). Earlier versions stored bare digests in the
// order of watchedSettings(), which reads wrong as soon as a setting is added to it: such a list counts as no digests
// at all, so it is replaced silently and nothing is reported as changed.
QHash<QString, QString> recordedDigests(const Settings& settings)
{
    QHash<QString, QString> byName;
    for (const QString& pair : settings.value(lastDigestsKey).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return {};
        byName.insert(pair.left(equals), pair.mid(equals + 1));
    }
    return byName;
}

QStringList digestPairs(const Settings& settings, const QString& historyId)
{
    QStringList pairs;
    for (const auto& [name, value] : watchedSettings(settings))
        pairs.append(name + QLatin1Char('=') + digest(historyId, value));
    return pairs;
}

Result<void> recordSettings(AuditStore& history, const Actor& actor, Settings& settings)
{
    const QHash<QString, QString> previous = recordedDigests(settings);
    const QStringList pairs = digestPairs(settings, history.historyId());
    QStringList changed;
    for (const QString& pair : pairs) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const QString name = pair.left(equals);
        // A setting without an earlier digest (a first start, or a setting watched since this version) is no change.
        if (previous.contains(name) && previous.value(name) != pair.mid(equals + 1))
            changed.append(name);
    }
    if (!changed.isEmpty()) {
        const Result<qint64> written = history.record(actor, QString(), Events::SettingsChanged { changed, {} });
        if (!written)
            return written.failure();
    }
    // Unchanged (every start but the first after a change): the settings file is not rewritten and synced again.
    if (const QString joined = pairs.join(QLatin1Char(',')); settings.value(lastDigestsKey) != joined)
        settings.setValue(lastDigestsKey, joined);
    return {};
}

Result<void> recordCredentialSource(
    AuditStore& history, const Actor& actor, Settings& settings, const Credentials& credentials, bool training)
{
    const QString source = training ? QStringLiteral("training") : credentials.source();
    const QString keyId = training ? QString() : credentials.maskedKeyId();
    const QString current = digest(history.historyId(),
        source + QLatin1Char('|') + keyId + QLatin1Char('|')
            + (credentials.securityToken().isEmpty() ? QLatin1String("ak") : QLatin1String("sts")));
    if (settings.value(lastCredentialKey) == current)
        return {};
    const Events::CredentialSourceChanged event { source, keyId, !credentials.securityToken().isEmpty(), {} };
    const Result<qint64> written = history.record(actor, QString(), event);
    if (!written)
        return written.failure();
    settings.setValue(lastCredentialKey, current);
    return {};
}

} // namespace

void remember(Settings& settings, const QString& historyId)
{
    settings.setValue(lastDigestsKey, digestPairs(settings, historyId).join(QLatin1Char(',')));
}

Result<void> record(
    AuditStore& history, const Actor& actor, Settings& settings, const Credentials& credentials, bool training)
{
    if (Result<void> recorded = recordSettings(history, actor, settings); !recorded)
        return recorded;
    return recordCredentialSource(history, actor, settings, credentials, training);
}

} // namespace ConfigurationAudit
