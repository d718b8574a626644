#include "Commands.h"
#include "HistoryCli.h"

#include "history/AuditEvent.h"
#include "session/TrainingHistory.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Terminal columns a character takes: East Asian wide and full-width characters take two.
int displayWidth(char32_t c)
{
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

// The text cut or padded to exactly width terminal columns (plus one separating space).
QString cell(const QString& text, int width)
{
    QString out;
    int used = 0;
    for (const char32_t c : text.toUcs4()) {
        const int w = displayWidth(c);
        if (used + w > width - 1)
            break;
        out += QString::fromUcs4(&c, 1);
        used += w;
    }
    return out + QString(width - used, u' ');
}

QString table(const QList<CaseSummary>& cases)
{
    QString table = cell(HistoryCli::tr("Created"), 20) + cell(HistoryCli::tr("Case"), 38)
        + cell(HistoryCli::tr("Reviewer"), 14) + cell(HistoryCli::tr("Name"), 8) + cell(HistoryCli::tr("ID number"), 20)
        + cell(HistoryCli::tr("Scene"), 10) + cell(HistoryCli::tr("State"), 18) + HistoryCli::tr("SubCode") + u'\n';
    for (const CaseSummary& c : cases) {
        const QString purged = HistoryCli::tr("(purged)");
        table += cell(c.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), 20)
            + cell(c.caseId, 38) + cell(c.actor, 14) + cell(c.purged ? purged : c.nameMasked, 8)
            + cell(c.purged ? purged : c.idMasked, 20) + cell(c.sceneCode, 10) + cell(c.displayState(), 18) + c.subCode
            + u'\n';
    }
    if (cases.isEmpty())
        table += HistoryCli::tr("(no cases yet)") + u'\n';
    return table;
}

// The error code of a case's outcome (Timeout, ConnectionReset, HistoryUnavailable, ...) from its case_completed
// event; null for an answer or a case without an outcome yet.
Result<QJsonValue> errorCodeOf(AuditStore& store, const Actor& actor, const CaseSummary& summary)
{
    if (summary.state == QLatin1String(CaseState::completed) || summary.state == QLatin1String(CaseState::pending))
        return QJsonValue(QJsonValue::Null);
    const Result<QList<AuditEvent>> events = store.eventsForCase(actor, summary.caseId);
    if (!events)
        return events.failure();
    for (auto it = events->crbegin(); it != events->crend(); ++it) {
        if (it->kind == QLatin1String(EventKind::caseCompleted))
            return it->payloadObject().value(QStringLiteral("error"));
    }
    return QJsonValue(QJsonValue::Null);
}

} // namespace

namespace Cli {

int runHistory(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(HistoryCli::tr(
        "Lists the most recent cases of the audit history, newest first, with name and ID number "
        "masked (a reviewer sees their own cases).\nExit codes: 0 listed; 3 bad arguments; 6 the history or its keys "
        "cannot be opened, or its cases cannot be read; 7 not permitted; 8 sign-in failed.\n"
        "The passphrase comes from EKYC_DESK_PASSPHRASE, or is asked on the terminal."));
    parser.addHelpOption();
    parser.addOption(HistoryCli::dbOption());
    parser.addOption(HistoryCli::userOption());
    const QCommandLineOption last(QStringLiteral("last"),
        HistoryCli::tr("How many cases to list (default 20)."),
        HistoryCli::tr("N"),
        QStringLiteral("20"));
    const QCommandLineOption json(
        QStringLiteral("json"), HistoryCli::tr("One JSON object per line instead of a table."));
    const QCommandLineOption training(QStringLiteral("training"),
        HistoryCli::tr("The training desk's own history (with --db: that file, read as the trainee)."));
    parser.addOption(last);
    parser.addOption(json);
    parser.addOption(training);
    if (const std::optional<int> done = HistoryCli::parse(parser, arguments))
        return *done;
    if (!parser.positionalArguments().isEmpty()) {
        HistoryCli::err(HistoryCli::tr("Unexpected argument: %1").arg(parser.positionalArguments().first()) + u'\n');
        return HistoryCli::BadUsage;
    }
    bool ok = false;
    const int n = parser.value(last).toInt(&ok);
    if (!ok || n < 1) {
        HistoryCli::err(HistoryCli::tr("--last needs a positive number.") + u'\n');
        return HistoryCli::BadUsage;
    }
    // --training without --db: the training desk's own history (no passphrase), read as the trainee.
    const bool trainingDefault = parser.isSet(training) && !parser.isSet(HistoryCli::dbOption());
    std::unique_ptr<AuditStore> store;
    if (trainingDefault) {
        const QString path = TrainingHistory::defaultPath();
        Result<std::unique_ptr<AuditStore>> opened = QFileInfo::exists(path)
            ? TrainingHistory::open(path)
            : Result<std::unique_ptr<AuditStore>>(
                ErrorCode::NotFound, HistoryCli::tr("There is no training history at %1 yet.").arg(path));
        if (!opened)
            HistoryCli::err(opened.message() + u'\n');
        else
            store = std::move(*opened);
    } else {
        store = HistoryCli::openStore(parser, true);
    }
    if (!store)
        return HistoryCli::CannotOpen;
    const Result<Actor> signedIn = HistoryCli::signIn(parser, *store, parser.isSet(training));
    if (!signedIn) {
        HistoryCli::err(signedIn.message() + u'\n');
        return HistoryCli::exitCodeFor(signedIn.failure());
    }
    const std::optional<Actor> actor = *signedIn;
    const Result<QList<CaseSummary>> cases = store->recentCases(*actor, n);
    if (!cases) {
        HistoryCli::err(cases.message() + u'\n');
        return HistoryCli::exitCodeFor(cases.failure());
    }
    if (parser.isSet(json)) {
        for (const CaseSummary& c : *cases) {
            QJsonObject line = c.toJson();
            const Result<QJsonValue> error = errorCodeOf(*store, *actor, c);
            if (!error) {
                HistoryCli::err(error.message() + u'\n');
                return HistoryCli::CannotOpen;
            }
            line.insert(QStringLiteral("error"), *error);
            HistoryCli::out(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) + u'\n');
        }
    } else {
        HistoryCli::out(table(*cases));
    }
    return HistoryCli::Ok;
}

} // namespace Cli
