#include "cli/Commands.h"
#include "cli/HistoryCli.h"
#include "history/CaseTimeline.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace Cli {

namespace {

// lupdate files these under "Cli"; look them up there.
QString tr(const char* text)
{
    return QCoreApplication::translate("Cli", text);
}

// A refused transition is 7 (not permitted), as a role refusal is; bad input 3.
int exitCodeOf(const Failure& failure)
{
    switch (failure.code) {
    case ErrorCode::Conflict:
        return HistoryCli::NotPermitted;
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
        return HistoryCli::BadUsage;
    default:
        return HistoryCli::exitCodeFor(failure);
    }
}

template <class T> int fail(const Result<T>& result)
{
    HistoryCli::err(result.message() + u'\n');
    return exitCodeOf(result.failure());
}

void printJson(const QJsonObject& object)
{
    HistoryCli::out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) + u'\n');
}

struct Options
{
    QCommandLineOption state { QStringLiteral("state"),
        QCoreApplication::translate("Cli",
            "queue: only these states (open, in_review, proposed, escalated, approved, rejected, reopened; "
            "comma-separated)."),
        QCoreApplication::translate("Cli", "STATE") };
    QCommandLineOption assignee { QStringLiteral("assignee"),
        QCoreApplication::translate("Cli", "queue: claimed by NAME (- for nobody)."),
        QCoreApplication::translate("Cli", "NAME") };
    QCommandLineOption subCode { QStringLiteral("subcode"),
        QCoreApplication::translate("Cli", "queue: only cases with this SubCode."),
        QCoreApplication::translate("Cli", "CODE") };
    QCommandLineOption limit { QStringLiteral("limit"),
        QCoreApplication::translate("Cli", "queue: at most N cases (default 200)."),
        QCoreApplication::translate("Cli", "N"),
        QStringLiteral("200") };
    QCommandLineOption decision { QStringLiteral("decision"),
        QCoreApplication::translate("Cli", "propose: approve, reject or escalate."),
        QCoreApplication::translate("Cli", "DECISION") };
    QCommandLineOption reason { QStringLiteral("reason"),
        QCoreApplication::translate("Cli",
            "propose: a reason code in force (see `review reasons`); reopen: why, in words (- reads it from stdin)."),
        QCoreApplication::translate("Cli", "REASON") };
    QCommandLineOption note { QStringLiteral("note"),
        QCoreApplication::translate("Cli",
            "The note (required for propose, decline and note; - reads it from stdin, which keeps it out of the "
            "process list)."),
        QCoreApplication::translate("Cli", "TEXT") };
    QCommandLineOption to { QStringLiteral("to"),
        QCoreApplication::translate("Cli", "reassign: the account that takes the case."),
        QCoreApplication::translate("Cli", "NAME") };
    QCommandLineOption label { QStringLiteral("label"),
        QCoreApplication::translate("Cli", "reason-set: the label people read."),
        QCoreApplication::translate("Cli", "TEXT") };
    QCommandLineOption retire { QStringLiteral("retire"),
        QCoreApplication::translate("Cli", "reason-set: take the code out of use.") };
    QCommandLineOption fourEyes { QStringLiteral("four-eyes"),
        QCoreApplication::translate("Cli", "policy: on or off."),
        QCoreApplication::translate("Cli", "on|off") };
    QCommandLineOption slaHours { QStringLiteral("sla-hours"),
        QCoreApplication::translate("Cli", "policy: hours before a case is overdue."),
        QCoreApplication::translate("Cli", "N") };
    QCommandLineOption json { QStringLiteral("json"),
        QCoreApplication::translate("Cli", "JSON output (queue and show: one object per line).") };
};

QString readStdin()
{
    QTextStream in(stdin);
    in.setEncoding(QStringConverter::Utf8);
    return in.readAll().trimmed();
}

// --note, or the note read from stdin for "--note -".
QString noteOf(const QCommandLineParser& parser, const Options& o)
{
    const QString value = parser.value(o.note);
    return value == QLatin1String("-") ? readStdin() : value;
}

