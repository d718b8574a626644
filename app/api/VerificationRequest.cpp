#include "VerificationRequest.h"

#include "api/SignerV3.h"
#include "crypto/Crypto.h"
#include "crypto/Random.h"
#include "domain/CaseInput.h"
#include "domain/CaseValidator.h"
#include "domain/IdNumber.h"

QList<QPair<QString, QString>> VerificationRequest::parameters() const
{
    QList<QPair<QString, QString>> out {
        { QStringLiteral("ProductCode"), QString::fromLatin1(productCode) },
        { QStringLiteral("MerchantBizId"), merchantBizId },
        { QStringLiteral("DocType"), QString::fromLatin1(docType) },
    };
    const QList<QPair<QString, QString>> optional {
        { QStringLiteral("DocName"), docName },
        { QStringLiteral("DocNo"), docNo },
        { QStringLiteral("ValidityStartDate"), validityStartDate },
        { QStringLiteral("ValidityEndDate"), validityEndDate },
        { QStringLiteral("SceneCode"), sceneCode },
        { QStringLiteral("MerchantUserId"), merchantUserId },
    };
    for (const auto& parameter : optional) {
        if (!parameter.second.isEmpty())
            out.append(parameter);
    }
    return out;
}

QByteArray VerificationRequest::formBody() const
{
    return SignerV3::encodeParameters(parameters());
}

VerificationRequest VerificationRequest::fromCase(const CaseInput& input, const QString& longTermValue, Random& random)
{
    VerificationRequest request;
    request.sceneCode = input.sceneCode.trimmed();
    request.merchantBizId =
        input.merchantBizId.trimmed().isEmpty() ? QString::fromLatin1(random.hex32()) : input.merchantBizId.trimmed();
    request.merchantUserId = desensitiseUserId(input.merchantUserId);
    request.docName = CaseValidator::normalizeName(input.name);
    request.docNo = IdNumber::normalize(input.idNumber);
    request.validityStartDate = input.validityStart.toString(QStringLiteral("yyyyMMdd"));
    request.validityEndDate = input.longTerm ? longTermValue : input.validityEnd.toString(QStringLiteral("yyyyMMdd"));
    return request;
}

QString VerificationRequest::desensitiseUserId(const QString& raw)
{
    const QString trimmed = raw.trimmed();
    return trimmed.isEmpty() ? QString() : QString::fromLatin1(Crypto::sha256Hex(trimmed.toUtf8()));
}
