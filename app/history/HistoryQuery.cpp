#include "HistoryQuery.h"

#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"
#include "history/Review.h"

#include <QJsonValue>
#include <QTimeZone>

QString CaseSummary::displayState(const QString& state)
{
    if (state == QLatin1String(CaseState::pending))
        return tr("pending — retry");
    if (state == QLatin1String(CaseState::completed))
        return tr("completed");
    if (state == QLatin1String(CaseState::failed))
        return tr("failed — safe to retry");
    if (state == QLatin1String(CaseState::refused))
        return tr("refused by the service");
    if (state == QLatin1String(CaseState::outcomeUnknown))
        return tr("outcome unknown — may have been billed");
    if (state == QLatin1String(CaseState::reviewed))
        return tr("reviewed");
    return state;
}

QString CaseSummary::displayState() const
{
    return displayState(state);
}

QJsonObject CaseSummary::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("caseId"), caseId);
    o.insert(QStringLiteral("createdAt"), QString::fromLatin1(CanonicalEvent::timestamp(createdAt)));
    o.insert(QStringLiteral("updatedAt"), QString::fromLatin1(CanonicalEvent::timestamp(updatedAt)));
    o.insert(QStringLiteral("actor"), actor);
    o.insert(QStringLiteral("workstation"), workstation);
    o.insert(QStringLiteral("merchantBizId"), merchantBizId);
    o.insert(QStringLiteral("sceneCode"), sceneCode);
    o.insert(QStringLiteral("state"), state);
    o.insert(QStringLiteral("subCode"), subCode);
    o.insert(QStringLiteral("passed"), passed.has_value() ? QJsonValue(*passed) : QJsonValue());
    o.insert(QStringLiteral("training"), training);
    o.insert(QStringLiteral("attempts"), attempts);
    o.insert(QStringLiteral("nameMasked"), nameMasked);
    o.insert(QStringLiteral("idNumberMasked"), idMasked);
    o.insert(QStringLiteral("purged"), purged);
    o.insert(QStringLiteral("outcome"), outcome());
    o.insert(QStringLiteral("errorKind"), errorKind);
    o.insert(QStringLiteral("errorCode"), errorCode);
    o.insert(QStringLiteral("requestId"), requestId);
    o.insert(QStringLiteral("reviewState"), reviewState);
    return o;
}

QString CaseSummary::outcome() const
{
    if (subCode == QLatin1String("200"))
        return QLatin1String(HistoryOutcome::passed);
    if (subCode == QLatin1String("202") || subCode == QLatin1String("223"))
        return subCode;
    if (state == QLatin1String(CaseState::failed) || state == QLatin1String(CaseState::refused))
        return QLatin1String(HistoryOutcome::error);
    if (state == QLatin1String(CaseState::outcomeUnknown))
        return QLatin1String(HistoryOutcome::unknown);
    if (state == QLatin1String(CaseState::reviewed))
        return QLatin1String(HistoryOutcome::reviewed);
    return QLatin1String(HistoryOutcome::pending);
}

QStringList HistoryOutcome::all()
{
    return { QLatin1String(passed),
        QLatin1String(notFound),
        QLatin1String(mismatch),
        QLatin1String(error),
        QLatin1String(unknown),
        QLatin1String(pending),
        QLatin1String(reviewed) };
}

QString HistoryOutcome::displayName(const QString& outcome)
{
    if (outcome == QLatin1String(passed))
        return HistoryQuery::tr("passed");
    if (outcome == QLatin1String(notFound))
        return HistoryQuery::tr("202 not in the database");
    if (outcome == QLatin1String(mismatch))
        return HistoryQuery::tr("223 mismatch");
    if (outcome == QLatin1String(error))
        return HistoryQuery::tr("error");
    if (outcome.startsWith(QLatin1String("error:")))
        return HistoryQuery::tr("error: %1").arg(outcome.mid(6));
    if (outcome == QLatin1String(unknown))
        return HistoryQuery::tr("outcome unknown");
    if (outcome == QLatin1String(pending))
        return HistoryQuery::tr("pending");
    if (outcome == QLatin1String(reviewed))
        return HistoryQuery::tr("reviewed");
    return outcome;
}

QStringList HistorySort::all()
{
    return { QLatin1String(time),
        QLatin1String(reviewer),
        QLatin1String(name),
        QLatin1String(idNumber),
        QLatin1String(merchantBizId),
        QLatin1String(scene),
        QLatin1String(outcome),
        QLatin1String(errorCode),
        QLatin1String(reviewState),
        QLatin1String(attempts) };
}

