#include "RecordSpool.h"

#include "base/PrivateFiles.h"
#include "crypto/Crypto.h"
#include "history/AuditStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <fcntl.h>
#include <unistd.h>

namespace {

const QString kOp = QStringLiteral("op");
const QString kCaseId = QStringLiteral("caseId");
const QString kKind = QStringLiteral("kind");
const QString kPayload = QStringLiteral("payload");
const QString kAt = QStringLiteral("at");
const QString kActor = QStringLiteral("actor");

QJsonObject actorJson(const Actor& actor)
{
    return { { QStringLiteral("name"), actor.name },
        { QStringLiteral("role"), actor.role },
        { QStringLiteral("workstation"), actor.workstation } };
}

// Who did what the record holds (its seal covers it).
Actor actorOf(const QJsonObject& record)
{
    const QJsonObject json = record.value(kActor).toObject();
    Actor actor;
    actor.name = json.value(QStringLiteral("name")).toString();
    actor.role = json.value(QStringLiteral("role")).toString();
    actor.workstation = json.value(QStringLiteral("workstation")).toString();
    return actor;
}
const QString kSpooledAt = QStringLiteral("spooledAt");
const QString kId = QStringLiteral("id");
const QString kSpoolId = QStringLiteral("spoolId");
const QString kSeal = QStringLiteral("seal");

// The bytes a record's seal covers: the record without its seal, as compact JSON (keys in order).
QByteArray sealedBytes(QJsonObject record)
{
    record.remove(kSeal);
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

// Whether the record's seal is the one this history makes for it.
bool sealHolds(const AuditStore& history, const QJsonObject& record)
{
    const QByteArray seal = record.value(kSeal).toString().toLatin1();
    const QByteArray expected = history.recordSeal(sealedBytes(record));
    return !seal.isEmpty() && !expected.isEmpty() && Crypto::constantTimeEquals(seal, expected);
}

// The GUI and the CLI may share a spool: appends and replays take turns.
bool lockSpool(QLockFile& lock, const QString& path, QString* error)
{
    lock.setStaleLockTime(30000);
    if (lock.tryLock(10000))
        return true;
    *error = RecordSpool::tr("The spool %1 is in use by another process.").arg(path);
    return false;
}

// Whether the history already holds this spooled record (written by a replay that stopped before it could remove
// the record from the spool).
bool alreadyWritten(AuditStore& history, const Actor& actor, const QString& caseId, const QString& id)
{
    const Result<QList<AuditEvent>> events = history.eventsForCase(actor, caseId);
    for (const AuditEvent& event : events.valueOr({})) {
        if (event.payloadObject().value(kSpoolId).toString() == id)
            return true;
    }
    return false;
}

bool endsWithNewline(int fd, qint64 size)
{
    char last = 0;
    return ::pread(fd, &last, 1, static_cast<off_t>(size - 1)) == 1 && last == '\n';
}

bool syncFile(QFile& file)
{
    return file.flush() && ::fsync(file.handle()) == 0;
}

} // namespace

RecordSpool::RecordSpool(QString path)
    : m_path(std::move(path))
{
}

QString RecordSpool::pathFor(const AuditStore& history)
{
    if (!history.sqlitePath().isEmpty())
        return history.sqlitePath() + QStringLiteral(".spool");
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/spool-")
        + history.historyId() + QStringLiteral(".jsonl");
}

QList<QByteArray> RecordSpool::lines() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            out.append(line);
    }
    return out;
}

bool RecordSpool::isEmpty() const
{
    return QFileInfo(m_path).size() == 0;
}

int RecordSpool::size() const
{
    return static_cast<int>(lines().size());
}

bool RecordSpool::append(const Sealer& seal, QJsonObject record, QString* error)
{
    PrivateFiles::makeDirFor(m_path);
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lockSpool(lock, m_path, error))
        return false;
    record.insert(kId, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (const QByteArray sealed = seal ? seal(sealedBytes(record)) : QByteArray(); !sealed.isEmpty())
        record.insert(kSeal, QString::fromLatin1(sealed));
    // O_APPEND with 0600 from the start: never readable by others, even for a moment.
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    QFile file;
    if (fd < 0 || !file.open(fd, QIODevice::ReadWrite | QIODevice::Append, QFileDevice::AutoCloseHandle)) {
        if (fd >= 0)
            ::close(fd);
        *error = tr("The spool %1 cannot be opened.").arg(m_path);
        return false;
    }
    QByteArray line = QJsonDocument(record).toJson(QJsonDocument::Compact) + '\n';
    const qint64 before = file.size();
    if (before > 0 && !endsWithNewline(file.handle(), before))
        line.prepend('\n'); // after a line cut by a power loss: that one stays unreadable, this one does not

    if (file.write(line) != line.size() || !syncFile(file)) {
        *error = tr("The spool %1 cannot be written: %2").arg(m_path, file.errorString());
        // No half line may stay behind: it would spoil the next record too.
        if (::ftruncate(file.handle(), before) == 0)
            ::fsync(file.handle());
        return false;
    }
    return true;
}

bool RecordSpool::addEvent(
    const Sealer& seal, const Actor& actor, const QString& caseId, const Events::Event& event, QString* error)
{
    return append(seal, recordOf(QStringLiteral("event"), actor, caseId, Events::kindOf(event), event), error);
}

