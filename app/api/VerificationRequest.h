#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

struct CaseInput;
class Random;

// The nine parameters of Id2MetaPeriodVerifyIntl exactly as they are sent. Build it from a CaseInput that passed
// CaseValidator; nothing here re-validates.
struct VerificationRequest
{
    static constexpr char productCode[] = "eKYC_Date_MIN";
    static constexpr char docType[] = "00000001";
    static constexpr char action[] = "Id2MetaPeriodVerifyIntl";
    static constexpr char apiVersion[] = "2022-08-09";
    // What the provider's Chinese-language reference specifies for a card without end date.
    static constexpr char defaultLongTermValue[] = "长期";

    QString sceneCode; // empty: omitted
    QString merchantBizId;
    QString merchantUserId; // already desensitised (SHA-256 hex); empty: omitted
    QString docName; // trimmed
    QString docNo; // upper-case X
    QString validityStartDate; // YYYYMMDD
    QString validityEndDate; // YYYYMMDD or the long-term value

    // ProductCode, DocType and the fields above; a field left empty is omitted. A case from fromCase() fills all
    // the required ones; only the connection test's probe (ConnectionTest::probe) leaves the person's out.
    QList<QPair<QString, QString>> parameters() const;
    // application/x-www-form-urlencoded, provider percent-encoding, sorted by name.
    QByteArray formBody() const;

    // Trims and normalises, hashes MerchantUserId, generates a 32-hex MerchantBizId when the case has none.
    static VerificationRequest fromCase(const CaseInput& input, const QString& longTermValue, Random& random);
    // SHA-256 hex of the trimmed raw value; empty stays empty.
    static QString desensitiseUserId(const QString& raw);
};
