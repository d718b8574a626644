#include "Settings.h"

#include "base/PrivateFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QtDebug>

#include <type_traits>

namespace {

// The settings file and its folder are private to the user (0600, 0700) before QSettings first writes it: QSettings
// replaces the file with a new one that keeps the old one's mode, so an empty file made 0600 here stays 0600.
// ownFolder: the app's own settings folder, made 0700 even when it already existed.
void makePrivate(const QString& path, bool ownFolder)
{
    if (path.isEmpty() || !PrivateFiles::makeDirFor(path))
        return; // QSettings reports its own status when it cannot write
    if (ownFolder)
        QFile::setPermissions(
            QFileInfo(path).absolutePath(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!QFile::exists(path)) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return;
    }
    PrivateFiles::tightenFile(path);
}

} // namespace

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QStringLiteral("eKYC Desk"), QStringLiteral("ekyc-desk")))
    , m_notifier(std::make_unique<SettingsNotifier>())
{
    makePrivate(m_settings->fileName(), true);
}

Settings::Settings(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_notifier(std::make_unique<SettingsNotifier>())
{
    makePrivate(m_settings->fileName(), false);
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
