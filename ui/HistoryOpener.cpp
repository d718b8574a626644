#include "HistoryOpener.h"
#include "ErrorBox.h"

#include "FirstFrame.h"
#include "base/Settings.h"

#include "crypto/SecretStore.h"
#include "history/AuditStore.h"
#include "history/HistoryLocation.h"
#include "session/OffThreadOpen.h"
#include "session/TrainingHistory.h"

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {

// Passed for the first, keychain-only attempt: reads go to the real keychain, writes are refused and noted. A write
// means KeyVault::create ran, i.e. the history does not exist yet; the refusal keeps it from being created with a
// keychain-only key (nothing is left behind: the store rolls the new history back).
class ProbeSecretStore : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(HistoryOpener)
public:
    explicit ProbeSecretStore(SecretStore* inner)
        : m_inner(inner)
    {
    }

    bool writeAttempted() const { return m_writeAttempted; }

    bool write(const QString&, const QByteArray&, QString* error) override
    {
        m_writeAttempted = true;
        setLastStatus(Status::Unavailable);
        if (error)
            *error = tr("A new history needs a passphrase first.");
        return false;
    }
    std::optional<QByteArray> read(const QString& account, QString* error) override
    {
        if (!m_inner) {
            setLastStatus(Status::Unavailable);
            if (error)
                *error = KeychainSecretStore::unavailableMessage();
            return std::nullopt;
        }
        std::optional<QByteArray> secret = m_inner->read(account, error);
        setLastStatus(m_inner->lastStatus());
        return secret;
    }
    bool remove(const QString&, QString* error) override
    {
        setLastStatus(Status::Unavailable);
        if (error)
            *error = tr("A new history needs a passphrase first.");
        return false;
    }

private:
    SecretStore* m_inner;
    bool m_writeAttempted = false;
};

void forget(QString& passphrase)
{
    passphrase.fill(QLatin1Char('\0'));
    passphrase.clear();
}

} // namespace

HistoryOpener::HistoryOpener(SecretStore* keychain, QWidget* parent)
    : m_keychain(keychain)
    , m_parent(parent)
    , m_environmentPassphrase(KeyVault::passphraseFromEnvironment())
{
}

Result<std::unique_ptr<AuditStore>> HistoryOpener::open(const QString& location)
{
    const Failure quit(ErrorCode::Cancelled, QString());
    const HistoryLocation where = HistoryLocation::parse(location);
    if (!where.isValid()) {
        // Only the settings can fix this; retrying the same location would fail the same way.
        askRetry(tr("The audit history location in the settings is not valid: %1").arg(where.error));
        return quit;
    }
    const QString shownLocation = where.displayName();

    for (;;) {
        QString error;
        PassphraseDialog::Mode mode = PassphraseDialog::Mode::Unlock;
        if (!m_environmentPassphrase.isEmpty()) {
            QString passphrase = m_environmentPassphrase;
            Result<std::unique_ptr<AuditStore>> store = attempt(location, m_keychain, passphrase);
            forget(passphrase);
            if (store)
                return store;
            if (store.error() != ErrorCode::WrongPassphrase) {
                if (askRetry(store.message()))
                    continue;
                return quit;
            }
            error = store.message();
            // A wrong passphrase in the environment: ask the reviewer instead.
        } else {
            ProbeSecretStore probe(m_keychain);
            Result<std::unique_ptr<AuditStore>> store = attempt(location, &probe, QString());
            if (store)
                return store;
            if (probe.writeAttempted()) {
                mode = PassphraseDialog::Mode::Create;
                error.clear();
            } else if (store.error() != ErrorCode::PassphraseRequired) {
                if (askRetry(store.message()))
                    continue;
                return quit;
            } else {
                error.clear(); // the first question needs no error
            }
        }

        bool retryFromStart = false;
        while (!retryFromStart) {
            std::optional<QString> passphrase = askPassphrase(mode, shownLocation, error);
            if (!passphrase)
                return quit;
            Result<std::unique_ptr<AuditStore>> store = attempt(location, m_keychain, *passphrase);
            forget(*passphrase);
            if (store)
                return store;
            error = store.message();
            switch (store.error()) {
            case ErrorCode::WrongPassphrase:
                mode = PassphraseDialog::Mode::Unlock; // also when someone else created it meanwhile
                break;
            case ErrorCode::PassphraseRequired:
                break;
            default:
                if (!askRetry(error))
                    return quit;
                retryFromStart = true;
                break;
            }
        }
    }
}

Result<std::unique_ptr<AuditStore>> HistoryOpener::attempt(
    const QString& location, SecretStore* keychain, const QString& passphrase) const
{
    AuditStore::Options options;
    options.keys.keychain = keychain;
    options.keys.passphrase = passphrase;
    options.anchorDirectory = Settings().value(Settings::anchorDirectory);
    Result<std::unique_ptr<AuditStore>> store =
        openOffThread(location, [&location, &options] { return AuditStore::open(location, options); });
    options.keys.passphrase.fill(QLatin1Char('\0'));
    return store;
}

Result<std::unique_ptr<AuditStore>> HistoryOpener::openTraining(const QString& path)
{
    return openOffThread(path, [&path] { return TrainingHistory::open(path); });
}

Result<std::unique_ptr<AuditStore>> HistoryOpener::openOffThread(
    const QString& location, const OffThreadOpen::Open& open) const
{
    const bool gui = qobject_cast<QApplication*>(QCoreApplication::instance()) != nullptr;
    if (gui)
        QApplication::setOverrideCursor(Qt::WaitCursor);
    // Not before the window's first frame: on two cores the derivation would take the painting's time.
    Result<std::unique_ptr<AuditStore>> store = OffThreadOpen::open(
        location, open, [this](const std::function<void()>& start) { FirstFrame::whenPainted(m_parent, start); });
    if (gui)
        QApplication::restoreOverrideCursor();
    return store;
}

std::optional<QString> HistoryOpener::askPassphrase(
    PassphraseDialog::Mode mode, const QString& location, const QString& error)
{
    if (m_passphrasePrompt)
        return m_passphrasePrompt(mode, location, error);
    PassphraseDialog dialog(mode, location, m_parent);
    if (!error.isEmpty())
        dialog.setError(error);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.passphrase();
}

bool HistoryOpener::askRetry(const QString& message)
{
    if (m_retryPrompt)
        return m_retryPrompt(message);
    return retryBox(message, m_parent)->exec() == QMessageBox::Retry;
}

std::unique_ptr<QMessageBox> HistoryOpener::retryBox(const QString& message, QWidget* parent)
{
    auto box = std::make_unique<QMessageBox>(QMessageBox::Critical,
        tr("The audit history cannot be opened"),
        QString(),
        QMessageBox::Retry | QMessageBox::Close,
        parent);
    box->setObjectName(QStringLiteral("historyRetryMessageBox"));
    // The statements a database role lacks go to the details, to copy, then Retry once they are run.
    ErrorBox::setMessage(*box,
        tr("eKYC Desk records every case in its audit history and does not verify without it.")
            + QStringLiteral("\n\n"),
        message);
    box->button(QMessageBox::Close)->setText(tr("Quit"));
    box->setDefaultButton(QMessageBox::Retry);
    return box;
}

QString HistoryOpener::describeKeySource(const QString& source)
{
    if (source == QLatin1String("keychain"))
        return tr("OS keychain");
    if (source == QLatin1String("passphrase"))
        return tr("passphrase");
    return source;
}
