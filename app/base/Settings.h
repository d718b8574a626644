#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "base/SettingsNotifier.h"

#include <cmath>
#include <memory>
#include <optional>

// Typed settings keys with their defaults in one table. Secrets never go here.
template <typename T> struct SettingKey
{
    const char* name;
    T defaultValue;
    // Key-specific validity beyond the type (nullptr: any value of the type) and what it asks for, in words
    // (QT_TRANSLATE_NOOP("Settings", ...)), for the warning about a value it refuses.
    bool (*check)(const T&) = nullptr;
    const char* rule = nullptr;

    bool accepts(const T& value) const { return !check || check(value); }
};

// A stored value that does not parse as its key's type, or that its key refuses, reads as the key's default, never
// as 0 or an empty text: the instance keeps a translated warning naming the key and the value (warnings()), and logs
// it once with qWarning. The endpoint, the CA file and the history location are taken as written and checked where
// they are used (EndpointConfig, HistoryLocation), because falling back to a default there would send the cases, or
// record them, somewhere else.
class Settings
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
public:
    // The file the settings live in (e.g. ~/.config/eKYC Desk/ekyc-desk.conf), whether or not it exists yet.
    static QString defaultFilePath();

    static bool isPositive(const int& value) { return value > 0; }
    static bool isPositiveNumber(const double& value) { return std::isfinite(value) && value > 0; }
    static bool isNonNegativeNumber(const double& value) { return std::isfinite(value) && value >= 0; }
    static bool isIdleLockMinutes(const int& value) { return value >= 1 && value <= 240; }
    // ChainSigner::MinCheckpointInterval to MaxCheckpointInterval (asserted there: this layer is below the history).
    static constexpr bool isCheckpointInterval(const int& value) { return value >= 10 && value <= 100000; }
    // Any value that parses as a bool; the rule names the two words a hand edit may use.
    static bool isBool(const bool&) { return true; }
    // The two ways the provider's reference writes the end date of a long-term card.
    static bool isLongTermValue(const QString& value)
    {
        return value == QStringLiteral("长期") || value == QLatin1String("long-term");
    }

    // Endpoint choice: "hk-internet" (default), "hk-vpc" or "custom" (customEndpoint).
    static inline const SettingKey<QString> endpointKind { "api/endpoint", QStringLiteral("hk-internet") };
    static inline const SettingKey<QString> customEndpoint { "api/customEndpoint", QString() };
    static inline const SettingKey<QString> extraCaFile { "api/extraCaFile", QString() };
    // What is sent as ValidityEndDate for a long-term card: "长期" (default) or "long-term".
    static inline const SettingKey<QString> longTermValue { "api/longTermValue",
        QStringLiteral("长期"),
        &isLongTermValue,
        QT_TRANSLATE_NOOP("Settings", "长期 or long-term") };
    static inline const SettingKey<double> rateLimitQps { "api/rateLimitQps",
        10.0,
        &isNonNegativeNumber,
        QT_TRANSLATE_NOOP("Settings", "0 (no limit) or a number above 0") };
    static inline const SettingKey<int> timeoutSeconds {
        "api/timeoutSeconds", 20, &isPositive, QT_TRANSLATE_NOOP("Settings", "a whole number above 0")
    };
    static inline const SettingKey<int> maxAttempts {
        "api/maxAttempts", 4, &isPositive, QT_TRANSLATE_NOOP("Settings", "a whole number above 0")
    };
    // Not empty when an AccessKey entered in Settings is kept in the OS keychain: its key id, masked, for display.
    // (The id and secret themselves are only in the keychain.)
    static inline const SettingKey<QString> keychainAccessKey { "api/keychainAccessKey", QString() };
    static inline const SettingKey<QString> sceneCode { "case/defaultSceneCode", QString() };
    // Empty: the default SQLite file under the app-data location; else a path or a postgresql:// URL.
    static inline const SettingKey<QString> historyLocation { "history/location", QString() };
    // Empty: none; else a folder outside the history (another disk, a share) that receives every signed checkpoint
    // as an anchor file, for `audit verify --anchors`.
    static inline const SettingKey<QString> anchorDirectory { "history/anchorDirectory", QString() };
    // "" (the system's language), "en" or "zh_CN". A personal preference: anyone may change it.
    static inline const SettingKey<QString> language { "ui/language", QString() };
    // "" (follow the system), "light" or "dark". A personal preference like the language.
    static bool isColorScheme(const QString& value)
    {
        return value.isEmpty() || value == QLatin1String("light") || value == QLatin1String("dark");
    }
    static inline const SettingKey<QString> colorScheme { "ui/colorScheme",
        QString(),
        &isColorScheme,
        QT_TRANSLATE_NOOP("Settings", "light, dark or empty (the system's)") };
    // A second person confirms a manual-review decision.
    static inline const SettingKey<bool> fourEyes {
        "review/fourEyes", true, &isBool, QT_TRANSLATE_NOOP("Settings", "true or false")
    };
    // Minutes without input after which the desk locks and asks for the password again.
    static inline const SettingKey<int> idleLockMinutes {
        "session/idleLockMinutes", 10, &isIdleLockMinutes, QT_TRANSLATE_NOOP("Settings", "a whole number from 1 to 240")
    };
    // Days after which `audit purge` erases name and ID number of a case (metadata stays). PIPL: keep personal data
    // no longer than needed; the provider itself keeps results 30 days.
    static inline const SettingKey<int> retentionDays {
        "history/retentionDays", 365, &isPositive, QT_TRANSLATE_NOOP("Settings", "a whole number above 0")
    };

    // Events between the history's signed checkpoints: the team's setting, kept in the history (AuditStore::
    // setCheckpointInterval); this key shows it and carries a supervisor's change there.
    static inline const SettingKey<int> checkpointInterval { "history/checkpointInterval",
        1000,
        &isCheckpointInterval,
        QT_TRANSLATE_NOOP("Settings", "a whole number from 10 to 100000") };

    // Calls visit(key) for every key of the table above (tests cover each one).
    template <typename Visit> static void forEachKey(Visit&& visit)
    {
        visit(endpointKind);
        visit(customEndpoint);
        visit(extraCaFile);
        visit(longTermValue);
        visit(rateLimitQps);
        visit(timeoutSeconds);
        visit(maxAttempts);
        visit(keychainAccessKey);
        visit(sceneCode);
        visit(historyLocation);
        visit(anchorDirectory);
        visit(language);
        visit(colorScheme);
        visit(retentionDays);
        visit(checkpointInterval);
        visit(fourEyes);
        visit(idleLockMinutes);
    }
    // Sets the key called name from a value of its type (or text that converts to it); false for an unknown name.
    bool setValueByName(const QString& name, const QVariant& value);
    // Keys a person changes for themselves (the language, the colours): no role is needed to change them.
    static bool isPersonal(const QString& name)
    {
        return name == QLatin1String(language.name) || name == QLatin1String(colorScheme.name);
    }

    // The application's QSettings (organisation "eKYC Desk", application "ekyc-desk").
    Settings();
    // A throw-away or explicit INI file (tests).
    explicit Settings(const QString& iniPath);

    template <typename T> T value(const SettingKey<T>& key) const
    {
        const QVariant stored = m_settings->value(QLatin1String(key.name));
        if (!stored.isValid())
            return key.defaultValue;
        const std::optional<T> parsed = parse(stored, static_cast<const T*>(nullptr));
        if (parsed && key.accepts(*parsed))
            return *parsed;
        warn(key.name, stored, key.rule, text(key.defaultValue));
        return key.defaultValue;
    }
    template <typename T> void setValue(const SettingKey<T>& key, const T& value)
    {
        m_settings->setValue(QLatin1String(key.name), QVariant::fromValue(value));
    }

    // The warnings about stored values read so far, each once, translated.
    QStringList warnings() const { return m_warnings; }
    QString fileName() const { return m_settings->fileName(); }
    void sync() { m_settings->sync(); }
    // Tells whoever listens (notifier()->changed) that these keys were written through the app.
    void announce(const QStringList& keys) { m_notifier->announce(keys); }
    SettingsNotifier* notifier() const { return m_notifier.get(); }

private:
    // Strict conversions: the whole text, trimmed, must be a number of the type; std::nullopt otherwise.
    static std::optional<int> parse(const QVariant& stored, const int*);
    static std::optional<double> parse(const QVariant& stored, const double*);
    static std::optional<QString> parse(const QVariant& stored, const QString*);
    // "true"/"false" (any case), "1"/"0".
    static std::optional<bool> parse(const QVariant& stored, const bool*);
    static QString text(const QVariant& stored);
    void warn(const char* key, const QVariant& stored, const char* rule, const QString& fallback) const;
    void report(const QString& message) const; // into warnings() and the log, once

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SettingsNotifier> m_notifier;
    mutable QStringList m_warnings;
};
