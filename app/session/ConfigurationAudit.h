#pragma once

#include "base/Actor.h"
#include "base/Result.h"

#include <QString>

class AuditStore;
class Credentials;
class Settings;

// Records configuration changes in the audit history, never their values: a settings_changed event naming the
// settings that changed, and a credential_source_changed event with the source and the masked AccessKey id, each
// when it differs from what this workstation recorded last (kept in the settings, digests only).
namespace ConfigurationAudit {

// Fails when the history refused a write.
Result<void> record(
    AuditStore& history, const Actor& actor, Settings& settings, const Credentials& credentials, bool training);
// Takes the watched settings' current values as recorded (a change made in the running application was recorded
// when it was made), so that the next start does not report it again.
void remember(Settings& settings, const QString& historyId);

} // namespace ConfigurationAudit
