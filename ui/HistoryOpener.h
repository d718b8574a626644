#pragma once

#include "PassphraseDialog.h"
#include "base/Result.h"
#include "crypto/KeyVault.h"
#include "session/OffThreadOpen.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class AuditStore;
class QMessageBox;
class QWidget;
class SecretStore;

// Opens the audit history at start-up, asking the reviewer only when needed:
//  1. EKYC_DESK_PASSPHRASE set (scripts, tests): open or create with it (and the keychain).
//  2. Otherwise try the keychain alone. A history that does not exist yet is not created that way (a keychain-only
//     key could not be opened on another workstation): the reviewer chooses a passphrase first ("create" dialog).
//  3. A history that needs its passphrase: the "unlock" dialog, again after a wrong one, with the store's error.
// Every open also passes the keychain, so a new key is kept there when the system has one. Other failures (server
// down, disk full, damaged key record) are shown with Retry / Quit: the application never verifies without a history.
// The passphrase is never stored; it lives only as long as one open attempt.
class HistoryOpener
{
    Q_DECLARE_TR_FUNCTIONS(HistoryOpener)
public:
    // Returns the passphrase, or std::nullopt when the reviewer quits. error: the store's message after a failed
    // attempt (empty the first time).
    using PassphrasePrompt = std::function<std::optional<QString>(
        PassphraseDialog::Mode mode, const QString& location, const QString& error)>;
    // Returns true to try again, false to quit.
    using RetryPrompt = std::function<bool(const QString& message)>;

    // keychain: the OS keychain (not owned; nullptr: none). The default prompts are PassphraseDialog and a
    // QMessageBox with Retry / Quit, parented to parent.
    explicit HistoryOpener(SecretStore* keychain, QWidget* parent = nullptr);

    void setPassphrasePrompt(PassphrasePrompt prompt) { m_passphrasePrompt = std::move(prompt); }
    void setRetryPrompt(RetryPrompt prompt) { m_retryPrompt = std::move(prompt); }
    // Defaults to KeyVault::passphraseFromEnvironment().
    void setEnvironmentPassphrase(const QString& passphrase) { m_environmentPassphrase = passphrase; }

    // location: Settings::historyLocation (empty: the default path). ErrorCode::Cancelled when the reviewer quits.
    Result<std::unique_ptr<AuditStore>> open(const QString& location);

    // The training history at path (TrainingHistory::open: its key file, no questions), opened the same way: the key
    // derivation off this thread while its event loop goes on.
    Result<std::unique_ptr<AuditStore>> openTraining(const QString& path);

    // "OS keychain" / "passphrase", translated, from AuditStore::keySource().
    static QString describeKeySource(const QString& source);
    // The box that asks to retry when the history cannot be opened for `message` (Retry, Quit; what the message has
    // after its first line, such as the grants a database role lacks, under Show Details).
    static std::unique_ptr<QMessageBox> retryBox(const QString& message, QWidget* parent);

private:
    // OffThreadOpen::open, once the parent's first frame is painted (FirstFrame), with the wait cursor.
    Result<std::unique_ptr<AuditStore>> openOffThread(const QString& location, const OffThreadOpen::Open& open) const;
    // One open; the failure's code says which problem stopped it (a key problem, or the server is down, ...).
    Result<std::unique_ptr<AuditStore>> attempt(
        const QString& location, SecretStore* keychain, const QString& passphrase) const;
    std::optional<QString> askPassphrase(PassphraseDialog::Mode mode, const QString& location, const QString& error);
    bool askRetry(const QString& message);

    SecretStore* m_keychain;
    QWidget* m_parent;
    QString m_environmentPassphrase;
    PassphrasePrompt m_passphrasePrompt;
    RetryPrompt m_retryPrompt;
};
