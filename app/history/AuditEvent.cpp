#include "AuditEvent.h"

#include "history/CanonicalEvent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

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
             historyCreated,
             accountCreated,
             accountChanged,
             accountLocked,
             accessRefused,
             sessionLocked,
             sessionUnlocked,
             reviewAction,
             reviewReasonChanged,
             reviewPolicyChanged,
             checkpoint,
             spoolRecordSetAside }) {
        kinds.append(QLatin1String(kind));
    }
    return kinds;
}

} // namespace EventKind

QJsonObject AuditEvent::payloadObject() const
{
    return QJsonDocument::fromJson(payload).object();
}

QString AuditEvent::columns()
{
    return QStringLiteral("seq, ts, actor, workstation, case_id, kind, payload, pii_digest, prev_hash, hash");
}

AuditEvent AuditEvent::fromRow(const QSqlQuery& query)
{
    AuditEvent e;
    e.seq = query.value(0).toLongLong();
    e.ts = CanonicalEvent::parseTimestamp(query.value(1).toString());
    e.actor = query.value(2).toString();
    e.workstation = query.value(3).toString();
    e.caseId = query.value(4).toString();
    e.kind = query.value(5).toString();
    e.payload = query.value(6).toString().toUtf8();
    e.piiDigest = query.value(7).toString().toLatin1();
    e.prevHash = query.value(8).toString().toLatin1();
    e.hash = query.value(9).toString().toLatin1();
    return e;
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

bool isForbiddenKey(QStringView key)
{
    const QStringList& forbidden = AuditEvent::forbiddenPayloadKeys();
    // Case folding maps each character to one (QString's case-insensitive compare), so only a key of the same length
    // can match: the length is compared first, for the keys of every event written.
    return std::any_of(forbidden.cbegin(), forbidden.cend(), [key](const QString& k) {
        return key.size() == k.size() && key.compare(k, Qt::CaseInsensitive) == 0;
    });
}

// Every payload is sanitised on its way into the chain: the keys are read in place first, and a flat payload with
// nothing to remove (every event the desk writes) is left as it is, shared with the caller, not copied.
int sanitizeObject(QJsonObject& object)
{
    bool clean = true; // read first: most payloads are flat and clean, and stay shared with their caller
    for (auto it = object.constBegin(); clean && it != object.constEnd(); ++it)
        clean = !it->isObject() && !it->isArray() && !isForbiddenKey(it.key());
    if (clean)
        return 0;
    int removed = 0;
    for (auto it = object.begin(); it != object.end();) {
        if (isForbiddenKey(it.key())) {
            it = object.erase(it);
            ++removed;
            continue;
        }
        if (it->isObject() || it->isArray()) {
            QJsonValue value = *it;
            const int inner = sanitizeValue(value);
            if (inner > 0) {
                *it = value;
                removed += inner;
            }
        }
        ++it;
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
