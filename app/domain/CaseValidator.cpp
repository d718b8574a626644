#include "CaseValidator.h"

#include "domain/CardTerm.h"
#include "domain/IdNumber.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace {

class IssueList
{
public:
    void block(CaseField field, const char* code, const QString& message)
    {
        m_issues.append({ field, true, QString::fromLatin1(code), message });
    }
    void warn(CaseField field, const char* code, const QString& message)
    {
        m_issues.append({ field, false, QString::fromLatin1(code), message });
    }
    QList<ValidationIssue> take() { return std::move(m_issues); }

private:
    QList<ValidationIssue> m_issues;
};

bool isAllowedNameCodePoint(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        break;
    }
    return c == U' ' || c == U'\u00B7' || c == U'.' || c == U'-' || c == U'\'' || c == U'\u2019';
}

// A variation selector (U+FE00..FE0F, or an ideographic one, U+E0100..E01EF) asks for a glyph variant of the
// character before it; the character is the same, and the official records hold it without one.
bool isVariationSelector(char32_t c)
{
    return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
}

QString withoutVariationSelectors(const QString& raw)
{
    QString out;
    qsizetype kept = 0; // raw[0, kept) is settled: copied to out, or dropped
    for (qsizetype i = 0; i < raw.size();) {
        const bool pair = raw.at(i).isHighSurrogate() && i + 1 < raw.size() && raw.at(i + 1).isLowSurrogate();
        const char32_t c = pair ? QChar::surrogateToUcs4(raw.at(i), raw.at(i + 1)) : raw.at(i).unicode();
        const qsizetype next = i + (pair ? 2 : 1);
        if (isVariationSelector(c)) {
            out.append(QStringView(raw).mid(kept, i - kept));
            kept = next;
        }
        i = next;
    }
    if (kept == 0)
        return raw; // none: the text as it came, a lone surrogate too (refused later)
    out.append(QStringView(raw).mid(kept));
    return out;
}

bool isHan(uint c)
{
    return QChar::script(c) == QChar::Script_Han;
}

// A space with a Chinese character on each side ("李 明"): the card prints Chinese names without one.
bool hasSpaceBetweenHan(const QList<uint>& points)
{
    for (qsizetype i = 1; i + 1 < points.size(); ++i) {
        if (points.at(i) == U' ' && isHan(points.at(i - 1)) && isHan(points.at(i + 1)))
            return true;
    }
    return false;
}

