#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

// Typed settings keys with their defaults in one table. Secrets never go here.
template <typename T> struct SettingKey
{
    const char* name;
    T defaultValue;
};

class Settings
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
public:
    // Endpoint choice: "hk-internet" (default), "hk-vpc" or "custom" (customEndpoint).
    static inline const SettingKey<QString> endpointKind { "api/endpoint", QStringLiteral("hk-internet") };
    static inline const SettingKey<QString> customEndpoint { "api/customEndpoint", QString() };
    static inline const SettingKey<QString> extraCaFile { "api/extraCaFile", QString() };
    // What is sent as ValidityEndDate for a long-term card: "长期" (default) or "long-term".
    static inline const SettingKey<QString> longTermValue { "api/longTermValue", QStringLiteral("长期") };
    static inline const SettingKey<double> rateLimitQps { "api/rateLimitQps", 10.0 };
    static inline const SettingKey<int> timeoutSeconds { "api/timeoutSeconds", 20 };
    static inline const SettingKey<int> maxAttempts { "api/maxAttempts", 4 };
    static inline const SettingKey<QString> sceneCode { "case/defaultSceneCode", QString() };
    // Empty: the default SQLite file under the app-data location; else a path or a postgresql:// URL.
    static inline const SettingKey<QString> historyLocation { "history/location", QString() };
    static inline const SettingKey<QString> language { "ui/language", QString() };
    // Days after which `audit purge` erases name and ID number of a case (metadata stays). PIPL: keep personal data
    // no longer than needed; the provider itself keeps results 30 days.
    static inline const SettingKey<int> retentionDays { "history/retentionDays", 365 };

    // The application's QSettings (organisation "eKYC Desk", application "ekyc-desk").
    Settings();
    // A throw-away or explicit INI file (tests).
    explicit Settings(const QString& iniPath);

    template <typename T> T value(const SettingKey<T>& key) const
    {
        const QVariant v = m_settings->value(QLatin1String(key.name));
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : key.defaultValue;
    }
    template <typename T> void setValue(const SettingKey<T>& key, const T& value)
    {
        m_settings->setValue(QLatin1String(key.name), QVariant::fromValue(value));
    }

    QString fileName() const { return m_settings->fileName(); }
    void sync() { m_settings->sync(); }

private:
    std::unique_ptr<QSettings> m_settings;
};
