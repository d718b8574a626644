#include "ResponseParser.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace {

QString stringValue(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        // A whole number as its digits (SubCode 200), anything else as the number it is (223.5 is not 223, nor 0).
        const double number = value.toDouble();
        constexpr double exactUpTo = 9007199254740992.0; // 2^53: every integer up to it is a double exactly
        if (std::trunc(number) == number && std::abs(number) <= exactUpTo)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', 17);
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString();
}

// A 5xx answer whose body says nothing usable: classify it by its status alone.
VerificationResult serverFault(int httpStatus, const QString& detail)
{
    VerificationResult r;
    r.status = VerificationResult::Status::ApiError;
    if (httpStatus == 500)
        r.error = VerificationResult::Error::InternalError;
    else if (httpStatus == 502 || httpStatus == 503 || httpStatus == 504)
        r.error = VerificationResult::Error::ServiceUnavailable;
    else
        r.error = VerificationResult::Error::OtherApiError;
    r.detail = detail;
    return r;
}

// A 429 answer whose body says nothing usable (a gateway's "Too Many Requests" page): throttling, by its status.
VerificationResult tooManyRequests(const QString& detail)
{
    VerificationResult r;
    r.status = VerificationResult::Status::ApiError;
    r.error = VerificationResult::Error::Throttling;
    r.detail = detail;
    return r;
}

// The media type of an answer ("text/html"), lower case, without parameters; empty when none was sent.
QString mediaType(const QByteArray& contentType)
{
    return QString::fromLatin1(contentType.split(';').constFirst().trimmed()).toLower();
}

qint64 timeLeftFrom(const QByteArray& value)
{
    for (const QByteArray& pair : value.split(',')) {
        const qsizetype colon = pair.indexOf(':');
        if (colon < 0)
            continue;
        if (pair.left(colon).trimmed() == "TimeLeft") {
            bool ok = false;
            const qint64 ms = pair.mid(colon + 1).trimmed().toLongLong(&ok);
            return ok && ms > 0 ? ms : 0;
        }
    }
    return 0;
}

} // namespace

QByteArray ResponseParser::header(const Headers& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return QByteArray();
}

qint64 ResponseParser::throttlingTimeLeftMs(const Headers& headers)
{
    return qMax(
        timeLeftFrom(header(headers, "x-ratelimit-user-api")), timeLeftFrom(header(headers, "x-ratelimit-user")));
}

