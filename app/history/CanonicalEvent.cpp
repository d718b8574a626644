#include "CanonicalEvent.h"

#include "crypto/Crypto.h"

#include <QTimeZone>

#include <cstdio>

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

// Both run once per event when the chain is verified, so they avoid Qt's pattern-based formatting and parsing.
QByteArray timestamp(const QDateTime& ts)
{
    const QDateTime utc = ts.timeSpec() == Qt::UTC ? ts : ts.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    char buffer[32];
    const int n = std::snprintf(buffer,
        sizeof buffer,
        "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
        d.year(),
        d.month(),
        d.day(),
        t.hour(),
        t.minute(),
        t.second(),
        t.msec());
    return QByteArray(buffer, n);
}

QDateTime parseTimestamp(const QString& text)
{
    // "yyyy-MM-ddTHH:mm:ss.zzzZ"
    static constexpr char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (text.size() != 24)
        return {};
    int numbers[7] = {};
    int field = 0;
    for (int i = 0; i < 24; ++i) {
        const char16_t c = text.at(i).unicode();
        if (shape[i] == 'd') {
            if (c < u'0' || c > u'9')
                return {};
            numbers[field] = numbers[field] * 10 + (c - u'0');
        } else if (c != static_cast<char16_t>(shape[i])) {
            return {};
        } else if (field < 6) {
            ++field;
        }
    }
    const QDate date(numbers[0], numbers[1], numbers[2]);
    const QTime time(numbers[3], numbers[4], numbers[5], numbers[6]);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

namespace {

QByteArray framedCiphertexts(const QByteArray& nameEnc, const QByteArray& idEnc)
{
    QByteArray framed;
    appendField(framed, nameEnc);
    appendField(framed, idEnc);
    return framed;
}

} // namespace

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

QByteArray piiDigestV2(const QByteArray& nameEnc,
    const QByteArray& idEnc,
    const QString& nameMasked,
    const QString& idMasked,
    const QByteArray& idIndex)
{
    QByteArray record;
    for (const QByteArray& field :
        { QByteArray("ekyc-desk/pii-record/v2"), nameEnc, idEnc, nameMasked.toUtf8(), idMasked.toUtf8(), idIndex })
        appendField(record, field);
    return piiDigestV2Prefix + Crypto::sha256Hex(framedCiphertexts(nameEnc, idEnc)) + ':' + Crypto::sha256Hex(record);
}

} // namespace CanonicalEvent
