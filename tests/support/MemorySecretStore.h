#pragma once

#include "crypto/SecretStore.h"

#include <QHash>

// An in-memory stand-in for the OS keychain. `available = false` makes every call fail like a machine without a
// secret service; `writes`/`reads` count the calls.
class MemorySecretStore : public SecretStore
{
public:
    bool available = true;
    int writes = 0;
    int reads = 0;
    QHash<QString, QByteArray> entries;

    bool write(const QString& account, const QByteArray& secret, QString* error) override
    {
        ++writes;
        if (!usable(error))
            return false;
        entries.insert(account, secret);
        setLastStatus(Status::Ok);
        return true;
    }
    std::optional<QByteArray> read(const QString& account, QString* error) override
    {
        ++reads;
        if (!usable(error))
            return std::nullopt;
        const auto it = entries.constFind(account);
        if (it == entries.constEnd()) {
            setLastStatus(Status::NotFound);
            if (error)
                *error = QStringLiteral("no entry %1").arg(account);
            return std::nullopt;
        }
        setLastStatus(Status::Ok);
        return *it;
    }
    bool remove(const QString& account, QString* error) override
    {
        if (!usable(error))
            return false;
        entries.remove(account);
        setLastStatus(Status::Ok);
        return true;
    }

private:
    // Returns false (and sets the error) when the store plays "unavailable".
    bool usable(QString* error)
    {
        if (available)
            return true;
        setLastStatus(Status::Unavailable);
        if (error)
            *error = QStringLiteral("memory keychain switched off");
        return false;
    }
};