bool RecordSpool::addCompletion(
    const Sealer& seal, const Actor& actor, const QString& caseId, const Events::CaseCompleted& event, QString* error)
{
    return append(
        seal, recordOf(QStringLiteral("complete"), actor, caseId, QString::fromLatin1(event.kind), event), error);
}

QJsonObject RecordSpool::recordOf(
    const QString& op, const Actor& actor, const QString& caseId, const QString& kind, const Events::Event& event)
{
    return { { kOp, op },
        { kActor, actorJson(actor) },
        { kCaseId, caseId },
        { kKind, kind },
        { kPayload, Events::toPayload(event) },
        { kAt, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
}

bool RecordSpool::rewrite(const QList<QByteArray>& rest, QString* error)
{
    if (rest.isEmpty()) {
        if (QFile::exists(m_path) && !QFile::remove(m_path)) {
            *error = tr("The spool %1 cannot be removed.").arg(m_path);
            return false;
        }
        return true;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("The spool %1 cannot be rewritten: %2").arg(m_path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    for (const QByteArray& line : rest)
        file.write(line + '\n');
    if (!file.commit()) {
        *error = tr("The spool %1 cannot be rewritten: %2").arg(m_path, file.errorString());
        return false;
    }
    return true;
}

int RecordSpool::replay(AuditStore& history, const Actor& replayer, QString* error, int* setAsideCount)
{
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lockSpool(lock, m_path, error))
        return -1;
    QList<QByteArray> pending = lines();
    int written = 0;
    if (setAsideCount)
        *setAsideCount = 0;
    const auto putAside = [&](const QString& caseId, const QString& reason) {
        if (setAsideCount)
            ++*setAsideCount;
        return setAsideAndRecord(history, replayer, pending.first(), caseId, reason, error);
    };
    const QString unreadable = QStringLiteral("unreadable");
    while (!pending.isEmpty()) {
        const QJsonObject record = QJsonDocument::fromJson(pending.first()).object();
        const QString caseId = record.value(kCaseId).toString();
        const QString id = record.value(kId).toString();
        if (caseId.isEmpty() || id.isEmpty()) {
            // A line cut by a power loss during its append: set aside, never replayed, never in the way.
            if (!putAside(caseId, unreadable))
                return -1;
        } else if (!sealHolds(history, record)) {
            if (!putAside(caseId, QStringLiteral("unsealed")))
                return -1;
        } else if (!alreadyWritten(history, actorOf(record), caseId, id)) {
            const Result<void> replayed = write(history, actorOf(record), record);
            if (replayed.error() == ErrorCode::Corrupt) {
                // A record no version of the history can take: kept, not in the way.
                if (!putAside(caseId, unreadable))
                    return -1;
            } else if (!replayed) {
                *error = replayed.message();
                return -1;
            } else {
                ++written;
            }
        }
        pending.removeFirst();
        if (!rewrite(pending, error))
            return -1;
    }
    return written;
}

Result<void> RecordSpool::write(AuditStore& history, const Actor& actor, const QJsonObject& record)
{
    QJsonObject payload = record.value(kPayload).toObject();
    payload.insert(kSpooledAt, record.value(kAt));
    payload.insert(kSpoolId, record.value(kId));
    const QString caseId = record.value(kCaseId).toString();
    if (record.value(kOp).toString() == QLatin1String("complete")) {
        const Result<Events::Event> event =
            Events::fromPayload(record.value(kKind).toString(QString::fromLatin1(EventKind::caseCompleted)), payload);
        if (!event)
            return event.failure();
        // The desk spools only a call's outcome: a review decision here was written by someone with the keys, not by
        // the desk, and a decision is made in the review queue (four eyes), never replayed.
        if (const auto* completed = std::get_if<Events::CaseCompleted>(&*event))
            return history.completeCase(actor, caseId, *completed);
        return Failure(ErrorCode::Corrupt, tr("The spool holds a completion of another kind."));
    }
    const Result<Events::Event> event = Events::fromPayload(record.value(kKind).toString(), payload);
    if (!event)
        return event.failure();
    const Result<qint64> appended = history.record(actor, caseId, *event);
    return appended ? Result<void>() : appended.failure();
}

bool RecordSpool::setAsideAndRecord(AuditStore& history,
    const Actor& replayer,
    const QByteArray& line,
    const QString& caseId,
    const QString& reason,
    QString* error)
{
    setAside(line);
    const Events::SpoolRecordSetAside event { reason, QString::fromLatin1(Crypto::sha256Hex(line)), {} };
    const Result<qint64> recorded = history.recordSpoolSetAside(replayer, caseId, event);
    if (!recorded)
        *error = recorded.message();
    return recorded.ok();
}

void RecordSpool::setAside(const QByteArray& line)
{
    qWarning("RecordSpool: a line of %s that is unreadable or not sealed by this history is set aside in %s.bad",
        qPrintable(m_path),
        qPrintable(m_path));
    const int fd = ::open(QFile::encodeName(m_path + QStringLiteral(".bad")).constData(),
        O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
        0600);
    if (fd < 0)
        return;
    const QByteArray out = line + '\n';
    if (::write(fd, out.constData(), static_cast<size_t>(out.size())) == out.size())
        ::fsync(fd);
    ::close(fd);
}
