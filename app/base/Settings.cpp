#include "Settings.h"

Settings::Settings()
    : m_settings(std::make_unique<QSettings>(QStringLiteral("eKYC Desk"), QStringLiteral("ekyc-desk")))
{
}

Settings::Settings(const QString& iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
}
