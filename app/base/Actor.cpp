#include "Actor.h"

#include <QSysInfo>

#include <pwd.h>
#include <unistd.h>

Actor Actor::localUser()
{
    Actor actor;
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name && *entry->pw_name)
        actor.name = QString::fromLocal8Bit(entry->pw_name);
    else
        actor.name = QStringLiteral("uid-%1").arg(geteuid());
    actor.workstation = QSysInfo::machineHostName();
    return actor;
}
