#pragma once

#include "api/ApiClient.h"

#include <QCoreApplication>

class Settings;

// Turns the endpoint choices of the settings or the command line into a ClientConfig, with translated errors.
class EndpointConfig
{
    Q_DECLARE_TR_FUNCTIONS(EndpointConfig)
public:
    // "hk-internet", "hk-vpc", or an https:// URL. Anything else (including http://) is refused.
    static bool resolveEndpoint(const QString& choice, QUrl* url, QString* error);
    // PEM file with one or more CA certificates, trusted in addition to the system store.
    static bool loadCaFile(const QString& path, QList<QSslCertificate>* certificates, QString* error);
    static bool fromSettings(const Settings& settings, ClientConfig* config, QString* error);
    // An endpoint as given, for messages: anything from "//" to the last "@" (a user name and password, which may
    // hold "/", "?" or "#") left out, so that no message ever quotes a password, valid URL or not.
    static QString forDisplay(const QString& endpoint);
};