namespace {

// The preferred form (RFC 9110 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"), read by hand: every answer carries
// one, and QLocale's format parser costs more than the rest of the answer's parsing. Invalid when it is not exactly
// that form (with a weekday that matches the date); the general parser then decides.
QDateTime parseImfFixdate(const QByteArray& text)
{
    static const char days[] = "MonTueWedThuFriSatSun";
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (text.size() != 29 || text.mid(3, 2) != ", " || text.at(7) != ' ' || text.at(11) != ' ' || text.at(16) != ' '
        || text.at(19) != ':' || text.at(22) != ':' || !text.endsWith(" GMT"))
        return {};
    const auto number = [&text](int at, int digits) {
        int value = 0;
        for (int i = at; i < at + digits; ++i) {
            const char c = text.at(i);
            if (c < '0' || c > '9')
                return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    };
    const qsizetype month = QByteArray::fromRawData(months, 36).indexOf(text.mid(8, 3));
    const qsizetype weekday = QByteArray::fromRawData(days, 21).indexOf(text.left(3));
    if (month < 0 || month % 3 != 0 || weekday < 0 || weekday % 3 != 0)
        return {};
    const QDate date(number(12, 4), static_cast<int>(month / 3) + 1, number(5, 2));
    const QTime time(number(17, 2), number(20, 2), number(23, 2));
    if (!date.isValid() || !time.isValid() || date.dayOfWeek() != weekday / 3 + 1)
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

QDateTime ResponseParser::parseHttpDate(const QByteArray& value)
{
    if (QDateTime fixdate = parseImfFixdate(value.trimmed()); fixdate.isValid())
        return fixdate;
    const QString text = QString::fromLatin1(value).trimmed();
    if (text.isEmpty())
        return QDateTime();
    QDateTime parsed = QLocale::c().toDateTime(text, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!parsed.isValid())
        return QDateTime();
    // The format has no zone: the fields are GMT.
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed = QDateTime(parsed.date(), parsed.time(), QTimeZone::utc());
    return parsed.toUTC();
}

VerificationResult::Error ResponseParser::errorForCode(const QString& code)
{
    using E = VerificationResult::Error;
    const QString c = code.trimmed();
    const auto is = [&c](const char* name) { return c.compare(QLatin1String(name), Qt::CaseInsensitive) == 0; };
    const auto startsWith = [&c](const char* prefix) {
        return c.startsWith(QLatin1String(prefix), Qt::CaseInsensitive);
    };
    if (is("MissingParameter") || startsWith("MissingParameter.") || startsWith("Missing"))
        return E::MissingParameter;
    if (is("InvalidParameter") || startsWith("InvalidParameter."))
        return E::InvalidParameter;
    if (is("Forbidden.RAMUserAccessDenied"))
        return E::RamUserAccessDenied;
    if (is("Forbidden.AccountAccessDenied"))
        return E::AccountAccessDenied;
    if (is("Throttling") || startsWith("Throttling."))
        return E::Throttling;
    if (is("SignatureDoesNotMatch"))
        return E::SignatureDoesNotMatch;
    if (is("IncompleteSignature"))
        return E::IncompleteSignature;
    if (is("InvalidAccessKeyId") || startsWith("InvalidAccessKeyId."))
        return E::InvalidAccessKeyId;
    if (is("SignatureNonceUsed"))
        return E::SignatureNonceUsed;
    if (is("InvalidTimeStamp") || startsWith("InvalidTimeStamp."))
        return E::TimestampExpired;
    if (is("InternalError") || startsWith("InternalError."))
        return E::InternalError;
    if (is("ServiceUnavailable") || startsWith("ServiceUnavailable."))
        return E::ServiceUnavailable;
    return E::OtherApiError;
}

VerificationResult ResponseParser::parse(
    int httpStatus, const Headers& headers, const QByteArray& body, qint64 maxResponseBytes)
{
    VerificationResult r;
    const auto finish = [&](VerificationResult out) {
        out.httpStatus = httpStatus;
        out.serverDate = parseHttpDate(header(headers, "Date"));
        // 429 is throttling whatever code the body gives it.
        if (httpStatus == 429 && out.error == VerificationResult::Error::OtherApiError)
            out.error = VerificationResult::Error::Throttling;
        // A gateway that passed the request on and gave up waiting (504), or got no usable answer from behind it
        // (502): the service may have processed the request, and billed it. Not retried, as a timeout after sending.
        if ((httpStatus == 502 || httpStatus == 504) && out.status == VerificationResult::Status::ApiError
            && out.error != VerificationResult::Error::Throttling) {
            out.status = VerificationResult::Status::OutcomeUnknown;
            out.requestSent = true;
        }
        if (out.error == VerificationResult::Error::Throttling)
            out.retryAfterMs = throttlingTimeLeftMs(headers);
        return out;
    };

    if (maxResponseBytes > 0 && body.size() > maxResponseBytes) {
        r.status = VerificationResult::Status::NetworkError;
        r.error = VerificationResult::Error::OversizedResponse;
        r.detail = tr("The answer has %1 bytes, more than the limit of %2.").arg(body.size()).arg(maxResponseBytes);
        return finish(r);
    }

    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject()) {
        // The service answers in JSON: a page of another type (HTML from a proxy or a captive portal) is named as such.
        const QString type = mediaType(header(headers, "Content-Type"));
        QString why = jsonError.error != QJsonParseError::NoError
            ? tr("HTTP %1 with a body that is not JSON (%2 at offset %3).")
                  .arg(httpStatus)
                  .arg(jsonError.errorString())
                  .arg(jsonError.offset)
            : tr("HTTP %1 with a JSON body that is not an object.").arg(httpStatus);
        if (!type.isEmpty() && !type.contains(QLatin1String("json")))
            why = tr("HTTP %1 with a body of type %2, not JSON: the service's answers are JSON.")
                      .arg(httpStatus)
                      .arg(type);
        if (httpStatus >= 500 && httpStatus <= 599)
            return finish(serverFault(httpStatus, why));
        if (httpStatus == 429)
            return finish(tooManyRequests(why));
        r.status = VerificationResult::Status::NetworkError;
        r.error = VerificationResult::Error::MalformedResponse;
        r.detail = why;
        return finish(r);
    }

    const QJsonObject object = document.object();
    r.requestId = stringValue(object.value(QStringLiteral("RequestId")));
    r.code = stringValue(object.value(QStringLiteral("Code")));
    r.message = stringValue(object.value(QStringLiteral("Message")));

    const bool success = r.code.compare(QLatin1String("success"), Qt::CaseInsensitive) == 0;
    if (success && httpStatus >= 200 && httpStatus <= 299) {
        const QJsonValue resultValue = object.value(QStringLiteral("Result"));
        const QJsonObject result = resultValue.toObject();
        const QString passed = stringValue(result.value(QStringLiteral("Passed"))).trimmed();
        const QString subCode = stringValue(result.value(QStringLiteral("SubCode"))).trimmed();
        const bool passedKnown = passed.compare(QLatin1String("Y"), Qt::CaseInsensitive) == 0
            || passed.compare(QLatin1String("N"), Qt::CaseInsensitive) == 0;
        if (!resultValue.isObject() || !passedKnown || subCode.isEmpty()) {
            r.status = VerificationResult::Status::NetworkError;
            r.error = VerificationResult::Error::MalformedResponse;
            if (!resultValue.isObject())
                r.detail = tr("A success answer without a Result object.");
            else if (!passedKnown)
                r.detail = tr("A success answer whose Result.Passed is neither Y nor N.");
            else
                r.detail = tr("A success answer without Result.SubCode.");
            return finish(r);
        }
        r.passed = passed.compare(QLatin1String("Y"), Qt::CaseInsensitive) == 0;
        r.subCode = subCode;
        r.status = r.passed ? VerificationResult::Status::Passed : VerificationResult::Status::NotPassed;
        r.error = VerificationResult::Error::None;
        return finish(r);
    }

    if (r.code.isEmpty() || success) {
        // No error Code to go by (or "success" with an error status).
        const QString why = tr("HTTP %1 without an error code.").arg(httpStatus);
        if (httpStatus >= 500 && httpStatus <= 599) {
            VerificationResult fault = serverFault(httpStatus, why);
            fault.requestId = r.requestId;
            fault.code = r.code;
            fault.message = r.message;
            return finish(fault);
        }
        if (httpStatus == 429) {
            VerificationResult throttled = tooManyRequests(why);
            throttled.requestId = r.requestId;
            throttled.code = r.code;
            throttled.message = r.message;
            return finish(throttled);
        }
        r.status = VerificationResult::Status::NetworkError;
        r.error = VerificationResult::Error::MalformedResponse;
        r.detail = why;
        return finish(r);
    }

    r.status = VerificationResult::Status::ApiError;
    r.error = errorForCode(r.code);
    if (r.error == VerificationResult::Error::OtherApiError && httpStatus >= 500 && httpStatus <= 599) {
        if (httpStatus == 503)
            r.error = VerificationResult::Error::ServiceUnavailable;
    }
    return finish(r);
}
