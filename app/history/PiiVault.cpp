#include "PiiVault.h"

#include "crypto/PiiCipher.h"
#include "domain/IdNumber.h"
#include "domain/Masking.h"
#include "history/CanonicalEvent.h"
#include "history/ChainVerifier.h"

#include <stdexcept>

Result<std::unique_ptr<PiiVault>> PiiVault::create(const QString& historyId, const HistoryKeys& keys)
{
    const Failure invalid(ErrorCode::Corrupt, tr("The history keys are not valid."));
    if (!keys.isValid())
        return invalid;
    std::unique_ptr<PiiVault> vault(new PiiVault);
    try {
        vault->m_cipher = std::make_unique<PiiCipher>(keys.dataKey);
    } catch (const std::exception&) {
        return invalid;
    }
    vault->m_historyId = historyId;
    vault->m_indexKey = keys.indexKey;
    return vault;
}

PiiVault::~PiiVault() = default;

QByteArray PiiVault::aad(const QString& caseId, const char* field) const
{
    return m_historyId.toUtf8() + '|' + caseId.toUtf8() + '|' + field;
}

Result<QByteArray> PiiVault::sealText(const QString& caseId, const QString& textId, const QString& text) const
{
    try {
        return m_cipher->encrypt(text.toUtf8(), aad(caseId, "review_text") + '|' + textId.toUtf8());
    } catch (const std::exception&) {
        return Failure(ErrorCode::Corrupt, tr("Cannot encrypt the review note."));
    }
}

Result<QString> PiiVault::openText(const QString& caseId, const QString& textId, const QByteArray& sealed) const
{
    const auto plain = m_cipher->decrypt(sealed, aad(caseId, "review_text") + '|' + textId.toUtf8());
    if (!plain)
        return Failure(ErrorCode::Corrupt, tr("A review note of case %1 does not decrypt.").arg(caseId));
    return QString::fromUtf8(*plain);
}

QByteArray PiiVault::blindIndex(const QString& idNumber) const
{
    const QString normalized = IdNumber::normalize(idNumber);
    return normalized.isEmpty() ? QByteArray() : BlindIndex::compute(m_indexKey, normalized);
}

QByteArray PiiVault::caseIndex(const QString& caseKey) const
{
    // The separator cannot occur in a normalised ID number: a case's index is never an ID number's.
    return BlindIndex::compute(m_indexKey, QStringLiteral("case\x1f") + caseKey);
}

QByteArray PiiVault::listIndex(const QByteArray& listSha256) const
{
    return BlindIndex::compute(m_indexKey, QStringLiteral("list\x1f") + QString::fromLatin1(listSha256));
}

Result<SealedPii> PiiVault::seal(const QString& caseId, const QString& name, const QString& idNumber) const
{
    const QString normalized = IdNumber::normalize(idNumber);
    SealedPii sealed;
    try {
        sealed.nameEnc = m_cipher->encrypt(name.toUtf8(), aad(caseId, "name"));
        sealed.idEnc = m_cipher->encrypt(normalized.toUtf8(), aad(caseId, "id_number"));
    } catch (const std::exception&) {
        return Failure(ErrorCode::Corrupt, tr("Cannot encrypt the personal data of the case."));
    }
    sealed.nameMasked = Masking::name(name);
    sealed.idMasked = Masking::idNumber(normalized);
    sealed.idIndex = blindIndex(normalized);
    sealed.digest =
        CanonicalEvent::piiDigestV2(sealed.nameEnc, sealed.idEnc, sealed.nameMasked, sealed.idMasked, sealed.idIndex);
    return sealed;
}

Result<RevealedPii> PiiVault::open(const QString& caseId, const QByteArray& nameEnc, const QByteArray& idEnc) const
{
    const auto name = m_cipher->decrypt(nameEnc, aad(caseId, "name"));
    const auto id = m_cipher->decrypt(idEnc, aad(caseId, "id_number"));
    if (!name || !id)
        return Failure(ErrorCode::Corrupt,
            tr("The personal data of case %1 does not decrypt: it was altered or belongs to other keys.").arg(caseId));
    return RevealedPii { QString::fromUtf8(*name), QString::fromUtf8(*id) };
}

bool PiiVault::matchesMasks(const CasePii& pii) const
{
    const Result<RevealedPii> plain = open(pii.caseId, pii.nameEnc, pii.idEnc);
    if (!plain)
        return false;
    const QString index = QString::fromLatin1(blindIndex(plain->idNumber));
    return Masking::name(plain->name) == pii.nameMasked && Masking::idNumber(plain->idNumber) == pii.idMasked
        && index == pii.idIndex;
}
