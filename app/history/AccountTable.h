#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

// An account as the history keeps it (never the password; the hash stays in the table).
struct Account
{
    QString name;
    QString role; // Role::*
    bool disabled = false;
    QDateTime lockedAt; // invalid: not locked
    QDateTime createdAt;
    QString createdBy;
    QDateTime updatedAt;
    QList<QDateTime> failures; // recent failed sign-ins, oldest first

    bool isLocked() const { return lockedAt.isValid(); }
};

// The accounts table: one row per person who signs in, written in the same transaction as the event that changes
// it. Rows are never deleted (the database refuses it).
class AccountTable
{
    Q_DECLARE_TR_FUNCTIONS(AccountTable)
public:
    explicit AccountTable(const QSqlDatabase& db);

    Result<int> count() const;
    // NotFound when there is no such account.
    Result<Account> find(const QString& name) const;
    Result<QByteArray> passwordHash(const QString& name) const;
    // The SHA-256 (hex) of a password hash as the table stores it. The account events carry it, so that audit verify
    // notices a hash replaced in the table (someone giving themselves a known password for another's account). It
    // tells nothing about the password: the hash it digests holds a random salt that the chain does not.
    static QString hashDigest(const QByteArray& passwordHash);
    Result<QList<Account>> all() const;

    // While a group commit holds the chain head (AuditStore::beginBatch), no other writer can change an
    // account (every change of one is a write of the history, which takes the chain head first), so what count() and
    // find() read is kept until keepReads(false) or a change made through this table, instead of asked again by
    // every write of the group.
    void keepReads(bool keep);

    Result<void> insert(const Account& account, const QByteArray& passwordHash);
    Result<void> setRole(const QString& name, const QString& role, const QDateTime& at);
    Result<void> setDisabled(const QString& name, bool disabled, const QDateTime& at);
    Result<void> setPasswordHash(const QString& name, const QByteArray& passwordHash, const QDateTime& at);
    // The failure times and the lock (invalid lockedAt: unlocked).
    Result<void> setFailures(
        const QString& name, const QList<QDateTime>& failures, const QDateTime& lockedAt, const QDateTime& at);

private:
    Result<void> update(const QString& sql, const QVariantList& values, const QString& name);

    QSqlDatabase m_db;
    // Asked on every write (AuditStore::authorize): prepared once.
    mutable QSqlQuery m_find;
    mutable QSqlQuery m_count;
    bool m_keep = false;
    mutable std::optional<int> m_keptCount;
    mutable QHash<QString, Result<Account>> m_keptFind;
};
