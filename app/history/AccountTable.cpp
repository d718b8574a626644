#include "AccountTable.h"

#include "history/CanonicalEvent.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

QString ts(const QDateTime& t)
{
    return QString::fromLatin1(CanonicalEvent::timestamp(t));
}

QDateTime parseTs(const QString& text)
{
    return CanonicalEvent::parseTimestamp(text);
}

QVariant nullableTs(const QDateTime& t)
{
    return t.isValid() ? QVariant(ts(t)) : QVariant(QMetaType::fromType<QString>());
}

QString columns()
{
    return QStringLiteral("name, role, disabled, locked_at, created_at, created_by, updated_at, failures");
}

Account fromRow(const QSqlQuery& q)
{
    Account a;
    a.name = q.value(0).toString();
    a.role = q.value(1).toString();
    a.disabled = q.value(2).toInt() != 0;
    if (!q.value(3).isNull())
        a.lockedAt = parseTs(q.value(3).toString());
    a.createdAt = parseTs(q.value(4).toString());
    a.createdBy = q.value(5).toString();
    a.updatedAt = parseTs(q.value(6).toString());
    for (const QString& t : q.value(7).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))
        a.failures.append(parseTs(t));
    return a;
}

Failure cannot(const QString& what, const QSqlQuery& q)
{
    return Failure(ErrorCode::Unavailable, what.arg(q.lastError().text()));
}

} // namespace

AccountTable::AccountTable(const QSqlDatabase& db)
    : m_db(db)
    , m_find(db)
    , m_count(db)
{
    m_find.prepare(QStringLiteral("SELECT %1 FROM accounts WHERE name = ?").arg(columns()));
    m_count.prepare(QStringLiteral("SELECT COUNT(*) FROM accounts"));
}

void AccountTable::keepReads(bool keep)
{
    m_keep = keep;
    m_keptCount.reset();
    m_keptFind.clear();
}

Result<int> AccountTable::count() const
{
    if (m_keptCount)
        return *m_keptCount;
    if (!m_count.exec() || !m_count.next())
        return cannot(tr("Cannot read the accounts: %1"), m_count);
    const int n = m_count.value(0).toInt();
    m_count.finish();
    if (m_keep)
        m_keptCount = n;
    return n;
}

Result<Account> AccountTable::find(const QString& name) const
{
    if (const auto kept = m_keptFind.constFind(name); kept != m_keptFind.cend())
        return *kept;
    m_find.bindValue(0, name);
    if (!m_find.exec())
        return cannot(tr("Cannot read the accounts: %1"), m_find);
    Result<Account> found = m_find.next()
        ? Result<Account>(fromRow(m_find))
        : Result<Account>(Failure(ErrorCode::NotFound, tr("There is no account %1.").arg(name)));
    m_find.finish();
    if (m_keep)
        m_keptFind.insert(name, found);
    return found;
}

Result<QByteArray> AccountTable::passwordHash(const QString& name) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT password_hash FROM accounts WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return cannot(tr("Cannot read the accounts: %1"), q);
    if (!q.next())
        return Failure(ErrorCode::NotFound, tr("There is no account %1.").arg(name));
    return q.value(0).toString().toLatin1();
}

Result<QList<Account>> AccountTable::all() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM accounts ORDER BY name").arg(columns())))
        return cannot(tr("Cannot read the accounts: %1"), q);
    QList<Account> accounts;
    while (q.next())
        accounts.append(fromRow(q));
    return accounts;
}

QString AccountTable::hashDigest(const QByteArray& passwordHash)
{
    return QString::fromLatin1(QCryptographicHash::hash(passwordHash, QCryptographicHash::Sha256).toHex());
}

Result<void> AccountTable::insert(const Account& account, const QByteArray& passwordHash)
{
    keepReads(m_keep); // what was kept may change now
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO accounts (name, role, password_hash, disabled, locked_at, failures, "
                             "created_at, created_by, updated_at) VALUES (?, ?, ?, 0, NULL, '', ?, ?, ?)"));
    for (const QVariant& value : QVariantList { account.name,
             account.role,
             QString::fromLatin1(passwordHash),
             ts(account.createdAt),
             account.createdBy,
             ts(account.createdAt) })
        q.addBindValue(value);
    if (!q.exec())
        return cannot(tr("Cannot save the account: %1"), q);
    return {};
}

Result<void> AccountTable::update(const QString& sql, const QVariantList& values, const QString& name)
{
    keepReads(m_keep); // what was kept may change now
    QSqlQuery q(m_db);
    q.prepare(sql);
    for (const QVariant& value : values)
        q.addBindValue(value);
    q.addBindValue(name);
    if (!q.exec())
        return cannot(tr("Cannot save the account: %1"), q);
    if (q.numRowsAffected() != 1)
        return Failure(ErrorCode::NotFound, tr("There is no account %1.").arg(name));
    return {};
}

Result<void> AccountTable::setRole(const QString& name, const QString& role, const QDateTime& at)
{
    return update(
        QStringLiteral("UPDATE accounts SET role = ?, updated_at = ? WHERE name = ?"), { role, ts(at) }, name);
}

Result<void> AccountTable::setDisabled(const QString& name, bool disabled, const QDateTime& at)
{
    return update(QStringLiteral("UPDATE accounts SET disabled = ?, updated_at = ? WHERE name = ?"),
        { disabled ? 1 : 0, ts(at) },
        name);
}

Result<void> AccountTable::setPasswordHash(const QString& name, const QByteArray& passwordHash, const QDateTime& at)
{
    return update(QStringLiteral("UPDATE accounts SET password_hash = ?, updated_at = ? WHERE name = ?"),
        { QString::fromLatin1(passwordHash), ts(at) },
        name);
}

Result<void> AccountTable::setFailures(
    const QString& name, const QList<QDateTime>& failures, const QDateTime& lockedAt, const QDateTime& at)
{
    QStringList times;
    for (const QDateTime& t : failures)
        times.append(ts(t));
    return update(QStringLiteral("UPDATE accounts SET failures = ?, locked_at = ?, updated_at = ? WHERE name = ?"),
        { times.isEmpty() ? QStringLiteral("") : times.join(QLatin1Char(' ')), nullableTs(lockedAt), ts(at) },
        name);
}