namespace {

QString ts(const QDateTime& at)
{
    return QString::fromLatin1(CanonicalEvent::timestamp(at));
}

// A local date (the start of the day) or an ISO date-time; invalid when neither.
QDateTime parseMoment(const QString& text, bool endOfDay)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid() && text.size() == 10)
        return QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), QTimeZone::systemTimeZone()).toUTC();
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : QDateTime();
}

// 1 yes, 0 no, -1 either, -2 not a yes or no.
int parseYesNo(const QString& value)
{
    const QString v = value.toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("true") || v == QLatin1String("1"))
        return 1;
    if (v == QLatin1String("no") || v == QLatin1String("false") || v == QLatin1String("0"))
        return 0;
    if (v.isEmpty() || v == QLatin1String("any"))
        return -1;
    return -2;
}

bool validOutcome(const QString& value)
{
    if (value.startsWith(QLatin1String("error:")))
        return value.size() > 6;
    return HistoryOutcome::all().contains(value);
}

const QStringList& caseStates()
{
    static const QStringList states = { QLatin1String(CaseState::pending),
        QLatin1String(CaseState::completed),
        QLatin1String(CaseState::failed),
        QLatin1String(CaseState::refused),
        QLatin1String(CaseState::outcomeUnknown),
        QLatin1String(CaseState::reviewed) };
    return states;
}

bool validReviewState(const QString& value)
{
    static const QStringList states = { QStringLiteral("none"),
        QLatin1String(ReviewState::open),
        QLatin1String(ReviewState::inReview),
        QLatin1String(ReviewState::proposed),
        QLatin1String(ReviewState::escalated),
        QLatin1String(ReviewState::approved),
        QLatin1String(ReviewState::rejected),
        QLatin1String(ReviewState::reopened) };
    return states.contains(value);
}

} // namespace

QStringList HistoryQuery::keys()
{
    return { QStringLiteral("from"),
        QStringLiteral("to"),
        QStringLiteral("reviewer"),
        QStringLiteral("outcome"),
        QStringLiteral("state"),
        QStringLiteral("subcode"),
        QStringLiteral("review"),
        QStringLiteral("scene"),
        QStringLiteral("training"),
        QStringLiteral("passed"),
        QStringLiteral("id_number"),
        QStringLiteral("merchant_biz_id"),
        QStringLiteral("request_id"),
        QStringLiteral("sort") };
}

Result<void> HistoryQuery::set(const QString& key, const QString& rawValue)
{
    const QString value = rawValue.trimmed();
    const auto bad = [&key, &rawValue](const QString& expected) {
        return Failure(
            ErrorCode::InvalidArgument, tr("The filter %1 cannot be \"%2\": %3").arg(key, rawValue, expected));
    };
    if (key == QLatin1String("from") || key == QLatin1String("to")) {
        const bool to = key == QLatin1String("to");
        const QDateTime at = value.isEmpty() ? QDateTime() : parseMoment(value, to);
        if (!value.isEmpty() && !at.isValid())
            return bad(tr("give a date as YYYY-MM-DD"));
        (to ? this->to : from) = at;
    } else if (key == QLatin1String("reviewer")) {
        actor = value;
    } else if (key == QLatin1String("outcome")) {
        if (!value.isEmpty() && !validOutcome(value))
            return bad(tr("one of %1, or error:KIND").arg(HistoryOutcome::all().join(QStringLiteral(", "))));
        outcome = value;
    } else if (key == QLatin1String("state")) {
        if (!value.isEmpty() && !caseStates().contains(value))
            return bad(tr("one of %1").arg(caseStates().join(QStringLiteral(", "))));
        state = value;
    } else if (key == QLatin1String("subcode")) {
        if (!value.isEmpty() && value != QLatin1String("200") && value != QLatin1String("202")
            && value != QLatin1String("223"))
            return bad(tr("200, 202 or 223"));
        subCode = value;
    } else if (key == QLatin1String("review")) {
        if (!value.isEmpty() && !validReviewState(value))
            return bad(tr("a review state (open, in_review, proposed, escalated, approved, rejected, reopened) or "
                          "none"));
        reviewState = value;
    } else if (key == QLatin1String("scene")) {
        sceneCode = value;
    } else if (key == QLatin1String("training") || key == QLatin1String("passed")) {
        const int flag = parseYesNo(value);
        if (flag == -2)
            return bad(tr("yes or no"));
        (key == QLatin1String("training") ? training : passed) =
            flag < 0 ? std::optional<bool>() : std::optional<bool>(flag == 1);
    } else if (key == QLatin1String("id_number")) {
        idNumber = value.toUpper();
    } else if (key == QLatin1String("merchant_biz_id")) {
        merchantBizId = value;
    } else if (key == QLatin1String("request_id")) {
        requestId = value;
    } else if (key == QLatin1String("sort")) {
        const bool desc = value.startsWith(u'-');
        const QString column = desc ? value.mid(1) : value;
        if (!HistorySort::all().contains(column))
            return bad(tr("one of %1, with - before it for descending").arg(HistorySort::all().join(u", ")));
        sortKey = column;
        descending = desc;
    } else {
        return Failure(ErrorCode::InvalidArgument,
            tr("There is no filter %1. Filters: %2").arg(key, keys().join(QStringLiteral(", "))));
    }
    return {};
}