bool isAsciiAlnum(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

QString displayDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

QString CaseValidator::normalizeName(const QString& raw)
{
    // Canonical composition first: a compatibility ideograph (U+F9E1) is the unified one (李) the card's records
    // hold, a letter and its combining accent are one letter, and U+0387 is the middle dot. Each is the same text
    // as the other, which the service and the history should see one way.
    QString out = withoutVariationSelectors(raw).normalized(QString::NormalizationForm_C).simplified();
    for (QChar& c : out) {
        switch (c.unicode()) {
        case 0x2022: // bullet
        case 0x2027: // hyphenation point
        case 0x2219: // bullet operator
        case 0x30FB: // katakana middle dot
        case 0xFF0E: // full-width full stop, sometimes typed for the separator
        case 0xFF65: // half-width katakana middle dot
            c = QChar(0x00B7);
            break;
        default:
            break;
        }
    }
    return out;
}

QString CaseValidator::fieldLabel(CaseField field)
{
    switch (field) {
    case CaseField::Name:
        return tr("Name");
    case CaseField::IdNumber:
        return tr("ID number");
    case CaseField::ValidityStart:
        return tr("Valid from");
    case CaseField::ValidityEnd:
        return tr("Valid until");
    case CaseField::SceneCode:
        return tr("Scene code");
    case CaseField::MerchantBizId:
        return tr("Merchant business ID");
    case CaseField::MerchantUserId:
        return tr("Merchant user ID");
    }
    return {};
}

QList<ValidationIssue> CaseValidator::keepingRecordedMerchantBizId(QList<ValidationIssue> issues)
{
    issues.removeIf([](const ValidationIssue& issue) { return issue.code == QLatin1String("bizid.id_number"); });
    return issues;
}

bool CaseValidator::hasBlocking(const QList<ValidationIssue>& issues)
{
    for (const ValidationIssue& issue : issues) {
        if (issue.blocking)
            return true;
    }
    return false;
}

QList<ValidationIssue> CaseValidator::check(const CaseInput& input, const QDate& today)
{
    IssueList issues;

    // --- Name -------------------------------------------------------------------------------------------------
    const QString name = normalizeName(input.name);
    if (name.isEmpty()) {
        issues.block(
            CaseField::Name, "name.empty", tr("Name is required: enter the name exactly as printed on the ID card."));
    } else {
        const QList<uint> points = name.toUcs4();
        if (points.size() > maxNameLength)
            issues.block(CaseField::Name,
                "name.length",
                tr("Name is too long (%1 characters, at most %2): check that only the name was entered.")
                    .arg(points.size())
                    .arg(maxNameLength));
        bool allowed = true;
        bool hasLetter = false;
        for (const uint point : points) {
            allowed = allowed && isAllowedNameCodePoint(static_cast<char32_t>(point));
            hasLetter = hasLetter || QChar::isLetter(static_cast<char32_t>(point));
        }
        allowed = allowed && hasLetter;
        if (!allowed)
            issues.block(CaseField::Name,
                "name.chars",
                tr("Name contains digits or symbols: use only letters, spaces and the separators · . - ' "
                   "as printed on the card."));
        else if (hasSpaceBetweenHan(points))
            issues.warn(CaseField::Name,
                "warn.name_space_between_han",
                tr("Name has a space between Chinese characters; the card prints a Chinese name without spaces "
                   "(a name in several parts is joined by the middle dot ·). Check the name: a mismatch is likely "
                   "to come back as 223."));
    }

    // --- ID number --------------------------------------------------------------------------------------------
    const QString id = IdNumber::normalize(input.idNumber);
    QDate birth; // set only when the number is well-formed and its birth date usable
    static const QRegularExpression idPattern(QStringLiteral("^[0-9]{17}[0-9X]$"));
    static const QRegularExpression legacyPattern(QStringLiteral("^[0-9]{15}$"));
    if (id.isEmpty()) {
        issues.block(CaseField::IdNumber,
            "id.empty",
            tr("ID number is required: enter the 18-character number printed on the ID card."));
    } else if (legacyPattern.match(id).hasMatch()) {
        issues.block(CaseField::IdNumber,
            "id.legacy15",
            tr("ID number has 15 digits: this is a first-generation number, invalid since 1 January 2013. "
               "Ask for the 18-character number on the person's current second-generation card."));
    } else if (id.size() != 18) {
        issues.block(CaseField::IdNumber,
            "id.length",
            tr("ID number has %1 characters; it must have exactly 18 (17 digits and a final digit or X). "
               "Check for missing or extra characters.")
                .arg(id.size()));
    } else if (!idPattern.match(id).hasMatch()) {
        issues.block(CaseField::IdNumber,
            "id.format",
            tr("ID number may contain only digits, with X allowed as the last character. "
               "Check for letters or symbols typed by mistake."));
    } else if (IdNumber::isPermitNumber(id)) {
        issues.block(CaseField::IdNumber,
            "id.permit",
            tr("ID number starts with %1: this is a residence permit for Hong Kong, Macao or Taiwan "
               "residents, not a mainland resident ID card. This verification supports only mainland "
               "second-generation ID cards; use another verification method.")
                .arg(id.left(2)));
    } else {
        if (!IdNumber::isKnownProvince(id))
            issues.block(CaseField::IdNumber,
                "id.province",
                tr("ID number starts with %1, which is not a mainland province code. "
                   "Check the first two digits against the card.")
                    .arg(id.left(2)));
        const QDate parsed = IdNumber::birthDate(id);
        if (!parsed.isValid())
            issues.block(CaseField::IdNumber,
                "id.birthdate",
                tr("ID number: digits 7 to 14 (%1) are not a real date of birth (YYYYMMDD). "
                   "Check them against the card.")
                    .arg(id.mid(6, 8)));
        else if (parsed > today)
            issues.block(CaseField::IdNumber,
                "id.birth_future",
                tr("ID number: the date of birth it contains (%1) is in the future. "
                   "Check digits 7 to 14 against the card.")
                    .arg(displayDate(parsed)));
        else
            birth = parsed;
        if (!IdNumber::hasValidChecksum(id))
            issues.block(CaseField::IdNumber,
                "id.checksum",
                tr("ID number is mistyped: its last character does not match the others. "
                   "Compare every character with the card."));
    }

    // --- Validity dates ---------------------------------------------------------------------------------------
    const QDate start = input.validityStart;
    bool startUsable = false;
    if (!start.isValid()) {
        issues.block(CaseField::ValidityStart,
            "start.required",
            tr("Valid from is required: enter the first date of the validity period printed on the back "
               "of the card."));
    } else if (start > today) {
        issues.block(CaseField::ValidityStart,
            "start.future",
            tr("Valid from (%1) is in the future: a card cannot be valid before it is issued. "
               "Check the date on the card.")
                .arg(displayDate(start)));
    } else if (birth.isValid() && start < birth) {
        issues.block(CaseField::ValidityStart,
            "start.before_birth",
            tr("Valid from (%1) is before the date of birth in the ID number (%2). "
               "Check the date and the ID number.")
                .arg(displayDate(start), displayDate(birth)));
    } else {
        startUsable = true;
    }

    const QDate end = input.validityEnd;
    bool endUsable = false;
    if (!input.longTerm) {
        if (!end.isValid()) {
            issues.block(CaseField::ValidityEnd,
                "end.required",
                tr("Valid until is required: enter the last date of the validity period, or tick "
                   "Long-term if the card says 长期."));
        } else if (start.isValid() && end <= start) {
            issues.block(CaseField::ValidityEnd,
                "end.not_after_start",
                tr("Valid until (%1) must be after Valid from (%2). Check both dates on the card.")
                    .arg(displayDate(end), displayDate(start)));
        } else {
            endUsable = start.isValid();
        }
    }

    // --- Request parameters -----------------------------------------------------------------------------------
    if (!isSceneCodeFormat(input.sceneCode.trimmed()))
        issues.block(CaseField::SceneCode,
            "scene.format",
            tr("Scene code may have at most %1 characters, each a letter A-Z or a-z, a digit or an "
               "underscore. Shorten it or leave it empty.")
                .arg(maxSceneCodeLength));

    if (!isMerchantBizIdFormat(input.merchantBizId.trimmed()))
        issues.block(CaseField::MerchantBizId,
            "bizid.format",
            tr("Merchant business ID may have at most %1 characters, letters A-Z or a-z and digits only. "
               "Leave it empty to have a unique one generated.")
                .arg(maxMerchantBizIdLength));
    else if (looksLikeIdNumber(input.merchantBizId.trimmed()))
        issues.block(CaseField::MerchantBizId,
            "bizid.id_number",
            tr("Merchant business ID looks like an ID number (17 digits and a digit or X). It is recorded and shown "
               "unmasked, so it must not be one: use a reference of your own, or leave it empty to have a unique one "
               "generated."));

    if (input.merchantUserId.trimmed().size() > maxMerchantUserIdLength)
        issues.block(CaseField::MerchantUserId,
            "userid.length",
            tr("Merchant user ID may have at most %1 characters. It is sent only as its SHA-256 hash; "
               "shorten it or leave it empty.")
                .arg(maxMerchantUserIdLength));

    // --- Plausibility warnings --------------------------------------------------------------------------------
    if (startUsable && start.year() < CardTerm::firstIssueYear)
        issues.warn(CaseField::ValidityStart,
            "warn.start_before_2004",
            tr("Valid from (%1) is before 2004, when second-generation ID cards were first issued. "
               "Check the date on the card.")
                .arg(displayDate(start)));

    if (startUsable && birth.isValid()) {
        const int age = IdNumber::ageOn(birth, start);
        const int term = CardTerm::termYears(age);
        if (input.longTerm) {
            if (term != 0)
                issues.warn(CaseField::ValidityEnd,
                    "warn.long_term_under_46",
                    tr("Valid until is long-term, but the person was %1 on the Valid from date; long-term "
                       "cards are issued only from age 46 (the term is %2 years). Check both dates: a "
                       "mismatch is likely to come back as 223.")
                        .arg(age)
                        .arg(term));
        } else if (endUsable) {
            const int years = end.year() - start.year();
            if (term == 0)
                issues.warn(CaseField::ValidityEnd,
                    "warn.term_mismatch",
                    tr("Valid until: the person was %1 on the Valid from date, so the card should be "
                       "long-term (issued from age 46). Check the dates or tick Long-term: a mismatch is "
                       "likely to come back as 223.")
                        .arg(age));
            else if (years != term)
                issues.warn(CaseField::ValidityEnd,
                    "warn.term_mismatch",
                    tr("Valid until: a card issued at age %1 is valid %2 years, but the dates entered span "
                       "%3. Check both dates on the card: a mismatch is likely to come back as 223.")
                        .arg(age)
                        .arg(term)
                        .arg(years));
        }
    }

    if (startUsable && endUsable && !CardTerm::monthDayMatches(start, end))
        issues.warn(CaseField::ValidityEnd,
            "warn.month_day",
            tr("Valid until (%1) does not fall on the same month and day as Valid from (%2), as it does on "
               "real cards. Check both dates: a mismatch is likely to come back as 223.")
                .arg(displayDate(end), displayDate(start)));

    if (startUsable && endUsable && end < today)
        issues.warn(CaseField::ValidityEnd,
            "warn.expired",
            tr("Valid until (%1) has passed: the card has expired. It can still be verified, but ask the "
               "person whether they hold a newer card and use its dates.")
                .arg(displayDate(end)));

    return issues.take();
}

bool CaseValidator::isSceneCodeFormat(QStringView value)
{
    return value.size() <= maxSceneCodeLength
        && std::all_of(value.begin(), value.end(), [](QChar c) { return isAsciiAlnum(c) || c == u'_'; });
}

bool CaseValidator::looksLikeIdNumber(QStringView value)
{
    if (value.size() != 18)
        return false;
    const QChar last = value.back();
    return std::all_of(value.begin(), value.end() - 1, [](QChar c) { return c >= u'0' && c <= u'9'; })
        && ((last >= u'0' && last <= u'9') || last == u'X' || last == u'x');
}

bool CaseValidator::isMerchantBizIdFormat(QStringView value)
{
    return value.size() <= maxMerchantBizIdLength && std::all_of(value.begin(), value.end(), isAsciiAlnum);
}
