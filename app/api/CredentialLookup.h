#pragma once

#include "api/Credentials.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// What one source of the credential chain made of its inputs: the credentials it supplies, or why it has none
// (skipReason, translated), and warnings to show either way. A source that is present but broken (a refused mode, a
// file that does not parse, a key without its secret) returns a Failure instead, and the chain stops there.
struct CredentialLookup
{
    std::optional<Credentials> credentials;
    QString skipReason;
    QStringList warnings;

    static CredentialLookup found(Credentials credentials, QStringList warnings = {})
    {
        CredentialLookup lookup;
        lookup.credentials = std::move(credentials);
        lookup.warnings = std::move(warnings);
        return lookup;
    }
    static CredentialLookup skipped(QString reason)
    {
        CredentialLookup lookup;
        lookup.skipReason = std::move(reason);
        return lookup;
    }
};