QJsonObject HistoryQuery::toJson() const
{
    QJsonObject o;
    const auto put = [&o](const char* key, const QString& value) {
        if (!value.isEmpty())
            o.insert(QLatin1String(key), value);
    };
    if (from.isValid())
        o.insert(QStringLiteral("from"), ts(from));
    if (to.isValid())
        o.insert(QStringLiteral("to"), ts(to));
    put("reviewer", actor);
    put("outcome", outcome);
    put("state", state);
    put("subcode", subCode);
    put("review", reviewState);
    put("scene", sceneCode);
    if (training.has_value())
        o.insert(QStringLiteral("training"), *training ? QStringLiteral("yes") : QStringLiteral("no"));
    if (passed.has_value())
        o.insert(QStringLiteral("passed"), *passed ? QStringLiteral("yes") : QStringLiteral("no"));
    if (!idNumber.isEmpty())
        o.insert(QStringLiteral("idNumberGiven"), true);
    put("merchant_biz_id", merchantBizId);
    put("request_id", requestId);
    o.insert(QStringLiteral("sort"), descending ? u'-' + sortKey : sortKey);
    return o;
}

Result<HistoryQuery> HistoryQuery::fromJson(const QJsonObject& object)
{
    HistoryQuery query;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("idNumberGiven"))
            continue;
        if (Result<void> set = query.set(it.key(), it.value().toString()); !set)
            return set.failure();
    }
    return query;
}

bool HistoryQuery::hasFilter() const
{
    return from.isValid() || to.isValid() || !actor.isEmpty() || !outcome.isEmpty() || !state.isEmpty()
        || !subCode.isEmpty() || !reviewState.isEmpty() || !sceneCode.isEmpty() || passed.has_value()
        || training.has_value() || !idNumber.isEmpty() || !merchantBizId.isEmpty() || !requestId.isEmpty()
        || afterSeq >= 0;
}

QString HistoryQuery::sortExpression() const
{
    static const QHash<QString, QString> expressions = {
        { QLatin1String(HistorySort::time), QStringLiteral("c.created_at") },
        { QLatin1String(HistorySort::reviewer), QStringLiteral("c.actor") },
        { QLatin1String(HistorySort::name), QStringLiteral("COALESCE(c.name_masked, '')") },
        { QLatin1String(HistorySort::idNumber), QStringLiteral("COALESCE(c.id_masked, '')") },
        { QLatin1String(HistorySort::merchantBizId), QStringLiteral("c.merchant_biz_id") },
        { QLatin1String(HistorySort::scene), QStringLiteral("c.scene_code") },
        { QLatin1String(HistorySort::outcome), QStringLiteral("(c.sub_code || c.state)") },
        { QLatin1String(HistorySort::errorCode), QStringLiteral("(c.error_code || c.error_kind)") },
        { QLatin1String(HistorySort::reviewState), QStringLiteral("COALESCE(r.state, '')") },
        { QLatin1String(HistorySort::attempts), QStringLiteral("c.attempts") },
        { QLatin1String(HistorySort::chain),
            QStringLiteral("(SELECT MIN(e.seq) FROM events e WHERE e.case_id = c.case_id)") },
    };
    return expressions.value(sortKey, QStringLiteral("c.created_at"));
}

QVariant HistoryQuery::sortValue(const CaseSummary& row) const
{
    const QString key = HistorySort::all().contains(sortKey) ? sortKey : QLatin1String(HistorySort::time);
    if (key == QLatin1String(HistorySort::attempts))
        return row.attempts;
    QString value;
    if (key == QLatin1String(HistorySort::reviewer))
        value = row.actor;
    else if (key == QLatin1String(HistorySort::name))
        value = row.nameMasked;
    else if (key == QLatin1String(HistorySort::idNumber))
        value = row.idMasked;
    else if (key == QLatin1String(HistorySort::merchantBizId))
        value = row.merchantBizId;
    else if (key == QLatin1String(HistorySort::scene))
        value = row.sceneCode;
    else if (key == QLatin1String(HistorySort::outcome))
        value = row.subCode + row.state;
    else if (key == QLatin1String(HistorySort::errorCode))
        value = row.errorCode + row.errorKind;
    else if (key == QLatin1String(HistorySort::reviewState))
        value = row.reviewState;
    else
        value = ts(row.createdAt);
    // A null QString would be bound as SQL NULL, which compares with nothing; the SQL side is COALESCEd to ''.
    return value.isNull() ? QStringLiteral("") : value;
}

