#include "Settings.h"

#include <QtDebug>

#include <type_traits>

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QStringLiteral("eKYC Desk"), QStringLiteral("ekyc-desk")))
    , m_notifier(std::make_unique<SettingsNotifier>())
{
}

Settings::Settings(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_notifier(std::make_unique<SettingsNotifier>())
{
}

QString Settings::text(const QVariant& stored)
{
    // An INI value with an unquoted comma reads back as a list.
    if (stored.typeId() == QMetaType::QStringList)
        return stored.toStringList().join(u',');
    return stored.toString();
}

std::optional<int> Settings::parse(const QVariant& stored, const int*)
{
    bool ok = false;
    const int value = text(stored).trimmed().toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

std::optional<double> Settings::parse(const QVariant& stored, const double*)
{
    bool ok = false;
    const double value = text(stored).trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

std::optional<QString> Settings::parse(const QVariant& stored, const QString*)
{
    return text(stored);
}

std::optional<bool> Settings::parse(const QVariant& stored, const bool*)
{
    const QString value = text(stored).trimmed().toLower();
    if (value == QLatin1String("true") || value == QLatin1String("1"))
        return true;
    if (value == QLatin1String("false") || value == QLatin1String("0"))
        return false;
    return std::nullopt;
}

bool Settings::setValueByName(const QString& name, const QVariant& value)
{
    bool found = false;
    forEachKey([&](const auto& key) {
        using T = std::decay_t<decltype(key.defaultValue)>;
        if (found || name != QLatin1String(key.name))
            return;
        found = true;
        setValue(key, value.value<T>());
    });
    return found;
}

void Settings::warn(const char* key, const QVariant& stored, const char* rule, const QString& fallback) const
{
    QString wanted = tr("a valid value");
    if (rule)
        wanted = QCoreApplication::translate("Settings", rule);
    const QString message =
        tr("Setting %1 holds \"%2\", not %3; using %4.")
            .arg(QLatin1String(key), text(stored), wanted, fallback.isEmpty() ? tr("the default") : fallback);
    if (m_warnings.contains(message))
        return;
    m_warnings.append(message);
    qWarning().noquote() << message;
}
