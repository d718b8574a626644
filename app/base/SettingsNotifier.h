#pragma once

#include <QObject>
#include <QStringList>

// Tells the running application which settings were just written through it (the settings dialog), so that each
// part applies them at once: the verification service its endpoint and limits, the window its language.
class SettingsNotifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void announce(const QStringList& keys)
    {
        if (!keys.isEmpty())
            emit changed(keys);
    }

signals:
    // The names of the keys written (Settings key names, e.g. "api/rateLimitQps").
    void changed(const QStringList& keys);
};