QString HistoryQuery::orderBy() const
{
    const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    return QStringLiteral(" ORDER BY ") + sortExpression() + direction + QStringLiteral(", c.case_id") + direction;
}

namespace {

void addOutcome(const QString& outcome, QStringList* terms, QVariantList* values)
{
    const auto add = [&](const QString& term, const QVariant& value) {
        *terms << term;
        values->append(value);
    };
    if (outcome == QLatin1String(HistoryOutcome::passed))
        add(QStringLiteral("c.sub_code = ?"), QStringLiteral("200"));
    else if (outcome == QLatin1String(HistoryOutcome::notFound) || outcome == QLatin1String(HistoryOutcome::mismatch))
        add(QStringLiteral("c.sub_code = ?"), outcome);
    else if (outcome == QLatin1String(HistoryOutcome::error))
        *terms << QStringLiteral("c.state IN ('failed', 'refused')");
    else if (outcome.startsWith(QLatin1String("error:")))
        add(QStringLiteral("c.error_kind = ?"), outcome.mid(6));
    else if (outcome == QLatin1String(HistoryOutcome::unknown))
        add(QStringLiteral("c.state = ?"), QLatin1String(CaseState::outcomeUnknown));
    else if (outcome == QLatin1String(HistoryOutcome::pending))
        add(QStringLiteral("c.state = ?"), QLatin1String(CaseState::pending));
    else if (outcome == QLatin1String(HistoryOutcome::reviewed))
        add(QStringLiteral("c.state = ?"), QLatin1String(CaseState::reviewed));
}

} // namespace

QString HistoryQuery::fromWhere(const QByteArray& idIndex, const HistoryCursor& after, QVariantList* values) const
{
    QStringList terms;
    auto add = [&](const QString& term, const QVariant& value) {
        terms << term;
        values->append(value);
    };
    if (from.isValid())
        add(QStringLiteral("c.created_at >= ?"), ts(from));
    if (to.isValid())
        add(QStringLiteral("c.created_at < ?"), ts(to));
    if (!actor.isEmpty())
        add(QStringLiteral("c.actor = ?"), actor);
    if (!outcome.isEmpty())
        addOutcome(outcome, &terms, values);
    if (!state.isEmpty())
        add(QStringLiteral("c.state = ?"), state);
    if (!subCode.isEmpty())
        add(QStringLiteral("c.sub_code = ?"), subCode);
    if (reviewState == QLatin1String("none"))
        terms << QStringLiteral("r.case_id IS NULL");
    else if (!reviewState.isEmpty())
        add(QStringLiteral("r.state = ?"), reviewState);
    if (!sceneCode.isEmpty())
        add(QStringLiteral("c.scene_code = ?"), sceneCode);
    if (passed.has_value())
        add(QStringLiteral("c.passed = ?"), *passed ? 1 : 0);
    if (training.has_value())
        add(QStringLiteral("c.training = ?"), *training ? 1 : 0);
    if (!idNumber.isEmpty())
        add(QStringLiteral("c.id_index = ?"), QString::fromLatin1(idIndex));
    if (!merchantBizId.isEmpty())
        add(QStringLiteral("c.merchant_biz_id = ?"), merchantBizId);
    if (!requestId.isEmpty())
        add(QStringLiteral("c.request_id = ?"), requestId);
    if (afterSeq >= 0)
        add(QStringLiteral("(SELECT MIN(e.seq) FROM events e WHERE e.case_id = c.case_id) > ?"), afterSeq);
    if (!after.isNull()) {
        // Chain order has no sortValue() (it would page by time): it is for single lookups only (latestSent).
        Q_ASSERT(sortKey != QLatin1String(HistorySort::chain));
        const QString expr = sortExpression();
        const QString cmp = descending ? QStringLiteral("<") : QStringLiteral(">");
        terms << QStringLiteral("(%1 %2 ? OR (%1 = ? AND c.case_id %2 ?))").arg(expr, cmp);
        values->append(after.sortValue);
        values->append(after.sortValue);
        values->append(after.caseId);
    }
    QString sql = QStringLiteral("FROM cases c LEFT JOIN reviews r ON r.case_id = c.case_id");
    if (!terms.isEmpty())
        sql += QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
    return sql;
}
