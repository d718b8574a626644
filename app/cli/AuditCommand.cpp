#include "Commands.h"
#include "HistoryCli.h"

#include "base/OutputFile.h"
#include "base/Settings.h"
#include "history/AuditStore.h"
#include "history/ChainSigner.h"
#include "history/ChainVerifier.h"
#include "history/HistoryLocation.h"
#include "history/Migrations.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSqlQuery>
#include <QUuid>

namespace {

struct VerifyOptions
{
    const QCommandLineOption& anchor;
    const QCommandLineOption& anchors;
    const QCommandLineOption& keys;
};

// The history id of a history opened without its keys.
QString historyIdOf(QSqlDatabase& db)
{
    QSqlQuery q(db);
    return q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'history_id'")) && q.next() ? q.value(0).toString()
                                                                                                 : QString();
}

// Adds the anchors of --anchors DIR (those of this history) to options; false (and a message) for an altered or
// unreadable anchor file, or a folder with none of this history's anchors.
bool addAnchorDirectory(const QString& dir, const QString& historyId, ChainVerifier::Options& options)
{
    QStringList errors;
    const QList<ChainAnchor> anchors = ChainAnchor::readDirectory(dir, historyId, &errors);
    if (!errors.isEmpty()) {
        HistoryCli::out(QStringLiteral("BROKEN: %1\n")
                            .arg(HistoryCli::tr("Anchor files in %1 cannot be trusted: %2")
                                     .arg(dir, errors.join(QStringLiteral("; ")))));
        return false;
    }
    if (anchors.isEmpty()) {
        HistoryCli::err(HistoryCli::tr("There are no anchors of history %1 in %2.").arg(historyId, dir) + u'\n');
        return false;
    }
    options.anchors += anchors;
    return true;
}

// The verification with the history's keys (--keys): the masks and the blind index are also compared with the
// decrypted name and ID number, and the signing key with the one the keys make.
std::optional<ChainReport> verifyWithKeys(
    const QCommandLineParser& parser, const VerifyOptions& flags, ChainVerifier::Options options, int* exitCode)
{
    auto store = HistoryCli::openStore(parser, true, true); // reads only: a database role with SELECT may run it
    if (!store) {
        *exitCode = HistoryCli::CannotOpen;
        return std::nullopt;
    }
    if (parser.isSet(flags.anchors) && !addAnchorDirectory(parser.value(flags.anchors), store->historyId(), options)) {
        *exitCode = HistoryCli::ChainBroken;
        return std::nullopt;
    }
    return store->verifyChain(options);
}

// Without --keys, verification reads only: it needs no passphrase, so an auditor without access to the personal data
// can run it.
int verify(const QCommandLineParser& parser, const VerifyOptions& flags)
{
    ChainVerifier::Options options;
    if (parser.isSet(flags.anchor)) {
        QFile file(parser.value(flags.anchor));
        if (!file.open(QIODevice::ReadOnly)) {
            HistoryCli::err(HistoryCli::tr("Cannot read the anchor file %1.").arg(file.fileName()) + u'\n');
            return HistoryCli::BadUsage;
        }
        QString error;
        bool altered = false;
        options.anchor = ChainAnchor::fromJson(file.read(qint64 { 64 } * 1024), &error, &altered);
        if (altered) {
            HistoryCli::out(QStringLiteral("BROKEN: %1\n").arg(error));
            return HistoryCli::ChainBroken;
        }
        if (!options.anchor) {
            HistoryCli::err(error + u'\n');
            return HistoryCli::BadUsage;
        }
    }
    const HistoryLocation where = HistoryLocation::parse(HistoryCli::location(parser));
    if (!where.isValid()) {
        HistoryCli::err(where.error + u'\n');
        return HistoryCli::BadUsage;
    }
    if (!where.isPostgres() && !QFileInfo::exists(where.path)) {
        HistoryCli::err(HistoryCli::tr("There is no history at %1.").arg(where.path) + u'\n');
        return HistoryCli::CannotOpen;
    }
    if (const QString refusal = where.isPostgres() ? QString() : Migrations::checkExistingFile(where.path);
        !refusal.isEmpty()) {
        HistoryCli::err(refusal + u'\n');
        return HistoryCli::CannotOpen;
    }
    ChainReport report;
    if (parser.isSet(flags.keys)) {
        int exitCode = HistoryCli::Ok;
        const std::optional<ChainReport> keyed = verifyWithKeys(parser, flags, options, &exitCode);
        if (!keyed)
            return exitCode;
        report = *keyed;
    } else {
        const QString connection =
            QStringLiteral("ekyc-audit-verify-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        QString error;
        bool anchorsRead = true;
        {
            QSqlDatabase db = where.openConnection(connection, &error);
            if (!db.isValid()) {
                HistoryCli::err(error + u'\n');
                return HistoryCli::CannotOpen;
            }
            options.historyId = historyIdOf(db);
            anchorsRead = !parser.isSet(flags.anchors)
                || addAnchorDirectory(parser.value(flags.anchors), options.historyId, options);
            if (anchorsRead)
                report = ChainVerifier::verify(db, options);
            db.close();
        }
        QSqlDatabase::removeDatabase(connection);
        if (!anchorsRead)
            return HistoryCli::ChainBroken;
    }
    if (report.ok) {
        QString line =
            QStringLiteral("OK %1 events, head %2").arg(report.count).arg(QString::fromLatin1(report.headHash));
        if (report.anchorsChecked == 1 && options.anchor)
            line += HistoryCli::tr(" (anchor at event %1 confirmed)").arg(options.anchor->seq);
        else if (report.anchorsChecked > 0)
            line += HistoryCli::tr(" (%n anchor(s) confirmed)", nullptr, static_cast<int>(report.anchorsChecked));
        if (report.headSigned)
            line += u'\n'
                + HistoryCli::tr("Signed by key %1: the head and %n checkpoint(s) verified (one every %2 events).",
                    nullptr,
                    static_cast<int>(report.checkpoints))
                      .arg(ChainSigner::displayFingerprint(report.publicKey))
                      .arg(report.checkpointInterval);
        else
            line += u'\n'
                + HistoryCli::tr("Not signed: the history has not been opened with its keys since signing began.");
        HistoryCli::out(line + u'\n');
        return HistoryCli::Ok;
    }
    HistoryCli::out(QStringLiteral("BROKEN at event %1: %2\n").arg(report.firstBrokenSeq).arg(report.reason));
    return HistoryCli::ChainBroken;
}

int head(const QCommandLineParser& parser, const QCommandLineOption& outOption)
{
    if (parser.isSet(outOption)) {
        const Result<void> writable =
            OutputFile::check(QStringLiteral("--out"), parser.value(outOption), HistoryCli::historyFiles(parser));
        if (!writable) {
            HistoryCli::err(writable.message() + u'\n');
            return HistoryCli::BadUsage;
        }
    }
    int refused = HistoryCli::Ok;
    const std::optional<HistoryCli::SignedIn> in = HistoryCli::openSignedIn(parser, &refused);
    if (!in)
        return refused;
    AuditStore* store = in->store.get();
    const Actor* actor = &in->actor;
    const Result<ChainAnchor> anchor = store->exportAnchor(*actor);
    if (!anchor) {
        HistoryCli::err(anchor.message() + u'\n');
        return HistoryCli::exitCodeFor(anchor.failure());
    }
    const QByteArray json = QJsonDocument(anchor->toJson()).toJson(QJsonDocument::Indented);
    if (parser.isSet(outOption)) {
        QSaveFile file(parser.value(outOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
            HistoryCli::err(
                HistoryCli::tr("Cannot write the anchor to %1: %2").arg(parser.value(outOption), file.errorString())
                + u'\n');
            return HistoryCli::CannotOpen; // as an export that cannot be written
        }
    } else {
        HistoryCli::out(QString::fromUtf8(json));
    }
    return HistoryCli::Ok;
}

int purge(const QCommandLineParser& parser, const QCommandLineOption& olderThanOption)
{
    int days = Settings().value(Settings::retentionDays);
    if (parser.isSet(olderThanOption)) {
        bool ok = false;
        days = parser.value(olderThanOption).toInt(&ok);
        if (!ok || days < 1) {
            HistoryCli::err(HistoryCli::tr("--older-than: expected a number of days, 1 or more.") + u'\n');
            return HistoryCli::BadUsage;
        }
    }
    int refused = HistoryCli::Ok;
    const std::optional<HistoryCli::SignedIn> in = HistoryCli::openSignedIn(parser, &refused);
    if (!in)
        return refused;
    AuditStore* store = in->store.get();
    const Actor* actor = &in->actor;
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-days);
    const Result<int> purged = store->purgeOlderThan(*actor, cutoff);
    if (!purged) {
        HistoryCli::err(purged.message() + u'\n');
        return HistoryCli::exitCodeFor(purged.failure());
    }
    HistoryCli::out(HistoryCli::tr("Erased name and ID number of %1 case(s) created before %2; their metadata and the "
                                   "hash chain are kept.")
                        .arg(*purged)
                        .arg(cutoff.toString(Qt::ISODate))
        + u'\n');
    return HistoryCli::Ok;
}

// Shows the history's checkpoint interval, or (--every, a supervisor) changes it.
int checkpoints(const QCommandLineParser& parser, const QCommandLineOption& everyOption)
{
    qint64 wanted = 0;
    if (parser.isSet(everyOption)) {
        bool ok = false;
        wanted = parser.value(everyOption).toLongLong(&ok);
        if (!ok || !ChainSigner::isValidCheckpointInterval(wanted)) {
            HistoryCli::err(HistoryCli::tr("--every: expected a number of events from %1 to %2.")
                                .arg(ChainSigner::MinCheckpointInterval)
                                .arg(ChainSigner::MaxCheckpointInterval)
                + u'\n');
            return HistoryCli::BadUsage;
        }
    }
    int refused = HistoryCli::Ok;
    const std::optional<HistoryCli::SignedIn> in = HistoryCli::openSignedIn(parser, &refused);
    if (!in)
        return refused;
    AuditStore* store = in->store.get();
    const Actor* actor = &in->actor;
    const Result<qint64> before = store->checkpointInterval();
    if (!before) {
        HistoryCli::err(before.message() + u'\n');
        return HistoryCli::exitCodeFor(before.failure());
    }
    if (wanted == 0 || wanted == *before) {
        HistoryCli::out(HistoryCli::tr("A signed checkpoint follows every %1 events.").arg(*before) + u'\n');
        return HistoryCli::Ok;
    }
    if (const Result<void> set = store->setCheckpointInterval(*actor, wanted); !set) {
        HistoryCli::err(set.message() + u'\n');
        return HistoryCli::exitCodeFor(set.failure());
    }
    HistoryCli::out(HistoryCli::tr("A signed checkpoint follows every %1 events from now on (it was every %2); the "
                                   "change is itself a signed checkpoint.")
                        .arg(wanted)
                        .arg(*before)
        + u'\n');
    return HistoryCli::Ok;
}

} // namespace

namespace Cli {

int runAudit(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(HistoryCli::tr(
        "Checks the tamper evidence of the audit history.\n"
        "  audit verify [--db PATH|URL] [--anchor FILE] [--anchors DIR] [--keys]\n"
        "      Walks the hash chain and checks the signatures of its head and checkpoints and every case record "
        "(masks and blind index included). Prints \"OK <count> events, head <hash>\" and exits 0, or prints the "
        "first broken event and exits 1. With --anchor, also checks that the exported head is still on the chain "
        "(detects a wholesale rewrite); with --anchors, every anchor in the folder (the history/anchorDirectory "
        "setting writes one per checkpoint; detects a roll-back). Needs no passphrase; with --keys (the passphrase "
        "or the keychain) the masks and index are also compared with the decrypted data and the signing key with the "
        "one the keys make.\n"
        "  audit head [--db PATH|URL] [--out FILE]\n"
        "      Exports the current head (seq, hash, time) as a small JSON anchor signed by the history's key, to keep "
        "outside the app, and records an anchor_exported event and a checkpoint.\n"
        "  audit purge [--db PATH|URL] [--older-than DAYS]\n"
        "      Erases name and ID number of cases older than DAYS (default: the history/retentionDays setting, 365) "
        "and records a retention_purge event; times, outcomes and SubCodes are kept and the chain still verifies.\n"
        "  audit checkpoints [--db PATH|URL] [--every N]\n"
        "      Shows how many events lie between the history's signed checkpoints (default 1000), or, for a "
        "supervisor, changes it for every writer of the history (10 to 100000); the change is itself a signed "
        "checkpoint, so no one without the key can widen it.\n"
        "Exit codes: 0 OK; 1 chain broken; 3 bad arguments; 6 the history cannot be opened (or the anchor cannot be "
        "written); 7 not permitted (head: a supervisor or an auditor; purge and a change of checkpoints: a "
        "supervisor); 8 "
        "sign-in failed."));
    parser.addHelpOption();
    parser.addOption(HistoryCli::dbOption());
    parser.addOption(HistoryCli::userOption());
    const QCommandLineOption anchorOption(
        QStringLiteral("anchor"), HistoryCli::tr("An anchor written by audit head."), HistoryCli::tr("FILE"));
    const QCommandLineOption outOption(
        QStringLiteral("out"), HistoryCli::tr("Write the anchor to this file."), HistoryCli::tr("FILE"));
    const QCommandLineOption olderThanOption(QStringLiteral("older-than"),
        HistoryCli::tr("Retention period in days for audit purge."),
        HistoryCli::tr("DAYS"));
    const QCommandLineOption anchorsOption(QStringLiteral("anchors"),
        HistoryCli::tr("A folder of anchors (the history/anchorDirectory setting) to check."),
        HistoryCli::tr("DIR"));
    const QCommandLineOption keysOption(QStringLiteral("keys"),
        HistoryCli::tr("Unlock the history's keys (passphrase or keychain) to check the masks and the signing key."));
    const QCommandLineOption everyOption(QStringLiteral("every"),
        HistoryCli::tr("For audit checkpoints: a signed checkpoint every N events."),
        HistoryCli::tr("N"));
    parser.addOption(anchorOption);
    parser.addOption(anchorsOption);
    parser.addOption(everyOption);
    parser.addOption(keysOption);
    parser.addOption(outOption);
    parser.addOption(olderThanOption);
    parser.addPositionalArgument(QStringLiteral("action"), HistoryCli::tr("verify, head, purge or checkpoints"));
    if (const std::optional<int> done = HistoryCli::parse(parser, arguments))
        return *done;
    const QStringList actions = parser.positionalArguments();
    if (actions == QStringList { QStringLiteral("verify") })
        return verify(parser, VerifyOptions { anchorOption, anchorsOption, keysOption });
    if (actions == QStringList { QStringLiteral("head") })
        return head(parser, outOption);
    if (actions == QStringList { QStringLiteral("purge") })
        return purge(parser, olderThanOption);
    if (actions == QStringList { QStringLiteral("checkpoints") })
        return checkpoints(parser, everyOption);
    HistoryCli::err(
        HistoryCli::tr("Use: audit verify | audit head | audit purge | audit checkpoints (see audit --help).") + u'\n');
    return HistoryCli::BadUsage;
}

} // namespace Cli
