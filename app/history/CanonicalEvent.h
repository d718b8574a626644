#pragma once

#include "history/AuditEvent.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <optional>
#include <string>

// The canonical bytes of an audit event: the one definition the hash chain is computed over, identical for every
// backend and platform.
//
//   canonical = "ekyc-desk/audit-event/v1" 0x0A
//               field(seq) field(ts) field(actor) field(workstation) field(case_id) field(kind) field(payload)
//               field(pii_digest)
//   field(x)  = length of x in bytes as 8 lowercase hex digits, ":", the UTF-8 bytes of x, 0x0A
//
//   seq        decimal, no sign, no leading zeros ("1", "42")
//   ts         RFC 3339 UTC with milliseconds, "2026-11-25T09:00:00.000Z"
//   case_id    "" for events without a case
//   payload    compact JSON with sorted keys (QJsonDocument::Compact), exactly the stored payload bytes
//   pii_digest "" (no personal data), or the digest of the case record's personal-data columns:
//                v1 (cases written before schema version 9): lowercase hex SHA-256 over the ciphertexts (piiDigest);
//                v2: "v2:" <hex SHA-256 over the ciphertexts> ":" <hex SHA-256 over the ciphertexts, the masked name,
//                the masked ID number and the blind index> (piiDigestV2), so that the masks and the index are
//                covered by the chain and an edit or a swap is found without keys. The ciphertexts (random nonces)
//                are part of the second digest so that it cannot be guessed from the masks once a purge has erased
//                them
//
//   hash(event) = SHA-256(raw prev_hash (32 bytes) || canonical(event)); stored as lowercase hex
//   prev_hash of the first event (seq 1) = 32 zero bytes
//
// The ciphertext of the name and ID number is NOT part of the canonical bytes; only its digest is. The retention purge
// can therefore erase the ciphertext and the chain still verifies.
namespace CanonicalEvent {

inline constexpr char magic[] = "ekyc-desk/audit-event/v1";

QByteArray bytes(const AuditEvent& event);

// The stored text of an event's hashed columns (seq as decimal digits), as UTF-8 bytes.
struct Fields
{
    QByteArrayView seq;
    QByteArrayView ts;
    QByteArrayView actor;
    QByteArrayView workstation;
    QByteArrayView caseId;
    QByteArrayView kind;
    QByteArrayView payload;
    QByteArrayView piiDigest;
};
// Appends the canonical bytes of fields to out: bytes(event) for the fields of event.
void append(std::string& out, const Fields& fields);
// The chain hash (as chainHash) of fields after the raw (32-byte) previous hash, as 64 lowercase hex characters into
// hexOut and 32 raw bytes into rawOut; scratch holds the canonical bytes between calls (no allocation per event).
void chainHashInto(
    const unsigned char* prevRaw, const Fields& fields, std::string& scratch, char* hexOut, unsigned char* rawOut);
// Lowercase hex SHA-256 of prevHashHex's raw bytes followed by bytes(event).
QByteArray chainHash(const QByteArray& prevHashHex, const AuditEvent& event);
// The same, with the event's timestamp already written (timestamp(event.ts)), as the appending writer has it.
QByteArray chainHash(const QByteArray& prevHashHex, const AuditEvent& event, QByteArrayView ts);
// The prev_hash of the first event: 64 '0' characters.
QByteArray genesisHash();
// "2026-11-25T09:00:00.000Z"
QByteArray timestamp(const QDateTime& ts);
// Parses what timestamp() writes; an invalid QDateTime on any other shape.
QDateTime parseTimestamp(const QString& text);
// The same, as milliseconds since the epoch; nullopt on any other shape or an impossible date or time.
std::optional<qint64> parseTimestampMs(QByteArrayView text);
// Lowercase hex SHA-256 over the length-prefixed ciphertexts (same field() framing); "" when all are empty.
QByteArray piiDigest(const QList<QByteArray>& ciphertexts);
// The v2 digest (see above): "v2:" + piiDigest({nameEnc, idEnc}) + ":" + the digest of the whole record.
QByteArray piiDigestV2(const QByteArray& nameEnc,
    const QByteArray& idEnc,
    const QString& nameMasked,
    const QString& idMasked,
    const QByteArray& idIndex);
// The same over the masks' UTF-8 bytes, as they are stored (the chain verification's form).
QByteArray piiDigestV2(QByteArrayView nameEnc,
    QByteArrayView idEnc,
    QByteArrayView nameMasked,
    QByteArrayView idMasked,
    QByteArrayView idIndex);
inline constexpr char piiDigestV2Prefix[] = "v2:";

} // namespace CanonicalEvent
