#include "CaseTable.h"

#include "history/AuditEvent.h"
#include "history/CanonicalEvent.h"
#include "history/PiiVault.h"

#include <QSqlError>
#include <QVariant>

namespace {

QString ts(const QDateTime& t)
{
    return QString::fromLatin1(CanonicalEvent::timestamp(t));
}

QString text(const QString& value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

Failure cannot(const QString& what, const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable, what.arg(q.lastError().text()));
}

} // namespace

CaseTable::CaseTable(const QSqlDatabase& db)
    : m_db(db)
    // Prepared once: the cases table's triggers (the dashboard's hourly counts) make these costly to compile, and a
    // verification runs each of them.
    , m_touch(db, QStringLiteral("UPDATE cases SET updated_at = ? WHERE case_id = ?"))
    , m_touchAttempt(db, QStringLiteral("UPDATE cases SET updated_at = ?, attempts = attempts + 1 WHERE case_id = ?"))
    , m_owner(db)
    , m_insert(db,
          QStringLiteral("INSERT INTO cases (case_id, created_at, updated_at, actor, workstation, "
                         "merchant_biz_id, scene_code, state, sub_code, passed, training, attempts, name_enc, "
                         "id_enc, name_masked, id_masked, id_index, purged_at) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', NULL, ?, 0, ?, ?, ?, ?, ?, NULL)"))
    , m_setOutcome(
          db, QStringLiteral("UPDATE cases SET state = ?, passed = ?, sub_code = ?, updated_at = ? WHERE case_id = ?"))
    , m_setFullOutcome(db,
          QStringLiteral("UPDATE cases SET state = ?, passed = ?, sub_code = ?, updated_at = ?, error_kind = ?, "
                         "error_code = ?, request_id = ? WHERE case_id = ?"))
{
    m_owner.setForwardOnly(true);
    m_owner.prepare(QStringLiteral("SELECT actor FROM cases WHERE case_id = ?"));
}

Failure CaseTable::missing(const QString& caseId) const
{
    return Failure(ErrorCode::NotFound, tr("There is no case %1 in the history.").arg(caseId));
}

Result<void> CaseTable::insert(const NewCase& row, const QDateTime& at, const Actor& actor, const SealedPii& pii)
{
    HotStatement& q = m_insert;
    const QByteArray created = CanonicalEvent::timestamp(at);
    q.bindText(0, row.caseId);
    q.bindText(1, QByteArrayView(created));
    q.bindText(2, QByteArrayView(created));
    q.bindText(3, text(actor.name));
    q.bindText(4, text(actor.workstation));
    q.bindText(5, text(row.merchantBizId));
    q.bindText(6, text(row.sceneCode));
    q.bindText(7, QByteArrayView(CaseState::pending));
    q.bindInt(8, row.training ? 1 : 0);
    q.bindBlob(9, pii.nameEnc);
    q.bindBlob(10, pii.idEnc);
    q.bindText(11, pii.nameMasked);
    q.bindText(12, pii.idMasked);
    if (pii.idIndex.isEmpty())
        q.bindNull(13);
    else
        q.bindText(13, QByteArrayView(pii.idIndex));
    if (QString error; !q.exec(error))
        return Failure(ErrorCode::Unavailable, tr("Cannot save the case: %1").arg(error));
    if (m_keep)
        m_keptOwners.insert(row.caseId, text(actor.name));
    return {};
}

Result<void> CaseTable::touch(const QString& caseId, const QDateTime& at, bool countAttempt)
{
    HotStatement& q = countAttempt ? m_touchAttempt : m_touch;
    q.bindText(0, QByteArrayView(CanonicalEvent::timestamp(at)));
    q.bindText(1, caseId);
    return changedOne(q, caseId);
}

