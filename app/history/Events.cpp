#include "Events.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonValue>

#include <concepts>
#include <limits>
#include <type_traits>

namespace Events {

namespace {

const char versionKey[] = "v";

// What a field holds, for the message that says it holds something else.
QString expected(const QString*)
{
    return QCoreApplication::translate("Events", "a string");
}

QString expected(const bool*)
{
    return QCoreApplication::translate("Events", "true or false");
}

QString expected(const int*)
{
    return QCoreApplication::translate("Events", "a whole number");
}

QString expected(const qint64*)
{
    return QCoreApplication::translate("Events", "a whole number");
}

QString expected(const QStringList*)
{
    return QCoreApplication::translate("Events", "a list of strings");
}

// A whole number that fits in qint64: QJsonValue keeps those as integers (whatever the notation they were read from)
// and writes them as plain digits; any other number would not write back the same bytes.
bool convert(const QJsonValue& value, qint64& out)
{
    if (!QCborValue::fromJsonValue(value).isInteger())
        return false;
    out = value.toInteger();
    return true;
}

bool convert(const QJsonValue& value, int& out)
{
    qint64 wide = 0;
    if (!convert(value, wide) || wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
        return false;
    out = static_cast<int>(wide);
    return true;
}

bool convert(const QJsonValue& value, QString& out)
{
    out = value.toString();
    return value.isString();
}

bool convert(const QJsonValue& value, bool& out)
{
    out = value.toBool();
    return value.isBool();
}

bool convert(const QJsonValue& value, QStringList& out)
{
    if (!value.isArray())
        return false;
    out.clear();
    for (const QJsonValue element : value.toArray()) {
        if (!element.isString())
            return false;
        out.append(element.toString());
    }
    return true;
}

QJsonValue toJson(const QString& value)
{
    return value;
}

QJsonValue toJson(bool value)
{
    return value;
}

QJsonValue toJson(int value)
{
    return value;
}

QJsonValue toJson(qint64 value)
{
    return value;
}

QJsonValue toJson(const QStringList& value)
{
    return QJsonArray::fromStringList(value);
}

// Reads the fields of one event out of its payload; what is left over is the event's extra. Remembers the first
// failure and ignores every field after it.
class Reader
{
public:
    Reader(const char* kind, QJsonObject payload)
        : m_kind(QString::fromLatin1(kind))
        , m_rest(std::move(payload))
    {
    }

    // A key every payload of the kind has.
    template <class T> void field(const char* key, T& out)
    {
        if (const std::optional<QJsonValue> value = take(key))
            convertOrFail(key, *value, out, false);
    }

    // A key that may be absent.
    template <class T> void field(const char* key, std::optional<T>& out)
    {
        out.reset();
        if (const std::optional<QJsonValue> value = take(key, false))
            convertOrFail(key, *value, out.emplace(), false);
    }

    // A key whose value may be null.
    template <class T> void nullable(const char* key, Nullable<T>& out)
    {
        out.reset();
        if (const std::optional<QJsonValue> value = take(key); value && !value->isNull())
            convertOrFail(key, *value, out.emplace(), true);
    }

    // A key that may be absent and whose value may be null.
    template <class T> void nullable(const char* key, std::optional<Nullable<T>>& out)
    {
        out.reset();
        if (const std::optional<QJsonValue> value = take(key, false); value && !value->isNull())
            convertOrFail(key, *value, out.emplace().emplace(), true);
        else if (value)
            out.emplace();
    }

    void checkVersion(int known);
    const std::optional<Failure>& failure() const { return m_failure; }
    QJsonObject rest() const { return m_rest; }

private:
    // The value of key, removed from the rest; std::nullopt when it is absent (a failure when it is required) or when
    // an earlier field failed.
    std::optional<QJsonValue> take(const char* key, bool required = true);
    template <class T> void convertOrFail(const char* key, const QJsonValue& value, T& out, bool nullAllowed)
    {
        if (!convert(value, out))
            wrongType(key, expected(&out), nullAllowed);
    }
    void wrongType(const char* key, const QString& what, bool nullAllowed);

    QString m_kind;
    QJsonObject m_rest;
    std::optional<Failure> m_failure;
};

std::optional<QJsonValue> Reader::take(const char* key, bool required)
{
    if (m_failure)
        return std::nullopt;
    const QJsonValue value = m_rest.take(QLatin1String(key));
    if (!value.isUndefined())
        return value;
    if (required) {
        m_failure = Failure(ErrorCode::Corrupt,
            QCoreApplication::translate("Events", "The %1 event has no %2.").arg(m_kind, QLatin1String(key)));
    }
    return std::nullopt;
}

void Reader::wrongType(const char* key, const QString& what, bool nullAllowed)
{
    const QString message = nullAllowed
        ? QCoreApplication::translate("Events", "The %1 event's %2 is neither %3 nor null.")
        : QCoreApplication::translate("Events", "The %1 event's %2 is not %3.");
    m_failure = Failure(ErrorCode::Corrupt, message.arg(m_kind, QLatin1String(key), what));
}

// Version 1 has no "v" key: a "v" names a later version, which must be one this reader knows.
void Reader::checkVersion(int known)
{
    const std::optional<QJsonValue> value = take(versionKey, false);
    if (!value)
        return;
    qint64 version = 0;
    if (!convert(*value, version) || version < 2) {
        m_failure = Failure(ErrorCode::Corrupt,
            QCoreApplication::translate("Events", "The %1 event has an invalid version.").arg(m_kind));
    } else if (version > known) {
        m_failure = Failure(ErrorCode::Corrupt,
            QCoreApplication::translate("Events",
                "The %1 event is version %2, newer than this version of eKYC Desk can read (up to version %3).")
                .arg(m_kind)
                .arg(version)
                .arg(known));
    }
}

// Writes the fields of one event over its extra.
class Writer
{
public:
    explicit Writer(QJsonObject extra)
        : m_out(std::move(extra))
    {
    }

    template <class T> void field(const char* key, const T& value) { m_out.insert(QLatin1String(key), toJson(value)); }

    template <class T> void field(const char* key, const std::optional<T>& value)
    {
        if (value)
            field(key, *value);
        else
            m_out.remove(QLatin1String(key));
    }

    template <class T> void nullable(const char* key, const Nullable<T>& value)
    {
        m_out.insert(QLatin1String(key), value ? toJson(*value) : QJsonValue(QJsonValue::Null));
    }

    template <class T> void nullable(const char* key, const std::optional<Nullable<T>>& value)
    {
        if (value)
            nullable(key, *value);
        else
            m_out.remove(QLatin1String(key));
    }

    void version(int version)
    {
        if (version > 1)
            m_out.insert(QLatin1String(versionKey), version);
        else
            m_out.remove(QLatin1String(versionKey));
    }

    QJsonObject object() const { return m_out; }

private:
    QJsonObject m_out;
};

} // namespace

// The fields of each kind, by key: one description serves both the Reader (E non-const) and the Writer (E const).
namespace {

template <class E, class... S>
concept OneOf = (std::same_as<std::remove_const_t<E>, S> || ...);

template <class Io, OneOf<CaseCreated> E> void describe(Io& io, E& e)
{
    io.field("merchantBizId", e.merchantBizId);
    io.field("sceneCode", e.sceneCode);
    io.field("training", e.training);
    io.field("productCode", e.productCode);
    io.field("docType", e.docType);
    io.field("validityStartDate", e.validityStartDate);
    io.field("validityEndDate", e.validityEndDate);
    io.field("merchantUserIdHash", e.merchantUserIdHash);
    io.field("endpoint", e.endpoint);
    io.field("acknowledgedWarnings", e.acknowledgedWarnings);
    io.field("reverifies", e.reverifies);
}

template <class Io, OneOf<AttemptSent> E> void describe(Io& io, E& e)
{
    io.field("attempt", e.attempt);
    io.field("merchantBizId", e.merchantBizId);
    io.field("endpoint", e.endpoint);
    io.field("training", e.training);
}

template <class Io, class E> void describeOutcome(Io& io, E& e)
{
    io.field("requestId", e.requestId);
    io.field("code", e.code);
    io.field("message", e.message);
    io.field("merchantBizId", e.merchantBizId);
    io.field("httpStatus", e.httpStatus);
    io.nullable("error", e.error);
    io.field("attempts", e.attempts);
    io.field("status", e.status);
    io.field("mayHaveBeenBilled", e.mayHaveBeenBilled);
    io.field("latencyMs", e.latencyMs);
    io.field("detail", e.detail);
    io.field("attempt", e.attempt);
}

template <class Io, OneOf<ResponseReceived, AttemptFailed> E> void describe(Io& io, E& e)
{
    describeOutcome(io, e);
    io.field("passed", e.passed);
    io.field("subCode", e.subCode);
}

template <class Io, OneOf<CaseCompleted, ReviewDecision> E> void describe(Io& io, E& e)
{
    describeOutcome(io, e);
    io.field("state", e.state);
    io.nullable("passed", e.passed);
    io.field("subCode", e.subCode);
}

template <class Io, OneOf<ReverifyLink> E> void describe(Io& io, E& e)
{
    io.field("newCaseId", e.newCaseId);
}

template <class Io, OneOf<PiiRevealed> E> void describe(Io& io, E& e)
{
    io.field("reason", e.reason);
}

template <class Io, OneOf<ExportMade> E> void describe(Io& io, E& e)
{
    io.field("format", e.format);
    io.field("cases", e.cases);
    io.field("caseIds", e.caseIds);
    io.field("what", e.what);
    io.field("rows", e.rows);
    io.field("file", e.file);
    io.field("manifestHash", e.manifestHash);
    io.field("unmasked", e.unmasked);
    io.field("reason", e.reason);
    io.field("filter", e.filter);
    io.field("firstSeq", e.firstSeq);
    io.field("lastSeq", e.lastSeq);
}

template <class Io, OneOf<SettingsChanged> E> void describe(Io& io, E& e)
{
    io.field("changed", e.changed);
}

template <class Io, OneOf<CredentialSourceChanged> E> void describe(Io& io, E& e)
{
    io.field("source", e.source);
    io.field("accessKeyId", e.accessKeyId);
    io.field("sts", e.sts);
}

template <class Io, OneOf<Login> E> void describe(Io& io, E& e)
{
    io.field("user", e.user);
    io.field("role", e.role);
}

template <class Io, OneOf<LoginFailed> E> void describe(Io& io, E& e)
{
    io.field("user", e.user);
    io.field("reason", e.reason);
}

template <class Io, OneOf<RetentionPurge> E> void describe(Io& io, E& e)
{
    io.field("cutoff", e.cutoff);
    io.field("cases", e.cases);
    io.field("caseIds", e.caseIds);
}

template <class Io, OneOf<AnchorExported> E> void describe(Io& io, E& e)
{
    io.field("seq", e.seq);
    io.field("hash", e.hash);
}

template <class Io, OneOf<Checkpoint> E> void describe(Io& io, E& e)
{
    io.field("seq", e.seq);
    io.field("hash", e.hash);
    io.field("signature", e.signature);
    io.field("key", e.key);
    io.field("reason", e.reason);
    io.field("interval", e.interval);
}

template <class Io, OneOf<HistoryCreated> E> void describe(Io& io, E& e)
{
    io.field("historyId", e.historyId);
    io.field("schemaVersion", e.schemaVersion);
}

template <class Io, OneOf<AccountCreated> E> void describe(Io& io, E& e)
{
    io.field("user", e.user);
    io.field("role", e.role);
    io.field("passwordDigest", e.passwordDigest);
}

template <class Io, OneOf<AccountChanged> E> void describe(Io& io, E& e)
{
    io.field("user", e.user);
    io.field("change", e.change);
    io.field("role", e.role);
    io.field("previousRole", e.previousRole);
    io.field("passwordDigest", e.passwordDigest);
}

template <class Io, OneOf<AccountLocked> E> void describe(Io& io, E& e)
{
    io.field("user", e.user);
    io.field("failures", e.failures);
}

template <class Io, OneOf<AccessRefused> E> void describe(Io& io, E& e)
{
    io.field("operation", e.operation);
    io.field("role", e.role);
    io.field("reason", e.reason);
}

template <class Io, OneOf<SessionLocked> E> void describe(Io& io, E& e)
{
    io.field("idleMinutes", e.idleMinutes);
}

template <class Io, OneOf<SessionUnlocked> E> void describe(Io&, E&) { }

template <class Io, OneOf<SpoolRecordSetAside> E> void describe(Io& io, E& e)
{
    io.field("reason", e.reason);
    io.field("lineSha256", e.lineSha256);
}

template <class Io, OneOf<ReviewStep> E> void describe(Io& io, E& e)
{
    io.field("action", e.action);
    io.field("state", e.state);
    io.field("decision", e.decision);
    io.field("reasonCode", e.reasonCode);
    io.field("assignee", e.assignee);
    io.field("proposedBy", e.proposedBy);
    io.field("escalated", e.escalated);
    io.field("noteId", e.noteId);
    io.field("noteDigest", e.noteDigest);
    io.field("fileNameId", e.fileNameId);
    io.field("fileNameDigest", e.fileNameDigest);
    io.field("sha256", e.sha256);
    io.field("fileSize", e.fileSize);
    io.field("withdrewProposal", e.withdrewProposal);
    io.field("cause", e.cause);
}

template <class Io, OneOf<ReviewReasonChanged> E> void describe(Io& io, E& e)
{
    io.field("code", e.code);
    io.field("label", e.label);
    io.field("active", e.active);
}

template <class Io, OneOf<ReviewPolicyChanged> E> void describe(Io& io, E& e)
{
    io.field("fourEyes", e.fourEyes);
    io.field("slaHours", e.slaHours);
}

template <class E> QJsonObject write(const E& event)
{
    Writer writer(event.extra);
    describe(writer, event);
    writer.version(E::version);
    return writer.object();
}

template <class E> Result<Event> read(const QJsonObject& payload)
{
    Reader reader(E::kind, payload);
    reader.checkVersion(E::version);
    E event;
    describe(reader, event);
    if (reader.failure())
        return *reader.failure();
    event.extra = reader.rest();
    return Event(std::move(event));
}

template <class... E> Result<Event> readKind(const QString& kind, const QJsonObject& payload, std::variant<E...>*)
{
    std::optional<Result<Event>> result;
    (void)((kind == QLatin1String(E::kind) && (result.emplace(read<E>(payload)), true)) || ...);
    if (!result)
        return Failure(
            ErrorCode::Corrupt, QCoreApplication::translate("Events", "Unknown audit event kind %1.").arg(kind));
    return *std::move(result);
}

} // namespace

QString kindOf(const Event& event)
{
    return std::visit([](const auto& e) { return QString::fromLatin1(std::remove_cvref_t<decltype(e)>::kind); }, event);
}

QJsonObject toPayload(const Event& event)
{
    return std::visit([](const auto& e) { return write(e); }, event);
}

Result<Event> fromPayload(const QString& kind, const QJsonObject& payload)
{
    return readKind(kind, payload, static_cast<Event*>(nullptr));
}

QString wrongKindMessage(const QString& kind, const char* expected)
{
    return QCoreApplication::translate("Events", "Expected a %1 event, not a %2 event.")
        .arg(QLatin1String(expected), kind);
}

} // namespace Events
