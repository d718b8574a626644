#include "KeychainCredentials.h"

#include "crypto/SecretStore.h"

#include <optional>

namespace {

Failure unavailable(const QString& what)
{
    return Failure(ErrorCode::KeychainUnavailable,
        KeychainCredentials::tr("No keychain service is available, so %1. Start the desktop's keyring (on Linux: GNOME "
                                "Keyring or KWallet, unlocked in this session), or give the AccessKey through the "
                                "environment, ~/.aliyun/config.json or ~/.alibabacloud/credentials.ini.")
            .arg(what));
}

// The entry's text, std::nullopt when there is none, KeychainUnavailable when the keychain does not answer.
Result<std::optional<QString>> readEntry(SecretStore& keychain, const QString& account)
{
    const std::optional<QByteArray> bytes = keychain.read(account, nullptr);
    if (bytes)
        return std::optional<QString>(QString::fromUtf8(*bytes).trimmed());
    if (keychain.lastStatus() == SecretStore::Status::NotFound)
        return std::optional<QString>();
    return unavailable(KeychainCredentials::tr("the AccessKey saved in Settings cannot be read"));
}

Result<void> writeEntry(SecretStore& keychain, const QString& account, const QString& value)
{
    const bool written =
        value.isEmpty() ? keychain.remove(account, nullptr) : keychain.write(account, value.toUtf8(), nullptr);
    if (written)
        return {};
    return unavailable(KeychainCredentials::tr("the AccessKey was not saved (eKYC Desk keeps it nowhere else)"));
}

} // namespace

QString KeychainCredentials::sourceName()
{
    return tr("the OS keychain (entered in Settings)");
}

Result<CredentialLookup> KeychainCredentials::lookup(SecretStore* keychain)
{
    if (!keychain)
        return CredentialLookup::skipped(tr("no keychain in this run"));
    const Result<std::optional<QString>> id = readEntry(*keychain, idAccount());
    if (!id)
        return id.failure();
    if (!*id || (*id)->isEmpty())
        return CredentialLookup::skipped(tr("no AccessKey saved in Settings"));
    const Result<std::optional<QString>> secret = readEntry(*keychain, secretAccount());
    if (!secret)
        return secret.failure();
    if (!*secret || (*secret)->isEmpty())
        return Failure(ErrorCode::InvalidArgument,
            tr("The keychain holds the AccessKey ID from Settings but not its secret: enter the AccessKey again in "
               "Settings."));
    const Result<std::optional<QString>> token = readEntry(*keychain, tokenAccount());
    if (!token)
        return token.failure();
    return CredentialLookup::found(Credentials(**id, **secret, token->value_or(QString()), sourceName()));
}

Result<void> KeychainCredentials::save(
    SecretStore& keychain, const QString& id, const QString& secret, const QString& token)
{
    if (id.trimmed().isEmpty() || secret.trimmed().isEmpty())
        return Failure(ErrorCode::InvalidArgument, tr("Enter both the AccessKey ID and the AccessKey secret."));
    // The old id goes first and the new one last: a key id in the keychain always has its own secret beside it.
    for (const auto& [account, value] : { std::pair { idAccount(), QString() },
             std::pair { secretAccount(), secret.trimmed() },
             std::pair { tokenAccount(), token.trimmed() },
             std::pair { idAccount(), id.trimmed() } }) {
        Result<void> written = writeEntry(keychain, account, value);
        if (!written)
            return written;
    }
    return {};
}

Result<void> KeychainCredentials::remove(SecretStore& keychain)
{
    // The id goes first, so that a half-done removal never leaves a key id without its secret.
    for (const QString& account : { idAccount(), secretAccount(), tokenAccount() }) {
        if (!keychain.remove(account, nullptr))
            return unavailable(tr("the AccessKey saved in Settings could not be removed"));
    }
    return {};
}
