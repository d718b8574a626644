#include "EndpointConfig.h"

#include "base/Settings.h"

#include <QFile>
#include <QRegularExpression>

QString EndpointConfig::forDisplay(const QString& endpoint)
{
    QString text = endpoint;
    static const QRegularExpression userInfo(QStringLiteral("//.*@"));
    return text.replace(userInfo, QStringLiteral("//"));
}

bool EndpointConfig::resolveEndpoint(const QString& choice, QUrl* url, QString* error)
{
    const QString value = choice.trimmed();
    if (value.isEmpty() || value == QLatin1String("hk-internet")) {
        *url = ClientConfig::hongKongInternet();
        return true;
    }
    if (value == QLatin1String("hk-vpc")) {
        *url = ClientConfig::hongKongVpc();
        return true;
    }
    const QUrl parsed(value, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty()) {
        *error = tr("Endpoint: \"%1\" is not a valid URL. Use hk-internet, hk-vpc or an https:// URL.")
                     .arg(forDisplay(value));
        return false;
    }
    // The URL is recorded with every case: a password in it would land in the history, the logs and the messages.
    if (!parsed.userInfo().isEmpty()) {
        *error = tr("Endpoint: the custom endpoint (setting api/customEndpoint, or --endpoint) must not contain a user "
                    "name or password (user:password@host). Remove it: the AccessKey belongs in the OS keychain or "
                    "the credentials file, a database password in the keychain, PGPASSWORD or ~/.pgpass.");
        return false;
    }
    if (parsed.scheme() != QLatin1String("https")) {
        *error = tr("Endpoint: only https:// endpoints are allowed; personal data is never sent unencrypted.");
        return false;
    }
    QUrl clean = parsed;
    if (clean.path().isEmpty())
        clean.setPath(QStringLiteral("/"));
    *url = clean;
    return true;
}

bool EndpointConfig::loadCaFile(const QString& path, QList<QSslCertificate>* certificates, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("CA file: cannot read %1 (%2).").arg(path, file.errorString());
        return false;
    }
    const QList<QSslCertificate> loaded = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (loaded.isEmpty()) {
        *error = tr("CA file: %1 holds no PEM certificate.").arg(path);
        return false;
    }
    *certificates = loaded;
    return true;
}

bool EndpointConfig::fromSettings(const Settings& settings, ClientConfig* config, QString* error)
{
    const QString kind = settings.value(Settings::endpointKind);
    const QString choice = kind == QLatin1String("custom") ? settings.value(Settings::customEndpoint) : kind;
    if (!resolveEndpoint(choice, &config->endpoint, error))
        return false;
    const QString caFile = settings.value(Settings::extraCaFile);
    if (!caFile.isEmpty() && !loadCaFile(caFile, &config->extraCaCertificates, error))
        return false;
    // 0 lifts the limit (a local endpoint such as the benchmarks); any other rate is kept between 0.1 and 1000.
    const double qps = settings.value(Settings::rateLimitQps);
    config->rateLimitQps = qps <= 0 ? 0.0 : qBound(0.1, qps, 1000.0);
    config->timeoutMs = qBound(1, settings.value(Settings::timeoutSeconds), 300) * 1000;
    config->maxAttempts = qBound(1, settings.value(Settings::maxAttempts), 10);
    return true;
}
