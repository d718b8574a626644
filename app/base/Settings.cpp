#include "Settings.h"

#include "base/PrivateFiles.h"

#include <QCoreApplication>
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

// Whether the file holds a value QSettings would deserialize with QDataStream ("@Variant(...)", "@DateTime(...)"):
// the app never writes one (its values are text, numbers and booleans), and reading one makes Qt build whatever the
// bytes describe, a string of gigabytes included. The check reads the text as QSettings' INI parser does, after its
// escapes (\x40, \100, \@) and quotes, so that no spelling of the marker slips through; a file too large to be ours
// counts as such too.
bool holdsSerializedData(const QString& path)
{
    constexpr qint64 largestSettingsFile = 1 << 20;
    QFile file(path);
    if (!file.exists() || !file.open(QIODevice::ReadOnly))
        return false;
    if (file.size() > largestSettingsFile)
        return true;
    const QByteArray raw = file.readAll();
    QByteArray text;
    text.reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '"')
            continue;
        if (c != '\\' || i + 1 == raw.size()) {
            text.append(c);
            continue;
        }
        const char next = raw.at(++i);
        const bool hex = next == 'x' || next == 'X';
        const bool octal = next >= '0' && next <= '7';
        if (!hex && !octal) {
            text.append(next);
            continue;
        }
        const auto digit = [hex](char d) -> int {
            if (d >= '0' && d <= (hex ? '9' : '7'))
                return d - '0';
            const char lower = static_cast<char>(d | 0x20);
            return hex && lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
        };
        uint code = 0;
        qsizetype j = hex ? i + 1 : i;
        for (; j < raw.size() && digit(raw.at(j)) >= 0; ++j)
            code = qMin<uint>(code * (hex ? 16 : 8) + static_cast<uint>(digit(raw.at(j))), 0x10FFFF);
        text.append(code < 0x80 ? static_cast<char>(code) : '?'); // the markers are ASCII
        i = j - 1;
    }
    return text.contains("@Variant(") || text.contains("@DateTime(");
}

// A settings file that holds serialized data is set aside (beside it, ".refused") before anything reads it, so that
// the app starts from its defaults. Returns why, for the warnings; empty when the file is the app's to read.
QString setAsideSerializedData(const QString& path)
{
    if (path.isEmpty() || !holdsSerializedData(path))
        return {};
    const QString aside = path + QStringLiteral(".refused");
    QFile::remove(aside);
    if (!QFile::rename(path, aside))
        QFile::remove(path);
    return QCoreApplication::translate("Settings",
        "The settings file %1 held serialized data, which eKYC Desk never writes: it was set aside as %2 and the "
        "defaults apply.")
        .arg(path, aside);
}

std::unique_ptr<QSettings> userSettings()
{
    return std::make_unique<QSettings>(QStringLiteral("eKYC Desk"), QStringLiteral("ekyc-desk"));
}

} // namespace

QString Settings::defaultFilePath()
{
    return userSettings()->fileName();
}

Settings::Settings()
    : m_settings(userSettings())
    , m_notifier(std::make_unique<SettingsNotifier>())
{
    if (const QString refused = setAsideSerializedData(m_settings->fileName()); !refused.isEmpty()) {
        // Nothing of the refused file: a fresh QSettings finds it gone.
        m_settings = userSettings();
        report(refused);
    }
    makePrivate(m_settings->fileName(), true);
}

Settings::Settings(const QString& iniPath)
    : m_notifier(std::make_unique<SettingsNotifier>())
{
    const QString refused = setAsideSerializedData(iniPath); // before QSettings reads it
    m_settings = std::make_unique<QSettings>(iniPath, QSettings::IniFormat);
    if (!refused.isEmpty())
        report(refused);
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
    report(message);
}

void Settings::report(const QString& message) const
{
    if (m_warnings.contains(message))
        return;
    m_warnings.append(message);
    qWarning().noquote() << message;
}
