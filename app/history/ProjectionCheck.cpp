#include "ProjectionCheck.h"

#include "history/AccountTable.h"
#include "history/CanonicalEvent.h"
#include "history/Review.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace ProjectionCheck {

namespace {

// Runs sql on q (forward only); when the table cannot be read, marks the report broken at the head with cannotRead
// (translated, %1 the database's error) and returns false.
bool readTable(QSqlQuery& q, const QString& sql, const QString& cannotRead, ChainReport& report)
{
    q.setForwardOnly(true);
    if (q.exec(sql))
        return true;
    markBroken(report, report.headSeq, QString(), cannotRead.arg(q.lastError().text()));
    return false;
}

} // namespace

void markBroken(ChainReport& report, qint64 seq, const QString& caseId, const QString& reason)
{
    if (!caseId.isEmpty()) // a case's record (its row, review, notes); accounts, reasons and the policy are not
        ++report.brokenCases;
    if (report.ok || seq < report.firstBrokenSeq) {
        report.ok = false;
        report.firstBrokenSeq = seq;
        report.brokenCaseId = caseId;
        report.reason = reason;
    }
}

namespace {

// Compares the reviews table (schema version 6 on) with the reviews the events describe: a state or an assignee
// edited in the table, a review row without events, or a reviewed case whose row is gone.
void compareReviews(QSqlDatabase& db, QHash<QByteArrayView, ExpectedCase>& cases, ChainReport& report)
{
    auto mismatch = [&](qint64 seq, const QString& caseId, const QString& reason) {
        markBroken(report, seq, caseId, reason);
    };
    QSqlQuery q(db);
    if (!readTable(q,
            QStringLiteral("SELECT case_id, state, assignee, escalated, proposed_by, proposed_decision, decision, "
                           "decided_by, approved_by, active, opened_by, opened_at, updated_at, proposed_reason, "
                           "decision_reason, decided_at FROM reviews"),
            ChainVerifier::tr("Cannot read the review records: %1"),
            report))
        return;
    while (q.next()) {
        const QString caseId = q.value(0).toString();
        const QByteArray caseIdUtf8 = caseId.toUtf8();
        const auto it = cases.find(QByteArrayView(caseIdUtf8));
        if (it == cases.end() || !it->review.constData() || it->review->state.isEmpty()) {
            mismatch(report.headSeq,
                caseId,
                ChainVerifier::tr("The review record of case %1 has no review events: it was inserted outside the "
                                  "application.")
                    .arg(caseId));
            continue;
        }
        ExpectedReview& r = *it->review;
        r.seen = true;
        const auto columnDiffers = [&q](int column, QByteArrayView expected) {
            return QByteArrayView(q.value(column).toString().toUtf8()) != expected;
        };
        // Review times are written with their event's time (schema version 6 came after exact times): exactly it,
        // and NULL exactly when there is none (-1).
        const auto timeDiffers = [&q](int column, qint64 expectedMs) {
            if (q.value(column).isNull() || q.value(column).toString().isEmpty())
                return expectedMs >= 0;
            return CanonicalEvent::parseTimestampMs(q.value(column).toString().toUtf8()) != expectedMs;
        };
        const bool closed = ReviewState::isClosed(QString::fromUtf8(r.state));
        const std::pair<const char*, bool> columns[] = { { "state", columnDiffers(1, r.state) },
            { "assignee", columnDiffers(2, r.assignee) },
            { "escalated", q.value(3).toInt() != (r.escalated ? 1 : 0) }, // exactly what the application writes
            { "proposed_by", columnDiffers(4, r.proposedBy) },
            { "proposed_decision", columnDiffers(5, r.proposedDecision) },
            { "decision", columnDiffers(6, r.decision) },
            { "decided_by", columnDiffers(7, r.decidedBy) },
            { "approved_by", columnDiffers(8, r.approvedBy) },
            { "active", q.value(9).toString() != (closed ? QLatin1String("0") : QLatin1String("1")) },
            { "opened_by", columnDiffers(10, r.openedBy) },
            { "opened_at", timeDiffers(11, r.openedMs) },
            { "updated_at", timeDiffers(12, r.updatedMs) },
            { "proposed_reason", columnDiffers(13, r.proposedReason) },
            { "decision_reason", columnDiffers(14, r.decisionReason) },
            { "decided_at", timeDiffers(15, r.decidedMs) } };
        QStringList differing;
        for (const auto& [name, differs] : columns) {
            if (differs)
                differing << QLatin1String(name);
        }
        if (!differing.isEmpty())
            mismatch(r.firstSeq,
                caseId,
                ChainVerifier::tr("The review record of case %1 does not match its events (%2): the reviews table "
                                  "was edited.")
                    .arg(caseId, differing.join(QStringLiteral(", "))));
    }
    for (auto it = cases.cbegin(); it != cases.cend(); ++it) {
        if (it->review.constData() && !it->review->state.isEmpty() && !it->review->seen)
            mismatch(it->review->firstSeq,
                QString::fromUtf8(it.key()),
                ChainVerifier::tr("The review record of case %1 is missing from the reviews table: it was deleted.")
                    .arg(QString::fromUtf8(it.key())));
    }
}

// The accounts table (schema version 5 on; what every authorization reads) against the accounts the events describe:
// a role raised, an account enabled or unlocked, a row added or deleted in the database. Reported at the account's
// account_created event, or at the head for a row with none. The password hash is compared by its digest, where the
// account's latest password event carries one.
void compareAccounts(QSqlDatabase& db, QHash<QString, ExpectedAccount>& accounts, ChainReport& report)
{
    QSqlQuery q(db);
    if (!readTable(q,
            QStringLiteral("SELECT name, role, disabled, locked_at, password_hash FROM accounts"),
            ChainVerifier::tr("Cannot read the accounts: %1"),
            report))
        return;
    while (q.next()) {
        const QString name = q.value(0).toString();
        const auto it = accounts.find(name);
        if (it == accounts.end() || it->seen) {
            markBroken(report,
                report.headSeq,
                QString(),
                ChainVerifier::tr("The account %1 has no account_created event: it was added outside the application.")
                    .arg(name));
            continue;
        }
        it->seen = true;
        const QString lockedAt = q.value(3).toString();
        const bool lockedDiffers = lockedAt.isEmpty()
            ? it->lockedMs >= 0
            : CanonicalEvent::parseTimestampMs(lockedAt.toUtf8()) != it->lockedMs;
        QStringList differing;
        if (q.value(1).toString() != it->role)
            differing << QStringLiteral("role");
        if (q.value(2).toInt() != (it->disabled ? 1 : 0))
            differing << QStringLiteral("disabled");
        if (lockedDiffers)
            differing << QStringLiteral("locked_at");
        if (!it->passwordDigest.isEmpty()
            && AccountTable::hashDigest(q.value(4).toString().toLatin1()).toLatin1() != it->passwordDigest)
            differing << QStringLiteral("password_hash");
        if (!differing.isEmpty())
            markBroken(report,
                it->createdSeq,
                QString(),
                ChainVerifier::tr("The account %1 does not match its events (%2): the accounts table was edited.")
                    .arg(name, differing.join(QStringLiteral(", "))));
    }
    for (auto it = accounts.cbegin(); it != accounts.cend(); ++it) {
        if (!it->seen)
            markBroken(report,
                it->createdSeq,
                QString(),
                ChainVerifier::tr("The account %1 is missing from the accounts table: it was deleted.").arg(it.key()));
    }
}

// The review notes and file names (review_texts, schema version 6 on) against the review_action events that wrote
// them: each row is there, belongs to its case and holds the ciphertext whose SHA-256 the event carries, or, once its
// case was purged, nothing (purged_at the purge's time); no row is there that no event wrote.
void compareTexts(QSqlDatabase& db, CaseProjection& projection, ChainReport& report)
{
    QSqlQuery q(db);
    if (!readTable(q,
            QStringLiteral("SELECT text_id, case_id, text_enc, purged_at FROM review_texts"),
            ChainVerifier::tr("Cannot read the review notes: %1"),
            report))
        return;
    while (q.next()) {
        const QString textId = q.value(0).toString();
        const auto it = projection.texts.find(textId);
        if (it == projection.texts.end() || it->seen) {
            markBroken(report,
                report.headSeq,
                q.value(1).toString(),
                ChainVerifier::tr("The review note %1 was written by no review event: it was inserted outside the "
                                  "application.")
                    .arg(textId));
            continue;
        }
        it->seen = true;
        const auto c = projection.cases.constFind(QByteArrayView(it->caseId.toUtf8()));
        const bool purged = c != projection.cases.constEnd() && c->purgedMs >= 0 && c->purgedSeq > it->seq;
        const QByteArray sealed = q.value(2).toByteArray();
        const QString purgedAt = q.value(3).toString();
        const bool matches = q.value(1).toString() == it->caseId
            && (purged ? sealed.isEmpty() && CanonicalEvent::parseTimestampMs(purgedAt.toUtf8()) == c->purgedMs
                       : purgedAt.isEmpty()
                        && QCryptographicHash::hash(sealed, QCryptographicHash::Sha256).toHex() == it->digest);
        if (!matches)
            markBroken(report,
                it->seq,
                it->caseId,
                ChainVerifier::tr("The review note %1 of case %2 is not the one its event wrote (removed, emptied, "
                                  "replaced or moved): the review_texts table was edited.")
                    .arg(textId, it->caseId));
    }
    for (auto it = projection.texts.cbegin(); it != projection.texts.cend(); ++it) {
        if (!it->seen)
            markBroken(report,
                it->seq,
                it->caseId,
                ChainVerifier::tr("The review note %1 of case %2 is missing from the review_texts table: it was "
                                  "deleted.")
                    .arg(it.key(), it->caseId));
    }
}

// The reason codes (review_reasons, schema version 6 on: the built-in ones, then what review_reason_changed events
// set) against the table the review dialogs and the timeline read: a label reworded, a code revived, retired, added or
// deleted in the database is reported.
void compareReasons(QSqlDatabase& db, const QHash<QString, ExpectedReason>& changed, ChainReport& report)
{
    QHash<QString, ExpectedReason> expected;
    for (const ReviewReason& builtIn : ReviewReason::defaults())
        expected.insert(builtIn.code, ExpectedReason { builtIn.label, true, 0 });
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        expected.insert(it.key(), *it);
    QSqlQuery q(db);
    if (!readTable(q,
            QStringLiteral("SELECT code, label, active FROM review_reasons"),
            ChainVerifier::tr("Cannot read the reason codes: %1"),
            report))
        return;
    const auto broken = [&report](qint64 seq, const QString& code) {
        markBroken(report,
            seq > 0 ? seq : report.headSeq,
            QString(),
            ChainVerifier::tr("The reason code %1 is not what its events set (its label, whether it is in use, or the "
                              "code itself): the review_reasons table was edited.")
                .arg(code));
    };
    while (q.next()) {
        const QString code = q.value(0).toString();
        const auto it = expected.find(code);
        if (it == expected.end()) {
            broken(0, code);
            continue;
        }
        if (q.value(1).toString() != it->label || q.value(2).toInt() != (it->active ? 1 : 0))
            broken(it->seq, code);
        expected.erase(it);
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        broken(it->seq, it.key());
}

// The team's review policy in meta (what every review write follows) against its review_policy_changed events, or the
// defaults before the first: an edit would let one person decide alone, or move every deadline.
void compareReviewPolicy(QSqlDatabase& db, const ExpectedReviewPolicy& policy, ChainReport& report)
{
    QSqlQuery q(db);
    QHash<QString, QString> kept;
    if (q.exec(QStringLiteral("SELECT key, value FROM meta WHERE key IN ('review_four_eyes', 'review_sla_hours')"))) {
        while (q.next())
            kept.insert(q.value(0).toString(), q.value(1).toString());
    }
    const QString fourEyes = policy.fourEyes ? QStringLiteral("1") : QStringLiteral("0");
    const QString slaHours = QString::number(policy.slaHours);
    if (kept.value(QStringLiteral("review_four_eyes")) == fourEyes
        && kept.value(QStringLiteral("review_sla_hours")) == slaHours)
        return;
    markBroken(report,
        report.headSeq,
        QString(),
        ChainVerifier::tr("The review policy kept in the history (four-eyes %1, %2 hours to decide) is not the one its "
                          "events set (four-eyes %3, %4 hours): it was changed outside the application.")
            .arg(kept.value(QStringLiteral("review_four_eyes"), ChainVerifier::tr("missing")),
                kept.value(QStringLiteral("review_sla_hours"), ChainVerifier::tr("missing")),
                fourEyes,
                slaHours));
}

} // namespace

void compareAll(QSqlDatabase& db, CaseProjection& projection, int schemaVersion, ChainReport& report)
{
    if (schemaVersion < 5)
        return; // neither accounts (version 5) nor manual review (version 6) yet
    compareAccounts(db, projection.accounts, report);
    if (schemaVersion < 6)
        return;
    compareReviews(db, projection.cases, report);
    compareReviewPolicy(db, projection.reviewPolicy, report);
    compareTexts(db, projection, report);
    compareReasons(db, projection.reasons, report);
}

} // namespace ProjectionCheck
