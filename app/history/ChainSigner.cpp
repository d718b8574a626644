#include "ChainSigner.h"

#include "base/Settings.h"
#include "crypto/Crypto.h"
#include "history/CanonicalEvent.h"

#include <QStringList>

static_assert(Settings::isCheckpointInterval(int(ChainSigner::MinCheckpointInterval))
        && !Settings::isCheckpointInterval(int(ChainSigner::MinCheckpointInterval) - 1)
        && Settings::isCheckpointInterval(int(ChainSigner::MaxCheckpointInterval))
        && !Settings::isCheckpointInterval(int(ChainSigner::MaxCheckpointInterval) + 1),
    "the setting's range is the signer's");

namespace {

const char seedLabel[] = "eKYC Desk chain signing key v1";

QByteArray lines(std::initializer_list<QByteArray> parts)
{
    QByteArray out;
    for (const QByteArray& part : parts) {
        out.append(part);
        out.append('\n');
    }
    return out;
}

bool isLowerHex(const QByteArray& text, qsizetype size)
{
    if (text.size() != size)
        return false;
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

} // namespace

ChainSigner::ChainSigner(const QString& historyId, const HistoryKeys& keys)
    : m_historyId(historyId)
    , m_key(std::make_unique<Crypto::Ed25519Key>(
          Crypto::hkdfSha256(keys.dataKey, historyId.toUtf8(), QByteArray(seedLabel))))
    , m_publicKey(m_key->publicKey())
{
}

ChainSigner::~ChainSigner() = default;

QByteArray ChainSigner::signHead(qint64 seq, const QByteArray& hashHex) const
{
    return m_key->sign(headMessage(m_historyId, seq, hashHex)).toHex();
}

QByteArray ChainSigner::signCheckpoint(
    qint64 seq, const QByteArray& hashHex, const QDateTime& at, qint64 interval) const
{
    return m_key->sign(checkpointMessage(m_historyId, seq, hashHex, at, interval)).toHex();
}

bool ChainSigner::verify(const QByteArray& publicKeyHex, const QByteArray& message, const QByteArray& signatureHex)
{
    return isLowerHex(publicKeyHex, 64) && isLowerHex(signatureHex, 128)
        && Crypto::ed25519Verify(QByteArray::fromHex(publicKeyHex), message, QByteArray::fromHex(signatureHex));
}

QByteArray ChainSigner::headMessage(const QString& historyId, qint64 seq, const QByteArray& hashHex)
{
    return lines({ "ekyc-desk/head/v1", historyId.toUtf8(), QByteArray::number(seq), hashHex });
}

QByteArray ChainSigner::checkpointMessage(
    const QString& historyId, qint64 seq, const QByteArray& hashHex, const QDateTime& at, qint64 interval)
{
    if (interval <= 0)
        return lines({ "ekyc-desk/checkpoint/v1",
            historyId.toUtf8(),
            QByteArray::number(seq),
            hashHex,
            CanonicalEvent::timestamp(at) });
    return lines({ "ekyc-desk/checkpoint/v2",
        historyId.toUtf8(),
        QByteArray::number(seq),
        hashHex,
        CanonicalEvent::timestamp(at),
        QByteArray::number(interval) });
}

QByteArray ChainSigner::fingerprint(const QByteArray& publicKeyHex)
{
    return Crypto::sha256Hex(QByteArray::fromHex(publicKeyHex));
}

QString ChainSigner::displayFingerprint(const QByteArray& publicKeyHex)
{
    const QByteArray hex = fingerprint(publicKeyHex).left(32);
    QStringList groups;
    for (qsizetype i = 0; i < hex.size(); i += 4)
        groups << QString::fromLatin1(hex.mid(i, 4));
    return groups.join(u' ');
}
