#include "SandboxService.h"

#include "api/Credentials.h"
#include "base/Clock.h"
#include "crypto/Crypto.h"
#include "crypto/Random.h"
#include "domain/CaseValidator.h"
#include "sandbox/SandboxFixtures.h"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <algorithm>

// The answers below are the service's wire protocol: the provider answers in English whatever the caller's
// language, and so does the sandbox. The client maps Codes to translated explanations; nothing here is tr()'d.

namespace {

const QByteArray jsonContentType = QByteArrayLiteral("application/json;charset=utf-8");

const QStringList requiredParameters = {
    QStringLiteral("ProductCode"),
    QStringLiteral("MerchantBizId"),
    QStringLiteral("DocType"),
    QStringLiteral("DocName"),
    QStringLiteral("DocNo"),
    QStringLiteral("ValidityStartDate"),
    QStringLiteral("ValidityEndDate"),
};

const QByteArrayList requiredSignedHeaders = {
    "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"
};

// The parameters' shapes, checked character by character (a regular expression compiled for every request took
// almost half of the sandbox's time under a batch); SceneCode and MerchantBizId as the pre-check judges them.
bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// value has shape's length and, where shape has '9', an ASCII digit; elsewhere shape's own character.
bool hasShape(QStringView value, QLatin1StringView shape)
{
    if (value.size() != shape.size())
        return false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (shape[i] == u'9' ? !isAsciiDigit(value[i]) : value[i] != shape[i])
            return false;
    }
    return true;
}

// 17 ASCII digits, then a digit or X (the check character itself is the fixtures' business, not the format's).
bool isDocNo(const QString& value)
{
    return value.size() == 18 && hasShape(QStringView(value).first(17), QLatin1StringView("99999999999999999"))
        && (isAsciiDigit(value.back()) || value.back() == u'X');
}

bool isDate(const QString& value)
{
    return hasShape(value, QLatin1StringView("99999999"))
        && QDate::fromString(value, QStringLiteral("yyyyMMdd")).isValid();
}

bool isLongTermValue(const QString& value)
{
    return value == SandboxFixtures::longTermChinese || value == SandboxFixtures::longTermEnglish;
}

struct Authorization
{
    QString accessKeyId;
    QByteArrayList signedHeaders; // lower-case, as listed
    QByteArray signature;
};

// "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=a;b,Signature=…"; false when garbled.
bool parseAuthorization(const QByteArray& value, Authorization& out)
{
    const QByteArray prefix = QByteArray(SignerV3::algorithm) + ' ';
    const QByteArray trimmed = value.trimmed();
    if (!trimmed.startsWith(prefix))
        return false;
    QHash<QByteArray, QByteArray> parts;
    for (const QByteArray& part : trimmed.mid(prefix.size()).split(',')) {
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            return false;
        parts.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }
    out.accessKeyId = QString::fromUtf8(parts.value("Credential"));
    out.signature = parts.value("Signature");
    for (const QByteArray& name : parts.value("SignedHeaders").split(';')) {
        if (!name.trimmed().isEmpty())
            out.signedHeaders.append(name.trimmed().toLower());
    }
    return !out.accessKeyId.isEmpty() && !out.signature.isEmpty() && !out.signedHeaders.isEmpty();
}

} // namespace

QByteArray SandboxResponse::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

SandboxService::SandboxService(Clock& clock, Random& random)
    : m_clock(clock)
    , m_random(random)
{
}

QList<QPair<QString, QString>> SandboxService::parseForm(const QByteArray& encoded)
{
    QList<QPair<QString, QString>> out;
    for (const QByteArray& pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        name.replace('+', ' ');
        value.replace('+', ' ');
        out.append({ QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
            QString::fromUtf8(QByteArray::fromPercentEncoding(value)) });
    }
    return out;
}

