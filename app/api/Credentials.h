#pragma once

#include <QCoreApplication>
#include <QString>

class QProcessEnvironment;

// An AccessKey pair, optionally with an STS security token. The secret is held only in memory: it has no
// accessor that formats it, and describe() never includes it.
class Credentials
{
    Q_DECLARE_TR_FUNCTIONS(Credentials)
public:
    Credentials() = default;
    Credentials(QString accessKeyId, QString accessKeySecret, QString securityToken, QString source);

    // ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and optional ALIBABA_CLOUD_SECURITY_TOKEN of this
    // process, or of env. The whole chain (environment, CLI profile, credentials file, keychain) is
    // CredentialChain::resolve.
    static Credentials fromEnvironment();
    static Credentials fromEnvironment(const QProcessEnvironment& env);
    // The fixed, public AccessKey the training sandbox accepts.
    static Credentials training();

    bool isValid() const { return !m_accessKeyId.isEmpty() && !m_accessKeySecret.isEmpty(); }
    const QString& accessKeyId() const { return m_accessKeyId; }
    const QString& securityToken() const { return m_securityToken; }
    // Where the pair came from, for display and the audit history: "environment", "training", or a translated name
    // from CredentialChain ("aliyun CLI profile default (~/.aliyun/config.json)"). Never the secret.
    const QString& source() const { return m_source; }
    // source() as a person reads it: "environment variables", "training mode", or the chain's name. Never the secret.
    QString sourceName() const;
    // For the signer only.
    QByteArray secretForSigning() const { return m_accessKeySecret.toUtf8(); }
    // The key id with its middle hidden ("LTAI…xy"); safe to print and to record.
    QString maskedKeyId() const;
    // Safe to print: the key id partly masked, the source, and whether an STS token is present.
    QString describe() const;

private:
    QString m_accessKeyId;
    QString m_accessKeySecret;
    QString m_securityToken;
    QString m_source;
};
