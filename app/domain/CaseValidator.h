#pragma once

#include "domain/CaseInput.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

enum class CaseField
{
    Name,
    IdNumber,
    ValidityStart,
    ValidityEnd,
    SceneCode,
    MerchantBizId,
    MerchantUserId
};

struct ValidationIssue
{
    CaseField field;
    bool blocking; // true: refused locally, nothing is sent; false: plausibility warning the reviewer must acknowledge
    QString code; // stable machine id, e.g. "id.checksum" or "warn.term_mismatch"
    QString message; // translated; names the field, says what is wrong and how to fix it
};

// The local pre-check of a case before anything is sent or billed.
//
// Blocking codes: name.empty, name.length, name.chars; id.empty, id.legacy15, id.length, id.format, id.permit,
// id.province, id.birthdate, id.birth_future, id.checksum; start.required, start.future, start.before_birth;
// end.required, end.not_after_start; scene.format; bizid.format; userid.length.
// Warnings: warn.term_mismatch, warn.month_day, warn.long_term_under_46, warn.start_before_2004, warn.expired,
// warn.name_space_between_han.
class CaseValidator
{
    Q_DECLARE_TR_FUNCTIONS(CaseValidator)
public:
    static constexpr int maxNameLength = 64; // code points, after normalizeName
    static constexpr int maxSceneCodeLength = 10;
    static constexpr int maxMerchantBizIdLength = 32;
    static constexpr int maxMerchantUserIdLength = 128;

    static QList<ValidationIssue> check(const CaseInput& input, const QDate& today);
    static bool hasBlocking(const QList<ValidationIssue>& issues);
    // The issues of a case retried under the MerchantBizId it was recorded and sent with: an ID-number-shaped one
    // (bizid.id_number), which a version before that check accepted, is kept rather than refused, since the retry must
    // be the same business case and the id is in the history already.
    static QList<ValidationIssue> keepingRecordedMerchantBizId(QList<ValidationIssue> issues);
    static QString fieldLabel(CaseField field);

    // The API's formats, as the pre-check and the training sandbox both judge them: at most the maximum length, each
    // character an ASCII letter or digit (in a SceneCode also '_'). Empty passes: whether it may be is the caller's.
    static bool isSceneCodeFormat(QStringView value);
    static bool isMerchantBizIdFormat(QStringView value);
    // 17 digits and a digit or X: the shape of a resident ID number, checksum or not (a MerchantBizId may not have
    // it: it is kept and shown unmasked).
    static bool looksLikeIdNumber(QStringView value);

    // The name as it should be sent: variation selectors dropped, canonical composition (NFC), white space
    // simplified, the look-alike dots U+2022, U+2027, U+2219, U+30FB, U+FF0E and U+FF65 replaced by the middle dot
    // U+00B7 used in Chinese transliterated names. check() validates this form.
    static QString normalizeName(const QString& raw);
};