QString SandboxService::newRequestId()
{
    QByteArray b = m_random.bytes(16);
    b[6] = static_cast<char>((static_cast<unsigned char>(b[6]) & 0x0F) | 0x40);
    b[8] = static_cast<char>((static_cast<unsigned char>(b[8]) & 0x3F) | 0x80);
    const QByteArray hex = b.toHex().toUpper();
    return QString::fromLatin1(
        hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-' + hex.mid(20));
}

SandboxResponse SandboxService::error(
    const SignerV3::Request& request, int status, const QString& code, const QString& message)
{
    const QString requestId = newRequestId();
    QJsonObject body;
    body.insert(QStringLiteral("RequestId"), requestId);
    body.insert(QStringLiteral("Code"), code);
    body.insert(QStringLiteral("Message"), message);
    body.insert(QStringLiteral("HostId"), QString::fromUtf8(request.header("host")));
    body.insert(QStringLiteral("Recommend"),
        QStringLiteral("https://api.aliyun.com/troubleshoot?q=%1&product=Cloudauth-intl&requestId=%2")
            .arg(code, requestId));
    SandboxResponse r;
    r.status = status;
    r.code = code;
    r.headers = { { "Content-Type", jsonContentType }, { "x-acs-request-id", requestId.toLatin1() } };
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

SandboxResponse SandboxService::success(const QString& passed, const QString& subCode)
{
    const QString requestId = newRequestId();
    QJsonObject result;
    result.insert(QStringLiteral("Passed"), passed);
    result.insert(QStringLiteral("SubCode"), subCode);
    QJsonObject body;
    body.insert(QStringLiteral("RequestId"), requestId);
    body.insert(QStringLiteral("Code"), QStringLiteral("Success"));
    body.insert(QStringLiteral("Message"), QStringLiteral("success"));
    body.insert(QStringLiteral("Result"), result);
    SandboxResponse r;
    r.status = 200;
    r.code = QStringLiteral("Success");
    r.headers = { { "Content-Type", jsonContentType }, { "x-acs-request-id", requestId.toLatin1() } };
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

void SandboxService::rememberNonce(const QByteArray& nonce)
{
    m_nonces.insert(nonce);
    m_nonceOrder.enqueue(nonce);
    while (m_nonceOrder.size() > nonceMemory)
        m_nonces.remove(m_nonceOrder.dequeue());
}

bool SandboxService::checkSignature(const SignerV3::Request& request, SandboxResponse& failure)
{
    Authorization auth;
    if (!parseAuthorization(request.header("Authorization"), auth)) {
        failure = error(request,
            400,
            QStringLiteral("IncompleteSignature"),
            QStringLiteral("The request signature does not conform to Aliyun standards: the Authorization "
                           "header is missing or not of the form \"ACS3-HMAC-SHA256 Credential=…,"
                           "SignedHeaders=…,Signature=…\"."));
        return false;
    }
    QByteArrayList mustSign = requiredSignedHeaders;
    if (!request.header("x-acs-security-token").isEmpty())
        mustSign.append("x-acs-security-token");
    for (const QByteArray& name : std::as_const(mustSign)) {
        if (!auth.signedHeaders.contains(name) || request.header(name).trimmed().isEmpty()) {
            failure = error(request,
                400,
                QStringLiteral("IncompleteSignature"),
                QStringLiteral("The request signature does not conform to Aliyun standards: the header "
                               "\"%1\" must be sent and signed.")
                    .arg(QString::fromLatin1(name)));
            return false;
        }
    }
    for (const QByteArray& name : std::as_const(auth.signedHeaders)) {
        bool present = false;
        for (const auto& header : request.headers)
            present = present || header.first.compare(name, Qt::CaseInsensitive) == 0;
        if (!present) {
            failure = error(request,
                400,
                QStringLiteral("IncompleteSignature"),
                QStringLiteral("The request signature does not conform to Aliyun standards: the signed "
                               "header \"%1\" is not in the request.")
                    .arg(QString::fromLatin1(name)));
            return false;
        }
    }

    const Credentials& training = m_key;
    if (auth.accessKeyId != training.accessKeyId()) {
        failure = error(request,
            404,
            QStringLiteral("InvalidAccessKeyId.NotFound"),
            QStringLiteral("Specified access key is not found. The training sandbox accepts only the "
                           "AccessKey ID %1.")
                .arg(training.accessKeyId()));
        return false;
    }

    const QString date = QString::fromLatin1(request.header("x-acs-date").trimmed());
    const QDateTime sent = QDateTime::fromString(date, Qt::ISODate);
    if (!hasShape(date, QLatin1StringView("9999-99-99T99:99:99Z")) || !sent.isValid()) {
        failure = error(request,
            400,
            QStringLiteral("InvalidTimeStamp.Format"),
            QStringLiteral("Specified time stamp or date value is not well formatted: x-acs-date must be "
                           "yyyy-MM-ddTHH:mm:ssZ (UTC)."));
        return false;
    }
    const QDateTime now = m_clock.nowUtc();
    if (qAbs(sent.secsTo(now)) > maxClockSkewSeconds) {
        failure = error(request,
            400,
            QStringLiteral("InvalidTimeStamp.Expired"),
            QStringLiteral("Specified time stamp or date value is expired: x-acs-date %1, server time %2 "
                           "(more than 15 minutes apart).")
                .arg(date, now.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))));
        return false;
    }

    const QByteArray contentSha = request.header("x-acs-content-sha256").trimmed();
    const QByteArray bodySha = Crypto::sha256Hex(request.body);
    if (contentSha.toLower() != bodySha) {
        failure = error(request,
            400,
            QStringLiteral("SignatureDoesNotMatch"),
            QStringLiteral("The x-acs-content-sha256 header does not match the SHA-256 of the request "
                           "body. server body hash is:%1")
                .arg(QString::fromLatin1(bodySha)));
        return false;
    }

    // The canonical request over exactly the headers the client listed, lower-case names, trimmed values, sorted.
    QByteArrayList names = auth.signedHeaders;
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    QByteArray canonicalHeaders;
    for (const QByteArray& name : std::as_const(names))
        canonicalHeaders.append(name).append(':').append(request.header(name).trimmed()).append('\n');
    const QByteArray canonical = request.method.toUpper() + '\n' + request.path + '\n'
        + SignerV3::encodeParameters(request.query) + '\n' + canonicalHeaders + '\n' + names.join(';') + '\n'
        + contentSha;
    const QByteArray toSign = SignerV3::stringToSign(canonical);
    const QByteArray expected = SignerV3::signature(training.secretForSigning(), toSign);
    const QByteArray given = auth.signature.toLower();
    if (given.size() != expected.size() || !Crypto::constantTimeEquals(given, expected)) {
        failure = error(request,
            400,
            QStringLiteral("SignatureDoesNotMatch"),
            QStringLiteral("Specified signature does not match our calculation. server string to sign is:")
                + QString::fromLatin1(toSign));
        return false;
    }

    const QByteArray nonce = request.header("x-acs-signature-nonce").trimmed();
    if (m_nonces.contains(nonce)) {
        failure = error(request,
            400,
            QStringLiteral("SignatureNonceUsed"),
            QStringLiteral("Specified signature nonce was used already."));
        return false;
    }
    rememberNonce(nonce);
    return true;
}

bool SandboxService::checkParameters(
    const SignerV3::Request& request, QHash<QString, QString>& params, SandboxResponse& failure)
{
    // The query string first, then the form body, so that the body wins.
    for (const auto& [name, value] : request.query)
        params.insert(name, value);
    for (const auto& [name, value] : parseForm(request.body))
        params.insert(name, value);

    for (const QString& name : requiredParameters) {
        if (params.value(name).trimmed().isEmpty()) {
            failure = error(request,
                400,
                QStringLiteral("MissingParameter"),
                QStringLiteral("The input parameter \"%1\" that is mandatory for processing this request "
                               "is not supplied.")
                    .arg(name));
            return false;
        }
    }

    const auto invalid = [&](const QString& name) {
        failure = error(request,
            400,
            QStringLiteral("InvalidParameter"),
            QStringLiteral("The specified parameter \"%1\" is not valid.").arg(name));
        return false;
    };
    if (params.value(QStringLiteral("ProductCode")) != QLatin1String("eKYC_Date_MIN"))
        return invalid(QStringLiteral("ProductCode"));
    const QString sceneCode = params.value(QStringLiteral("SceneCode"));
    if (!CaseValidator::isSceneCodeFormat(sceneCode))
        return invalid(QStringLiteral("SceneCode"));
    const QString bizId = params.value(QStringLiteral("MerchantBizId"));
    if (bizId.isEmpty() || !CaseValidator::isMerchantBizIdFormat(bizId))
        return invalid(QStringLiteral("MerchantBizId"));
    if (params.value(QStringLiteral("DocType")) != QLatin1String("00000001"))
        return invalid(QStringLiteral("DocType"));
    if (!isDocNo(params.value(QStringLiteral("DocNo"))))
        return invalid(QStringLiteral("DocNo"));
    if (!isDate(params.value(QStringLiteral("ValidityStartDate"))))
        return invalid(QStringLiteral("ValidityStartDate"));
    const QString end = params.value(QStringLiteral("ValidityEndDate"));
    if (!isDate(end) && !isLongTermValue(end))
        return invalid(QStringLiteral("ValidityEndDate"));
    return true;
}

SandboxResponse SandboxService::answer(const SignerV3::Request& request, const QHash<QString, QString>& params)
{
    namespace F = SandboxFixtures;
    const QString name = params.value(QStringLiteral("DocName")).trimmed();
    const QString bizId = params.value(QStringLiteral("MerchantBizId"));
    // The once-triggers remember MerchantBizIds; a long-running sandbox forgets them all now and then.
    if (m_throttledOnce.size() + m_failedOnce.size() > 100000) {
        m_throttledOnce.clear();
        m_failedOnce.clear();
    }

    if (name == F::throttleAlways || (name == F::throttleOnce && !m_throttledOnce.contains(bizId))) {
        if (name == F::throttleOnce)
            m_throttledOnce.insert(bizId);
        SandboxResponse r = error(request,
            403,
            QStringLiteral("Throttling.Api"),
            QStringLiteral("Request was denied due to api flow control."));
        r.headers.append(
            { "x-ratelimit-user-api", "Limit:10,Remain:0,TimeLeft:" + QByteArray::number(F::throttleTimeLeftMs) });
        return r;
    }
    if (name == F::serverErrorAlways || (name == F::serverErrorOnce && !m_failedOnce.contains(bizId))) {
        if (name == F::serverErrorOnce)
            m_failedOnce.insert(bizId);
        return error(request,
            500,
            QStringLiteral("InternalError"),
            QStringLiteral("The request processing has failed due to some unknown error, exception or "
                           "failure."));
    }
    if (name == F::throttleOnce || name == F::serverErrorOnce)
        return success(QStringLiteral("Y"), QStringLiteral("200"));
    if (name == F::unavailable) {
        return error(request,
            503,
            QStringLiteral("ServiceUnavailable"),
            QStringLiteral("The request has failed due to a temporary failure of the server."));
    }
    if (name == F::ramDenied) {
        return error(request,
            403,
            QStringLiteral("Forbidden.RAMUserAccessDenied"),
            QStringLiteral("You are not authorized to operate on the specified resource, because your RAM "
                           "user needs AliyunAntCloudAuthFullAccess."));
    }
    if (name == F::accountDenied) {
        return error(request,
            403,
            QStringLiteral("Forbidden.AccountAccessDenied"),
            QStringLiteral("ID Verification is not activated for this account, or the account has an "
                           "overdue payment."));
    }
    if (name == F::slow) {
        SandboxResponse r = success(QStringLiteral("Y"), QStringLiteral("200"));
        r.action = SandboxResponse::Action::RespondLater;
        return r;
    }
    if (name == F::reset) {
        // Forget the nonce: HTTP stacks (QNetworkAccessManager among them) resend a request once when the
        // connection drops before any answer, and the resend must meet the same reset, not SignatureNonceUsed.
        m_nonces.remove(request.header("x-acs-signature-nonce").trimmed());
        SandboxResponse r;
        r.action = SandboxResponse::Action::Abort;
        r.status = 0;
        return r;
    }
    if (name == F::malformed) {
        SandboxResponse r = success(QStringLiteral("Y"), QStringLiteral("200"));
        r.body.chop(r.body.size() / 3); // cut inside the object: never valid JSON
        return r;
    }
    if (name == F::oversized) {
        SandboxResponse r = success(QStringLiteral("Y"), QStringLiteral("200"));
        // A "Padding" string member sized so that the whole compact document is exactly oversizedBodyBytes.
        const QByteArray member = ",\"Padding\":\"\"";
        const qsizetype pad = F::oversizedBodyBytes - r.body.size() - member.size();
        r.body.chop(1); // the closing brace
        r.body.append(",\"Padding\":\"").append(QByteArray(pad, 'x')).append("\"}");
        return r;
    }
    if (name == F::unknownSubCode)
        return success(QStringLiteral("N"), QStringLiteral("999"));
    if (name.startsWith(F::echoPrefix)) {
        QStringList quoted;
        for (auto it = params.cbegin(); it != params.cend(); ++it)
            quoted.append(it.key() + QLatin1Char('=') + it.value());
        quoted.sort();
        return error(request,
            400,
            QStringLiteral("InvalidParameter"),
            QStringLiteral("The parameters do not match: %1").arg(quoted.join(QStringLiteral(", "))));
    }

    const F::Person* person = F::findByDocNo(params.value(QStringLiteral("DocNo")));
    if (!person)
        return success(QStringLiteral("N"), QStringLiteral("202"));
    const QString end = params.value(QStringLiteral("ValidityEndDate"));
    const bool endMatches = person->isLongTerm() ? isLongTermValue(end) : end == person->validityEndDate;
    if (name == person->docName && params.value(QStringLiteral("ValidityStartDate")) == person->validityStartDate
        && endMatches) {
        return success(QStringLiteral("Y"), QStringLiteral("200"));
    }
    return success(QStringLiteral("N"), QStringLiteral("223"));
}

SandboxResponse SandboxService::handle(const SignerV3::Request& request)
{
    if (request.method.toUpper() != "POST") {
        return error(request,
            405,
            QStringLiteral("UnsupportedHTTPMethod"),
            QStringLiteral("This action does not support the HTTP method %1; use POST.")
                .arg(QString::fromLatin1(request.method)));
    }
    if (request.path != "/") {
        return error(request,
            404,
            QStringLiteral("InvalidUri.NotFound"),
            QStringLiteral("The specified path does not exist; RPC actions are sent to \"/\"."));
    }
    if (request.header("x-acs-action").trimmed() != action) {
        return error(request,
            404,
            QStringLiteral("InvalidAction.NotFound"),
            QStringLiteral("Specified api is not found, please check your url and method. The sandbox "
                           "serves only Id2MetaPeriodVerifyIntl."));
    }
    if (request.header("x-acs-version").trimmed() != version) {
        return error(request,
            400,
            QStringLiteral("InvalidVersion"),
            QStringLiteral("Specified parameter Version is not valid; Id2MetaPeriodVerifyIntl is version "
                           "2022-08-09."));
    }
    SandboxResponse failure;
    if (!checkSignature(request, failure))
        return failure;
    QHash<QString, QString> params;
    if (!checkParameters(request, params, failure))
        return failure;
    return answer(request, params);
}
