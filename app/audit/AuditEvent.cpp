#include "AuditEvent.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace EventKind {

QStringList all()
{
    QStringList kinds;
    for (const char* kind : { caseCreated,
             attemptSent,
             responseReceived,
             attemptFailed,
             caseCompleted,
             reviewDecision,
             reverifyLink,
             piiRevealed,
             exportMade,
             settingsChanged,
             credentialSourceChanged,
             login,
             loginFailed,
             retentionPurge,
             anchorExported,
             historyCreated }) {
        kinds.append(QLatin1String(kind));
    }
    return kinds;
}

} // namespace EventKind

QJsonObject AuditEvent::payloadObject() const
{
    return QJsonDocument::fromJson(payload).object();
}

const QStringList& AuditEvent::forbiddenPayloadKeys()
{
    static const QStringList keys = {
        QStringLiteral("name"),
        QStringLiteral("docname"),
        QStringLiteral("idnumber"),
        QStringLiteral("id_number"),
        QStringLiteral("docno"),
        QStringLiteral("secret"),
        QStringLiteral("accesskeysecret"),
        QStringLiteral("access_key_secret"),
        QStringLiteral("securitytoken"),
        QStringLiteral("security_token"),
        QStringLiteral("password"),
        QStringLiteral("passphrase"),
        QStringLiteral("authorization"),
    };
    return keys;
}

namespace {

int sanitizeValue(QJsonValue& value);

int sanitizeObject(QJsonObject& object)
{
    int removed = 0;
    const QStringList keys = object.keys();
    for (const QString& key : keys) {
        if (AuditEvent::forbiddenPayloadKeys().contains(key.toLower())) {
            object.remove(key);
            ++removed;
            continue;
        }
        QJsonValue value = object.value(key);
        if (value.isObject() || value.isArray()) {
            const int inner = sanitizeValue(value);
            if (inner > 0) {
                object.insert(key, value);
                removed += inner;
            }
        }
    }
    return removed;
}

int sanitizeValue(QJsonValue& value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        const int removed = sanitizeObject(object);
        value = object;
        return removed;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        int removed = 0;
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue element = array.at(i);
            const int inner = sanitizeValue(element);
            if (inner > 0) {
                array.replace(i, element);
                removed += inner;
            }
        }
        value = array;
        return removed;
    }
    return 0;
}

} // namespace

int AuditEvent::sanitize(QJsonObject& payload)
{
    return sanitizeObject(payload);
}

QByteArray AuditEvent::compactJson(const QJsonObject& payload)
{
    return QJsonDocument(payload).toJson(QJsonDocument::Compact);
}