Result<void> CaseTable::setOutcome(const QString& caseId,
    const QDateTime& at,
    const QString& state,
    std::optional<bool> passed,
    const QString& subCode,
    const std::optional<CallOutcome>& call)
{
    HotStatement& q = call ? m_setFullOutcome : m_setOutcome;
    int column = 0;
    q.bindText(column++, state);
    if (passed.has_value())
        q.bindInt(column++, *passed ? 1 : 0);
    else
        q.bindNull(column++);
    q.bindText(column++, text(subCode));
    q.bindText(column++, QByteArrayView(CanonicalEvent::timestamp(at)));
    if (call) {
        q.bindText(column++, text(call->errorKind));
        q.bindText(column++, text(call->errorKind.isEmpty() ? QString() : call->errorCode));
        q.bindText(column++, text(call->requestId));
    }
    q.bindText(column, caseId);
    return changedOne(q, caseId);
}

Result<void> CaseTable::changedOne(HotStatement& q, const QString& caseId) const
{
    if (QString error; !q.exec(error))
        return Failure(ErrorCode::Unavailable, tr("Cannot update the case: %1").arg(error));
    if (q.rowsAffected() != 1)
        return missing(caseId);
    return {};
}

Result<QStringList> CaseTable::purge(const QDateTime& cutoff, const QDateTime& at, qint64 maxSeq)
{
    // The age of a case is the time of its case_created event (hash-chained), not the editable created_at column;
    // the caller lists the purged cases in its event so that the verifier knows which records must be empty. A case
    // in an open manual review is kept until its review is decided: the review needs its data, and its steps notes.
    const QString selection = QStringLiteral("SELECT case_id FROM events WHERE kind = ? AND ts < ? AND seq <= ? "
                                             "AND case_id NOT IN (SELECT case_id FROM reviews WHERE active = 1)");
    auto bindSelection = [&](QSqlQuery& q, int first) {
        q.bindValue(first, QLatin1String(EventKind::caseCreated));
        q.bindValue(first + 1, ts(cutoff));
        q.bindValue(first + 2, maxSeq);
    };
    QStringList caseIds;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT case_id FROM cases WHERE purged_at IS NULL AND case_id IN (%1) "
                                 "ORDER BY case_id")
                      .arg(selection));
        bindSelection(q, 0);
        if (!q.exec())
            return cannot(tr("Cannot purge the history: %1"), q);
        while (q.next())
            caseIds.append(q.value(0).toString());
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE cases SET name_enc = ?, id_enc = ?, name_masked = NULL, id_masked = NULL, "
                             "id_index = NULL, purged_at = ? WHERE purged_at IS NULL AND case_id IN (%1)")
                  .arg(selection));
    q.bindValue(0, QVariant(QMetaType::fromType<QByteArray>()));
    q.bindValue(1, QVariant(QMetaType::fromType<QByteArray>()));
    q.bindValue(2, ts(at));
    bindSelection(q, 3);
    if (!q.exec())
        return cannot(tr("Cannot purge the history: %1"), q);
    if (q.numRowsAffected() != caseIds.size())
        return Failure(ErrorCode::Conflict, tr("Cannot purge the history: the cases changed while they were purged."));
    return caseIds;
}

Result<CaseTable::Sealed> CaseTable::sealed(const QString& caseId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name_enc, id_enc, purged_at FROM cases WHERE case_id = ?"));
    q.bindValue(0, caseId);
    if (!q.exec())
        return cannot(tr("Cannot read the history: %1"), q);
    if (!q.next())
        return missing(caseId);
    return Sealed { q.value(0).toByteArray(), q.value(1).toByteArray(), !q.value(2).isNull() };
}

Result<QString> CaseTable::ownerOf(const QString& caseId)
{
    if (const auto kept = m_keptOwners.constFind(caseId); kept != m_keptOwners.cend())
        return *kept;
    m_owner.bindValue(0, caseId);
    if (!m_owner.exec())
        return cannot(tr("Cannot read the case: %1"), m_owner);
    if (!m_owner.next())
        return missing(caseId);
    const QString owner = m_owner.value(0).toString();
    m_owner.finish();
    if (m_keep)
        m_keptOwners.insert(caseId, owner);
    return owner;
}

void CaseTable::keepReads(bool keep)
{
    m_keep = keep;
    m_keptOwners.clear();
}
