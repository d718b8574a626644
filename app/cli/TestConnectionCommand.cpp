#include "cli/Commands.h"

#include "api/ConnectionTest.h"
#include "api/CredentialChain.h"
#include "api/EndpointConfig.h"
#include "base/Settings.h"
#include "cli/HistoryCli.h"
#include "crypto/SecretStore.h"
#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace Cli {

namespace {

constexpr int badArguments = 3;

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

// Where the test goes, and with which AccessKey.
struct Target
{
    ClientConfig config;
    Credentials credentials;
    std::unique_ptr<SandboxServer> sandbox; // training mode only
    QStringList warnings; // from the credential chain (a credentials file open to others, ...)
};

bool trainingTarget(Target* target, QString* error)
{
    target->sandbox = std::make_unique<SandboxServer>();
    if (!target->sandbox->start()) {
        *error = tr("The training sandbox could not start: %1").arg(target->sandbox->errorString());
        return false;
    }
    target->config.endpoint = target->sandbox->url();
    target->config.extraCaCertificates = target->sandbox->caCertificates();
    target->credentials = Credentials::training();
    return true;
}

// The endpoint and CA as verify chooses them (Session): the settings, each replaced by its option when given; the
// AccessKey from the credential chain.
bool liveTarget(const QString& endpoint, const QString& caFile, Target* target, QString* error)
{
    const Settings settings;
    if (!EndpointConfig::fromSettings(settings, &target->config, error)
        || (!endpoint.isEmpty() && !EndpointConfig::resolveEndpoint(endpoint, &target->config.endpoint, error))
        || (!caFile.isEmpty() && !EndpointConfig::loadCaFile(caFile, &target->config.extraCaCertificates, error)))
        return false;
    KeychainSecretStore keychain;
    const Result<ResolvedCredentials> resolved = CredentialChain::resolve(CredentialChain::Inputs::system(&keychain));
    if (!resolved) {
        *error = resolved.message();
        return false;
    }
    target->credentials = resolved->credentials;
    target->warnings = resolved->warnings;
    return true;
}

ConnectionTestResult runTest(const Target& target)
{
    ConnectionTest test(target.config, target.credentials);
    std::optional<ConnectionTestResult> result;
    QObject::connect(&test, &ConnectionTest::finished, &test, [&result](const ConnectionTestResult& finished) {
        result = finished;
        QCoreApplication::exit(0);
    });
    test.start();
    QCoreApplication::exec();
    return *result;
}

int refuse(bool json, const QString& message)
{
    if (json)
        HistoryCli::out(QString::fromUtf8(
            QJsonDocument(QJsonObject { { QStringLiteral("refused"), true }, { QStringLiteral("message"), message } })
                .toJson(QJsonDocument::Compact)
            + '\n'));
    else
        HistoryCli::err(message + u'\n');
    return badArguments;
}

void printHuman(const ConnectionTestResult& result)
{
    QString text = result.explanation + QStringLiteral("\n\n") + tr("Proves: %1").arg(result.proves) + u'\n'
        + tr("Not confirmed: %1").arg(result.unconfirmed) + u'\n'
        + tr("Endpoint: %1").arg(result.endpoint.toString(QUrl::RemoveUserInfo)) + u'\n'
        + tr("AccessKey: %1 (%2)").arg(result.accessKeyId, result.credentialSource) + u'\n';
    if (!result.code.isEmpty())
        text += tr("Code: %1 (HTTP %2)").arg(result.code).arg(result.httpStatus) + u'\n';
    if (!result.message.isEmpty())
        text += tr("Message: %1").arg(result.message) + u'\n';
    if (!result.requestId.isEmpty())
        text += tr("RequestId: %1").arg(result.requestId) + u'\n';
    if (!result.detail.isEmpty())
        text += tr("Detail: %1").arg(result.detail) + u'\n';
    HistoryCli::out(text);
}

void printJson(const ConnectionTestResult& result, const QStringList& warnings)
{
    QJsonObject object = result.toJson();
    object.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(warnings));
    HistoryCli::out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n'));
}

} // namespace

int runTestConnection(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
        "Sends one signed Id2MetaPeriodVerifyIntl request that cannot be billed: it names no person (no name, no "
        "ID number, no dates), so the service must refuse it for a missing parameter. The answer says whether the "
        "endpoint, the TLS certificate, the AccessKey and this computer's clock work. Nothing is recorded in the "
        "audit history.\n\n"
        "The AccessKey is looked for as the provider's tools look for it: the environment "
        "(ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN), "
        "~/.aliyun/config.json, ~/.alibabacloud/credentials.ini, then the key saved in Settings. The secret is never "
        "printed.\n\n"
        "\"Accepted\" relies on the gateway checking the signature before the parameters, an order the provider "
        "does not document; whether the RAM user has AliyunAntCloudAuthFullAccess and whether ID Verification is "
        "activated stay unconfirmed.\n\n"
        "Exit codes: 0 signature and clock accepted; 3 no credentials or bad arguments; 4 the service refused "
        "(signature, AccessKey, permission, not activated, clock) or answered something else; 5 network, TLS, DNS "
        "or proxy failure."));
    parser.addHelpOption();
    const QCommandLineOption endpoint = HistoryCli::endpointOption();
    const QCommandLineOption caFile = HistoryCli::caFileOption();
    const QCommandLineOption training(
        QStringLiteral("training"), tr("Test the built-in training sandbox with its public AccessKey."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    parser.addOptions({ endpoint, caFile, training, json });
    if (const std::optional<int> done = HistoryCli::parse(parser, arguments))
        return *done == HistoryCli::Ok ? 0 : badArguments;
    const bool asJson = parser.isSet(json);
    if (!parser.positionalArguments().isEmpty())
        return refuse(asJson, tr("Unexpected argument: %1").arg(parser.positionalArguments().first()));
    if (parser.isSet(training) && (parser.isSet(endpoint) || parser.isSet(caFile)))
        return refuse(
            asJson, tr("--training tests the built-in sandbox; --endpoint and --ca-file cannot be given with it."));

    Target target;
    QString error;
    const bool ready = parser.isSet(training)
        ? trainingTarget(&target, &error)
        : liveTarget(parser.value(endpoint), parser.value(caFile), &target, &error);
    if (!ready)
        return refuse(asJson, error);
    if (!asJson) {
        for (const QString& warning : std::as_const(target.warnings))
            HistoryCli::err(tr("Warning: %1").arg(warning) + u'\n');
    }
    const ConnectionTestResult result = runTest(target);
    if (asJson)
        printJson(result, target.warnings);
    else
        printHuman(result);
    return result.exitCode();
}

} // namespace Cli