int queue(AuditStore& store, const Actor& actor, const QCommandLineParser& parser, const Options& o)
{
    ReviewQueueQuery query;
    if (parser.isSet(o.state))
        query.states = parser.value(o.state).split(QLatin1Char(','), Qt::SkipEmptyParts);
    query.assignee = parser.value(o.assignee);
    query.subCode = parser.value(o.subCode);
    bool ok = false;
    query.limit = parser.value(o.limit).toInt(&ok);
    if (!ok || query.limit < 1) {
        HistoryCli::err(tr("--limit needs a positive number.") + u'\n');
        return HistoryCli::BadUsage;
    }
    const Result<ReviewQueuePage> page = store.reviewQueue(actor, query);
    if (!page)
        return fail(page);
    const ReviewPolicy policy = store.reviewPolicy().valueOr(ReviewPolicy());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(o.json)) {
        for (const ReviewItem& item : page->rows)
            printJson(item.toJson(now, policy.slaHours));
        return HistoryCli::Ok;
    }
    QString out = tr("%1 %2 %3 %4 %5 %6\n")
                      .arg(tr("CASE"), -38)
                      .arg(tr("STATE"), -18)
                      .arg(tr("ASSIGNEE"), -14)
                      .arg(tr("SUBCODE"), -8)
                      .arg(tr("AGE"), -16)
                      .arg(tr("NAME"));
    for (const ReviewItem& item : page->rows) {
        const QString age = ReviewItem::displayAge(item.ageMinutes(now))
            + (item.overdue(now, policy.slaHours) ? tr(" overdue") : QString());
        out += QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(item.review.caseId, -38)
                   .arg(ReviewState::displayName(item.review.state), -18)
                   .arg(item.review.assignee.isEmpty() ? QStringLiteral("-") : item.review.assignee, -14)
                   .arg(item.subCode, -8)
                   .arg(age, -16)
                   .arg(item.nameMasked);
    }
    out += tr("%1 in the queue, %2 overdue (SLA %3 h).\n").arg(page->total).arg(page->overdue).arg(policy.slaHours);
    HistoryCli::out(out);
    return HistoryCli::Ok;
}

int show(AuditStore& store, const Actor& actor, const QString& caseId, bool json)
{
    const Result<QList<TimelineEntry>> timeline = CaseTimeline::read(store, actor, caseId);
    if (!timeline)
        return fail(timeline);
    if (timeline->isEmpty()) { // every case has its case_created event
        HistoryCli::err(tr("There is no case %1 in this history.").arg(caseId) + u'\n');
        return HistoryCli::BadUsage;
    }
    const Result<ReviewItem> item = store.reviewItem(actor, caseId);
    if (json) {
        QJsonArray entries;
        for (const TimelineEntry& e : *timeline)
            entries.append(e.toJson());
        QJsonObject object { { QStringLiteral("caseId"), caseId }, { QStringLiteral("timeline"), entries } };
        if (item)
            object.insert(QStringLiteral("review"),
                item->toJson(QDateTime::currentDateTimeUtc(), store.reviewPolicy().valueOr(ReviewPolicy()).slaHours));
        printJson(object);
        return HistoryCli::Ok;
    }
    QString out = item ? tr("Case %1: %2\n").arg(caseId, ReviewState::displayName(item->review.state))
                       : tr("Case %1: not in the review queue\n").arg(caseId);
    for (const TimelineEntry& e : *timeline) {
        out += QStringLiteral("#%1 %2 %3 %4\n")
                   .arg(e.seq)
                   .arg(e.ts.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.actor, e.text);
        if (!e.note.isEmpty())
            out += QStringLiteral("      %1\n").arg(tr("Note: %1").arg(e.note));
        if (!e.linkedCaseId.isEmpty())
            out += QStringLiteral("      %1\n").arg(tr("Linked case: %1").arg(e.linkedCaseId));
    }
    HistoryCli::out(out);
    return HistoryCli::Ok;
}

int reasons(AuditStore& store, bool json)
{
    const Result<QList<ReviewReason>> all = store.reviewReasons();
    if (!all)
        return fail(all);
    for (const ReviewReason& r : *all) {
        if (json)
            printJson({ { QStringLiteral("code"), r.code },
                { QStringLiteral("label"), r.displayLabel() },
                { QStringLiteral("active"), r.active } });
        else if (r.active)
            HistoryCli::out(QStringLiteral("%1 %2\n").arg(r.code, -32).arg(r.displayLabel()));
    }
    return HistoryCli::Ok;
}

