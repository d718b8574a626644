#pragma once

#include "base/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class AuditStore;
class Clock;

// The training desk's own history, apart from the live one: fictitious cases never enter the live audit log, its
// exports or its dashboard. It holds only fictitious people, so it needs no passphrase: its key is a random one kept
// in a file beside it (<history>.key, 0600), made with the history. The live history is never opened this way.
class TrainingHistory
{
    Q_DECLARE_TR_FUNCTIONS(TrainingHistory)
public:
    // <AppDataLocation>/training-history.sqlite
    static QString defaultPath();
    static QString keyPath(const QString& historyPath);
    // Opens (creating when new) the training history at path with the key beside it.
    static Result<std::unique_ptr<AuditStore>> open(const QString& path, Clock* clock = nullptr);
};
