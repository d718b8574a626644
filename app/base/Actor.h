#pragma once

#include <QString>

// Who does what, on which workstation: every write to the history takes one, and records its name and workstation
// in the event's columns and its role in the event's payload ("actorRole"). Until accounts exist it is the local
// operating-system user with the reviewer role.
struct Actor
{
    QString name;
    QString role = QStringLiteral("reviewer");
    QString workstation;

    bool isValid() const { return !name.isEmpty(); }

    // The account the process runs as, from the password database (not $USER, which anyone can set), on this host.
    static Actor localUser();
};