int policy(AuditStore& store, const Actor& actor, const QCommandLineParser& parser, const Options& o)
{
    Result<ReviewPolicy> current = store.reviewPolicy();
    if (!current)
        return fail(current);
    ReviewPolicy wanted = *current;
    if (parser.isSet(o.fourEyes)) {
        const QString v = parser.value(o.fourEyes);
        if (v != QLatin1String("on") && v != QLatin1String("off")) {
            HistoryCli::err(tr("--four-eyes is on or off.") + u'\n');
            return HistoryCli::BadUsage;
        }
        wanted.fourEyes = v == QLatin1String("on");
    }
    if (parser.isSet(o.slaHours))
        wanted.slaHours = parser.value(o.slaHours).trimmed().toInt(); // a number: checked before the history opened
    if (parser.isSet(o.fourEyes) || parser.isSet(o.slaHours)) {
        if (const Result<void> set = store.setReviewPolicy(actor, wanted); !set)
            return fail(set);
    }
    HistoryCli::out(tr("four-eyes: %1, SLA: %2 h\n").arg(wanted.fourEyes ? tr("on") : tr("off")).arg(wanted.slaHours));
    return HistoryCli::Ok;
}

// attach: each file's name (without its folder) and SHA-256; the file itself stays where it is.
int attach(AuditStore& store, const Actor& actor, const QString& caseId, const QStringList& files)
{
    if (files.isEmpty()) {
        HistoryCli::err(tr("review attach needs CASE and at least one FILE.") + u'\n');
        return HistoryCli::BadUsage;
    }
    for (const QString& path : files) {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
            HistoryCli::err(tr("Cannot read %1: %2").arg(path, file.errorString()) + u'\n');
            return HistoryCli::BadUsage;
        }
        ReviewRequest request;
        request.caseId = caseId;
        request.action = QLatin1String(ReviewAction::reference);
        request.fileName = QFileInfo(path).fileName();
        request.sha256 = QString::fromLatin1(hash.result().toHex());
        request.fileSize = file.size();
        if (const Result<ReviewRow> done = store.review(actor, request); !done)
            return fail(done);
        HistoryCli::out(tr("%1  %2 attached to case %3\n").arg(request.sha256, request.fileName, caseId));
    }
    return HistoryCli::Ok;
}

int transition(AuditStore& store, const Actor& actor, ReviewRequest request, bool json)
{
    const Result<ReviewRow> done = store.review(actor, request);
    if (!done)
        return fail(done);
    if (json)
        printJson({ { QStringLiteral("caseId"), request.caseId },
            { QStringLiteral("state"), done->state },
            { QStringLiteral("assignee"), done->assignee } });
    else
        HistoryCli::out(tr("Case %1: %2\n").arg(request.caseId, ReviewState::displayName(done->state)));
    return HistoryCli::Ok;
}

} // namespace

