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

constexpr char hexDigits[] = "0123456789abcdef";

// SHA-256 of bytes: 32 raw bytes into rawOut and 64 lowercase hex digits into hexOut (no allocation).
void sha256Into(const std::string& bytes, unsigned char* rawOut, char* hexOut)
{
    Crypto::sha256Into(bytes.data(), static_cast<qsizetype>(bytes.size()), rawOut);
    for (qsizetype i = 0; i < 32; ++i) {
        hexOut[2 * i] = hexDigits[rawOut[i] >> 4];
        hexOut[2 * i + 1] = hexDigits[rawOut[i] & 0xf];
    }
}

void appendField(std::string& out, QByteArrayView value)
{
    char length[9];
    auto size = static_cast<quint32>(value.size());
    for (int i = 7; i >= 0; --i, size >>= 4)
        length[i] = hexDigits[size & 0xf];
    length[8] = ':';
    out.append(length, sizeof length);
    out.append(value.data(), static_cast<size_t>(value.size()));
    out.push_back('\n');
}

} // namespace

void append(std::string& out, const Fields& fields)
{
    out.append(magic, sizeof magic - 1);
    out.push_back('\n');
    for (const QByteArrayView field : { fields.seq,
             fields.ts,
             fields.actor,
             fields.workstation,
             fields.caseId,
             fields.kind,
             fields.payload,
             fields.piiDigest })
        appendField(out, field);
}

namespace {

// The hashed fields of event, with its timestamp as written (ts), into out after whatever out already holds.
void appendEvent(std::string& out, const AuditEvent& event, QByteArrayView ts)
{
    const QByteArray seq = QByteArray::number(event.seq);
    const QByteArray actor = event.actor.toUtf8();
    const QByteArray workstation = event.workstation.toUtf8();
    const QByteArray caseId = event.caseId.toUtf8();
    const QByteArray kind = event.kind.toUtf8();
    append(out, { seq, ts, actor, workstation, caseId, kind, event.payload, event.piiDigest });
}

} // namespace

QByteArray bytes(const AuditEvent& event)
{
    std::string out;
    appendEvent(out, event, timestamp(event.ts));
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

void chainHashInto(
    const unsigned char* prevRaw, const Fields& fields, std::string& scratch, char* hexOut, unsigned char* rawOut)
{
    scratch.clear();
    scratch.append(reinterpret_cast<const char*>(prevRaw), 32);
    append(scratch, fields);
    sha256Into(scratch, rawOut, hexOut);
}

QByteArray chainHash(const QByteArray& prevHashHex, const AuditEvent& event)
{
    return chainHash(prevHashHex, event, timestamp(event.ts));
}

QByteArray chainHash(const QByteArray& prevHashHex, const AuditEvent& event, QByteArrayView ts)
{
    std::string scratch = QByteArray::fromHex(prevHashHex).toStdString();
    appendEvent(scratch, event, ts);
    char hex[64];
    unsigned char raw[32];
    sha256Into(scratch, raw, hex);
    return QByteArray(hex, sizeof hex);
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

std::optional<qint64> parseTimestampMs(QByteArrayView text)
{
    // "yyyy-MM-ddTHH:mm:ss.zzzZ"
    static constexpr char shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
    if (text.size() != 24)
        return std::nullopt;
    int numbers[7] = {};
    int field = 0;
    for (int i = 0; i < 24; ++i) {
        const char c = text.at(i);
        if (shape[i] == 'd') {
            if (c < '0' || c > '9')
                return std::nullopt;
            numbers[field] = numbers[field] * 10 + (c - '0');
        } else if (c != shape[i]) {
            return std::nullopt;
        } else if (field < 6) {
            ++field;
        }
    }
    const auto [year, month, day, hour, minute, second, msec] = numbers;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int monthDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > monthDays[month - 1] + (month == 2 && leap ? 1 : 0)
        || hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    // Days since 1970-01-01 in the proleptic Gregorian calendar (the civil-from-days inverse).
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = y / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const qint64 days = qint64 { era } * 146097 + dayOfEra - 719468;
    return ((days * 24 + hour) * 60 + minute) * qint64 { 60000 } + qint64 { second } * 1000 + msec;
}

namespace {

// "<lowercase hex of SHA-256 over bytes>" appended to out.
void appendSha256Hex(QByteArray& out, const std::string& bytes)
{
    unsigned char raw[32];
    char hex[64];
    sha256Into(bytes, raw, hex);
    out.append(hex, sizeof hex);
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

QByteArray piiDigestV2(QByteArrayView nameEnc,
    QByteArrayView idEnc,
    QByteArrayView nameMasked,
    QByteArrayView idMasked,
    QByteArrayView idIndex)
{
    // Run once per case when the chain is verified: framed into one reused buffer, no allocation per field.
    thread_local std::string framed;
    QByteArray digest;
    digest.reserve(qsizetype { sizeof piiDigestV2Prefix } + 128); // the prefix, two hex digests and a colon
    digest.append(piiDigestV2Prefix);
    framed.clear();
    appendField(framed, nameEnc);
    appendField(framed, idEnc);
    appendSha256Hex(digest, framed);
    digest.append(':');
    framed.clear();
    for (const QByteArrayView field :
        { QByteArrayView("ekyc-desk/pii-record/v2"), nameEnc, idEnc, nameMasked, idMasked, idIndex })
        appendField(framed, field);
    appendSha256Hex(digest, framed);
    return digest;
}

QByteArray piiDigestV2(const QByteArray& nameEnc,
    const QByteArray& idEnc,
    const QString& nameMasked,
    const QString& idMasked,
    const QByteArray& idIndex)
{
    return piiDigestV2(nameEnc, idEnc, QByteArrayView(nameMasked.toUtf8()), QByteArrayView(idMasked.toUtf8()), idIndex);
}

} // namespace CanonicalEvent
