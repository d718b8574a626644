#include "SecretStore.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace {

// Starts the job and waits for its finished signal (QtKeychain 0.13 has no Job::isFinished()). Returns false on
// timeout; the job is then left to delete itself whenever it does finish.
bool runBlocking(QKeychain::Job* job, int timeoutMs)
{
    job->setAutoDelete(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&finished, &loop](QKeychain::Job*) {
        finished = true;
        loop.quit();
    });
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    job->start();
    // QtKeychain may finish synchronously inside start() on some backends.
    if (!finished) {
        timer.start(timeoutMs);
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    if (!finished) {
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
    }
    return finished;
}

bool hasEventLoop(QString* error)
{
    if (QCoreApplication::instance())
        return true;
    if (error)
        *error = KeychainSecretStore::unavailableMessage(QStringLiteral("no QCoreApplication"));
    return false;
}

// Runs the job on the account's entry, never with QtKeychain's insecure plain-file fallback. False with *error when the
// keychain does not answer in time.
bool runJob(QKeychain::Job* job, const QString& account, int timeoutMs, QString* error)
{
    job->setKey(account);
    job->setInsecureFallback(false);
    if (runBlocking(job, timeoutMs))
        return true;
    if (error)
        *error = KeychainSecretStore::unavailableMessage(
            KeychainSecretStore::tr("the keychain did not answer within %1 s").arg(timeoutMs / 1000));
    return false;
}

} // namespace

QString KeychainSecretStore::serviceName()
{
    return QStringLiteral("eKYC Desk");
}

KeychainSecretStore::KeychainSecretStore(int timeoutMs)
    : m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretStore::unavailableMessage(const QString& detail)
{
    const QString text = tr("No keychain service is available to keep the audit history key "
                            "(on Linux: a Secret Service such as GNOME Keyring or KWallet, unlocked in this session).");
    return detail.isEmpty() ? text : tr("%1 Detail: %2").arg(text, detail);
}

bool KeychainSecretStore::write(const QString& account, const QByteArray& secret, QString* error)
{
    setLastStatus(Status::Unavailable);
    if (!hasEventLoop(error))
        return false;
    auto* job = new QKeychain::WritePasswordJob(serviceName());
    job->setBinaryData(secret);
    if (!runJob(job, account, m_timeoutMs, error))
        return false;
    const QKeychain::Error code = job->error();
    const QString detail = job->errorString();
    delete job;
    if (code == QKeychain::NoError) {
        setLastStatus(Status::Ok);
        return true;
    }
    if (error)
        *error = unavailableMessage(detail);
    return false;
}

std::optional<QByteArray> KeychainSecretStore::read(const QString& account, QString* error)
{
    setLastStatus(Status::Unavailable);
    if (!hasEventLoop(error))
        return std::nullopt;
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    if (!runJob(job, account, m_timeoutMs, error))
        return std::nullopt;
    const QKeychain::Error code = job->error();
    const QString detail = job->errorString();
    const QByteArray secret = job->binaryData();
    delete job;
    if (code == QKeychain::NoError) {
        setLastStatus(Status::Ok);
        return secret;
    }
    if (code == QKeychain::EntryNotFound) {
        setLastStatus(Status::NotFound);
        if (error)
            *error = tr("The keychain has no entry \"%1\" for service \"%2\".").arg(account, serviceName());
        return std::nullopt;
    }
    if (error)
        *error = unavailableMessage(detail);
    return std::nullopt;
}

bool KeychainSecretStore::remove(const QString& account, QString* error)
{
    setLastStatus(Status::Unavailable);
    if (!hasEventLoop(error))
        return false;
    auto* job = new QKeychain::DeletePasswordJob(serviceName());
    if (!runJob(job, account, m_timeoutMs, error))
        return false;
    const QKeychain::Error code = job->error();
    const QString detail = job->errorString();
    delete job;
    if (code == QKeychain::NoError || code == QKeychain::EntryNotFound) {
        setLastStatus(Status::Ok);
        return true;
    }
    if (error)
        *error = unavailableMessage(detail);
    return false;
}