int runReview(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The manual-review queue (masked), for scripts and tests.\n"
           "  review queue [--state S,...] [--assignee NAME|-] [--subcode CODE] [--json]\n"
           "  review open|claim|release|withdraw CASE [--note TEXT]\n"
           "  review reassign CASE --to NAME\n"
           "  review propose CASE --decision approve|reject|escalate --reason CODE --note TEXT\n"
           "  review approve CASE | review decline CASE --note TEXT\n"
           "  review reopen CASE --reason TEXT\n"
           "  review note CASE --note TEXT | review attach CASE FILE...\n"
           "  review show CASE [--json]   the case's timeline\n"
           "  review reasons [--json] | review reason-set --reason CODE --label TEXT [--retire]\n"
           "  review policy [--four-eyes on|off] [--sla-hours N]\n"
           "Sign in with --user NAME (password from EKYC_DESK_PASSWORD).\n"
           "Exit codes: 0 done; 3 bad arguments (unknown case or reason code, missing note); 6 the history cannot "
           "be opened; 7 not permitted or a transition the review's state refuses; 8 sign-in failed."));
    parser.addHelpOption();
    parser.addOption(HistoryCli::dbOption());
    parser.addOption(HistoryCli::userOption());
    const Options o;
    parser.addOptions({ o.state,
        o.assignee,
        o.subCode,
        o.limit,
        o.decision,
        o.reason,
        o.note,
        o.to,
        o.label,
        o.retire,
        o.fourEyes,
        o.slaHours,
        o.json });
    parser.addPositionalArgument(QStringLiteral("action"), tr("queue, open, claim, propose, approve, show, ..."));
    if (const std::optional<int> parsed = HistoryCli::parse(parser, arguments))
        return *parsed;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    static const QStringList caseActions { QStringLiteral("open"),
        QStringLiteral("claim"),
        QStringLiteral("release"),
        QStringLiteral("reassign"),
        QStringLiteral("propose"),
        QStringLiteral("approve"),
        QStringLiteral("decline"),
        QStringLiteral("withdraw"),
        QStringLiteral("reopen"),
        QStringLiteral("note"),
        QStringLiteral("attach"),
        QStringLiteral("show") };
    static const QStringList otherActions {
        QStringLiteral("queue"), QStringLiteral("reasons"), QStringLiteral("reason-set"), QStringLiteral("policy")
    };
    if (!caseActions.contains(action) && !otherActions.contains(action)) {
        HistoryCli::err(
            tr("Give one action: %1.").arg((otherActions + caseActions).join(QStringLiteral(", "))) + u'\n');
        return HistoryCli::BadUsage;
    }
    if (parser.isSet(o.slaHours)) {
        bool ok = false;
        parser.value(o.slaHours).trimmed().toInt(&ok);
        if (!ok) {
            HistoryCli::err(
                tr("--sla-hours: \"%1\" is not a whole number of hours (1 to 720).").arg(parser.value(o.slaHours))
                + u'\n');
            return HistoryCli::BadUsage;
        }
    }
    // A second case id (or one given to an action that takes none) would be dropped, unseen; attach takes files.
    const bool takesFiles = action == QLatin1String("attach");
    if (const qsizetype takes = caseActions.contains(action) ? 2 : 1; !takesFiles && positional.size() > takes) {
        HistoryCli::err(tr("Unexpected argument: %1").arg(positional.at(takes)) + u'\n');
        return HistoryCli::BadUsage;
    }
    const QString caseId = positional.value(1);
    if (caseActions.contains(action) && caseId.isEmpty()) {
        HistoryCli::err(tr("review %1 needs the case id.").arg(action) + u'\n');
        return HistoryCli::BadUsage;
    }
    int exitCode = HistoryCli::Ok;
    const std::optional<HistoryCli::SignedIn> in = HistoryCli::openSignedIn(parser, &exitCode);
    if (!in)
        return exitCode;
    AuditStore* store = in->store.get();
    const Actor* actor = &in->actor;
    const bool json = parser.isSet(o.json);
    if (action == QLatin1String("queue"))
        return queue(*store, *actor, parser, o);
    if (action == QLatin1String("show"))
        return show(*store, *actor, caseId, json);
    if (action == QLatin1String("reasons"))
        return reasons(*store, json);
    if (action == QLatin1String("policy"))
        return policy(*store, *actor, parser, o);
    if (action == QLatin1String("attach"))
        return attach(*store, *actor, caseId, positional.mid(2));
    if (action == QLatin1String("reason-set")) {
        const ReviewReason reason { parser.value(o.reason), parser.value(o.label), !parser.isSet(o.retire) };
        const Result<void> set = store->setReviewReason(*actor, reason);
        return set ? HistoryCli::Ok : fail(set);
    }
    ReviewRequest request;
    request.caseId = caseId;
    request.action = action;
    request.note = noteOf(parser, o);
    request.decision = parser.value(o.decision);
    request.assignee = parser.value(o.to);
    if (action == QLatin1String("propose"))
        request.reasonCode = parser.value(o.reason);
    else if (action == QLatin1String("reopen") && request.note.isEmpty())
        request.note = parser.value(o.reason) == QLatin1String("-") ? readStdin() : parser.value(o.reason);
    return transition(*store, *actor, request, json);
}

} // namespace Cli
