#pragma once

#include "crypto/KeyVault.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace Crypto {
class Ed25519Key;
}

// The history's signing key (Ed25519) and the two things it signs: the chain head after every write, and the
// checkpoints written into the chain (after every event whose seq is a multiple of the history's checkpoint interval,
// and at every export, anchor, purge and change of the interval).
//
// The private key is derived from the history's data key (HKDF-SHA256, salt = the history id, info "eKYC Desk chain
// signing key v1"), so it lives wherever the history keys live (keychain or passphrase-wrapped key record) and is
// never stored. Its public key is kept in meta.signing_key (hex) and carried by every anchor.
//
//   head message       = "ekyc-desk/head/v1" 0x0A historyId 0x0A seq 0x0A hash 0x0A
//   anchor message     = "ekyc-desk/checkpoint/v1" 0x0A historyId 0x0A seq 0x0A hash 0x0A time 0x0A
//   checkpoint message = "ekyc-desk/checkpoint/v2" 0x0A historyId 0x0A seq 0x0A hash 0x0A time 0x0A interval 0x0A
//   (seq and interval decimal; hash lowercase hex; time CanonicalEvent::timestamp). Checkpoints written before the
//   interval could be set carry the v1 message and imply DefaultCheckpointInterval.
//
// Someone who can write to the database but has neither the passphrase nor the keychain entry cannot make these
// signatures: an appended, rewritten or truncated chain no longer matches its signed head, and a rewrite before a
// checkpoint no longer matches the checkpoint.
class ChainSigner
{
public:
    // The events between checkpoints: a history-wide setting (AuditStore::setCheckpointInterval), carried and signed
    // in every checkpoint from the one that set it on, so no one without the key can stretch it.
    static constexpr qint64 DefaultCheckpointInterval = 1000;
    static constexpr qint64 MinCheckpointInterval = 10;
    static constexpr qint64 MaxCheckpointInterval = 100000;
    // The reason of the checkpoint that changes the interval: the only checkpoint that may carry a new one.
    static constexpr char settingReason[] = "setting";
    static constexpr char MetaKey[] = "signing_key";

    ChainSigner(const QString& historyId, const HistoryKeys& keys);
    ~ChainSigner();
    ChainSigner(const ChainSigner&) = delete;
    ChainSigner& operator=(const ChainSigner&) = delete;

    QString historyId() const { return m_historyId; }
    QByteArray publicKeyHex() const { return m_publicKey.toHex(); }
    QByteArray signHead(qint64 seq, const QByteArray& hashHex) const;
    // interval 0: the anchor (v1) message; else the checkpoint (v2) message carrying it.
    QByteArray signCheckpoint(qint64 seq, const QByteArray& hashHex, const QDateTime& at, qint64 interval = 0) const;

    // Hex in, hex out; false for anything malformed.
    static bool verify(const QByteArray& publicKeyHex, const QByteArray& message, const QByteArray& signatureHex);
    static QByteArray headMessage(const QString& historyId, qint64 seq, const QByteArray& hashHex);
    static QByteArray checkpointMessage(
        const QString& historyId, qint64 seq, const QByteArray& hashHex, const QDateTime& at, qint64 interval = 0);
    static bool isValidCheckpointInterval(qint64 interval)
    {
        return interval >= MinCheckpointInterval && interval <= MaxCheckpointInterval;
    }
    // The interval writers follow for the one stored in chain_head: the default when it is out of range, which only an
    // edit outside the application makes (audit verify reports it).
    static qint64 followedCheckpointInterval(qint64 stored)
    {
        return isValidCheckpointInterval(stored) ? stored : DefaultCheckpointInterval;
    }
    // Lowercase hex SHA-256 of the raw public key, grouped for reading ("1a2b 3c4d ...") by display().
    static QByteArray fingerprint(const QByteArray& publicKeyHex);
    static QString displayFingerprint(const QByteArray& publicKeyHex);

private:
    QString m_historyId;
    std::unique_ptr<const Crypto::Ed25519Key> m_key; // made once: making it costs as much as a signature
    QByteArray m_publicKey;
};
