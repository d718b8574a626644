#pragma once

#include <QString>

class AuditStore;
class Credentials;
class Settings;

// Records configuration changes in the audit history, never their values: a settings_changed event naming the
// settings that changed, and a credential_source_changed event with the source and the masked AccessKey id, each
// when it differs from what this workstation recorded last (kept in the settings, digests only).
namespace ConfigurationAudit {

// Returns false with *error when the history refused a write.
bool record(AuditStore& history, Settings& settings, const Credentials& credentials, bool training, QString* error);

} // namespace ConfigurationAudit
