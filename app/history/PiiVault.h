#pragma once

#include "base/Result.h"
#include "crypto/KeyVault.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

class PiiCipher;
struct CasePii;

struct RevealedPii
{
    QString name;
    QString idNumber;
};

// A case's name and ID number as the history keeps them: encrypted (bound to the history and the case), masked for
// display, and the blind index of the ID number for exact search.
struct SealedPii
{
    QByteArray nameEnc;
    QByteArray idEnc;
    QString nameMasked;
    QString idMasked;
    QByteArray idIndex; // empty when there is no ID number
    QByteArray digest; // what the case_created event's pii_digest covers
};

// The history's personal-data vault: the only part of the history that holds the data and index keys.
class PiiVault
{
    Q_DECLARE_TR_FUNCTIONS(PiiVault)
public:
    static Result<std::unique_ptr<PiiVault>> create(const QString& historyId, const HistoryKeys& keys);
    ~PiiVault();
    PiiVault(const PiiVault&) = delete;
    PiiVault& operator=(const PiiVault&) = delete;

    Result<SealedPii> seal(const QString& caseId, const QString& name, const QString& idNumber) const;
    Result<RevealedPii> open(const QString& caseId, const QByteArray& nameEnc, const QByteArray& idEnc) const;
    // A manual-review note or file name, bound to its case and text id.
    Result<QByteArray> sealText(const QString& caseId, const QString& textId, const QString& text) const;
    Result<QString> openText(const QString& caseId, const QString& textId, const QByteArray& sealed) const;
    // The blind index of an ID number (normalised here); empty for an empty number.
    QByteArray blindIndex(const QString& idNumber) const;
    // A keyed index of a whole case as a batch identifies it (BatchInput::caseKey: name, ID number and dates), for a
    // batch's journal to find the rows of an earlier list without holding any of them: 64 hex characters, never equal
    // to an ID number's blind index.
    QByteArray caseIndex(const QString& caseKey) const;
    // A keyed index of a batch's list (BatchInput::listDigest, hex), for the record of batches shared in the history:
    // a plain digest of a short list would let anyone reading the database confirm a guess of who was in it.
    QByteArray listIndex(const QByteArray& listSha256) const;
    // True when the masks and the blind index belong to the decrypted name and ID number (the keyed part of the
    // chain check).
    bool matchesMasks(const CasePii& pii) const;

private:
    PiiVault() = default;
    QByteArray aad(const QString& caseId, const char* field) const;

    QString m_historyId;
    QByteArray m_indexKey;
    std::unique_ptr<PiiCipher> m_cipher;
};
