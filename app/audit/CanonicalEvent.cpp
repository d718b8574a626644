#include "CanonicalEvent.h"

#include "util/Crypto.h"

#include <QTimeZone>

namespace CanonicalEvent {

namespace {

void appendField(QByteArray& out, const QByteArray& value)
{
    out.append(QByteArray::number(static_cast<qulonglong>(value.size()), 16).rightJustified(8, '0'));
    out.append(':');
    out.append(value);
    out.append('\n');
}

} // namespace

QByteArray bytes(const AuditEvent& event)
{
    QByteArray out;
    out.reserve(160 + event.payload.size() + event.actor.size() * 3 + event.workstation.size() * 3);
    out.append(magic);
    out.append('\n');
    appendField(out, QByteArray::number(event.seq));
    appendField(out, timestamp(event.ts));
    appendField(out, event.actor.toUtf8());
    appendField(out, event.workstation.toUtf8());
    appendField(out, event.caseId.toUtf8());
    appendField(out, event.kind.toUtf8());
    appendField(out, event.payload);
    appendField(out, event.piiDigest);
    return out;
}

QByteArray chainHash(const QByteArray& prevHashHex, const AuditEvent& event)
{
    Crypto::Sha256 hash;
    hash.add(QByteArray::fromHex(prevHashHex));
    hash.add(bytes(event));
    return hash.result().toHex();
}

QByteArray genesisHash()
{
    return QByteArray(64, '0');
}

QByteArray timestamp(const QDateTime& ts)
{
    return ts.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")).toLatin1();
}

QDateTime parseTimestamp(const QString& text)
{
    if (text.size() != 24 || text.at(10) != u'T' || text.at(23) != u'Z')
        return {};
    const QDate date = QDate::fromString(text.left(10), QStringLiteral("yyyy-MM-dd"));
    const QTime time = QTime::fromString(text.mid(11, 12), QStringLiteral("HH:mm:ss.zzz"));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, QTimeZone::utc());
}

QByteArray piiDigest(const QList<QByteArray>& ciphertexts)
{
    bool any = false;
    QByteArray framed;
    for (const QByteArray& c : ciphertexts) {
        any = any || !c.isEmpty();
        appendField(framed, c);
    }
    return any ? Crypto::sha256Hex(framed) : QByteArray();
}

} // namespace CanonicalEvent
