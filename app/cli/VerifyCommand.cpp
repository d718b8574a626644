#include "cli/Commands.h"

#include "base/Settings.h"
#include "batch/BatchInput.h"
#include "cli/HistoryCli.h"
#include "domain/CaseValidator.h"
#include "history/AuditStore.h"
#include "session/Session.h"
#include "session/VerificationService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace Cli {

namespace {

enum ExitCode
{
    Passed = 0,
    NotPassed = 2,
    Refused = 3,
    ApiError = 4,
    NetworkError = 5,
};

QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

QDate parseDate(const QString& text)
{
    if (text.size() != 8)
        return {};
    return QDate::fromString(text, QStringLiteral("yyyyMMdd"));
}

void printJson(const QJsonObject& object)
{
    QTextStream(stdout) << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

QJsonArray issuesToJson(const QList<ValidationIssue>& issues)
{
    QJsonArray array;
    for (const ValidationIssue& issue : issues) {
        array.append(QJsonObject { { QStringLiteral("field"), CaseValidator::fieldLabel(issue.field) },
            { QStringLiteral("code"), issue.code },
            { QStringLiteral("blocking"), issue.blocking },
            { QStringLiteral("message"), issue.message } });
    }
    return array;
}

int refuse(bool json, const QString& message, const QList<ValidationIssue>& issues = {})
{
    if (json) {
        printJson({ { QStringLiteral("refused"), true },
            { QStringLiteral("message"), message },
            { QStringLiteral("issues"), issuesToJson(issues) } });
    } else {
        QTextStream err(stderr);
        err << message << '\n';
        for (const ValidationIssue& issue : issues)
            err << "  - " << issue.message << '\n';
    }
    return Refused;
}

// The name of the first of these options given, or empty: options that another one given excludes.
QString firstGiven(const QCommandLineParser& parser, std::initializer_list<const QCommandLineOption*> options)
{
    for (const QCommandLineOption* option : options) {
        if (parser.isSet(*option))
            return option->names().constFirst();
    }
    return QString();
}

// The case of --case FILE ("-": standard input): the format of a batch list (BatchInput) with one case. Sets *input,
// or returns the exit code after saying what is wrong (the pre-check's issues of the case too).
std::optional<int> readCaseFile(const QString& path, bool asJson, CaseInput* input)
{
    constexpr qint64 maxBytes = qint64(64) * 1024; // a header and one case are a few hundred bytes
    const bool fromStdin = path == QLatin1String("-");
    QFile file(fromStdin ? QString() : path);
    const QString shown = fromStdin ? tr("standard input") : path;
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        return refuse(asJson, tr("--case: cannot read %1: %2").arg(shown, file.errorString()));
    const QByteArray data = file.read(maxBytes + 1);
    // Typed on a terminal and ended with Ctrl-D: the end of input is over, so that the passphrase and password can
    // still be asked there.
    if (fromStdin)
        clearerr(stdin);
    if (data.size() > maxBytes)
        return refuse(asJson,
            tr("--case: %1 holds more than one case's worth of text; verify a list with: ekyc-desk-cli batch")
                .arg(shown));
    const Result<BatchInput> parsed = BatchInput::parse(data, VerificationService::today());
    if (!parsed)
        return refuse(asJson, tr("--case: %1").arg(parsed.message()));
    if (parsed->rows().size() != 1)
        return refuse(asJson,
            parsed->rows().isEmpty() ? tr("--case: %1 holds no case under its header line.").arg(shown)
                                     : tr("--case: %1 holds %2 cases; verify a list with: ekyc-desk-cli batch")
                                           .arg(shown)
                                           .arg(parsed->rows().size()));
    const BatchRow& row = parsed->rows().constFirst();
    if (row.refused())
        return refuse(asJson, tr("Refused locally; nothing was sent or billed."), row.issues);
    *input = row.input;
    return std::nullopt;
}

QJsonObject requestToJson(const SignerV3::Request& request, const QUrl& url)
{
    QJsonObject headers;
    for (const auto& [name, value] : request.headers) {
        // The STS token is a credential: shown redacted, like the secret, which is never part of a request.
        const bool token = name.compare("x-acs-security-token", Qt::CaseInsensitive) == 0;
        headers.insert(QString::fromLatin1(name), token ? tr("<redacted>") : QString::fromUtf8(value));
    }
    return { { QStringLiteral("method"), QString::fromLatin1(request.method) },
        { QStringLiteral("url"), url.toString() },
        { QStringLiteral("headers"), headers },
        { QStringLiteral("body"), QString::fromUtf8(request.body) } };
}

void printHuman(const VerificationResult& result)
{
    QTextStream out(stdout);
    out << result.explanation() << '\n';
    const QString guidance = result.guidance();
    if (!guidance.isEmpty())
        out << guidance << '\n';
    if (!result.subCode.isEmpty())
        out << tr("SubCode: %1").arg(result.subCode) << '\n';
    if (!result.code.isEmpty())
        out << tr("Code: %1 (HTTP %2)").arg(result.code).arg(result.httpStatus) << '\n';
    if (!result.requestId.isEmpty())
        out << tr("RequestId: %1").arg(result.requestId) << '\n';
    out << tr("MerchantBizId: %1").arg(result.merchantBizId) << '\n';
    out << tr("Attempts: %1").arg(result.attempts) << '\n';
    if (result.unrecorded && result.mayHaveBeenBilled())
        out << tr("Warning: this answer was billed but is not recorded in the audit history yet; it waits in the "
                  "history's spool.")
            << '\n';
}

// Sends the case through the session's service (recorded first) and prints the outcome; returns the exit code.
int sendCase(VerificationService& service,
    const CaseInput& input,
    const QString& reverifyOf,
    bool asJson,
    const QList<ValidationIssue>& issues)
{
    for (const auto signal : { &VerificationService::historyError, &VerificationService::historyNotice }) {
        QObject::connect(&service, signal, &service, [](const QString& message) {
            QTextStream(stderr) << tr("Audit history: %1").arg(message) << '\n';
        });
    }
    const Result<VerificationCall*> call = service.submit(input, true, reverifyOf);
    if (!call) {
        refuse(asJson, call.message());
        return call.error() == ErrorCode::PermissionDenied ? static_cast<int>(HistoryCli::NotPermitted)
                                                           : static_cast<int>(Refused);
    }
    const std::unique_ptr<VerificationCall> owned(*call);
    QObject::connect(owned.get(), &VerificationCall::finished, owned.get(), [] { QCoreApplication::exit(0); });
    QCoreApplication::exec();
    const VerificationResult outcome = owned->result();
    const QString caseId = owned->caseId();

    if (asJson) {
        QJsonObject object = outcome.toJson();
        object.insert(QStringLiteral("warnings"), issuesToJson(issues));
        object.insert(QStringLiteral("caseId"), caseId);
        // Where the AccessKey came from (the chain's source, the key id masked), never the secret.
        const Credentials& key = service.options().credentials;
        object.insert(QStringLiteral("credentialSource"),
            service.isTraining() ? Credentials::training().sourceName() : key.sourceName());
        object.insert(QStringLiteral("accessKeyId"),
            service.isTraining() ? Credentials::training().maskedKeyId() : key.maskedKeyId());
        object.insert(QStringLiteral("recorded"),
            !outcome.unrecorded && outcome.status != VerificationResult::Status::NotRecorded);
        printJson(object);
    } else {
        printHuman(outcome);
    }
    // An answer the history could not record is shown, and the exit code says the history failed.
    return outcome.unrecorded ? static_cast<int>(HistoryCli::CannotOpen) : outcome.exitCode();
}

} // namespace

int runVerify(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Checks one case locally (ID number checksum, dates) and, when it passes, verifies it with Alibaba Cloud "
           "Id2MetaPeriodVerifyIntl (eKYC_Date_MIN). Every answered call is billed.\n\n"
           "Credentials, in the order of the provider's SDKs: the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, "
           "ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALIBABA_CLOUD_SECURITY_TOKEN), the aliyun CLI's ~/.aliyun/config.json, "
           "the credentials file, then the key saved in the app's Settings (OS keychain). The secret is never "
           "printed.\n\n"
           "Every case and attempt is recorded in the audit history (--db, default: the app's own history; with "
           "--training the separate training history) before and after the call; its passphrase comes from "
           "EKYC_DESK_PASSPHRASE or is asked on the terminal. On a history with accounts, sign in with --user NAME "
           "(password from EKYC_DESK_PASSWORD or asked on the terminal).\n\n"
           "Exit codes: 0 passed (SubCode 200); 2 not passed (202/223, or an undocumented SubCode: escalate); 3 "
           "refused locally (bad input, no credentials); 4 API error, or an answer that could not be read; 5 network "
           "or TLS error before the request left (nothing billed); 6 the audit history cannot be opened or stopped "
           "recording (nothing more was sent; an answer that arrived is printed and kept in the history's spool); 7 "
           "not permitted: the signed-in account's role may not verify (recorded); 8 sign-in failed; 9 outcome "
           "unknown: the request was sent and no answer arrived, so it may have been billed (not retried; retry it "
           "with --retry CASE_ID, which keeps its MerchantBizId)."));
    parser.addHelpOption();
    const QCommandLineOption name(QStringLiteral("name"),
        tr("Name as on the ID card (other users of this machine can see it in the process list: --case keeps it off "
           "the command line)."),
        QStringLiteral("NAME"));
    const QCommandLineOption idNumber(QStringLiteral("id-number"),
        tr("18-character resident ID number (seen in the process list too, as --name)."),
        QStringLiteral("NO"));
    const QCommandLineOption caseFile(QStringLiteral("case"),
        tr("Read the case from FILE, or from standard input for -, instead of --name, --id-number, --start, --end, "
           "--long-term, --scene, --user-id and --merchant-biz-id: CSV as a batch list takes it (a header line naming "
           "name, id_number, start, end and optionally scene, user_id, merchant_biz_id), with one case."),
        QStringLiteral("FILE"));
    const QCommandLineOption start(QStringLiteral("start"), tr("Validity start date."), QStringLiteral("YYYYMMDD"));
    const QCommandLineOption end(QStringLiteral("end"), tr("Validity end date."), QStringLiteral("YYYYMMDD"));
    const QCommandLineOption longTerm(QStringLiteral("long-term"), tr("The card has no end date (长期)."));
    const QCommandLineOption longTermValue(QStringLiteral("long-term-value"),
        tr("What to send as ValidityEndDate for a long-term card: 长期 "
           "(default, per the provider's Chinese reference) or long-term."),
        QStringLiteral("VALUE"));
    const QCommandLineOption scene(
        QStringLiteral("scene"), tr("SceneCode: up to 10 letters, digits or underscores."), QStringLiteral("CODE"));
    const QCommandLineOption userId(QStringLiteral("user-id"),
        tr("MerchantUserId (phone, e-mail, ...): only its SHA-256 hash leaves this "
           "machine."),
        QStringLiteral("ID"));
    const QCommandLineOption bizId(QStringLiteral("merchant-biz-id"),
        tr("MerchantBizId, up to 32 letters and digits (default: 32 random hex)."),
        QStringLiteral("ID"));
    const QCommandLineOption endpoint = HistoryCli::endpointOption();
    const QCommandLineOption caFile = HistoryCli::caFileOption();
    const QCommandLineOption training(
        QStringLiteral("training"), tr("Use the built-in training sandbox and its public AccessKey."));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print one JSON object."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), tr("Print the fully signed HTTP request as JSON without sending it."));
    const QCommandLineOption retry(QStringLiteral("retry"),
        tr("Send a case whose outcome is unknown (exit 9) again, under its own MerchantBizId and linked to it; its "
           "name and ID number come from the history (the reveal is recorded)."),
        QStringLiteral("CASE_ID"));
    const QCommandLineOption db = HistoryCli::dbOption();
    parser.addOptions({ db,
        HistoryCli::userOption(),
        retry,
        caseFile,
        name,
        idNumber,
        start,
        end,
        longTerm,
        longTermValue,
        scene,
        userId,
        bizId,
        endpoint,
        caFile,
        training,
        json,
        dryRun });
    if (const std::optional<int> done = HistoryCli::parse(parser, arguments))
        return *done == HistoryCli::Ok ? Passed : Refused;
    if (!parser.positionalArguments().isEmpty()) {
        HistoryCli::err(tr("Unexpected argument: %1").arg(parser.positionalArguments().first()) + u'\n');
        return Refused;
    }
    const bool asJson = parser.isSet(json);
    if (parser.isSet(retry)) {
        // The case is sent again as it was recorded: its scene and user id too.
        if (const QString given =
                firstGiven(parser, { &name, &idNumber, &start, &end, &longTerm, &scene, &userId, &bizId, &dryRun });
            !given.isEmpty())
            return refuse(
                asJson, tr("--retry takes the case from the history; --%1 cannot be given with it.").arg(given));
    }

    if (parser.isSet(caseFile)) {
        if (const QString given =
                firstGiven(parser, { &retry, &name, &idNumber, &start, &end, &longTerm, &scene, &userId, &bizId });
            !given.isEmpty())
            return refuse(
                asJson, tr("--case takes the whole case from its file; --%1 cannot be given with it.").arg(given));
    }

    CaseInput input;
    if (parser.isSet(caseFile)) {
        if (const std::optional<int> refused = readCaseFile(parser.value(caseFile), asJson, &input))
            return *refused;
    } else {
        input.name = parser.value(name);
        input.idNumber = parser.value(idNumber);
        input.longTerm = parser.isSet(longTerm);
        input.sceneCode = parser.value(scene);
        input.merchantUserId = parser.value(userId);
        input.merchantBizId = parser.value(bizId);
        if (parser.isSet(start)) {
            input.validityStart = parseDate(parser.value(start));
            if (!input.validityStart.isValid())
                return refuse(asJson, tr("Valid from (--start): expected a real date as YYYYMMDD."));
        }
        if (parser.isSet(end)) {
            if (input.longTerm)
                return refuse(asJson, tr("Give either --end or --long-term, not both."));
            input.validityEnd = parseDate(parser.value(end));
            if (!input.validityEnd.isValid())
                return refuse(asJson, tr("Valid until (--end): expected a real date as YYYYMMDD."));
        }
    }

    // A retry's input is the recorded case's, read below and checked there.
    QList<ValidationIssue> issues =
        parser.isSet(retry) ? QList<ValidationIssue>() : CaseValidator::check(input, VerificationService::today());
    const auto warn = [asJson](const QList<ValidationIssue>& warnings) {
        if (asJson)
            return;
        for (const ValidationIssue& issue : warnings)
            QTextStream(stderr) << tr("Warning: %1").arg(issue.message) << '\n';
    };
    if (CaseValidator::hasBlocking(issues))
        return refuse(asJson, tr("Refused locally; nothing was sent or billed."), issues);
    warn(issues);

    // The option is checked by the setting's own rule; a bad stored setting reads as its default, with a warning.
    if (parser.isSet(longTermValue) && !Settings::longTermValue.accepts(parser.value(longTermValue)))
        return refuse(asJson, tr("--long-term-value: use 长期 or long-term."));

    // The same start-up as the app: settings read and checked once, the service, then the history, into which the
    // case is written before anything is sent; without a history nothing is sent.
    Settings settings;
    Session::Request request;
    request.training = parser.isSet(training);
    request.historyLocation = parser.value(db); // empty: the setting's, or in training the training history
    request.signIn = [&parser, &request](
                         AuditStore& history) { return HistoryCli::signIn(parser, history, request.training); };
    request.endpoint = parser.value(endpoint);
    request.caFile = parser.value(caFile);
    request.longTermValue = parser.value(longTermValue);
    request.openHistory = !parser.isSet(dryRun);
    // The connection is opened (TLS handshake) while the key derivation runs; the case is recorded before it is used.
    request.openHistoryWith = [](const QString& location) { return HistoryCli::openStoreOffThread(location); };
    request.preconnect = parser.isSet(dryRun) ? 0 : 1;
    Session::Failure failure;
    const std::unique_ptr<Session> session = Session::create(settings, request, &failure);
    if (!session) {
        refuse(asJson,
            failure.error == Session::Error::HistoryUnavailable ? tr("Audit history: %1").arg(failure.message)
                                                                : failure.message);
        return HistoryCli::exitCodeFor(failure.error);
    }
    VerificationService& service = session->verification();
    for (const QString& warning : session->credentialWarnings())
        QTextStream(stderr) << tr("Warning: %1").arg(warning) << '\n';
    if (!service.spoolNotice().isEmpty()) // set aside while the history was opened
        QTextStream(stderr) << tr("Audit history: %1").arg(service.spoolNotice()) << '\n';

    if (parser.isSet(dryRun)) {
        const VerificationRequest prepared = service.buildRequest(input);
        printJson(requestToJson(service.client()->prepare(prepared), service.options().client.endpoint));
        return Passed;
    }
    if (parser.isSet(retry)) {
        std::optional<Result<RecordedCase>> again;
        service.caseForRetry(parser.value(retry), &service, [&again](const Result<RecordedCase>& recorded) {
            again = recorded;
            QCoreApplication::exit(0);
        });
        QCoreApplication::exec();
        if (!*again) {
            refuse(asJson, again->message());
            const ErrorCode code = again->error();
            if (code == ErrorCode::PermissionDenied)
                return HistoryCli::NotPermitted;
            const bool historyFailed = code != ErrorCode::NotFound && code != ErrorCode::InvalidArgument;
            return historyFailed ? static_cast<int>(HistoryCli::CannotOpen) : static_cast<int>(Refused);
        }
        input = (*again)->input;
        issues = CaseValidator::keepingRecordedMerchantBizId(CaseValidator::check(input, VerificationService::today()));
        if (CaseValidator::hasBlocking(issues))
            return refuse(asJson, tr("Refused locally; nothing was sent or billed."), issues);
        warn(issues);
    }
    return sendCase(service, input, parser.value(retry), asJson, issues);
}

} // namespace Cli
